import ArgumentParser
import Microphysics
import RedGiantCore
import TRGBBounds
import WholeStar
import EnvelopePhysics

/// Every enumerated option (physics choices, `--coupling`, `--method`, `star --stop/--preset/--eos`) parsed by
/// argument-parser. `--help` lists the kebab-case spellings; any spelling that matches a choice's name ignoring case,
/// '-' and '_' is accepted (so the older camelCase names, e.g. `potekhinChabrier2000`, still work, and so does
/// `MAGNETIC_MOMENT`), and reports print the choice's raw name as before (issue 18 item 6).
protocol PhysicsChoiceArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension PhysicsChoiceArgument {
    public init?(argument: String) {
        let wanted = Self.normalised(argument)
        guard let match = Self.allCases.first(where: { Self.normalised($0.rawValue) == wanted }) else { return nil }
        self = match
    }

    public static var allValueStrings: [String] { allCases.map { kebabCase($0.rawValue) } }

    /// "potekhinChabrier2000" → "potekhinchabrier2000": the form spellings are compared in.
    static func normalised(_ s: String) -> String {
        String(s.lowercased().filter { $0 != "-" && $0 != "_" })
    }
}

/// "yakovlevShalybkov1989" → "yakovlev-shalybkov1989", "itoh1996" → "itoh1996",
/// "he3EquilibriumCNOInitial" → "he3-equilibrium-cno-initial" (an acronym stays one word).
func kebabCase(_ s: String) -> String {
    let chars = Array(s)
    var out = ""
    for (i, c) in chars.enumerated() {
        if c.isUppercase, i > 0 {
            let previous = chars[i - 1]
            let nextIsLower = i + 1 < chars.count && chars[i + 1].isLowercase
            if previous.isLowercase || previous.isNumber || (previous.isUppercase && nextIsLower) { out += "-" }
        }
        out += c.lowercased()
    }
    return out
}

extension ConductiveOpacity.Prescription: PhysicsChoiceArgument {}
extension TripleAlphaRate: PhysicsChoiceArgument {}
extension ScreeningModel: PhysicsChoiceArgument {}
extension CoulombModel: PhysicsChoiceArgument {}
extension CorePhysics.PlasmaNeutrinos: PhysicsChoiceArgument {}
extension ItohNeutrinoFits.BremsstrahlungBranch: PhysicsChoiceArgument {}
extension EnvelopeMicrophysics.BurningAbundances: PhysicsChoiceArgument {}
extension PosteriorPriorChoice.PriorSet: PhysicsChoiceArgument {}
extension PosteriorPriorChoice.ZScale: PhysicsChoiceArgument {}
extension ZAMSBurningAbundances: PhysicsChoiceArgument {}

/// The physics choices `flash` and `star` share: the conductive opacity and the 3α rate with its screening.
struct ConductionAndHeliumBurningOptions: ParsableArguments {
    @Option(help: "Conductive opacity: potekhin1999 (Potekhin et al. 1999 with Shternin & Yakovlev 2006, the Cassisi et al. 2007 method; default) or yakovlevUrpin1980.")
    var conduction = ConductiveOpacity.Prescription.potekhin1999

    @Flag(name: .customLong("blouin2020"), help: "Apply the Blouin et al. 2020 correction to the conductive opacity.")
    var blouin = false

    @Option(name: .customLong("triple-alpha"), help: "3α rate (Fynbo et al. 2005 by default).")
    var tripleAlpha = TripleAlphaRate.fynbo2005

    @Option(help: "Screening of the 3α rate (Chugunov et al. 2007 by default; in `star` the hydrogen burning keeps the network's own).")
    var screening = ScreeningModel.chugunov2007

    func apply(to p: inout PhysicsSpecification) {
        p.conduction = conduction
        p.blouin2020 = blouin
        p.tripleAlpha = tripleAlpha
        p.screening = screening
    }

    func apply(to e: inout StarEnergyPhysics) {
        e.conduction = conduction
        e.blouin2020 = blouin
        e.tripleAlpha = tripleAlpha
        e.screening = screening
    }
}
