import ArgumentParser
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
        version: "0.1.0",
        subcommands: [Summary.self, PlasmaCommand.self, DispersionCommand.self, PlasmaMapCommand.self,
                      MicrophysicsCommand.self, FlashCommand.self, BoundCommand.self, PosteriorCommand.self, MillichargeCommand.self, CompareCommand.self, ScatteringCommand.self, DataDirCommand.self, Bench.self],
        defaultSubcommand: Summary.self
    )

    public init() {}

    /// Runs the command line and returns the process exit code (never traps on bad input).
    public static func run(arguments: [String]) -> Int32 {
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

    /// The exit-code policy for errors raised while running: 2 for input the tool cannot serve
    /// (out of range, outside a model's validity, missing or malformed data: the message names the flag,
    /// or the file and field), 1 for a computation that failed, 0 for help requested through the help command.
    static func outcome(of error: Error) -> (message: String, code: Int32) {
        switch error {
        case let e as PlasmaError:
            if case .outOfRange = e { return ("error: \(cliMessage(e))", 2) }
            return ("error: \(cliMessage(e))", 1)
        case let e as ModelDataError: return ("error: \(e)", 2)
        case let e as MicrophysicsError: return ("error: \(e)", 2)
        case let e as FlashError: return ("error: \(cliMessage(e))", 2)
        case let e as InputError: return ("error: \(e.message)", 2)
        case let e as TRGBError:
            if case .computation = e { return ("error: \(e)", 1) }
            return ("error: \(cliMessage(e))", 2)
        case let e as ComputationError: return ("error: \(e.message)", 1)
        case let e as MillichargeError: return ("error: \(e)", 2)
        case let e as LaboratoryError: return ("error: \(e)", 2)
        case let e as NeutrinoMixingError: return ("error: \(e)", 2)
        default:
            switch exitCode(for: error) {
            case .success: return (fullMessage(for: error), 0)
            case .validationFailure: return (fullMessage(for: error), 2)
            default: return ("error: \(error)", 1)
            }
        }
    }

    /// `--density -1` → `--density=-1`, so that a negative number reaches range validation (and its
    /// clear message) instead of being read as an unknown short flag.
    static func joiningNegativeNumbers(_ args: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < args.count {
            let a = args[i]
            if a.hasPrefix("--"), !a.contains("="), i + 1 < args.count, args[i + 1].hasPrefix("-"),
               Double(args[i + 1]) != nil || ["-inf", "-infinity", "-nan"].contains(args[i + 1].lowercased()) {
                out.append("\(a)=\(args[i + 1])")
                i += 2
            } else {
                out.append(a)
                i += 1
            }
        }
        return out
    }

    /// Names the flag in a range error: "--density 0 is outside the allowed range ...".
    static func cliMessage(_ error: PlasmaError) -> String {
        switch error {
        case let .outOfRange(parameter, value, allowed):
            return "--\(parameter) \(formatValue(value)) is outside the allowed range \(allowed)"
        case .numerical:
            return error.description
        }
    }

    /// Names the flag: "--mass 0.5 is outside the allowed range [0.7, 1.817] M☉ …".
    static func cliMessage(_ error: FlashError) -> String {
        guard case let .invalidParameter(name, value, allowed) = error else { return error.description }
        let flags = name.components(separatedBy: " + ").map { "--\($0)" }.joined(separator: " + ")
        return "\(flags) \(formatValue(value)) is outside the allowed range \(allowed)"
    }

    /// Names the flag for the bound extractor's parameters (--cl …).
    static func cliMessage(_ error: TRGBError) -> String {
        guard case let .invalidParameter(name, value, allowed) = error else { return error.description }
        return "--\(name) \(formatValue(value)) is outside the allowed range \(allowed)"
    }

    static func formatValue(_ v: Double) -> String {
        v.isNaN ? "nan" : v.isInfinite ? (v > 0 ? "inf" : "-inf") : "\(v)"
    }
}

/// Bad input found by a command (exit code 2).
struct InputError: Error { let message: String }
/// A computation or external tool failed (exit code 1).
struct ComputationError: Error { let message: String }
