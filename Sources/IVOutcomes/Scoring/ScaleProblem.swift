/// Why a scale of an administration was not scored, or how it was prorated, with the numbers
/// that explain it.
///
/// ```swift
/// let problem = sheet.result(for: "wemwbs_total")?.problems.first
/// problem?.code          // scale.incomplete
/// problem?.description   // wemwbs_total: not scored: 1 of 14 items unanswered (policy complete: every item must be answered)
/// ```
public struct ScaleProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What happened to the scale.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Scored, prorated from fewer answers than items as the policy allows.
        case prorated
        /// Not scored: more items unanswered than the policy allows.
        case incomplete
        /// Not scored: the scale it is converted from (``ScaleProblem/source``) was not scored.
        case sourceNotScored = "source_not_scored"
        /// Not scored: the conversion table needs a whole raw score; ``ScaleProblem/rawScore`` is not one.
        case notWholeNumber = "not_whole_number"
        /// Not scored: ``ScaleProblem/rawScore`` is outside the conversion table.
        case outsideTable = "outside_table"
    }

    /// What happened to the scale.
    public let kind: Kind
    /// The scale.
    public let scale: ScaleID
    /// The scale's number of items.
    public let itemCount: Int
    /// Items answered (for ``Kind/prorated``) and unanswered (for ``Kind/incomplete``).
    public let answered: Int
    /// Items without a scored answer.
    public let missing: Int
    /// The most unanswered items the policy allows (0 for `complete`).
    public let allowedMissing: Int
    /// The scale converted from, for ``Kind/sourceNotScored``.
    public let source: ScaleID?
    /// The raw score, for ``Kind/notWholeNumber`` and ``Kind/outsideTable``.
    public let rawScore: Double?

    /// A problem of `kind` with `scale` and the numbers that explain it.
    public init(
        kind: Kind, scale: ScaleID, itemCount: Int, answered: Int = 0, missing: Int = 0, allowedMissing: Int = 0,
        source: ScaleID? = nil, rawScore: Double? = nil
    ) {
        self.kind = kind
        self.scale = scale
        self.itemCount = itemCount
        self.answered = answered
        self.missing = missing
        self.allowedMissing = allowedMissing
        self.source = source
        self.rawScore = rawScore
    }

    /// The problem's stable code, such as ``ProblemCode/scaleIncomplete``.
    public var code: ProblemCode {
        switch kind {
        case .prorated: return .scaleProrated
        case .incomplete: return .scaleIncomplete
        case .sourceNotScored: return .scaleSourceNotScored
        case .notWholeNumber: return .scaleNotWholeNumber
        case .outsideTable: return .scaleOutsideTable
        }
    }

    /// `wemwbs_total: not scored: 1 of 14 items unanswered (policy complete: every item must be answered)`.
    public var description: String { "\(scale): \(detail)" }

    /// The message without the scale id: `prorated from 13 of 14 answers (policy prorate:1)`.
    public var detail: String {
        switch kind {
        case .prorated:
            return "prorated from \(answered) of \(itemCount) answers (policy prorate:\(allowedMissing))"
        case .incomplete:
            let unanswered = "\(missing) of \(itemCount) items unanswered"
            return allowedMissing == 0
                ? "not scored: \(unanswered) (policy complete: every item must be answered)"
                : "not scored: \(unanswered) (policy prorate:\(allowedMissing) allows at most \(allowedMissing))"
        case .sourceNotScored:
            return "not scored: \(source?.rawValue ?? "its source") was not scored"
        case .notWholeNumber:
            return
                "not scored: the conversion table is defined only for whole raw scores, and the prorated raw score is \(formatNumber(rawScore ?? .nan, decimals: 2))"
        case .outsideTable:
            return
                "not scored: raw score \(formatNumber(rawScore ?? .nan, decimals: 0)) is outside the conversion table"
        }
    }

    /// The problem as a row's problem, at `line` of `file` (both `nil` in memory).
    func rowProblem(file: String?, line: Int?) -> RowProblem {
        RowProblem(code: code, file: file, line: line, column: nil, message: description)
    }
}
