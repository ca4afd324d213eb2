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
    /// Everything precomputed, behind one reference so that copying an engine is cheap.
    final class Storage: Sendable {
        let instrument: Instrument
        let options: ScoringOptions
        let itemIndex: [ItemID: Int]
        let items: [ItemPlan]
        let scales: [ScalePlan]
        /// Plain-data copies of what the hot path reads, so it touches no reference-counted values.
        let codes: [CodeInfo]
        let codeKinds: [CodeKind]
        /// The tables scales are computed from.
        let kernel: ScoringKernel
        /// Problem texts for "not scored" scales, prepared once: by scale, then by missing count.
        let missingMessages: [[String]]
        let sourceMessages: [String]

        init(instrument: Instrument, options: ScoringOptions, translations: [InstrumentTranslation]) {
            self.instrument = instrument
            self.options = options
            var index: [ItemID: Int] = [:]
            for (position, item) in instrument.items.enumerated() { index[item.id] = position }
            itemIndex = index
            items = instrument.items.map { ScoringEngine.plan(for: $0, translations: translations) }
            var codes: [CodeInfo] = []
            var kinds: [CodeKind] = []
            for item in items {
                codes.append(
                    CodeInfo(
                        minimumCode: item.minimumCode, kindsStart: kinds.count, kindsCount: item.codeKinds.count,
                        isFreeText: item.isFreeText))
                kinds.append(contentsOf: item.codeKinds)
            }
            self.codes = codes
            codeKinds = kinds
            let laidOut = Storage.scales(of: instrument, itemIndex: index, options: options)
            let (plans, infos) = (laidOut.plans, laidOut.infos)
            scales = plans
            kernel = ScoringKernel(
                required: items.map(\.isRequired), scales: infos, scaleItems: laidOut.scaleItems, values: laidOut.tables
            )
            // Prepared from the one rule (``ScoringEngine/problem(for:of:in:)``), for the texts
            // every row with missing answers or an unscored source repeats.
            missingMessages = plans.map { plan in
                (0...plan.itemCount).map { missing in
                    let outcome = ScaleOutcome(
                        status: .incomplete, missing: missing, reason: .missingAnswers(allowed: plan.policy.maxMissing))
                    return ScoringEngine.problem(for: outcome, of: plan, in: plans)?.description ?? ""
                }
            }
            sourceMessages = zip(plans, infos).map { plan, info in
                let outcome = ScaleOutcome(status: .incomplete, reason: .sourceNotScored(source: info.source))
                return ScoringEngine.problem(for: outcome, of: plan, in: plans)?.description ?? ""
            }
        }

        /// Each scale's plan and its kernel's description, the item positions of every scale in
        /// a row, and the lookup tables' values in a row.
        private static func scales(of instrument: Instrument, itemIndex: [ItemID: Int], options: ScoringOptions)
            -> (plans: [ScalePlan], infos: [ScoringKernel.ScaleInfo], scaleItems: [Int], tables: [Double])
        {
            var scaleIndex: [ScaleID: Int] = [:]
            var plans: [ScalePlan] = []
            var infos: [ScoringKernel.ScaleInfo] = []
            var scaleItems: [Int] = []
            var tables: [Double] = []
            for scale in instrument.scales {
                let positions = scale.items.compactMap { itemIndex[$0] }
                let policy = options.missingPolicy(for: scale)
                var info = ScoringKernel.ScaleInfo(
                    method: .sum, itemsStart: scaleItems.count, itemsCount: positions.count,
                    maxMissing: policy.maxMissing,
                    source: 0, tableStart: 0, tableCount: 0, firstRaw: 0)
                switch scale.method {
                case .sum: info.method = .sum
                case .mean: info.method = .mean
                case .lookup(let source, let table):
                    // The validator guarantees the source scale comes earlier in the definition.
                    info.method = .lookup
                    info.source = scaleIndex[source] ?? 0
                    info.tableStart = tables.count
                    info.tableCount = table.values.count
                    info.firstRaw = table.firstRaw
                    tables.append(contentsOf: table.values)
                }
                scaleItems.append(contentsOf: positions)
                scaleIndex[scale.id] = plans.count
                plans.append(ScalePlan(id: scale.id, itemCount: positions.count, policy: policy, bands: scale.bands))
                infos.append(info)
            }
            return (plans, infos, scaleItems, tables)
        }
    }

    let storage: Storage

    /// The instrument this engine scores.
    public var instrument: Instrument { storage.instrument }
    /// The options in force.
    public var options: ScoringOptions { storage.options }
    var items: [ItemPlan] { storage.items }
    var scales: [ScalePlan] { storage.scales }

    struct ItemPlan: Sendable {
        let id: ItemID
        let isRequired: Bool
        let isFreeText: Bool
        /// For codes `minimumCode...`, what each code means.
        let codeKinds: [CodeKind]
        let minimumCode: Int
        /// Lower-cased labels with their codes and whether they are scored.
        let labels: [(label: String, code: Int, isScored: Bool)]
        let expectation: String
    }

    struct ScalePlan: Sendable {
        let id: ScaleID
        let itemCount: Int
        let policy: MissingAnswerPolicy
        let bands: BandSet?
    }

    /// What a whole-number answer is for an item.
    enum CodeKind: UInt8, Sendable {
        /// Not one of the item's options.
        case notAnOption
        /// An option that counts towards scores.
        case scored
        /// An option that is a real answer but is not scored, such as "not sure".
        case unscored
    }

    struct CodeInfo: Sendable {
        let minimumCode: Int
        let kindsStart: Int
        let kindsCount: Int
        let isFreeText: Bool
    }

    /// An engine for `instrument`, with `options` overriding the definition's defaults.
    public init(instrument: Instrument, options: ScoringOptions = ScoringOptions()) {
        storage = Storage(instrument: instrument, options: options, translations: [])
    }

    /// An engine that also reads answers given as the option labels of `translations` of the
    /// instrument (each scores to its option's code).
    ///
    /// ```swift
    /// let engine = ScoringEngine(instrument: lifeSkills, translations: catalog.translations(of: lifeSkills.id))
    /// ```
    public init(
        instrument: Instrument, options: ScoringOptions = ScoringOptions(), translations: [InstrumentTranslation]
    ) {
        storage = Storage(
            instrument: instrument, options: options,
            translations: translations.filter { $0.instrument == instrument.id })
    }

    /// An item's plan: its codes, and its labels in the definition's words, then each translation's.
    private static func plan(for item: Item, translations: [InstrumentTranslation]) -> ItemPlan {
        guard let scale = item.responseScale else {
            return ItemPlan(
                id: item.id, isRequired: item.isRequired, isFreeText: true, codeKinds: [], minimumCode: 0,
                labels: [], expectation: "free text")
        }
        let minimum = scale.options.map(\.code).min() ?? 0
        let maximum = scale.options.map(\.code).max() ?? 0
        var kinds = [CodeKind](repeating: .notAnOption, count: maximum - minimum + 1)
        for option in scale.options { kinds[option.code - minimum] = option.isScored ? .scored : .unscored }
        return ItemPlan(
            id: item.id, isRequired: item.isRequired, isFreeText: false, codeKinds: kinds, minimumCode: minimum,
            labels: scale.options.map { ($0.label.lowercased(), $0.code, $0.isScored) }
                + translations.flatMap { translation in
                    scale.options.compactMap { option in
                        translation.optionLabels[scale.id]?[option.code].map {
                            ($0.trimmingSpaces.lowercased(), option.code, option.isScored)
                        }
                    }
                },
            expectation: scale.expectation)
    }

    // MARK: Scoring administrations

    /// Scores one administration. Answers to items the instrument does not have make it invalid.
    ///
    /// - Throws: ``ScoringError/wrongInstrument(expected:found:)`` when the administration is a
    ///   form of another instrument.
    public func score(_ administration: Administration) throws(ScoringError) -> ScoreSheet {
        guard administration.instrument == instrument.id else {
            throw .wrongInstrument(expected: instrument.id, found: administration.instrument)
        }
        return scoreKeepingAnswers(administration).sheet
    }

    /// Scores an administration and also returns its resolved answers (for contact-log tallies).
    func scoreKeepingAnswers(_ administration: Administration) -> (sheet: ScoreSheet, answers: [ResolvedAnswer]) {
        let resolved = resolve(administration)
        let sheet = sheet(
            childID: administration.childID, administeredOn: administration.administeredOn,
            answers: resolved.answers, rawAnswers: { administration.answers[self.items[$0].id] ?? "" },
            extraProblems: resolved.unknownItems)
        return (sheet, resolved.answers)
    }

    /// An administration's answers matched against the items, and the non-blank answers to items
    /// the instrument does not have (in item-id order).
    private func resolve(_ administration: Administration) -> (answers: [ResolvedAnswer], unknownItems: [AnswerProblem])
    {
        var answers = [ResolvedAnswer](repeating: .blank, count: items.count)
        var problems: [AnswerProblem] = []
        for (item, text) in administration.answers {
            guard let position = storage.itemIndex[item] else {
                if let problem = text.withUTF8View({ ScoringEngine.unknownItemProblem(item: item, answer: $0) }) {
                    problems.append(problem)
                }
                continue
            }
            answers[position] = resolve(text, item: position)
        }
        problems.sort { $0.item < $1.item }
        return (answers, problems)
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

    /// The rule for an answer to an item the instrument does not have (a cell in another
    /// instrument's column, an unknown item of an administration): a blank cell is no answer;
    /// anything else is this problem, and makes the row invalid. The fast path hands a row with
    /// such an answer to the general path.
    static func unknownItemProblem(item: ItemID, answer: ByteView) -> AnswerProblem? {
        isAnswerToUnknownItem(answer)
            ? AnswerProblem(kind: .unknownItem, item: item, value: String(decoding: answer)) : nil
    }

    /// Whether a cell for an item the instrument does not have holds an answer (see
    /// ``unknownItemProblem(item:answer:)``).
    @inline(__always)
    static func isAnswerToUnknownItem(_ answer: ByteView) -> Bool { !CellText.isBlank(answer) }

    /// The answer-level problems of resolved answers, in item order.
    func answerProblems(_ answers: [ResolvedAnswer], rawAnswers: (Int) -> String) -> [AnswerProblem] {
        answers.indices.compactMap { answerProblem(answers[$0], at: $0, raw: { rawAnswers($0) }) }
    }

    /// The rule for which answers are problems: an invalid answer (with its text), a declined
    /// one, and a blank one to a required item; `nil` for any other. The fast path prepares its
    /// texts for blank and declined answers from this.
    func answerProblem(_ answer: ResolvedAnswer, at position: Int, raw: (Int) -> String) -> AnswerProblem? {
        let item = items[position]
        switch answer {
        case .invalid:
            return AnswerProblem(kind: .invalidAnswer, item: item.id, value: raw(position), expected: item.expectation)
        case .declined: return AnswerProblem(kind: .declined, item: item.id)
        case .blank where item.isRequired: return AnswerProblem(kind: .unanswered, item: item.id)
        default: return nil
        }
    }

    /// Turns a scale outcome into its public form, with its problem.
    func scaleScore(at index: Int, _ outcome: ScaleOutcome) -> ScaleScore {
        let plan = scales[index]
        let value = outcome.scoredValue
        return ScaleScore(
            scale: plan.id, status: outcome.status, value: value,
            band: value.flatMap { plan.bands?.band(for: $0)?.id }, answered: outcome.answered,
            missing: outcome.missing, declined: outcome.declined, prorated: outcome.prorated,
            problems: ScoringEngine.problem(for: outcome, of: plan, in: scales).map { [$0] } ?? [])
    }

    /// A scale outcome's problem as a row's problem at `line` of `file`, with the prepared text for
    /// the common ones; `nil` for a plain score.
    func scaleRowProblem(at index: Int, _ outcome: ScaleOutcome, file: String?, line: Int?) -> RowProblem? {
        let plan = scales[index]
        switch ScoringEngine.problemTextChoice(for: outcome, itemCount: plan.itemCount) {
        case .none: return nil
        case .missingAnswers(let missing):
            return RowProblem(
                code: .scaleIncomplete, file: file, line: line, column: nil,
                message: storage.missingMessages[index][missing])
        case .sourceNotScored:
            return RowProblem(
                code: .scaleSourceNotScored, file: file, line: line, column: nil, message: storage.sourceMessages[index]
            )
        case .other:
            return ScoringEngine.problem(for: outcome, of: plan, in: scales)?.rowProblem(file: file, line: line)
        }
    }

    /// Which problem text a scale outcome gets: the decision both paths make, the general path
    /// by ``problem(for:of:in:)`` and the fast path from its prepared texts.
    enum ProblemTextChoice: Equatable {
        /// A plain score: no problem.
        case none
        /// "not scored: N of M items unanswered", for `missing` answers (prepared per count).
        case missingAnswers(missing: Int)
        /// "not scored: SOURCE was not scored" (prepared per scale).
        case sourceNotScored
        /// Any other text (a prorated score, a raw score outside the table...), made when needed.
        case other
    }

    /// The problem text a scale outcome gets (see ``ProblemTextChoice``).
    @inline(__always)
    static func problemTextChoice(for outcome: ScaleOutcome, itemCount: Int) -> ProblemTextChoice {
        switch outcome.reason {
        case .none where !outcome.prorated: return .none
        case .missingAnswers where outcome.missing <= itemCount: return .missingAnswers(missing: outcome.missing)
        case .sourceNotScored: return .sourceNotScored
        default: return .other
        }
    }

    /// The rule for a scale outcome's problem; `nil` for a plain score, and for a scale not
    /// scored because of invalid answers (the answers' problems say which value is wrong).
    private static func problem(for outcome: ScaleOutcome, of plan: ScalePlan, in scales: [ScalePlan]) -> ScaleProblem?
    {
        let base = { (kind: ScaleProblem.Kind, source: ScaleID?, raw: Double?) in
            ScaleProblem(
                kind: kind, scale: plan.id, itemCount: plan.itemCount, answered: outcome.answered,
                missing: outcome.missing, allowedMissing: plan.policy.maxMissing, source: source, rawScore: raw)
        }
        switch outcome.reason {
        case .none:
            guard outcome.prorated, case .prorate = plan.policy else { return nil }
            return base(.prorated, nil, nil)
        case .missingAnswers(let allowed):
            return ScaleProblem(
                kind: .incomplete, scale: plan.id, itemCount: plan.itemCount, answered: outcome.answered,
                missing: outcome.missing, allowedMissing: allowed)
        case .invalidAnswers: return nil
        case .sourceNotScored(let source): return base(.sourceNotScored, scales[source].id, nil)
        case .notWholeNumber(let raw): return base(.notWholeNumber, nil, raw)
        case .outsideTable(let raw): return base(.outsideTable, nil, Double(raw))
        }
    }

    // MARK: Hot path

    /// Matches one answer's UTF-8 bytes against an item's options. Codes are matched first, then
    /// `declined`, then labels (case-insensitive, trimmed).
    func resolve(utf8 bytes: ByteView, item position: Int) -> ResolvedAnswer {
        let range = CellText.trimmedRange(bytes)
        if range.isEmpty { return .blank }
        let storage = self.storage
        let info = storage.codes[position]
        if info.isFreeText { return .text }
        // A single digit: the common case, decided with one table read.
        if range.count == 1, bytes[range.lowerBound] &- 48 <= 9 {
            let digit = Int(bytes[range.lowerBound] &- 48)
            let offset = digit - info.minimumCode
            guard offset >= 0, offset < info.kindsCount else { return .invalid }
            return ScoringEngine.answer(kind: storage.codeKinds[info.kindsStart + offset], code: digit)
        }
        // Any other spelling of a whole number (`03`, `+3`, `3.0`), decided without a string.
        if let code = CellText.wholeNumber(bytes.extracting(range)) {
            let offset = code - info.minimumCode
            guard offset >= 0, offset < info.kindsCount else { return .invalid }
            return ScoringEngine.answer(kind: storage.codeKinds[info.kindsStart + offset], code: code)
        }
        let text = String(decoding: bytes.extracting(range)).lowercased()
        if text == Administration.declinedAnswer { return .declined }
        for option in storage.items[position].labels where option.label == text {
            return option.isScored ? .scored(option.code) : .unscored(option.code)
        }
        return .invalid
    }

    @inline(__always)
    private static func answer(kind: CodeKind, code: Int) -> ResolvedAnswer {
        switch kind {
        case .scored: return .scored(code)
        case .unscored: return .unscored(code)
        case .notAnOption: return .invalid
        }
    }

    /// Matches one answer's text against an item's options.
    func resolve(_ text: String, item position: Int) -> ResolvedAnswer {
        text.withUTF8View { resolve(utf8: $0, item: position) }
    }

    /// Computes every scale from resolved answers into `outcomes` (one per scale, reused between
    /// calls) and returns the administration's status.
    func compute(_ answers: [ResolvedAnswer], forceInvalid: Bool = false, into outcomes: inout [ScaleOutcome])
        -> ScoreStatus
    {
        answers.withView { answers in
            outcomes.withMutableView { outcomes in
                compute(answers, forceInvalid: forceInvalid, into: outcomes)
            }
        }
    }

    @inline(__always)
    func compute(
        _ answers: BufferView<ResolvedAnswer>, forceInvalid: Bool, into outcomes: MutableBufferView<ScaleOutcome>
    ) -> ScoreStatus {
        storage.kernel.compute(answers, forceInvalid: forceInvalid, into: outcomes)
    }
}

extension Instrument {
    /// Scores one administration with this instrument. For many administrations, build a
    /// ``ScoringEngine`` once and reuse it.
    ///
    /// ```swift
    /// let sheet = wemwbs.score(form)
    /// ```
    ///
    /// - Throws: ``ScoringError/wrongInstrument(expected:found:)`` when the administration is a
    ///   form of another instrument.
    public func score(_ administration: Administration, options: ScoringOptions = ScoringOptions())
        throws(ScoringError) -> ScoreSheet
    {
        try ScoringEngine(instrument: self, options: options).score(administration)
    }
}
