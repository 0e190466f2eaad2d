import CacheFiles
import Foundation

/// On-disk cache of the plasma table, so that each process does not rebuild it (~3 s in release).
///
/// The library touches the disk only when asked: `PlasmaRateTable.configureShared(cacheDirectory:)`
/// (the CLI passes `defaultDirectory()`), or `PlasmaRateTable.load(cacheDirectory:)`.
/// File `plasma-table-v2.bin`: a header (magic, the grid, the node stride), an FNV-1a 64-bit digest of
/// every payload byte, then the payload. A file is used only if the header matches, the digest of the
/// whole payload matches (any damaged byte anywhere is caught) and 8 spread-out nodes recomputed now
/// agree to 1e-12 (a change in the physics or numerics invalidates it by itself). A rejected or
/// unwritable cache is reported in the returned notes, and the table is rebuilt in memory.
enum PlasmaRateTableCache {
    static let magic: UInt64 = 0x5342_504C_4153_4D32   // "SBPLASM2"
    static let fileName = "plasma-table-v2.bin"

    /// `$STELLARBOUND_CACHE_DIR` (`off` or empty: no cache), else `$XDG_CACHE_HOME/stellarbound`, else
    /// `~/.cache/stellarbound`.
    static func defaultDirectory(environment env: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let dir = env["STELLARBOUND_CACHE_DIR"] {
            return dir == "off" || dir.isEmpty ? nil : URL(fileURLWithPath: dir)
        }
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("stellarbound")
        }
        guard let home = env["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/stellarbound")
    }

    static func header(_ g: PlasmaRateTable.Grid) -> [Double] {
        [Double(bitPattern: magic), g.xMin, g.xMax, g.tMin, g.tMax, g.step, Double(g.order), g.kappa, g.thetaS,
         Double(PlasmaRateTable.stride)]
    }

    /// FNV-1a (64 bit) over the bytes of `values`.
    static func digest(_ values: [Double]) -> UInt64 { FNV1a.hash(values) }

    /// The table from `directory`'s cache when it is intact, else built (and written there when
    /// possible); notes say what was rejected or could not be written.
    static func loadOrBuild(grid: PlasmaRateTable.Grid, directory: URL?) -> (PlasmaRateTable, [String]) {
        var notes: [String] = []
        let file = directory?.appendingPathComponent(fileName)
        if let file, FileManager.default.fileExists(atPath: file.path) {
            switch load(file, grid: grid) {
            case let .success(table): return (table, notes)
            case let .failure(problem):
                notes.append("plasma table cache \(file.path) rejected (\(problem.reason)); rebuilding it")
            }
        }
        let table = PlasmaRateTable(grid: grid)
        if let file, let problem = save(table, to: file) {
            notes.append("plasma table cache not written to \(file.path) (\(problem)); the table will be rebuilt on every run (set STELLARBOUND_CACHE_DIR to a writable directory, or to 'off')")
        }
        return (table, notes)
    }

    struct Rejection: Error { let reason: String }

    static func load(_ url: URL, grid: PlasmaRateTable.Grid) -> Result<PlasmaRateTable, Rejection> {
        let start = Date()
        guard let data = try? Data(contentsOf: url) else { return .failure(Rejection(reason: "unreadable")) }
        let head = header(grid)
        let (nx, ny, _) = PlasmaRateTable.shape(grid)
        let count = nx * ny * PlasmaRateTable.stride
        guard data.count == (head.count + 1 + count) * 8 else {
            return .failure(Rejection(reason: "\(data.count) bytes, expected \((head.count + 1 + count) * 8)"))
        }
        let doubles: [Double] = data.withUnsafeBytes { raw in
            (0..<(head.count + 1 + count)).map { raw.loadUnaligned(fromByteOffset: $0 * 8, as: Double.self) }
        }
        guard zip(doubles.prefix(head.count), head).allSatisfy({ $0.bitPattern == $1.bitPattern }) else {
            return .failure(Rejection(reason: "written for another grid or format"))
        }
        let values = Array(doubles.dropFirst(head.count + 1))
        guard digest(values) == doubles[head.count].bitPattern else {
            return .failure(Rejection(reason: "payload digest mismatch: the file is damaged"))
        }
        let table = PlasmaRateTable(grid: grid, values: values, buildSeconds: Date().timeIntervalSince(start))
        return verify(table) ? .success(table) : .failure(Rejection(reason: "recomputed nodes disagree: the physics changed"))
    }

    /// Recomputes nodes spread over the grid and compares them with the stored values.
    static func verify(_ table: PlasmaRateTable) -> Bool {
        let stride = PlasmaRateTable.stride
        for k in 1...8 {
            let i = (k * 37) % table.nx, j = (k * 53 + table.ny / 3) % table.ny
            let (rhoYe, t) = table.nodeCoordinates(i: i, j: j)
            let fresh = PlasmaRateTable.computeNode(rhoYe: rhoYe, temperature: t)
            for c in 0..<stride {
                let stored = table.values[(j * table.nx + i) * stride + c]
                if stored.isNaN && fresh[c].isNaN { continue }
                if !(abs(stored - fresh[c]) <= 1e-12 * max(1, abs(fresh[c]))) { return false }
            }
        }
        return true
    }

    /// Writes atomically (`AtomicFile`: concurrent processes never read a torn file); returns what went wrong, or nil.
    static func save(_ table: PlasmaRateTable, to url: URL) -> String? {
        AtomicFile.write(AtomicFile.bytes(of: header(table.grid) + [Double(bitPattern: digest(table.values))] + table.values), to: url)
    }
}
