/// One child's change on one scale, worked out once for every way it is written: whether the
/// latest administration is a follow-up, the change and its classes, the bands at baseline and
/// follow-up, the days between, and the validated-age flags.
///
/// ``ScaleChange`` (the API, and the JSON Lines writer through it) is built from one; the CSV rows
/// of ``FollowUpTracker/writeChanges(to:format:)`` are written from one without building a
/// ``ScaleChange``. Nothing else decides these.
struct ChangeRow {
    /// What a scale's change rows need of it, prepared once per scale (a class, so that taking
    /// it from a table for each row costs one reference count, not one per field).
    final class Rule: Sendable {
        let decimals: Int
        let reliableThreshold: Double?
        let meaningfulPoints: Double?
        let bands: BandSet?

        init(_ scale: Scale) {
            decimals = scale.decimals
            reliableThreshold = scale.change?.reliable?.threshold
            meaningfulPoints = scale.change?.meaningful?.points
            bands = scale.bands
        }
    }

    /// A scored administration as a change needs it.
    struct Moment {
        let day: Int
        let value: Double
    }

    let baseline: Moment?
    /// The latest administration when it is a follow-up: dated later than the baseline. A change
    /// is never computed over zero days (such as from two forms of one day).
    let followUp: Moment?
    let classified: ClassifiedChange
    /// Positions in the rule's bands of the baseline's and the follow-up's values.
    let bandFrom: Int?
    let bandTo: Int?
    let ageFlag: ValidatedAgeFlag
    let aboveFlag: ValidatedAgeFlag

    /// `baseline` is `nil` without any scored administration; `latest` is the last one (the
    /// baseline itself when there is only one).
    @inline(__always)
    init(baseline: Moment?, latest: Moment?, rule: Rule, ageFlag: ValidatedAgeFlag, aboveFlag: ValidatedAgeFlag) {
        self.baseline = baseline
        let followUp: Moment? =
            if let baseline, let latest, latest.day > baseline.day { latest } else { nil }
        self.followUp = followUp
        classified = ClassifiedChange(
            baseline: baseline?.value, followUp: followUp?.value, decimals: rule.decimals,
            reliableThreshold: rule.reliableThreshold, meaningfulPoints: rule.meaningfulPoints)
        if let bands = rule.bands {
            bandFrom = baseline.flatMap { bands.index(for: $0.value) }
            bandTo = followUp.flatMap { bands.index(for: $0.value) }
        } else {
            bandFrom = nil
            bandTo = nil
        }
        self.ageFlag = ageFlag
        self.aboveFlag = aboveFlag
    }

    /// What the instruments that hold a scale say about ages.
    struct AgeLimits {
        /// No instrument that holds the scale is validated.
        let allUnvalidated: Bool
        /// Some instrument that holds it has an oldest validated age.
        let hasMaximum: Bool
    }

    /// The change of a child's track of a scale (or of none), as the tracker holds it.
    @inline(__always)
    init(track: FollowUpTracker.Track?, rule: Rule, limits: AgeLimits) {
        self.init(
            baseline: track.map { Moment(day: Int($0.first.day), value: $0.first.value) },
            latest: track.map { Moment(day: Int($0.last.day), value: $0.last.value) }, rule: rule,
            ageFlag: ChangeRow.ageFlag(of: track, outside: track?.below ?? 0, allUnvalidated: limits.allUnvalidated),
            aboveFlag: limits.hasMaximum || limits.allUnvalidated
                ? ChangeRow.ageFlag(of: track, outside: track?.above ?? 0, allUnvalidated: limits.allUnvalidated) : .no)
    }

    /// Days from the baseline to its follow-up; `nil` without a follow-up.
    var daysBetween: Int? {
        guard let baseline, let followUp else { return nil }
        return followUp.day - baseline.day
    }

    /// Whether a child's administrations of a scale were outside the validated ages (`outside`
    /// of them below, or above): yes when any was, unknown when any age is unknown, not
    /// validated when no instrument used is.
    @inline(__always)
    private static func ageFlag(of track: FollowUpTracker.Track?, outside: Int32, allUnvalidated: Bool)
        -> ValidatedAgeFlag
    {
        guard let track else { return allUnvalidated ? .notValidated : .unknown }
        if outside > 0 { return .yes }
        if track.ageUnknown > 0 { return .unknown }
        return track.notValidated == track.count ? .notValidated : .no
    }
}
