import Foundation
import Plasma

/// Where the track store lives: `--store DIR`, else `$STELLARBOUND_STORE`, else `tracks/` in the user cache directory
/// (`$STELLARBOUND_CACHE_DIR`, else `$XDG_CACHE_HOME/stellarbound`, else `~/.cache/stellarbound`). `off` (or an
/// empty value) in the flag or the variable means no store.
public struct TrackStoreLocation: Sendable, Equatable {
    public enum Origin: String, Sendable { case flag, environment, userCache }
    public var url: URL
    public var origin: Origin

    /// How the directory was chosen, as a user would name it in a message.
    public var chosenBy: String {
        switch origin {
        case .flag: return "--store"
        case .environment: return "STELLARBOUND_STORE"
        case .userCache: return "the default track store (the user cache directory)"
        }
    }

    /// The location, or nil for no store.
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> TrackStoreLocation? {
        if let explicit {
            return explicit == "off" || explicit.isEmpty ? nil : TrackStoreLocation(url: URL(fileURLWithPath: explicit), origin: .flag)
        }
        if let value = environment["STELLARBOUND_STORE"] {
            return value == "off" || value.isEmpty ? nil : TrackStoreLocation(url: URL(fileURLWithPath: value), origin: .environment)
        }
        guard let cache = PlasmaRateTable.defaultCacheDirectory(environment: environment) else { return nil }
        return TrackStoreLocation(url: cache.appendingPathComponent("tracks"), origin: .userCache)
    }

    /// Opens the store. An unwritable directory chosen by the flag or the variable is an error (bad input, naming
    /// it); the default one only costs the store: `note` says so and nil is returned.
    public func open(note: ((String) -> Void)? = nil) throws(TrackStoreError) -> TrackStore? {
        do { return try TrackStore(directory: url, chosenBy: chosenBy) } catch {
            guard origin == .userCache else { throw error }
            note?("\(error.description); tracks will not be stored")
            return nil
        }
    }
}
