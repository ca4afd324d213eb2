extension ReportView {
    /// The report as one self-contained HTML page: no scripts, fonts or network; charts are inline
    /// SVG; every text that came from input data is escaped.
    ///
    /// ```swift
    /// try view.html().write(toFile: "report.html", atomically: true, encoding: .utf8)
    /// ```
    public func html() -> String {
        let cells = Cells(threshold: policy.threshold)
        // Said once, near the top: what change over time (or the comparison) can and cannot show.
        var body = "<p class=\"note\">\(HTML.escape(causalCaution))</p>"
        let all = groups.first { $0.dimension == "all" }
        if let all {
            body += headline(all, cells)
            for scale in all.scales { body += section(of: scale, cells) }
            if !all.logs.isEmpty { body += logsSection(all, cells) }
        }
        body += waitingListSection(cells)
        body += breakdowns(scales: all?.scales.map(\.definition) ?? [], cells)
        body += dataQualitySection(cells) + howToRead(cells) + licences()
        return page(body: body, threshold: cells.threshold)
    }

    /// How the report's cells are written: counts as published, numbers, means and shares.
    private struct Cells {
        let threshold: Int

        func count(_ value: ReportedCount) -> String { HTML.escape(value.text(threshold: threshold)) }
        func number(_ value: Double?, _ decimals: Int) -> String {
            value.map { formatNumber($0, decimals: decimals) } ?? "–"
        }
        func meanSD(_ value: MeanAndSD?) -> String {
            value.map { "\(formatNumber($0.mean, decimals: 2)) (SD \(number($0.standardDeviation, 2)))" } ?? "not shown"
        }
        /// ` (N%)` of a whole that is shown exactly, else nothing.
        func percent(_ cell: ReportedCount, of total: ReportedCount) -> String {
            guard let part = cell.exactValue, let whole = total.exactValue, whole >= threshold, whole > 0 else {
                return ""
            }
            return " (\(formatNumber(Double(part) * 100 / Double(whole), decimals: 0))%)"
        }
    }

    /// "At a glance": the children, and per scale those followed up and those reliably improved.
    private func headline(_ all: GroupView, _ cells: Cells) -> String {
        let e = HTML.escape
        var html = "<section><h2>At a glance</h2><div class=\"cards\">"
        html += "<div class=\"card\"><b>\(cells.count(all.children))</b><span>children</span></div>"
        for scale in all.scales {
            html +=
                "<div class=\"card\"><b>\(cells.count(scale.childrenWithFollowUp))</b><span>followed up on \(e(scale.definition.title))</span></div>"
            if let improved = scale.reliableChange.first(where: {
                $0.name == ReliableChangeClass.reliablyImproved.rawValue
            }) {
                html +=
                    "<div class=\"card\"><b>\(cells.count(improved.count))\(cells.percent(improved.count, of: scale.childrenWithFollowUp))</b><span>reliably improved on \(e(scale.definition.title))</span></div>"
            }
        }
        return html + "</div></section>"
    }

    /// One scale's section: notes, charts, the summary table and the bands.
    private func section(of scale: ScaleView, _ cells: Cells) -> String {
        let e = HTML.escape
        let t = cells.threshold
        var html = "<section><h2>\(e(scale.definition.title))</h2>"
        for note in scale.notes { html += "<p class=\"note\">\(e(note))</p>" }
        if let chart = SVGChart.baselineAndLatest(scale) {
            html +=
                "<figure>\(chart)<figcaption>Mean score of the children followed up, at baseline and latest.</figcaption></figure>"
        }
        if let chart = SVGChart.changeHistogram(scale, threshold: t) {
            html +=
                "<figure>\(chart)<figcaption>How much each child's score changed; hidden counts ([c]) are hatched, not shown.</figcaption></figure>"
        }
        var rows: [(String, String)] = [
            ("Children with a baseline", cells.count(scale.childrenWithBaseline)),
            ("Children with a follow-up", cells.count(scale.childrenWithFollowUp)),
            ("Baseline, all children: mean (SD)", cells.meanSD(scale.baseline)),
            ("Baseline, children followed up: mean (SD)", cells.meanSD(scale.pairedBaseline)),
            ("Latest: mean (SD)", cells.meanSD(scale.latest)),
        ]
        if let change = scale.change {
            rows.append(
                (
                    "Mean change [95% CI]",
                    "\(formatNumber(change.meanChange, decimals: 2)) [\(formatNumber(change.confidenceInterval.lowerBound, decimals: 2)) to \(formatNumber(change.confidenceInterval.upperBound, decimals: 2))]"
                ))
            rows.append(
                ("Paired t-test p", pValueHTML(change.pValue))
            )
            rows.append(("Effect size (Cohen's d for paired change)", cells.number(change.effectSize, 2)))
        } else {
            rows.append(("Mean change", "not shown (fewer than \(t) children followed up)"))
        }
        for cell in scale.reliableChange + scale.meaningfulChange {
            rows.append(
                (
                    cell.name.replacingOccurrences(of: "_", with: " ").capitalizedFirst,
                    cells.count(cell.count) + cells.percent(cell.count, of: scale.childrenWithFollowUp)
                ))
        }
        if let below = scale.scoresBelowValidatedAge {
            rows.append(("Scores below the validated age", cells.count(below)))
        }
        html += table(["", ""], rows.map { [e($0.0), $0.1] }, header: false)
        if !scale.bandsAtBaseline.isEmpty { html += bandTables(of: scale, cells) }
        return html + "</section>"
    }

    /// A scale's bands at baseline and latest, and the movement between them.
    private func bandTables(of scale: ScaleView, _ cells: Cells) -> String {
        let e = HTML.escape
        let bandRows = zip(scale.bandsAtBaseline, scale.bandsAtLatest).map { before, after in
            [
                e(scale.definition.bands?.bands.first { $0.id.rawValue == before.name }?.label ?? before.name),
                cells.count(before.count), cells.count(after.count),
            ]
        }
        var html = "<h3>Bands</h3>" + table(["Band", "At baseline (all)", "At latest (followed up)"], bandRows)
        let bands = scale.definition.bands?.bands ?? []
        let movement = bands.map { from in
            [e(from.label)]
                + bands.map { to in
                    cells.count(
                        scale.bandMovement.first { $0.name == ScaleAggregate.movement(from: from.id, to: to.id) }?.count
                            ?? .count(0))
                }
        }
        html +=
            "<h3>Band movement (children followed up)</h3><p>Rows: band at baseline; columns: band at latest.</p>"
            + table(["From \\ to"] + bands.map { e($0.label) }, movement)
        return html
    }

    /// "What the volunteers noticed", from the contact logs.
    private func logsSection(_ all: GroupView, _ cells: Cells) -> String {
        var html =
            "<section><h2>What the volunteers noticed</h2><p>From the monthly contact logs: the share of logs saying the young person showed a little or a lot more of each outcome since the last visit.</p>"
        html += table(
            [
                "Outcome", "Children with logs", "Logs", "Visits that happened", "A little or a lot more",
                "Share of logs",
            ],
            all.logs.map { log in
                [
                    HTML.escape(log.outcome.title), cells.count(log.childrenWithLogs), cells.count(log.logs),
                    cells.count(log.visitsHappened),
                    cells.count(log.positive),
                    log.positiveShare.map { formatNumber($0 * 100, decimals: 0) + "%" } ?? "–",
                ]
            })
        return html + "</section>"
    }

    /// The children waiting for an IV and, per scale, their change beside the matched children's
    /// (nothing without a waiting list).
    private func waitingListSection(_ cells: Cells) -> String {
        guard let waiting = groups.first(where: \.isWaitingList) else { return "" }
        let e = HTML.escape
        let number = { (value: Double?) in cells.number(value, 2) }
        let months = { (days: Double?) in days.map { formatNumber($0 / ReportView.daysPerMonth, decimals: 1) } ?? "–" }
        var html =
            "<section><h2>Beside children still waiting for an IV</h2><p>Children on the waiting list: <b>\(cells.count(waiting.children))</b>. Their questionnaires are scored and followed like the matched children's, from their first one, but they are in none of the figures above and none of the breakdowns.</p>"
        if comparisons.contains(where: { $0.result != nil }) {
            html += "<p class=\"note\">\(e(ReportView.observationalCaution))</p>"
        }
        // Two rows per scale (matched, waiting) and six columns, so that it fits the page.
        var rows: [[String]] = []
        var spans: [Int] = []
        for comparison in comparisons {
            guard let result = comparison.result else { continue }
            let interval =
                result.confidenceInterval.map { " [\(number($0.lowerBound)) to \(number($0.upperBound))]" } ?? ""
            rows.append([
                e(comparison.scale.title), "\(number(result.difference))\(interval), p \(pValueHTML(result.pValue))",
                "matched", "\(result.matchedCount)", number(result.matchedMeanChange), months(result.matchedMeanDays),
            ])
            rows.append([
                "waiting", "\(result.waitingCount)", number(result.waitingMeanChange), months(result.waitingMeanDays),
            ])
            spans += [2, 0]
        }
        if !rows.isEmpty {
            html += groupedTable(
                [
                    "Scale", "Difference in mean change (matched − waiting) [95% CI], Welch's t-test p", "Group",
                    "Followed up", "Mean change", "Mean months baseline to latest",
                ], rows, spans: spans)
        }
        let notShown = comparisons.filter { $0.result == nil }
        if !notShown.isEmpty {
            html += "<p>Not compared:</p><ul>"
            for comparison in notShown {
                html += "<li>\(e(comparison.scale.title)): \(e(comparison.reason ?? "not shown"))</li>"
            }
            html += "</ul>"
        }
        html +=
            "<p>The comparison is shown where both groups have at least \(cells.threshold) children followed up on the scale. Months are days / \(formatNumber(ReportView.daysPerMonth, decimals: 2)). Compare the follow-up times too: change over a longer time is not like change over a shorter one.</p>"
        return html + "</section>"
    }

    /// Change by group, one table per breakdown dimension (nothing when there are none); the
    /// match-length table has a chart of mean change per band beside it.
    private func breakdowns(scales: [Scale], _ cells: Cells) -> String {
        let e = HTML.escape
        let dimensions = groups.map(\.dimension).filter(GroupAggregate.isBreakdown).reduce(into: [String]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        guard !dimensions.isEmpty else { return "" }
        var html =
            "<section><h2>Breakdowns</h2><p>Change by group. Groups whose size is hidden ([c]) show nothing; groups under \(ReportView.minimumForComparison) children followed up are marked †: Warwick advises at least \(ReportView.minimumForComparison) with two time points for group comparisons.</p>"
        for dimension in dimensions {
            // Long, not wide: a row per category and scale, so that six columns fit the page (on
            // screen and on A4) whatever the number of scales.
            let header = [
                e(dimension.replacingOccurrences(of: "_", with: " ").capitalizedFirst), "Children", "Scale",
                "Followed up", "Mean change", "Reliably improved",
            ]
            let (rows, spans) = breakdownRows(dimension, scales: scales, cells)
            html += "<h3>\(e(dimension.replacingOccurrences(of: "_", with: " ").capitalizedFirst))</h3>"
            let members = groups.filter { $0.dimension == dimension }
            let charts =
                dimension == MatchLength.dimension
                ? scales.compactMap { scale in
                    SVGChart.meanChangeByCategory(
                        members.map { ($0.category, $0.scales.first { $0.scale == scale.id }) }, scale: scale
                    ).map {
                        "<figure>\($0)<figcaption>Mean change in \(e(scale.title)) by match length, with 95% CI.</figcaption></figure>"
                    }
                } : []
            let grouped = groupedTable(header, rows, spans: spans)
            html += charts.isEmpty ? grouped : "\(grouped)<div class=\"beside\">\(charts.joined())</div>"
        }
        if !omittedBreakdowns.isEmpty {
            html += "<p>Not shown:</p><ul>"
            for omitted in omittedBreakdowns {
                html +=
                    "<li>\(e(omitted.dimension.replacingOccurrences(of: "_", with: " "))): \(e(omitted.reason))</li>"
            }
            html += "</ul>"
        }
        return html + "</section>"
    }

    private func dataQualitySection(_ cells: Cells) -> String {
        "<section><h2>Data quality</h2>" + disclosureStatement()
            + table(
                ["", ""],
                dataQuality.map {
                    [HTML.escape(DataQuality.label(ofKey: $0.name).capitalizedFirst), cells.count($0.count)]
                },
                header: false)
            + "</section>"
    }

    /// How the small numbers were protected, in words a coordinator can check.
    private func disclosureStatement() -> String {
        let d = disclosure
        if d.hidesNothing {
            return
                "<p>Small numbers: nothing is hidden. Every count is shown exactly (threshold 1): this is an analyst's unsuppressed view, not for publication.</p>"
        }
        var text =
            "<p>Small numbers: counts from 1 to \(d.threshold - 1) are hidden (\(d.smallCountsHidden) here), and \(d.cellsHiddenToProtectOthers) more are hidden so that none of them can be worked out from totals, other tables or other breakdowns (\(d.cellsHiddenByAudit) of those added by the audit). The audit (linear programming, as the official tools tau-Argus and sdcTable use) "
            + (d.auditPassed ? "passed" : "did not pass")
            + ": every hidden count of 1 to \(d.threshold - 1) could be any of at least \(d.threshold) values. Means, SDs and change statistics are shown only for groups of at least \(d.threshold) children whose breakdown leaves none or at least \(d.threshold) children in hidden categories"
        text += d.statisticsWithheld > 0 ? " (\(d.statisticsWithheld) withheld for that reason).</p>" : ".</p>"
        if !d.unauditedAreas.isEmpty {
            text +=
                "<p class=\"note\">\(HTML.escape(d.unauditedAreas.joined(separator: ", "))): summaries written before reports were audited; their own reports may let hidden counts be worked out.</p>"
        }
        return text
    }

    /// How to read the report: baseline and latest, change measures, suppression.
    private func howToRead(_ cells: Cells) -> String {
        let t = cells.threshold
        var html = "<section><h2>How to read this report</h2><ul>"
        html +=
            "<li>Baseline is each child's first scored questionnaire, latest the most recent. Reliable change (Jacobson &amp; Truax) means a change larger than measurement error; meaningful change uses each scale's published threshold.</li>"
        html +=
            "<li>Effect size is Cohen's d for paired change (d<sub>z</sub>): the mean change divided by the standard deviation of the changes.</li>"
        html +=
            t <= 1
            ? "<li>Nothing is hidden: every number is shown exactly. No child's id, date of birth or free text appears here.</li>"
            : "<li><b>[c]</b> marks a hidden number. A hidden number may be 0, may be from 1 to \(t - 1), or may be hidden to protect another: the mark is the same whatever the reason, so it says nothing about the number. No child's id, date of birth or free text appears here.</li>"
        return html + "</ul></section>"
    }

    private func licences() -> String {
        let e = HTML.escape
        var html = "<section><h2>Instruments and licences</h2><ul>"
        for instrument in instruments {
            html +=
                "<li><b>\(e(instrument.title))</b> (\(e(instrument.id.rawValue)) \(e(instrument.version)), \(instrument.status.rawValue)): \(e(instrument.licence.copyright)) \(e(instrument.licence.terms))</li>"
        }
        return html + "</ul></section>"
    }

    /// The page around the sections: title, styles, and the line saying what it covers.
    private func page(body: String, threshold t: Int) -> String {
        let e = HTML.escape
        let areasText = areas.map(e).joined(separator: ", ")
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(title))</title>
            <style>
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:60em;padding:1em 1.5em;color:#1a1a1a;line-height:1.4}
            h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:2px solid #1f5fa8;padding-bottom:.2em;margin-top:1.6em}
            table{border-collapse:collapse;margin:.6em 0;max-width:100%}tr.first td{border-top:2px solid #99a}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
            th{background:#eef3fa}.cards{display:flex;flex-wrap:wrap;gap:.8em}.card{border:1px solid #ccd;border-radius:6px;padding:.6em 1em;min-width:9em}
            .card b{display:block;font-size:1.5em}.card span{font-size:.85em;color:#444}.note{background:#fff8e1;border-left:4px solid #e0a800;padding:.3em .6em}
            figure{margin:1em 0}figcaption{font-size:.85em;color:#444}.meta{color:#444}
            .beside{display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start}.beside figure{margin:.6em 0;max-width:100%}.beside svg{max-width:100%;height:auto}
            @page{size:A4;margin:14mm}
            @media print{body{max-width:none;padding:0;font-size:10pt}th,td{padding:.2em .4em}h2,h3{break-after:avoid}tr,figure,.card{break-inside:avoid}.beside{display:block}}
            </style></head><body>
            <h1>\(e(title))</h1>
            \(disclosure.warning.map { "<p class=\"note\"><b>Warning:</b> \(e($0))</p>" } ?? "")<p class="meta">\(areasText) · as of \(asOf) · counts under \(t) hidden ([c])</p>
            \(body)
            </body></html>

            """
    }

    /// A p-value as HTML text: "&lt; 0.001" below a thousandth, three decimals otherwise, "–" when undefined.
    private func pValueHTML(_ p: Double?) -> String {
        p.map { $0 < 0.001 ? "&lt; 0.001" : formatNumber($0, decimals: 3) } ?? "–"
    }

    /// A breakdown's rows, one per category and scale, and for each row how many rows its
    /// category's first two cells span (0: a row continuing its category's).
    private func breakdownRows(_ dimension: String, scales: [Scale], _ cells: Cells) -> (rows: [[String]], spans: [Int])
    {
        let e = HTML.escape
        var rows: [[String]] = []
        var spans: [Int] = []
        for group in groups where group.dimension == dimension {
            let views = scales.compactMap { scale in
                group.scales.first { $0.scale == scale.id }.map { (scale, $0) }
            }
            let label =
                group.members.count > 1 && !group.category.hasPrefix("other")
                ? "\(e(group.category)) <span class=\"meta\">(\(group.members.map(e).joined(separator: ", ")))</span>"
                : e(group.category)
            guard !views.isEmpty else {
                rows.append([label, cells.count(group.children), "–", "–", "–", "–"])
                spans.append(1)
                continue
            }
            for (index, (scale, view)) in views.enumerated() {
                let small =
                    (view.childrenWithFollowUp.exactValue ?? 0) < ReportView.minimumForComparison ? " †" : ""
                let improved = view.reliableChange.first {
                    $0.name == ReliableChangeClass.reliablyImproved.rawValue
                }
                let ofScale = [
                    e(scale.title), cells.count(view.childrenWithFollowUp) + small,
                    cells.number(view.change?.meanChange, 2),
                    improved.map { cells.count($0.count) + cells.percent($0.count, of: view.childrenWithFollowUp) }
                        ?? "–",
                ]
                rows.append(index == 0 ? [label, cells.count(group.children)] + ofScale : ofScale)
                spans.append(index == 0 ? views.count : 0)
            }
        }
        return (rows, spans)
    }

    /// A table whose first two cells of a row span the next `spans[row] - 1` rows too (0: a row
    /// continuing the one above, without them).
    private func groupedTable(_ header: [String], _ rows: [[String]], spans: [Int]) -> String {
        var html = "<table><thead><tr>" + header.map { "<th>\($0)</th>" }.joined() + "</tr></thead><tbody>"
        for (row, span) in zip(rows, spans) {
            let spanned = span > 1 ? " rowspan=\"\(span)\"" : ""
            html += span == 0 ? "<tr>" : "<tr class=\"first\">"
            for (index, cell) in row.enumerated() {
                html += span > 0 && index < 2 ? "<td\(spanned)>\(cell)</td>" : "<td>\(cell)</td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table>"
    }

    private func table(_ header: [String], _ rows: [[String]], header showHeader: Bool = true) -> String {
        var html = "<table>"
        if showHeader { html += "<thead><tr>" + header.map { "<th>\($0)</th>" }.joined() + "</tr></thead>" }
        html += "<tbody>"
        for row in rows {
            html +=
                "<tr>"
                + row.enumerated().map {
                    !showHeader && $0.offset == 0 ? "<th>\($0.element)</th>" : "<td>\($0.element)</td>"
                }.joined() + "</tr>"
        }
        return html + "</tbody></table>"
    }
}

extension String {
    /// The text with its first letter upper-cased.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
