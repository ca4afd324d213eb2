/// Where one child stands against the measurement schedule for one measure, as of a date.
///
/// ```swift
/// for status in tracker.schedule() where !status.overdueWaves.isEmpty {
///     print(status.childID, status.measure, status.overdueWaves.map(\.number))
/// }
/// ```
public struct ScheduleStatus: Sendable, Hashable {
    /// What wave 0 is counted from.
    public enum Anchor: String, Sendable, Hashable, Codable {
        /// The match start in the children file.
        case matchStart = "match_start"
        /// A waiting child's referral date in the children file (`referred_on`).
        case referredOn = "referred_on"
        /// No match start (or, for a waiting child, no referral date) is known: the child's first
        /// administration of the measure.
        case firstAdministration = "first_administration"
        /// Neither is known: no wave can be placed.
        case unknown
    }

    /// One wave whose window has opened by the as-of date.
    public struct Wave: Sendable, Hashable {
        /// Where a wave stands.
        public enum State: String, Sendable, Hashable, Codable {
            /// An administration falls in the wave's window.
            case done
            /// The window has closed without one.
            case overdue
            /// The window is open and nothing is recorded yet.
            case dueNow = "due_now"
        }

        /// 0 for the baseline.
        public let number: Int
        /// When the wave is due.
        public let dueOn: CalendarDate
        /// Where the wave stands.
        public let state: State
        /// The first administration in the window, for a done wave.
        public let administeredOn: CalendarDate?
    }

    /// The child.
    public let childID: ChildID
    /// The measure's id in the schedule, such as `wellbeing`.
    public let measure: MeasureID
    /// What the waves are counted from.
    public let anchor: Anchor
    /// The date the waves are counted from, when known.
    public let anchorDate: CalendarDate?
    /// Every wave whose window has opened by the as-of date (and that is due before any match end).
    public let waves: [Wave]
    /// Administrations further than the tolerance from every due date, or before the baseline window.
    public let outsideWindow: [CalendarDate]
    /// The due date of the next wave without an administration whose window has not closed;
    /// `nil` after the match has ended or when no wave can be placed.
    public let nextDueOn: CalendarDate?
    /// Notes for the coordinator, such as a match start missing from the children file, or a
    /// next wave that moves the child from one instrument to another (SCWBS to WEMWBS at 13).
    public let problems: [FollowUpNote]
    /// The instruments that fit the child's age on ``nextDueOn`` under the schedule's age rules
    /// (any of the measure's instruments for a measure without them); `nil` without a next wave.
    public let dueInstruments: DueInstruments?

    /// The waves done.
    public var doneWaves: [Wave] { waves.filter { $0.state == .done } }
    /// The waves overdue.
    public var overdueWaves: [Wave] { waves.filter { $0.state == .overdue } }
    /// The wave due now, if any.
    public var dueNowWave: Wave? { waves.first { $0.state == .dueNow } }
}
