/// The interpretation bands of a scale, with their source and any caution a report must show.
public struct BandSet: Sendable, Hashable {
    /// Lowest first; contiguous and covering the scale's whole range (the validator checks this).
    public let bands: [Band]
    /// Citation id for the cut-offs.
    public let source: SourceID
    /// What the bands are and are not, shown wherever they are, such as
    /// "Epidemiological bands, not a diagnosis".
    public let caution: String
    /// `false` for cut-offs that circulate without a primary source; reports mark them unverified.
    public let isVerified: Bool
    /// The name of the band column in score output: `wemwbs_band` for `wemwbs_total`. Defaults
    /// to the scale id followed by `_band`.
    public let column: String

    /// Bands with their source and caution.
    public init(bands: [Band], source: SourceID, caution: String, isVerified: Bool, column: String) {
        self.bands = bands
        self.column = column
        self.source = source
        self.caution = caution
        self.isVerified = isVerified
    }

    /// The band of `value`: the first whose upper bound is at least the value, so a value between
    /// two whole-number bands (a prorated 40.5) belongs to the higher one. `nil` outside the range.
    public func band(for value: Double) -> Band? {
        index(for: value).map { bands[$0] }
    }

    /// The position in ``bands`` of the band a value falls in.
    func index(for value: Double) -> Int? {
        guard let first = bands.first, value >= first.minimum else { return nil }
        return bands.firstIndex { value <= $0.maximum }
    }
}
