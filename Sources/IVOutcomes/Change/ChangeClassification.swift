/// Whether a child's change on a scale is larger than measurement error (Jacobson & Truax 1991),
/// using the scale's declared reliable-change threshold.
public enum ReliableChangeClass: String, Sendable, Hashable, Codable, CaseIterable {
    case reliablyImproved = "reliably_improved"
    case noReliableChange = "no_reliable_change"
    case reliablyDeteriorated = "reliably_deteriorated"
    /// One scored administration so far.
    case noFollowUpYet = "no_follow_up_yet"
    /// No scored administration at all (every form incomplete, or none yet).
    case noScoredAdministration = "no_scored_administration"
    /// The scale declares no threshold (such as the life-skills pilot): the change is reported alone.
    case thresholdsNotEstablished = "thresholds_not_established"
}

/// Whether a child's change on a scale meets the scale's declared meaningful-change threshold
/// (Warwick: "3 or more points" on WEMWBS).
public enum MeaningfulChangeClass: String, Sendable, Hashable, Codable, CaseIterable {
    case improved
    case noMeaningfulChange = "no_meaningful_change"
    case deteriorated
    case noFollowUpYet = "no_follow_up_yet"
    case noScoredAdministration = "no_scored_administration"
    case thresholdsNotEstablished = "thresholds_not_established"
}

extension ReliableChangeClass {
    /// The class of a change against a reliable-change threshold (`nil`: none established).
    init(change: Double, threshold: Double?) {
        guard let threshold else {
            self = .thresholdsNotEstablished
            return
        }
        self = change > threshold ? .reliablyImproved : change < -threshold ? .reliablyDeteriorated : .noReliableChange
    }
}

extension MeaningfulChangeClass {
    /// The class of a change against a meaningful-change threshold in points (`nil`: none established).
    init(change: Double, points: Double?) {
        guard let points else {
            self = .thresholdsNotEstablished
            return
        }
        self = change >= points ? .improved : change <= -points ? .deteriorated : .noMeaningfulChange
    }
}

/// A change and what it means, from a child's baseline and follow-up values on a scale: the one
/// rule both ``ScaleChange`` and the CSV rows of ``FollowUpTracker/writeChanges(to:format:)`` use.
struct ClassifiedChange {
    /// Follow-up minus baseline, rounded to the scale's decimals; `nil` without a follow-up.
    let change: Double?
    let reliable: ReliableChangeClass
    let meaningful: MeaningfulChangeClass

    /// `baseline` is `nil` without any scored administration, `followUp` with only one.
    @inline(__always)
    init(baseline: Double?, followUp: Double?, decimals: Int, reliableThreshold: Double?, meaningfulPoints: Double?) {
        guard let baseline, let followUp else {
            change = nil
            reliable = baseline == nil ? .noScoredAdministration : .noFollowUpYet
            meaningful = baseline == nil ? .noScoredAdministration : .noFollowUpYet
            return
        }
        let change = Scale.change(from: baseline, to: followUp, decimals: decimals)
        self.change = change
        reliable = ReliableChangeClass(change: change, threshold: reliableThreshold)
        meaningful = MeaningfulChangeClass(change: change, points: meaningfulPoints)
    }
}

extension Scale {
    /// The change from one score to another, rounded to the scale's decimals, so that a metric
    /// change of exactly 2.87 compares equal to a 2.87 threshold (binary floating point would
    /// give 2.8699999999999974).
    public func change(from baseline: Double, to latest: Double) -> Double {
        Scale.change(from: baseline, to: latest, decimals: decimals)
    }

    static func change(from baseline: Double, to latest: Double, decimals: Int) -> Double {
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        return ((latest - baseline) * factor).rounded() / factor
    }

    /// Reliable change: improved or deteriorated when the change's size is greater than the
    /// declared threshold (6.80 points on WEMWBS, so 7 points is reliable and 6 is not).
    ///
    /// ```swift
    /// wemwbsTotal.reliableChange(of: 7)    // .reliablyImproved
    /// wemwbsTotal.reliableChange(of: -6)   // .noReliableChange
    /// ```
    public func reliableChange(of change: Double) -> ReliableChangeClass {
        ReliableChangeClass(change: change, threshold: self.change?.reliable?.threshold)
    }

    /// Meaningful change: improved or deteriorated when the change is at least the declared
    /// threshold (3 points on WEMWBS: 3 is meaningful, 2 is not).
    public func meaningfulChange(of change: Double) -> MeaningfulChangeClass {
        MeaningfulChangeClass(change: change, points: self.change?.meaningful?.points)
    }
}
