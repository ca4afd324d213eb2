/// One child's scores on one scale in date order, with the change between each administration
/// and the next: for tools that hold a child's history in memory. (``FollowUpTracker`` streams
/// whole files and keeps only what the baseline-to-latest change needs; both follow the same
/// duplicate and change rules.)
///
/// ```swift
/// let timeline = Timeline(childID: "C001", scale: wemwbsTotal, observations: [
///     ScaleObservation(date: try CalendarDate(validating: "2026-01-10"), value: 41, band: "possible_depression"),
///     ScaleObservation(date: try CalendarDate(validating: "2026-07-09"), value: 45, band: "average"),
/// ])
/// timeline.steps.first?.meaningfulChange   // .improved (4 points >= 3)
/// timeline.summary().reliableChange        // .noReliableChange (4 is not > 6.80)
/// ```
public struct Timeline: Sendable, Hashable {
    /// One administration to the next.
    public struct Step: Sendable, Hashable {
        /// The earlier observation.
        public let from: ScaleObservation
        /// The later observation.
        public let to: ScaleObservation
        /// Rounded to the scale's decimals.
        public let change: Double
        /// The step's reliable-change class.
        public let reliableChange: ReliableChangeClass
        /// The step's meaningful-change class.
        public let meaningfulChange: MeaningfulChangeClass
    }

    /// The child.
    public let childID: ChildID
    /// The scale's definition (its thresholds classify the steps).
    public let definition: Scale
    /// The scale's id.
    public var scale: ScaleID { definition.id }
    /// In date order: one per date, those that count.
    public let observations: [ScaleObservation]
    /// Observations that repeat one of the same date (same value): reported, never used.
    public let duplicates: [ScaleObservation]
    /// Observations of one date whose values differ: none of them counts, and all are reported.
    public let conflicting: [ScaleObservation]
    /// What the rule did, in date order, as the tracker words it.
    private let notes: [FollowUpNote]

    /// Orders `observations` by date and resolves those of one date by the tracker's duplicate
    /// rule (`SameDayRule`): the same value twice is one administration, different values on
    /// one date mean neither counts. The result does not depend on the order given.
    public init(childID: ChildID, scale: Scale, observations: [ScaleObservation]) {
        self.childID = childID
        definition = scale
        let ordered = observations.enumerated().sorted {
            ($0.element.date, $0.element.value, $0.element.line, $0.offset)
                < ($1.element.date, $1.element.value, $1.element.line, $1.offset)
        }
        let place = { (position: Int) in
            let (offset, observation) = ordered[position]
            return observation.line > 0 ? "line \(observation.line)" : "observation \(offset + 1)"
        }
        var kept: [ScaleObservation] = []
        var duplicates: [ScaleObservation] = []
        var conflicting: [ScaleObservation] = []
        var notes: [FollowUpNote] = []
        var start = 0
        while start < ordered.count {
            let date = ordered[start].element.date
            var end = start + 1
            while end < ordered.count, ordered[end].element.date == date { end += 1 }
            let (used, decisions) = SameDayRule.resolve(count: end - start) { form, other in
                ordered[start + form].element.value == ordered[start + other].element.value
                    ? .contained : .conflicting(reason: "their scores differ")
            }
            var inConflict = Set<Int>()
            for decision in decisions {
                switch decision {
                case .duplicate(let form, let other):
                    duplicates.append(ordered[start + form].element)
                    notes.append(
                        SameDayRule.duplicateNote(
                            form: definition.id.rawValue, date: date, kept: place(start + other),
                            place: place(start + form))
                    )
                case .conflict(let form, let other, let reason):
                    inConflict.formUnion([form, other])
                    notes.append(
                        SameDayRule.conflictNote(
                            kept: (definition.id.rawValue, place(start + other)),
                            other: (definition.id.rawValue, place(start + form)),
                            date: date, reason: reason, scales: [definition.id.rawValue]))
                }
            }
            for form in used {
                if inConflict.contains(form) {
                    conflicting.append(ordered[start + form].element)
                } else {
                    kept.append(ordered[start + form].element)
                }
            }
            start = end
        }
        self.observations = kept
        self.duplicates = duplicates
        self.conflicting = conflicting
        self.notes = notes
    }

    /// The change between each administration and the next.
    public var steps: [Step] {
        zip(observations, observations.dropFirst()).map { from, to in
            let change = definition.change(from: from.value, to: to.value)
            return Step(
                from: from, to: to, change: change, reliableChange: definition.reliableChange(of: change),
                meaningfulChange: definition.meaningfulChange(of: change))
        }
    }

    /// Baseline to latest, classified.
    public func summary(belowValidatedAge: ValidatedAgeFlag = .unknown, administrationsBelowValidatedAge: Int = 0)
        -> ScaleChange
    {
        ScaleChange(
            childID: childID, scale: definition, baseline: observations.first, latest: observations.last,
            administrations: observations.count, belowValidatedAge: belowValidatedAge,
            administrationsBelowValidatedAge: administrationsBelowValidatedAge, problems: notes)
    }
}
