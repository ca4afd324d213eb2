/// What a service knows about one child, by pseudonymous id: birth month, match dates and the
/// demographic categories reports break results down by. Never a name or a full date of birth.
public struct ChildDetails: Sendable, Hashable {
    public let id: String
    public let birthMonth: BirthMonth?
    /// When the IV match started: the baseline of the measurement schedule.
    public let matchStart: CalendarDate?
    /// When the match ended, if it has; no wave is expected after it.
    public let matchEnd: CalendarDate?
    /// Demographic categories by column (``ChildRegister/demographicColumns``), blank ones left out.
    public let attributes: [String: String]
    /// The line of the children file the child was read from (0 when built in code).
    public let line: Int

    public init(
        id: String, birthMonth: BirthMonth? = nil, matchStart: CalendarDate? = nil, matchEnd: CalendarDate? = nil,
        attributes: [String: String] = [:], line: Int = 0
    ) {
        self.id = id
        self.birthMonth = birthMonth
        self.matchStart = matchStart
        self.matchEnd = matchEnd
        self.attributes = attributes
        self.line = line
    }

    /// The child's age on `date` (see ``BirthMonth/age(on:)``), or `nil` when the birth month is unknown.
    public func age(on date: CalendarDate) -> Int? { birthMonth?.age(on: date) }
}

/// The children of a service, read from an optional children file, looked up by id.
///
/// ```swift
/// let register = try ChildRegister(path: "children.csv")
/// register["PA-0001"]?.age(on: CalendarDate(iso: "2026-01-10")!)   // 14
/// for problem in register.problems { print(problem) }
/// ```
public struct ChildRegister: Sendable {
    /// The optional demographic columns a children file may carry, as reports break them down.
    /// Other columns are reported once and never read, so that nothing identifying is kept.
    public static let demographicColumns = [
        "gender", "ethnicity", "disability", "uasc", "care_leaver", "placed_out_of_area", "local_area", "region",
    ]

    /// Children in file order.
    public let children: [ChildDetails]
    /// Rows that could not be read in full, with file, line, column and value.
    public let problems: [RowProblem]
    /// Header cells that are not read.
    public let unknownColumns: [String]
    /// How the file was read when it is not plain comma-separated UTF-8.
    public internal(set) var formatNote: String?
    private let index: [String: Int]

    /// A register of `children`; a repeated id keeps the first.
    public init(children: [ChildDetails], problems: [RowProblem] = [], unknownColumns: [String] = []) {
        var index: [String: Int] = [:]
        for (position, child) in children.enumerated() where index[child.id] == nil { index[child.id] = position }
        self.children = children
        self.problems = problems
        self.unknownColumns = unknownColumns
        self.index = index
    }

    /// The child with this id, or `nil`.
    public subscript(id: String) -> ChildDetails? { index[id].map { children[$0] } }

    /// The position of the child in ``children``.
    func position(of id: String) -> Int? { index[id] }
}
