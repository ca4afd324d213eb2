/// One input row after scoring.
public struct ScoredRow: Sendable, Hashable {
    /// The line the row starts on (the header is line 1).
    public let line: Int
    /// The child's pseudonymous id, or `nil` when the cell is empty or not a valid id (see
    /// ``ChildID`` and ``problems``).
    public let childID: ChildID?
    /// The child id cell as written (trimmed), for the score output, which repeats each row's cells.
    let childIDText: String
    /// `nil` when the date is missing or not in the expected format.
    public let administeredOn: CalendarDate?
    /// The instrument the row names (or `--instrument`), known or not.
    public let instrument: InstrumentID
    /// Whether ``instrument`` is one the catalogue knows.
    public let isKnownInstrument: Bool
    /// Whether the row was scored, incomplete or invalid.
    public let status: ScoreStatus
    /// Every scale of the instrument (empty when the instrument is unknown).
    public let scores: [ScaleScore]
    /// Everything wrong with the row, with file, line and column.
    public let problems: [RowProblem]
    /// For a FHIR QuestionnaireResponse, its id and subject as received; `nil` for other input.
    public var fhirOrigin: FHIROrigin?

    /// The value of one scale, or `nil` when it was not scored.
    public func score(of scale: ScaleID) -> Double? { scores.first { $0.scale == scale }?.value }
}
