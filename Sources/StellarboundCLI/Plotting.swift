import Foundation

/// Renders plots with gnuplot (Debian `gnuplot-nox`, installed by scripts/bootstrap.sh).
/// The numbers are always written as CSV beside the picture, so users can replot.
enum Gnuplot {
    /// gnuplot `set terminal` line for the output file's extension (.svg, .png, .pdf).
    static func terminal(for path: String) throws -> String {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "svg": return "set terminal svg size 1000,700 dynamic enhanced font 'Helvetica,14' background rgb 'white'"
        case "png": return "set terminal pngcairo size 1200,840 enhanced font 'Helvetica,12'"
        case "pdf": return "set terminal pdfcairo size 10in,7in enhanced font 'Helvetica,11'"
        default: throw InputError(message: "--plot \(path): use a .svg, .png or .pdf file name")
        }
    }

    /// Finds the gnuplot executable on PATH.
    static func executable() -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for dir in paths {
            let candidate = "\(dir)/gnuplot"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a gnuplot script (given on standard input). Throws with gnuplot's own message on failure.
    static func render(script: String, output: String) throws {
        guard let exe = executable() else {
            throw ComputationError(message: "gnuplot not found: install it with `sudo apt-get install gnuplot-nox` (scripts/bootstrap.sh does); the CSV was written")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: exe)
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let size = (try? FileManager.default.attributesOfItem(atPath: output))?[.size] as? Int,
              size > 0 else {
            // A failed plot leaves no file behind (gnuplot opens, and so truncates, the output before it draws).
            try? FileManager.default.removeItem(atPath: output)
            throw ComputationError(message: "gnuplot failed writing \(output): \(message.isEmpty ? "no picture written" : message)")
        }
    }

    /// Quotes a path for a gnuplot string.
    static func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }
}

/// Writes text to a file, naming the flag on failure (exit code 2: the path is user input).
func writeFile(_ text: String, to path: String, flag: String) throws {
    do {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
        throw InputError(message: "\(flag) \(path): cannot write (\(error.localizedDescription))")
    }
}

/// The CSV path that accompanies a plot: same name, .csv extension.
func companionCSV(for plot: String) -> String {
    URL(fileURLWithPath: plot).deletingPathExtension().appendingPathExtension("csv").path
}

/// Checks an output path before any work (issue 18: a typo found after a 4-minute run loses the run):
/// not empty, not a directory, in an existing, writable directory. Errors name the flag and the path typed
/// (exit code 2 in every command).
func checkOutputPath(_ path: String, flag: String) throws {
    guard !path.isEmpty else { throw InputError(message: "\(flag): empty file name") }
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    if fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
        throw InputError(message: "\(flag) \(path): is a directory, not a file name")
    }
    let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
    guard fm.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw InputError(message: "\(flag) \(path): the directory \(dir) does not exist")
    }
    guard fm.isWritableFile(atPath: dir) else {
        throw InputError(message: "\(flag) \(path): the directory \(dir) is not writable")
    }
    if fm.fileExists(atPath: path), !fm.isWritableFile(atPath: path) {
        throw InputError(message: "\(flag) \(path): the file exists and is not writable")
    }
}

/// A plot path: a known picture format, and both it and the CSV written beside it writable.
func checkPlotPath(_ path: String) throws {
    _ = try Gnuplot.terminal(for: path)
    try checkOutputPath(path, flag: "--plot")
    try checkOutputPath(companionCSV(for: path), flag: "--plot (the CSV beside it)")
}

/// Draws the plot of a failed computation (its partial history is still worth a look); a plot that fails too is a
/// warning on standard error, so the computation's own failure stays the error reported.
func plotAfterFailure(_ path: String, draw: () throws -> Void) {
    do { try draw() } catch {
        FileHandle.standardError.write(Data("warning: --plot \(path) not written: \(error)\n".utf8))
    }
}
