/// One scored administration's value on a scale, as change tracking keeps it.
public struct ScaleObservation: Sendable, Hashable, Codable {
    /// The date of the administration.
    public let date: CalendarDate
    /// The score.
    public let value: Double
    /// The band id, when the scale has bands.
    public let band: BandID?
    /// The input line it came from (0 when built in code).
    public let line: Int

    /// An observation of `value` on `date`.
    public init(date: CalendarDate, value: Double, band: BandID?, line: Int = 0) {
        self.date = date
        self.value = value
        self.band = band
        self.line = line
    }
}
