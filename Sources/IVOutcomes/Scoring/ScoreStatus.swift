/// Whether a score, or a whole administration, could be computed.
public enum ScoreStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every answer needed was given and valid.
    case scored
    /// Some answers were blank or declined, so some or all scores could not be computed.
    case incomplete
    /// Some answer is not a valid answer (such as `6` on a 1-5 scale): nothing is scored,
    /// because one bad value often means the whole form was coded differently.
    case invalid
}
