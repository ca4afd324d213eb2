/// One entry of a definition's changelog.
public struct ChangelogEntry: Sendable, Hashable, Codable {
    public let version: String
    public let date: CalendarDate
    public let changes: String

    public init(version: String, date: CalendarDate, changes: String) {
        self.version = version
        self.date = date
        self.changes = changes
    }
}
