/// Where one child stands against one measure of the schedule, worked out from the child's
/// details and administrations alone (a pure function of them): the anchor the waves count from,
/// which administration fills which wave, the waves due by the report date, and the notes.
extension ScheduleStatus {
    /// - Parameters:
    ///   - administered: the child's administrations of the measure's instruments (not
    ///     duplicates), by day and index in `instruments`, in order.
    ///   - asOf: the report date, in days since the epoch.
    init(
        child: ChildID, measure: ScheduledMeasure, details: ChildDetails?,
        administered: [(day: Int, instrument: Int)], instruments: [InstrumentID], asOf: Int
    ) {
        var problems: [FollowUpNote] = []
        let (anchor, anchorDate) = ScheduleStatus.anchor(
            details: details, firstDay: administered.first?.day, problems: &problems)
        guard let anchorDate else {
            self.init(
                childID: child, measure: measure.id, anchor: anchor, anchorDate: nil, waves: [], outsideWindow: [],
                nextDueOn: nil, problems: problems, dueInstruments: nil)
            return
        }
        let (doneOn, outside) = ScheduleStatus.place(administered.map(\.day), in: measure, from: anchorDate)
        let end = details?.matchEnd?.daysSinceEpoch ?? Int.max
        let (waves, nextDue) = ScheduleStatus.waves(
            of: measure, from: anchorDate, until: end, doneOn: doneOn, asOf: asOf)
        if let matchEnd = details?.matchEnd, matchEnd.daysSinceEpoch <= asOf {
            problems.append(
                FollowUpNote(code: .scheduleMatchEnded, message: "match ended \(matchEnd): no wave expected after it"))
        }
        let due = nextDue.map { measure.dueInstruments(forAge: details?.age(on: $0)) }
        if let nextDue, case .instruments(let fitting) = due, let last = administered.last,
            !fitting.contains(instruments[last.instrument])
        {
            let age = details?.age(on: nextDue).map { " (age \($0))" } ?? ""
            problems.append(
                FollowUpNote(
                    code: .scheduleInstrumentChanges,
                    message:
                        "next wave (due \(nextDue))\(age) moves from \(instruments[last.instrument]) to \(DueInstruments.instruments(fitting)): a new series starts, never compared with the old one"
                ))
        }
        self.init(
            childID: child, measure: measure.id, anchor: anchor, anchorDate: anchorDate, waves: waves,
            outsideWindow: outside, nextDueOn: nextDue, problems: problems, dueInstruments: due)
    }

    /// What the waves count from: a waiting child's referral, a matched child's match start, else
    /// the first administration (with a note), else nothing (with a note).
    private static func anchor(details: ChildDetails?, firstDay: Int?, problems: inout [FollowUpNote])
        -> (Anchor, CalendarDate?)
    {
        let waiting = details?.isWaiting ?? false
        let start = waiting ? details?.referredOn : details?.matchStart
        let startName = waiting ? "referral date (referred_on)" : "match start"
        if let start { return (waiting ? .referredOn : .matchStart, start) }
        if let firstDay {
            problems.append(
                FollowUpNote(
                    code: waiting ? .scheduleNoReferralDate : .scheduleNoMatchStart,
                    message: "no \(startName) in the children file: waves counted from the first administration"))
            return (.firstAdministration, CalendarDate(daysSinceEpoch: firstDay))
        }
        problems.append(
            FollowUpNote(
                code: .scheduleNoAnchor, message: "no \(startName) and no administration: no wave can be placed"))
        return (.unknown, nil)
    }

    /// Each administration in its nearest wave when within the tolerance (the first one fills
    /// the wave), or outside every window.
    private static func place(_ days: [Int], in measure: ScheduledMeasure, from anchor: CalendarDate)
        -> (doneOn: [Int: CalendarDate], outside: [CalendarDate])
    {
        var doneOn: [Int: CalendarDate] = [:]
        var outside: [CalendarDate] = []
        for day in days {
            let date = CalendarDate(daysSinceEpoch: day)
            if let (wave, distance) = measure.nearestWave(to: date, from: anchor),
                abs(distance) <= measure.toleranceDays
            {
                if doneOn[wave] == nil { doneOn[wave] = date }
            } else {
                outside.append(date)
            }
        }
        return (doneOn, outside)
    }

    /// The waves whose window has opened by `asOf` (none after the match's end), each done,
    /// overdue or due now, and the next one due.
    private static func waves(
        of measure: ScheduledMeasure, from anchor: CalendarDate, until end: Int, doneOn: [Int: CalendarDate], asOf: Int
    ) -> (waves: [Wave], nextDue: CalendarDate?) {
        var waves: [Wave] = []
        var nextDue: CalendarDate?
        var number = 0
        while true {
            let due = measure.dueDate(ofWave: number, from: anchor)
            let dueDay = due.daysSinceEpoch
            if dueDay > end { break }
            if dueDay - measure.toleranceDays > asOf {
                if nextDue == nil { nextDue = due }
                break
            }
            let state: Wave.State
            if doneOn[number] != nil {
                state = .done
            } else if dueDay + measure.toleranceDays < asOf {
                state = .overdue
            } else {
                state = .dueNow
                if nextDue == nil { nextDue = due }
            }
            waves.append(Wave(number: number, dueOn: due, state: state, administeredOn: doneOn[number]))
            number += 1
        }
        return (waves, nextDue)
    }
}
