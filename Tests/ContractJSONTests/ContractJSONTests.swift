import ErrorVocabulary
import Foundation
import OutputContract
import Testing

/// The writer of every `--json` report: what the contract promises about numbers, nulls, keys and text.
@Suite("ContractJSON (the --json writer)")
struct ContractJSONTests {
    struct Inner: Encodable {
        var value: Double
        var label: String
    }

    struct Sample: Encodable {
        var double = 3.0, small = 1e-14, huge = 1.4735409184091875e17, count = 160
        var missing: Double? = nil, absent: Double? = nil, flag = true
        var text = "a \"quoted\" path/with\\slash\n\u{1}μ₁₂"
        var list: [Inner] = [Inner(value: 0.5, label: "x")]
        var empty: [Double] = []

        enum CodingKeys: String, CodingKey, CaseIterable {
            case double, small, huge, count, missing, absent, flag, text, list, empty
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(double, forKey: .double)
            try c.encode(small, forKey: .small)
            try c.encode(huge, forKey: .huge)
            try c.encode(count, forKey: .count)
            try c.encode(missing, forKey: .missing)          // nil → null, the key present
            try c.encodeIfPresent(absent, forKey: .absent)   // nil → no key
            try c.encode(flag, forKey: .flag)
            try c.encode(text, forKey: .text)
            try c.encode(list, forKey: .list)
            try c.encode(empty, forKey: .empty)
        }
    }

    @Test func numbersKeepTheirTypeAndReadBackExactly() throws {
        let text = try ContractJSON.encode(Sample())
        #expect(text.contains("\"double\": 3.0,"))         // a double stays a float for scripts (JSONEncoder writes 3)
        #expect(text.contains("\"count\": 160,"))          // an integer stays an integer
        #expect(text.contains("\"small\": 1e-14,"))
        #expect(text.contains("\"missing\": null,"))
        #expect(!text.contains("absent"))
        #expect(text.contains("\"empty\": []"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["huge"] as? Double == 1.4735409184091875e17)
        #expect(object["text"] as? String == Sample().text)
        #expect(object["flag"] as? Bool == true)
        #expect(((object["list"] as? [[String: Any]])?.first?["label"] as? String) == "x")
    }

    @Test func keysAreSortedAndSlashesUnescaped() throws {
        let text = try ContractJSON.encode(Sample())
        let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.dropFirst(3).prefix { $0 != "\"" } }
        #expect(keys.map(String.init) == ["count", "double", "empty", "flag", "huge", "list", "missing", "small", "text"])
        #expect(text.contains("path/with\\\\slash\\n\\u0001μ₁₂"))
    }

    @Test func aNonFiniteNumberIsAFailedComputationNamingItsKey() throws {
        var s = Sample()
        s.list.append(Inner(value: .nan, label: "y"))
        do {
            _ = try ContractJSON.encode(s)
            Issue.record("NaN was written")
        } catch let e as NonFiniteOutput {
            #expect(e.path == "list[1].value")
            #expect(e.failureKind == .computationFailed)
            #expect(e.message.contains("nan"))
        }
        #expect(throws: NonFiniteOutput.self) { try ContractJSON.encode(["a": Double.infinity]) }
        #expect(throws: NonFiniteOutput.self) { try ContractJSON.encode([-Double.infinity]) }
    }

    @Test func topLevelArraysAndScalars() throws {
        #expect(try ContractJSON.encode([1.0, 2.5]) == "[\n  1.0,\n  2.5\n]")
        #expect(try ContractJSON.encode(Optional<Double>.none) == "null")
        #expect(try ContractJSON.encode([String: Int]()) == "{}")
    }
}
