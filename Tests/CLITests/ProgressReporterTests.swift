import Foundation
import Testing
@testable import StellarboundCLI

/// `ProgressReporter` (issue 18 item 7) with a test clock and a captured stream.
@Suite("Progress reporter")
struct ProgressReporterTests {
    final class Capture: @unchecked Sendable {
        var text = ""
        var now = 0.0
        let lock = NSLock()
        func write(_ s: String) { lock.lock(); text += s; lock.unlock() }
    }

    func reporter(_ sink: ProgressSink, total: Int? = nil, _ c: Capture) -> ProgressReporter {
        ProgressReporter("tracks", total: total, sink: sink, interval: 10, clock: { c.now }, write: { c.write($0) })
    }

    @Test("a pipe gets one line per interval, with done/total, elapsed and ETA")
    func pipedIsRateLimited() {
        let c = Capture()
        let r = reporter(.piped, total: 10, c)
        for (t, done) in [(0.0, 0), (3, 1), (9.9, 2), (10.5, 3), (12, 4), (21, 7)] {
            c.now = t
            r.update(done)
        }
        let lines = c.text.split(separator: "\n").map(String.init)
        #expect(lines == ["tracks: 0/10 (0 %), 0 s elapsed",
                          "tracks: 3/10 (30 %), 11 s elapsed, ETA 25 s",
                          "tracks: 7/10 (70 %), 21 s elapsed, ETA 9 s"], "\(lines)")
    }

    @Test("a terminal gets every update in place; off gets nothing; notes show unless off")
    func terminalAndOff() {
        let t = Capture()
        let r = reporter(.terminal, t)
        r.update(5, detail: "M_c 0.3")
        r.update(6)
        r.note("done")
        #expect(t.text == "\r\u{1B}[Ktracks: 5, 0 s elapsed · M_c 0.3\r\u{1B}[Ktracks: 6, 0 s elapsed\r\u{1B}[Kdone\n")
        let o = Capture()
        let off = reporter(.off, total: 3, o)
        off.update(1)
        off.note("x")
        off.finish()
        #expect(o.text.isEmpty)
    }

    @Test("a new total starts a new batch: elapsed and ETA count from it")
    func newBatch() {
        let c = Capture()
        let r = reporter(.piped, c)
        c.now = 100
        r.update(1, of: 4)
        c.now = 130
        r.update(2, of: 4)
        #expect(c.text.hasSuffix("tracks: 2/4 (50 %), 30 s elapsed, ETA 30 s\n"), "\(c.text)")
        #expect(ProgressReporter.duration(3725) == "1h02m" && ProgressReporter.duration(65) == "1m05s")
    }
}
