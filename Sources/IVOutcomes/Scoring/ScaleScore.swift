/// One scale's result for one administration.
public struct ScaleScore: Sendable, Hashable, Codable {
    /// The scale.
    public let scale: ScaleID
    /// Scored, incomplete or invalid.
    public let status: ScoreStatus
    /// The score, or `nil` when it could not be computed (never 0 in its place).
    public let value: Double?
    /// The id of the band the score falls in, when the scale has bands and was scored.
    public let band: BandID?
    /// Items of the scale with a scored answer.
    public let answered: Int
    /// Items of the scale without a scored answer: blank, declined, or a "not sure" option.
    public let missing: Int
    /// Of the missing items, those the young person declined.
    public let declined: Int
    /// Whether the value was prorated under a ``MissingAnswerPolicy/prorate(maxMissing:)`` policy.
    public let prorated: Bool
    /// Why the scale was not scored, or how it was prorated; empty for a plain score (and for a
    /// scale not scored because of invalid answers, which the answers' problems explain).
    public let problems: [ScaleProblem]

    /// A scale's result from its parts.
    public init(
        scale: ScaleID, status: ScoreStatus, value: Double?, band: BandID?, answered: Int, missing: Int,
        declined: Int, prorated: Bool, problems: [ScaleProblem]
    ) {
        self.scale = scale
        self.status = status
        self.value = value
        self.band = band
        self.answered = answered
        self.missing = missing
        self.declined = declined
        self.prorated = prorated
        self.problems = problems
    }
}
