/// What scoring a file found, for the summary line and for accounting: `rowsRead` always equals
/// `scored + incomplete + invalid`.
public struct ScoringSummary: Sendable, Hashable, Codable {
    /// Rows read (blank rows skipped are not among them).
    public var rowsRead = 0
    /// Rows with every scale scored.
    public var scored = 0
    /// Rows with some scale not scored.
    public var incomplete = 0
    /// Rows not scored at all (a bad value, date or child id).
    public var invalid = 0
    /// Blank rows skipped.
    public var blankRowsSkipped = 0
    /// Problems found in all: the scoring functions report at most as many as asked for.
    public var problems = 0
    /// Columns that are neither base columns nor items, ignored.
    public var unknownColumns: [String] = []

    /// An empty summary.
    public init() {}

    /// Adds another part's counts.
    mutating func add(_ other: ScoringSummary) {
        rowsRead += other.rowsRead
        scored += other.scored
        incomplete += other.incomplete
        invalid += other.invalid
        problems += other.problems
    }

    mutating func count(_ status: ScoreStatus) {
        rowsRead += 1
        switch status {
        case .scored: scored += 1
        case .incomplete: incomplete += 1
        case .invalid: invalid += 1
        }
    }
}
