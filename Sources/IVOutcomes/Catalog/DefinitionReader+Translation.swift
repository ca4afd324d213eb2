/// Reading and validating a translation against the instrument it translates.
extension DefinitionReader {
    /// Reads a translation and checks it covers exactly the items and options of its instrument
    /// (one of `instruments`), made for that definition's version.
    mutating func readTranslation(_ values: [String: JSONValue], instruments: [Instrument]) -> InstrumentTranslation? {
        guard
            let top = fields(
                .object(values), at: "",
                allowed: [
                    "schemaVersion", "kind", "instrument", "instrumentVersion", "language", "languageName",
                    "translator", "reviewStatus", "reviewer", "title", "instructions", "recallPeriod", "items",
                    "responseScales", "notes",
                ])
        else { return nil }
        let id = identifier(top, "instrument", as: IdentifierKind.Instrument.self)
        let version = string(top, "instrumentVersion")
        let language = string(top, "language")
        if let language, !DefinitionReader.isLanguageTag(language) {
            problem(
                "language",
                "'\(language)' is not a language tag (BCP 47, such as cy for Welsh, or qaa-x-test for a made-up one)")
        }
        let languageName = string(top, "languageName")
        let translator = string(top, "translator")
        let status = oneOf(top, "reviewStatus", InstrumentTranslation.ReviewStatus.self)
        let reviewer = string(top, "reviewer", optional: true)
        if status != nil, status != .draft, reviewer == nil {
            problem("reviewer", "a \(status?.rawValue ?? "") translation names who reviewed it")
        }
        let title = string(top, "title")
        let instructions = string(top, "instructions", optional: true)
        let recallPeriod = string(top, "recallPeriod", optional: true)
        _ = string(top, "notes", optional: true)
        let texts = object(top, "items")
        let given = object(top, "responseScales")
        guard let id else { return nil }
        guard let instrument = instruments.first(where: { $0.id == id }) else {
            let known = instruments.map(\.id.rawValue)
            problem(
                "instrument",
                "unknown instrument '\(id)'\(suggestion(for: id.rawValue, in: known)) (a translation sits beside its definition)"
            )
            return nil
        }
        checkAgainstDefinition(instrument, version: version, instructions: instructions, recallPeriod: recallPeriod)
        let itemTexts = itemTexts(texts, of: instrument)
        let optionLabels = optionLabels(given, of: instrument)
        guard problems.isEmpty, let version, let language, let languageName, let translator, let status, let title
        else { return nil }
        return InstrumentTranslation(
            instrument: id, instrumentVersion: version, language: language, languageName: languageName,
            translator: translator, reviewStatus: status, reviewer: reviewer, title: title, instructions: instructions,
            recallPeriod: recallPeriod, itemTexts: itemTexts, optionLabels: optionLabels, file: file)
    }

    /// The translation's version, instructions and recall period against the definition's.
    private mutating func checkAgainstDefinition(
        _ instrument: Instrument, version: String?, instructions: String?, recallPeriod: String?
    ) {
        let id = instrument.id
        if let version, version != instrument.version {
            problem(
                "instrumentVersion",
                "made for \(id) \(version), but the definition is \(instrument.version) (\(instrument.file)): review the translation against the definition's changes, then set instrumentVersion to \(instrument.version)"
            )
        }
        if instrument.instructions.isEmpty, instructions != nil {
            problem("instructions", "the definition has no instructions to translate")
        } else if !instrument.instructions.isEmpty, instructions == nil {
            problem("instructions", "missing: the definition's instructions need translating")
        }
        if (instrument.recallPeriod == nil) != (recallPeriod == nil) {
            problem(
                "recallPeriod",
                instrument.recallPeriod == nil
                    ? "the definition has no recall period to translate"
                    : "missing: the definition's recall period needs translating")
        }
    }

    /// The items' texts: exactly the instrument's items, each a text.
    private mutating func itemTexts(_ texts: [String: JSONValue], of instrument: Instrument) -> [ItemID: String] {
        let id = instrument.id
        var itemTexts: [ItemID: String] = [:]
        for item in instrument.items {
            guard let value = texts[item.id.rawValue] else {
                problem("items", "missing item '\(item.id)' (\"\(item.text)\")")
                continue
            }
            guard case .string(let text) = value, !text.trimmingSpaces.isEmpty else {
                problem("items.\(item.id)", "expected the item's text, found \(value.kindDescription)")
                continue
            }
            itemTexts[item.id] = text
        }
        let itemIDs = Set(instrument.items.map(\.id.rawValue))
        for key in texts.keys.sorted() where !itemIDs.contains(key) {
            problem("items.\(key)", "'\(key)' is not an item of \(id)\(suggestion(for: key, in: itemIDs))")
        }
        return itemTexts
    }

    /// The options' labels: every option of every response scale an item uses, and no other.
    private mutating func optionLabels(_ given: [String: JSONValue], of instrument: Instrument)
        -> [ResponseScaleID: [Int: String]]
    {
        let id = instrument.id
        let scales = instrument.responseScales.filter { scale in
            instrument.items.contains { $0.responseScale?.id == scale.id }
        }
        var optionLabels: [ResponseScaleID: [Int: String]] = [:]
        for scale in scales {
            let path = "responseScales.\(scale.id)"
            guard case .object(let labels)? = given[scale.id.rawValue] else {
                let options = scale.options.map { "\($0.code) \"\($0.label)\"" }.joined(separator: ", ")
                problem(
                    given[scale.id.rawValue] == nil ? "responseScales" : path,
                    "expected the labels of response scale '\(scale.id)' by code (options \(options))")
                continue
            }
            optionLabels[scale.id] = self.labels(labels, of: scale, at: path)
        }
        let scaleIDs = Set(scales.map(\.id.rawValue))
        for key in given.keys.sorted() where !scaleIDs.contains(key) {
            problem(
                "responseScales.\(key)",
                "'\(key)' is not a response scale of \(id)'s items\(suggestion(for: key, in: scaleIDs))")
        }
        return optionLabels
    }

    /// One response scale's labels by code: each option's, and each label meaning one code, in
    /// this language and against the definition's labels.
    private mutating func labels(_ labels: [String: JSONValue], of scale: ResponseScale, at path: String)
        -> [Int: String]
    {
        let codes = Set(scale.options.map { String($0.code) })
        for key in labels.keys.sorted() where !codes.contains(key) {
            problem(
                "\(path).\(key)",
                "'\(key)' is not a code of response scale '\(scale.id)' (codes \(scale.options.map { String($0.code) }.joined(separator: ", ")))"
            )
        }
        var byCode: [Int: String] = [:]
        var seen: [String: Int] = [:]
        for option in scale.options {
            guard let value = labels[String(option.code)] else {
                problem(path, "missing option \(option.code) (\"\(option.label)\")")
                continue
            }
            guard case .string(let label) = value, !label.trimmingSpaces.isEmpty else {
                problem("\(path).\(option.code)", "expected the option's label, found \(value.kindDescription)")
                continue
            }
            let folded = label.trimmingSpaces.lowercased()
            let clash =
                seen[folded]
                ?? scale.options.first { $0.code != option.code && $0.label.lowercased() == folded }?.code
            if let clash {
                problem(
                    "\(path).\(option.code)",
                    "\"\(label)\" is also the label of option \(clash): an answer written as it could not be scored"
                )
            }
            seen[folded] = option.code
            byCode[option.code] = label
        }
        return byCode
    }

    /// An object's members by key (any keys), or empty with a problem when it is missing or not an object.
    private mutating func object(_ fields: Fields, _ key: String) -> [String: JSONValue] {
        guard let value = fields.values[key], value != .null else {
            problem(fields.path(key), "missing required field '\(key)'")
            return [:]
        }
        guard case .object(let members) = value else {
            problem(fields.path(key), "expected an object, found \(value.kindDescription)")
            return [:]
        }
        return members
    }

    /// Whether `text` is shaped like a BCP 47 language tag: a 2-3 letter language, then subtags
    /// of 1-8 letters or digits joined by `-`.
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
