import Constants
import Foundation

/// The tip seen in the I band: luminosity and tip colour → T_eff, log g, BC_I, M_I.
///
///     M_bol = M_bol,☉(table) − 2.5 log₁₀(L/L☉)
///     T_eff solves (V − I)₀(T_eff, log g, [Fe/H]) = observed or relation tip colour   (BC table colours)
///     log g = log₁₀(G M / R²),  R² = L / (4π σ T_eff⁴)                                  (iterated with T_eff)
///     M_I = M_bol − BC_I(T_eff, log g, [Fe/H])
///
/// With the core engine the envelope is not modelled: T_eff comes from the tip colour, so mixing length and envelope
/// physics enter through the colour relation's scatter (Docs/bounds.md §2). A whole-star track gives T_eff and log g
/// itself (`tip(logL:teff:logg:feh:)`), and the colour becomes a cross-check.
public struct TipPhotometry: Sendable {
    public var table: BolometricCorrectionTable

    public init(table: BolometricCorrectionTable) { self.table = table }

    public struct Result: Sendable, Equatable {
        public var mI: Double, mBol: Double, teff: Double, logg: Double, bcI: Double, colourVI: Double
    }

    // From `Constants`: IAU 2015 nominal GM☉ and L☉ (cgs), CODATA 2018 σ_SB. (M_bol,☉ is not a code
    // constant here: each BC table carries its own `mbol_sun`, 4.75 for CV14, 4.74 for IAU 2015.)
    static let gm = Solar.gravitationalParameter, sigma = CGS.stefanBoltzmann, lsun = Solar.luminosity

    /// log g (cgs) for mass in M☉, log L/L☉ and T_eff in K.
    public static func logg(mass: Double, logL: Double, teff: Double) -> Double {
        log10(4 * Double.pi * sigma * gm * mass * pow(teff, 4) / lsun) - logL
    }

    public func tip(logL: Double, mass: Double, feh: Double, colourVI: Double) throws -> Result {
        try checkLuminosity(logL)
        var g = 0.5
        var teff = 4000.0
        for _ in 0..<6 {
            teff = try table.teff(colourVI: colourVI, logg: clampedGravity(g), feh: feh)
            let next = try checkedGravity(Self.logg(mass: mass, logL: logL, teff: teff))
            if abs(next - g) < 1e-6 { g = next; break }
            g = next
        }
        return try result(logL: logL, teff: teff, logg: g, feh: feh, colourVI: colourVI)
    }

    /// The tip of a whole-star model: T_eff and log g are the model's, so no colour is assumed; the model's own
    /// (V−I)₀ is read from the same table (for the cross-check against the empirical tip colour).
    ///
    ///     M_I = M_bol,☉(table) − 2.5 log₁₀(L/L☉) − BC_I(T_eff, log g, [Fe/H]),   (V−I)₀ = BC_I − BC_V
    public func tip(logL: Double, teff: Double, logg: Double, feh: Double) throws -> Result {
        try checkLuminosity(logL)
        let colour = try table.colourVI(teff: teff, logg: clampedGravity(try checkedGravity(logg)), feh: feh)
        return try result(logL: logL, teff: teff, logg: logg, feh: feh, colourVI: colour)
    }

    /// M_bol and M_I of a tip whose T_eff and log g are known.
    private func result(logL: Double, teff: Double, logg: Double, feh: Double, colourVI: Double) throws -> Result {
        let bc = try table.bcI(teff: teff, logg: clampedGravity(logg), feh: feh)
        let mBol = table.mbolSun - 2.5 * logL
        return Result(mI: mBol - bc, mBol: mBol, teff: teff, logg: logg, bcI: bc, colourVI: colourVI)
    }

    private func checkLuminosity(_ logL: Double) throws {
        guard logL.isFinite, logL > 2, logL < 4.5 else {
            throw TRGBError.invalidParameter(name: "log L_tip", value: logL, allowed: "(2, 4.5)")
        }
    }

    /// The brightest tips (μ₁₂ ≳ 6) reach log g slightly below the grid's 0.0: the BC is taken at the grid edge there
    /// (∂BC_I/∂log g ≈ 0.05 mag per dex at tip temperatures; T_eff and log g stay exact), up to 0.5 dex below it.
    private func checkedGravity(_ g: Double) throws -> Double {
        let allowed = (table.logg.first! - 0.5)...table.logg.last!
        guard allowed.contains(g) else {
            throw TRGBError.outsideTable(table: "bolometric corrections \(table.name)", quantity: "log g", value: g, range: allowed)
        }
        return g
    }

    private func clampedGravity(_ g: Double) -> Double { min(max(g, table.logg.first!), table.logg.last!) }
}
