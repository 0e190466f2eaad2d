import ArgumentParser
import Foundation
import Microphysics
import ModelData
import Plasma

/// The `stellarbound` command tree. Exit codes: 0 success, 2 bad input (unknown flag, value out
/// of range, malformed data), 1 a computation that failed (the message says why).
public struct Stellarbound: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "stellarbound",
        abstract: "Stellar physics to bounds on neutrino electromagnetic properties.",
        discussion: """
        Plasma module: electron gas, Braaten & Segel plasmon dispersion and plasmon decay into \
        neutrino pairs (standard, magnetic moment, millicharge), beside the Itoh et al. (1996) fit.
        With no subcommand, prints the plasma summary at red-giant core conditions.
        """,
        version: "0.1.0",
        subcommands: [Summary.self, PlasmaCommand.self, DispersionCommand.self, PlasmaMapCommand.self,
                      MicrophysicsCommand.self, DataDirCommand.self, Bench.self],
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
        } catch let error as PlasmaError {
            FileHandle.standardError.write(Data("error: \(cliMessage(error))\n".utf8))
            if case .outOfRange = error { return 2 }
            return 1
        } catch let error as ModelDataError {
            // Missing or malformed data files: the message names the file and the field.
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            return 2
        } catch let error as MicrophysicsError {
            // A point outside a model's validity range is an input the tool cannot serve.
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            return 2
        } catch let error as InputError {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            return 2
        } catch let error as ComputationError {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            return 1
        } catch {
            // ArgumentParser's own outcomes (help requested through the help command, a validation
            // failure raised while running) keep their meaning; anything else is a failed computation.
            switch exitCode(for: error) {
            case .success:
                let message = fullMessage(for: error)
                if !message.isEmpty { print(message) }
                return 0
            case .validationFailure:
                FileHandle.standardError.write(Data("\(fullMessage(for: error))\n".utf8))
                return 2
            default:
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                return 1
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

    static func formatValue(_ v: Double) -> String {
        v.isNaN ? "nan" : v.isInfinite ? (v > 0 ? "inf" : "-inf") : "\(v)"
    }
}

/// Bad input found by a command (exit code 2).
struct InputError: Error { let message: String }
/// A computation or external tool failed (exit code 1).
struct ComputationError: Error { let message: String }
