/// The score a worked example expects for one scale.
public struct ExpectedScore: Sendable, Hashable {
    /// `nil` when the scale must not be scored (for example, an incomplete form).
    public let value: Double?
    /// The band expected, if checked.
    public let band: BandID?

    /// An expected score and band.
    public init(value: Double?, band: BandID?) {
        self.value = value
        self.band = band
    }
}
