/// One answer option: the code stored in data and the label shown to the respondent.
public struct ResponseOption: Sendable, Hashable, Codable {
    public let code: Int
    public let label: String
    /// Whether the code counts towards scores. A "not sure" option is a real answer that is
    /// counted in summaries but never added into a score.
    public let isScored: Bool

    public init(code: Int, label: String, isScored: Bool = true) {
        self.code = code
        self.label = label
        self.isScored = isScored
    }
}
