/// One measure of a schedule: any of its instruments completes a wave (a WEMWBS or an SWEMWBS
/// both count as the wellbeing questionnaire).
public struct ScheduledMeasure: Sendable, Hashable, Identifiable {
    /// The measure's id, such as `wellbeing`.
    public let id: MeasureID
    /// The measure's title.
    public let title: String
    /// The instruments that count towards it.
    public let instruments: [InstrumentID]
    /// Months between waves; wave 0, the baseline, is due at match start.
    public let everyMonths: Int
    /// An administration counts for a wave when it is at most this many days before or after the
    /// wave's due date. Each administration belongs to the wave whose due date is nearest.
    public let toleranceDays: Int
    /// Citation id for the intervals.
    public let source: SourceID
    /// Which instruments fit which ages, youngest first; empty when any of ``instruments`` fits any
    /// child (the life-skills supplement, the contact log).
    public let byAge: [AgeRule]

    /// A measure from its parts, whose instruments fit every age.
    public init(
        id: MeasureID, title: String, instruments: [InstrumentID], everyMonths: Int, toleranceDays: Int,
        source: SourceID
    ) {
        self.init(
            id: id, title: title, instruments: instruments, everyMonths: everyMonths, toleranceDays: toleranceDays,
            source: source, byAge: [])
    }

    /// A measure from its parts, with the instruments that fit each age.
    public init(
        id: MeasureID, title: String, instruments: [InstrumentID], everyMonths: Int, toleranceDays: Int,
        source: SourceID, byAge: [AgeRule]
    ) {
        self.byAge = byAge
        self.id = id
        self.title = title
        self.instruments = instruments
        self.everyMonths = everyMonths
        self.toleranceDays = toleranceDays
        self.source = source
    }

    /// The instruments that fit a child of `age` (whole years; `nil` when not known).
    public func dueInstruments(forAge age: Int?) -> DueInstruments {
        guard !byAge.isEmpty else { return .instruments(instruments) }
        guard let age else { return .unknownAge }
        return byAge.first { $0.ages.contains(age: age) }.map { .instruments($0.instruments) } ?? .noneValidated
    }

    /// The date wave `wave` is due, counting from `anchor` (the match start).
    public func dueDate(ofWave wave: Int, from anchor: CalendarDate) -> CalendarDate {
        anchor.adding(months: wave * everyMonths)
    }

    /// The wave whose due date is nearest to `date` (the earlier one on a tie), and the distance
    /// in days; `nil` for a date more than a tolerance before the baseline.
    public func nearestWave(to date: CalendarDate, from anchor: CalendarDate) -> (wave: Int, days: Int)? {
        let day = date.daysSinceEpoch
        guard day >= anchor.daysSinceEpoch - toleranceDays else { return nil }
        // Months are 28 to 31 days: start from an estimate and step to the nearest due date.
        var wave = max(0, (day - anchor.daysSinceEpoch) / max(1, everyMonths * 30))
        func distance(_ wave: Int) -> Int { day - dueDate(ofWave: wave, from: anchor).daysSinceEpoch }
        while wave > 0, distance(wave) < 0, abs(distance(wave - 1)) <= abs(distance(wave)) { wave -= 1 }
        while distance(wave) > 0, abs(distance(wave + 1)) < abs(distance(wave)) { wave += 1 }
        return (wave, distance(wave))
    }
}
