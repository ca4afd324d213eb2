/// One named count after suppression.
public struct ReportedCell: Sendable, Hashable {
    public let name: String
    public let count: ReportedCount
}
