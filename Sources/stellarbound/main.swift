import Foundation
import StellarboundCLI

// Thin entry point: all commands live in StellarboundCLI (testable in-process).
exit(Stellarbound.run(arguments: Array(CommandLine.arguments.dropFirst())))
