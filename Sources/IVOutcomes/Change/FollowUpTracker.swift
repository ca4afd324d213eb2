import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Follows every child over time as administrations stream by: baseline and latest score on each
/// scale, the measurement schedule, age at each administration, and contact-log answers.
///
/// Rows may come in any order: there is one observation per child, scale and date (forms of one
/// day that share items are merged or set aside, see FollowUpTracker+Resolving.swift), and the
/// results never depend on the order of the rows. Memory grows with the rows: per child and scale
/// the baseline, the latest score and counts, and per administration about 50 bytes (its date,
/// line, file, a fingerprint of the row and its answer codes, kept to compare forms of one day).
///
/// ```swift
/// let tracker = FollowUpTracker(catalog: catalog, register: try ChildRegister(path: "children.csv"),
///                               options: FollowUpOptions(asOf: try CalendarDate(validating: "2026-11-22")))
/// let reader = try ResponseFileReader(path: "questionnaires.csv", catalog: catalog)
/// try reader.track(into: tracker) { problem in print(problem) }
/// for change in tracker.changes() { print(change.childID, change.scale, change.reliableChange) }
/// ```
public final class FollowUpTracker {
    /// The instruments administrations are scored with.
    public let catalog: InstrumentCatalog
    /// The children file, when there is one: ages, match starts and breakdown categories.
    public let register: ChildRegister?
    /// The as-of date, the earliest date and the log period.
    public let options: FollowUpOptions
    /// What the rows so far added up to.
    public var counts: FollowUpCounts { resolved.counts }

    /// Scales followed over time: every outcome scale (never an intermediate step or a validity check), once per id.
    let scales: [Scale]
    /// Per instrument (catalogue order), per scale position: the index in ``scales``, or -1.
    let scaleSlots: [[Int]]
    /// Per instrument: its measure in the schedule, or -1.
    let measureSlots: [Int]
    let logPlans: [LogPlan?]
    /// ``scaleSlots``, the minimum validated age (-1 when not validated for any age) and whether
    /// ``logPlans`` has a plan, per instrument, in fixed memory for
    /// ``Ledger/record(child:date:line:file:instrument:status:values:codes:fingerprint:in:)``.
    let rowPlans: FixedArray<RowPlan>
    let slotList: FixedArray<Int>

    struct RowPlan {
        var firstSlot: Int
        var slotCount: Int
        var minimumAge: Int
        /// The oldest validated age, or -1 for none.
        var maximumAge: Int
        var hasLog: Bool
    }
    let engines: [ScoringEngine]
    /// Per instrument: how many items it has (answer codes kept per administration).
    let itemCounts: [Int]
    /// Per pair of instruments (`a * count + b`): the item positions in each that share an id
    /// and are not free text, compared when two forms of one child and day meet.
    let sharedItems: [[(Int, Int)]]
    /// Whether ``sharedItems`` of a pair is not empty, in fixed memory for the row-by-row check.
    let sharesItems: FixedArray<Bool>
    let earliestDay: Int
    let asOfDay: Int

    /// Everything the rows add, in one value. Only the tracker changes it, one row at a time and
    /// never while anything else reads it, so its exclusivity is not checked on every row.
    // Unchecked: only the tracker changes it, one row at a time, never while anything else reads it.
    @exclusivity(unchecked) var ledger = Ledger()
    /// Administrations added without a file, numbered in messages.
    private var administrationsAddedInMemory = 0

    /// The line an entry added in memory keeps: negative (never a file's line), in the order added.
    static func memoryLine(_ number: Int) -> Int { Int(Int32.min) + number }

    /// The ledger with its administrations resolved (same-day forms merged or set aside, counts
    /// made), resolving again after rows were added.
    var resolved: Ledger {
        if ledger.resolvedEntries != ledger.entries.count { ledger.resolve(in: self) }
        return ledger
    }
    var children: [ChildState] { resolved.children }
    var tracks: [Track] { resolved.tracks }
    var notes: [Int: [Note]] { resolved.notes }
    var logTallies: [Int: [Int: LogTally]] { resolved.logTallies }
    var instrumentsSeen: [Bool] { resolved.instrumentsSeen }

    struct Ledger {
        /// Invalid and out-of-range rows are counted as they come; the rest when resolved.
        var counts = FollowUpCounts()
        /// The same, per file (``files``).
        var fileCounts: [FollowUpCounts] = []
        /// The files rows came from, for messages; `""` for rows added without one.
        var files: [String] = []
        /// Child ids, keyed and shown in NFC.
        var childTable = ChildTable()
        /// Children in order of first appearance. Their administrations and scale tracks live in
        /// flat arrays, chained per child, so that a child costs a few bytes rather than several
        /// heap-allocated arrays.
        var children: [ChildState] = []
        /// Every administration used (valid and in range), with its answer codes (its scale values
        /// are worked out again from them, for the few children whose forms are resolved).
        var entries: [Entry] = []
        var codes: [UInt8] = []
        /// Per file: the scoring options its rows were scored with, to score codes again alike.
        var fileOptions: [ScoringOptions] = []
        /// How many of ``entries`` the counts and problems were made from.
        var resolvedEntries = -1
        /// Children with two forms of one day that share items, to resolve (see
        /// FollowUpTracker+Resolving.swift); every other child's tracks are built as rows come.
        var unresolved: [Int] = []
        /// What resolving made of the entries that are not simply counted (few).
        var fates: [Int32: Fate] = [:]
        /// Per file: entries recorded, and of those incomplete (before resolving).
        var recorded: [(all: Int, incomplete: Int)] = []
        var tracks: [Track] = []
        /// Problems to show on a child's change rows, by child (few children have any).
        var notes: [Int: [Note]] = [:]
        /// Duplicates and same-day forms that disagree, by child.
        var childProblems: [Int: [RowProblem]] = [:]
        /// ``childProblems`` by file and line.
        var problems: [RowProblem] = []
        /// Contact-log tallies by child, then log instrument.
        var logTallies: [Int: [Int: LogTally]] = [:]
        /// Instruments of at least one used row.
        var instrumentsSeen: [Bool] = []
        /// The last child recorded, to skip the lookup while rows stay with one child.
        var lastChild = -1
    }

    /// One used administration, compactly (32 bytes); its answer codes
    /// (``ResolvedAnswer/comparisonCode``) are in the ledger's ``Ledger/codes``.
    struct Entry {
        var day: Int32
        var line: Int32
        /// The child's next entry, or -1.
        var next: Int32
        var firstCode: Int32
        /// The row's ``RowFields/fingerprint()``: orders forms that differ only where codes do
        /// not show it (free text, spelling), by content rather than by place.
        var fingerprint: UInt64
        var file: UInt16
        var instrument: UInt8
        var status: ScoreStatus
        var age: AgeState
    }

    /// What resolving made of a used administration.
    enum Fate: UInt8 {
        case counted
        /// Another form of the day holds all its answers: not used.
        case duplicate
        /// It disagrees with another form of the day: not counted for the scales they share.
        case conflicting
    }

    /// Where an administration stands against its instrument's validated ages.
    enum AgeState: UInt8 {
        case within, below, above, unknown, notValidated
    }

    /// A note on a child's change rows: the scales (indices in ``scales``) it is about.
    struct Note {
        var scales: [Int]
        var note: FollowUpNote
    }

    /// What a contact log's questions are, by item position.
    struct LogPlan {
        let visitPosition: Int
        let visitHappenedCode: Int
        let positiveCodes: [Int]
        /// Item position, outcome, and the question's options.
        let questions: [(position: Int, outcome: OutcomeID, options: [ResponseOption])]

        /// The plan of an instrument with a contact log, or `nil`.
        init?(instrument: Instrument) {
            guard let log = instrument.contactLog,
                let visit = instrument.items.firstIndex(where: { $0.id == log.visitItem })
            else { return nil }
            visitPosition = visit
            visitHappenedCode = log.visitHappenedCode
            positiveCodes = log.positiveCodes
            questions = instrument.outcomeQuestions.compactMap { question -> (Int, OutcomeID, [ResponseOption])? in
                guard let position = instrument.items.firstIndex(of: question.item),
                    let scale = question.item.responseScale
                else { return nil }
                return (position, question.outcome, scale.options)
            }
        }
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
        var above: Int32 = 0
        var ageUnknown: Int32 = 0
        var notValidated: Int32 = 0
        var first: Point
        var last: Point
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
        var firstEntry: Int32 = -1
        var firstTrack: Int32 = -1
        /// Whether the child is in ``Ledger/unresolved``.
        var isUnresolved = false
    }

    /// A tracker of administrations of `catalog`'s instruments, with the children of `register`.
    public init(catalog: InstrumentCatalog, register: ChildRegister? = nil, options: FollowUpOptions) {
        self.catalog = catalog
        self.register = register
        self.options = options
        let (scales, slots) = FollowUpTracker.followedScales(of: catalog)
        self.scales = scales
        scaleSlots = slots
        let minimumAges = catalog.instruments.map { $0.validatedAges?.minimum ?? -1 }
        let maximumAges = catalog.instruments.map { $0.validatedAges?.maximum ?? -1 }
        measureSlots = catalog.instruments.map { instrument in
            catalog.schedule?.measures.firstIndex { $0.instruments.contains(instrument.id) } ?? -1
        }
        logPlans = catalog.instruments.map(LogPlan.init(instrument:))
        engines = catalog.instruments.map {
            ScoringEngine(instrument: $0, translations: catalog.translations(of: $0.id))
        }
        itemCounts = catalog.instruments.map(\.items.count)
        sharedItems = FollowUpTracker.sharedItems(of: catalog.instruments)
        slotList = FixedArray(slots.flatMap { $0 })
        var firstSlot = 0
        rowPlans = FixedArray(
            catalog.instruments.indices.map { [minimumAges, maximumAges, logPlans] instrument in
                defer { firstSlot += slots[instrument].count }
                return RowPlan(
                    firstSlot: firstSlot, slotCount: slots[instrument].count, minimumAge: minimumAges[instrument],
                    maximumAge: maximumAges[instrument], hasLog: logPlans[instrument] != nil)
            })
        sharesItems = FixedArray(sharedItems.map { !$0.isEmpty })
        earliestDay = options.earliestDate.daysSinceEpoch
        asOfDay = options.asOf.daysSinceEpoch
        ledger.instrumentsSeen = Array(repeating: false, count: catalog.instruments.count)
    }

    /// The scales followed over time, each once (an instrument's scale with another's id is the
    /// same scale), and per instrument each scale's index among them, or -1.
    private static func followedScales(of catalog: InstrumentCatalog) -> (scales: [Scale], slots: [[Int]]) {
        var scales: [Scale] = []
        var slots: [[Int]] = []
        for instrument in catalog.instruments {
            slots.append(
                instrument.scales.map { scale in
                    guard scale.isFollowedOverTime else { return -1 }
                    if let index = scales.firstIndex(where: { $0.id == scale.id }) { return index }
                    scales.append(scale)
                    return scales.count - 1
                })
        }
        return (scales, slots)
    }

    /// Per pair of instruments (a, b), the scored items they share: (position in a, position in b).
    private static func sharedItems(of instruments: [Instrument]) -> [[(Int, Int)]] {
        instruments.flatMap { a in
            instruments.map { b in
                a.items.indices.compactMap { position -> (Int, Int)? in
                    let item = a.items[position]
                    guard item.responseScale != nil, let other = b.items.firstIndex(where: { $0.id == item.id }) else {
                        return nil
                    }
                    return (position, other)
                }
            }
        }
    }

    /// Scores an administration and adds it. Returns the problems found: the scoring problems of
    /// an administration that is not fully scored, and why one is not used (an impossible date).
    /// Duplicates and same-day forms that disagree are found once all rows are in: see
    /// ``resolutionProblems``.
    @discardableResult
    ///
    /// An administration added without a file and line is named by its order in messages
    /// ("administration 3 added in memory"), and its problems have no file or line.
    public func add(_ administration: Administration, line: Int = 0, file: String = "") -> [RowProblem] {
        var line = line
        if line <= 0, file.isEmpty {
            administrationsAddedInMemory += 1
            line = FollowUpTracker.memoryLine(administrationsAddedInMemory)
        }
        let fileIndex = index(ofFile: file)
        guard let instrument = catalog.instruments.firstIndex(where: { $0.id == administration.instrument }) else {
            ledger.count(\.invalid, file: fileIndex)
            let known = catalog.instruments.map(\.id.rawValue).joined(separator: ", ")
            return [
                RowProblem(
                    code: .instrumentUnknown, file: file, line: line, column: "instrument",
                    value: administration.instrument.rawValue,
                    message: "unknown instrument \"\(administration.instrument)\" (known: \(known))")
            ]
        }
        let (sheet, answers) = engines[instrument].scoreKeepingAnswers(administration)
        var problems = sheet.rowProblems(file: file, line: line)
        let values = sheet.scales.map { $0.value ?? .nan }  // a score's value is nil unless it is scored
        let codes = answers.map(\.comparisonCode)
        let reason = administration.childID.rawValue.withUTF8View { child in
            values.withView { values in
                codes.withView { codes in
                    ledger.record(
                        child: CellText.trimmed(child), date: administration.administeredOn, line: line,
                        file: fileIndex,
                        instrument: instrument,
                        status: sheet.status, values: values, codes: codes, fingerprint: administration.fingerprint,
                        in: self)
                }
            }
        }
        if let reason {
            problems.append(
                RowProblem(code: reason.code, file: file, line: line, column: reason.column, message: reason.message))
        }
        return problems
    }

    /// The index of a file in the ledger's ``Ledger/files``, added when new, with the scoring
    /// options its rows are scored with.
    func index(ofFile name: String, options: ScoringOptions = ScoringOptions()) -> Int {
        if let index = ledger.files.lastIndex(of: name), ledger.fileOptions[index] == options { return index }
        ledger.files.append(name)
        ledger.fileCounts.append(FollowUpCounts())
        ledger.fileOptions.append(options)
        ledger.recorded.append((0, 0))
        return ledger.files.count - 1
    }

    /// What the rows of one file added up to (all zeros for a file never read).
    public func counts(inFile name: String) -> FollowUpCounts {
        let ledger = resolved
        return ledger.files.lastIndex(of: name).map { ledger.fileCounts[$0] } ?? FollowUpCounts()
    }

    /// Why rows were not used, or used only in part, found once all rows are in: a form that
    /// repeats another of the same child and day, and forms of one day that disagree. By file and line.
    public var resolutionProblems: [RowProblem] { resolved.problems }

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
        ledger.entries.reserveCapacity(ledger.entries.count + rows)
        // A WEMWBS-sized form per row: 14 items.
        ledger.codes.reserveCapacity(ledger.codes.count + rows * 14)
        ledger.children.reserveCapacity(ledger.children.count + rows / 2)
    }

    /// The index of a child's track of `scale` in ``tracks``, or -1.
    func track(child: Int, scale: Int) -> Int { resolved.track(child: child, scale: scale) }
}

extension FollowUpTracker.Ledger {
    typealias Point = FollowUpTracker.Point
    typealias Entry = FollowUpTracker.Entry

    mutating func count(_ field: WritableKeyPath<FollowUpCounts, Int>, file: Int) {
        counts[keyPath: field] += 1
        fileCounts[file][keyPath: field] += 1
    }

    /// Adds one scored row: the child id as UTF-8, the value of each of the instrument's scales,
    /// NaN when it is not scored (scores are always finite), and its answers'
    /// ``ResolvedAnswer/comparisonCode``s. Returns why the row is not used, when it is not for a
    /// reason of its own (an invalid row's reasons come from scoring and are not repeated).
    // Long: runs once per row of `change` (the hot path of the change benchmark), and holds what
    // the tracker keeps of a row in one place for the lanes and the general path alike.
    mutating func record(
        child id: ByteView, date: CalendarDate?, line: Int, file: Int, instrument: Int, status: ScoreStatus,
        values: BufferView<Double>, codes: ByteView, fingerprint: UInt64, in tracker: FollowUpTracker
    ) -> (code: ProblemCode, column: String?, message: String)? {
        guard status != .invalid, instrument >= 0, let date, !id.isEmpty else {
            count(\.invalid, file: file)
            // The child is still listed (with nothing scored), so no child disappears from the output;
            // an id that is not a valid one (such as a name) is never listed.
            if ChildID.problem(in: id) == nil { _ = index(ofChild: id, in: tracker) }
            return nil
        }
        let day = date.daysSinceEpoch
        if day < tracker.earliestDay || day > tracker.asOfDay {
            count(\.outOfRange, file: file)
            let message =
                day < tracker.earliestDay
                ? "\(date) is before \(tracker.options.earliestDate); not used (check the year)"
                : "\(date) is after the as-of date \(tracker.options.asOf); not used (a date in the future?)"
            return (.dateOutOfRange, "administered_on", message)
        }
        let childIndex = index(ofChild: id, in: tracker)
        // Age at administration.
        let plan = tracker.rowPlans[instrument]
        let age: FollowUpTracker.AgeState
        if plan.minimumAge < 0 {
            age = .notValidated
        } else if let register = tracker.register, children[childIndex].registerIndex >= 0,
            let born = register.children[Int(children[childIndex].registerIndex)].birthMonth
        {
            // Each limit counted cautiously: the youngest the child may be against the minimum,
            // the oldest against the maximum.
            if born.age(on: date) < plan.minimumAge {
                age = .below
            } else if plan.maximumAge >= 0, born.oldestAge(on: date) > plan.maximumAge {
                age = .above
            } else {
                age = .within
            }
        } else {
            age = .unknown
        }
        // Another form of the child that day sharing items with this one: resolved at the end.
        if !children[childIndex].isUnresolved {
            var other = children[childIndex].firstEntry
            let instruments = tracker.catalog.instruments.count
            while other >= 0 {
                let entry = entries[Int(other)]
                if entry.day == Int32(day), tracker.sharesItems[instrument * instruments + Int(entry.instrument)] {
                    children[childIndex].isUnresolved = true
                    unresolved.append(childIndex)
                    break
                }
                other = entry.next
            }
        }
        entries.append(
            Entry(
                day: Int32(day), line: Int32(truncatingIfNeeded: line), next: children[childIndex].firstEntry,
                firstCode: Int32(truncatingIfNeeded: self.codes.count), fingerprint: fingerprint,
                file: UInt16(truncatingIfNeeded: file),
                instrument: UInt8(truncatingIfNeeded: instrument), status: status, age: age))
        children[childIndex].firstEntry = Int32(entries.count - 1)
        recorded[file].all += 1
        if status == .incomplete { recorded[file].incomplete += 1 }
        let itemCount = tracker.itemCounts[instrument]
        if codes.count >= itemCount {
            self.codes.append(contentsOf: codes.extracting(0..<itemCount))
        } else {
            self.codes.append(contentsOf: repeatElement(0, count: itemCount))
        }
        use(entries.count - 1, child: childIndex, values: values, excluding: 0, inLogs: true, in: tracker)
        return nil
    }

    /// The index of a child, added when new. Rows of one child usually come together, so the
    /// last child is checked before the lookup.
    mutating func index(ofChild bytes: ByteView, in tracker: FollowUpTracker) -> Int {
        if lastChild >= 0, childTable.isNamed(lastChild, bytes) { return lastChild }
        if !ByteMask.isASCII(bytes) {
            // Ids match as Swift strings compare: by canonical equivalence, so an id is keyed
            // and shown in its NFC form, whatever spelling comes first.
            let id = String(decoding: bytes, as: UTF8.self)
            let key = id.precomposedStringWithCanonicalMapping
            if !key.utf8.elementsEqual(bytes) { return key.withUTF8View { child(keyed: $0, spelled: id, in: tracker) } }
        }
        return child(keyed: bytes, spelled: nil, in: tracker)
    }

    private mutating func child(keyed key: ByteView, spelled id: String?, in tracker: FollowUpTracker) -> Int {
        let (index, inserted) = childTable.insert(key)
        if inserted {
            let nfc = String(decoding: key, as: UTF8.self)
            let registerIndex =
                tracker.register.map { register in
                    register.position(of: ChildID(checked: nfc))
                        ?? id.flatMap { register.position(of: ChildID(checked: $0)) } ?? -1
                } ?? -1
            children.append(FollowUpTracker.ChildState(registerIndex: Int32(registerIndex)))
        }
        lastChild = index
        return index
    }

    /// The id of child `index` (in NFC).
    func childID(_ index: Int) -> String { childTable.id(index) }

    func track(child: Int, scale: Int) -> Int {
        var index = children[child].firstTrack
        while index >= 0, tracks[Int(index)].scale != scale { index = tracks[Int(index)].next }
        return Int(index)
    }

    /// The entries of a child, newest added first.
    func entries(of child: Int) -> [Int] {
        var result: [Int] = []
        var index = children[child].firstEntry
        while index >= 0 {
            result.append(Int(index))
            index = entries[Int(index)].next
        }
        return result
    }
}

extension FollowUpTracker.LogTally {
    /// Counts one log, from its answers' ``ResolvedAnswer/comparisonCode``s.
    mutating func add(_ plan: FollowUpTracker.LogPlan, codes: ArraySlice<UInt8>) {
        let base = codes.startIndex
        logs += 1
        if let visit = ResolvedAnswer.code(fromComparisonCode: codes[base + plan.visitPosition]),
            visit == plan.visitHappenedCode
        {
            visits += 1
        }
        for (index, question) in plan.questions.enumerated() {
            let optionCount = question.options.count
            let code = codes[base + question.position]
            if code == ResolvedAnswer.declinedComparisonCode {
                counts[index][optionCount] += 1
            } else if let value = ResolvedAnswer.code(fromComparisonCode: code),
                let option = question.options.firstIndex(where: { $0.code == value })
            {
                counts[index][option] += 1
            } else {
                counts[index][optionCount + 1] += 1
            }
        }
    }
}
