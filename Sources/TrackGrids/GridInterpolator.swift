import Foundation
import TRGBBounds

/// A finished grid as a track source for the analyses (issue 16 item 5): log L_tip and the core mass at any star
/// inside the grid, multilinear across the star's axes (mass, helium, log₁₀ Z, ΔY_FDU) and, along the coupling's
/// axis, the bound extractor's own `TipCurve` in x² at each corner (Steffen's monotone cubic with ≥ 5 nodes, a cubic
/// spline with 3–4, linear with 2).
/// Axes over physics choices or factors are matched exactly; a parameter the grid fixes must have that value.
///
/// The interpolation error is measured on held-back nodes: each interior node of each star axis is predicted
/// linearly from its two neighbours, and each interior coupling node from the curve through the others; the RMS of
/// 2.5 |Δlog L| per axis, combined over the axes in quadrature, is `heldBackError` (mag). Trap: a node held back doubles the local spacing, so for a
/// smooth function this overestimates the error between nodes (∝ h² for linear interpolation: ~4×); it is kept as a
/// deliberately conservative figure, and a grid with two nodes on an axis has no held-back estimate on that axis.
public struct GridInterpolator: TrackInterpolating {
    public let name: String
    public let heldBackError: Double
    /// The largest held-back |ΔM_I| (mag) and how many nodes were held back.
    public let heldBackMax: Double, heldBackCount: Int
    /// The RMS held-back |ΔM_I| (mag) of each axis that has one.
    public let perAxisError: [String: Double]
    /// Interpolated axes without a held-back estimate (2 nodes on a star axis, 2–3 on the coupling's): their
    /// interpolation error is not in `heldBackError`.
    public let unestimatedAxes: [String]

    struct StarAxis: Sendable {
        var parameter: String
        /// Sorted node values, and their coordinates (log₁₀ for metallicity).
        var values: [Double], coordinates: [Double]
    }

    let file: String
    let starAxes: [StarAxis]
    let couplingAxis: (parameter: String, values: [Double])?
    let exactAxes: [(parameter: String, values: [GridValue])]
    let base: TrackSpec
    let outcomes: [TrackSpec: TrackOutcome]

    static let starParameters: Set<String> = ["mass", "helium", "metallicity", "dredge_up_helium"]

    /// The interpolator for `coupling` over a grid whose every track has flashed; throws `.incomplete` otherwise.
    public init(_ tracks: GridTracks, coupling: Coupling) throws(GridError) {
        let spec = tracks.spec
        name = spec.name
        file = spec.file
        var outcomes: [TrackSpec: TrackOutcome] = [:]
        var missing = 0, failed = 0
        for (i, s) in spec.points.enumerated() {
            switch tracks.state(i) {
            case let .flashed(o): outcomes[s] = o
            case .failed: failed += 1
            case .missing: missing += 1
            }
        }
        guard missing == 0, failed == 0 else {
            throw .incomplete("grid '\(spec.name)' (\(spec.file)) is not finished: \(missing) of \(spec.points.count) tracks missing, \(failed) failed; "
                + "run `stellarbound grid run` (missing tracks) or narrow the grid (failed tracks: `grid export` gives their reasons)")
        }
        self.outcomes = outcomes
        var star: [StarAxis] = [], couplingAxis: (String, [Double])?, exact: [(String, [GridValue])] = []
        for axis in spec.axes {
            let numbers = axis.values.compactMap { v -> Double? in if case let .number(x) = v { return x }; return nil }
            if Self.starParameters.contains(axis.name) {
                let sorted = numbers.sorted()
                star.append(StarAxis(parameter: axis.name, values: sorted, coordinates: axis.name == "metallicity" ? sorted.map(log10) : sorted))
            } else if axis.name == coupling.key {
                couplingAxis = (axis.name, numbers.sorted())
            } else {
                exact.append((axis.name, axis.values))
            }
        }
        if star.contains(where: { $0.parameter == "metallicity" && $0.values.first! <= 0 }) {
            throw .invalidSpec(file: spec.file, field: "metallicity", reason: "must be > 0 on every node for interpolation in log Z")
        }
        starAxes = star
        self.couplingAxis = couplingAxis
        exactAxes = exact
        // Everything else as the grid fixes it (the first point carries the fixed values and the defaults).
        base = spec.points[0]
        // Held-back nodes, per axis.
        var errors: [String: [Double]] = [:]
        func index(_ x: Double, in nodes: [Double]) -> Int? {
            // Tolerant: q14 reads back through the charge in e (0.9 → 0.8999999999999999).
            nodes.firstIndex { abs($0 - x) <= 1e-12 * max(1, abs(x)) }
        }
        for s in spec.points {
            guard let mid = outcomes[s] else { continue }
            for a in star where a.values.count >= 3 {
                let p = GridParameter.named(a.parameter)!
                guard case let .number(x) = p.get(s), let i = index(x, in: a.values), i > 0, i < a.values.count - 1 else { continue }
                func at(_ k: Int) -> TrackOutcome? {
                    var t = s
                    _ = p.set(&t, .number(a.values[k]))
                    return outcomes[t]
                }
                guard let lo = at(i - 1), let hi = at(i + 1) else { continue }
                let w = (a.coordinates[i] - a.coordinates[i - 1]) / (a.coordinates[i + 1] - a.coordinates[i - 1])
                errors[a.parameter, default: []].append(2.5 * abs((1 - w) * lo.logTipLuminosity + w * hi.logTipLuminosity - mid.logTipLuminosity))
            }
            if let (key, nodes) = couplingAxis, nodes.count >= 4, case let .number(x) = GridParameter.named(key)!.get(s),
               let i = index(x, in: nodes), i > 0, i < nodes.count - 1 {
                let others = nodes.enumerated().filter { $0.offset != i }.map(\.element)
                let values = others.compactMap { n -> Double? in
                    var t = s
                    _ = GridParameter.named(key)!.set(&t, .number(n))
                    return outcomes[t]?.logTipLuminosity
                }
                if values.count == others.count, let predicted = try? TipCurve(mu12: others, values: values).sample([nodes[i]])[0] {
                    errors[key, default: []].append(2.5 * abs(predicted - mid.logTipLuminosity))
                }
            }
        }
        let all = errors.values.flatMap { $0 }
        heldBackCount = all.count
        heldBackMax = all.max() ?? 0
        // Per axis the RMS; across axes in quadrature (a point between nodes of several axes errs along each).
        perAxisError = errors.mapValues { e in (e.reduce(0) { $0 + $1 * $1 } / Double(e.count)).squareRoot() }
        heldBackError = perAxisError.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        // Interpolated axes with too few nodes for a held-back estimate.
        unestimatedAxes = star.filter { $0.values.count == 2 }.map(\.parameter)
            + (couplingAxis.map { $0.1.count >= 2 && $0.1.count < 4 ? [$0.0] : [] } ?? [])
    }

    func notCovered(_ message: String) -> GridError {
        .notCovered("grid '\(name)' (\(file)) does not cover what the analysis needs: \(message)")
    }

    public func interpolate(_ spec: TrackSpec) throws -> TrackOutcome {
        try interpolateTyped(spec)
    }

    func interpolateTyped(_ spec: TrackSpec) throws(GridError) -> TrackOutcome {
        let interpolated = Set(starAxes.map(\.parameter) + (couplingAxis.map { [$0.parameter] } ?? []))
        for p in GridParameter.all where !interpolated.contains(p.name) {
            let v = p.get(spec)
            if let axis = exactAxes.first(where: { $0.parameter == p.name }) {
                guard axis.values.contains(v) else {
                    throw notCovered("axis '\(p.name)' has no value \(v) (values: \(axis.values.map(\.description).joined(separator: ", ")))")
                }
            } else if v != p.get(base) {
                throw notCovered("it fixes \(p.name) = \(p.get(base)), the analysis needs \(p.name) = \(v) (make '\(p.name)' an axis that spans it)")
            }
        }
        // Multilinear weights on the star axes.
        var located: [(StarAxis, Int, Double)] = []
        for a in starAxes {
            guard case let .number(x) = GridParameter.named(a.parameter)!.get(spec) else { continue }
            let c = a.parameter == "metallicity" ? log10(x) : x
            let (lo, hi) = (a.coordinates.first!, a.coordinates.last!)
            let slack = 1e-9 * max(abs(lo), abs(hi), 1e-300)
            guard c >= lo - slack, c <= hi + slack else {
                throw notCovered("axis '\(a.parameter)' spans [\(a.values.first!), \(a.values.last!)], the analysis needs \(a.parameter) = \(x) (add nodes)")
            }
            let (i, w) = PosteriorAnalysis.locate(a.coordinates, c)
            located.append((a, i, w))
        }
        var x: Double?
        if let (key, nodes) = couplingAxis, case let .number(value) = GridParameter.named(key)!.get(spec) {
            guard value >= nodes.first! - 1e-12, value <= nodes.last! + 1e-12 else {
                throw notCovered("axis '\(key)' spans [\(nodes.first!), \(nodes.last!)], the analysis needs \(key) = \(value) (add nodes)")
            }
            guard nodes.first! == 0 else { throw notCovered("axis '\(key)' must start at 0 (the curve is interpolated in \(key)²)") }
            x = nodes.first { abs($0 - value) <= 1e-12 * max(1, abs(value)) } ?? value
        }
        var logL = 0.0, coreMass = 0.0
        for corner in 0..<(1 << located.count) {
            var weight = 1.0
            var t = spec
            for (k, (a, i, w)) in located.enumerated() {
                let up = (corner >> k) & 1 == 1
                if a.values.count == 1 && up { weight = 0; break }
                weight *= up ? w : 1 - w
                _ = GridParameter.named(a.parameter)!.set(&t, .number(a.values[up ? i + 1 : i]))
            }
            if weight == 0 { continue }
            let (l, m) = try cornerValues(t, x: x)
            logL += weight * l
            coreMass += weight * m
        }
        return TrackOutcome(coreMass: coreMass, logTipLuminosity: logL, seconds: 0)
    }

    /// log L and M_c at a grid star, along the coupling axis at `x` when there is one.
    func cornerValues(_ star: TrackSpec, x: Double?) throws(GridError) -> (Double, Double) {
        guard let x, let (key, nodes) = couplingAxis else {
            guard let o = outcomes[star] else { throw notCovered("no track at \(star)") }
            return (o.logTipLuminosity, o.coreMass)
        }
        var ls: [Double] = [], ms: [Double] = []
        for n in nodes {
            var t = star
            _ = GridParameter.named(key)!.set(&t, .number(n))
            guard let o = outcomes[t] else { throw notCovered("no track at \(t)") }
            ls.append(o.logTipLuminosity)
            ms.append(o.coreMass)
        }
        do {
            return (try TipCurve(mu12: nodes, values: ls).sample([x])[0], try TipCurve(mu12: nodes, values: ms).sample([x])[0])
        } catch {
            throw notCovered("the \(key) curve cannot be interpolated (\(error))")
        }
    }
}
