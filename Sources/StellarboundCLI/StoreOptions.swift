import ArgumentParser
import Foundation
import ModelData
import RedGiantCore
import TRGBBounds
import TrackGrids

/// `--store` for the commands that need a store (`grid …`, `store …`): the flag, else `$STELLARBOUND_STORE`, else the
/// user cache directory; 'off' is refused here (these commands exist to use the store).
struct RequiredStoreOption: ParsableArguments {
    @Option(help: "Track store directory (default: $STELLARBOUND_STORE, else tracks/ in the user cache directory; Docs/grids.md §2).")
    var store: String?

    /// The store; `readOnly` for the commands that only read it (a read-only or missing directory is then fine).
    func open(readOnly: Bool = false) throws -> TrackStore {
        guard let location = TrackStoreLocation.resolve(explicit: store) else {
            throw GridError.invalidOption(flag: store != nil ? "--store" : "STELLARBOUND_STORE", value: store ?? "off",
                                          allowed: "a writable directory (this command needs a track store)")
        }
        return try TrackStore(directory: location.url, chosenBy: location.chosenBy, readOnly: readOnly)
    }
}

/// The data and threads of the grid commands: the core-edge relations (part of each track's identity) come from
/// the StellarModels directory, so `grid status` and `grid export` look up exactly what `grid run` stored.
struct GridDataOptions: ParsableArguments {
    @Argument(help: "The grid spec (JSON; Docs/grids.md §1).")
    var spec: String

    @Option(help: "StellarModels directory (default: $STELLARBOUND_DATA, the installed share/, or the source tree).")
    var dataDir: String?

    @OptionGroup var storeOption: RequiredStoreOption

    /// The spec, the store, a runner on `threads` threads (its context keys the store) and the data directory.
    func load(threads: Int = 1, readOnly: Bool = false) throws -> (GridSpec, TrackStore, TrackRunner, DataDirectory) {
        let grid = try GridSpec(contentsOf: URL(fileURLWithPath: spec))
        let directory = try DataDirectory.locate(explicit: dataDir)
        let relations = try directory.load(CoreEdgeRelations.File.self, from: CoreEdgeRelations.relativePath)
            .entry(named: CoreEdgeRelations.defaultName)
        try grid.check(relations: relations)
        let store = try storeOption.open(readOnly: readOnly)
        let runner = TrackRunner(relations: relations, threads: threads, store: store)
        runner.warn = warning
        return (grid, store, runner, directory)
    }
}
