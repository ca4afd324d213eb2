/// One input row after scoring.
public struct ScoredRow: Sendable, Hashable {
    /// The line the row starts on (the header is line 1).
    public let line: Int
    /// The child's pseudonymous id as written (trimmed); empty when missing.
    public let childID: String
    /// `nil` when the date is missing or not in the expected format.
    public let administeredOn: CalendarDate?
    public let instrument: InstrumentID
    /// Whether ``instrument`` is one the catalogue knows.
    public let isKnownInstrument: Bool
    public let status: ScoreStatus
    /// Every scale of the instrument (empty when the instrument is unknown).
    public let scores: [ScaleScore]
    /// Everything wrong with the row, with file, line and column.
    public let problems: [RowProblem]

    /// The value of one scale, or `nil` when it was not scored.
    public func score(of scale: ScaleID) -> Double? { scores.first { $0.scale == scale }?.value }
}
