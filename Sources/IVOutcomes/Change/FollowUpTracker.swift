#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation

/// Follows every child over time as administrations stream by: baseline and latest score on each
/// scale, the measurement schedule, age at each administration, and contact-log answers.
///
/// Memory grows with the number of children, not rows: per child and scale only the baseline,
/// the latest score and counts are kept (plus the dates seen, to catch duplicates). Rows may come
/// in any order.
///
/// ```swift
/// let tracker = FollowUpTracker(catalog: catalog, register: try ChildRegister(path: "children.csv"),
///                               options: FollowUpOptions(asOf: CalendarDate(iso: "2026-11-22")!))
/// let reader = try ResponseFileReader(path: "questionnaires.csv", catalog: catalog)
/// try reader.track(into: tracker) { problem in print(problem) }
/// for change in tracker.changes() { print(change.childID, change.scale, change.reliableChange) }
/// ```
public final class FollowUpTracker {
    public let catalog: InstrumentCatalog
    public let register: ChildRegister?
    public let options: FollowUpOptions
    /// What the rows so far added up to.
    public var counts: FollowUpCounts { ledger.counts }

    /// Scales followed over time: every non-intermediate scale, once per id.
    let scales: [Scale]
    /// Per instrument (catalogue order), per scale position: the index in ``scales``, or -1.
    let scaleSlots: [[Int]]
    /// Per instrument: its measure in the schedule, or -1.
    let measureSlots: [Int]
    let logPlans: [LogPlan?]
    /// ``scaleSlots``, the minimum validated age (-1 when not validated for any age) and whether
    /// ``logPlans`` has a plan, per instrument, in fixed memory for
    /// ``Ledger/record(child:date:line:instrument:status:values:answers:in:)``.
    let rowPlans: FixedArray<RowPlan>
    let slotList: FixedArray<Int>

    struct RowPlan {
        var firstSlot: Int
        var slotCount: Int
        var minimumAge: Int
        var hasLog: Bool
    }
    let engines: [ScoringEngine]
    let earliestDay: Int
    let asOfDay: Int

    /// Everything the rows add, in one value. Only the tracker changes it, one row at a time and
    /// never while anything else reads it, so its exclusivity is not checked on every row.
    @exclusivity(unchecked) var ledger = Ledger()
    var children: [ChildState] { ledger.children }
    var seenKeys: [UInt64] { ledger.seenKeys }
    var seenNext: [Int32] { ledger.seenNext }
    var tracks: [Track] { ledger.tracks }
    var notes: [Int: [(instrument: Int, text: String)]] { ledger.notes }
    var logTallies: [Int: [Int: LogTally]] { ledger.logTallies }
    var instrumentsSeen: [Bool] { ledger.instrumentsSeen }

    struct Ledger {
        var counts = FollowUpCounts()
        /// Child ids, numbered in order of first appearance.
        var childTable = ChildTable()
        /// Children in order of first appearance. Their administrations and scale tracks live in
        /// flat arrays, chained per child, so that a child costs a few bytes rather than several
        /// heap-allocated arrays.
        var children: [ChildState] = []
        /// Used administrations: day << 32 | instrument << 24 is the key; the low 24 bits hold the
        /// line (capped), to name the first of a duplicate pair.
        var seenKeys: [UInt64] = []
        /// The next administration of the same child, or -1.
        var seenNext: [Int32] = []
        var tracks: [Track] = []
        /// Problems to show on a child's rows, by child and instrument (few children have any).
        var notes: [Int: [(instrument: Int, text: String)]] = [:]
        /// Contact-log tallies by child, then log instrument.
        var logTallies: [Int: [Int: LogTally]] = [:]
        /// Instruments seen in at least one used row.
        var instrumentsSeen: [Bool] = []
        /// The ids of the few children first seen in another form than their key (not NFC, or
        /// not valid UTF-8).
        var shownIDs: [Int: String] = [:]
        /// The last child recorded, to skip the lookup while rows stay with one child.
        var lastChild = -1
    }

    /// What a contact log's questions are, by item position.
    struct LogPlan {
        let visitPosition: Int
        let visitHappenedCode: Int
        let positiveCodes: [Int]
        /// Item position, outcome, and the question's options.
        let questions: [(position: Int, outcome: OutcomeID, options: [ResponseOption])]
    }

    /// One scored value, compactly.
    struct Point {
        var day: Int32
        var line: Int32
        var value: Double
    }

    /// One child's values on one scale.
    struct Track {
        var scale: Int32
        /// The child's next track, or -1.
        var next: Int32
        var count: Int32 = 0
        var below: Int32 = 0
        var ageUnknown: Int32 = 0
        var notValidated: Int32 = 0
        var first: Point
        var last: Point

        /// ``last`` when it is a follow-up, on a later day than ``first``
        /// (``ScaleChange/followUp(from:to:)`` states the rule for values).
        var followUp: Point? { last.day > first.day ? last : nil }
    }

    struct LogTally {
        var logs = 0
        var visits = 0
        /// Per question (plan order): counts per option, then declined, then unanswered.
        var counts: [[Int]]
    }

    struct ChildState {
        /// Index in the register, or -1 when the child is not in it.
        let registerIndex: Int32
        var firstSeen: Int32 = -1
        var firstTrack: Int32 = -1
    }

    public init(catalog: InstrumentCatalog, register: ChildRegister? = nil, options: FollowUpOptions = FollowUpOptions()) {
        self.catalog = catalog
        self.register = register
        self.options = options
        var scales: [Scale] = []
        var slots: [[Int]] = []
        for instrument in catalog.instruments {
            slots.append(
                instrument.scales.map { scale in
                    guard !scale.isIntermediate else { return -1 }
                    if let index = scales.firstIndex(where: { $0.id == scale.id }) { return index }
                    scales.append(scale)
                    return scales.count - 1
                })
        }
        self.scales = scales
        scaleSlots = slots
        let minimumAges = catalog.instruments.map { $0.validatedAges?.minimum ?? -1 }
        measureSlots = catalog.instruments.map { instrument in
            catalog.schedule?.measures.firstIndex { $0.instruments.contains(instrument.id) } ?? -1
        }
        logPlans = catalog.instruments.map { instrument in
            guard let log = instrument.contactLog,
                let visit = instrument.items.firstIndex(where: { $0.id == log.visitItem })
            else { return nil }
            let questions = instrument.outcomeQuestions.compactMap { question -> (Int, OutcomeID, [ResponseOption])? in
                guard let position = instrument.items.firstIndex(of: question.item), let scale = question.item.responseScale
                else { return nil }
                return (position, question.outcome, scale.options)
            }
            return LogPlan(
                visitPosition: visit, visitHappenedCode: log.visitHappenedCode, positiveCodes: log.positiveCodes,
                questions: questions)
        }
        engines = catalog.instruments.map { ScoringEngine(instrument: $0) }
        slotList = FixedArray(slots.flatMap { $0 })
        var firstSlot = 0
        rowPlans = FixedArray(
            catalog.instruments.indices.map { [minimumAges, logPlans] instrument in
                defer { firstSlot += slots[instrument].count }
                return RowPlan(
                    firstSlot: firstSlot, slotCount: slots[instrument].count, minimumAge: minimumAges[instrument],
                    hasLog: logPlans[instrument] != nil)
            })
        earliestDay = options.earliestDate.daysSinceEpoch
        asOfDay = options.asOf.daysSinceEpoch
        ledger.instrumentsSeen = Array(repeating: false, count: catalog.instruments.count)
    }

    /// Scores an administration and adds it. Returns the problems found: the scoring problems of
    /// an administration that is not fully scored, and why one is not used.
    @discardableResult
    public func add(_ administration: Administration, line: Int = 0, file: String = "") -> [RowProblem] {
        guard let instrument = catalog.instruments.firstIndex(where: { $0.id == administration.instrument }) else {
            ledger.counts.invalid += 1
            return [RowProblem(file: file, line: line, column: "instrument", message: "unknown instrument \"\(administration.instrument)\"")]
        }
        let (sheet, answers) = engines[instrument].scoreKeepingAnswers(administration)
        var problems = sheet.problemMessages.map { RowProblem(file: file, line: line, column: nil, message: $0) }
        let values = sheet.scales.map { $0.value ?? .nan }  // a score's value is nil unless it is scored
        if let reason = record(
            child: administration.childID.rawValue, date: administration.administeredOn, line: line, instrument: instrument,
            status: sheet.status, values: values, answers: answers)
        {
            problems.append(RowProblem(file: file, line: line, column: reason.column, message: reason.message))
        }
        return problems
    }

    /// Adds one scored row, with the value of each scale (NaN when not scored). Returns why the
    /// row is not used, when it is not (an invalid row's reasons come from scoring and are not
    /// repeated).
    func record(
        child id: String, date: CalendarDate?, line: Int, instrument: Int, status: ScoreStatus,
        values: [Double], answers: [ResolvedAnswer]
    ) -> (column: String?, message: String)? {
        var id = id
        return id.withUTF8 { child in
            values.withUnsafeBufferPointer { values in
                answers.withUnsafeBufferPointer { answers in
                    ledger.record(
                        child: child, date: date, line: line, instrument: instrument, status: status, values: values,
                        answers: answers, in: self)
                }
            }
        }
    }

    /// The instruments seen in at least one used row, in catalogue order.
    public var instrumentsUsed: [Instrument] {
        catalog.instruments.indices.filter { instrumentsSeen[$0] }.map { catalog.instruments[$0] }
    }
}

extension FollowUpTracker {
    /// Makes room for about `rows` more rows at once, so that the tracker's arrays are not
    /// copied into larger ones (and their memory touched again) as they fill. The room is only
    /// reserved: memory is used as rows arrive.
    func reserveCapacity(forRows rows: Int) {
        let rows = min(max(rows, 0), 1 << 26)
        ledger.seenKeys.reserveCapacity(ledger.seenKeys.count + rows)
        ledger.seenNext.reserveCapacity(ledger.seenNext.count + rows)
        ledger.tracks.reserveCapacity(ledger.tracks.count + rows)
        ledger.children.reserveCapacity(ledger.children.count + rows / 2)
    }

    /// The index of a child's track of `scale` in ``tracks``, or -1.
    func track(child: Int, scale: Int) -> Int { ledger.track(child: child, scale: scale) }
}

extension FollowUpTracker.Ledger {
    typealias Point = FollowUpTracker.Point

    /// Adds one scored row: the child id as UTF-8, and the value of each of the instrument's
    /// scales, NaN when it is not scored (scores are always finite). Returns why the row is not
    /// used, when it is not.
    mutating func record(
        child id: UnsafeBufferPointer<UInt8>, date: CalendarDate?, line: Int, instrument: Int, status: ScoreStatus,
        values: UnsafeBufferPointer<Double>, answers: UnsafeBufferPointer<ResolvedAnswer>, in tracker: FollowUpTracker
    ) -> (column: String?, message: String)? {
        guard status != .invalid, instrument >= 0, let date, !id.isEmpty else {
            counts.invalid += 1
            // The child is still listed (with nothing scored), so no child disappears from the output.
            if !id.isEmpty { _ = index(ofChild: id, in: tracker) }
            return nil
        }
        let day = date.daysSinceEpoch
        if day < tracker.earliestDay || day > tracker.asOfDay {
            counts.outOfRange += 1
            let message =
                day < tracker.earliestDay
                ? "\(date) is before \(tracker.options.earliestDate); not used (check the year)"
                : "\(date) is after the as-of date \(tracker.options.asOf); not used (a date in the future?)"
            return ("administered_on", message)
        }
        let childIndex = index(ofChild: id, in: tracker)
        // Duplicates: same child, instrument and date.
        let key = UInt64(UInt32(truncatingIfNeeded: day)) << 32 | UInt64(instrument & 0xFF) << 24
        let lineBits = UInt64(min(max(line, 0), 0xFF_FFFF))
        var seen = children[childIndex].firstSeen
        while seen >= 0 {
            let other = seenKeys[Int(seen)]
            if other & ~0xFF_FFFF == key {
                counts.duplicates += 1
                let first = Int(other & 0xFF_FFFF)
                let instrumentID = tracker.catalog.instruments[instrument].id
                notes[childIndex, default: []].append(
                    (instrument, "duplicate \(instrumentID) on \(date) (lines \(first) and \(line)): line \(line) not used"))
                return (nil, "duplicate: the same child, instrument and date as line \(first); not used")
            }
            seen = seenNext[Int(seen)]
        }
        seenKeys.append(key | lineBits)
        seenNext.append(children[childIndex].firstSeen)
        children[childIndex].firstSeen = Int32(seenKeys.count - 1)
        counts.used += 1
        if status == .incomplete { counts.incomplete += 1 }
        instrumentsSeen[instrument] = true
        // Age at administration.
        let plan = tracker.rowPlans[instrument]
        let minimumAge = plan.minimumAge
        var ageState = 0  // 0 within, 1 below, 2 unknown, 3 not validated
        if minimumAge < 0 {
            ageState = 3
        } else if let register = tracker.register, children[childIndex].registerIndex >= 0,
            let age = register.children[Int(children[childIndex].registerIndex)].age(on: date)
        {
            ageState = age < minimumAge ? 1 : 0
        } else {
            ageState = 2
        }
        // Scales.
        for position in 0..<plan.slotCount where !values[position].isNaN {
            let slot = tracker.slotList[plan.firstSlot + position]
            guard slot >= 0 else { continue }
            let point = Point(day: Int32(day), line: Int32(truncatingIfNeeded: line), value: values[position])
            update(child: childIndex, scale: slot, with: point, ageState: ageState)
        }
        if plan.hasLog, let plan = tracker.logPlans[instrument], tracker.options.logPeriod.map({ $0.contains(date) }) ?? true {
            var tally =
                logTallies[childIndex]?[instrument]
                ?? FollowUpTracker.LogTally(counts: plan.questions.map { [Int](repeating: 0, count: $0.options.count + 2) })
            tally.add(plan, answers: answers)
            logTallies[childIndex, default: [:]][instrument] = tally
        }
        return nil
    }

    /// The index of a child, added when new. Rows of one child usually come together, so the
    /// last child is checked before the lookup.
    private mutating func index(ofChild bytes: UnsafeBufferPointer<UInt8>, in tracker: FollowUpTracker) -> Int {
        if lastChild >= 0, childTable.isNamed(lastChild, bytes) { return lastChild }
        if !ByteMask.isASCII(bytes) {
            // Ids match as Swift strings compare: by canonical equivalence, so an id is keyed by
            // its NFC form (an id that is not valid UTF-8 by its repair), and shown as first seen.
            let id = String(decoding: bytes, as: UTF8.self)
            var key = id.precomposedStringWithCanonicalMapping
            if !key.utf8.elementsEqual(bytes) { return key.withUTF8 { child(keyed: $0, shownAs: id, in: tracker) } }
        }
        return child(keyed: bytes, shownAs: nil, in: tracker)
    }

    private mutating func child(keyed key: UnsafeBufferPointer<UInt8>, shownAs id: String?, in tracker: FollowUpTracker) -> Int {
        let (index, inserted) = childTable.insert(key)
        if inserted {
            if let id { shownIDs[index] = id }
            let registerIndex = tracker.register.map { $0.position(of: id ?? String(decoding: key, as: UTF8.self)) ?? -1 } ?? -1
            children.append(FollowUpTracker.ChildState(registerIndex: Int32(registerIndex)))
        }
        lastChild = index
        return index
    }

    /// The id of child `index`, as first seen.
    func childID(_ index: Int) -> String { shownID(index) ?? childTable.id(index) }

    /// The id of child `index` when it was first seen in another form than its key; `nil` for
    /// nearly every child (without a lookup when there are none).
    @inline(__always)
    func shownID(_ index: Int) -> String? { shownIDs.isEmpty ? nil : shownIDs[index] }

    func track(child: Int, scale: Int) -> Int {
        var index = children[child].firstTrack
        while index >= 0, tracks[Int(index)].scale != scale { index = tracks[Int(index)].next }
        return Int(index)
    }

    private mutating func update(child: Int, scale: Int, with point: Point, ageState: Int) {
        // Read once, changed as a local, written once.
        let found = track(child: child, scale: scale)
        var track =
            found >= 0
            ? tracks[found] : FollowUpTracker.Track(scale: Int32(scale), next: children[child].firstTrack, first: point, last: point)
        track.count += 1
        if point.day < track.first.day { track.first = point }
        if point.day > track.last.day { track.last = point }
        switch ageState {
        case 1: track.below += 1
        case 2: track.ageUnknown += 1
        case 3: track.notValidated += 1
        default: break
        }
        if found >= 0 {
            tracks[found] = track
        } else {
            tracks.append(track)
            children[child].firstTrack = Int32(tracks.count - 1)
        }
    }
}

extension FollowUpTracker.LogTally {
    mutating func add(_ plan: FollowUpTracker.LogPlan, answers: UnsafeBufferPointer<ResolvedAnswer>) {
        logs += 1
        if case .scored(let code) = answers[plan.visitPosition], code == plan.visitHappenedCode { visits += 1 }
        for (index, question) in plan.questions.enumerated() {
            let optionCount = question.options.count
            switch answers[question.position] {
            case .scored(let code), .unscored(let code):
                if let option = question.options.firstIndex(where: { $0.code == code }) { counts[index][option] += 1 }
            case .declined:
                counts[index][optionCount] += 1
            case .blank, .text, .invalid:
                counts[index][optionCount + 1] += 1
            }
        }
    }
}
