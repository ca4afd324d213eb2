/// When a child's latest administration of a scale counts as a follow-up of the baseline, and
/// the days between them: the one rule the tracker's tracks, ``ScaleChange`` and every change
/// writer use.
enum FollowUpRule {
    /// A later administration is a follow-up only when it is dated later than the baseline: a
    /// change is never computed over zero days (such as from two forms of one day).
    @inline(__always)
    static func isFollowUp(baselineDay: Int, latestDay: Int) -> Bool { latestDay > baselineDay }

    /// The days from the baseline to its follow-up.
    @inline(__always)
    static func daysBetween(baselineDay: Int, followUpDay: Int) -> Int { followUpDay - baselineDay }
}
