/// A response vector stored in a definition with the scores it must produce. The validator
/// scores every example on loading, so a definition cannot be wrong without failing.
public struct WorkedExample: Sendable, Hashable {
    /// What the example shows.
    public let description: String
    /// Answers as they would appear in data: codes or labels, keyed by item id.
    public let answers: [ItemID: String]
    /// The expected value of each listed scale (`nil`: must not be scored) and, optionally, its band.
    public let expected: [ScaleID: ExpectedScore]

    /// A worked example: answers and the scores they must give.
    public init(description: String, answers: [ItemID: String], expected: [ScaleID: ExpectedScore]) {
        self.description = description
        self.answers = answers
        self.expected = expected
    }
}
