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

    /// The policy in force for `scale`: its override, unless the override cannot apply to it
    /// (``MissingAnswerPolicy/problem(applyingTo:)``; ``problems(for:)`` lists those), then the
    /// definition's own.
    public func missingPolicy(for scale: Scale) -> MissingAnswerPolicy {
        guard let override = missingPolicies[scale.id], override.problem(applyingTo: scale.method) == nil else {
            return scale.missingPolicy
        }
        return override
    }

    /// The overrides that cannot apply to their scale among `scales`, each with why, by scale id.
    ///
    /// ```swift
    /// let options = ScoringOptions(missingPolicies: ["wemwbs_total": .prorate(maxMissing: 14)])
    /// options.problems(for: instrument.scales)   // ["wemwbs_total: prorate:14 would allow every item ..."]
    /// ```
    public func problems(for scales: [Scale]) -> [String] {
        scales.filter { missingPolicies[$0.id] != nil }.sorted { $0.id.rawValue < $1.id.rawValue }.compactMap { scale in
            missingPolicies[scale.id]?.problem(applyingTo: scale.method).map { "\(scale.id): \($0)" }
        }
    }
}
