/// Small inline SVG charts for reports: no scripts, no fonts to fetch, readable without colour.
enum SVGChart {
    /// Paired means at baseline and latest on the scale's range, with the mean change.
    static func baselineAndLatest(_ view: ScaleView) -> String? {
        guard let before = view.pairedBaseline, let after = view.latest else { return nil }
        let width = 520.0
        let left = 90.0
        let right = 20.0
        let span = view.definition.maximum - view.definition.minimum
        let x = { (value: Double) in left + (value - view.definition.minimum) / span * (width - left - right) }
        let label = { (value: Double) in formatNumber(value, decimals: 2) }
        var svg =
            "<svg role=\"img\" viewBox=\"0 0 \(Int(width)) 110\" width=\"\(Int(width))\" height=\"110\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg +=
            "<title>\(HTML.escape(view.definition.title)): mean at baseline \(label(before.mean)), latest \(label(after.mean))</title>"
        for (row, name, value, colour) in [
            (0, "Baseline", before.mean, "#8c8c8c"), (1, "Latest", after.mean, "#1f5fa8"),
        ] {
            let y = 12.0 + Double(row) * 38
            svg += "<text x=\"0\" y=\"\(Int(y + 17))\" font-size=\"13\">\(name)</text>"
            svg +=
                "<rect x=\"\(Int(left))\" y=\"\(Int(y))\" width=\"\(Int(width - left - right))\" height=\"24\" fill=\"#f1f1f1\"/>"
            svg +=
                "<rect x=\"\(Int(left))\" y=\"\(Int(y))\" width=\"\(format(x(value) - left))\" height=\"24\" fill=\"\(colour)\"/>"
            svg += "<text x=\"\(format(x(value) + 4))\" y=\"\(Int(y + 17))\" font-size=\"13\">\(label(value))</text>"
        }
        svg +=
            "<text x=\"\(Int(left))\" y=\"104\" font-size=\"11\" fill=\"#555\">\(view.definition.format(view.definition.minimum))</text>"
        svg +=
            "<text x=\"\(Int(width - right))\" y=\"104\" font-size=\"11\" fill=\"#555\" text-anchor=\"end\">\(view.definition.format(view.definition.maximum))</text>"
        return svg + "</svg>"
    }

    /// How many children changed by how much, with the no-reliable-change band shaded and
    /// suppressed bins drawn hatched, without their count.
    static func changeHistogram(_ view: ScaleView, threshold: Int) -> String? {
        guard let bins = histogramBins(view) else { return nil }
        let frame = HistogramFrame(bins: bins.map(\.0), binWidth: view.binWidth)
        let (width, height, left, top, bottom) = (frame.width, frame.height, frame.left, frame.top, frame.bottom)
        var svg =
            "<svg role=\"img\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg +=
            "<title>Distribution of change in \(HTML.escape(view.definition.title)), bins of \(formatNumber(view.binWidth, decimals: 0)) points</title>"
        svg +=
            "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#999\" stroke-width=\"2\"/></pattern></defs>"
        if let reliable = view.definition.change?.reliable?.threshold {
            let from = max(left, frame.x(-reliable))
            let to = min(width - 10, frame.x(reliable))
            svg +=
                "<rect x=\"\(format(from))\" y=\"\(Int(top))\" width=\"\(format(to - from))\" height=\"\(Int(height - top - bottom))\" fill=\"#fff2c2\"/>"
            svg +=
                "<text x=\"\(format((from + to) / 2))\" y=\"\(Int(top - 6))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#7a5b00\">shaded: within ±\(formatNumber(reliable, decimals: 2)): no reliable change</text>"
        }
        let tallest = Double(bins.compactMap { $0.1.exactValue }.max() ?? 1)
        for (bin, count) in bins { svg += histogramBar(bin, count, tallest: tallest, in: frame, threshold: threshold) }
        return svg + histogramAxis(frame) + "</svg>"
    }

    /// Where a histogram's bins are drawn: from the lowest bin (at most -1) to the highest (at
    /// least 0), so that zero is always on the axis.
    private struct HistogramFrame {
        let width = 520.0
        let height = 210.0
        let left = 36.0
        let bottom = 34.0
        let top = 22.0
        let lowBin: Int
        let highBin: Int
        let binWidth: Double

        init(bins: [Int], binWidth: Double) {
            lowBin = min(bins.min() ?? 0, -1)
            highBin = max(bins.max() ?? 0, 0)
            self.binWidth = binWidth
        }

        var binCount: Double { Double(highBin - lowBin + 1) }
        var binPixels: Double { (width - left - 10) / binCount }
        /// The height bars are scaled to.
        var plot: Double { height - top - bottom - 16 }
        /// The x of a change.
        func x(_ change: Double) -> Double { left + (change / binWidth - Double(lowBin)) * binPixels }
    }

    /// The bins from the first to the last that is not an empty one shown as 0; `nil` when none
    /// has a count shown.
    private static func histogramBins(_ view: ScaleView) -> [(Int, ReportedCount)]? {
        let listed = view.changeHistogram.compactMap { cell in Int(cell.name).map { ($0, cell.count) } }
        let used = listed.filter { $0.1 != .count(0) }.map(\.0)
        let bins = listed.filter { bin in
            (used.min().map { bin.0 >= $0 } ?? false) && (used.max().map { bin.0 <= $0 } ?? false)
        }
        guard !bins.isEmpty, bins.contains(where: { $0.1.exactValue != nil }) else { return nil }
        return bins
    }

    /// One bin's bar with its count, or hatched with the hidden symbol when its count is hidden.
    private static func histogramBar(
        _ bin: Int, _ count: ReportedCount, tallest: Double, in frame: HistogramFrame, threshold: Int
    ) -> String {
        let (height, bottom, binPixels, plot) = (frame.height, frame.bottom, frame.binPixels, frame.plot)
        let bx = frame.left + Double(bin - frame.lowBin) * binPixels + 1
        guard let value = count.exactValue else {
            let h = 0.25 * plot
            return
                "<rect x=\"\(format(bx))\" y=\"\(format(height - bottom - h))\" width=\"\(format(binPixels - 2))\" height=\"\(format(h))\" fill=\"url(#hatch)\" stroke=\"#999\"/>"
                + "<text x=\"\(format(bx + binPixels / 2))\" y=\"\(format(height - bottom - h - 3))\" font-size=\"9\" text-anchor=\"middle\">\(HTML.escape(count.text(threshold: threshold)))</text>"
        }
        let h = Double(value) / tallest * plot
        var svg =
            "<rect x=\"\(format(bx))\" y=\"\(format(height - bottom - h))\" width=\"\(format(binPixels - 2))\" height=\"\(format(h))\" fill=\"#1f5fa8\"/>"
        if value > 0 {
            svg +=
                "<text x=\"\(format(bx + binPixels / 2))\" y=\"\(format(height - bottom - h - 3))\" font-size=\"10\" text-anchor=\"middle\">\(value)</text>"
        }
        return svg
    }

    /// The axis, the zero line, the ticks and the axis label.
    private static func histogramAxis(_ frame: HistogramFrame) -> String {
        let (width, height, left, top, bottom) = (frame.width, frame.height, frame.left, frame.top, frame.bottom)
        var svg =
            "<line x1=\"\(Int(left))\" y1=\"\(Int(height - bottom))\" x2=\"\(Int(width - 10))\" y2=\"\(Int(height - bottom))\" stroke=\"#333\"/>"
        let zero = frame.x(0)
        svg +=
            "<line x1=\"\(format(zero))\" y1=\"\(Int(top))\" x2=\"\(format(zero))\" y2=\"\(Int(height - bottom))\" stroke=\"#333\" stroke-dasharray=\"3,3\"/>"
        for bin in stride(from: frame.lowBin, through: frame.highBin + 1, by: max(1, Int(frame.binCount) / 8)) {
            let value = Double(bin) * frame.binWidth
            svg +=
                "<text x=\"\(format(frame.x(value)))\" y=\"\(Int(height - bottom + 14))\" font-size=\"11\" text-anchor=\"middle\">\(formatNumber(value, decimals: 0))</text>"
        }
        svg +=
            "<text x=\"\(Int(width / 2))\" y=\"\(Int(height - 4))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">change from baseline to latest (points)</text>"
        return svg
    }

    /// Mean change of one scale per category of a breakdown (such as match length), as bars from
    /// zero with their 95% CI; a category whose change is not shown is labelled, never drawn.
    static func meanChangeByCategory(_ rows: [(category: String, view: ScaleView?)], scale: Scale) -> String? {
        let changes = rows.map { $0.view?.change }
        let shown = changes.compactMap { $0 }
        guard !shown.isEmpty else { return nil }
        let width = 300.0
        let left = 96.0
        let right = 14.0
        let rowHeight = 26.0
        let top = 8.0
        let height = top + Double(rows.count) * rowHeight + 26
        let low = min(0, shown.map(\.confidenceInterval.lowerBound).min() ?? 0)
        let high = max(0, shown.map(\.confidenceInterval.upperBound).max() ?? 0)
        let span = max(high - low, 1)
        let x = { (value: Double) in left + (value - low) / span * (width - left - right) }
        var svg =
            "<svg role=\"img\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title>Mean change in \(HTML.escape(scale.title)) by category, with 95% confidence intervals</title>"
        for (index, (row, change)) in zip(rows, changes).enumerated() {
            let y = top + Double(index) * rowHeight
            svg +=
                "<text x=\"0\" y=\"\(format(y + 16))\" font-size=\"11\">\(HTML.escape(row.category.replacingOccurrences(of: "_", with: " ")))</text>"
            guard let change else {
                svg +=
                    "<text x=\"\(Int(left))\" y=\"\(format(y + 16))\" font-size=\"11\" fill=\"#555\">not shown</text>"
                continue
            }
            let from = x(min(0, change.meanChange))
            let to = x(max(0, change.meanChange))
            svg +=
                "<rect x=\"\(format(from))\" y=\"\(format(y + 5))\" width=\"\(format(max(to - from, 1)))\" height=\"14\" fill=\"#1f5fa8\"/>"
            let ci = change.confidenceInterval
            svg +=
                "<line x1=\"\(format(x(ci.lowerBound)))\" y1=\"\(format(y + 12))\" x2=\"\(format(x(ci.upperBound)))\" y2=\"\(format(y + 12))\" stroke=\"#333\"/>"
        }
        let zero = x(0)
        let bottom = top + Double(rows.count) * rowHeight
        svg +=
            "<line x1=\"\(format(zero))\" y1=\"\(Int(top))\" x2=\"\(format(zero))\" y2=\"\(format(bottom))\" stroke=\"#333\" stroke-dasharray=\"3,3\"/>"
        svg +=
            "<text x=\"\(format(x(low)))\" y=\"\(format(bottom + 14))\" font-size=\"10\" fill=\"#555\">\(formatNumber(low, decimals: 1))</text>"
        svg +=
            "<text x=\"\(format(x(high)))\" y=\"\(format(bottom + 14))\" font-size=\"10\" fill=\"#555\" text-anchor=\"end\">\(formatNumber(high, decimals: 1))</text>"
        return svg + "</svg>"
    }

    private static func format(_ value: Double) -> String { formatNumber(value, decimals: 1) }
}
