/// The result of scoring one administration: every scale of its instrument, and every problem found.
///
/// ```swift
/// let sheet = engine.score(form)
/// sheet.status                        // .incomplete when item 14 is blank
/// sheet.score(of: "wemwbs_total")     // nil
/// sheet.score(of: "swemwbs_metric")   // 20.73
/// ```
public struct ScoreSheet: Sendable, Hashable, Codable {
    /// The child.
    public let childID: ChildID
    /// When the questionnaire was completed.
    public let administeredOn: CalendarDate
    /// The instrument.
    public let instrument: InstrumentID
    /// `invalid` when any answer is invalid; `incomplete` when any scale is unscored or a required
    /// item is unanswered; otherwise `scored`.
    public let status: ScoreStatus
    /// One entry per scale of the instrument, in the definition's order.
    public let scales: [ScaleScore]
    /// Answer-level problems, in item order.
    public let problems: [AnswerProblem]

    /// A sheet from its parts.
    public init(
        childID: ChildID, administeredOn: CalendarDate, instrument: InstrumentID, status: ScoreStatus,
        scales: [ScaleScore], problems: [AnswerProblem]
    ) {
        self.childID = childID
        self.administeredOn = administeredOn
        self.instrument = instrument
        self.status = status
        self.scales = scales
        self.problems = problems
    }

    /// The result for one scale, or `nil` when the instrument has no such scale.
    public func result(for scale: ScaleID) -> ScaleScore? { scales.first { $0.scale == scale } }

    /// The value of one scale, or `nil` when it was not scored.
    public func score(of scale: ScaleID) -> Double? { result(for: scale)?.value }

    /// Every problem as a line of text: answer problems first, then scale problems.
    public var problemMessages: [String] {
        problems.map(\.description) + scales.flatMap(\.problems).map(\.description)
    }

    /// Every problem as a row's problem without a location: answer problems first, then scale problems.
    public var rowProblems: [RowProblem] { rowProblems(file: nil, line: nil) }

    /// Every problem as a row's problem at `line` of `file`.
    func rowProblems(file: String?, line: Int?) -> [RowProblem] {
        problems.map { $0.rowProblem(file: file, line: line) }
            + scales.flatMap(\.problems).map { $0.rowProblem(file: file, line: line) }
    }

    enum CodingKeys: String, CodingKey {
        case childID = "child_id"
        case administeredOn = "administered_on"
        case instrument, status, scales, problems
    }
}
