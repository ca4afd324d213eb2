extension ReportView {
    /// The two kinds of group statistics, by the children they are of.
    enum StatisticsKind: CaseIterable {
        /// The baseline mean and SD, of the children with a baseline.
        case baseline
        /// Paired baseline, latest and change statistics, of the children followed up.
        case followUp

        func isShown(_ view: ScaleView) -> Bool {
            switch self {
            case .baseline: return view.baseline != nil
            case .followUp: return view.pairedBaseline != nil || view.latest != nil || view.change != nil
            }
        }

        /// How many children the statistics are of.
        func children(_ view: ScaleView) -> Int {
            switch self {
            case .baseline: return view.aggregate.childrenWithBaseline.value
            case .followUp: return view.aggregate.childrenWithFollowUp.value
            }
        }

        func isSizeHidden(_ view: ScaleView) -> Bool {
            switch self {
            case .baseline: return view.childrenWithBaseline.isHidden
            case .followUp: return view.childrenWithFollowUp.isHidden
            }
        }

        func withdraw(from view: inout ScaleView) {
            switch self {
            case .baseline: view.baseline = nil
            case .followUp:
                view.pairedBaseline = nil
                view.latest = nil
                view.change = nil
            }
        }
    }

    /// Statistics whose group size is hidden are withdrawn (they show their `n`, or let it be
    /// worked out).
    static func withdrawStatisticsOfHiddenSizes(_ groups: inout [GroupView]) {
        for group in groups.indices {
            for scale in groups[group].scales.indices {
                for kind in StatisticsKind.allCases where kind.isSizeHidden(groups[group].scales[scale]) {
                    kind.withdraw(from: &groups[group].scales[scale])
                }
            }
        }
    }

    /// Statistics of small groups must not be derivable by differencing: within each breakdown,
    /// the children of the categories whose statistics are shown, taken from the whole area's,
    /// must leave none or at least `threshold` (their sum and sum of squares would otherwise
    /// give the hidden children's scores). While they leave 1 to `threshold - 1`, the shown
    /// category with the fewest children has its statistics withdrawn, with a note. Returns how
    /// many were withdrawn.
    static func protectStatistics(_ groups: inout [GroupView], threshold: Int) -> Int {
        guard let all = groups.firstIndex(where: { $0.dimension == "all" }) else { return 0 }
        let byDimension = GroupAggregate.breakdownPositions(groups.map(\.dimension))
        var withheld = 0
        for dimension in byDimension.keys.sorted() {
            let members = byDimension[dimension] ?? []
            for allView in groups[all].scales {
                for kind in StatisticsKind.allCases where kind.isShown(allView) {
                    while true {
                        let shown = members.compactMap { member -> (group: Int, scale: Int, children: Int)? in
                            guard
                                let scale = groups[member].scales.firstIndex(where: { $0.scale == allView.scale }
                                ),
                                kind.isShown(groups[member].scales[scale])
                            else { return nil }
                            return (member, scale, kind.children(groups[member].scales[scale]))
                        }
                        let leftOver = kind.children(allView) - shown.reduce(0) { $0 + $1.children }
                        guard leftOver > 0, leftOver < threshold,
                            let smallest = shown.min(by: { $0.children < $1.children })
                        else { break }
                        kind.withdraw(from: &groups[smallest.group].scales[smallest.scale])
                        groups[smallest.group].scales[smallest.scale].notes.append(
                            "statistics withheld: with the other \(dimension) categories shown, they would give away the scores of children in hidden categories"
                        )
                        withheld += 1
                    }
                }
            }
        }
        return withheld
    }
}
