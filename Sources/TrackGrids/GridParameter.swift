import Microphysics
import RedGiantCore
import TRGBBounds

/// One value of a grid axis as written in a spec file: a number, a choice's name, or a Boolean.
public enum GridValue: Hashable, Sendable, CustomStringConvertible {
    case number(Double)
    case text(String)
    case bool(Bool)

    public var description: String {
        switch self {
        case let .number(x): return "\(x)"
        case let .text(s): return s
        case let .bool(b): return b ? "true" : "false"
        }
    }
}

/// A parameter a grid can vary or fix: the star, the coupling and every physics choice of `TrackSpec`. The name is
/// the key in the spec file and the column of `grid export` (Docs/grids.md §1 lists them with units).
public struct GridParameter {
    public enum Kind {
        /// A number in `unit`.
        case number(unit: String)
        /// One of `values` (spelled as in `--help`, matched ignoring case, '-' and '_').
        case choice(values: [String])
        case boolean
    }

    public let name: String
    public let kind: Kind
    let set: (inout TrackSpec, GridValue) -> Bool
    let get: (TrackSpec) -> GridValue

    /// Every parameter, in the export's column order.
    public static var all: [GridParameter] {
        [number("mass", "M☉", \.mass), number("helium", "mass fraction", \.helium),
         number("metallicity", "mass fraction", \.metallicity), number("dredge_up_helium", "mass fraction", \.dredgeUpHelium),
         number("mu12", "10⁻¹² μ_B", \.mu12), number("q14", "10⁻¹⁴ e", \.q14), number("g13", "10⁻¹³", \.g13),
         choice("coulomb", \.physics.coulomb), choice("conduction", \.physics.conduction),
         boolean("blouin2020", \.physics.blouin2020), choice("triple_alpha", \.physics.tripleAlpha),
         choice("screening", \.physics.screening), choice("plasma_neutrinos", \.physics.plasmaNeutrinos),
         choice("bremsstrahlung", \.physics.bremsstrahlung), number("sin2_theta_w", "—", \.physics.sin2ThetaW),
         number("conductive_opacity_factor", "—", \.physics.conductiveOpacityFactor),
         number("neutrino_loss_factor", "—", \.physics.neutrinoLossFactor),
         number("edge_temperature_factor", "—", \.edgeTemperatureFactor),
         number("edge_pressure_factor", "—", \.edgePressureFactor)]
    }

    public static func named(_ name: String) -> GridParameter? { all.first { $0.name == name } }

    /// What a value may be, for messages.
    public var allowed: String {
        switch kind {
        case let .number(unit): return "a finite number (\(unit))"
        case let .choice(values): return "one of " + values.joined(separator: ", ")
        case .boolean: return "true or false"
        }
    }

    static func number(_ name: String, _ unit: String, _ kp: WritableKeyPath<TrackSpec, Double>) -> GridParameter {
        GridParameter(name: name, kind: .number(unit: unit),
                      set: { spec, v in
                          guard case let .number(x) = v, x.isFinite else { return false }
                          spec[keyPath: kp] = x
                          return true
                      },
                      get: { .number($0[keyPath: kp]) })
    }

    static func boolean(_ name: String, _ kp: WritableKeyPath<TrackSpec, Bool>) -> GridParameter {
        GridParameter(name: name, kind: .boolean,
                      set: { spec, v in
                          guard case let .bool(b) = v else { return false }
                          spec[keyPath: kp] = b
                          return true
                      },
                      get: { .bool($0[keyPath: kp]) })
    }

    static func choice<E: RawRepresentable & CaseIterable>(_ name: String, _ kp: WritableKeyPath<TrackSpec, E>) -> GridParameter
        where E.RawValue == String {
        func normalised(_ s: String) -> String { String(s.lowercased().filter { $0 != "-" && $0 != "_" }) }
        return GridParameter(name: name, kind: .choice(values: E.allCases.map(\.rawValue)),
                             set: { spec, v in
                                 guard case let .text(s) = v,
                                       let match = E.allCases.first(where: { normalised($0.rawValue) == normalised(s) }) else { return false }
                                 spec[keyPath: kp] = match
                                 return true
                             },
                             get: { .text($0[keyPath: kp].rawValue) })
    }
}
