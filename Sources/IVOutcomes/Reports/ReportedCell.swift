/// One named count after suppression.
public struct ReportedCell: Sendable, Hashable {
    /// The category.
    public let name: String
    /// Its count, as published.
    public let count: ReportedCount
}
