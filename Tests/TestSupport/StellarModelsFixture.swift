import Foundation
import ModelData

/// The source tree's `StellarModels/` directory: the one way every test finds the shipped data.
///
/// Resolved from this file's compile-time path (Tests/TestSupport/ → the repository root), passed to
/// `DataDirectory.locate(explicit:)` so that neither `$STELLARBOUND_DATA` nor an installed copy beside
/// the test runner can substitute other data.
public enum StellarModelsFixture {
    /// The repository root (the directory holding Package.swift).
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `<repository>/StellarModels`.
    public static let url = repositoryRoot.appendingPathComponent("StellarModels")

    /// The located data directory (origin `.explicit`); traps if the source tree has no StellarModels/README.md.
    public static let directory: DataDirectory = {
        do { return try DataDirectory.locate(explicit: url.path) } catch {
            fatalError("StellarModelsFixture: \(error)")
        }
    }()
}
