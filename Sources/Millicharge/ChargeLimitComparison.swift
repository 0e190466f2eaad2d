/// Every neutrino-charge limit side by side, the strongest first: the published ones (`ChargeLimitCatalog`),
/// the neutrino-star-turning bounds computed for neutron stars, and the red-giant bound computed by the
/// bound extractor (passed in as a number, so this module needs no stellar model).
public struct ChargeLimitComparison: Sendable {
    public struct Row: Sendable, Equatable {
        public var name: String
        public var kind: String
        /// Upper limit on |qν| in units of e₀.
        public var limit: Double
        public var cl: Double?
        public var year: Int?
        public var method: String
        public var reference: String
        public var confirmed: Bool
        /// Computed by this tool (not from the literature).
        public var computed: Bool
        /// False where an assumption behind the number breaks (a computed νST case, see its object's note).
        public var applies: Bool
    }

    /// A νST bound computed for one neutron star.
    public struct NeutronStarBound: Sendable {
        public var name: String, limit: Double, applies: Bool
        public init(name: String, limit: Double, applies: Bool) {
            self.name = name
            self.limit = limit
            self.applies = applies
        }
    }

    /// The red-giant bound computed by the bound extractor: its label, the limit (e₀) and its CL.
    public struct RedGiantBound: Sendable {
        public var name: String, limit: Double, cl: Double
        public init(name: String, limit: Double, cl: Double) {
            self.name = name
            self.limit = limit
            self.cl = cl
        }
    }

    /// Strongest first.
    public let rows: [Row]

    public init(published: ChargeLimitCatalog, neutronStars: [NeutronStarBound], redGiant: RedGiantBound?) {
        var out = published.limits.map {
            Row(name: $0.name, kind: $0.kind, limit: $0.limitE0, cl: $0.cl, year: $0.year, method: $0.method,
                reference: $0.reference, confirmed: $0.confirmed, computed: false, applies: true)
        }
        for s in neutronStars {
            out.append(Row(name: s.name, kind: "this tool: neutron-star rotation", limit: s.limit, cl: nil, year: nil,
                           method: "neutrino star turning, |ΔΩ| < Ω₀ (Docs/millicharge.md §2)", reference: "computed",
                           confirmed: true, computed: true, applies: s.applies))
        }
        if let rg = redGiant {
            out.append(Row(name: rg.name, kind: "this tool: red-giant tip", limit: rg.limit, cl: rg.cl, year: nil,
                           method: "plasmon decay into νν̄ through the charge, TRGB brightness (Docs/millicharge.md §4)",
                           reference: "computed", confirmed: true, computed: true, applies: true))
        }
        rows = out.sorted { $0.limit < $1.limit }
    }
}
