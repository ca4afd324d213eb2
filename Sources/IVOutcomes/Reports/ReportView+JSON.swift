extension ReportedCount {
    /// A count in JSON: a number when shown, otherwise the text readers see ("under 5", "suppressed"),
    /// or `{"atLeast": n, "areasSuppressed": k}` for a pooled cell some areas suppressed.
    func json(threshold: Int) -> JSONNode {
        switch self {
        case .count(let value): return .integer(value)
        case .underThreshold, .secondary: return .string(text(threshold: threshold))
        case .incomplete(let partial, let areas): return .object([("atLeast", .integer(partial)), ("areasSuppressed", .integer(areas))])
        }
    }
}

extension ReportView {
    /// The report's aggregates as a JSON summary (`ivoutcomes report --format json`): the same
    /// numbers as the HTML report, suppressed the same way. The schema is documented in the README.
    public func jsonSummary() -> String {
        let t = policy.threshold
        let cells = { (cells: [ReportedCell]) in JSONNode.object(cells.map { ($0.name, $0.count.json(threshold: t)) }) }
        let stats = { (value: MeanAndSD?) -> JSONNode in
            guard let value else { return .null }
            return .object([("mean", .double(value.mean)), ("sd", .double(value.standardDeviation))])
        }
        let groups = self.groups.map { group -> JSONNode in
            .object([
                ("dimension", .string(group.dimension)), ("category", .string(group.category)),
                ("children", group.children.json(threshold: t)),
                (
                    "scales",
                    .array(
                        group.scales.map { scale in
                            let change: JSONNode = scale.change.map { change in
                                .object([
                                    ("n", .integer(change.count)), ("mean", .double(change.meanChange)), ("sd", .double(change.standardDeviation)),
                                    ("ci95", .array([.double(change.confidenceInterval.lowerBound), .double(change.confidenceInterval.upperBound)])),
                                    ("pairedTTestP", .double(change.pValue)), ("cohensDz", .double(change.effectSize)),
                                ])
                            } ?? .null
                            return .object([
                                ("scale", .string(scale.scale.id.rawValue)),
                                ("childrenWithBaseline", scale.childrenWithBaseline.json(threshold: t)),
                                ("childrenWithFollowUp", scale.childrenWithFollowUp.json(threshold: t)),
                                ("baseline", stats(scale.baseline)), ("pairedBaseline", stats(scale.pairedBaseline)),
                                ("latest", stats(scale.latest)), ("change", change),
                                ("reliableChange", cells(scale.reliableChange)), ("meaningfulChange", cells(scale.meaningfulChange)),
                                ("bandsAtBaseline", cells(scale.bandsAtBaseline)), ("bandsAtLatest", cells(scale.bandsAtLatest)),
                                ("bandMovement", cells(scale.bandMovement)),
                                ("changeHistogramBinWidth", .double(scale.binWidth, decimals: 2)),
                                ("changeHistogram", cells(scale.changeHistogram)),
                                ("scoresBelowValidatedAge", scale.scoresBelowValidatedAge.json(threshold: t)),
                                ("notes", .array(scale.notes.map(JSONNode.string))),
                            ])
                        })
                ),
                (
                    "logs",
                    .array(
                        group.logs.map { log in
                            .object([
                                ("outcome", .string(log.outcome.id.rawValue)), ("childrenWithLogs", log.childrenWithLogs.json(threshold: t)),
                                ("logs", log.logs.json(threshold: t)), ("visitsHappened", log.visitsHappened.json(threshold: t)),
                                ("positive", log.positive.json(threshold: t)), ("positiveShare", .double(log.positiveShare)),
                            ])
                        })
                ),
            ])
        }
        return JSONNode.object([
            ("format", .string("ivoutcomes-report")), ("formatVersion", .integer(1)), ("title", .string(title)),
            ("areas", .array(areas.map(JSONNode.string))), ("asOf", .string(asOf.description)),
            ("suppressionThreshold", .integer(t)), ("instruments", .array(instruments.map { .string($0.id.rawValue) })),
            ("dataQuality", cells(dataQuality)), ("groups", .array(groups)),
        ]).rendered() + "\n"
    }

    /// The pooling summary (`ivoutcomes report --format summary`): sufficient statistics (n, sum
    /// and sum of squares, exact) and category counts for every cell at or over the threshold, and
    /// only "under 5" (or "suppressed") for the others. No child-level data. Safe to send to the
    /// national network, and read back by ``AreaAggregate/init(poolingSummary:file:)``.
    public func poolingSummary() -> String {
        let t = policy.threshold
        let counts = { (cells: [ReportedCell]) in JSONNode.object(cells.map { ($0.name, $0.count.json(threshold: t)) }) }
        func sums(_ sums: PoolableSums, shown: ReportedCount) -> JSONNode {
            guard sums.isComplete, let n = shown.exactValue, n >= t, n == sums.sums.count else { return .string("suppressed") }
            return .object([
                ("n", .integer(sums.sums.count)), ("sumX100", .integer(sums.sums.sumHundredths)),
                ("sumSquaresX10000", .integer(sums.sums.sumOfSquaresTenThousandths)),
            ])
        }
        let groups = self.groups.map { group -> JSONNode in
            .object([
                ("dimension", .string(group.dimension)), ("category", .string(group.category)),
                ("children", group.children.json(threshold: t)),
                (
                    "scales",
                    .array(
                        group.scales.map { scale in
                            let aggregate = scale.aggregate
                            return .object([
                                ("scale", .string(scale.scale.id.rawValue)), ("binWidth", .double(scale.binWidth, decimals: 2)),
                                ("childrenWithBaseline", scale.childrenWithBaseline.json(threshold: t)),
                                ("childrenWithFollowUp", scale.childrenWithFollowUp.json(threshold: t)),
                                ("baseline", sums(aggregate.baseline, shown: scale.childrenWithBaseline)),
                                ("pairedBaseline", sums(aggregate.pairedBaseline, shown: scale.childrenWithFollowUp)),
                                ("latest", sums(aggregate.latest, shown: scale.childrenWithFollowUp)),
                                ("change", sums(aggregate.change, shown: scale.childrenWithFollowUp)),
                                ("reliableChange", counts(scale.reliableChange)), ("meaningfulChange", counts(scale.meaningfulChange)),
                                ("bandsAtBaseline", counts(scale.bandsAtBaseline)), ("bandsAtLatest", counts(scale.bandsAtLatest)),
                                ("bandMovement", counts(scale.bandMovement)),
                                ("changeHistogram", counts(scale.changeHistogram)),
                                ("scoresBelowValidatedAge", scale.scoresBelowValidatedAge.json(threshold: t)),
                            ])
                        })
                ),
                (
                    "logs",
                    .array(
                        group.logs.map { log in
                            .object([
                                ("outcome", .string(log.outcome.id.rawValue)), ("childrenWithLogs", log.childrenWithLogs.json(threshold: t)),
                                ("logs", log.logs.json(threshold: t)), ("visitsHappened", log.visitsHappened.json(threshold: t)),
                                ("positive", log.positive.json(threshold: t)),
                            ])
                        })
                ),
            ])
        }
        return JSONNode.object([
            ("format", .string("ivoutcomes-pooling-summary")), ("formatVersion", .integer(1)),
            ("areas", .array(areas.map(JSONNode.string))), ("asOf", .string(asOf.description)),
            ("suppressionThreshold", .integer(t)), ("instruments", .array(instruments.map { .string($0.id.rawValue) })),
            ("dataQuality", counts(dataQuality)), ("groups", .array(groups)),
        ]).rendered() + "\n"
    }
}
