/// Reading and validating an instrument definition.
extension DefinitionReader {
    static let instrumentFields = [
        "schemaVersion", "kind", "id", "version", "title", "shortTitle", "respondent", "recallPeriod",
        "instructions", "validatedAges", "status", "licence", "sources", "minutesToComplete", "responseScales",
        "items", "scales", "examples", "changelog", "contactLog", "instructionsNote",
    ]

    /// Reads an instrument; `nil` when any problem was found (all of them are in ``problems``).
    mutating func readInstrument(_ values: [String: JSONValue], framework: OutcomeFramework?) -> Instrument? {
        guard let top = fields(.object(values), at: "", allowed: DefinitionReader.instrumentFields) else { return nil }
        let id = identifier(top, "id", as: IdentifierKind.Instrument.self)
        let version = string(top, "version")
        if let version, !DefinitionReader.isSemanticVersion(version) {
            problem("version", "'\(version)' is not a version of the form MAJOR.MINOR.PATCH")
        }
        let title = string(top, "title")
        let shortTitle = string(top, "shortTitle")
        let respondent = oneOf(top, "respondent", Instrument.Respondent.self)
        let recallPeriod = string(top, "recallPeriod", optional: true)
        let instructions = string(top, "instructions", optional: true)
        let instructionsNote = string(top, "instructionsNote", optional: true)
        if instructions == nil, instructionsNote == nil, (top.values["instructions"] ?? .null) == .null {
            problem(
                "instructions",
                top.values["instructions"] == nil
                    ? "missing required field 'instructions' (null only with an 'instructionsNote' saying why)"
                    : "is null: say in 'instructionsNote' why the published instructions are not here")
        }
        let status = oneOf(top, "status", Instrument.Status.self)
        let sources = citations(top)
        let known = Set(sources.map(\.id.rawValue))
        let ages = validatedAges(top, known: known)
        let licence = licence(top)
        let minutes = minutesToComplete(top, known: known)
        let changelog = changelog(top, version: version)
        var checks: [WordingCheck] = instructionsNote.map { [WordingCheck(target: .instructions, note: $0)] } ?? []
        let responseScales = responseScales(top, checks: &checks)
        let items = items(top, responseScales: responseScales, framework: framework, checks: &checks)
        let scales = scales(top, items: items, known: known)
        let contactLog = contactLog(top, items: items)

        guard problems.isEmpty, let id, let version, let title, let shortTitle, let respondent, let status, let ages,
            let licence, let minutes
        else { return nil }
        let draft = Instrument(
            id: id, version: version, title: title, shortTitle: shortTitle, respondent: respondent,
            recallPeriod: recallPeriod, instructions: instructions ?? "", validatedAges: ages, status: status,
            licence: licence, sources: sources, minutesToComplete: minutes, responseScales: responseScales,
            items: items, scales: scales, examples: [], changelog: changelog, file: file)
        let examples = examples(top, instrument: draft)
        guard problems.isEmpty else { return nil }
        return Instrument(
            id: id, version: version, title: title, shortTitle: shortTitle, respondent: respondent,
            recallPeriod: recallPeriod, instructions: instructions ?? "", validatedAges: ages, status: status,
            licence: licence, sources: sources, minutesToComplete: minutes, responseScales: responseScales,
            items: items, scales: scales, examples: examples, changelog: changelog, file: file, contactLog: contactLog,
            wordingChecks: checks)
    }

    static func isSemanticVersion(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil }
    }

    /// `{"minimum": 13, "maximum": null, "source": "..."}`, or the string `not_validated`.
    private mutating func validatedAges(_ top: Fields, known: Set<String>) -> AgeRange?? {
        guard let value = top.values["validatedAges"] else {
            problem("validatedAges", "missing required field 'validatedAges' (an age range, or \"not_validated\")")
            return nil
        }
        if value == .string("not_validated") { return .some(nil) }
        guard let fields = fields(value, at: "validatedAges", allowed: ["minimum", "maximum", "source"]) else {
            return nil
        }
        guard let minimum = integer(fields, "minimum") else { return nil }
        let maximum = integer(fields, "maximum", optional: true)
        let source = string(fields, "source")
        checkSource(source, at: "validatedAges.source", known: known)
        if let maximum, maximum < minimum {
            problem("validatedAges.maximum", "\(maximum) is below the minimum \(minimum)")
        }
        guard let source else { return nil }
        return .some(AgeRange(minimum: minimum, maximum: maximum, source: SourceID(source)))
    }

    /// `{"visitItem": "visit_happened", "visitHappenedCode": 1, "positiveCodes": [3, 4]}`.
    private mutating func contactLog(_ top: Fields, items: [Item]) -> ContactLog? {
        guard
            let fields = fields(
                top.values["contactLog"], at: "contactLog",
                allowed: ["visitItem", "visitHappenedCode", "positiveCodes"])
        else { return nil }
        let visitItem = string(fields, "visitItem")
        let happened = integer(fields, "visitHappenedCode")
        var positive: [Int] = []
        for (index, value) in (array(fields, "positiveCodes") ?? []).enumerated() {
            guard case .number(let number) = value, number == number.rounded() else {
                problem(
                    "contactLog.positiveCodes[\(index)]", "expected a whole-number code, found \(value.kindDescription)"
                )
                continue
            }
            positive.append(Int(number))
        }
        guard let visitItem, let happened else { return nil }
        if let item = items.first(where: { $0.id.rawValue == visitItem }) {
            if let scale = item.responseScale {
                if !scale.options.contains(where: { $0.code == happened }) {
                    problem("contactLog.visitHappenedCode", "\(happened) is not a code of item '\(visitItem)'")
                }
            } else {
                problem("contactLog.visitItem", "'\(visitItem)' is a free-text item; it needs options")
            }
        } else if !declaredItems.contains(visitItem) {
            problem(
                "contactLog.visitItem",
                "unknown item '\(visitItem)'\(suggestion(for: visitItem, in: items.map(\.id.rawValue)))")
        }
        let questions = items.filter { $0.responseScale != nil && !$0.outcomes.isEmpty }
        if questions.isEmpty, !items.isEmpty {
            problem("contactLog", "a contact log needs at least one item with options mapped to an outcome")
        }
        for question in questions {
            let codes = Set(question.responseScale?.options.map(\.code) ?? [])
            for code in positive where !codes.contains(code) {
                problem("contactLog.positiveCodes", "\(code) is not a code of outcome question '\(question.id)'")
            }
        }
        if fields.values["positiveCodes"] != nil, positive.isEmpty {
            problem("contactLog.positiveCodes", "name at least one code that reports a change for the better")
        }
        return ContactLog(visitItem: ItemID(visitItem), visitHappenedCode: happened, positiveCodes: positive)
    }

    private mutating func licence(_ top: Fields) -> Licence? {
        guard let value = top.values["licence"] else {
            problem("licence", "missing required field 'licence'")
            return nil
        }
        guard let fields = fields(value, at: "licence", allowed: ["name", "copyright", "terms", "url"]) else {
            return nil
        }
        let name = string(fields, "name")
        let copyright = string(fields, "copyright")
        let terms = string(fields, "terms")
        let url = string(fields, "url", optional: true)
        guard let name, let copyright, let terms else { return nil }
        return Licence(name: name, copyright: copyright, terms: terms, url: url)
    }

    /// `{"minutes": 3, "source": "..."}`.
    private mutating func minutesToComplete(_ top: Fields, known: Set<String>) -> Double? {
        guard let value = top.values["minutesToComplete"] else {
            problem("minutesToComplete", "missing required field 'minutesToComplete'")
            return nil
        }
        guard let fields = fields(value, at: "minutesToComplete", allowed: ["minutes", "source"]) else { return nil }
        let minutes = number(fields, "minutes")
        checkSource(string(fields, "source"), at: "minutesToComplete.source", known: known)
        if let minutes, minutes <= 0 { problem("minutesToComplete.minutes", "must be more than 0") }
        return minutes
    }

    private mutating func changelog(_ top: Fields, version: String?) -> [ChangelogEntry] {
        var entries: [ChangelogEntry] = []
        for (index, element) in (array(top, "changelog") ?? []).enumerated() {
            let path = "changelog[\(index)]"
            guard let fields = fields(element, at: path, allowed: ["version", "date", "changes"]) else { continue }
            let entryVersion = string(fields, "version")
            let dateText = string(fields, "date")
            let changes = string(fields, "changes")
            let date = dateText.flatMap { CalendarDate(iso: $0) }
            if let dateText, date == nil {
                problem("\(path).date", "'\(dateText)' is not a date (expected YYYY-MM-DD)")
            }
            if let entryVersion, let date, let changes {
                entries.append(ChangelogEntry(version: entryVersion, date: date, changes: changes))
            }
        }
        if let version, top.values["changelog"] != nil, !entries.contains(where: { $0.version == version }) {
            problem("changelog", "has no entry for the definition's version \(version)")
        }
        return entries
    }

    private mutating func responseScales(_ top: Fields, checks: inout [WordingCheck]) -> [ResponseScale] {
        var result: [ResponseScale] = []
        for (index, element) in (array(top, "responseScales") ?? []).enumerated() {
            let path = "responseScales[\(index)]"
            guard let fields = fields(element, at: path, allowed: ["id", "options"]) else { continue }
            let id = string(fields, "id")
            if let id, !Identifier<Void>.isWellFormed(id) {
                problem(
                    "\(path).id",
                    "'\(id)' is not a valid id (use lower-case letters, digits, '_' and '-', starting with a letter)")
            }
            var options: [ResponseOption] = []
            for (optionIndex, optionValue) in (array(fields, "options") ?? []).enumerated() {
                let optionPath = "\(path).options[\(optionIndex)]"
                guard
                    let option = self.fields(
                        optionValue, at: optionPath, allowed: ["code", "label", "scored", "wordingNote"])
                else { continue }
                let code = integer(option, "code")
                let label = string(option, "label")
                let scored = bool(option, "scored", default: true)
                if let label, label.trimmingSpaces.lowercased() == Administration.declinedAnswer {
                    problem(
                        "\(optionPath).label",
                        "'\(label)' is reserved: the answer \"declined\" records a declined question")
                }
                if let label, CellText.wholeNumber(label) != nil {
                    problem("\(optionPath).label", "'\(label)' is a number, which would be read as a code")
                }
                if let code, let label { options.append(ResponseOption(code: code, label: label, isScored: scored)) }
                if let id, let code, let note = string(option, "wordingNote", optional: true) {
                    checks.append(WordingCheck(target: .option(ResponseScaleID(id), code: code), note: note))
                }
            }
            if options.count < 2 { problem("\(path).options", "a response scale needs at least 2 options") }
            checkUnique(
                options.enumerated().map { (String($1.code), "\(path).options[\($0)].code") }, what: "option code")
            checkUnique(
                options.enumerated().map { ($1.label.trimmingSpaces.lowercased(), "\(path).options[\($0)].label") },
                what: "option label")
            if let codes = Optional(options.map(\.code)), codes.count > 1, let low = codes.min(),
                let high = codes.max(),
                high - low > 1000
            {
                problem("\(path).options", "codes \(low)..\(high) span more than 1000 values")
            }
            if let id { result.append(ResponseScale(id: ResponseScaleID(id), options: options)) }
        }
        checkUnique(result.enumerated().map { ($1.id.rawValue, "responseScales[\($0)].id") }, what: "response scale id")
        return result
    }

    private mutating func items(
        _ top: Fields, responseScales: [ResponseScale], framework: OutcomeFramework?, checks: inout [WordingCheck]
    ) -> [Item] {
        var result: [Item] = []
        var paths: [(String, String)] = []
        for (index, element) in (array(top, "items") ?? []).enumerated() {
            let path = "items[\(index)]"
            guard
                let fields = fields(
                    element, at: path,
                    allowed: ["id", "text", "type", "responseScale", "required", "outcomes", "wordingNote"])
            else { continue }
            let id = identifier(fields, "id", as: IdentifierKind.Item.self)
            let text = string(fields, "text")
            let type = string(fields, "type", optional: true) ?? "choice"
            var response: Item.Response?
            switch type {
            case "choice":
                if let scaleID = string(fields, "responseScale") {
                    if let scale = responseScales.first(where: { $0.id.rawValue == scaleID }) {
                        response = .options(scale)
                    } else {
                        problem(
                            "\(path).responseScale",
                            "unknown response scale '\(scaleID)'\(suggestion(for: scaleID, in: responseScales.map(\.id.rawValue)))"
                        )
                    }
                }
            case "free_text":
                if fields.values["responseScale"] != nil {
                    problem("\(path).responseScale", "a free_text item takes no response scale")
                }
                response = .freeText
            default:
                problem(
                    "\(path).type",
                    "'\(type)' is not one of choice, free_text\(suggestion(for: type, in: ["choice", "free_text"]))")
            }
            let required = bool(fields, "required", default: true)
            let outcomes = outcomeMappings(fields, at: path, framework: framework)
            if let id, let note = string(fields, "wordingNote", optional: true) {
                checks.append(WordingCheck(target: .item(id), note: note))
            }
            if let id {
                declaredItems.insert(id.rawValue)
                paths.append((id.rawValue, "\(path).id"))
                if let text, let response {
                    result.append(
                        Item(id: id, text: text, response: response, isRequired: required, outcomes: outcomes))
                }
            }
        }
        if top.values["items"] != nil, paths.isEmpty { problem("items", "an instrument needs at least one item") }
        checkUnique(paths, what: "item id")
        return result
    }

    private mutating func outcomeMappings(_ item: Fields, at path: String, framework: OutcomeFramework?)
        -> [OutcomeMapping]
    {
        var result: [OutcomeMapping] = []
        for (index, element) in (array(item, "outcomes", optional: true) ?? []).enumerated() {
            let mappingPath = "\(path).outcomes[\(index)]"
            guard let fields = fields(element, at: mappingPath, allowed: ["outcome", "rationale"]) else { continue }
            let outcome = identifier(fields, "outcome", as: IdentifierKind.Outcome.self)
            let rationale = string(fields, "rationale")
            if let outcome, let framework, (try? framework.outcome(id: outcome)) == nil {
                let known = framework.outcomes.map(\.id.rawValue)
                problem(
                    "\(mappingPath).outcome",
                    "unknown outcome '\(outcome)'\(suggestion(for: outcome.rawValue, in: known)) (the framework '\(framework.id)' has: \(known.joined(separator: ", ")))"
                )
            }
            if let outcome, let rationale { result.append(OutcomeMapping(outcome: outcome, rationale: rationale)) }
        }
        checkUnique(
            result.enumerated().map { ($1.outcome.rawValue, "\(path).outcomes[\($0)].outcome") }, what: "outcome")
        return result
    }
}
