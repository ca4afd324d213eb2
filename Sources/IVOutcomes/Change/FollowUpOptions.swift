/// Settings for following children over time.
public struct FollowUpOptions: Sendable, Hashable {
    /// The date the picture is drawn on: waves due by then are expected, and administrations
    /// dated after it are reported and not used. Always given: a report drawn "as of today"
    /// changes from one day to the next, so a caller says which day (``CalendarDate/today`` if so).
    public var asOf: CalendarDate
    /// Administrations dated before this are reported and not used (2000-01-01: before any
    /// IV outcomes measurement, so almost certainly a typing error).
    public var earliestDate: CalendarDate
    /// Contact logs outside this period are left out of log summaries; `nil` for all of them.
    public var logPeriod: ClosedRange<CalendarDate>?

    /// Options as of `asOf`.
    public init(
        asOf: CalendarDate, earliestDate: CalendarDate = FollowUpOptions.defaultEarliestDate,
        logPeriod: ClosedRange<CalendarDate>? = nil
    ) {
        self.asOf = asOf
        self.earliestDate = earliestDate
        self.logPeriod = logPeriod
    }

    /// 2000-01-01.
    public static let defaultEarliestDate = CalendarDate(daysSinceEpoch: 10_957)
}
