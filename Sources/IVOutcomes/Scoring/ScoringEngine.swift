/// Scores administrations of one instrument, exactly as its definition says.
///
/// Build an engine once per instrument and reuse it: it precomputes item and option lookups, so
/// scoring a form costs a few array reads per answer. Engines are immutable values and safe to
/// share across threads.
///
/// - Answers may be codes (`"4"`) or option labels compared case-insensitively after trimming
///   (`"often"`); `"declined"` records a declined question.
/// - Any invalid answer (`0`, `6`, `3.5`, an unknown label) makes the whole administration
///   `invalid`, with no scores: a stray value often means the form was coded differently.
/// - Missing answers follow each scale's ``MissingAnswerPolicy`` (by default, complete forms only).
///
/// ```swift
/// let engine = ScoringEngine(instrument: try catalog.instrument(id: "wemwbs"))
/// let sheet = engine.score(form)
/// print(sheet.score(of: "wemwbs_total") ?? "not scored")
/// ```
public struct ScoringEngine: Sendable {
    public let instrument: Instrument
    public let options: ScoringOptions
    let itemIndex: [ItemID: Int]
    let items: [ItemPlan]
    let scales: [ScalePlan]

    struct ItemPlan: Sendable {
        let id: ItemID
        let isRequired: Bool
        let isFreeText: Bool
        /// For codes `minimumCode...`, what each code means: 0 not an option, 1 scored, 2 unscored.
        let codeKinds: [UInt8]
        let minimumCode: Int
        /// Lower-cased labels with their codes and whether they are scored.
        let labels: [(label: String, code: Int, isScored: Bool)]
        let expectation: String
    }

    struct ScalePlan: Sendable {
        enum Kind: Sendable {
            case sum, mean
            case lookup(source: Int, table: ConversionTable)
        }
        let id: ScaleID
        let kind: Kind
        let items: [Int]
        let policy: MissingAnswerPolicy
        let bands: BandSet?
    }

    /// An engine for `instrument`, with `options` overriding the definition's defaults.
    public init(instrument: Instrument, options: ScoringOptions = ScoringOptions()) {
        self.instrument = instrument
        self.options = options
        var index: [ItemID: Int] = [:]
        for (position, item) in instrument.items.enumerated() { index[item.id] = position }
        itemIndex = index
        items = instrument.items.map(ScoringEngine.plan(for:))
        var scaleIndex: [ScaleID: Int] = [:]
        var plans: [ScalePlan] = []
        for scale in instrument.scales {
            let kind: ScalePlan.Kind
            switch scale.method {
            case .sum: kind = .sum
            case .mean: kind = .mean
            // The validator guarantees the source scale comes earlier in the definition.
            case .lookup(let source, let table): kind = .lookup(source: scaleIndex[source] ?? 0, table: table)
            }
            scaleIndex[scale.id] = plans.count
            plans.append(
                ScalePlan(
                    id: scale.id, kind: kind, items: scale.items.compactMap { index[$0] },
                    policy: options.missingPolicy(for: scale), bands: scale.bands))
        }
        scales = plans
    }

    private static func plan(for item: Item) -> ItemPlan {
        guard let scale = item.responseScale else {
            return ItemPlan(
                id: item.id, isRequired: item.isRequired, isFreeText: true, codeKinds: [], minimumCode: 0,
                labels: [], expectation: "free text")
        }
        let minimum = scale.options.map(\.code).min() ?? 0
        let maximum = scale.options.map(\.code).max() ?? 0
        var kinds = [UInt8](repeating: 0, count: maximum - minimum + 1)
        for option in scale.options { kinds[option.code - minimum] = option.isScored ? 1 : 2 }
        return ItemPlan(
            id: item.id, isRequired: item.isRequired, isFreeText: false, codeKinds: kinds, minimumCode: minimum,
            labels: scale.options.map { ($0.label.lowercased(), $0.code, $0.isScored) },
            expectation: scale.expectation)
    }

    // MARK: Scoring administrations

    /// Scores one administration. Answers to items the instrument does not have make it invalid;
    /// the administration's instrument id is not checked against the engine's.
    public func score(_ administration: Administration) -> ScoreSheet {
        var answers = [ResolvedAnswer](repeating: .blank, count: items.count)
        var problems: [AnswerProblem] = []
        for (item, text) in administration.answers {
            guard let position = itemIndex[item] else {
                if !text.trimmingSpaces.isEmpty {
                    problems.append(AnswerProblem(kind: .unknownItem, item: item, value: text))
                }
                continue
            }
            answers[position] = resolve(text, item: position)
        }
        problems.sort { $0.item < $1.item }
        return sheet(
            childID: administration.childID, administeredOn: administration.administeredOn,
            answers: answers, rawAnswers: { administration.answers[self.items[$0].id] ?? "" }, extraProblems: problems)
    }

    /// Builds the public result from resolved answers. `rawAnswers` gives the original text of an
    /// item's answer, used only for invalid answers' messages.
    func sheet(
        childID: ChildID, administeredOn: CalendarDate, answers: [ResolvedAnswer],
        rawAnswers: (Int) -> String, extraProblems: [AnswerProblem] = []
    ) -> ScoreSheet {
        var problems = answerProblems(answers, rawAnswers: rawAnswers)
        problems.append(contentsOf: extraProblems)
        var outcomes = [ScaleOutcome](repeating: ScaleOutcome(), count: scales.count)
        let status = compute(answers, forceInvalid: !extraProblems.isEmpty, into: &outcomes)
        let scores = outcomes.indices.map { scaleScore(at: $0, outcomes[$0]) }
        return ScoreSheet(
            childID: childID, administeredOn: administeredOn, instrument: instrument.id, status: status,
            scales: scores, problems: problems)
    }

    /// The answer-level problems of resolved answers, in item order.
    func answerProblems(_ answers: [ResolvedAnswer], rawAnswers: (Int) -> String) -> [AnswerProblem] {
        var problems: [AnswerProblem] = []
        for (position, answer) in answers.enumerated() {
            let item = items[position]
            switch answer {
            case .invalid:
                problems.append(
                    AnswerProblem(kind: .invalidAnswer, item: item.id, value: rawAnswers(position), expected: item.expectation))
            case .declined:
                problems.append(AnswerProblem(kind: .declined, item: item.id))
            case .blank where item.isRequired:
                problems.append(AnswerProblem(kind: .unanswered, item: item.id))
            default:
                break
            }
        }
        return problems
    }

    /// Turns a scale outcome into its public form, with human-readable problems.
    func scaleScore(at index: Int, _ outcome: ScaleOutcome) -> ScaleScore {
        let plan = scales[index]
        let value = outcome.scoredValue
        return ScaleScore(
            scale: plan.id, status: outcome.status, value: value,
            band: value.flatMap { plan.bands?.band(for: $0)?.id }, answered: outcome.answered,
            missing: outcome.missing, declined: outcome.declined, prorated: outcome.prorated,
            problems: message(for: outcome, of: plan).map { ["\(plan.id): \($0)"] } ?? [])
    }

    private func message(for outcome: ScaleOutcome, of plan: ScalePlan) -> String? {
        switch outcome.reason {
        case .none:
            guard outcome.prorated, case .prorate(let allowed) = plan.policy else { return nil }
            return "prorated from \(outcome.answered) of \(plan.items.count) answers (policy prorate:\(allowed))"
        case .missingAnswers(let allowed):
            let unanswered = "\(outcome.missing) of \(plan.items.count) items unanswered"
            return allowed == 0
                ? "not scored: \(unanswered) (policy complete: every item must be answered)"
                : "not scored: \(unanswered) (policy prorate:\(allowed) allows at most \(allowed))"
        case .invalidAnswers:
            return nil  // the answer problems already say which value is wrong
        case .sourceNotScored(let source):
            return "not scored: \(source) was not scored"
        case .notWholeNumber(let raw):
            return "not scored: the conversion table is defined only for whole raw scores, and the prorated raw score is \(formatNumber(raw, decimals: 2))"
        case .outsideTable(let raw):
            return "not scored: raw score \(raw) is outside the conversion table"
        }
    }

    // MARK: Hot path

    /// Matches one answer's UTF-8 bytes against an item's options. Codes are matched first, then
    /// `declined`, then labels (case-insensitive, trimmed).
    func resolve(utf8 bytes: UnsafeBufferPointer<UInt8>, item position: Int) -> ResolvedAnswer {
        var start = 0
        var end = bytes.count
        while start < end, ScoringEngine.isSpace(bytes[start]) { start += 1 }
        while end > start, ScoringEngine.isSpace(bytes[end - 1]) { end -= 1 }
        if start == end { return .blank }
        let item = items[position]
        if item.isFreeText { return .text }
        // A whole number: the common case, decided without building a string.
        var index = start
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative || bytes[index] == UInt8(ascii: "+") { index += 1 }
        if index < end, end - index <= 9 {
            var code = 0
            var allDigits = true
            for i in index..<end {
                let digit = bytes[i] &- UInt8(ascii: "0")
                if digit > 9 {
                    allDigits = false
                    break
                }
                code = code * 10 + Int(digit)
            }
            if allDigits {
                if negative { code = -code }
                let offset = code - item.minimumCode
                guard offset >= 0, offset < item.codeKinds.count else { return .invalid }
                switch item.codeKinds[offset] {
                case 1: return .scored(code)
                case 2: return .unscored(code)
                default: return .invalid
                }
            }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).lowercased()
        if text == Administration.declinedAnswer { return .declined }
        for option in item.labels where option.label == text {
            return option.isScored ? .scored(option.code) : .unscored(option.code)
        }
        return .invalid
    }

    /// Matches one answer's text against an item's options.
    func resolve(_ text: String, item position: Int) -> ResolvedAnswer {
        var text = text
        return text.withUTF8 { resolve(utf8: $0, item: position) }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
    }

    /// Computes every scale from resolved answers into `outcomes` (one per scale, reused between
    /// calls) and returns the administration's status.
    func compute(_ answers: [ResolvedAnswer], forceInvalid: Bool = false, into outcomes: inout [ScaleOutcome]) -> ScoreStatus {
        var anyInvalid = forceInvalid
        var requiredMissing = false
        for (position, answer) in answers.enumerated() {
            switch answer {
            case .invalid: anyInvalid = true
            case .blank, .declined: if items[position].isRequired { requiredMissing = true }
            default: break
            }
        }
        var allScored = true
        for index in scales.indices {
            let plan = scales[index]
            var outcome = ScaleOutcome()
            if anyInvalid {
                outcome.reason = .invalidAnswers
                outcomes[index] = outcome
                allScored = false
                continue
            }
            switch plan.kind {
            case .sum, .mean:
                var total = 0
                for position in plan.items {
                    switch answers[position] {
                    case .scored(let code):
                        total += code
                        outcome.answered += 1
                    case .declined:
                        outcome.missing += 1
                        outcome.declined += 1
                    default:
                        outcome.missing += 1
                    }
                }
                let allowed = plan.policy.maxMissing
                if outcome.missing > allowed || outcome.answered == 0 {
                    outcome.status = .incomplete
                    outcome.reason = .missingAnswers(allowed: allowed)
                } else {
                    outcome.status = .scored
                    let mean = Double(total) / Double(outcome.answered)
                    if case .mean = plan.kind {
                        outcome.value = mean
                    } else {
                        outcome.value = outcome.missing == 0 ? Double(total) : mean * Double(plan.items.count)
                    }
                    outcome.prorated = outcome.missing > 0
                }
            case .lookup(let source, let table):
                let raw = outcomes[source]
                outcome.answered = raw.answered
                outcome.missing = raw.missing
                outcome.declined = raw.declined
                outcome.prorated = raw.prorated
                if raw.status != .scored {
                    outcome.status = .incomplete
                    outcome.reason = .sourceNotScored(scales[source].id)
                } else if raw.value != raw.value.rounded() {
                    outcome.status = .incomplete
                    outcome.reason = .notWholeNumber(raw.value)
                } else if let converted = table.convert(Int(raw.value)) {
                    outcome.status = .scored
                    outcome.value = converted
                    outcome.tableIndex = Int(raw.value) - table.firstRaw
                } else {
                    outcome.status = .incomplete
                    outcome.reason = .outsideTable(Int(raw.value))
                }
            }
            if outcome.status != .scored { allScored = false }
            outcomes[index] = outcome
        }
        if anyInvalid { return .invalid }
        return allScored && !requiredMissing ? .scored : .incomplete
    }
}

extension Instrument {
    /// Scores one administration with this instrument. For many administrations, build a
    /// ``ScoringEngine`` once and reuse it.
    ///
    /// ```swift
    /// let sheet = wemwbs.score(form)
    /// ```
    public func score(_ administration: Administration, options: ScoringOptions = ScoringOptions()) -> ScoreSheet {
        ScoringEngine(instrument: self, options: options).score(administration)
    }
}
