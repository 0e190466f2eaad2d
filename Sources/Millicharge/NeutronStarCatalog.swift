import Foundation
import ModelData

/// Neutron stars for the νST bound, read from `StellarModels/millicharge/neutron-stars.json`: each
/// object's inputs with a source per number and a note on whether the mechanism's assumptions hold.
public struct NeutronStarCatalog: Decodable, Sendable {
    public struct Object: Decodable, Sendable {
        public var name: String
        public var label: String
        public var periodS: Double
        /// What the period is: the birth period (fiducial or estimated) or today's.
        public var periodKind: String
        public var fieldG: Double
        public var fieldKind: String
        public var massMsun: Double
        public var radiusKm: Double
        public var neutrinosphereRadiusKm: Double?
        public var momentOfInertiaGCm2: Double?
        public var inertiaCoefficient: Double
        public var neutrinoNumber: Double
        public var netFraction: Double
        public var geometry: String
        /// Whether the mechanism's assumptions (a newborn star's spin, field and neutrino burst) hold.
        public var applies: Bool
        public var note: String
        /// A source for each number, keyed by field name.
        public var sources: [String: String]

        /// The νST inputs of this object (geometry checked).
        public func inputs(file: String = NeutronStarCatalog.relativePath) throws -> NeutronStarTurning.Inputs {
            guard let g = EmissionGeometry(rawValue: geometry) else {
                throw MillichargeError.invalidData(file: file, entry: name, field: "geometry",
                                                   reason: "'\(geometry)' is not one of \(EmissionGeometry.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return NeutronStarTurning.Inputs(periodSeconds: periodS, fieldGauss: fieldG, massMsun: massMsun, radiusKm: radiusKm,
                                             neutrinosphereRadiusKm: neutrinosphereRadiusKm, momentOfInertiaGCm2: momentOfInertiaGCm2,
                                             inertiaCoefficient: inertiaCoefficient, neutrinoNumber: neutrinoNumber,
                                             netFraction: netFraction, geometry: g)
        }
    }

    public var description: String
    public var defaultObject: String
    public var objects: [Object]

    public static let relativePath = "millicharge/neutron-stars.json"

    public var names: [String] { objects.map(\.name) }

    /// One object by name, or every object for "all"; unknown names list the valid ones.
    /// One object by name (any case), or every object for "all".
    public func select(_ name: String) throws -> [Object] {
        if name.lowercased() == "all" { return objects }
        guard let o = objects.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw MillichargeError.unknownObject(name: name, available: names)
        }
        return [o]
    }

    /// Checks every object's inputs, naming the entry and field of the first bad one.
    public func check(file: String) throws {
        guard !objects.isEmpty else { throw MillichargeError.invalidData(file: file, entry: "objects", field: "objects", reason: "is empty") }
        guard names.contains(defaultObject) else {
            throw MillichargeError.invalidData(file: file, entry: "catalog", field: "default_object", reason: "'\(defaultObject)' is not an object's name")
        }
        for (i, o) in objects.enumerated() {
            let entry = "objects[\(i)] (\(o.name))"
            guard names.filter({ $0 == o.name }).count == 1 else {
                throw MillichargeError.invalidData(file: file, entry: entry, field: "name", reason: "is not unique")
            }
            do { try o.inputs(file: file).validate() } catch let MillichargeError.invalidParameter(name, value, allowed) {
                throw MillichargeError.invalidData(file: file, entry: entry, field: name, reason: "\(value) is outside \(allowed)")
            } catch let MillichargeError.invalidData(_, _, field, reason) {
                throw MillichargeError.invalidData(file: file, entry: entry, field: field, reason: reason)
            }
            // The decoder's snake-case strategy also converts dictionary keys: "period_s" arrives as "periodS".
            for (key, decoded) in [("period_s", "periodS"), ("field_g", "fieldG"), ("mass_msun", "massMsun"), ("neutrino_number", "neutrinoNumber")]
            where (o.sources[decoded] ?? o.sources[key] ?? "").isEmpty {
                throw MillichargeError.invalidData(file: file, entry: entry, field: "sources.\(key)", reason: "every number needs a source")
            }
        }
    }

    /// Loads and checks the catalog.
    public static func load(from directory: DataDirectory) throws -> NeutronStarCatalog {
        let c = try directory.load(NeutronStarCatalog.self, from: relativePath)
        try c.check(file: directory.url.appendingPathComponent(relativePath).path)
        return c
    }
}
