/// One answer option: the code stored in data and the label shown to the respondent.
public struct ResponseOption: Sendable, Hashable, Codable {
    /// The option's code, as scored and as written in files.
    public let code: Int
    /// The option's label, exactly as published.
    public let label: String
    /// Whether the code counts towards scores. A "not sure" option is a real answer that is
    /// counted in summaries but never added into a score.
    public let isScored: Bool

    /// An option; `isScored` is `false` for an answer such as "Not sure".
    public init(code: Int, label: String, isScored: Bool = true) {
        self.code = code
        self.label = label
        self.isScored = isScored
    }
}
