import CacheFiles
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension EnvelopeEOSTable {
    /// The table for `grid` from `cacheDirectory` when an intact copy is there, else built (~7–10 s in release
    /// for the standard grid on two cores) and written there. The library touches the disk only when a
    /// directory is passed in; `nil` builds in memory. `notes` say what was rejected or could not be written.
    ///
    /// File `envelope-eos-table-v1-<grid digest>.bin`: a header (magic, the grid, the record stride), an FNV-1a
    /// 64-bit digest of every payload byte, then the payload (the interpolation records). A file is used only
    /// if the header matches, the digest of the whole payload matches (any damaged byte anywhere is caught)
    /// and 6 accepted nodes spread over the grid, looked up now, agree with the direct EOS to 1e-10 (a
    /// change in the physics invalidates the file by itself). Written atomically (temporary name + rename).
    public static func load(grid: Grid, cacheDirectory: URL?) throws -> (table: EnvelopeEOSTable, notes: [String]) {
        try grid.validate()
        guard let directory = cacheDirectory else { return (try EnvelopeEOSTable(grid: grid), []) }
        let head = EnvelopeEOSTableCache.header(grid)
        let name = "envelope-eos-table-v1-" + String(EnvelopeEOSTableCache.digest(head), radix: 16) + ".bin"
        let file = directory.appendingPathComponent(name)
        var notes: [String] = []
        if FileManager.default.fileExists(atPath: file.path) {
            switch EnvelopeEOSTableCache.read(file, grid: grid, header: head) {
            case let .success(table): return (table, notes)
            case let .failure(problem): notes.append("EOS table cache \(file.path) rejected (\(problem.reason)); rebuilding it")
            }
        }
        let table = try EnvelopeEOSTable(grid: grid)
        if let problem = EnvelopeEOSTableCache.write(table, header: head, to: file) {
            notes.append("EOS table cache not written to \(file.path) (\(problem)); the table will be rebuilt on every run")
        }
        return (table, notes)
    }
}

/// Disk format of `EnvelopeEOSTable.load(grid:cacheDirectory:)`.
enum EnvelopeEOSTableCache {
    static let magic: UInt64 = 0x5342_454F_5354_4231   // "SBEOSTB1"

    static func header(_ g: EnvelopeEOSTable.Grid) -> [Double] {
        [Double(bitPattern: magic), g.logRMin, g.logRMax, g.logRStep, g.logTMin, g.logTMax, g.logTStep, g.metals,
         g.includeRadiation ? 1 : 0, Double(EnvelopeEOSTable.stride), Double(g.hydrogen.count)] + g.hydrogen
    }

    /// FNV-1a (64 bit) over the bytes of `values`.
    static func digest(_ values: [Double]) -> UInt64 { FNV1a.hash(values) }

    struct Rejection: Error { let reason: String }

    static func read(_ url: URL, grid: EnvelopeEOSTable.Grid, header head: [Double]) -> Result<EnvelopeEOSTable, Rejection> {
        let start = DispatchTime.now().uptimeNanoseconds
        // Read straight into the table's storage (no intermediate copy of the 129 MB payload: peak memory is the
        // table itself).
        guard let file = try? FileHandle(forReadingFrom: url) else { return .failure(Rejection(reason: "unreadable")) }
        defer { try? file.close() }
        let (nr, nt) = grid.shape
        let count = grid.hydrogen.count * nt * nr * EnvelopeEOSTable.stride
        let total = head.count + 2 + count
        let size = (try? file.seekToEnd()) ?? 0
        guard size == UInt64(total * 8) else {
            return .failure(Rejection(reason: "\(size) bytes, expected \(total * 8)"))
        }
        guard (try? file.seek(toOffset: 0)) != nil,
              let leadData = try? file.read(upToCount: (head.count + 2) * 8), leadData.count == (head.count + 2) * 8 else {
            return .failure(Rejection(reason: "unreadable header"))
        }
        let lead = leadData.withUnsafeBytes { raw in
            (0..<(head.count + 2)).map { raw.loadUnaligned(fromByteOffset: $0 * 8, as: Double.self) }
        }
        guard zip(lead.prefix(head.count), head).allSatisfy({ $0.bitPattern == $1.bitPattern }) else {
            return .failure(Rejection(reason: "written for another grid or format"))
        }
        let refused = Int(lead[head.count + 1])
        let descriptor = file.fileDescriptor
        var complete = false
        let values = [Double](unsafeUninitializedCapacity: count) { buffer, initialised in
            let raw = UnsafeMutableRawPointer(buffer.baseAddress!), bytes = count * 8
            var done = 0
            while done < bytes {
                let got = readBytes(descriptor, raw + done, bytes - done)
                if got <= 0 { break }
                done += got
            }
            complete = done == bytes
            initialised = complete ? count : 0
        }
        guard complete else { return .failure(Rejection(reason: "payload shorter than its header says")) }
        guard digest(values) == lead[head.count].bitPattern else {
            return .failure(Rejection(reason: "payload digest mismatch: the file is damaged"))
        }
        let table = EnvelopeEOSTable(grid: grid, values: values, refused: refused, start: start)
        return verify(table) ? .success(table) : .failure(Rejection(reason: "nodes disagree with the direct EOS: the physics changed"))
    }

    /// Looks up accepted nodes spread over the grid and compares them with the direct EOS.
    static func verify(_ table: EnvelopeEOSTable) -> Bool {
        let g = table.grid, eos = EnvelopeEOS(includeRadiation: g.includeRadiation)
        var checked = 0
        for n in 0..<400 where checked < 6 {
            let k = n % table.nX, j = (n * 37 + 11) % table.nT, i = (n * 53 + 7) % table.nR
            let logR = g.logRMin + Double(i) * g.logRStep, logT = g.logTMin + Double(j) * g.logTStep
            let x = g.hydrogen[k], ln10 = EnvelopeEOSTable.ln10
            guard let c = try? EnvelopeEOSComposition(hydrogen: min(x, 1 - g.metals), metals: g.metals),
                  let d = try? eos.state(density: Foundation.pow(10, logR + 3 * logT - 18),
                                         temperature: Foundation.pow(10, logT), composition: c),
                  let t = try? table.state(lnDensity: (logR + 3 * logT - 18) * ln10, lnTemperature: logT * ln10,
                                           hydrogen: x) else { continue }
            checked += 1
            guard abs(t.lnPressure.value - d.lnPressure.value) <= 1e-10,
                  abs(t.entropy.value - d.entropy.value) <= 1e-10 * abs(d.entropy.value),
                  abs(t.gradAd.value - d.gradAd) <= 1e-10 else { return false }
        }
        return checked > 0
    }

    /// Writes atomically (`AtomicFile`); returns what went wrong, or nil.
    static func write(_ table: EnvelopeEOSTable, header head: [Double], to url: URL) -> String? {
        let values = head + [Double(bitPattern: digest(table.values)), Double(table.refusedNodes)] + table.values
        return AtomicFile.write(AtomicFile.bytes(of: values), to: url)
    }
}

/// POSIX read(2) (the name is taken inside `EnvelopeEOSTableCache` by its own `read`).
private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, buffer, count)
    #else
    return Darwin.read(fd, buffer, count)
    #endif
}
