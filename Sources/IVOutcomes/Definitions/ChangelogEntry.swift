/// One entry of a definition's changelog.
public struct ChangelogEntry: Sendable, Hashable, Codable {
    /// The definition's version.
    public let version: String
    /// When it was published.
    public let date: CalendarDate
    /// What changed.
    public let changes: String

    /// An entry of the definition's changelog.
    public init(version: String, date: CalendarDate, changes: String) {
        self.version = version
        self.date = date
        self.changes = changes
    }
}
