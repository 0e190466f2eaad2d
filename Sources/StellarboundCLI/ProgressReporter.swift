import Foundation

/// Where progress goes (issue 18 item 7), decided once per run from where standard error points:
/// - `terminal`: every update, one line rewritten in place, with the elapsed time and, when the total is known, an ETA;
/// - `piped` (CI, `tee`, `nohup`, a log file): one line every `interval` seconds (10 s by default) with done/total,
///   elapsed and ETA, so a long run is never silent for long and a log does not fill with thousands of lines;
/// - `off` (`--json` or `--quiet`): nothing. Warnings and errors are not progress: they are written in every mode.
enum ProgressSink: Sendable, Equatable {
    case off, terminal, piped

    /// The sink for a run: off when silent (`--json` or `--quiet`), else by standard error's kind.
    static func forRun(silent: Bool) -> ProgressSink {
        silent ? .off : (standardErrorIsTerminal() ? .terminal : .piped)
    }
}

/// Progress of one piece of work on standard error; thread-safe (the flash-track runner reports from its workers).
///
/// The ETA is the elapsed time scaled by the work left, elapsed × (total − done)/done: exact for equal work units,
/// and shown only once a unit is done (before that nothing says how long one takes).
final class ProgressReporter: @unchecked Sendable {
    let sink: ProgressSink
    let label: String
    private(set) var total: Int?
    let interval: Double
    private let clock: @Sendable () -> Double
    private let write: @Sendable (String) -> Void
    private var start: Double
    private var lastDone = 0
    private var lastShown = -Double.infinity
    private var lineOpen = false
    private let lock = NSLock()

    /// - Parameters: `label` leads every line ("flash tracks", "MCMC"); `total` the number of units when known;
    ///   `clock` seconds (monotonic) and `write` the stream are for tests.
    init(_ label: String, total: Int? = nil, sink: ProgressSink, interval: Double = 10,
         clock: @escaping @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) * 1e-9 },
         write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.label = label
        self.total = total
        self.sink = sink
        self.interval = interval
        self.clock = clock
        self.write = write
        start = clock()
    }

    /// `done` units finished (of `total`, when known) and a free-form `detail`. A new `total`, or `done` going back,
    /// starts a new batch (the track runner's batches): elapsed time and ETA then count from here.
    func update(_ done: Int, of newTotal: Int? = nil, detail: String = "") {
        lock.lock(); defer { lock.unlock() }
        if let newTotal, newTotal != total || done < lastDone {
            total = newTotal
            start = clock()
        }
        lastDone = done
        let t = clock() - start
        switch sink {
        case .off: return
        case .terminal:
            write("\r\u{1B}[K" + line(done: done, elapsed: t, detail: detail))
            lineOpen = true
        case .piped:
            guard t - lastShown >= interval else { return }
            lastShown = t
            write(line(done: done, elapsed: t, detail: detail) + "\n")
        }
    }

    /// A one-off line ("building the ZAMS model…"): shown on a terminal and in a pipe, never when off.
    func note(_ message: String) {
        lock.lock(); defer { lock.unlock() }
        guard sink != .off else { return }
        write((lineOpen ? "\r\u{1B}[K" : "") + message + "\n")
        lineOpen = false
    }

    /// Clears the in-place line on a terminal (the report follows on standard output).
    func finish() {
        lock.lock(); defer { lock.unlock() }
        if sink == .terminal, lineOpen { write("\r\u{1B}[K") }
        lineOpen = false
    }

    /// "label: 3/9 (33 %), 1m05s elapsed, ETA 2m10s · detail".
    func line(done: Int, elapsed: Double, detail: String) -> String {
        var s = label + ": "
        if let total, total > 0 {
            s += "\(done)/\(total) (\(Int((100 * Double(done) / Double(total)).rounded(.down))) %), \(Self.duration(elapsed)) elapsed"
            if done > 0, done < total {
                s += ", ETA " + Self.duration(elapsed * Double(total - done) / Double(done))
            }
        } else {
            s += "\(done), \(Self.duration(elapsed)) elapsed"
        }
        return detail.isEmpty ? s : s + " · " + detail
    }

    /// 7 s, 1m05s, 2h03m.
    static func duration(_ seconds: Double) -> String {
        let s = Int(max(0, seconds).rounded())
        if s < 60 { return "\(s) s" }
        if s < 3600 { return String(format: "%dm%02ds", s / 60, s % 60) }
        return String(format: "%dh%02dm", s / 3600, (s % 3600) / 60)
    }
}
