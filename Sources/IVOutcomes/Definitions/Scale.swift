/// A score computed from an administration's answers: a sum, a mean, or a published conversion
/// of another scale (such as the SWEMWBS raw-to-metric table).
public struct Scale: Sendable, Hashable, Identifiable {
    /// How the score is computed.
    public enum Method: Sendable, Hashable {
        // `lookup` is declared first: a multi-payload enum keeps its case in spare bits of the
        // payload, and the first case's are zero, so the conversion table's array pointer stays
        // a plain pointer that LeakSanitizer can follow (declared last, it reported the
        // built-in catalogue's tables as leaked, though a global holds them).
        /// A conversion table applied to another scale's whole-number value.
        case lookup(from: ScaleID, table: ConversionTable)
        /// The sum of the items' codes.
        case sum(items: [ItemID])
        /// The mean of the items' codes.
        case mean(items: [ItemID])
    }

    /// What a scale is for: an outcome followed over time, a step towards another scale, or a
    /// check on how a form was answered.
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        /// A score of what the instrument measures: followed over time, aggregated and reported.
        case outcome
        /// A step towards another scale that must not be compared or analysed on its own, such as
        /// the SWEMWBS raw sum (Warwick: convert raw scores before comparison or analysis).
        case intermediate
        /// A check on how a form was answered, not a measure of an outcome, such as the Stirling
        /// scale's social-desirability items: shown in score output, never followed over time,
        /// aggregated or reported.
        case validityCheck = "validity_check"
    }

    /// The scale's id, such as `wemwbs_total`.
    public let id: ScaleID
    /// The scale's title.
    public let title: String
    /// How the scale is computed.
    public let method: Method
    /// The lowest and highest possible scores.
    public let minimum: Double
    /// The highest possible score.
    public let maximum: Double
    /// Decimal places the score is printed with: 0 for sums, 2 for the SWEMWBS metric score.
    public let decimals: Int
    /// What happens when answers are missing. The default, ``MissingAnswerPolicy/complete``,
    /// scores only complete forms.
    public let missingPolicy: MissingAnswerPolicy
    /// Interpretation bands, lowest first, covering the whole range; empty when none are established.
    public let bands: BandSet?
    /// Thresholds for meaningful and reliable change; `nil` when none are established.
    public let change: ChangeThresholds?
    /// Citation ids for the scoring rule itself.
    public let sources: [SourceID]
    /// What the scale is for; only an ``Role/outcome`` is followed over time and reported.
    public let role: Role
    /// Confirmed codes for the score in shared terminologies (SNOMED CT), from the definition's
    /// `codes`; empty when none is confirmed.
    public var codes: [ScaleCode] = []

    /// Whether the scale is ``Role/intermediate``: a step towards another scale, shown in score
    /// output and left out of change tracking and reports.
    public var isIntermediate: Bool { role == .intermediate }

    /// Whether the scale is followed over time, aggregated and reported: only an outcome is.
    public var isFollowedOverTime: Bool { role == .outcome }

    /// A scale from its parts, an outcome or (with `isIntermediate`) an intermediate step.
    public init(
        id: ScaleID, title: String, method: Method, minimum: Double, maximum: Double, decimals: Int,
        missingPolicy: MissingAnswerPolicy, bands: BandSet?, change: ChangeThresholds?, sources: [SourceID],
        isIntermediate: Bool = false
    ) {
        self.init(
            id: id, title: title, method: method, minimum: minimum, maximum: maximum, decimals: decimals,
            missingPolicy: missingPolicy, bands: bands, change: change, sources: sources,
            role: isIntermediate ? .intermediate : .outcome)
    }

    /// A scale from its parts, with its role.
    ///
    /// ```swift
    /// let check = Scale(
    ///     id: "scwbs_social_desirability", title: "Social-desirability check",
    ///     method: .sum(items: ["scwbs_2", "scwbs_7", "scwbs_13"]), minimum: 3, maximum: 15, decimals: 0,
    ///     missingPolicy: .complete, bands: nil, change: nil, sources: ["corc-scwbs"], role: .validityCheck)
    /// ```
    public init(
        id: ScaleID, title: String, method: Method, minimum: Double, maximum: Double, decimals: Int,
        missingPolicy: MissingAnswerPolicy, bands: BandSet?, change: ChangeThresholds?, sources: [SourceID],
        role: Role
    ) {
        self.role = role
        self.id = id
        self.title = title
        self.method = method
        self.minimum = minimum
        self.maximum = maximum
        self.decimals = decimals
        self.missingPolicy = missingPolicy
        self.bands = bands
        self.change = change
        self.sources = sources
    }

    /// The items the scale reads directly (empty for a lookup scale).
    public var items: [ItemID] {
        switch method {
        case .sum(let items), .mean(let items): return items
        case .lookup: return []
        }
    }

    /// The band a score falls in, or `nil` when the scale has no bands.
    public func band(for value: Double) -> Band? { bands?.band(for: value) }

    /// The value printed with the scale's decimals: `42`, `20.73`.
    public func format(_ value: Double) -> String { formatNumber(value, decimals: decimals) }
}
