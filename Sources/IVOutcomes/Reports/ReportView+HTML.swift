extension ReportView {
    /// The report as one self-contained HTML page: no scripts, fonts or network; charts are inline
    /// SVG; every text that came from input data is escaped.
    ///
    /// ```swift
    /// try view.html().write(toFile: "report.html", atomically: true, encoding: .utf8)
    /// ```
    public func html() -> String {
        let t = policy.threshold
        let e = HTML.escape
        let count = { (value: ReportedCount) in e(value.text(threshold: t)) }
        let number = { (value: Double?, decimals: Int) in value.map { formatNumber($0, decimals: decimals) } ?? "–" }
        let meanSD = { (value: MeanAndSD?) in
            value.map { "\(formatNumber($0.mean, decimals: 2)) (SD \(number($0.standardDeviation, 2)))" } ?? "not shown"
        }
        let percent = { (cell: ReportedCount, total: ReportedCount) -> String in
            guard let part = cell.exactValue, let whole = total.exactValue, whole >= t, whole > 0 else { return "" }
            return " (\(formatNumber(Double(part) * 100 / Double(whole), decimals: 0))%)"
        }
        var body = ""
        let all = groups.first { $0.dimension == "all" }
        // Headline.
        if let all {
            body += "<section><h2>At a glance</h2><div class=\"cards\">"
            body += "<div class=\"card\"><b>\(count(all.children))</b><span>children</span></div>"
            for scale in all.scales {
                body += "<div class=\"card\"><b>\(count(scale.childrenWithFollowUp))</b><span>followed up on \(e(scale.scale.title))</span></div>"
                if let improved = scale.reliableChange.first(where: { $0.name == ReliableChangeClass.reliablyImproved.rawValue }) {
                    body += "<div class=\"card\"><b>\(count(improved.count))\(percent(improved.count, scale.childrenWithFollowUp))</b><span>reliably improved on \(e(scale.scale.title))</span></div>"
                }
            }
            body += "</div></section>"
            // Each scale.
            for scale in all.scales {
                body += "<section><h2>\(e(scale.scale.title))</h2>"
                for note in scale.notes { body += "<p class=\"note\">\(e(note))</p>" }
                if let chart = SVGChart.baselineAndLatest(scale) {
                    body += "<figure>\(chart)<figcaption>Mean score of the children followed up, at baseline and latest.</figcaption></figure>"
                }
                if let chart = SVGChart.changeHistogram(scale, threshold: t) {
                    body += "<figure>\(chart)<figcaption>How much each child's score changed; counts under \(t) are hatched, not shown.</figcaption></figure>"
                }
                var rows: [(String, String)] = [
                    ("Children with a baseline", count(scale.childrenWithBaseline)),
                    ("Children with a follow-up", count(scale.childrenWithFollowUp)),
                    ("Baseline, all children: mean (SD)", meanSD(scale.baseline)),
                    ("Baseline, children followed up: mean (SD)", meanSD(scale.pairedBaseline)),
                    ("Latest: mean (SD)", meanSD(scale.latest)),
                ]
                if let change = scale.change {
                    rows.append(("Mean change [95% CI]", "\(formatNumber(change.meanChange, decimals: 2)) [\(formatNumber(change.confidenceInterval.lowerBound, decimals: 2)) to \(formatNumber(change.confidenceInterval.upperBound, decimals: 2))]"))
                    rows.append(("Paired t-test p", change.pValue.map { $0 < 0.001 ? "< 0.001" : formatNumber($0, decimals: 3) } ?? "–"))
                    rows.append(("Effect size (Cohen's d for paired change)", number(change.effectSize, 2)))
                } else {
                    rows.append(("Mean change", "not shown (fewer than \(t) children followed up)"))
                }
                for cell in scale.reliableChange + scale.meaningfulChange {
                    rows.append((cell.name.replacingOccurrences(of: "_", with: " ").capitalizedFirst, count(cell.count) + percent(cell.count, scale.childrenWithFollowUp)))
                }
                rows.append(("Scores below the validated age", count(scale.scoresBelowValidatedAge)))
                body += table(["", ""], rows.map { [e($0.0), $0.1] }, header: false)
                if !scale.bandsAtBaseline.isEmpty {
                    let bandRows = zip(scale.bandsAtBaseline, scale.bandsAtLatest).map { before, after in
                        [e(scale.scale.bands?.bands.first { $0.id == before.name }?.label ?? before.name), count(before.count), count(after.count)]
                    }
                    body += "<h3>Bands</h3>" + table(["Band", "At baseline (all)", "At latest (followed up)"], bandRows)
                    let bands = scale.scale.bands?.bands ?? []
                    let movement = bands.map { from in
                        [e(from.label)] + bands.map { to in
                            count(scale.bandMovement.first { $0.name == ScaleAggregate.movement(from: from.id, to: to.id) }?.count ?? .count(0))
                        }
                    }
                    body += "<h3>Band movement (children followed up)</h3><p>Rows: band at baseline; columns: band at latest.</p>"
                        + table(["From \\ to"] + bands.map { e($0.label) }, movement)
                }
                body += "</section>"
            }
            // Logs.
            if !all.logs.isEmpty {
                body += "<section><h2>What the volunteers noticed</h2><p>From the monthly contact logs: the share of logs saying the young person showed a little or a lot more of each outcome since the last visit.</p>"
                body += table(
                    ["Outcome", "Children with logs", "Logs", "Visits that happened", "A little or a lot more", "Share of logs"],
                    all.logs.map { log in
                        [e(log.outcome.title), count(log.childrenWithLogs), count(log.logs), count(log.visitsHappened), count(log.positive),
                         log.positiveShare.map { formatNumber($0 * 100, decimals: 0) + "%" } ?? "–"]
                    })
                body += "</section>"
            }
        }
        // Breakdowns.
        let dimensions = groups.map(\.dimension).filter { $0 != "all" }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if !dimensions.isEmpty {
            body += "<section><h2>Breakdowns</h2><p>Change by group. Groups under \(t) children show nothing; groups under \(ReportView.minimumForComparison) children followed up are marked †: Warwick advises at least \(ReportView.minimumForComparison) with two time points for group comparisons.</p>"
            let scales = all?.scales.map(\.scale) ?? []
            for dimension in dimensions {
                var header = [e(dimension.replacingOccurrences(of: "_", with: " ").capitalizedFirst), "Children"]
                for scale in scales { header += ["\(e(scale.id.rawValue)): followed up", "mean change", "reliably improved"] }
                let rows = groups.filter { $0.dimension == dimension }.map { group -> [String] in
                    var row = [e(group.category), count(group.children)]
                    for scale in scales {
                        guard let view = group.scales.first(where: { $0.scale.id == scale.id }) else {
                            row += ["–", "–", "–"]
                            continue
                        }
                        let small = (view.childrenWithFollowUp.exactValue ?? 0) < ReportView.minimumForComparison ? " †" : ""
                        let improved = view.reliableChange.first { $0.name == ReliableChangeClass.reliablyImproved.rawValue }
                        row += [
                            count(view.childrenWithFollowUp) + small, number(view.change?.meanChange, 2),
                            improved.map { count($0.count) + percent($0.count, view.childrenWithFollowUp) } ?? "–",
                        ]
                    }
                    return row
                }
                body += "<h3>\(e(dimension.replacingOccurrences(of: "_", with: " ").capitalizedFirst))</h3>" + table(header, rows)
            }
            body += "</section>"
        }
        // Data quality, method, licences.
        body += "<section><h2>Data quality</h2>" + table(["", ""], dataQuality.map { [e($0.name.capitalizedFirst), count($0.count)] }, header: false) + "</section>"
        body += "<section><h2>How to read this report</h2><ul>"
        body += "<li>Baseline is each child's first scored questionnaire, latest the most recent. Reliable change (Jacobson &amp; Truax) means a change larger than measurement error; meaningful change uses each scale's published threshold.</li>"
        body += "<li>Effect size is Cohen's d for paired change (d<sub>z</sub>): the mean change divided by the standard deviation of the changes.</li>"
        body += "<li>Any count from 1 to \(t - 1) is shown as “under \(t)”, and a second count is suppressed wherever the first could be worked out from a total. No child's id, date of birth or free text appears here.</li>"
        body += "</ul></section>"
        body += "<section><h2>Instruments and licences</h2><ul>"
        for instrument in instruments {
            body += "<li><b>\(e(instrument.title))</b> (\(e(instrument.id.rawValue)) \(e(instrument.version)), \(instrument.status.rawValue)): \(e(instrument.licence.copyright)) \(e(instrument.licence.terms))</li>"
        }
        body += "</ul></section>"
        let areasText = areas.map(e).joined(separator: ", ")
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(title))</title>
            <style>
            body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:60em;padding:1em 1.5em;color:#1a1a1a;line-height:1.4}
            h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:2px solid #1f5fa8;padding-bottom:.2em;margin-top:1.6em}
            table{border-collapse:collapse;margin:.6em 0;display:block;overflow-x:auto}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
            th{background:#eef3fa}.cards{display:flex;flex-wrap:wrap;gap:.8em}.card{border:1px solid #ccd;border-radius:6px;padding:.6em 1em;min-width:9em}
            .card b{display:block;font-size:1.5em}.card span{font-size:.85em;color:#444}.note{background:#fff8e1;border-left:4px solid #e0a800;padding:.3em .6em}
            figure{margin:1em 0}figcaption{font-size:.85em;color:#444}.meta{color:#444}
            </style></head><body>
            <h1>\(e(title))</h1>
            <p class="meta">\(areasText) · as of \(asOf) · counts under \(t) suppressed</p>
            \(body)
            </body></html>

            """
    }

    private func table(_ header: [String], _ rows: [[String]], header showHeader: Bool = true) -> String {
        var html = "<table>"
        if showHeader { html += "<thead><tr>" + header.map { "<th>\($0)</th>" }.joined() + "</tr></thead>" }
        html += "<tbody>"
        for row in rows {
            html += "<tr>" + row.enumerated().map { !showHeader && $0.offset == 0 ? "<th>\($0.element)</th>" : "<td>\($0.element)</td>" }.joined() + "</tr>"
        }
        return html + "</tbody></table>"
    }
}

extension String {
    /// The text with its first letter upper-cased.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
