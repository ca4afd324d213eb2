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
    ///   - scale: the scale analysed.
    ///   - items: the scale's items, in the order of each row's codes.
    ///   - missing: per item, administrations without a scored answer (of `administrationsRead`).
    ///   - administrationsRead: every administration read, complete or not.
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
    ///
    /// - Throws: ``PsychometricsError``: ``PsychometricsError/input(_:)`` when the file can't be read.
    public static func analyse(
        file: String, instrument: Instrument, scale scaleID: ScaleID? = nil, catalog: InstrumentCatalog,
        options: ReadingOptions = ReadingOptions(), firstPerChild: Bool = true,
        dates: ClosedRange<CalendarDate> = FollowUpOptions.defaultEarliestDate...CalendarDate.today
    ) throws(PsychometricsError) -> ScaleStatistics {
        let scale = try analysedScale(scaleID, of: instrument)
        do {
            let reader = try ResponseFileReader(path: file, catalog: catalog, options: options)
            guard let engineIndex = reader.layout.engines.firstIndex(where: { $0.instrument.id == instrument.id })
            else { throw PsychometricsError.unknownScale(scale.id, known: []) }
            var sample = Sample(scale: scale, engine: reader.layout.engines[engineIndex], firstPerChild: firstPerChild)
            while try reader.nextRow() {
                // The rows change and report use: the engine's, dated within `dates`.
                guard reader.state.engine == engineIndex, reader.state.date.map(dates.contains) ?? true else {
                    continue
                }
                sample.add(
                    reader.state.answers[engineIndex], child: reader.currentRow.childIDText, date: reader.state.date,
                    isInvalid: reader.state.status == .invalid, order: reader.state.line)
            }
            return try sample.statistics()
        } catch let error as PsychometricsError {
            throw error
        } catch let error as InputError {
            throw .input(error)
        } catch {
            preconditionFailure("only input and psychometrics errors are thrown here: \(error)")
        }
    }

    /// Analyses one scale of `instrument` from administrations a caller already has (see
    /// ``analyse(file:instrument:scale:catalog:options:firstPerChild:dates:)``): administrations
    /// of other instruments are skipped; the first complete one per child (by date, then order)
    /// is analysed unless `firstPerChild` is `false`.
    ///
    /// ```swift
    /// let stats = try Psychometrics.analyse(forms, instrument: lifeSkills)
    /// ```
    public static func analyse(
        _ administrations: some Sequence<Administration>, instrument: Instrument, scale scaleID: ScaleID? = nil,
        options: ScoringOptions = ScoringOptions(), firstPerChild: Bool = true
    ) throws(PsychometricsError) -> ScaleStatistics {
        let scale = try analysedScale(scaleID, of: instrument)
        let engine = ScoringEngine(instrument: instrument, options: options)
        var sample = Sample(scale: scale, engine: engine, firstPerChild: firstPerChild)
        for (order, administration) in administrations.enumerated() where administration.instrument == instrument.id {
            let (sheet, answers) = engine.scoreKeepingAnswers(administration)
            sample.add(
                answers, child: administration.childID.rawValue, date: administration.administeredOn,
                isInvalid: sheet.status == .invalid, order: order)
        }
        return try sample.statistics()
    }

    /// The scale to analyse: `id`, or the instrument's first scale of items.
    private static func analysedScale(_ id: ScaleID?, of instrument: Instrument) throws(PsychometricsError) -> Scale {
        guard let id else {
            guard let first = instrument.scales.first(where: { !$0.items.isEmpty }) else {
                throw .unknownScale(ScaleID("(none)"), known: instrument.scales.map(\.id))
            }
            return first
        }
        guard let found = try? instrument.scale(id: id) else {
            throw .unknownScale(id, known: instrument.scales.map(\.id))
        }
        if case .lookup(let source, _) = found.method { throw .notAnItemScale(id, source: source) }
        return found
    }

    /// The administrations analysed and the missing answers counted, however they are read.
    private struct Sample {
        let scale: Scale
        let items: [Item]
        let positions: [Int]
        let firstPerChild: Bool
        var missing: [Int]
        var read = 0
        var first: [String: (date: CalendarDate, order: Int, codes: [Int])] = [:]
        var all: [[Int]] = []

        init(scale: Scale, engine: ScoringEngine, firstPerChild: Bool) {
            self.scale = scale
            items = scale.items.compactMap { try? engine.instrument.item(id: $0) }
            positions = items.compactMap { item in engine.items.firstIndex { $0.id == item.id } }
            self.firstPerChild = firstPerChild
            missing = [Int](repeating: 0, count: items.count)
        }

        /// Adds one administration's answers: counted for missingness, kept when complete and valid.
        mutating func add(_ answers: [ResolvedAnswer], child: String, date: CalendarDate?, isInvalid: Bool, order: Int)
        {
            read += 1
            var codes: [Int] = []
            for (offset, position) in positions.enumerated() {
                if case .scored(let code) = answers[position] { codes.append(code) } else { missing[offset] += 1 }
            }
            guard codes.count == positions.count, !isInvalid, let date else { return }
            guard firstPerChild else {
                all.append(codes)
                return
            }
            if let existing = first[child], existing.date <= date { return }
            first[child] = (date, order, codes)
        }

        func statistics() throws(PsychometricsError) -> ScaleStatistics {
            let rows = firstPerChild ? first.values.sorted { $0.order < $1.order }.map(\.codes) : all
            return try Psychometrics.analyse(
                codes: rows, scale: scale, items: items, missing: missing, administrationsRead: read)
        }
    }
}
