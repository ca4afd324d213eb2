/// One child's scores on one scale in date order, with the change between each administration
/// and the next: for tools that hold a child's history in memory. (``FollowUpTracker`` streams
/// whole files and keeps only what the baseline-to-latest change needs.)
///
/// ```swift
/// let timeline = Timeline(childID: "C001", scale: wemwbsTotal, observations: [
///     ScaleObservation(date: CalendarDate(iso: "2026-01-10")!, value: 41, band: "possible_depression"),
///     ScaleObservation(date: CalendarDate(iso: "2026-07-09")!, value: 45, band: "average"),
/// ])
/// timeline.steps.first?.meaningfulChange   // .improved (4 points >= 3)
/// timeline.summary().reliableChange        // .noReliableChange (4 is not > 6.80)
/// ```
@available(
    *, deprecated,
    message:
        "Timeline keeps a duplicate rule of its own; use FollowUpTracker (the library-API issue decides Timeline's fate)"
)
public struct Timeline: Sendable, Hashable {
    /// One administration to the next.
    public struct Step: Sendable, Hashable {
        public let from: ScaleObservation
        public let to: ScaleObservation
        /// Rounded to the scale's decimals.
        public let change: Double
        public let reliableChange: ReliableChangeClass
        public let meaningfulChange: MeaningfulChangeClass
    }

    public let childID: String
    public let scale: Scale
    /// In date order (input order among equal dates is kept for the first of each date).
    public let observations: [ScaleObservation]
    /// Observations on a date already taken by an earlier one: reported, never used.
    public let duplicates: [ScaleObservation]

    /// Orders `observations` by date; a second observation on the same date is set aside as a duplicate.
    public init(childID: String, scale: Scale, observations: [ScaleObservation]) {
        self.childID = childID
        self.scale = scale
        var kept: [ScaleObservation] = []
        var duplicates: [ScaleObservation] = []
        for observation in observations.enumerated().sorted(by: {
            ($0.element.date, $0.offset) < ($1.element.date, $1.offset)
        }) {
            if kept.last?.date == observation.element.date {
                duplicates.append(observation.element)
            } else {
                kept.append(observation.element)
            }
        }
        self.observations = kept
        self.duplicates = duplicates
    }

    /// The change between each administration and the next.
    public var steps: [Step] {
        zip(observations, observations.dropFirst()).map { from, to in
            let change = scale.change(from: from.value, to: to.value)
            return Step(
                from: from, to: to, change: change, reliableChange: scale.reliableChange(of: change),
                meaningfulChange: scale.meaningfulChange(of: change))
        }
    }

    /// Baseline to latest, classified.
    public func summary(belowValidatedAge: ValidatedAgeFlag = .unknown, administrationsBelowValidatedAge: Int = 0)
        -> ScaleChange
    {
        let problems = duplicates.map { "duplicate administration on \($0.date) not used" }
        return ScaleChange(
            childID: childID, scale: scale, baseline: observations.first, latest: observations.last,
            administrations: observations.count, belowValidatedAge: belowValidatedAge,
            administrationsBelowValidatedAge: administrationsBelowValidatedAge, problems: problems)
    }
}
