/// One interpretation band, inclusive at both ends: WEMWBS `average` is 45-59.
public struct Band: Sendable, Hashable, Codable, Identifiable {
    /// The band's id, such as `low`.
    public let id: BandID
    /// The band's label for readers, such as `Low (40 and under)`.
    public let label: String
    /// The lowest score in the band.
    public let minimum: Double
    /// The highest score in the band.
    public let maximum: Double

    /// A band of scores from `minimum` to `maximum`.
    public init(id: BandID, label: String, minimum: Double, maximum: Double) {
        self.id = id
        self.label = label
        self.minimum = minimum
        self.maximum = maximum
    }
}
