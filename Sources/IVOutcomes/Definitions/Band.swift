/// One interpretation band, inclusive at both ends: WEMWBS `average` is 45-59.
public struct Band: Sendable, Hashable, Codable, Identifiable {
    public let id: BandID
    public let label: String
    public let minimum: Double
    public let maximum: Double

    public init(id: BandID, label: String, minimum: Double, maximum: Double) {
        self.id = id
        self.label = label
        self.minimum = minimum
        self.maximum = maximum
    }
}
