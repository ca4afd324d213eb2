/// When each measure is due for every child, so that all areas measure at the same intervals:
/// a baseline at match start, then a wave every few months, each with a tolerance window.
///
/// Schedules are data (`Instruments/schedule.json`); a local area can load its own.
///
/// ```swift
/// let schedule = try InstrumentCatalog.builtIn.schedule
/// let wellbeing = schedule?.measure(id: "wellbeing")
/// wellbeing?.dueDate(ofWave: 2, from: CalendarDate(iso: "2026-01-15")!)   // 2027-01-15
/// ```
public struct MeasurementSchedule: Sendable, Hashable {
    public let id: String
    public let version: String
    public let title: String
    public let measures: [ScheduledMeasure]
    public let sources: [Citation]
    /// Where the schedule was read from.
    public let file: String

    public init(id: String, version: String, title: String, measures: [ScheduledMeasure], sources: [Citation], file: String) {
        self.id = id
        self.version = version
        self.title = title
        self.measures = measures
        self.sources = sources
        self.file = file
    }

    /// The measure with this id, or `nil`.
    public func measure(id: String) -> ScheduledMeasure? { measures.first { $0.id == id } }

    /// The measure an instrument counts towards, or `nil` when the schedule does not cover it.
    public func measure(for instrument: InstrumentID) -> ScheduledMeasure? {
        measures.first { $0.instruments.contains(instrument) }
    }
}

/// One measure of a schedule: any of its instruments completes a wave (a WEMWBS or an SWEMWBS
/// both count as the wellbeing questionnaire).
public struct ScheduledMeasure: Sendable, Hashable, Identifiable {
    public let id: String
    public let title: String
    public let instruments: [InstrumentID]
    /// Months between waves; wave 0, the baseline, is due at match start.
    public let everyMonths: Int
    /// An administration counts for a wave when it is at most this many days before or after the
    /// wave's due date. Each administration belongs to the wave whose due date is nearest.
    public let toleranceDays: Int
    /// Citation id for the intervals.
    public let source: String

    public init(id: String, title: String, instruments: [InstrumentID], everyMonths: Int, toleranceDays: Int, source: String) {
        self.id = id
        self.title = title
        self.instruments = instruments
        self.everyMonths = everyMonths
        self.toleranceDays = toleranceDays
        self.source = source
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
