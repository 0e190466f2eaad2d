/// The joint (μ₁₂, g₁₃) analysis of one calibration as `stellarbound joint --json` writes it (Docs/output-contract.md,
/// "joint"): the track grid's M_I, the marginal limits, the μ₁₂ limit at fixed g₁₃ and the credible region's level.
/// The coding keys are the JSON keys and may be added to but never renamed.
public struct JointReport: Sendable, Encodable {
    public var calibration: String, cl: Double
    public var observedMI: Double, observedMIError: Double, theoryErrorMI: Double
    public var mu12Limit: Double, g13Limit: Double
    public var mu12LimitAtG13: [AtG13]
    public var mu12Nodes: [Double], g13Nodes: [Double], mINodes: [[Double]]
    public var tracksComputed: Int, threads: Int, seconds: Double
    /// Tracks read from the track store instead of computed.
    public var tracksFromStore: Int

    /// The μ₁₂ limit with g₁₃ held at a node, and its ratio to the limit at g₁₃ = 0.
    public struct AtG13: Sendable, Encodable {
        public var g13: Double, mu12Limit: Double, ratioToG13Zero: Double
        public enum CodingKeys: String, CodingKey, CaseIterable {
            case g13, mu12Limit = "mu12_limit", ratioToG13Zero = "ratio_to_g13_0"
        }
    }

    public init(_ r: JointAnalysis.Result, threads: Int, seconds: Double) {
        calibration = r.calibration.name
        cl = r.cl
        observedMI = r.calibration.mI
        observedMIError = r.observedError
        theoryErrorMI = r.theoryError
        mu12Limit = r.mu12Limit
        g13Limit = r.g13Limit
        let zero = r.mu12LimitAtG13.first?.mu12Limit ?? 1
        mu12LimitAtG13 = r.mu12LimitAtG13.map { AtG13(g13: $0.g13, mu12Limit: $0.mu12Limit, ratioToG13Zero: $0.mu12Limit / zero) }
        mu12Nodes = r.mu12Nodes
        g13Nodes = r.g13Nodes
        mINodes = r.mI
        tracksComputed = r.tracksComputed
        tracksFromStore = r.tracksFromStore
        self.threads = threads
        self.seconds = seconds
    }

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case command, calibration, cl, observedMI = "observed_m_i", observedMIError = "observed_m_i_error"
        case theoryErrorMI = "theory_error_m_i", mu12Limit = "mu12_limit", g13Limit = "g13_limit"
        case mu12LimitAtG13 = "mu12_limit_at_g13", mu12Nodes = "mu12_nodes", g13Nodes = "g13_nodes", mINodes = "m_i_nodes"
        case tracksComputed = "tracks_computed", tracksFromStore = "tracks_from_store", threads, seconds
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("joint", forKey: .command)
        try c.encode(calibration, forKey: .calibration)
        try c.encode(cl, forKey: .cl)
        try c.encode(observedMI, forKey: .observedMI)
        try c.encode(observedMIError, forKey: .observedMIError)
        try c.encode(theoryErrorMI, forKey: .theoryErrorMI)
        try c.encode(mu12Limit, forKey: .mu12Limit)
        try c.encode(g13Limit, forKey: .g13Limit)
        try c.encode(mu12LimitAtG13, forKey: .mu12LimitAtG13)
        try c.encode(mu12Nodes, forKey: .mu12Nodes)
        try c.encode(g13Nodes, forKey: .g13Nodes)
        try c.encode(mINodes, forKey: .mINodes)
        try c.encode(tracksComputed, forKey: .tracksComputed)
        try c.encode(tracksFromStore, forKey: .tracksFromStore)
        try c.encode(threads, forKey: .threads)
        try c.encode(seconds, forKey: .seconds)
    }
}
