/// A child's change on one scale: baseline, latest, the change, and what it means.
///
/// ```swift
/// for change in tracker.changes() where change.reliableChange == .reliablyImproved {
///     print(change.childID, change.scale, change.change ?? 0)
/// }
/// ```
public struct ScaleChange: Sendable, Hashable {
    /// The child.
    public let childID: ChildID
    /// The scale.
    public let scale: ScaleID
    /// The first scored administration; `nil` when there is none.
    public let baseline: ScaleObservation?
    /// The most recent scored administration; the baseline itself when there is no later one.
    public let latest: ScaleObservation?
    /// Scored administrations used (duplicates and out-of-range dates are not).
    public let administrations: Int
    /// Latest minus baseline, rounded to the scale's decimals; `nil` without a follow-up.
    public let change: Double?
    /// The change's reliable-change class.
    public let reliableChange: ReliableChangeClass
    /// The change's meaningful-change class.
    public let meaningfulChange: MeaningfulChangeClass
    /// Whether any administration was below the instrument's validated age.
    public let belowValidatedAge: ValidatedAgeFlag
    /// How many of the administrations were taken below the validated age.
    public let administrationsBelowValidatedAge: Int
    /// Whether any administration was above the oldest validated age of an instrument that has
    /// one (SCWBS over 15); ``ValidatedAgeFlag/no`` for instruments without an upper age.
    public let aboveValidatedAge: ValidatedAgeFlag
    /// How many of the administrations were taken above the oldest validated age.
    public let administrationsAboveValidatedAge: Int
    /// What a reader of this row needs to know: duplicates not used, children not in the
    /// children file, administrations below validated age.
    public let problems: [FollowUpNote]

    /// The latest administration when it is a follow-up: on a later date than the baseline (a
    /// change is never computed over zero days, such as from two forms of one day); else `nil`.
    public let followUp: ScaleObservation?
    /// Days from baseline to latest; `nil` without a follow-up.
    public let daysBetween: Int?

    /// A change from observations a caller already has, whose ages above the validated ones
    /// are not known (``aboveValidatedAge`` is ``ValidatedAgeFlag/unknown``). Their bands are kept as given.
    public init(
        childID: ChildID, scale: Scale, baseline: ScaleObservation?, latest: ScaleObservation?, administrations: Int,
        belowValidatedAge: ValidatedAgeFlag, administrationsBelowValidatedAge: Int, problems: [FollowUpNote]
    ) {
        self.init(
            childID: childID, scale: scale, baseline: baseline, latest: latest, administrations: administrations,
            belowValidatedAge: belowValidatedAge, administrationsBelowValidatedAge: administrationsBelowValidatedAge,
            aboveValidatedAge: .unknown, administrationsAboveValidatedAge: 0, problems: problems)
    }

    /// A change from observations a caller already has, with both validated-age flags. Their
    /// bands are kept as given.
    ///
    /// ```swift
    /// let change = ScaleChange(
    ///     childID: "C001", scale: scwbsTotal, baseline: first, latest: last, administrations: 2,
    ///     belowValidatedAge: .no, administrationsBelowValidatedAge: 0,
    ///     aboveValidatedAge: .no, administrationsAboveValidatedAge: 0, problems: [])
    /// ```
    public init(
        childID: ChildID, scale: Scale, baseline: ScaleObservation?, latest: ScaleObservation?, administrations: Int,
        belowValidatedAge: ValidatedAgeFlag, administrationsBelowValidatedAge: Int,
        aboveValidatedAge: ValidatedAgeFlag, administrationsAboveValidatedAge: Int, problems: [FollowUpNote]
    ) {
        let moment = { (observation: ScaleObservation) in
            ChangeRow.Moment(day: observation.date.daysSinceEpoch, value: observation.value)
        }
        let row = ChangeRow(
            baseline: baseline.map(moment), latest: latest.map(moment), rule: ChangeRow.Rule(scale),
            ageFlag: belowValidatedAge, aboveFlag: aboveValidatedAge)
        self.init(
            childID: childID, scale: scale.id, row: row, baseline: baseline,
            followUp: row.followUp == nil ? nil : latest, administrations: administrations,
            administrationsBelowValidatedAge: administrationsBelowValidatedAge,
            administrationsAboveValidatedAge: administrationsAboveValidatedAge, problems: problems)
    }

    /// A change as ``ChangeRow`` worked it out, with the observations it was worked out from.
    init(
        childID: ChildID, scale: ScaleID, row: ChangeRow, baseline: ScaleObservation?, followUp: ScaleObservation?,
        administrations: Int, administrationsBelowValidatedAge: Int, administrationsAboveValidatedAge: Int,
        problems: [FollowUpNote]
    ) {
        self.childID = childID
        self.scale = scale
        self.baseline = baseline
        self.followUp = followUp
        latest = followUp ?? baseline
        self.administrations = administrations
        belowValidatedAge = row.ageFlag
        self.administrationsBelowValidatedAge = administrationsBelowValidatedAge
        aboveValidatedAge = row.aboveFlag
        self.administrationsAboveValidatedAge = administrationsAboveValidatedAge
        self.problems = problems
        change = row.classified.change
        reliableChange = row.classified.reliable
        meaningfulChange = row.classified.meaningful
        daysBetween = row.daysBetween
    }
}
