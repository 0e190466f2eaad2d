import Foundation
import ModelData
import Testing
@testable import TRGBBounds

/// The calibrations and the model inputs as data: contents, selection, and precise errors for bad files.
@Suite struct CalibrationDataTests {
    @Test func everyDefaultCalibrationLoadsWithItsSource() throws {
        let file = TestData.data.calibrations
        #expect(file.defaultCalibrations == ["m5-viaux2013", "omega-cen-cr2020", "ngc4258-cr2020", "lmc-cr2020"])
        for c in file.calibrations { #expect(!c.source.isEmpty && c.observedError > 0) }
        // Values read in the papers' abstracts (Viaux et al. 2013; Jang et al. 2021).
        let m5 = TestData.calibration("m5-viaux2013")
        #expect(m5.mI == -4.17 && m5.observedError == 0.13 && m5.confirmed)
        let jang = TestData.calibration("ngc4258-jang2021")
        #expect(abs(jang.observedError - (0.028 * 0.028 + 0.048 * 0.048).squareRoot()) < 1e-12)
        #expect(try file.select("all").count == file.calibrations.count)
        #expect(try file.select("default").count == 4)
    }

    @Test func unknownCalibrationListsTheValidOnes() {
        do {
            _ = try TestData.data.calibrations.select("m55")
            Issue.record("no error")
        } catch let e as TRGBError {
            #expect(e.description.contains("m5-viaux2013") && e.description.contains("lmc-cr2020") && e.description.contains("'m55'"))
        } catch { Issue.record("\(error)") }
    }

    /// A copy of StellarModels with one field broken: the error names the file, the entry and the field.
    @Test(arguments: [
        ("\"m_i\": -4.17", "\"m_i\": 4.17", "m5-viaux2013", "m_i"),
        ("\"feh_error\": 0.1,", "\"feh_error\": -0.1,", "m5-viaux2013", "feh_error"),
        ("\"m_i\": -4.17, ", "", "m5-viaux2013", "m_i"),
    ])
    func malformedCalibrationFile(original: String, replacement: String, entry: String, field: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sb-data-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestData.directory.url, to: dir)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent(Calibration.relativePath)
        let text = try String(contentsOf: path, encoding: .utf8)
        #expect(text.contains(original))
        try text.replacingOccurrences(of: original, with: replacement).write(to: path, atomically: true, encoding: .utf8)
        do {
            _ = try BoundData(directory: DataDirectory.locate(explicit: dir.path))
            Issue.record("no error for \(replacement)")
        } catch {
            let message = "\(error)"
            #expect(message.contains("calibrations.json") && message.contains(entry) && message.contains(field), "\(message)")
        }
    }
}
