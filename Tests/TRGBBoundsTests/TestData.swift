import Foundation
import ModelData
@testable import TRGBBounds
import TestSupport

/// The source tree's StellarModels, loaded once.
enum TestData {
    static let directory = StellarModelsFixture.directory
    static let data = try! BoundData(directory: directory)
    static var table: BolometricCorrectionTable { data.tables[data.model.bolometricCorrections]! }
    static func calibration(_ name: String) -> Calibration { try! data.calibrations.select(name)[0] }
}
