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
    /// The row's id and subject as its sender gave them (a FHIR QuestionnaireResponse's); `nil`
    /// for CSV and JSON Lines.
    public var origin: RowOrigin?

    /// The value of one scale, or `nil` when it was not scored.
    public func score(of scale: ScaleID) -> Double? { scores.first { $0.scale == scale }?.value }
}

/// Rows that come scored, one at a time, such as a ``ResponseFileReader``'s: what writers of
/// scores in other shapes (``FHIRObservations``) read.
public protocol ScoredRowSource: AnyObject {
    /// Calls `body` with every row, scored, in input order.
    func forEachRow(_ body: (ScoredRow) throws -> Void) throws
    /// Blank rows skipped so far.
    var blankRowsSkipped: Int { get }
    /// Columns or keys that are neither base columns nor items, ignored.
    var unknownColumns: [String] { get }
}
