import Foundation

extension FollowUpTracker {
    /// Every child in id order (by UTF-8 bytes, as databases sort): children seen in the rows,
    /// and children of the register without any row (so that no child is dropped).
    var childOrder: [(id: String, state: Int?)] {
        let ledger = resolved
        return sortedChildren.map { (childID($0, in: ledger), $0.state) }
    }

    /// ``childOrder`` as entries: a child of the rows by its number, a child of the register
    /// without rows by its position in the register. Sorted by each id's first
    /// eight bytes as a number (byte order), the whole ids only on a tie, without making a
    /// `String` for the ids of the rows.
    var sortedChildren: [ChildEntry] {
        let ledger = resolved
        let table = ledger.childTable
        var keyed: [(prefix: UInt64, entry: ChildEntry)] = []
        keyed.reserveCapacity(ledger.children.count)
        for index in ledger.children.indices { keyed.append((table.sortPrefix(index), .tracked(index))) }
        // Register children without rows (looked up as the tracker keys ids: in NFC).
        for (position, child) in (register?.children ?? []).enumerated() {
            let key = child.id.rawValue.precomposedStringWithCanonicalMapping
            if key.withUTF8View({ table.index(of: $0) }) == nil {
                keyed.append((FollowUpTracker.sortPrefix(child.id.rawValue), .registerOnly(position)))
            }
        }
        keyed.sort {
            $0.prefix != $1.prefix
                ? $0.prefix < $1.prefix
                : childID($0.entry, in: ledger).utf8.lexicographicallyPrecedes(childID($1.entry, in: ledger).utf8)
        }
        return keyed.map(\.entry)
    }

    /// The id of an entry of ``sortedChildren``.
    func childID(_ entry: ChildEntry, in ledger: Ledger) -> String {
        switch entry {
        case .tracked(let index): return ledger.childID(index)
        case .registerOnly(let position): return register?.children[position].id.rawValue ?? ""
        }
    }

    /// The first eight UTF-8 bytes of an id, big-endian, padded with zeros: ordering these numbers
    /// orders the ids by their first eight bytes.
    private static func sortPrefix(_ id: String) -> UInt64 {
        id.withUTF8View(ChildTable.sortPrefix)
    }

    /// The scales followed in the rows given: the outcome scales of the instruments used (intermediate steps and validity checks left out).
    public var scalesUsed: [Scale] {
        let used = Set(
            catalog.instruments.indices.filter { instrumentsSeen[$0] }.flatMap { scaleSlots[$0].filter { $0 >= 0 } })
        return scales.indices.filter(used.contains).map { scales[$0] }
    }

    /// One change per child and scale followed, by child id then scale. Children with a single
    /// administration are reported as ``ReliableChangeClass/noFollowUpYet``, never dropped.
    public func changes() -> [ScaleChange] {
        var result: [ScaleChange] = []
        forEachChange { result.append($0) }
        return result
    }

    /// Calls `body` with each of ``changes()`` in turn, without holding them all.
    public func forEachChange<Failure: Error>(_ body: (ScaleChange) throws(Failure) -> Void) throws(Failure) {
        try forEachChangeWithScale { change, _ throws(Failure) in try body(change) }
    }

    /// Calls `body` with each change and its scale.
    func forEachChangeWithScale<Failure: Error>(_ body: (ScaleChange, Scale) throws(Failure) -> Void) throws(Failure) {
        let context = ChangeContext(self)
        for entry in sortedChildren {
            let child = ChildChanges(entry: entry, tracker: self, context: context)
            let id = childID(entry, in: context.ledger)
            for position in context.followed.indices {
                try body(change(of: child, id: id, position: position, in: context), context.scales[position])
            }
        }
    }

    /// What every child's changes are worked out with, prepared once.
    struct ChangeContext {
        let ledger: Ledger
        /// The scales followed, read in place.
        let scales: FixedArray<Scale>
        /// The scales followed (indices in ``FollowUpTracker/scales``), the instruments that own
        /// each, their validated ages as text, and whether none of them is validated.
        let followed: [Int]
        let owners: [Set<Int>]
        let ages: [String]
        let limits: [ChangeRow.AgeLimits]
        /// The change rule of each scale followed.
        let rules: [ChangeRow.Rule]

        init(_ tracker: FollowUpTracker) {
            ledger = tracker.resolved
            let catalog = tracker.catalog
            followed = tracker.scalesUsed.compactMap { scale in tracker.scales.firstIndex { $0.id == scale.id } }
            scales = FixedArray(followed.map { tracker.scales[$0] })
            owners = followed.map { slot in
                Set(catalog.instruments.indices.filter { tracker.scaleSlots[$0].contains(slot) })
            }
            ages = owners.map { owners in
                Set(owners.compactMap { catalog.instruments[$0].validatedAges?.description }).sorted().joined(
                    separator: ", ")
            }
            limits = owners.map { owners in
                ChangeRow.AgeLimits(
                    allUnvalidated: owners.allSatisfy { catalog.instruments[$0].validatedAges == nil },
                    hasMaximum: owners.contains { catalog.instruments[$0].validatedAges?.maximum != nil })
            }
            rules = followed.map { ChangeRow.Rule(tracker.scales[$0]) }
        }

        /// A child's change on followed scale `position`, from its track (or none).
        @inline(__always)
        func row(of track: Track?, position: Int) -> ChangeRow {
            ChangeRow(track: track, rule: rules[position], limits: limits[position])
        }
    }

    /// What one child's changes share: its state and the notes on its rows.
    struct ChildChanges {
        let state: Int?
        let notInRegister: Bool
        let notes: [Note]?

        /// The child of an entry of ``sortedChildren``.
        init(entry: ChildEntry, tracker: FollowUpTracker, context: ChangeContext) {
            state = entry.state
            let ledger = context.ledger
            notInRegister = tracker.register != nil && (state.map { ledger.children[$0].registerIndex < 0 } ?? false)
            notes = ledger.notes.isEmpty ? nil : state.flatMap { ledger.notes[$0] }
        }

        /// The child's track of followed scale `position`, if it has one.
        func track(_ position: Int, in context: ChangeContext) -> Track? {
            guard let state else { return nil }
            let index = context.ledger.track(child: state, scale: context.followed[position])
            return index >= 0 ? context.ledger.tracks[index] : nil
        }
    }

    /// A child's change on followed scale `position`.
    func change(of child: ChildChanges, id: String, position: Int, in context: ChangeContext) -> ScaleChange {
        let track = child.track(position, in: context)
        let row = context.row(of: track, position: position)
        let bands = context.rules[position].bands
        let observation = { (point: Point, band: Int?) in
            ScaleObservation(
                date: CalendarDate(daysSinceEpoch: Int(point.day)), value: point.value,
                band: band.flatMap { bands?.bands[$0].id }, line: max(0, Int(point.line)))
        }
        return ScaleChange(
            childID: ChildID(checked: id), scale: context.scales[position].id, row: row,
            baseline: track.map { observation($0.first, row.bandFrom) },
            followUp: row.followUp == nil ? nil : track.map { observation($0.last, row.bandTo) },
            administrations: Int(track?.count ?? 0), administrationsBelowValidatedAge: Int(track?.below ?? 0),
            administrationsAboveValidatedAge: Int(track?.above ?? 0),
            problems: problems(of: child, track: track, position: position, in: context))
    }

    /// What a reader of a child's change row on followed scale `position` needs to know: notes on
    /// its rows (duplicates), a child missing from the register, administrations below the
    /// validated age. Empty (and not allocated) for most rows.
    func problems(of child: ChildChanges, track: Track?, position: Int, in context: ChangeContext) -> [FollowUpNote] {
        var problems: [FollowUpNote] = []
        if let notes = child.notes {
            problems = notes.filter { $0.scales.contains(context.followed[position]) }.map(\.note)
        }
        if child.notInRegister {
            problems.append(FollowUpNote(code: .childNotInRegister, message: "not in the children file: age unknown"))
        }
        if let track, track.below > 0 {
            problems.append(
                FollowUpNote(
                    code: .belowValidatedAge,
                    message:
                        "\(track.below) of \(track.count) administrations below the validated age (\(context.ages[position])): interpret with care"
                ))
        }
        if let track, track.above > 0 {
            problems.append(
                FollowUpNote(
                    code: .aboveValidatedAge,
                    message:
                        "\(track.above) of \(track.count) administrations above the validated age (\(context.ages[position])): interpret with care"
                ))
        }
        return problems
    }

    /// A child's administrations of a measure (duplicates left out), by day: the day and the
    /// instrument's index in the catalogue.
    private func administrations(of child: Int?, measure: Int, in ledger: Ledger) -> [(day: Int, instrument: Int)] {
        guard let child else { return [] }
        return ledger.entries(of: child)
            .filter {
                ledger.fates[Int32($0)] != .duplicate && measureSlots[Int(ledger.entries[$0].instrument)] == measure
            }
            .map { (Int(ledger.entries[$0].day), Int(ledger.entries[$0].instrument)) }
            .sorted { ($0.day, $0.instrument) < ($1.day, $1.instrument) }
    }

    /// Where each child stands against the schedule for each measure used in the rows, as of
    /// ``FollowUpOptions/asOf``. Empty without a schedule.
    public func schedule() -> [ScheduleStatus] {
        var result: [ScheduleStatus] = []
        forEachScheduleStatus { result.append($0) }
        return result
    }

    /// Calls `body` with each of ``schedule()`` in turn, without holding them all.
    public func forEachScheduleStatus(_ body: (ScheduleStatus) -> Void) {
        guard let schedule = catalog.schedule else { return }
        let usedMeasures = Set(catalog.instruments.indices.filter { instrumentsSeen[$0] }.map { measureSlots[$0] })
        let asOf = options.asOf.daysSinceEpoch
        let ledger = resolved
        let instruments = catalog.instruments.map(\.id)
        for (id, state) in childOrder {
            let details = register?[ChildID(checked: id)]
            for (measureIndex, measure) in schedule.measures.enumerated() where usedMeasures.contains(measureIndex) {
                body(
                    ScheduleStatus(
                        child: ChildID(checked: id), measure: measure, details: details,
                        administered: administrations(of: state, measure: measureIndex, in: ledger),
                        instruments: instruments, asOf: asOf))
            }
        }
    }

    /// Per child and outcome, what the contact logs said (in ``FollowUpOptions/logPeriod``).
    /// Children with no log in the period are listed with zero counts. Free text is never read.
    public func logSummaries() -> [LogSummary] {
        let logInstruments = catalog.instruments.indices.filter { instrumentsSeen[$0] && logPlans[$0] != nil }
        var result: [LogSummary] = []
        for (id, state) in childOrder {
            for instrument in logInstruments {
                guard let plan = logPlans[instrument] else { continue }
                let tally = state.flatMap { logTallies[$0]?[instrument] }
                for (index, question) in plan.questions.enumerated() {
                    let counts = tally?.counts[index] ?? [Int](repeating: 0, count: question.options.count + 2)
                    let optionCounts = Array(counts.prefix(question.options.count))
                    let positive = zip(question.options, optionCounts).filter { plan.positiveCodes.contains($0.0.code) }
                        .map(\.1)
                    result.append(
                        LogSummary(
                            childID: ChildID(checked: id), outcome: question.outcome, logs: tally?.logs ?? 0,
                            visitsHappened: tally?.visits ?? 0,
                            options: question.options, counts: optionCounts, positive: positive.reduce(0, +),
                            declined: counts[question.options.count], unanswered: counts[question.options.count + 1]))
                }
            }
        }
        return result
    }
}
