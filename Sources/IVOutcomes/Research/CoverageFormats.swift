/// Writing a coverage matrix as text, CSV, JSON or HTML.
extension Coverage {
    /// The rule behind the verdicts, in words, for every output.
    public static let ruleText =
        "covered: at least \(coveredThreshold) items inform the outcome; partly: 1 item; not covered: none; "
        + "an item asked by several instruments (such as SWEMWBS's, which are WEMWBS items) is counted once, "
        + "in items, questions and minutes"

    /// An aligned plain-text table with totals.
    public var text: String {
        let header = ["outcome"] + instruments.map(\.id.rawValue) + ["items", "verdict"]
        let body = rows.map { row in
            [row.outcome.title] + row.items.map { String($0.count) } + [String(row.itemCount), row.verdict.rawValue]
        }
        let table = TextTable.render(header: header, rows: body)
        return
            ([
                table, "",
                "Outcomes covered: \(outcomesCovered) of \(rows.count)"
                    + (rows.contains { $0.verdict == .partly }
                        ? " (partly: \(rows.filter { $0.verdict == .partly }.map(\.outcome.title).joined(separator: ", ")))"
                        : "")
                    + (rows.contains { $0.verdict == .notCovered }
                        ? "; not covered: \(rows.filter { $0.verdict == .notCovered }.map(\.outcome.title).joined(separator: ", "))"
                        : ""),
                "Questions: \(totalItems); estimated time: \(formatNumber(totalMinutes, decimals: totalMinutes == totalMinutes.rounded() ? 0 : 2)) minutes",
                "Rule: \(Coverage.ruleText)",
            ]).joined(separator: "\n")
    }

    /// One row per outcome: `outcome_id`, `outcome`, an item count per instrument, `items`, `item_ids`, `verdict`.
    public var csv: String {
        let header = ["outcome_id", "outcome"] + instruments.map(\.id.rawValue) + ["items", "item_ids", "verdict"]
        let lines = rows.map { row in
            ([row.outcome.id.rawValue, row.outcome.title] + row.items.map { String($0.count) }
                + [
                    String(row.itemCount), row.items.joined().map(\.rawValue).joined(separator: " "),
                    row.verdict.rawValue,
                ])
                .map(CSVCell.field).joined(separator: ",")
        }
        return ([header.joined(separator: ",")] + lines).joined(separator: "\n") + "\n"
    }

    /// A JSON document with the matrix, verdicts, rule and totals.
    public var json: String {
        let outcomes = rows.map { row in
            let items = zip(instruments, row.items).map {
                "\(JSONText.quoted($0.id.rawValue)):[\($1.map { JSONText.quoted($0.rawValue) }.joined(separator: ","))]"
            }
            return
                "{\"id\":\(JSONText.quoted(row.outcome.id.rawValue)),\"title\":\(JSONText.quoted(row.outcome.title)),"
                + "\"items\":{\(items.joined(separator: ","))},\"itemCount\":\(row.itemCount),\"verdict\":\"\(row.verdict.rawValue)\"}"
        }
        return "{\"instruments\":[\(instruments.map { JSONText.quoted($0.id.rawValue) }.joined(separator: ","))],"
            + "\"rule\":\(JSONText.quoted(Coverage.ruleText)),\"outcomes\":[\(outcomes.joined(separator: ","))],"
            + "\"totals\":{\"outcomesCovered\":\(outcomesCovered),\"outcomes\":\(rows.count),\"items\":\(totalItems),"
            + "\"minutes\":\(formatNumber(totalMinutes, decimals: 2))}}\n"
    }

    /// A self-contained HTML page with the matrix.
    public var html: String {
        let head = (["Outcome"] + instruments.map(\.shortTitle) + ["Items", "Verdict"]).map {
            "<th>\(HTML.escape($0))</th>"
        }.joined()
        let body = rows.map { row in
            let cells = row.items.map { items in
                "<td title=\"\(HTML.escape(items.map(\.rawValue).joined(separator: ", ")))\">\(items.count)</td>"
            }
            return
                "<tr><th scope=\"row\">\(HTML.escape(row.outcome.title))</th>\(cells.joined())<td>\(row.itemCount)</td>"
                + "<td class=\"\(row.verdict.rawValue)\">\(row.verdict.rawValue.replacingOccurrences(of: "_", with: " "))</td></tr>"
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Outcome coverage</title>
            <style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left}.covered{background:#d9f2d9}.partly{background:#fff3c4}.not_covered{background:#f6d5d5}</style>
            </head><body><h1>Outcome coverage</h1>
            <table><thead><tr>\(head)</tr></thead><tbody>\(body.joined())</tbody></table>
            <p>Outcomes covered: \(outcomesCovered) of \(rows.count). Questions: \(totalItems). Estimated time: \(HTML.escape(formatNumber(totalMinutes, decimals: 2))) minutes.</p>
            <p>Rule: \(HTML.escape(Coverage.ruleText)).</p>
            </body></html>

            """
    }
}
