/// The physics choices of the microphysics module are plain values in a `PhysicsSpecification`
/// (RedGiantCore): they encode as their raw names, which are also the spellings printed in reports.
extension ScreeningModel: Codable {}
extension CoulombModel: Codable {}
extension TripleAlphaRate: Codable {}
extension ConductiveOpacity.Prescription: Codable {}
extension ItohNeutrinoFits.BremsstrahlungBranch: Codable {}
