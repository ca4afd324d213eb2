/// A child's change on one scale: baseline, latest, the change, and what it means.
///
/// ```swift
/// for change in tracker.changes() where change.reliableChange == .reliablyImproved {
///     print(change.childID, change.scale, change.change ?? 0)
/// }
/// ```
public struct ScaleChange: Sendable, Hashable {
    public let childID: String
    public let scale: ScaleID
    /// The first scored administration; `nil` when there is none.
    public let baseline: ScaleObservation?
    /// The most recent scored administration; the baseline itself when there is no later one.
    public let latest: ScaleObservation?
    /// Scored administrations used (duplicates and out-of-range dates are not).
    public let administrations: Int
    /// Latest minus baseline, rounded to the scale's decimals; `nil` without a follow-up.
    public let change: Double?
    public let reliableChange: ReliableChangeClass
    public let meaningfulChange: MeaningfulChangeClass
    public let belowValidatedAge: ValidatedAgeFlag
    /// How many of the administrations were taken below the validated age.
    public let administrationsBelowValidatedAge: Int
    /// What a reader of this row needs to know: duplicates not used, children not in the
    /// children file, administrations below validated age.
    public let problems: [String]

    public init(
        childID: String, scale: Scale, baseline: ScaleObservation?, latest: ScaleObservation?, administrations: Int,
        belowValidatedAge: ValidatedAgeFlag, administrationsBelowValidatedAge: Int, problems: [String]
    ) {
        self.childID = childID
        self.scale = scale.id
        self.baseline = baseline
        let followUp = ScaleChange.followUp(from: baseline, to: latest)
        self.latest = followUp ?? baseline
        self.administrations = administrations
        self.belowValidatedAge = belowValidatedAge
        self.administrationsBelowValidatedAge = administrationsBelowValidatedAge
        self.problems = problems
        let classified = ClassifiedChange(
            baseline: baseline?.value, followUp: followUp?.value, decimals: scale.decimals,
            reliableThreshold: scale.change?.reliable?.threshold, meaningfulPoints: scale.change?.meaningful?.points)
        change = classified.change
        reliableChange = classified.reliable
        meaningfulChange = classified.meaningful
    }

    /// The latest administration when it is a follow-up: on a later date than the baseline (a
    /// change is never computed over zero days, such as from two forms of one day); else `nil`.
    public var followUp: ScaleObservation? { ScaleChange.followUp(from: baseline, to: latest) }

    /// `latest` when it is a follow-up of `baseline` (``FollowUpRule``).
    static func followUp(from baseline: ScaleObservation?, to latest: ScaleObservation?) -> ScaleObservation? {
        guard let baseline, let latest,
            FollowUpRule.isFollowUp(baselineDay: baseline.date.daysSinceEpoch, latestDay: latest.date.daysSinceEpoch)
        else { return nil }
        return latest
    }

    /// Days from baseline to latest; `nil` without a follow-up.
    public var daysBetween: Int? {
        guard let baseline, let followUp else { return nil }
        return FollowUpRule.daysBetween(
            baselineDay: baseline.date.daysSinceEpoch, followUpDay: followUp.date.daysSinceEpoch)
    }
}
