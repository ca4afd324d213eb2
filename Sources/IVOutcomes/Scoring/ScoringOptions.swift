/// Choices a user makes about scoring where the science is open. Every choice that differs from
/// a definition's default shows in the output of the scores it affected.
///
/// ```swift
/// // Prorate WEMWBS totals with at most one unanswered item.
/// let options = ScoringOptions(missingPolicies: ["wemwbs_total": .prorate(maxMissing: 1)])
/// ```
public struct ScoringOptions: Sendable, Hashable {
    /// Overrides of scales' missing-answer policies, by scale id.
    public var missingPolicies: [ScaleID: MissingAnswerPolicy]

    /// Options overriding the missing-answer policy of some scales.
    public init(missingPolicies: [ScaleID: MissingAnswerPolicy] = [:]) {
        self.missingPolicies = missingPolicies
    }

    /// The policy in force for `scale`.
    public func missingPolicy(for scale: Scale) -> MissingAnswerPolicy {
        missingPolicies[scale.id] ?? scale.missingPolicy
    }
}
