import Foundation
import ModelData

/// One REACLIB fit set: λ_set(T9) = exp(a₀ + a₁/T9 + a₂T9^(−1/3) + a₃T9^(1/3) + a₄T9 + a₅T9^(5/3) + a₆ ln T9).
///
/// Format: Cyburt et al. 2010, ApJS 189, 240, §3 ("ReacLib 2": a chapter line, a header line
/// `5x, 6a5, 8x, a4, a1, a1, 3x, e12.5`, then a₀…a₃ and a₄…a₆ in `4e13.6` / `3e13.6`).
/// Units: s⁻¹ (one reactant), cm³ mol⁻¹ s⁻¹ = N_A⟨σv⟩ (two), cm⁶ mol⁻² s⁻¹ (three); electron captures
/// (label `ec`, `bec`) give λ/(ρYₑ), to be multiplied by ρYₑ (the REACLIB and pynucastro convention).
/// Trap: the fits are valid for 10⁻² ≲ T9 ≲ 10; far below, resonant sets with a₁ < 0 underflow to 0,
/// which is the physical limit, but never extrapolate a set with a₁ > 0.
public struct ReaclibFitSet: Sendable, Equatable {
    /// REACLIB chapter (1: a→b, 2: a→b+c, 3: a→b+c+d, 4: a+b→c, 5: a+b→c+d, 6: a+b→c+d+e,
    /// 7: a+b→c+d+e+f, 8: a+b+c→d(+e), 9: a+b+c→d+e, 10: a+b+c+d→e+f, 11: a→b+c+d+e).
    public let chapter: Int
    /// Nuclei as written in the header (reactants first), lower case: "p", "d", "he3", "be7", …
    public let nuclei: [String]
    /// Four-character source label, trimmed ("nacr", "im05", "ec", "bet+", …).
    public let label: String
    /// Resonance / weak flag: "n" non-resonant, "r" resonant, "w" weak, "s" spontaneous, "" blank.
    public let flag: String
    /// True for reverse (detailed-balance) sets (flag "v").
    public let isReverse: Bool
    /// Q value in MeV, as written in the header.
    public let qValue_MeV: Double
    /// a₀…a₆.
    public let coefficients: [Double]
    /// 1-based line number of the header in its file, for messages.
    public let headerLine: Int

    /// The set's value at T9 (no ρ, Yₑ or identical-particle factors).
    public func value(t9: Double) -> Double {
        let a = coefficients, t13 = cbrt(t9)
        return exp(a[0] + a[1] / t9 + a[2] / t13 + a[3] * t13 + a[4] * t9 + a[5] * t9 * t13 * t13 + a[6] * log(t9))
    }
}

/// A reaction: all REACLIB sets with the same nuclei and weak kind, summed.
public struct ReaclibReaction: Sendable, Equatable {
    public let chapter: Int
    public let reactants: [String]
    public let products: [String]
    public let sets: [ReaclibFitSet]
    /// True for electron captures (label `ec` or `bec`): the sets give λ/(ρYₑ).
    public let isElectronCapture: Bool
    /// Q value (MeV) of the first set (all sets of a reaction carry the same Q in ReacLib 2).
    public var qValue_MeV: Double { sets[0].qValue_MeV }

    /// Σ_sets exp(…) at T9 (unscreened; units as in `ReaclibFitSet`).
    public func rate(t9: Double) -> Double { sets.reduce(0) { $0 + $1.value(t9: t9) } }

    /// "p+p→d", "p+p→d [ec]", "he3+he3→p+p+he4".
    public var key: String { Self.key(reactants, products, electronCapture: isElectronCapture) }

    static func key(_ r: [String], _ p: [String], electronCapture: Bool) -> String {
        r.joined(separator: "+") + "→" + p.joined(separator: "+") + (electronCapture ? " [ec]" : "")
    }
}

/// Errors of the REACLIB loader: each names the file, the line and the field.
public enum ReaclibError: Error, CustomStringConvertible, Equatable, Sendable {
    case unreadable(file: String, reason: String)
    case malformed(file: String, line: Int, field: String, reason: String)
    case missingReaction(key: String, files: [String])

    public var description: String {
        switch self {
        case let .unreadable(f, r): return "cannot read REACLIB file \(f): \(r)"
        case let .malformed(f, l, fld, r): return "\(f):\(l): field \(fld): \(r)"
        case let .missingReaction(k, fs): return "reaction \(k) not found in \(fs.joined(separator: ", "))"
        }
    }
}

/// A collection of REACLIB reactions parsed from ReacLib-2 text (lines starting with `#` are comments).
public struct ReaclibRateSet: Sendable {
    public private(set) var reactions: [String: ReaclibReaction] = [:]
    public private(set) var files: [String] = []

    public init() {}

    /// Files under `StellarModels/reaction-rates/` holding every set the hydrogen-burning network uses.
    public static let hydrogenBurningFiles = ["reaction-rates/pp_cno_excerpt.txt", "reaction-rates/pp_cno_supplement.txt"]

    /// Loads `hydrogenBurningFiles` from the data directory.
    public static func hydrogenBurning(dataDirectory: DataDirectory? = nil) throws -> ReaclibRateSet {
        let dir = try dataDirectory ?? DataDirectory.locate()
        var set = ReaclibRateSet()
        for f in hydrogenBurningFiles { try set.add(contentsOf: dir.url.appendingPathComponent(f)) }
        return set
    }

    /// Adds every set in a file.
    public mutating func add(contentsOf url: URL) throws {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ReaclibError.unreadable(file: url.path, reason: error.localizedDescription)
        }
        try add(parsing: text, file: url.path)
    }

    /// Parses ReacLib-2 text; `file` names the source in errors.
    public mutating func add(parsing text: String, file: String) throws {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        var i = 0
        while i < lines.count {
            let trimmed = lines[i].trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { i += 1; continue }
            guard let chapter = Int(trimmed), (1...11).contains(chapter) else {
                throw ReaclibError.malformed(file: file, line: i + 1, field: "chapter",
                                             reason: "expected an integer 1…11, found \"\(trimmed)\"")
            }
            guard i + 3 < lines.count else {
                throw ReaclibError.malformed(file: file, line: i + 1, field: "set",
                                             reason: "chapter line not followed by a header and two coefficient lines")
            }
            let set = try Self.parseSet(chapter: chapter, header: lines[i + 1], c1: lines[i + 2], c2: lines[i + 3],
                                        firstLine: i + 2, file: file)
            try insert(set, file: file)
            i += 4
        }
        if !files.contains(file) { files.append(file) }
    }

    /// The reaction with these reactants and products (REACLIB names), or a typed error.
    public func reaction(_ reactants: [String], _ products: [String], electronCapture: Bool = false) throws -> ReaclibReaction {
        let k = ReaclibReaction.key(reactants, products, electronCapture: electronCapture)
        guard let r = reactions[k] else { throw ReaclibError.missingReaction(key: k, files: files) }
        return r
    }

    static let reactantCount = [1: 1, 2: 1, 3: 1, 4: 2, 5: 2, 6: 2, 7: 2, 8: 3, 9: 3, 10: 4, 11: 1]

    private mutating func insert(_ s: ReaclibFitSet, file: String) throws {
        let nr = Self.reactantCount[s.chapter]!
        guard s.nuclei.count > nr else {
            throw ReaclibError.malformed(file: file, line: s.headerLine, field: "nuclei",
                                         reason: "chapter \(s.chapter) needs more than \(nr) nuclei, found \(s.nuclei)")
        }
        let ec = s.label == "ec" || s.label == "bec"
        let r = Array(s.nuclei[..<nr]), p = Array(s.nuclei[nr...])
        let k = ReaclibReaction.key(r, p, electronCapture: ec)
        if let old = reactions[k] {
            guard old.chapter == s.chapter, abs(old.qValue_MeV - s.qValue_MeV) <= 1e-9 * max(1, abs(s.qValue_MeV)) else {
                throw ReaclibError.malformed(file: file, line: s.headerLine, field: "Q",
                                             reason: "Q = \(s.qValue_MeV) MeV differs from \(old.qValue_MeV) of the earlier set of \(k)")
            }
            reactions[k] = ReaclibReaction(chapter: s.chapter, reactants: r, products: p, sets: old.sets + [s],
                                           isElectronCapture: ec)
        } else {
            reactions[k] = ReaclibReaction(chapter: s.chapter, reactants: r, products: p, sets: [s], isElectronCapture: ec)
        }
    }

    private static func field(_ line: String, _ from: Int, _ to: Int) -> String {
        let chars = Array(line)
        guard from < chars.count else { return "" }
        return String(chars[from..<min(to, chars.count)])
    }

    private static func parseSet(chapter: Int, header: String, c1: String, c2: String, firstLine h: Int,
                                 file: String) throws -> ReaclibFitSet {
        var nuclei: [String] = []
        for k in 0..<6 {
            let n = field(header, 5 + 5 * k, 10 + 5 * k).trimmingCharacters(in: .whitespaces)
            if n.isEmpty { continue }
            guard n.allSatisfy({ $0.isLetter || $0.isNumber }) else {
                throw ReaclibError.malformed(file: file, line: h, field: "nucleus \(k + 1)", reason: "\"\(n)\" is not a nucleus name")
            }
            nuclei.append(n)
        }
        guard !nuclei.isEmpty else {
            throw ReaclibError.malformed(file: file, line: h, field: "nuclei", reason: "header lists no nucleus")
        }
        let label = field(header, 43, 47).trimmingCharacters(in: .whitespaces)
        guard !label.isEmpty else {
            throw ReaclibError.malformed(file: file, line: h, field: "label", reason: "empty set label (columns 44–47)")
        }
        let flag = field(header, 47, 48).trimmingCharacters(in: .whitespaces)
        guard ["", "n", "r", "w", "s"].contains(flag) else {
            throw ReaclibError.malformed(file: file, line: h, field: "resonance flag", reason: "\"\(flag)\" is not n, r, w, s or blank")
        }
        let rev = field(header, 48, 49).trimmingCharacters(in: .whitespaces)
        guard rev.isEmpty || rev == "v" else {
            throw ReaclibError.malformed(file: file, line: h, field: "reverse flag", reason: "\"\(rev)\" is not v or blank")
        }
        let qText = field(header, 52, 64).trimmingCharacters(in: .whitespaces)
        guard let q = Double(qText), q.isFinite else {
            throw ReaclibError.malformed(file: file, line: h, field: "Q value", reason: "\"\(qText)\" is not a number")
        }
        var a: [Double] = []
        for (line, text, count) in [(h + 1, c1, 4), (h + 2, c2, 3)] {
            for k in 0..<count {
                let t = field(text, 13 * k, 13 * k + 13).trimmingCharacters(in: .whitespaces)
                guard let v = Double(t), v.isFinite else {
                    throw ReaclibError.malformed(file: file, line: line, field: "a\(a.count)", reason: "\"\(t)\" is not a number")
                }
                a.append(v)
            }
        }
        return ReaclibFitSet(chapter: chapter, nuclei: nuclei, label: label, flag: flag, isReverse: rev == "v",
                             qValue_MeV: q, coefficients: a, headerLine: h)
    }
}
