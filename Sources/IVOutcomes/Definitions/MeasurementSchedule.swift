/// When each measure is due for every child, so that all areas measure at the same intervals:
/// a baseline at match start, then a wave every few months, each with a tolerance window.
///
/// Schedules are data (`Instruments/schedule.json`); a local area can load its own.
///
/// ```swift
/// let schedule = try InstrumentCatalog.builtIn.schedule
/// let wellbeing = try schedule?.measure(id: "wellbeing")
/// wellbeing?.dueDate(ofWave: 2, from: try CalendarDate(validating: "2026-01-15"))   // 2027-01-15
/// ```
public struct MeasurementSchedule: Sendable, Hashable {
    /// The schedule's id.
    public let id: String
    /// The schedule's version.
    public let version: String
    /// The schedule's title.
    public let title: String
    /// The measures and when each is due.
    public let measures: [ScheduledMeasure]
    /// The sources the schedule cites.
    public let sources: [Citation]
    /// Where the schedule was read from.
    public let file: String

    /// A schedule from its parts.
    public init(
        id: String, version: String, title: String, measures: [ScheduledMeasure], sources: [Citation], file: String
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.measures = measures
        self.sources = sources
        self.file = file
    }

    /// The measure with this id.
    /// - Throws: ``LookupError`` naming the schedule's measures.
    public func measure(id: MeasureID) throws(LookupError) -> ScheduledMeasure {
        try LookupError.find(id, in: measures, kind: "measure", by: \.id)
    }

    /// The measure an instrument counts towards, or `nil` when the schedule does not cover it.
    public func measure(for instrument: InstrumentID) -> ScheduledMeasure? {
        measures.first { $0.instruments.contains(instrument) }
    }
}
