/// Whether a child's change on a scale meets the scale's declared meaningful-change threshold
/// (Warwick: "3 or more points" on WEMWBS).
public enum MeaningfulChangeClass: String, Sendable, Hashable, Codable, CaseIterable {
    /// Improved by at least the meaningful-change threshold.
    case improved
    /// Changed by less than the threshold either way.
    case noMeaningfulChange = "no_meaningful_change"
    /// Deteriorated by at least the threshold.
    case deteriorated
    /// Only one day scored so far.
    case noFollowUpYet = "no_follow_up_yet"
    /// No administration of the scale was scored.
    case noScoredAdministration = "no_scored_administration"
    /// The scale has no meaningful-change threshold (such as the life-skills pilot).
    case thresholdsNotEstablished = "thresholds_not_established"
}

extension MeaningfulChangeClass {
    /// The classes a report counts the children followed up in, in order.
    static let reported: [MeaningfulChangeClass] = [.improved, .noMeaningfulChange, .deteriorated]

    /// The class of a change against a meaningful-change threshold in points (`nil`: none established).
    init(change: Double, points: Double?) {
        guard let points else {
            self = .thresholdsNotEstablished
            return
        }
        self = change >= points ? .improved : change <= -points ? .deteriorated : .noMeaningfulChange
    }
}
