/// How long a child has had their Independent Visitor, in the bands national IV reporting uses
/// (the `match_length` breakdown): under a year, 1 to 2 years, 2 to 5 years, 5 years or more,
/// and `unknown`.
///
/// The length runs from `match_start` to the as-of date, or to `match_end` when the match ended
/// by then. A year is reached on the anniversary, counted as the schedule counts a 12-month wave
/// (``CalendarDate/adding(months:)``): a match started on 29 February reaches a year on 28 February
/// of a year without one. Exactly one year is `1_to_2_years`, exactly two `2_to_5_years`, exactly
/// five `over_5_years`.
///
/// ```swift
/// let start = CalendarDate(iso: "2024-02-29")
/// MatchLength(matchStart: start, matchEnd: nil, asOf: CalendarDate(iso: "2025-02-28")!)   // .oneToTwoYears
/// ```
public enum MatchLength: String, Sendable, Hashable, Codable, CaseIterable {
    /// Less than one year.
    case underOneYear = "under_1_year"
    /// One year or more, less than two.
    case oneToTwoYears = "1_to_2_years"
    /// Two years or more, less than five.
    case twoToFiveYears = "2_to_5_years"
    /// Five years or more.
    case overFiveYears = "over_5_years"
    /// No match start, or one after the date the length is taken on.
    case unknown

    /// The breakdown's name in reports and pooling summaries.
    public static let dimension = "match_length"

    /// The known bands, shortest first (merged with a neighbour when small, ``TableDesign``).
    static let ordered: [MatchLength] = [.underOneYear, .oneToTwoYears, .twoToFiveYears, .overFiveYears]

    /// The whole years a band spans, up to but not including its upper end (`Int.max` for over
    /// five years; empty for `unknown`).
    var years: Range<Int> {
        switch self {
        case .underOneYear: return 0..<1
        case .oneToTwoYears: return 1..<2
        case .twoToFiveYears: return 2..<5
        case .overFiveYears: return 5..<Int.max
        case .unknown: return 0..<0
        }
    }

    /// The band of a match from `matchStart` to `asOf` (or to `matchEnd` if that is earlier).
    public init(matchStart: CalendarDate?, matchEnd: CalendarDate?, asOf: CalendarDate) {
        let end = matchEnd.map { min($0, asOf) } ?? asOf
        guard let start = matchStart, start <= end else {
            self = .unknown
            return
        }
        let reached = { (years: Int) in start.adding(months: 12 * years) <= end }
        switch true {
        case reached(5): self = .overFiveYears
        case reached(2): self = .twoToFiveYears
        case reached(1): self = .oneToTwoYears
        default: self = .underOneYear
        }
    }

    /// The band of a child's match on `asOf`.
    public init(of child: ChildDetails, asOf: CalendarDate) {
        self.init(matchStart: child.matchStart, matchEnd: child.matchEnd, asOf: asOf)
    }
}
