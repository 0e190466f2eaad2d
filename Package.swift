// swift-tools-version:6.0
// stellarbound: stellar physics -> bounds on neutrino electromagnetic properties.
// Module graph (dependencies point one way; Constants and ErrorVocabulary depend on nothing, and every library
// module reads ErrorVocabulary, the one error vocabulary):
//   stellarbound (exe) -> StellarboundCLI -> TRGBBounds -> RedGiantCore -> Microphysics -> Plasma -> GSL -> CGSL (internal import in GSL)
//   TRGBBounds -> WholeStar (the whole-star engine of bound tracks, `WholeStarTracks`)
//   RedGiantCore -> Henyey (the reusable block-tridiagonal Newton solver, no dependencies beyond ErrorVocabulary)
//   StellarboundCLI writes every --json report with OutputContract (-> ErrorVocabulary)
//   StellarboundCLI also uses Laboratory, Millicharge, NeutrinoMixing, EnvelopePhysics, Microphysics, Plasma and ModelData directly
//   Constants (CODATA 2018, IAU 2015) is read by Plasma, Microphysics, EnvelopePhysics, RedGiantCore, TRGBBounds,
//     Millicharge and Laboratory
//   EnvelopePhysics (the whole star's input physics) -> Microphysics, Plasma, GSL, ModelData
//   NeutrinoMixing (complex 3×3 matrices, PMNS, moment matrices) -> ModelData
//   Millicharge (pulsar rotation, charge-limit catalog) sits beside TRGBBounds and needs only ModelData
//   TrackGrids (grid specs, shards, export, Slurm scripts over the track store) -> TRGBBounds, RedGiantCore
//   Laboratory (effective moments, ν–e scattering, limit catalog) -> NeutrinoMixing, GSL, ModelData
//     (not TRGBBounds: the stellar limit reaches it as a number)
import PackageDescription

let package = Package(
    name: "stellarbound",
    products: [
        .executable(name: "stellarbound", targets: ["stellarbound"]),
        .library(name: "StellarboundKit", targets: ["StellarboundKit"]),
        .library(name: "Constants", targets: ["Constants"]),
        .library(name: "ErrorVocabulary", targets: ["ErrorVocabulary"]),
        .library(name: "OutputContract", targets: ["OutputContract"]),
        .library(name: "CacheFiles", targets: ["CacheFiles"]),
        .library(name: "Henyey", targets: ["Henyey"]),
        .library(name: "Plasma", targets: ["Plasma"]),
        .library(name: "Microphysics", targets: ["Microphysics"]),
        .library(name: "GSL", targets: ["GSL"]),
        .library(name: "RedGiantCore", targets: ["RedGiantCore"]),
        .library(name: "TRGBBounds", targets: ["TRGBBounds"]),
        .library(name: "TrackGrids", targets: ["TrackGrids"]),
        .library(name: "Millicharge", targets: ["Millicharge"]),
        .library(name: "Laboratory", targets: ["Laboratory"]),
        .library(name: "NeutrinoMixing", targets: ["NeutrinoMixing"]),
        .library(name: "EnvelopePhysics", targets: ["EnvelopePhysics"]),
        .library(name: "ModelData", targets: ["ModelData"]),
        .library(name: "WholeStar", targets: ["WholeStar"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Physical constants (CODATA 2018) and nominal solar values (IAU 2015), written once; no dependencies.
        .target(name: "Constants"),
        // The one error vocabulary: bad input (a parameter rejection with key, value, range) or a failed computation.
        .target(name: "ErrorVocabulary"),
        // The writer of the documented --json reports: sorted keys, numbers keep their type, never NaN or infinity.
        .target(name: "OutputContract", dependencies: ["ErrorVocabulary"]),
        // Cache files: the FNV-1a digest of a payload and atomic writes (temporary file + rename).
        .target(name: "CacheFiles"),
        // The reusable implicit solver: named unknowns per cell, block-tridiagonal Newton–Henyey relaxation.
        .target(name: "Henyey", dependencies: ["ErrorVocabulary"]),
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
        .target(name: "Plasma", dependencies: ["Constants", "ErrorVocabulary", "CacheFiles", "GSL"]),
        // Input physics of the helium core beyond the plasma: nuclear rates with screening,
        // equation of state, opacities, other neutrino losses.
        .target(name: "Microphysics", dependencies: ["Constants", "ErrorVocabulary", "Plasma", "GSL"]),
        // The degenerate helium core of a red giant evolved to the helium flash (Henyey integrator).
        .target(name: "RedGiantCore", dependencies: ["Constants", "ErrorVocabulary", "Henyey", "Microphysics", "Plasma", "GSL"]),
        // From the tip of the red-giant branch to limits on μν: tip photometry, calibrations,
        // systematics budget, frequentist and Bayesian limits, the posterior over stellar parameters.
        .target(name: "TRGBBounds", dependencies: ["Constants", "ErrorVocabulary", "CacheFiles", "NeutrinoMixing", "RedGiantCore", "Microphysics", "Plasma", "GSL", "ModelData", "WholeStar", "EnvelopePhysics"]),
        // Neutrino millicharge beside the red-giant bound: the neutrino-star-turning bound from the
        // rotation of magnetised neutron stars, the neutron-star and charge-limit catalogs.
        // Track grids: a spec file, shards, status, export and Slurm job arrays over the track store (Docs/grids.md).
        .target(name: "TrackGrids", dependencies: ["ErrorVocabulary", "TRGBBounds", "RedGiantCore", "Microphysics"]),
        .target(name: "Millicharge", dependencies: ["Constants", "ErrorVocabulary", "ModelData"]),
        // Laboratory against stellar limits: effective moments under mixing, ν–e elastic scattering with
        // reactor and solar spectra, the magnetic-moment limit catalog.
        .target(name: "Laboratory", dependencies: ["Constants", "ErrorVocabulary", "NeutrinoMixing", "GSL", "ModelData"]),
        // Neutrino mixing: complex 3×3 matrices, the PMNS matrix, the moment matrices and their basis-independent
        // sum Σ(|μ|² + |ε|²) (what stars bound), read from StellarModels/neutrino/.
        .target(name: "NeutrinoMixing", dependencies: ["ErrorVocabulary", "ModelData"]),
        // Input physics of the whole star beyond the helium core: tabulated radiative opacities (OPAL +
        // Ferguson et al. 2005), the envelope's equation of state with partial ionisation, hydrogen burning
        // (pp chains, CNO cycle), mixing-length convection, atmosphere boundary conditions, mass loss, mixtures.
        .target(name: "EnvelopePhysics", dependencies: ["Constants", "ErrorVocabulary", "CacheFiles", "Microphysics", "Plasma", "GSL", "ModelData"]),
        // The whole star on one Henyey mesh from centre to photosphere (issue 14; stage 1: the ZAMS model).
        .target(name: "WholeStar", dependencies: ["Constants", "ErrorVocabulary", "Henyey", "EnvelopePhysics", "Microphysics", "ModelData", "Plasma"]),
        // Finds StellarModels/ (source tree or installed) and decodes its files with precise errors.
        .target(name: "ModelData", dependencies: ["ErrorVocabulary", "CacheFiles"]),
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
                "ErrorVocabulary",
                "OutputContract",
                "EnvelopePhysics",
                "WholeStar",
                "TrackGrids",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The umbrella for library users: re-exports every public module.
        .target(name: "StellarboundKit", dependencies: ["CacheFiles", "Constants", "EnvelopePhysics", "ErrorVocabulary", "GSL", "Henyey",
                                                        "Laboratory", "Microphysics", "Millicharge", "ModelData",
                                                        "NeutrinoMixing", "OutputContract", "Plasma", "RedGiantCore", "TRGBBounds", "TrackGrids", "WholeStar"]),
        .executableTarget(name: "stellarbound", dependencies: ["StellarboundCLI"]),
        // Shared test support: the approximate-equality helper and the StellarModels/ fixture (no XCTest).
        .target(name: "TestSupport", dependencies: ["ModelData"], path: "Tests/TestSupport"),
        .testTarget(name: "GSLTests", dependencies: ["GSL", "TestSupport"]),
        .testTarget(name: "PlasmaTests", dependencies: ["Plasma", "GSL", "TestSupport"]),
        .testTarget(name: "MicrophysicsTests", dependencies: ["Microphysics", "Plasma", "Constants", "GSL", "TestSupport"]),
        .testTarget(name: "ModelDataTests", dependencies: ["ModelData", "CacheFiles", "TestSupport"]),
        .testTarget(name: "RedGiantCoreTests", dependencies: ["RedGiantCore", "Henyey", "Microphysics", "ModelData", "Plasma", "GSL", "TestSupport"]),
        .testTarget(name: "TRGBBoundsTests", dependencies: ["TRGBBounds", "RedGiantCore", "NeutrinoMixing", "ModelData", "GSL", "OutputContract", "TestSupport", "WholeStar"]),
        .testTarget(name: "MillichargeTests", dependencies: ["Millicharge", "ModelData", "TestSupport"]),
        .testTarget(name: "LaboratoryTests", dependencies: ["Laboratory", "NeutrinoMixing", "ModelData", "TestSupport"]),
        .testTarget(name: "NeutrinoMixingTests", dependencies: ["NeutrinoMixing", "ModelData", "TestSupport"]),
        .testTarget(name: "EnvelopePhysicsTests", dependencies: ["EnvelopePhysics", "Microphysics", "Plasma", "ModelData", "Constants", "TestSupport"]),
        .testTarget(name: "WholeStarTests", dependencies: ["WholeStar", "EnvelopePhysics", "ModelData", "Constants", "TestSupport"]),
        .testTarget(name: "ConstantsTests", dependencies: ["Constants", "TestSupport"]),
        .testTarget(name: "HenyeyTests", dependencies: ["Henyey", "GSL", "TestSupport"]),
        .testTarget(name: "CacheFilesTests", dependencies: ["CacheFiles"]),
        .testTarget(name: "TrackGridsTests", dependencies: ["TrackGrids", "TRGBBounds", "RedGiantCore", "ModelData", "TestSupport"]),
        .testTarget(name: "ContractJSONTests", dependencies: ["OutputContract", "ErrorVocabulary"]),
        .testTarget(name: "StellarboundKitTests", dependencies: ["StellarboundKit", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["StellarboundCLI", "stellarbound", "ModelData", "TrackGrids", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
