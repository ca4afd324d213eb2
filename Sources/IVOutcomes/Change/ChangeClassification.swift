/// A change and what it means, from a child's baseline and follow-up values on a scale: the
/// classification rule of ``ChangeRow``.
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
