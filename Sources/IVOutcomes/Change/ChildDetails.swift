/// What a service knows about one child, by pseudonymous id: birth month, whether the child has an
/// IV or is waiting for one, match or referral dates and the demographic categories reports break
/// results down by. Never a name or a full date of birth.
public struct ChildDetails: Sendable, Hashable {
    /// The child's pseudonymous id.
    public let id: ChildID
    /// The month of birth (never the day), for the child's age.
    public let birthMonth: BirthMonth?
    /// When the IV match started: the baseline of the measurement schedule.
    public let matchStart: CalendarDate?
    /// When the match ended, if it has; no wave is expected after it.
    public let matchEnd: CalendarDate?
    /// Whether the child has an IV or is on the waiting list (matched unless the children file says otherwise).
    public let status: ChildStatus
    /// When a waiting child was referred for an IV: the baseline of their measurement schedule.
    public let referredOn: CalendarDate?
    /// Categories by column that reports break results down by (the children file's
    /// ``ChildRegister/demographicColumns``, or the columns a caller named), blank ones left out.
    public let attributes: [String: String]
    /// The line of the children file the child was read from (0 when built in code).
    public let line: Int

    /// What is known of a child; only the id is required.
    ///
    /// ```swift
    /// let waiting = ChildDetails(id: "W-01", status: .waiting, referredOn: CalendarDate(iso: "2026-03-02"))
    /// ```
    public init(
        id: ChildID, birthMonth: BirthMonth? = nil, matchStart: CalendarDate? = nil, matchEnd: CalendarDate? = nil,
        status: ChildStatus = .matched, referredOn: CalendarDate? = nil, attributes: [String: String] = [:],
        line: Int = 0
    ) {
        self.id = id
        self.birthMonth = birthMonth
        self.matchStart = matchStart
        self.matchEnd = matchEnd
        self.status = status
        self.referredOn = referredOn
        self.attributes = attributes
        self.line = line
    }

    /// The child's age on `date` (see ``BirthMonth/age(on:)``), or `nil` when the birth month is unknown.
    public func age(on date: CalendarDate) -> Int? { birthMonth?.age(on: date) }

    /// Whether the child is on the waiting list (the comparison group).
    public var isWaiting: Bool { status == .waiting }
}
