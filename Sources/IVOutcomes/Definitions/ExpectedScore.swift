/// The score a worked example expects for one scale.
public struct ExpectedScore: Sendable, Hashable {
    /// `nil` when the scale must not be scored (for example, an incomplete form).
    public let value: Double?
    public let band: BandID?

    public init(value: Double?, band: BandID?) {
        self.value = value
        self.band = band
    }
}
