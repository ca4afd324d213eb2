/// The arithmetic of scoring one administration, over plain tables: what ``ScoringEngine``
/// computes every scale with, on every path.
///
/// A kernel is its engine's fixed tables (``FixedArray``s, read without reference counting or
/// checks), so hot loops call it as cheaply as a function over pointers, and it keeps the tables
/// alive as long as it lives.
struct ScoringKernel: Sendable {
    /// How a scale is computed from its items or its source.
    enum Method: UInt8, Sendable {
        /// The sum of the items' codes (prorated from the mean when some are missing).
        case sum
        /// The mean of the items' codes.
        case mean
        /// A value looked up in a conversion table from another scale's whole raw score.
        case lookup
    }

    struct ScaleInfo: Sendable {
        var method: Method
        var itemsStart: Int
        var itemsCount: Int
        var maxMissing: Int
        var source: Int
        var tableStart: Int
        var tableCount: Int
        var firstRaw: Int
    }

    private let required: FixedArray<Bool>
    private let scales: FixedArray<ScaleInfo>
    private let scaleItems: FixedArray<Int>
    private let values: FixedArray<Double>

    init(required: [Bool], scales: [ScaleInfo], scaleItems: [Int], values: [Double]) {
        self.required = FixedArray(required)
        self.scales = FixedArray(scales)
        self.scaleItems = FixedArray(scaleItems)
        self.values = FixedArray(values)
    }

    var itemCount: Int { required.count }
    var scaleCount: Int { scales.count }

    /// Computes every scale from resolved answers (one per item) into `outcomes` (one per scale)
    /// and returns the administration's status. `forceInvalid` marks the administration invalid
    /// for a reason found elsewhere (answers to items the instrument does not have).
    @inline(__always)
    func compute(
        _ answers: BufferView<ResolvedAnswer>, forceInvalid: Bool, into outcomes: MutableBufferView<ScaleOutcome>
    ) -> ScoreStatus {
        // Views of the tables, so the loops read them as plain memory.
        required.withView { required in
            scales.withView { scales in
                scaleItems.withView { scaleItems in
                    values.withView { values in
                        ScoringKernel.compute(
                            answers, forceInvalid: forceInvalid, into: outcomes, required, scales, scaleItems, values)
                    }
                }
            }
        }
    }

    /// Static, so the loop holds views of the tables and no reference to them.
    // Long: the inner loop of scoring (every scale of every row, over prepared tables) and the
    // one place every method (sum, mean, lookup) and missing-answer rule is computed; kept whole
    // rather than risk the speed of the 0.25x score target by splitting it.
    private static func compute(
        _ answers: BufferView<ResolvedAnswer>, forceInvalid: Bool, into outcomes: MutableBufferView<ScaleOutcome>,
        _ required: BufferView<Bool>, _ scales: BufferView<ScaleInfo>, _ scaleItems: BufferView<Int>,
        _ values: BufferView<Double>
    ) -> ScoreStatus {
        var anyInvalid = forceInvalid
        var requiredMissing = false
        for position in 0..<answers.count {
            switch answers[position] {
            case .invalid: anyInvalid = true
            case .blank, .declined: if required[position] { requiredMissing = true }
            default: break
            }
        }
        var allScored = true
        for index in 0..<scales.count {
            let info = scales[index]
            var outcome = ScaleOutcome()
            if anyInvalid {
                outcome.reason = .invalidAnswers
                outcomes[index] = outcome
                allScored = false
                continue
            }
            if info.method == .lookup {
                let raw = outcomes[info.source]
                outcome.answered = raw.answered
                outcome.missing = raw.missing
                outcome.declined = raw.declined
                outcome.prorated = raw.prorated
                if raw.status != .scored {
                    outcome.status = .incomplete
                    outcome.reason = .sourceNotScored(source: info.source)
                } else if raw.value.isFinite, abs(raw.value) < 9e15, raw.value == Double(Int(raw.value)) {
                    let whole = Int(raw.value)
                    if whole >= info.firstRaw, whole &- info.firstRaw < info.tableCount {
                        outcome.status = .scored
                        outcome.tableIndex = whole &- info.firstRaw
                        outcome.value = values[info.tableStart &+ outcome.tableIndex]
                    } else {
                        outcome.status = .incomplete
                        outcome.reason = .outsideTable(whole)
                    }
                } else {
                    outcome.status = .incomplete
                    outcome.reason = .notWholeNumber(raw.value)
                }
            } else {
                // Counts are bounded by the item count and totals by items times the largest code,
                // so the sums cannot overflow.
                var total = 0
                var answered = 0
                var missing = 0
                var declined = 0
                for offset in info.itemsStart..<(info.itemsStart &+ info.itemsCount) {
                    switch answers[scaleItems[offset]] {
                    case .scored(let code):
                        total &+= code
                        answered &+= 1
                    case .declined:
                        missing &+= 1
                        declined &+= 1
                    default:
                        missing &+= 1
                    }
                }
                outcome.answered = answered
                outcome.missing = missing
                outcome.declined = declined
                if missing > info.maxMissing || answered == 0 {
                    outcome.status = .incomplete
                    outcome.reason = .missingAnswers(allowed: info.maxMissing)
                } else {
                    outcome.status = .scored
                    if missing == 0 && info.method == .sum {
                        outcome.value = Double(total)
                    } else {
                        let mean = Double(total) / Double(answered)
                        outcome.value = info.method == .mean ? mean : mean * Double(info.itemsCount)
                    }
                    outcome.prorated = missing > 0
                }
            }
            if outcome.status != .scored { allScored = false }
            outcomes[index] = outcome
        }
        if anyInvalid { return .invalid }
        return allScored && !requiredMissing ? .scored : .incomplete
    }
}
