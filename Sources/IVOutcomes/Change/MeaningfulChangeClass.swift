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
