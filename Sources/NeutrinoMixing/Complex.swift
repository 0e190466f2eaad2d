import Foundation

/// A complex number (just what the moment matrices need).
public struct Complex: Sendable, Equatable {
    public var re: Double, im: Double
    public init(_ re: Double, _ im: Double = 0) { self.re = re; self.im = im }
    public var conjugate: Complex { Complex(re, -im) }
    public var magnitudeSquared: Double { re * re + im * im }
    public static func + (a: Complex, b: Complex) -> Complex { Complex(a.re + b.re, a.im + b.im) }
    public static func * (a: Complex, b: Complex) -> Complex { Complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re) }
    public static func expi(_ phase: Double) -> Complex { Complex(cos(phase), sin(phase)) }
}
