/// Whether a child's change on a scale is larger than measurement error (Jacobson & Truax 1991),
/// using the scale's declared reliable-change threshold.
public enum ReliableChangeClass: String, Sendable, Hashable, Codable, CaseIterable {
    /// Improved by more than the reliable-change threshold.
    case reliablyImproved = "reliably_improved"
    /// Changed by no more than the threshold either way.
    case noReliableChange = "no_reliable_change"
    /// Deteriorated by more than the threshold.
    case reliablyDeteriorated = "reliably_deteriorated"
    /// One scored administration so far.
    case noFollowUpYet = "no_follow_up_yet"
    /// No scored administration at all (every form incomplete, or none yet).
    case noScoredAdministration = "no_scored_administration"
    /// The scale declares no threshold (such as the life-skills pilot): the change is reported alone.
    case thresholdsNotEstablished = "thresholds_not_established"
}

extension ReliableChangeClass {
    /// The classes a report counts the children followed up in, in order.
    static let reported: [ReliableChangeClass] = [.reliablyImproved, .noReliableChange, .reliablyDeteriorated]

    /// The class of a change against a reliable-change threshold (`nil`: none established).
    init(change: Double, threshold: Double?) {
        guard let threshold else {
            self = .thresholdsNotEstablished
            return
        }
        self = change > threshold ? .reliablyImproved : change < -threshold ? .reliablyDeteriorated : .noReliableChange
    }
}
