/// One observation per child, scale and date, whatever the order of the rows.
///
/// Rows are added to a child's tracks as they come; a child with two forms of one day that
/// share items is marked, and once all rows are in, its administrations are taken again day by
/// day. Forms of one day that share items (two WEMWBS forms; a WEMWBS and a SWEMWBS form; two
/// contact logs) are compared item by item on their answer codes: a label and its code agree, a blank agrees with
/// anything, `declined` and an answer disagree, free text is never compared.
/// - When one form's answers contain the other's (they agree, and it answered everything the
///   other did), they are one administration: the fuller form is used and the other is its
///   duplicate, not used.
/// - Otherwise (they disagree on an item, or each has answers the other lacks) neither counts
///   for the scales they share on that day (no score is made of two partial forms), and both
///   are reported; two contact logs of one day that disagree are both left out of the tallies.
///
/// Forms are taken fullest first (most items answered), then by instrument, then by their
/// answer codes, then by a fingerprint of the row's fields (free text and spelling included), so
/// the outcome depends on the forms, not on the file's order. Only rows that read exactly the
/// same are told apart by their place in the files, for which of them is named the duplicate.
extension FollowUpTracker.Ledger {
    /// Resolves the children with forms of one day that share items (their tracks, tallies,
    /// notes and problems are built again from all their forms), then counts every entry by what
    /// it became. Every other child's tracks were built as its rows came, in any order.
    mutating func resolve(in tracker: FollowUpTracker) {
        for child in unresolved {
            resolveChild(child, in: tracker)
            children[child].isUnresolved = false
        }
        unresolved.removeAll()
        recount()
        problems = childProblems.values.flatMap { $0 }.sorted {
            ($0.file ?? "", $0.line ?? 0, $0.message) < ($1.file ?? "", $1.line ?? 0, $1.message)
        }
        resolvedEntries = entries.count
    }

    /// Used, incomplete, duplicate and conflicting counts, per file and in all: every entry
    /// recorded is used but for the duplicates.
    private mutating func recount() {
        for file in fileCounts.indices {
            fileCounts[file].used = recorded[file].all
            fileCounts[file].incomplete = recorded[file].incomplete
            fileCounts[file].duplicates = 0
            fileCounts[file].conflicting = 0
        }
        for (index, fate) in fates {
            let entry = entries[Int(index)]
            let file = Int(entry.file)
            switch fate {
            case .duplicate:
                fileCounts[file].duplicates += 1
                fileCounts[file].used -= 1
                if entry.status == .incomplete { fileCounts[file].incomplete -= 1 }
            case .conflicting:
                fileCounts[file].conflicting += 1
            case .counted:
                break
            }
        }
        counts.used = fileCounts.reduce(0) { $0 + $1.used }
        counts.incomplete = fileCounts.reduce(0) { $0 + $1.incomplete }
        counts.duplicates = fileCounts.reduce(0) { $0 + $1.duplicates }
        counts.conflicting = fileCounts.reduce(0) { $0 + $1.conflicting }
    }

    /// Builds one child's tracks, tallies, notes and problems again from all its forms, day by day.
    private mutating func resolveChild(_ child: Int, in tracker: FollowUpTracker) {
        children[child].firstTrack = -1
        logTallies[child] = nil
        notes[child] = nil
        childProblems[child] = nil
        var list = entries(of: child)
        for entry in list { fates[Int32(entry)] = nil }
        list.sort { precedes($0, $1, in: tracker) }
        var start = 0
        while start < list.count {
            var end = start + 1
            while end < list.count, entries[list[end]].day == entries[list[start]].day { end += 1 }
            if end == start + 1 {
                use(list[start], child: child, values: nil, excluding: 0, inLogs: true, in: tracker)
            } else {
                resolveDay(Array(list[start..<end]), child: child, in: tracker)
            }
            start = end
        }
    }

    /// Day first; within a day the fullest form first, then by instrument, then by answer codes,
    /// then by the row's fingerprint, and only then by file and line.
    private func precedes(_ a: Int, _ b: Int, in tracker: FollowUpTracker) -> Bool {
        let x = entries[a]
        let y = entries[b]
        if x.day != y.day { return x.day < y.day }
        let answeredX = answered(a, in: tracker)
        let answeredY = answered(b, in: tracker)
        if answeredX != answeredY { return answeredX > answeredY }
        if x.instrument != y.instrument { return x.instrument < y.instrument }
        let codesX = codes(of: a, in: tracker)
        let codesY = codes(of: b, in: tracker)
        if codesX != codesY { return codesX.lexicographicallyPrecedes(codesY) }
        if x.fingerprint != y.fingerprint { return x.fingerprint < y.fingerprint }
        return (x.file, x.line, a) < (y.file, y.line, b)
    }

    func codes(of entry: Int, in tracker: FollowUpTracker) -> ArraySlice<UInt8> {
        let start = Int(entries[entry].firstCode)
        return codes[start..<(start + tracker.itemCounts[Int(entries[entry].instrument)])]
    }

    private func answered(_ entry: Int, in tracker: FollowUpTracker) -> Int {
        codes(of: entry, in: tracker).lazy.filter { $0 != 0 }.count
    }

    /// How form `entry` stands to an earlier form `kept` of the same day (``SameDayRule``).
    private func relation(of entry: Int, to kept: Int, in tracker: FollowUpTracker) -> SameDayRule.Relation {
        let instruments = tracker.catalog.instruments
        let a = Int(entries[entry].instrument)
        let b = Int(entries[kept].instrument)
        let shared = tracker.sharedItems[a * instruments.count + b]
        if shared.isEmpty { return .apart }
        let mine = codes(of: entry, in: tracker)
        let theirs = codes(of: kept, in: tracker)
        // Each position of `entry` is in `shared` at most once, so `entry` answered nothing
        // `kept` did not exactly when every answer of `entry` is met by one of `kept`.
        var answeredInBoth = 0
        for (position, other) in shared {
            let x = mine[mine.startIndex + position]
            let y = theirs[theirs.startIndex + other]
            guard x != 0, y != 0 else { continue }
            if x != y { return .conflicting(reason: "they disagree on \(instruments[a].items[position].id)") }
            answeredInBoth += 1
        }
        if answeredInBoth < answered(entry, in: tracker) {
            return .conflicting(reason: "each has answers the other lacks")
        }
        return .contained
    }

    /// Resolves the forms of one child and day, in ``precedes(_:_:in:)`` order, by the
    /// ``SameDayRule``, and adds what counts to the tracks and tallies.
    private mutating func resolveDay(_ group: [Int], child: Int, in tracker: FollowUpTracker) {
        let (kept, decisions) = SameDayRule.resolve(count: group.count) {
            relation(of: group[$0], to: group[$1], in: tracker)
        }
        // Per form: the scales (positions in its instrument) it does not count for, and whether
        // it counts in the log tallies.
        var excluded = [UInt64](repeating: 0, count: group.count)
        var inLogs = [Bool](repeating: true, count: group.count)
        for decision in decisions {
            switch decision {
            case .duplicate(let form, let other):
                fates[Int32(group[form])] = .duplicate
                report(group[form], repeating: group[other], child: child, in: tracker)
            case .conflict(let form, let other, let reason):
                let entry = group[form]
                let shared = sharedScales(entries[entry].instrument, entries[group[other]].instrument, in: tracker)
                excluded[form] |= shared.mine
                excluded[other] |= shared.theirs
                inLogs[form] = false
                inLogs[other] = false
                report(
                    entry, conflictingWith: group[other], reason: reason, scales: shared.slots, child: child,
                    in: tracker)
            }
        }
        for form in kept {
            use(group[form], child: child, values: nil, excluding: excluded[form], inLogs: inLogs[form], in: tracker)
        }
    }

    /// The scales two instruments share: positions in each (as bits), and the followed slots.
    private func sharedScales(_ a: UInt8, _ b: UInt8, in tracker: FollowUpTracker) -> (
        mine: UInt64, theirs: UInt64, slots: [Int]
    ) {
        let slotsA = tracker.scaleSlots[Int(a)]
        let slotsB = tracker.scaleSlots[Int(b)]
        let idsA = tracker.catalog.instruments[Int(a)].scales.map(\.id)
        let idsB = tracker.catalog.instruments[Int(b)].scales.map(\.id)
        let common = Set(idsA).intersection(idsB)
        let mine = idsA.indices.filter { common.contains(idsA[$0]) }
        let theirs = idsB.indices.filter { common.contains(idsB[$0]) }
        let slots = Set(mine.map { slotsA[$0] } + theirs.map { slotsB[$0] }).filter { $0 >= 0 }.sorted()
        return (mask(mine), mask(theirs), slots)
    }

    private func mask(_ positions: [Int]) -> UInt64 { positions.reduce(0) { $0 | (1 << UInt64($1 & 63)) } }

    private func place(_ entry: Int) -> String {
        let file = files[Int(entries[entry].file)]
        if entries[entry].line < 0 {
            return "administration \(Int(entries[entry].line) - Int(Int32.min)) added in memory"
        }
        let line = "line \(entries[entry].line)"
        return file.isEmpty || files.count == 1 ? line : "\(file) \(line)"
    }

    private mutating func report(_ entry: Int, repeating other: Int, child: Int, in tracker: FollowUpTracker) {
        let instruments = tracker.catalog.instruments
        let date = CalendarDate(daysSinceEpoch: Int(entries[entry].day))
        let mine = instruments[Int(entries[entry].instrument)].id
        let theirs = instruments[Int(entries[other].instrument)].id
        let form = mine == theirs ? "\(mine)" : "\(mine) (its answers are all in the \(theirs) form)"
        let slots = tracker.scaleSlots[Int(entries[entry].instrument)].filter { $0 >= 0 }
        notes[child, default: []].append(
            FollowUpTracker.Note(
                scales: slots,
                note: SameDayRule.duplicateNote(form: form, date: date, kept: place(other), place: place(entry))))
        childProblems[child, default: []].append(
            RowProblem(
                code: .rowDuplicate, file: files[Int(entries[entry].file)], line: Int(entries[entry].line), column: nil,
                message:
                    "duplicate: the same child and date as \(place(other)), whose \(theirs) form holds all these answers; not used"
            ))
    }

    private mutating func report(
        _ entry: Int, conflictingWith other: Int, reason: String, scales: [Int], child: Int, in tracker: FollowUpTracker
    ) {
        let instruments = tracker.catalog.instruments
        let date = CalendarDate(daysSinceEpoch: Int(entries[entry].day))
        let mine = instruments[Int(entries[entry].instrument)].id
        let theirs = instruments[Int(entries[other].instrument)].id
        let names = scales.map { tracker.scales[$0].id.rawValue }
        let left = SameDayRule.consequence(names)
        notes[child, default: []].append(
            FollowUpTracker.Note(
                scales: scales,
                note: SameDayRule.conflictNote(
                    kept: (theirs.rawValue, place(other)), other: (mine.rawValue, place(entry)), date: date,
                    reason: reason, scales: names)))
        for (one, another, id) in [(entry, other, theirs), (other, entry, mine)] {
            fates[Int32(one)] = .conflicting
            childProblems[child, default: []].append(
                RowProblem(
                    code: .rowFormsDisagree, file: files[Int(entries[one].file)], line: Int(entries[one].line),
                    column: nil,
                    message: "the same child and date as the \(id) form on \(place(another)), but \(reason): \(left)"))
        }
    }

    /// The scale values of an entry, scored again from its answer codes with its file's options
    /// (the same engine and answers, so the same values as when the row was read).
    func values(of index: Int, in tracker: FollowUpTracker) -> [Double] {
        let entry = entries[index]
        let instrument = tracker.catalog.instruments[Int(entry.instrument)]
        let engine = ScoringEngine(instrument: instrument, options: fileOptions[Int(entry.file)])
        let answers = zip(instrument.items, codes(of: index, in: tracker)).map {
            ResolvedAnswer(comparisonCode: $1, of: $0)
        }
        var outcomes = [ScaleOutcome](repeating: ScaleOutcome(), count: instrument.scales.count)
        _ = engine.compute(answers, into: &outcomes)
        return outcomes.map(\.scoredValueOrNaN)
    }

    /// Adds a form that counts: to its scales' tracks (less those excluded) and the log tallies.
    /// `values` are its scale values, or `nil` to score its codes again; `excluded` has bit `p`
    /// set for scale position `p` of the instrument.
    mutating func use(
        _ index: Int, child: Int, values given: BufferView<Double>?, excluding excluded: UInt64, inLogs: Bool,
        in tracker: FollowUpTracker
    ) {
        let entry = entries[index]
        let instrument = Int(entry.instrument)
        instrumentsSeen[instrument] = true
        let plan = tracker.rowPlans[instrument]
        let scored = given == nil ? values(of: index, in: tracker) : []
        for position in 0..<plan.slotCount where excluded & (1 << UInt64(position & 63)) == 0 {
            let value = given?[position] ?? scored[position]
            let slot = tracker.slotList[plan.firstSlot + position]
            guard slot >= 0, !value.isNaN else { continue }
            update(
                child: child, scale: slot, with: FollowUpTracker.Point(day: entry.day, line: entry.line, value: value),
                age: entry.age)
        }
        if inLogs, plan.hasLog, let log = tracker.logPlans[instrument],
            tracker.options.logPeriod.map({ $0.contains(CalendarDate(daysSinceEpoch: Int(entry.day))) }) ?? true
        {
            var tally =
                logTallies[child]?[instrument]
                ?? FollowUpTracker.LogTally(
                    counts: log.questions.map { [Int](repeating: 0, count: $0.options.count + 2) })
            tally.add(log, codes: codes(of: index, in: tracker))
            logTallies[child, default: [:]][instrument] = tally
        }
    }

    private mutating func update(
        child: Int, scale: Int, with point: FollowUpTracker.Point, age: FollowUpTracker.AgeState
    ) {
        // Read once, changed as a local, written once.
        let found = track(child: child, scale: scale)
        var track =
            found >= 0
            ? tracks[found]
            : FollowUpTracker.Track(scale: Int32(scale), next: children[child].firstTrack, first: point, last: point)
        track.count += 1
        // One day gives a scale at most one value once resolved (forms that share a scale are
        // merged or set aside), so the earliest and latest points do not depend on the order.
        if point.day < track.first.day { track.first = point }
        if point.day > track.last.day { track.last = point }
        switch age {
        case .below: track.below += 1
        case .above: track.above += 1
        case .unknown: track.ageUnknown += 1
        case .notValidated: track.notValidated += 1
        case .within: break
        }
        if found >= 0 {
            tracks[found] = track
        } else {
            tracks.append(track)
            children[child].firstTrack = Int32(tracks.count - 1)
        }
    }
}
