/// Whether a child has an Independent Visitor or is still waiting for one: the children file's
/// `status` column. A child without a status is matched.
///
/// Waiting children's questionnaires are scored and followed like anyone's, but reports keep
/// them as their own group, the comparison group: never in the matched children's figures.
///
/// ```swift
/// ChildStatus(text: "Waiting")   // .waiting
/// ChildStatus(text: "")          // nil: read as matched
/// ```
public enum ChildStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// The child has an IV (the default).
    case matched
    /// The child is on the waiting list for an IV.
    case waiting

    /// The status a children-file cell spells, ignoring case and surrounding spaces; `nil` for
    /// any other text.
    public init?(text: String) {
        self.init(rawValue: text.trimmingSpaces.lowercased())
    }
}
