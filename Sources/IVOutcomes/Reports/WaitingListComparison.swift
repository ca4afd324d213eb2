/// One scale's comparison of the matched children's change with the waiting children's, as a
/// report publishes it: shown only when both groups have at least the suppression threshold of
/// children followed up on the scale, with their sizes and change statistics shown.
///
/// ```swift
/// for comparison in view.comparisons {
///     if let result = comparison.result { print(comparison.scale.id, result.difference, result.pValue ?? .nan) }
///     else { print(comparison.scale.id, comparison.reason ?? "") }
/// }
/// ```
public struct WaitingListComparison: Sendable, Hashable {
    /// The scale compared.
    public let scale: Scale
    /// The comparison, when shown.
    public let result: ChangeComparison?
    /// Why the comparison is not shown, when it is not.
    public let reason: String?
}

extension ReportView {
    /// What a comparison with children still waiting for an IV is, and is not, beside it in every report that shows one.
    public static let observationalCaution =
        "This is an observational comparison, not a trial: children are not given an IV at random, so the matched and waiting children may differ in ways that change their scores (such as their age, their needs, or how long they have waited). A difference shows what changed alongside having an IV, not what the IV caused."

    /// The days in an average month (365.25 / 12), for follow-up times in months.
    static let daysPerMonth = 365.25 / 12

    /// What a report without a comparison says once, near the top.
    public static let changeAloneCaution =
        "Change over time alone does not show what the IV caused: children's wellbeing also changes with age, with their placements and with other support. This report has no comparison group to set the change beside (an area that also measures children on its waiting list gets one)."

    /// The caution a reader needs near the top: ``changeAloneCaution`` unless some scale's
    /// comparison with the waiting list is shown, ``observationalCaution`` when one is.
    public var causalCaution: String {
        comparisons.contains { $0.result != nil } ? ReportView.observationalCaution : ReportView.changeAloneCaution
    }

    /// Per scale of the matched children, the comparison with the waiting list, or why it is not
    /// shown; empty without a waiting list.
    static func comparisons(of groups: [GroupView], threshold: Int) -> [WaitingListComparison] {
        guard let matched = groups.first(where: { $0.dimension == "all" }),
            let waiting = groups.first(where: \.isWaitingList)
        else { return [] }
        var scales = matched.scales.map(\.definition)
        for scale in waiting.scales.map(\.definition) where !scales.contains(where: { $0.id == scale.id }) {
            scales.append(scale)
        }
        return scales.map { scale in
            let sides = [("matched", matched), ("waiting", waiting)].map { name, group in
                (name: name, view: group.scales.first { $0.scale == scale.id })
            }
            var views: [ScaleView] = []
            for side in sides {
                guard let view = side.view else {
                    return WaitingListComparison(
                        scale: scale, result: nil, reason: "no \(side.name) children were measured on this scale")
                }
                guard let followed = view.childrenWithFollowUp.exactValue else {
                    return WaitingListComparison(
                        scale: scale, result: nil,
                        reason:
                            "not shown: the number of \(side.name) children followed up is hidden (\(ReportedCount.hiddenSymbol)); the comparison needs at least \(threshold) in each group"
                    )
                }
                guard followed >= threshold else {
                    return WaitingListComparison(
                        scale: scale, result: nil,
                        reason:
                            "not shown: \(followed) \(side.name) children followed up, and the comparison needs at least \(threshold) in each group"
                    )
                }
                guard view.change != nil else {
                    return WaitingListComparison(
                        scale: scale, result: nil,
                        reason:
                            "not shown: the \(side.name) children's change statistics are not shown (see their notes)")
                }
                views.append(view)
            }
            let (matchedView, waitingView) = (views[0], views[1])
            let days = { (view: ScaleView) in
                view.aggregate.followUpDays.isComplete ? view.aggregate.followUpDays.sums : nil
            }
            let result = ChangeComparison(
                matched: matchedView.aggregate.change.sums, waiting: waitingView.aggregate.change.sums,
                matchedDays: days(matchedView), waitingDays: days(waitingView))
            return WaitingListComparison(
                scale: scale, result: result,
                reason: result == nil ? "not shown: too few children followed up to compare" : nil)
        }
    }
}
