/// What the photometry of a tip needs besides the luminosity.
public struct PhotometryInputs: Sendable, Equatable {
    public var mass: Double
    public var feh: Double
    /// Observed tip colour, or nil for the relation at `feh`.
    public var colourVI: Double?
    /// Added to the colour (relation scatter variation).
    public var colourOffset = 0.0
    /// BC table name.
    public var table: String
}
