import Foundation

extension Calibration.File {
    /// Calibrations by a comma-separated list of names, `default` or `all` (duplicates once, in order);
    /// an unknown name lists the valid ones.
    public func select(list names: String) throws -> [Calibration] {
        var out: [Calibration] = []
        for name in names.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            for c in try select(name) where !out.contains(where: { $0.name == c.name }) { out.append(c) }
        }
        guard !out.isEmpty else { throw TRGBError.unknownCalibration(name: names, available: self.names) }
        return out
    }
}

extension BoundData {
    /// The bound extractor's recipe, as `stellarbound bound` runs it: the named calibrations (an unknown name
    /// fails before any track), their tracks on `runner`, the budget and the limits at `cl`.
    public func bound(calibrations list: String, cl: Double, options: BoundAnalysis.Options = .init(),
                      runner: TrackRunner, note: (@Sendable (String) -> Void)? = nil) throws -> BoundAnalysis.Report {
        try bound(calibrations.select(list: list), cl: cl, options: options, runner: runner, note: note)
    }

    /// The same for calibrations already selected.
    public func bound(_ selected: [Calibration], cl: Double, options: BoundAnalysis.Options = .init(),
                      runner: TrackRunner, trackGrid: (any TrackInterpolating)? = nil,
                      note: (@Sendable (String) -> Void)? = nil) throws -> BoundAnalysis.Report {
        try BoundAnalysis(model: model, tables: tables, runner: runner, options: options, trackGrid: trackGrid, note: note)
            .run(selected, cl: cl)
    }
}
