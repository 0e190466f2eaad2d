import Foundation

/// Renders plots with gnuplot (Debian `gnuplot-nox`, installed by scripts/bootstrap.sh).
/// The numbers are always written as CSV beside the picture, so users can replot.
enum Gnuplot {
    /// The font of every figure: DejaVu Sans has a Greek ν that does not look like a Latin v (Helvetica's stand-ins
    /// on Linux, Nimbus Sans and Liberation Sans, draw ν as v). scripts/bootstrap.sh installs it (fonts-dejavu-core).
    static let font = "DejaVu Sans"

    /// gnuplot `set terminal` line for the output file's extension (.svg, .png, .pdf); `height` scales the default
    /// 10 : 7 page's height (stacked panels).
    static func terminal(for path: String, height: Double = 1) throws -> String {
        let h = { (base: Double) in Int((base * height).rounded()) }
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "svg": return "set terminal svg size 1000,\(h(700)) dynamic enhanced font '\(font),14' background rgb 'white'"
        case "png": return "set terminal pngcairo size 1200,\(h(840)) enhanced font '\(font),12'"
        case "pdf": return "set terminal pdfcairo size 10in,\(String(format: "%.2f", 7 * height))in enhanced font '\(font),11'"
        default: throw InputError(message: "--plot \(path): use a .svg, .png or .pdf file name")
        }
    }

    /// Line colours of the series, in order (matplotlib's "tab10": distinguishable, and in grey scale by lightness).
    static let colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f"]
    static func colour(_ i: Int) -> String { colours[i % colours.count] }

    /// A limit for a key: three significant figures, or "beyond the grid" when it is not finite.
    static func number(_ x: Double) -> String { x.isFinite ? String(format: "%.3g", x) : "(beyond the grid)" }

    /// A vertical line across every panel of a multiplot at x (first axis units); nothing when x is not finite.
    static func verticalLine(at x: Double, colour: String, width: Double) -> String {
        guard x.isFinite else { return "" }
        return String(format: "set arrow from first %.6g, graph 0 to first %.6g, graph 1 nohead dt 4 lw %.1f lc rgb '%@' front",
                      x, x, width, colour)
    }

    /// Panels of a multiplot on one plot area: left and right margins fixed in screen units, so that stacked panels'
    /// x axes line up whatever their tick labels and keys; the key in the right margin, its top at `keyAtTop`.
    static func alignedPanels(keyAtTop: Double, left: Double = 0.09, right: Double = 0.70) -> String {
        """
        set lmargin at screen \(left); set rmargin at screen \(right)
        set key at screen \(right + 0.02), screen \(keyAtTop) left top Left reverse samplen 2.5 spacing 1.15
        """
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

extension Gnuplot {
    /// "Nice" tick positions inside [lo, hi]: the smallest step of 1, 2 or 5 × 10ᵏ giving at most `most`
    /// ticks (2 or more unless the range spans less than one step) (round numbers a reader
    /// can interpolate between, instead of the range's tenths).
    static func niceTicks(_ lo: Double, _ hi: Double, most: Int = 4) -> [Double] {
        guard lo.isFinite, hi.isFinite, hi > lo else { return [] }
        // The smallest step 1, 2 or 5 × 10ᵏ that puts at most `most` ticks in the range.
        let p = pow(10, (log10(hi - lo)).rounded(.down) - 2)
        let candidates = (0..<5).flatMap { e in [1.0, 2, 5].map { $0 * p * pow(10, Double(e)) } }
        let count = { (s: Double) in Int((hi / s).rounded(.down) - (lo / s).rounded(.up)) + 1 }
        let step = candidates.first { count($0) <= most } ?? candidates.last!
        var ticks: [Double] = []
        var t = (lo / step).rounded(.up) * step
        while t <= hi + 1e-9 * step {
            ticks.append(abs(t) < 1e-12 * step ? 0 : t)
            t += step
        }
        return ticks
    }

    /// A gnuplot tics list: `(0.5, 1, 1.5)` (labels in %g).
    static func ticList(_ ticks: [Double]) -> String {
        "(" + ticks.map { String(format: "%g", $0) }.joined(separator: ", ") + ")"
    }

    /// The contours of a sample cloud that enclose the given fractions of the samples: a 2-D histogram on an n × n grid
    /// over the ranges, smoothed by two passes of a 3 × 3 binomial kernel, and the density levels above which the cells hold those
    /// fractions (the highest-density regions; 68 % and 95 % are what TRGB papers draw). Returns the smoothed grid
    /// (x,y,density lines, comma-separated like the figures' CSV, scans separated by blank lines), the levels
    /// (highest first) and the contour lines as segments for gnuplot (`x,y` pairs, one blank line after each segment;
    /// marching squares over the cell centres, so no gnuplot contouring, whose table output ignores the separator).
    static func densityContours(x: [Double], y: [Double], xRange: (Double, Double), yRange: (Double, Double),
                                fractions: [Double], bins: Int? = nil) -> (grid: String, levels: [Double], segments: String) {
        // ~10 samples per bin on average (12 to 40 bins a side): fewer bins are coarse, more are Poisson noise.
        let n = bins ?? min(40, max(12, Int((Double(x.count) / 10).squareRoot())))
        var h = [Double](repeating: 0, count: n * n)
        let dx = (xRange.1 - xRange.0) / Double(n), dy = (yRange.1 - yRange.0) / Double(n)
        guard dx > 0, dy > 0 else { return ("", [], "") }
        for (a, b) in zip(x, y) where a.isFinite && b.isFinite {
            let i = min(n - 1, max(0, Int((a - xRange.0) / dx))), j = min(n - 1, max(0, Int((b - yRange.0) / dy)))
            h[j * n + i] += 1
        }
        var s = h
        let w = [1.0, 2, 1]
        for _ in 0..<2 {  // two passes of the binomial kernel: a 5 × 5 smoothing
            let h = s
            for j in 0..<n {
                for i in 0..<n {
                    var sum = 0.0, norm = 0.0
                    for dj in -1...1 {
                        for di in -1...1 {
                            let ii = i + di, jj = j + dj
                            guard ii >= 0, ii < n, jj >= 0, jj < n else { continue }
                            sum += w[di + 1] * w[dj + 1] * h[jj * n + ii]
                            norm += w[di + 1] * w[dj + 1]
                        }
                    }
                    s[j * n + i] = sum / norm
                }
            }
        }
        let sorted = s.sorted(by: >)
        let total = sorted.reduce(0, +)
        var levels: [Double] = []
        for f in fractions.sorted() {
            var acc = 0.0
            var level = sorted.last ?? 0
            for v in sorted {
                acc += v
                if acc >= f * total { level = v; break }
            }
            levels.append(level)
        }
        let xc = { (i: Int) in xRange.0 + (Double(i) + 0.5) * dx }, yc = { (j: Int) in yRange.0 + (Double(j) + 0.5) * dy }
        var lines: [String] = []
        for j in 0..<n {
            for i in 0..<n { lines.append(String(format: "%.6g,%.6g,%.6g", xc(i), yc(j), s[j * n + i])) }
            lines.append("")
        }
        let segments = contourSegments(s, nx: n, ny: n, x: xc, y: yc, levels: levels)
        return (lines.joined(separator: "\n"), levels, segments)
    }

    /// Contour lines of a grid of values (`z[j·nx + i]` at (x(i), y(j))) at each level, as gnuplot segments (`x,y` pairs,
    /// a blank line after each). Marching squares: in each square of four grid points, the points where the value
    /// crosses the level on its edges (linear interpolation), joined in pairs (a saddle's four points pair up along the
    /// edges' order).
    static func contourSegments(_ z: [Double], nx: Int, ny: Int, x: (Int) -> Double, y: (Int) -> Double, levels: [Double]) -> String {
        var segments: [String] = []
        for level in levels where level > 0 {
            for j in 0..<(ny - 1) {
                for i in 0..<(nx - 1) {
                    let corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)]
                    var points: [(Double, Double)] = []
                    for e in 0..<4 {
                        let (i0, j0) = corners[e], (i1, j1) = corners[(e + 1) % 4]
                        let v0 = z[j0 * nx + i0] - level, v1 = z[j1 * nx + i1] - level
                        guard (v0 < 0) != (v1 < 0) else { continue }
                        let t = v0 / (v0 - v1)
                        points.append((x(i0) + t * (x(i1) - x(i0)), y(j0) + t * (y(j1) - y(j0))))
                    }
                    for k in stride(from: 0, to: points.count - 1, by: 2) {
                        segments.append(String(format: "%.6g,%.6g\n%.6g,%.6g\n", points[k].0, points[k].1,
                                               points[k + 1].0, points[k + 1].1))
                    }
                }
            }
        }
        return segments.joined(separator: "\n")
    }
}
