/// Reading and validating an instrument's scales and worked examples.
extension DefinitionReader {
    /// Column names the score output uses for itself, which no scale may take.
    static let reservedColumns: Set<String> = ["child_id", "administered_on", "instrument", "status", "problems"]

    mutating func scales(_ top: Fields, items: [Item], known: Set<String>) -> [Scale] {
        var result: [Scale] = []
        var paths: [(String, String)] = []
        for (index, element) in (array(top, "scales", optional: true) ?? []).enumerated() {
            if let scale = scale(
                element, at: "scales[\(index)]", items: items, earlier: result, known: known, ids: &paths)
            {
                result.append(scale)
            }
        }
        checkUnique(paths, what: "scale id")
        return result
    }

    /// One scale, checked: its id (not an item's or an output column's, recorded in `ids`), its
    /// method, range, policy, bands, change thresholds, role and codes.
    private mutating func scale(
        _ element: JSONValue, at path: String, items: [Item], earlier: [Scale], known: Set<String>,
        ids: inout [(String, String)]
    ) -> Scale? {
        let itemIDs = Set(items.map(\.id.rawValue))
        guard
            let fields = fields(
                element, at: path,
                allowed: [
                    "id", "title", "method", "items", "from", "table", "minimum", "maximum", "decimals",
                    "missingPolicy", "bands", "change", "sources", "intermediate", "role", "codes",
                ])
        else { return nil }
        let id = identifier(fields, "id", as: IdentifierKind.Scale.self)
        if let id {
            declaredScales.insert(id.rawValue)
            ids.append((id.rawValue, "\(path).id"))
            if itemIDs.contains(id.rawValue) || DefinitionReader.reservedColumns.contains(id.rawValue) {
                problem("\(path).id", "'\(id)' is already an item id or an output column; a scale needs its own id")
            }
        }
        let title = string(fields, "title")
        let methodName = string(fields, "method")
        let (method, computedRange) = scaleMethod(
            methodName, fields, at: path, items: items, earlier: earlier, known: known)
        let decimals = integer(fields, "decimals", optional: true) ?? 0
        if !(0...4).contains(decimals) { problem("\(path).decimals", "must be 0 to 4, found \(decimals)") }
        let minimum = number(fields, "minimum")
        let maximum = number(fields, "maximum")
        if let computedRange {
            let origin = methodName == "lookup" ? "the table gives" : "the items give"
            checkRange(minimum, maximum, against: computedRange, origin: origin, decimals: decimals, at: path)
        }
        let policy = missingPolicy(fields, at: path, method: method)
        let scaleSources = sources(fields, at: path, known: known)
        let bands = bandSet(
            fields, at: path, scale: id?.rawValue ?? "", minimum: minimum, maximum: maximum, decimals: decimals,
            known: known)
        if let column = bands?.column, itemIDs.contains(column) || DefinitionReader.reservedColumns.contains(column) {
            problem("\(path).bands.column", "'\(column)' is already an item id or an output column")
        }
        let change = changeThresholds(fields, at: path, known: known)
        let role = scaleRole(fields, at: path)
        if let role, role != .outcome, change != nil {
            problem(
                "\(path).change",
                "a scale whose role is \(role.rawValue) is never compared over time, so it takes no change thresholds"
            )
        }
        let codes = scaleCodes(fields, at: path, known: known)
        guard let id, let title, let method, let minimum, let maximum, let policy, let role else { return nil }
        var scale = Scale(
            id: id, title: title, method: method, minimum: minimum, maximum: maximum, decimals: decimals,
            missingPolicy: policy, bands: bands, change: change, sources: scaleSources.map { SourceID($0) },
            role: role)
        scale.codes = codes
        return scale
    }

    /// The minimum and maximum given against those the items or the table give.
    private mutating func checkRange(
        _ minimum: Double?, _ maximum: Double?, against computed: (Double, Double), origin: String, decimals: Int,
        at path: String
    ) {
        let show = { (value: Double) in formatNumber(value, decimals: decimals) }
        if let minimum, minimum != computed.0 {
            problem("\(path).minimum", "is \(show(minimum)) but \(origin) \(show(computed.0))")
        }
        if let maximum, maximum != computed.1 {
            problem("\(path).maximum", "is \(show(maximum)) but \(origin) \(show(computed.1))")
        }
    }

    /// `"role": "outcome" | "intermediate" | "validity_check"`, or the older `"intermediate": true`
    /// (still read: it means the role `intermediate`); `outcome` when neither is given.
    private mutating func scaleRole(_ fields: Fields, at path: String) -> Scale.Role? {
        let intermediate = bool(fields, "intermediate", default: false)
        guard fields.values["role"] != nil else { return intermediate ? .intermediate : .outcome }
        guard let role = oneOf(fields, "role", Scale.Role.self) else { return nil }
        if fields.values["intermediate"] != nil, intermediate != (role == .intermediate) {
            problem(
                "\(path).intermediate",
                "contradicts \"role\": \"\(role.rawValue)\"; give the role only (\"intermediate\": true is the older spelling of the role intermediate)"
            )
            return nil
        }
        return role
    }

    /// A scale's method, and the range its items or table give (to check the stated one against).
    private mutating func scaleMethod(
        _ methodName: String?, _ fields: Fields, at path: String, items: [Item], earlier: [Scale], known: Set<String>
    ) -> (Scale.Method?, (Double, Double)?) {
        var method: Scale.Method?
        var computedRange: (Double, Double)?
        switch methodName {
        case "sum", "mean":
            let scaleItems = scaleItems(fields, at: path, items: items)
            if let scaleItems, !scaleItems.isEmpty {
                let lows = scaleItems.map { $0.scoredCodes.min() ?? 0 }
                let highs = scaleItems.map { $0.scoredCodes.max() ?? 0 }
                let n = Double(scaleItems.count)
                let low = Double(lows.reduce(0, +))
                let high = Double(highs.reduce(0, +))
                let ids = scaleItems.map(\.id)
                method = methodName == "sum" ? .sum(items: ids) : .mean(items: ids)
                computedRange = methodName == "sum" ? (low, high) : (low / n, high / n)
            }
        case "lookup":
            if let lookup = lookup(fields, at: path, earlier: earlier, known: known) {
                method = .lookup(from: lookup.from, table: lookup.table)
                computedRange = (lookup.table.values.first ?? 0, lookup.table.values.last ?? 0)
            }
        case nil:
            break
        case let other?:
            problem(
                "\(path).method",
                "'\(other)' is not one of sum, mean, lookup\(suggestion(for: other, in: ["sum", "mean", "lookup"]))")
        }
        return (method, computedRange)
    }

    /// A scale's source ids, each checked against the definition's citations.
    private mutating func sources(_ fields: Fields, at path: String, known: Set<String>) -> [String] {
        (array(fields, "sources", optional: true) ?? []).enumerated().compactMap { (offset, value) -> String? in
            guard case .string(let source) = value else {
                problem("\(path).sources[\(offset)]", "expected a source id, found \(value.kindDescription)")
                return nil
            }
            checkSource(source, at: "\(path).sources[\(offset)]", known: known)
            return source
        }
    }

    /// `"codes": [{"system", "code", "display", "source"}]`: confirmed terminology codes, each citing its source.
    private mutating func scaleCodes(_ fields: Fields, at path: String, known: Set<String>) -> [ScaleCode] {
        (array(fields, "codes", optional: true) ?? []).enumerated().compactMap { offset, element in
            let codePath = "\(path).codes[\(offset)]"
            guard let code = self.fields(element, at: codePath, allowed: ["system", "code", "display", "source"]) else {
                return nil
            }
            let system = string(code, "system")
            let value = string(code, "code")
            let display = string(code, "display")
            let source = string(code, "source")
            checkSource(source, at: "\(codePath).source", known: known)
            if let system, !system.contains(":") {
                problem("\(codePath).system", "'\(system)' is not a URI (such as http://snomed.info/sct)")
            }
            guard let system, let value, let display, let source else { return nil }
            return ScaleCode(system: system, code: value, display: display, source: SourceID(source))
        }
    }

    private mutating func scaleItems(_ fields: Fields, at path: String, items: [Item]) -> [(
        id: ItemID, scoredCodes: [Int]
    )]? {
        guard let elements = array(fields, "items") else { return nil }
        if elements.isEmpty { problem("\(path).items", "a sum or mean needs at least one item") }
        var result: [(id: ItemID, scoredCodes: [Int])] = []
        var seen: [(String, String)] = []
        var complete = true
        for (offset, value) in elements.enumerated() {
            let itemPath = "\(path).items[\(offset)]"
            guard case .string(let text) = value else {
                problem(itemPath, "expected an item id, found \(value.kindDescription)")
                continue
            }
            seen.append((text, itemPath))
            guard let item = items.first(where: { $0.id.rawValue == text }) else {
                if !declaredItems.contains(text) {
                    problem(itemPath, "unknown item '\(text)'\(suggestion(for: text, in: declaredItems))")
                }
                complete = false
                continue
            }
            guard let scale = item.responseScale else {
                problem(itemPath, "item '\(text)' is free text, which is never scored")
                complete = false
                continue
            }
            let scored = scale.options.filter(\.isScored).map(\.code)
            if scored.isEmpty { problem(itemPath, "item '\(text)' has no scored options") }
            result.append((item.id, scored))
        }
        checkUnique(seen, what: "item in the scale")
        // With an item missing, the scale's range can't be checked without misleading messages.
        return complete ? result : nil
    }

    private mutating func lookup(_ fields: Fields, at path: String, earlier: [Scale], known: Set<String>)
        -> (from: ScaleID, table: ConversionTable)?
    {
        guard let from = string(fields, "from") else { return nil }
        guard let source = earlier.first(where: { $0.id.rawValue == from }) else {
            if declaredScales.contains(from) { return nil }
            problem(
                "\(path).from",
                "unknown scale '\(from)'\(suggestion(for: from, in: earlier.map(\.id.rawValue))) (a lookup converts a scale defined before it)"
            )
            return nil
        }
        guard case .sum = source.method, source.decimals == 0 else {
            problem(
                "\(path).from", "scale '\(from)' is not a whole-number sum; a conversion table needs whole raw scores")
            return nil
        }
        guard
            let table = self.fields(
                fields.values["table"] ?? .null, at: "\(path).table", allowed: ["firstRaw", "values", "source"])
        else {
            if fields.values["table"] == nil { problem("\(path).table", "missing required field 'table'") }
            return nil
        }
        let firstRaw = integer(table, "firstRaw")
        let tableSource = string(table, "source")
        checkSource(tableSource, at: "\(path).table.source", known: known)
        var values: [Double] = []
        for (offset, value) in (array(table, "values") ?? []).enumerated() {
            guard case .number(let number) = value else {
                problem("\(path).table.values[\(offset)]", "expected a number, found \(value.kindDescription)")
                continue
            }
            if let previous = values.last, number <= previous {
                problem(
                    "\(path).table.values[\(offset)]",
                    "\(formatNumber(number, decimals: 2)) is not greater than the value before it (\(formatNumber(previous, decimals: 2))); the table must increase"
                )
            }
            values.append(number)
        }
        guard let firstRaw, let tableSource else { return nil }
        let low = Int(source.minimum)
        let high = Int(source.maximum)
        if firstRaw != low || values.count != high - low + 1 {
            let last = firstRaw + values.count - 1
            problem(
                "\(path).table",
                "covers raw scores \(firstRaw)..\(last) but '\(from)' ranges \(low)..\(high); the table needs one value for every raw score (\(high - low + 1) values)"
            )
        }
        return (source.id, ConversionTable(firstRaw: firstRaw, values: values, source: SourceID(tableSource)))
    }

    private mutating func missingPolicy(_ fields: Fields, at path: String, method: Scale.Method?)
        -> MissingAnswerPolicy?
    {
        guard let text = string(fields, "missingPolicy", optional: true) else { return .complete }
        guard let policy = MissingAnswerPolicy(text) else {
            problem("\(path).missingPolicy", "'\(text)' is not a policy (expected complete or prorate:N)")
            return nil
        }
        if let method, let reason = policy.problem(applyingTo: method) { problem("\(path).missingPolicy", reason) }
        return policy
    }

    private mutating func bandSet(
        _ fields: Fields, at path: String, scale: String, minimum: Double?, maximum: Double?, decimals: Int,
        known: Set<String>
    ) -> BandSet? {
        guard let value = fields.values["bands"], value != .null else { return nil }
        let setPath = "\(path).bands"
        guard let set = self.fields(value, at: setPath, allowed: ["column", "source", "caution", "verified", "bands"])
        else { return nil }
        let column = string(set, "column", optional: true) ?? "\(scale)_band"
        if !Identifier<Void>.isWellFormed(column) {
            problem("\(setPath).column", "'\(column)' is not a valid column name")
        }
        let source = string(set, "source")
        checkSource(source, at: "\(setPath).source", known: known)
        let caution = string(set, "caution")
        let verified = bool(set, "verified", default: true)
        let bands = (array(set, "bands") ?? []).enumerated().compactMap { offset, element in
            band(element, at: "\(setPath).bands[\(offset)]")
        }
        checkUnique(bands.enumerated().map { ($1.id.rawValue, "\(setPath).bands[\($0)].id") }, what: "band id")
        checkCoverage(bands, at: setPath, minimum: minimum, maximum: maximum, decimals: decimals)
        guard let source, let caution, !bands.isEmpty else { return nil }
        return BandSet(bands: bands, source: SourceID(source), caution: caution, isVerified: verified, column: column)
    }

    /// One band: a well-formed id, a label, and a minimum not above its maximum.
    private mutating func band(_ element: JSONValue, at bandPath: String) -> Band? {
        guard let band = self.fields(element, at: bandPath, allowed: ["id", "label", "minimum", "maximum"]) else {
            return nil
        }
        let id = string(band, "id")
        if let id, !Identifier<Void>.isWellFormed(id) {
            problem(
                "\(bandPath).id",
                "'\(id)' is not a valid id (use lower-case letters, digits, '_' and '-', starting with a letter)")
        }
        let label = string(band, "label")
        let low = number(band, "minimum")
        let high = number(band, "maximum")
        if let low, let high, low > high { problem(bandPath, "minimum \(low) is above maximum \(high)") }
        guard let id, let label, let low, let high else { return nil }
        return Band(id: BandID(id), label: label, minimum: low, maximum: high)
    }

    /// Bands must be contiguous: each starts one step (1 for whole numbers, 0.01 for two decimals)
    /// above the one before, with no gap and no overlap, from the scale's minimum to its maximum.
    private mutating func checkCoverage(
        _ bands: [Band], at setPath: String, minimum: Double?, maximum: Double?, decimals: Int
    ) {
        var step = 1.0
        for _ in 0..<max(decimals, 0) { step /= 10 }
        for offset in bands.indices.dropFirst() {
            let previous = bands[offset - 1]
            let band = bands[offset]
            let expected = previous.maximum + step
            if abs(band.minimum - expected) > step / 1000 {
                let kind = band.minimum <= previous.maximum ? "overlaps" : "leaves a gap after"
                problem(
                    "\(setPath).bands[\(offset)].minimum",
                    "band '\(band.id)' starts at \(formatNumber(band.minimum, decimals: decimals)), which \(kind) '\(previous.id)' (ends at \(formatNumber(previous.maximum, decimals: decimals))); expected \(formatNumber(expected, decimals: decimals))"
                )
            }
        }
        if let first = bands.first, let minimum, first.minimum != minimum {
            problem(
                "\(setPath).bands[0].minimum",
                "the first band starts at \(formatNumber(first.minimum, decimals: decimals)), not at the scale's minimum \(formatNumber(minimum, decimals: decimals))"
            )
        }
        if let last = bands.last, let maximum, last.maximum != maximum {
            problem(
                "\(setPath).bands[\(bands.count - 1)].maximum",
                "the last band ends at \(formatNumber(last.maximum, decimals: decimals)), not at the scale's maximum \(formatNumber(maximum, decimals: decimals))"
            )
        }
    }

    private mutating func changeThresholds(_ fields: Fields, at path: String, known: Set<String>) -> ChangeThresholds? {
        guard let value = fields.values["change"], value != .null else { return nil }
        let changePath = "\(path).change"
        guard let change = self.fields(value, at: changePath, allowed: ["meaningful", "reliable"]) else { return nil }
        var meaningful: MeaningfulChange?
        if let value = change.values["meaningful"],
            let fields = self.fields(value, at: "\(changePath).meaningful", allowed: ["points", "source"])
        {
            let points = number(fields, "points")
            let source = string(fields, "source")
            checkSource(source, at: "\(changePath).meaningful.source", known: known)
            if let points, points <= 0 { problem("\(changePath).meaningful.points", "must be more than 0") }
            if let points, let source { meaningful = MeaningfulChange(points: points, source: SourceID(source)) }
        }
        var reliable: ReliableChange?
        if let value = change.values["reliable"],
            let fields = self.fields(
                value, at: "\(changePath).reliable", allowed: ["points", "standardDeviation", "reliability", "source"])
        {
            let reliablePath = "\(changePath).reliable"
            let source = string(fields, "source")
            checkSource(source, at: "\(reliablePath).source", known: known)
            var basis: ReliableChange.Basis?
            if fields.values["points"] != nil {
                if fields.values["standardDeviation"] != nil || fields.values["reliability"] != nil {
                    problem(reliablePath, "give either points or standardDeviation and reliability, not both")
                }
                if let points = number(fields, "points") {
                    if points <= 0 { problem("\(reliablePath).points", "must be more than 0") }
                    basis = .points(points)
                }
            } else {
                let sd = number(fields, "standardDeviation")
                let r = number(fields, "reliability")
                if let sd, sd <= 0 { problem("\(reliablePath).standardDeviation", "must be more than 0") }
                if let r, !(r > 0 && r < 1) {
                    problem("\(reliablePath).reliability", "must be between 0 and 1, found \(r)")
                }
                if let sd, let r { basis = .reliability(standardDeviation: sd, reliability: r) }
            }
            if let basis, let source { reliable = ReliableChange(basis: basis, source: SourceID(source)) }
        }
        if meaningful == nil, reliable == nil { return nil }
        return ChangeThresholds(meaningful: meaningful, reliable: reliable)
    }

    // MARK: Worked examples

    /// Reads the worked examples and scores each with `instrument`, reporting any that does not
    /// produce what it states.
    mutating func examples(_ top: Fields, instrument: Instrument) -> [WorkedExample] {
        let engine = ScoringEngine(instrument: instrument)
        var result: [WorkedExample] = []
        for (index, element) in (array(top, "examples") ?? []).enumerated() {
            let path = "examples[\(index)]"
            guard let fields = fields(element, at: path, allowed: ["description", "answers", "expected"]) else {
                continue
            }
            let description = string(fields, "description") ?? ""
            let answers = exampleAnswers(fields, at: path, instrument: instrument)
            let expected = exampleExpectations(fields, at: path, instrument: instrument)
            checkExample(answers: answers, expected: expected, at: path, instrument: instrument, engine: engine)
            result.append(WorkedExample(description: description, answers: answers, expected: expected))
        }
        return result
    }

    /// A worked example's answers by item: codes or labels (`null` for no answer).
    private mutating func exampleAnswers(_ fields: Fields, at path: String, instrument: Instrument) -> [ItemID: String]
    {
        var answers: [ItemID: String] = [:]
        if let answerFields = self.fields(
            fields.values["answers"] ?? .object([:]), at: "\(path).answers",
            allowed: instrument.items.map(\.id.rawValue))
        {
            for (key, value) in answerFields.values.sorted(by: { $0.key < $1.key }) {
                switch value {
                case .number(let number) where number == number.rounded():
                    answers[ItemID(key)] = String(Int(number))
                case .string(let text): answers[ItemID(key)] = text
                case .null: break
                default:
                    problem("\(path).answers.\(key)", "expected a code or a label, found \(value.kindDescription)")
                }
            }
        }
        return answers
    }

    /// A worked example's expected scores by scale: a number, `null` (not scored), or a value
    /// and a band.
    private mutating func exampleExpectations(_ fields: Fields, at path: String, instrument: Instrument)
        -> [ScaleID: ExpectedScore]
    {
        var expected: [ScaleID: ExpectedScore] = [:]
        if let expectedFields = self.fields(
            fields.values["expected"] ?? .null, at: "\(path).expected",
            allowed: instrument.scales.map(\.id.rawValue))
        {
            for (key, value) in expectedFields.values.sorted(by: { $0.key < $1.key }) {
                switch value {
                case .null: expected[ScaleID(key)] = ExpectedScore(value: nil, band: nil)
                case .number(let number): expected[ScaleID(key)] = ExpectedScore(value: number, band: nil)
                case .object:
                    guard let score = self.fields(value, at: "\(path).expected.\(key)", allowed: ["value", "band"])
                    else { continue }
                    expected[ScaleID(key)] = ExpectedScore(
                        value: number(score, "value", optional: true),
                        band: string(score, "band", optional: true).map { BandID($0) })
                default:
                    problem(
                        "\(path).expected.\(key)",
                        "expected a number, null, or {\"value\", \"band\"}; found \(value.kindDescription)")
                }
            }
        } else if fields.values["expected"] == nil {
            problem("\(path).expected", "missing required field 'expected'")
        }
        return expected
    }

    /// Scores a worked example and checks each expected score and band.
    private mutating func checkExample(
        answers: [ItemID: String], expected: [ScaleID: ExpectedScore], at path: String, instrument: Instrument,
        engine: ScoringEngine
    ) {
        // The engine's own instrument: never the wrong one.
        let sheet = engine.scoreKeepingAnswers(
            Administration(
                childID: "example", administeredOn: CalendarDate(daysSinceEpoch: 0), instrument: instrument.id,
                answers: answers)
        ).sheet
        for (scale, expectation) in expected.sorted(by: { $0.key < $1.key }) {
            let actual = sheet.result(for: scale)
            let scalePath = "\(path).expected.\(scale)"
            let format = { (value: Double?) in
                value.map { (try? instrument.scale(id: scale))?.format($0) ?? "\($0)" } ?? "not scored"
            }
            if actual?.value != expectation.value {
                let reasons =
                    sheet.problemMessages.isEmpty ? "" : " (\(sheet.problemMessages.joined(separator: "; ")))"
                problem(
                    scalePath,
                    "the example scores \(format(actual?.value)), not \(format(expectation.value))\(reasons)")
            } else if let band = expectation.band, actual?.band != band {
                problem(scalePath, "the example falls in band '\(actual?.band ?? "none")', not '\(band)'")
            }
        }
    }
}
