extension ReportedCount {
    /// A count in JSON: a number when shown, otherwise the hidden symbol `"[c]"`, or
    /// `{"atLeast": n, "areasSuppressed": k}` for a pooled cell some areas suppressed.
    func json(threshold: Int) -> JSONNode {
        switch self {
        case .count(let value): return .integer(value)
        case .underThreshold, .secondary: return .string(text(threshold: threshold))
        case .incomplete(let partial, let areas):
            return .object([("atLeast", .integer(partial)), ("areasSuppressed", .integer(areas))])
        }
    }
}

extension ReportView {
    /// The report's aggregates as a JSON summary (`ivoutcomes report --format json`): the same
    /// numbers as the HTML report, suppressed the same way. The schema is documented in the README.
    public func jsonSummary() -> String {
        let t = policy.threshold
        let stats = { (value: MeanAndSD?) -> JSONNode in
            guard let value else { return .null }
            return .object([("mean", .double(value.mean)), ("sd", .double(value.standardDeviation))])
        }
        let comparison = JSONNode.object([
            ("caution", .string(causalCaution)), ("scales", .array(comparisons.map(\.json))),
        ])
        return document(format: "ivoutcomes-report", title: title, extra: [("comparison", comparison)]) { scale in
            return [
                ("scale", .string(scale.scale.rawValue)),
                ("childrenWithBaseline", scale.childrenWithBaseline.json(threshold: t)),
                ("childrenWithFollowUp", scale.childrenWithFollowUp.json(threshold: t)),
                ("baseline", stats(scale.baseline)), ("pairedBaseline", stats(scale.pairedBaseline)),
                ("latest", stats(scale.latest)), ("change", scale.change?.json ?? .null),
            ] + countSets(of: scale) + [
                ("changeHistogramBinWidth", .double(scale.binWidth, decimals: 2)),
                ("changeHistogram", counts(scale.changeHistogram)),
                ("scoresBelowValidatedAge", scale.scoresBelowValidatedAge.map { $0.json(threshold: t) } ?? .null),
                ("notes", .array(scale.notes.map(JSONNode.string))),
            ]
        } logFields: { log in
            [("positiveShare", .double(log.positiveShare))]
        }
    }

    /// The pooling summary (`ivoutcomes report --format summary`): sufficient statistics (n, sum
    /// and sum of squares, exact) and category counts for every cell at or over the threshold, and
    /// only the hidden symbol `"[c]"` for the others. No child-level data. Safe to send to the
    /// national network, and read back by ``AreaAggregate/init(poolingSummary:file:allowSmallNumbers:)``.
    public func poolingSummary() -> String {
        let t = policy.threshold
        // Sums are written only where the report shows their statistics: where those were withheld
        // (their category's sums with the others' and the whole area's would give hidden
        // children's scores away), so are the sums.
        func sums(_ sums: PoolableSums, shown: ReportedCount, statisticsShown: Bool) -> JSONNode {
            guard statisticsShown, sums.isComplete, let n = shown.exactValue, n >= t, n == sums.sums.count else {
                return .string(ReportedCount.hiddenSymbol)
            }
            return .object([
                ("n", .integer(sums.sums.count)), ("sumX100", .integer(sums.sums.sumHundredths)),
                ("sumSquaresX10000", .integer(sums.sums.sumOfSquaresTenThousandths)),
            ])
        }
        return document(format: "ivoutcomes-pooling-summary", title: nil) { scale in
            let aggregate = scale.aggregate
            let followed = { (values: PoolableSums) in
                sums(values, shown: scale.childrenWithFollowUp, statisticsShown: scale.latest != nil)
            }
            return [
                ("scale", .string(scale.scale.rawValue)), ("binWidth", .double(scale.binWidth, decimals: 2)),
                ("childrenWithBaseline", scale.childrenWithBaseline.json(threshold: t)),
                ("childrenWithFollowUp", scale.childrenWithFollowUp.json(threshold: t)),
                (
                    "baseline",
                    sums(aggregate.baseline, shown: scale.childrenWithBaseline, statisticsShown: scale.baseline != nil)
                ),
                ("pairedBaseline", followed(aggregate.pairedBaseline)), ("latest", followed(aggregate.latest)),
                ("change", followed(aggregate.change)), ("followUpDays", followed(aggregate.followUpDays)),
            ] + countSets(of: scale) + [
                ("changeHistogram", counts(scale.changeHistogram)),
                ("scoresBelowValidatedAge", scale.scoresBelowValidatedAge.map { $0.json(threshold: t) } ?? .null),
            ]
        } logFields: { _ in
            []
        }
    }

    /// Named counts as a JSON object.
    private func counts(_ cells: [ReportedCell]) -> JSONNode {
        .object(cells.map { ($0.name, $0.count.json(threshold: policy.threshold)) })
    }

    /// The count sets both JSON forms share, in order.
    private func countSets(of scale: ScaleView) -> [(String, JSONNode)] {
        [
            ("reliableChange", counts(scale.reliableChange)), ("meaningfulChange", counts(scale.meaningfulChange)),
            ("bandsAtBaseline", counts(scale.bandsAtBaseline)), ("bandsAtLatest", counts(scale.bandsAtLatest)),
            ("bandMovement", counts(scale.bandMovement)),
        ]
    }

    /// The envelope and groups both JSON forms share; `scaleFields` and `logFields` add each form's own.
    private func document(
        format: String, title: String?, extra: [(String, JSONNode)] = [],
        scaleFields: (ScaleView) -> [(String, JSONNode)],
        logFields: (OutcomeLogView) -> [(String, JSONNode)]
    ) -> String {
        let t = policy.threshold
        let groups = self.groups.map { group -> JSONNode in
            .object([
                ("dimension", .string(group.dimension)), ("category", .string(group.category)),
                ("members", .array(group.members.map(JSONNode.string))),
                ("children", group.children.json(threshold: t)),
                ("scales", .array(group.scales.map { .object(scaleFields($0)) })),
                (
                    "logs",
                    .array(
                        group.logs.map { log in
                            .object(
                                [
                                    ("outcome", .string(log.outcome.id.rawValue)),
                                    ("childrenWithLogs", log.childrenWithLogs.json(threshold: t)),
                                    ("logs", log.logs.json(threshold: t)),
                                    ("visitsHappened", log.visitsHappened.json(threshold: t)),
                                    ("positive", log.positive.json(threshold: t)),
                                ] + logFields(log))
                        })
                ),
            ])
        }
        let warning = disclosure.warning.map { [("warning", JSONNode.string($0))] } ?? []
        return JSONNode.object(
            [("format", .string(format)), ("formatVersion", .integer(ReportView.formatVersion))] + warning
                + (title.map { [("title", JSONNode.string($0))] } ?? []) + [
                    ("areas", .array(areas.map(JSONNode.string))), ("asOf", .string(asOf.description)),
                    ("suppressionThreshold", .integer(t)), ("disclosureControl", disclosureJSON),
                    ("instruments", .array(instruments.map { .string($0.id.rawValue) })),
                    ("dataQuality", counts(dataQuality)),
                    (
                        "breakdownsNotShown",
                        .array(
                            omittedBreakdowns.map {
                                .object([("dimension", .string($0.dimension)), ("reason", .string($0.reason))])
                            })
                    ),
                    ("groups", .array(groups)),
                ] + extra
        ).rendered() + "\n"
    }

    /// The version of the report JSON and the pooling summary: 2 since reports are audited, 3
    /// since data-quality counts are keyed by stable snake_case keys (`rows_invalid`), 4 since
    /// the waiting list is a group of its own (`status` = `waiting`, never in `all`), with
    /// `match_length` breakdowns and each scale's `followUpDays`, 5 since tables are designed
    /// before suppression (``TableDesign``): small categories merged (each group's `members`),
    /// breakdowns of one category left out (`breakdownsNotShown`), a category's tables limited to
    /// its sizes, statistics and reliable-change classes (`scoresBelowValidatedAge` `null`), and
    /// no table of fewer children than the threshold (an empty object).
    public static let formatVersion = 5

    /// How the numbers were protected, for both JSON forms.
    private var disclosureJSON: JSONNode {
        .object([
            ("threshold", .integer(disclosure.threshold)), ("symbol", .string(ReportedCount.hiddenSymbol)),
            ("method", .string(disclosure.method)), ("auditPassed", .bool(disclosure.auditPassed)),
            ("smallCountsHidden", .integer(disclosure.smallCountsHidden)),
            ("cellsHiddenToProtectOthers", .integer(disclosure.cellsHiddenToProtectOthers)),
            ("cellsHiddenByAudit", .integer(disclosure.cellsHiddenByAudit)),
            ("statisticsWithheld", .integer(disclosure.statisticsWithheld)),
            ("unprotectedAreas", .array(disclosure.unprotectedAreas.map(JSONNode.string))),
            ("unauditedAreas", .array(disclosure.unauditedAreas.map(JSONNode.string))),
        ])
    }
}

extension WaitingListComparison {
    /// The comparison in the JSON summary: its numbers when shown, else why not.
    fileprivate var json: JSONNode {
        .object([
            ("scale", .string(scale.id.rawValue)),
            ("shown", .bool(result != nil)),
            ("reason", reason.map(JSONNode.string) ?? .null),
            ("matchedN", result.map { .integer($0.matchedCount) } ?? .null),
            ("matchedMeanChange", .double(result?.matchedMeanChange)),
            ("matchedMeanDays", .double(result?.matchedMeanDays, decimals: 1)),
            ("waitingN", result.map { .integer($0.waitingCount) } ?? .null),
            ("waitingMeanChange", .double(result?.waitingMeanChange)),
            ("waitingMeanDays", .double(result?.waitingMeanDays, decimals: 1)),
            ("difference", .double(result?.difference)),
            (
                "ci95",
                result?.confidenceInterval.map { .array([.double($0.lowerBound), .double($0.upperBound)]) } ?? .null
            ),
            ("welchDF", .double(result?.degreesOfFreedom)),
            ("welchTTestP", .fullPrecision(result?.pValue)),
        ])
    }
}

extension PairedChange {
    /// A scale's change in the JSON summary.
    fileprivate var json: JSONNode {
        .object([
            ("n", .integer(count)), ("mean", .double(meanChange)), ("sd", .double(standardDeviation)),
            ("ci95", .array([.double(confidenceInterval.lowerBound), .double(confidenceInterval.upperBound)])),
            ("pairedTTestP", .fullPrecision(pValue)), ("cohensDz", .double(effectSize)),
        ])
    }
}
