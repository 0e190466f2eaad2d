import Foundation
import ModelData
import RedGiantCore

/// Everything the bound extractor reads from `StellarModels/`, loaded and checked together, so that a
/// malformed file fails before any computation (errors name the file, the entry and the field).
public struct BoundData: Sendable {
    public var directory: DataDirectory
    public var model: TipModelInputs
    public var calibrations: Calibration.File
    public var tables: [String: BolometricCorrectionTable]
    public var relations: CoreEdgeRelations

    public init(directory: DataDirectory, relationsName: String = CoreEdgeRelations.defaultName) throws {
        self.directory = directory
        let modelPath = TipModelInputs.relativePath, calPath = Calibration.relativePath
        model = try directory.load(TipModelInputs.self, from: modelPath)
        try model.check(file: directory.url.appendingPathComponent(modelPath).path)
        calibrations = try directory.load(Calibration.File.self, from: calPath)
        try calibrations.check(file: directory.url.appendingPathComponent(calPath).path)
        var tables: [String: BolometricCorrectionTable] = [:]
        for name in [model.bolometricCorrections] + (model.alternativeBolometricCorrections.map { [$0] } ?? []) {
            let path = BolometricCorrectionTable.relativePath(name)
            let t = try directory.load(BolometricCorrectionTable.self, from: path)
            try t.check(file: directory.url.appendingPathComponent(path).path)
            tables[name] = t
        }
        self.tables = tables
        relations = try directory.load(CoreEdgeRelations.File.self, from: CoreEdgeRelations.relativePath).entry(named: relationsName)
    }
}
