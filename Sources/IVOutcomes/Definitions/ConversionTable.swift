/// A raw-to-converted score table, such as the SWEMWBS Rasch conversion: one value for every
/// whole raw score from `firstRaw` upwards. No interpolation and no rounding.
public struct ConversionTable: Sendable, Hashable {
    /// The raw score of the first value.
    public let firstRaw: Int
    /// The converted value of each raw score from ``firstRaw`` on.
    public let values: [Double]
    /// Citation id of the table.
    public let source: SourceID

    /// A table from raw scores to converted values, as `source` publishes it.
    public init(firstRaw: Int, values: [Double], source: SourceID) {
        self.firstRaw = firstRaw
        self.values = values
        self.source = source
    }

    /// The raw scores the table covers.
    public var rawRange: ClosedRange<Int> { firstRaw...(firstRaw + values.count - 1) }

    /// The converted value of a whole raw score, or `nil` outside the table.
    public func convert(_ raw: Int) -> Double? {
        rawRange.contains(raw) ? values[raw - firstRaw] : nil
    }
}
