/// The score a worked example expects for one scale.
public struct ExpectedScore: Sendable, Hashable {
    /// `nil` when the scale must not be scored (for example, an incomplete form).
    public let value: Double?
    public let band: String?

    public init(value: Double?, band: String?) {
        self.value = value
        self.band = band
    }
}
