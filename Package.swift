// swift-tools-version:6.0
// stellarbound: stellar physics -> bounds on neutrino electromagnetic properties.
// Module graph (dependencies point one way; Constants and ModelData depend on nothing):
//   stellarbound (exe) -> StellarboundCLI -> TRGBBounds -> RedGiantCore -> Microphysics -> Plasma -> GSL -> CGSL (internal import in GSL)
//   StellarboundCLI also uses Laboratory, Millicharge, NeutrinoMixing, Microphysics, Plasma and ModelData directly
//   Constants (CODATA 2018, IAU 2015) is read by Plasma, Microphysics, EnvelopePhysics, RedGiantCore, TRGBBounds,
//     Millicharge and Laboratory
//   EnvelopePhysics (the whole star's input physics) -> Microphysics, Plasma, GSL, ModelData
//   NeutrinoMixing (complex 3×3 matrices, PMNS, moment matrices) -> ModelData
//   Millicharge (pulsar rotation, charge-limit catalog) sits beside TRGBBounds and needs only ModelData
//   Laboratory (effective moments, ν–e scattering, limit catalog) -> NeutrinoMixing, GSL, ModelData
//     (not TRGBBounds: the stellar limit reaches it as a number)
import PackageDescription

let package = Package(
    name: "stellarbound",
    products: [
        .executable(name: "stellarbound", targets: ["stellarbound"]),
        .library(name: "Constants", targets: ["Constants"]),
        .library(name: "Plasma", targets: ["Plasma"]),
        .library(name: "Microphysics", targets: ["Microphysics"]),
        .library(name: "GSL", targets: ["GSL"]),
        .library(name: "RedGiantCore", targets: ["RedGiantCore"]),
        .library(name: "TRGBBounds", targets: ["TRGBBounds"]),
        .library(name: "Millicharge", targets: ["Millicharge"]),
        .library(name: "Laboratory", targets: ["Laboratory"]),
        .library(name: "NeutrinoMixing", targets: ["NeutrinoMixing"]),
        .library(name: "EnvelopePhysics", targets: ["EnvelopePhysics"]),
        .library(name: "ModelData", targets: ["ModelData"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Physical constants (CODATA 2018) and nominal solar values (IAU 2015), written once; no dependencies.
        .target(name: "Constants"),
        // C shim over Debian's libgsl-dev. Imported by the GSL target only.
        .systemLibrary(
            name: "CGSL",
            path: "Sources/CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        // The one safe Swift layer over GSL: quadrature, roots, ODEs, interpolation,
        // special functions, distributions. Abort handler off; failures are thrown errors.
        .target(name: "GSL", dependencies: ["CGSL"]),
        // Electron gas, plasmon dispersion (Braaten & Segel 1993) and plasmon decay into
        // neutrino pairs: standard, magnetic moment, millicharge; Itoh et al. 1996 fit.
        .target(name: "Plasma", dependencies: ["Constants", "GSL"]),
        // Input physics of the helium core beyond the plasma: nuclear rates with screening,
        // equation of state, opacities, other neutrino losses.
        .target(name: "Microphysics", dependencies: ["Constants", "Plasma", "GSL"]),
        // The degenerate helium core of a red giant evolved to the helium flash (Henyey integrator).
        .target(name: "RedGiantCore", dependencies: ["Constants", "Microphysics", "Plasma", "GSL"]),
        // From the tip of the red-giant branch to limits on μν: tip photometry, calibrations,
        // systematics budget, frequentist and Bayesian limits, the posterior over stellar parameters.
        .target(name: "TRGBBounds", dependencies: ["Constants", "RedGiantCore", "Microphysics", "Plasma", "GSL", "ModelData"]),
        // Neutrino millicharge beside the red-giant bound: the neutrino-star-turning bound from the
        // rotation of magnetised neutron stars, the neutron-star and charge-limit catalogs.
        .target(name: "Millicharge", dependencies: ["Constants", "ModelData"]),
        // Laboratory against stellar limits: effective moments under mixing, ν–e elastic scattering with
        // reactor and solar spectra, the magnetic-moment limit catalog.
        .target(name: "Laboratory", dependencies: ["Constants", "NeutrinoMixing", "GSL", "ModelData"]),
        // Neutrino mixing: complex 3×3 matrices, the PMNS matrix, the moment matrices and their basis-independent
        // sum Σ(|μ|² + |ε|²) (what stars bound), read from StellarModels/neutrino/.
        .target(name: "NeutrinoMixing", dependencies: ["ModelData"]),
        // Input physics of the whole star beyond the helium core: tabulated radiative opacities (OPAL +
        // Ferguson et al. 2005), the envelope's equation of state with partial ionisation, hydrogen burning
        // (pp chains, CNO cycle), mixing-length convection, atmosphere boundary conditions, mass loss, mixtures.
        .target(name: "EnvelopePhysics", dependencies: ["Constants", "Microphysics", "Plasma", "GSL", "ModelData"]),
        // Finds StellarModels/ (source tree or installed) and decodes its files with precise errors.
        .target(name: "ModelData"),
        // Command implementations (thin over the library modules), testable in-process.
        .target(
            name: "StellarboundCLI",
            dependencies: [
                "Plasma",
                "Microphysics",
                "RedGiantCore",
                "TRGBBounds",
                "Millicharge",
                "Laboratory",
                "NeutrinoMixing",
                "ModelData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "stellarbound", dependencies: ["StellarboundCLI"]),
        .testTarget(name: "GSLTests", dependencies: ["GSL"]),
        .testTarget(name: "PlasmaTests", dependencies: ["Plasma", "GSL"]),
        .testTarget(name: "MicrophysicsTests", dependencies: ["Microphysics", "Plasma"]),
        .testTarget(name: "ModelDataTests", dependencies: ["ModelData"]),
        .testTarget(name: "RedGiantCoreTests", dependencies: ["RedGiantCore", "Microphysics", "ModelData", "Plasma", "GSL"]),
        .testTarget(name: "TRGBBoundsTests", dependencies: ["TRGBBounds", "RedGiantCore", "ModelData", "GSL"]),
        .testTarget(name: "MillichargeTests", dependencies: ["Millicharge", "ModelData"]),
        .testTarget(name: "LaboratoryTests", dependencies: ["Laboratory", "NeutrinoMixing", "ModelData"]),
        .testTarget(name: "NeutrinoMixingTests", dependencies: ["NeutrinoMixing", "ModelData"]),
        .testTarget(name: "EnvelopePhysicsTests", dependencies: ["EnvelopePhysics", "Microphysics", "Plasma", "ModelData", "Constants"]),
        .testTarget(name: "ConstantsTests", dependencies: ["Constants"]),
        .testTarget(name: "CLITests", dependencies: ["StellarboundCLI", "stellarbound"]),
    ],
    swiftLanguageModes: [.v6]
)
