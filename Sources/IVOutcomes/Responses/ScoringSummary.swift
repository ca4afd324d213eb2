/// What scoring a file found, for the summary line and for accounting: `rowsRead` always equals
/// `scored + incomplete + invalid`.
public struct ScoringSummary: Sendable, Hashable, Codable {
    public var rowsRead = 0
    public var scored = 0
    public var incomplete = 0
    public var invalid = 0
    public var blankRowsSkipped = 0
    /// Problems found in all: the scoring functions report at most as many as asked for.
    public var problems = 0
    /// Columns that are neither base columns nor items, ignored.
    public var unknownColumns: [String] = []

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
