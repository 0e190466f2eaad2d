/// Composite Simpson's rule on [a, b] with n (even) intervals.
enum Simpson {
    static func integrate(_ a: Double, _ b: Double, _ n: Int, _ f: (Double) -> Double) -> Double {
        guard b > a else { return 0 }
        let m = n % 2 == 0 ? n : n + 1
        let h = (b - a) / Double(m)
        var s = f(a) + f(b)
        for i in 1..<m { s += (i % 2 == 1 ? 4 : 2) * f(a + Double(i) * h) }
        return s * h / 3
    }

    /// Two integrands sharing one evaluation per node (e.g. the weak and magnetic parts of one spectrum fold).
    static func integratePair(_ a: Double, _ b: Double, _ n: Int, _ f: (Double) -> (Double, Double)) -> (Double, Double) {
        guard b > a else { return (0, 0) }
        let m = n % 2 == 0 ? n : n + 1
        let h = (b - a) / Double(m)
        let (fa, ga) = f(a), (fb, gb) = f(b)
        var s = fa + fb, t = ga + gb
        for i in 1..<m {
            let w: Double = i % 2 == 1 ? 4 : 2
            let (fi, gi) = f(a + Double(i) * h)
            s += w * fi
            t += w * gi
        }
        return (s * h / 3, t * h / 3)
    }
}
