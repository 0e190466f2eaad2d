import ArgumentParser
import ErrorVocabulary
import Foundation
import Laboratory
import Microphysics
import Millicharge
import ModelData
import NeutrinoMixing
import Plasma
import RedGiantCore
import TRGBBounds

/// The `stellarbound` command tree. Exit codes: 0 success, 2 bad input (unknown flag, value out
/// of range, malformed data), 1 a computation that failed (the message says why).
public struct Stellarbound: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "stellarbound",
        abstract: "Stellar physics to bounds on neutrino electromagnetic properties.",
        discussion: """
        The main job: `stellarbound bound` (limits on μν from the red-giant-branch tip, with the \
        systematics budget; `--coupling millicharge` bounds the charge) and `stellarbound posterior` (the Bayesian \
        mode); `stellarbound millicharge` gives the neutron-star-rotation (νST) charge bounds beside the published ones. Underneath: the plasma module \
        (`plasma`, `dispersion`, `plasma-map`), the core's input physics (`microphysics`) and the \
        helium-flash integrator (`flash`). With no subcommand, prints the plasma summary at red-giant \
        core conditions.
        """,
        version: Provenance.toolVersion,
        subcommands: [Summary.self, PlasmaCommand.self, DispersionCommand.self, PlasmaMapCommand.self,
                      MicrophysicsCommand.self, ZAMSCommand.self, StarCommand.self, SolarCalibrationCommand.self, FlashCommand.self, BoundCommand.self, PosteriorCommand.self, JointCommand.self, MillichargeCommand.self, CompareCommand.self, GridCommand.self, StoreCommand.self, ScatteringCommand.self, DataDirCommand.self, Bench.self],
        defaultSubcommand: Summary.self
    )

    public init() {}

    /// Runs the command line and returns the process exit code (never traps on bad input).
    public static func run(arguments: [String]) -> Int32 {
        // The command line caches the plasma table on disk (the library alone never does).
        PlasmaRateTable.configureShared(cacheDirectory: PlasmaRateTable.defaultCacheDirectory())
        var command: ParsableCommand
        do {
            command = try parseAsRoot(joiningNegativeNumbers(arguments))
        } catch {
            // Parsing and validate(): unknown flags, malformed or out-of-range values, help/version.
            let message = fullMessage(for: error)
            if exitCode(for: error) == .success {
                if !message.isEmpty { print(message) }
                return 0
            }
            FileHandle.standardError.write(Data("\(message)\n".utf8))
            return 2
        }
        do {
            try command.run()
            return 0
        } catch {
            let (message, code) = outcome(of: error)
            if code == 0 {
                if !message.isEmpty { print(message) }
            } else {
                FileHandle.standardError.write(Data("\(message)\n".utf8))
            }
            return code
        }
    }

    /// The exit-code policy, in one place: 0 for help requested through the help command, 2 for bad input
    /// (out of range, outside a model's validity, missing or malformed data: the message names the flag,
    /// or the file and field), 1 for a computation that failed. Every library error speaks the
    /// `ErrorVocabulary`; argument-parser's own errors keep its classification.
    static func outcome(of error: Error) -> (message: String, code: Int32) {
        if let e = error as? any ClassifiedFailure {
            return ("error: \(e.message)", exitCode(for: e.failureKind))
        }
        switch exitCode(for: error) {
        case .success: return (fullMessage(for: error), 0)
        case .validationFailure: return (fullMessage(for: error), 2)
        default: return ("error: \(error)", 1)
        }
    }

    /// Bad input exits with 2, a failed computation with 1.
    static func exitCode(for kind: FailureKind) -> Int32 { kind == .badInput ? 2 : 1 }

    /// `--density -1` → `--density=-1`, so that a negative number reaches range validation (and its
    /// clear message) instead of being read as an unknown short flag.
    /// "-1/3": a negative shard index, joined like a number so that `--shard -1/3` reaches the shard's range check.
    static func isNegativeFraction(_ s: String) -> Bool {
        let parts = s.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        return s.hasPrefix("-") && parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    static func joiningNegativeNumbers(_ args: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < args.count {
            let a = args[i]
            if a.hasPrefix("--"), !a.contains("="), i + 1 < args.count, args[i + 1].hasPrefix("-"),
               Double(args[i + 1]) != nil || ["-inf", "-infinity", "-nan"].contains(args[i + 1].lowercased())
                || Self.isNegativeFraction(args[i + 1]) {
                out.append("\(a)=\(args[i + 1])")
                i += 2
            } else {
                out.append(a)
                i += 1
            }
        }
        return out
    }

    static func formatValue(_ v: Double) -> String { ParameterRejection.format(v) }
}

/// Bad input found by a command (exit code 2).
struct InputError: ClassifiedFailure {
    let message: String
    var failureKind: FailureKind { .badInput }
    var description: String { message }
}
/// A computation or external tool failed (exit code 1).
struct ComputationError: ClassifiedFailure {
    let message: String
    var failureKind: FailureKind { .computationFailed }
    var description: String { message }
}
