/// How the rows given to a ``FollowUpTracker`` were used: every row is in exactly one count.
public struct FollowUpCounts: Sendable, Hashable {
    /// Rows used (scored, or incomplete with at least a date and child).
    public internal(set) var used = 0
    /// Of the rows used, those incomplete (some scale not scored).
    public internal(set) var incomplete = 0
    /// Rows not used because scoring found them invalid (their problems say why).
    public internal(set) var invalid = 0
    /// Rows not used because another form of the same child and date holds all their answers.
    public internal(set) var duplicates = 0
    /// Rows not used because their date is before the earliest date or after the as-of date.
    public internal(set) var outOfRange = 0
    /// Of the rows used, those that shared a day and items with another form of the child but
    /// did not agree: neither counts for the scales they share (their notes say which).
    public internal(set) var conflicting = 0

    /// Every row counted: used, invalid, duplicates and out of range (incomplete rows are among the used).
    public var total: Int { used + invalid + duplicates + outOfRange }
}
