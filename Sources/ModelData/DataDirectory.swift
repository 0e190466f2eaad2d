import Foundation

/// Locates the `StellarModels/` data directory, for a binary run from the source tree and for an
/// installed one. Search order (the first directory holding `README.md` wins):
///
/// 1. an explicit path (`--data-dir`), else `$STELLARBOUND_DATA`;
/// 2. `<dir of the executable>/../share/stellarbound/StellarModels` (installed by scripts/install.sh);
/// 3. `<dir of the executable>/StellarModels` (a self-contained folder);
/// 4. the source tree the binary was built from (`swift run`, tests).
public struct DataDirectory: Sendable, Equatable {
    /// Where it was found and by which rule.
    public enum Origin: String, Sendable { case explicit, environment, installed, besideExecutable, sourceTree }

    public let url: URL
    public let origin: Origin

    /// The source tree's StellarModels, fixed at compile time.
    static let sourceTree = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("StellarModels")

    /// Finds the directory or throws `ModelDataError.notFound` listing every place searched.
    public static func locate(explicit: String? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: URL? = Bundle.main.executableURL) throws -> DataDirectory {
        // A location the user gave (--data-dir or $STELLARBOUND_DATA) is used or refused, never silently
        // replaced by the stock data: an edited calibration must not be ignored while a limit looks plausible.
        let given: (String, Origin, String)? = explicit.map { ($0, .explicit, "--data-dir") }
            ?? environment["STELLARBOUND_DATA"].flatMap { $0.isEmpty ? nil : ($0, .environment, "STELLARBOUND_DATA") }
        if explicit?.isEmpty == true { throw ModelDataError.unusableLocation(path: "", source: "--data-dir") }
        if let (path, origin, source) = given {
            let url = URL(fileURLWithPath: path)
            guard FileManager.default.fileExists(atPath: url.appendingPathComponent("README.md").path) else {
                throw ModelDataError.unusableLocation(path: path, source: source)
            }
            return DataDirectory(url: url.standardizedFileURL, origin: origin)
        }
        var candidates: [(URL, Origin)] = []
        do {
            if let exe = executable?.resolvingSymlinksInPath().deletingLastPathComponent() {
                candidates.append((exe.deletingLastPathComponent().appendingPathComponent("share/stellarbound/StellarModels"), .installed))
                candidates.append((exe.appendingPathComponent("StellarModels"), .besideExecutable))
            }
            candidates.append((sourceTree, .sourceTree))
        }
        for (url, origin) in candidates
        where FileManager.default.fileExists(atPath: url.appendingPathComponent("README.md").path) {
            return DataDirectory(url: url.standardizedFileURL, origin: origin)
        }
        throw ModelDataError.notFound(searched: candidates.map(\.0.path))
    }

    /// Decodes `relativePath` (e.g. "composition/species.json"); errors name the file and the field.
    public func load<T: Decodable>(_ type: T.Type, from relativePath: String) throws -> T {
        try Self.decode(type, file: url.appendingPathComponent(relativePath))
    }

    /// Decodes any JSON file (snake_case keys) with the same precise errors (user-supplied inputs).
    public static func decode<T: Decodable>(_ type: T.Type, file: URL) throws -> T {
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw ModelDataError.unreadable(file: file.path, reason: error.localizedDescription)
        }
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            return try decoder.decode(T.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw ModelDataError.malformed(file: file.path, field: path(context.codingPath + [key], in: data), reason: "missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw ModelDataError.malformed(file: file.path, field: path(context.codingPath, in: data), reason: context.debugDescription)
        } catch let DecodingError.dataCorrupted(context) {
            throw ModelDataError.malformed(file: file.path, field: path(context.codingPath, in: data), reason: context.debugDescription)
        } catch {
            throw ModelDataError.malformed(file: file.path, field: "", reason: "\(error)")
        }
    }

    /// "calibrations[0] (m5-viaux2013).m_i": the JSON (snake_case) key path, with the `name` of each
    /// array entry on the way when it has one, so that a message names the file, the entry and the field.
    static func path(_ keys: [CodingKey], in data: Data) -> String {
        var node: Any? = try? JSONSerialization.jsonObject(with: data)
        var out = ""
        for key in keys {
            if let i = key.intValue {
                out += "[\(i)]"
                let element = (node as? [Any]).flatMap { i < $0.count ? $0[i] : nil }
                if let name = (element as? [String: Any])?["name"] as? String { out += " (\(name))" }
                node = element
            } else {
                let snake = snakeCase(key.stringValue)
                out += (out.isEmpty ? "" : ".") + snake
                node = (node as? [String: Any])?[snake]
            }
        }
        return out
    }

    /// camelCase → snake_case (the inverse of the decoder's key strategy, for messages).
    static func snakeCase(_ s: String) -> String {
        var out = ""
        for c in s {
            if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
        }
        return out
    }

}

/// Failures to find or read model data; messages name the file, the entry and the field.
public enum ModelDataError: Error, CustomStringConvertible, Equatable, Sendable {
    case notFound(searched: [String])
    /// A location the user gave (`source`: "--data-dir" or "STELLARBOUND_DATA") holds no StellarModels data.
    case unusableLocation(path: String, source: String)
    case unreadable(file: String, reason: String)
    case malformed(file: String, field: String, reason: String)

    public var description: String {
        switch self {
        case let .notFound(searched):
            return "StellarModels data directory not found; searched: \(searched.joined(separator: ", ")) (set --data-dir or STELLARBOUND_DATA)"
        case let .unusableLocation(path, source) where path.isEmpty:
            return "\(source): empty path; give a StellarModels directory, or leave it out to use the installed data"
        case let .unusableLocation(path, source):
            return "\(source) = \(path) is not a StellarModels directory (no README.md there); give one that is, or unset it to use the installed data"
        case let .unreadable(file, reason): return "cannot read \(file): \(reason)"
        case let .malformed(file, field, reason): return "\(file): field '\(field)': \(reason)"
        }
    }
}
