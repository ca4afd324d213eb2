/// Classical test theory statistics for a scale from complete administrations.
///
/// ```swift
/// let stats = try Psychometrics.analyse(file: "pilot.csv", instrument: lifeSkills, catalog: catalog)
/// print(stats.alpha ?? .nan, stats.impliedReliableChange ?? .nan)
/// ```
public enum Psychometrics {
    /// The fewest complete administrations analysed.
    public static let minimumAdministrations = 10

    /// Analyses complete response vectors (rows of item codes, one per administration).
    /// - Parameters:
    ///   - codes: one row per administration, one code per item of the scale, all answered.
    ///   - missing: per item, administrations without a scored answer (of `administrationsRead`).
    public static func analyse(
        codes: [[Int]], scale: Scale, items: [Item], missing: [Int], administrationsRead: Int
    ) throws(PsychometricsError) -> ScaleStatistics {
        let n = codes.count
        let k = items.count
        guard k >= 2 else { throw .tooFewItems(scale.id, count: k) }
        guard n >= minimumAdministrations else {
            throw .tooFewAdministrations(found: n, needed: minimumAdministrations)
        }
        let isMean: Bool
        if case .mean = scale.method { isMean = true } else { isMean = false }
        let columns = (0..<k).map { item in codes.map { Double($0[item]) } }
        let sums = codes.map { Double($0.reduce(0, +)) }
        let scores = isMean ? sums.map { $0 / Double(k) } : sums
        let alpha = cronbachAlpha(columns, sums: sums)
        var interval: ClosedRange<Double>?
        if let alpha {
            // Feldt (1965): (1 - alpha) / (1 - true alpha) follows F(n - 1, (n - 1)(k - 1)).
            let d1 = Double(n - 1)
            let d2 = Double((n - 1) * (k - 1))
            let lower = 1 - (1 - alpha) * Distributions.fQuantile(0.975, d1, d2)
            let upper = 1 - (1 - alpha) * Distributions.fQuantile(0.025, d1, d2)
            interval = lower...upper
        }
        let sd = standardDeviation(scores)
        let sem = alpha.map { sd * max(0, 1 - $0).squareRoot() }
        let itemStatistics = items.enumerated().map { index, item in
            let column = columns[index]
            let scored = item.responseScale?.options.filter(\.isScored).map(\.code) ?? []
            let rest = zip(sums, column).map { $0 - $1 }
            var others = columns
            others.remove(at: index)
            return ItemStatistics(
                item: item.id, mean: mean(column), standardDeviation: standardDeviation(column),
                floorPercent: percent(column.filter { $0 == Double(scored.min() ?? 0) }.count, of: n),
                ceilingPercent: percent(column.filter { $0 == Double(scored.max() ?? 0) }.count, of: n),
                correctedItemTotal: correlation(column, rest),
                alphaIfDeleted: k > 2 ? cronbachAlpha(others, sums: rest) : nil,
                missing: missing[index], missingPercent: percent(missing[index], of: administrationsRead))
        }
        return ScaleStatistics(
            scale: scale.id, n: n, itemCount: k, mean: mean(scores), standardDeviation: sd, alpha: alpha,
            alphaInterval: interval, floorPercent: percent(scores.filter { $0 == scale.minimum }.count, of: n),
            ceilingPercent: percent(scores.filter { $0 == scale.maximum }.count, of: n),
            standardErrorOfMeasurement: sem,
            impliedReliableChange: sem.map { 1.96 * 2.0.squareRoot() * $0 },
            declaredReliableChange: scale.change?.reliable?.threshold, items: itemStatistics,
            administrationsRead: administrationsRead)
    }

    /// Cronbach's alpha from item columns and the row sums; `nil` when the total has no variance.
    static func cronbachAlpha(_ columns: [[Double]], sums: [Double]) -> Double? {
        let k = Double(columns.count)
        let total = variance(sums)
        guard k >= 2, total > 0 else { return nil }
        let itemVariance = columns.map(variance).reduce(0, +)
        return k / (k - 1) * (1 - itemVariance / total)
    }

    static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(max(values.count, 1)) }

    /// Sample variance (n - 1).
    static func variance(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let m = mean(values)
        return values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)
    }

    static func standardDeviation(_ values: [Double]) -> Double { variance(values).squareRoot() }

    /// Pearson correlation; `nil` when either side has no variance.
    static func correlation(_ x: [Double], _ y: [Double]) -> Double? {
        let mx = mean(x)
        let my = mean(y)
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    static func percent(_ count: Int, of total: Int) -> Double { total == 0 ? 0 : 100 * Double(count) / Double(total) }
}

extension Psychometrics {
    /// Reads a response file and analyses one scale of one instrument: the first complete
    /// administration per child (or every complete one), with missingness from all administrations.
    /// Rows of other instruments are skipped; rows of this instrument with problems count towards
    /// missingness but are never analysed.
    public static func analyse(
        file: String, instrument: Instrument, scale scaleID: ScaleID? = nil, catalog: InstrumentCatalog,
        options: ReadingOptions = ReadingOptions(), firstPerChild: Bool = true,
        dates: ClosedRange<CalendarDate> = FollowUpOptions.defaultEarliestDate...CalendarDate.today
    ) throws -> ScaleStatistics {
        let itemScales = instrument.scales.filter { !$0.items.isEmpty }
        let scale: Scale
        if let scaleID {
            guard let found = instrument.scale(id: scaleID) else {
                throw PsychometricsError.unknownScale(scaleID, known: instrument.scales.map(\.id))
            }
            if case .lookup(let source, _) = found.method {
                throw PsychometricsError.notAnItemScale(scaleID, source: source)
            }
            scale = found
        } else {
            guard let first = itemScales.first else {
                throw PsychometricsError.unknownScale(ScaleID("(none)"), known: instrument.scales.map(\.id))
            }
            scale = first
        }
        let items = scale.items.compactMap { instrument.item(id: $0) }
        let reader = try ResponseFileReader(path: file, catalog: catalog, options: options)
        guard let engineIndex = reader.layout.engines.firstIndex(where: { $0.instrument.id == instrument.id }) else {
            throw PsychometricsError.unknownScale(scale.id, known: [])
        }
        let engine = reader.layout.engines[engineIndex]
        let positions = items.compactMap { item in engine.items.firstIndex { $0.id == item.id } }
        var missing = [Int](repeating: 0, count: items.count)
        var read = 0
        var first: [String: (date: CalendarDate, line: Int, codes: [Int])] = [:]
        var all: [[Int]] = []
        while try reader.nextRow() {
            // The rows change and report use: the engine's, dated within `dates`.
            guard reader.state.engine == engineIndex, reader.state.date.map(dates.contains) ?? true else { continue }
            read += 1
            let answers = reader.state.answers[engineIndex]
            var codes: [Int] = []
            for (offset, position) in positions.enumerated() {
                if case .scored(let code) = answers[position] { codes.append(code) } else { missing[offset] += 1 }
            }
            guard codes.count == positions.count, reader.state.status != .invalid, let date = reader.state.date else {
                continue
            }
            if firstPerChild {
                let child = reader.currentRow.childID
                if let existing = first[child], existing.date <= date { continue }
                first[child] = (date, reader.state.line, codes)
            } else {
                all.append(codes)
            }
        }
        let rows = firstPerChild ? first.values.sorted { $0.line < $1.line }.map(\.codes) : all
        return try analyse(codes: rows, scale: scale, items: items, missing: missing, administrationsRead: read)
    }
}
