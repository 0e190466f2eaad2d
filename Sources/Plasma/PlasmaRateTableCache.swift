import Foundation

/// On-disk cache of the plasma table, so that each process does not rebuild it (~3 s).
///
/// Location: `$STELLARBOUND_CACHE_DIR`, else `$XDG_CACHE_HOME/stellarbound`, else
/// `~/.cache/stellarbound`; file `plasma-table-v1.bin`. Set `STELLARBOUND_CACHE_DIR=off` to disable.
/// A cached table is used only if its header matches the grid and 8 spread-out nodes recomputed
/// now agree with it to 1e-12: a change in the physics or numerics invalidates it by itself.
enum PlasmaRateTableCache {
    static let magic: UInt64 = 0x5342_504C_4153_4D31   // "SBPLASM1"

    static func directory() -> URL? {
        let env = ProcessInfo.processInfo.environment
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

    static func loadOrBuild(grid: PlasmaRateTable.Grid) -> PlasmaRateTable {
        let file = directory()?.appendingPathComponent("plasma-table-v1.bin")
        if let file, let table = load(file, grid: grid) { return table }
        let table = PlasmaRateTable(grid: grid)
        if let file { save(table, to: file) }
        return table
    }

    static func load(_ url: URL, grid: PlasmaRateTable.Grid) -> PlasmaRateTable? {
        let start = Date()
        guard let data = try? Data(contentsOf: url) else { return nil }
        let head = header(grid)
        let (nx, ny, _) = PlasmaRateTable.shape(grid)
        let count = nx * ny * PlasmaRateTable.stride
        guard data.count == (head.count + count) * 8 else { return nil }
        let doubles: [Double] = data.withUnsafeBytes { raw in
            (0..<(head.count + count)).map { raw.loadUnaligned(fromByteOffset: $0 * 8, as: Double.self) }
        }
        guard zip(doubles.prefix(head.count), head).allSatisfy({ $0.bitPattern == $1.bitPattern }) else { return nil }
        let table = PlasmaRateTable(grid: grid, values: Array(doubles.dropFirst(head.count)),
                                    buildSeconds: Date().timeIntervalSince(start))
        return verify(table) ? table : nil
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

    static func save(_ table: PlasmaRateTable, to url: URL) {
        var data = Data()
        for v in header(table.grid) + table.values { withUnsafeBytes(of: v) { data.append(contentsOf: $0) } }
        let dir = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        // Write to a unique temporary name and rename, so concurrent processes never read a torn file.
        let tmp = dir.appendingPathComponent(".plasma-table-\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard (try? data.write(to: tmp)) != nil else { return }
        _ = try? FileManager.default.removeItem(at: url)
        if (try? FileManager.default.moveItem(at: tmp, to: url)) == nil {
            try? FileManager.default.removeItem(at: tmp)
        }
    }
}
