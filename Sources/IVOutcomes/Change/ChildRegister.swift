/// The children of a service, read from an optional children file, looked up by id.
///
/// ```swift
/// let register = try ChildRegister(path: "children.csv")
/// register["PA-0001"]?.age(on: try CalendarDate(validating: "2026-01-10"))   // 14
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
    private let index: [ChildID: Int]

    /// A register of `children`; a repeated id keeps the first.
    public init(children: [ChildDetails], problems: [RowProblem] = [], unknownColumns: [String] = []) {
        var index: [ChildID: Int] = [:]
        for (position, child) in children.enumerated() where index[child.id] == nil { index[child.id] = position }
        self.children = children
        self.problems = problems
        self.unknownColumns = unknownColumns
        self.index = index
    }

    /// The child with this id, or `nil`.
    public subscript(id: ChildID) -> ChildDetails? { index[id].map { children[$0] } }

    /// The position of the child in ``children``.
    func position(of id: ChildID) -> Int? { index[id] }
}
