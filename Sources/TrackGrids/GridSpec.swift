import ErrorVocabulary
import Foundation
import RedGiantCore
import TRGBBounds

/// A grid of tracks described in a small JSON file (Docs/grids.md §1):
///
///     { "name": "mass-mu",
///       "fixed": { "helium": 0.245, "metallicity": 0.001, "screening": "chugunov2007" },
///       "axes": [ { "name": "mass", "values": [0.8, 0.9] },
///                 { "name": "metallicity", "from": 1e-4, "to": 1e-2, "count": 3, "scale": "log" },
///                 { "name": "mu12", "from": 0, "to": 3, "count": 4 } ] }
///
/// An axis is a list (`values`) or a range (`from`, `to`, `count` ≥ 2, `scale` "linear" or "log"). The grid is the
/// Cartesian product in file order, the last axis fastest; point i belongs to shard i mod n. `mass`, `helium` and
/// `metallicity` must be fixed or varied; every other parameter defaults to the standard physics.
public struct GridSpec: Sendable {
    public struct Axis: Sendable, Equatable {
        public var name: String
        public var values: [GridValue]
    }

    /// Largest number of points a spec may describe.
    public static let maximumPoints = 1_000_000

    public var file: String
    public var name: String
    public var fixed: [(String, GridValue)]
    public var axes: [Axis]
    /// Every point's track, in grid order.
    public let points: [TrackSpec]

    /// Reads and checks a spec file; every problem names the file, the field and what is allowed.
    public init(contentsOf url: URL) throws(GridError) {
        let path = url.path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .invalidSpec(file: path, field: "(file)", reason: "cannot be read")
        }
        try self.init(data: data, file: path, defaultName: url.deletingPathExtension().lastPathComponent)
    }

    public init(data: Data, file: String, defaultName: String = "grid") throws(GridError) {
        self.file = file
        func bad(_ field: String, _ reason: String) -> GridError { .invalidSpec(file: file, field: field, reason: reason) }
        let root: SpecJSON
        do { root = try JSONDecoder().decode(SpecJSON.self, from: data) } catch {
            throw bad("(file)", "not valid JSON (\(error.localizedDescription))")
        }
        guard case let .object(top) = root else { throw bad("(top level)", "must be a JSON object with 'axes' and optionally 'name' and 'fixed'") }
        for key in top.keys.sorted() where !["name", "fixed", "axes"].contains(key) {
            throw bad(key, "unknown field; allowed: name, fixed, axes")
        }
        // Name (used in Slurm job and file names).
        var name = defaultName
        if let n = top["name"] {
            guard case let .string(s) = n else { throw bad("name", "must be a string") }
            name = s
        }
        guard !name.isEmpty, name.count <= 64, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw bad("name", "'\(name)' must be 1–64 characters from A–Z, a–z, 0–9, '-' and '_'")
        }
        self.name = name
        // Fixed parameters.
        var fixed: [(String, GridValue)] = []
        if let f = top["fixed"] {
            guard case let .object(entries) = f else { throw bad("fixed", "must be an object of parameter: value") }
            for key in entries.keys.sorted() {
                guard let p = GridParameter.named(key) else { throw bad("fixed.\(key)", "unknown parameter; allowed: \(Self.parameterNames)") }
                fixed.append((key, try Self.value(entries[key]!, for: p, field: "fixed.\(key)", bad: bad)))
            }
        }
        self.fixed = fixed
        // Axes.
        guard let a = top["axes"] else { throw bad("axes", "missing: give at least one axis") }
        guard case let .array(items) = a, !items.isEmpty else { throw bad("axes", "must be a non-empty array of axes") }
        var axes: [Axis] = []
        var total = 1
        for (i, item) in items.enumerated() {
            let field = "axes[\(i)]"
            let axis = try Self.axis(item, field: field, bad: bad)
            if axes.contains(where: { $0.name == axis.name }) { throw bad("\(field).name", "'\(axis.name)' is already an axis") }
            if fixed.contains(where: { $0.0 == axis.name }) { throw bad("\(field).name", "'\(axis.name)' is also in 'fixed'; give it in one place") }
            axes.append(axis)
            total *= axis.values.count
            if total > Self.maximumPoints { throw bad("axes", "more than \(Self.maximumPoints) points") }
        }
        self.axes = axes
        for needed in ["mass", "helium", "metallicity"] where !fixed.contains(where: { $0.0 == needed }) && !axes.contains(where: { $0.name == needed }) {
            throw bad(needed, "missing: '\(needed)' must be fixed or an axis")
        }
        // Points, each checked as a star and a physics specification before any track runs.
        var base = TrackSpec(mass: 0, helium: 0, metallicity: 0)
        for (key, value) in fixed { _ = GridParameter.named(key)!.set(&base, value) }
        var points: [TrackSpec] = []
        points.reserveCapacity(total)
        let setters = axes.map { GridParameter.named($0.name)! }
        var index = [Int](repeating: 0, count: axes.count)
        for _ in 0..<total {
            var s = base
            for (k, axis) in axes.enumerated() { _ = setters[k].set(&s, axis.values[index[k]]) }
            for (n, v) in [("edge_temperature_factor", s.edgeTemperatureFactor), ("edge_pressure_factor", s.edgePressureFactor)]
                where !(v > 0 && v.isFinite) {
                throw bad(n, "\(v) must be > 0")
            }
            do {
                _ = try StarParameters(mass: s.mass, helium: s.helium, metallicity: s.metallicity, dredgeUpHelium: s.dredgeUpHelium)
                _ = try CorePhysics(s.physics)
            } catch {
                let at = zip(axes, index).map { "\($0.name) = \($0.values[$1])" }.joined(separator: ", ")
                throw bad("point \(points.count) (\(at))", (error as? any ClassifiedFailure)?.message ?? "\(error)")
            }
            points.append(s)
            var k = axes.count - 1
            while k >= 0 {
                index[k] += 1
                if index[k] < axes[k].values.count { break }
                index[k] = 0
                k -= 1
            }
        }
        self.points = points
    }

    /// Checks every point against the core model's mass range for `relations` (which sets M_HeF); the message names
    /// the point, its axis values and the allowed range.
    public func check(relations: CoreEdgeRelations) throws(GridError) {
        for (i, s) in points.enumerated() {
            do {
                let star = try StarParameters(mass: s.mass, helium: s.helium, metallicity: s.metallicity, dredgeUpHelium: s.dredgeUpHelium)
                try FlashIntegrator.checkMass(star, relations: relations)
            } catch {
                throw .invalidSpec(file: file, field: "point \(i) (\(describe(i)))", reason: (error as? any ClassifiedFailure)?.message ?? "\(error)")
            }
        }
    }

    /// "mass = 0.8, mu12 = 2.0": the axis values of point `i`.
    public func describe(_ i: Int) -> String {
        axisValues(i).map { "\($0.0) = \($0.1)" }.joined(separator: ", ")
    }

    /// The axis values of point `i` as the spec gives them (the last axis fastest).
    public func axisValues(_ i: Int) -> [(String, GridValue)] {
        var rest = i
        var parts: [(String, GridValue)] = []
        for axis in axes.reversed() {
            parts.append((axis.name, axis.values[rest % axis.values.count]))
            rest /= axis.values.count
        }
        return parts.reversed()
    }

    /// The indices of shard `shard` of `shards` (round robin, so every shard gets a share of each axis).
    public func indices(shard: Int, of shards: Int) -> [Int] {
        Array(stride(from: shard, to: points.count, by: shards))
    }

    static var parameterNames: String { GridParameter.all.map(\.name).joined(separator: ", ") }

    static func value(_ node: SpecJSON, for p: GridParameter, field: String, bad: (String, String) -> GridError) throws(GridError) -> GridValue {
        let v: GridValue
        switch node {
        case let .number(x): v = .number(x)
        case let .string(s): v = .text(s)
        case let .bool(b): v = .bool(b)
        default: throw bad(field, "must be \(p.allowed)")
        }
        var probe = TrackSpec(mass: 1, helium: 0.25, metallicity: 0.001)
        guard p.set(&probe, v) else { throw bad(field, "'\(v)' is not allowed for \(p.name): must be \(p.allowed)") }
        // A choice is kept by its raw name ("Chugunov-2007" → "chugunov2007"), as tracks and exports spell it.
        if case .text = v { return p.get(probe) }
        return v
    }

    static func axis(_ node: SpecJSON, field: String, bad: (String, String) -> GridError) throws(GridError) -> Axis {
        guard case let .object(o) = node else { throw bad(field, "must be an object with 'name' and 'values' or 'from', 'to', 'count'") }
        for key in o.keys.sorted() where !["name", "values", "from", "to", "count", "scale"].contains(key) {
            throw bad("\(field).\(key)", "unknown field; allowed: name, values, from, to, count, scale")
        }
        guard case let .string(name)? = o["name"] else { throw bad("\(field).name", "missing or not a string; allowed: \(parameterNames)") }
        guard let p = GridParameter.named(name) else { throw bad("\(field).name", "unknown parameter '\(name)'; allowed: \(parameterNames)") }
        if let list = o["values"] {
            guard o["from"] == nil, o["to"] == nil, o["count"] == nil, o["scale"] == nil else {
                throw bad(field, "give 'values' or 'from'/'to'/'count'/'scale', not both")
            }
            guard case let .array(items) = list, !items.isEmpty else { throw bad("\(field).values", "must be a non-empty array") }
            var values: [GridValue] = []
            for (j, item) in items.enumerated() {
                let v = try value(item, for: p, field: "\(field).values[\(j)]", bad: bad)
                if values.contains(v) { throw bad("\(field).values[\(j)]", "'\(v)' appears twice") }
                values.append(v)
            }
            return Axis(name: name, values: values)
        }
        guard case .number = p.kind else { throw bad("\(field)", "'\(name)' takes a list: 'values': [\(p.allowed)]") }
        guard case let .number(from)? = o["from"], from.isFinite else { throw bad("\(field).from", "missing or not a finite number") }
        guard case let .number(to)? = o["to"], to.isFinite, to > from else { throw bad("\(field).to", "missing, or not a finite number above 'from'") }
        guard case let .number(c)? = o["count"], c == c.rounded(), c >= 2, c <= 10_000 else {
            throw bad("\(field).count", "missing, or not an integer in [2, 10000]")
        }
        var log = false
        if let s = o["scale"] {
            guard case let .string(scale) = s, scale == "linear" || scale == "log" else { throw bad("\(field).scale", "must be \"linear\" or \"log\"") }
            log = scale == "log"
            if log && from <= 0 { throw bad("\(field).from", "must be > 0 for a log scale") }
        }
        let n = Int(c)
        let values: [GridValue] = (0..<n).map { i in
            let f = Double(i) / Double(n - 1)
            if i == 0 { return .number(from) }
            if i == n - 1 { return .number(to) }
            return .number(log ? exp(Foundation.log(from) + f * (Foundation.log(to) - Foundation.log(from))) : from + f * (to - from))
        }
        return Axis(name: name, values: values)
    }
}

/// A JSON value decoded strictly (a number is never a Boolean), for field-by-field checks with exact messages.
enum SpecJSON: Decodable, Equatable {
    case object([String: SpecJSON]), array([SpecJSON]), number(Double), string(String), bool(Bool), null

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([SpecJSON].self) { self = .array(a) }
        else { self = .object(try c.decode([String: SpecJSON].self)) }
    }
}
