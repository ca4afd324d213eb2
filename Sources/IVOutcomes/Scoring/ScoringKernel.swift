/// The arithmetic of scoring one administration, over plain tables: what ``ScoringEngine``
/// computes every scale with, on every path.
///
/// A kernel is a few pointers into its engine's fixed tables, so hot loops copy and call it
/// without reference counting. It is valid while its engine's storage lives (the storage owns
/// the tables and keeps its kernel).
struct ScoringKernel: @unchecked Sendable {
    struct ScaleInfo {
        static let sum: UInt8 = 0, mean: UInt8 = 1, lookup: UInt8 = 2
        var kind: UInt8
        var itemsStart: Int
        var itemsCount: Int
        var maxMissing: Int
        var source: Int
        var tableStart: Int
        var tableCount: Int
        var firstRaw: Int
    }

    /// The tables a kernel reads, owned together.
    final class Tables: Sendable {
        let required: FixedArray<Bool>
        let scales: FixedArray<ScaleInfo>
        let scaleItems: FixedArray<Int>
        let values: FixedArray<Double>

        init(required: [Bool], scales: [ScaleInfo], scaleItems: [Int], values: [Double]) {
            self.required = FixedArray(required)
            self.scales = FixedArray(scales)
            self.scaleItems = FixedArray(scaleItems)
            self.values = FixedArray(values)
        }

        var kernel: ScoringKernel {
            ScoringKernel(
                itemCount: required.count, required: required.base, scaleCount: scales.count, scales: scales.base,
                scaleItems: scaleItems.base, values: values.base)
        }
    }

    let itemCount: Int
    private let required: UnsafePointer<Bool>
    let scaleCount: Int
    private let scales: UnsafePointer<ScaleInfo>
    private let scaleItems: UnsafePointer<Int>
    private let values: UnsafePointer<Double>

    private init(
        itemCount: Int, required: UnsafeMutablePointer<Bool>, scaleCount: Int, scales: UnsafeMutablePointer<ScaleInfo>,
        scaleItems: UnsafeMutablePointer<Int>, values: UnsafeMutablePointer<Double>
    ) {
        self.itemCount = itemCount
        self.required = UnsafePointer(required)
        self.scaleCount = scaleCount
        self.scales = UnsafePointer(scales)
        self.scaleItems = UnsafePointer(scaleItems)
        self.values = UnsafePointer(values)
    }

    /// Computes every scale from resolved answers (one per item) into `outcomes` (one per scale)
    /// and returns the administration's status. `forceInvalid` marks the administration invalid
    /// for a reason found elsewhere (answers to items the instrument does not have).
    @inline(__always)
    func compute(
        _ answers: UnsafeBufferPointer<ResolvedAnswer>, forceInvalid: Bool, into outcomes: UnsafeMutableBufferPointer<ScaleOutcome>
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
        for index in 0..<scaleCount {
            let info = scales[index]
            var outcome = ScaleOutcome()
            if anyInvalid {
                outcome.reason = .invalidAnswers
                outcomes[index] = outcome
                allScored = false
                continue
            }
            if info.kind == ScaleInfo.lookup {
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
                var total = 0, answered = 0, missing = 0, declined = 0
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
                    if missing == 0 && info.kind == ScaleInfo.sum {
                        outcome.value = Double(total)
                    } else {
                        let mean = Double(total) / Double(answered)
                        outcome.value = info.kind == ScaleInfo.mean ? mean : mean * Double(info.itemsCount)
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
