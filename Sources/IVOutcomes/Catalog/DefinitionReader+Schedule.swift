/// Reading and validating a measurement schedule.
extension DefinitionReader {
    /// Reads a schedule and checks that each measure names instruments of `instruments`.
    mutating func readSchedule(_ values: [String: JSONValue], instruments: [Instrument]) -> MeasurementSchedule? {
        guard
            let top = fields(
                .object(values), at: "",
                allowed: ["schemaVersion", "kind", "id", "version", "title", "measures", "sources"])
        else { return nil }
        let id = string(top, "id")
        let version = string(top, "version")
        if let version, !DefinitionReader.isSemanticVersion(version) {
            problem("version", "'\(version)' is not a version of the form MAJOR.MINOR.PATCH")
        }
        let title = string(top, "title")
        let sources = citations(top)
        let known = Set(sources.map(\.id.rawValue))
        let instrumentIDs = instruments.map(\.id.rawValue)
        var measures: [ScheduledMeasure] = []
        var claimed: [String: String] = [:]
        for (index, element) in (array(top, "measures") ?? []).enumerated() {
            let path = "measures[\(index)]"
            guard
                let fields = fields(
                    element, at: path,
                    allowed: ["id", "title", "instruments", "everyMonths", "toleranceDays", "source", "byAge"])
            else { continue }
            let measureID = identifier(fields, "id", as: Void.self)
            let measureTitle = string(fields, "title")
            let every = integer(fields, "everyMonths")
            let tolerance = integer(fields, "toleranceDays")
            let source = string(fields, "source")
            checkSource(source, at: "\(path).source", known: known)
            if let every, every < 1 { problem("\(path).everyMonths", "must be at least 1, found \(every)") }
            if let tolerance, let every, every >= 1, tolerance < 0 || tolerance > every * 15 {
                problem(
                    "\(path).toleranceDays",
                    "\(tolerance) days: must be 0 to \(every * 15) (about half the interval; each administration counts for its nearest wave)"
                )
            }
            let members = measureInstruments(
                fields, at: path, measure: measureID?.rawValue, of: instrumentIDs, claimed: &claimed)
            if fields.values["instruments"] != nil, members.isEmpty {
                problem("\(path).instruments", "name at least one instrument")
            }
            let byAge = ageRules(fields, at: path, members: members, instruments: instruments, known: known)
            if let measureID, let measureTitle, let every, let tolerance, let source {
                measures.append(
                    ScheduledMeasure(
                        id: MeasureID(measureID.rawValue), title: measureTitle, instruments: members,
                        everyMonths: every, toleranceDays: tolerance, source: SourceID(source), byAge: byAge))
            }
        }
        checkUnique(measures.enumerated().map { ($1.id.rawValue, "measures[\($0)].id") }, what: "measure id")
        guard problems.isEmpty, let id, let version, let title else { return nil }
        return MeasurementSchedule(
            id: id, version: version, title: title, measures: measures, sources: sources, file: file)
    }

    /// A measure's instruments: each one the catalogue has, and in no other measure (`claimed`
    /// holds the measure each instrument first counted towards).
    private mutating func measureInstruments(
        _ fields: Fields, at path: String, measure measureID: String?, of instrumentIDs: [String],
        claimed: inout [String: String]
    ) -> [InstrumentID] {
        var members: [InstrumentID] = []
        for (text, memberPath) in instrumentNames(fields, at: path) {
            if !instrumentIDs.contains(text) {
                problem(memberPath, "unknown instrument '\(text)'\(suggestion(for: text, in: instrumentIDs))")
            } else if let other = claimed[text] {
                problem(
                    memberPath,
                    "'\(text)' already counts towards measure '\(other)'; an instrument belongs to one measure")
            }
            if let measureID { claimed[text] = claimed[text] ?? measureID }
            members.append(InstrumentID(text))
        }
        return members
    }

    /// `"byAge": [{"minimum": 8, "maximum": 12, "instruments": ["scwbs"], "source": "..."}, ...]`:
    /// youngest first, not overlapping, each instrument one of the measure's and validated for
    /// every age of its rule.
    private mutating func ageRules(
        _ fields: Fields, at path: String, members: [InstrumentID], instruments: [Instrument], known: Set<String>
    ) -> [AgeRule] {
        var rules: [AgeRule] = []
        for (index, element) in (array(fields, "byAge", optional: true) ?? []).enumerated() {
            let rulePath = "\(path).byAge[\(index)]"
            guard
                let rule = self.fields(
                    element, at: rulePath, allowed: ["minimum", "maximum", "instruments", "source"])
            else { continue }
            let minimum = integer(rule, "minimum")
            let maximum = integer(rule, "maximum", optional: true)
            let source = string(rule, "source")
            checkSource(source, at: "\(rulePath).source", known: known)
            if let minimum, minimum < 0 { problem("\(rulePath).minimum", "must be 0 or more, found \(minimum)") }
            if let minimum, let maximum, maximum < minimum {
                problem("\(rulePath).maximum", "\(maximum) is below the minimum \(minimum)")
            }
            if let minimum, let previous = rules.last?.ages, previous.maximum.map({ minimum <= $0 }) ?? true {
                problem(
                    "\(rulePath).minimum",
                    "\(minimum) overlaps or comes before the previous rule's ages (\(previous)); list the rules youngest first, without overlap"
                )
            }
            var ruleInstruments: [InstrumentID] = []
            for (text, memberPath) in instrumentNames(rule, at: rulePath) {
                guard members.contains(InstrumentID(text)) else {
                    problem(
                        memberPath,
                        "'\(text)' is not one of the measure's instruments (\(members.map(\.rawValue).joined(separator: ", ")))"
                    )
                    continue
                }
                ruleInstruments.append(InstrumentID(text))
                guard let minimum, let instrument = instruments.first(where: { $0.id.rawValue == text }) else {
                    continue
                }
                if let ages = instrument.validatedAges {
                    if minimum < ages.minimum || (ages.maximum.map { maximum == nil || maximum! > $0 } ?? false) {
                        problem(
                            memberPath,
                            "'\(text)' is validated for ages \(ages), not for every age of \(AgeRange(minimum: minimum, maximum: maximum, source: ages.source))"
                        )
                    }
                } else {
                    problem(memberPath, "'\(text)' is not validated for any age, so no age rule can give it")
                }
            }
            if rule.values["instruments"] != nil, ruleInstruments.isEmpty {
                problem("\(rulePath).instruments", "name at least one instrument")
            }
            if let minimum, let source, !ruleInstruments.isEmpty {
                rules.append(
                    AgeRule(
                        ages: AgeRange(minimum: minimum, maximum: maximum, source: SourceID(source)),
                        instruments: ruleInstruments))
            }
        }
        return rules
    }

    /// The strings of a list `instruments` with the path of each; an entry that is not a string
    /// is reported and left out.
    private mutating func instrumentNames(_ fields: Fields, at path: String) -> [(text: String, path: String)] {
        var names: [(text: String, path: String)] = []
        for (offset, value) in (array(fields, "instruments") ?? []).enumerated() {
            let memberPath = "\(path).instruments[\(offset)]"
            guard case .string(let text) = value else {
                problem(memberPath, "expected an instrument id, found \(value.kindDescription)")
                continue
            }
            names.append((text, memberPath))
        }
        return names
    }
}
