/// An instrument as an HL7 FHIR R4 `Questionnaire`, generated from its definition, so that form
/// tools and case-management systems that speak FHIR ask exactly its questions and compute its
/// scores.
///
/// - `url` is ``FHIRSettings/questionnaireURL(for:)``, `version` the definition's, `status`
///   `active` for a validated instrument and `draft` for a pilot, `copyright` its licence statement.
/// - Each question with options is a `choice` item whose `answerOption`s carry `system`
///   (``FHIRSettings/answerSystem(instrument:scale:)``), `code` (the option's code), `display`,
///   and the option's score as the R4 `ordinalValue` extension on the coding and the newer
///   `itemWeight` on the option (an option that is never scored, such as "Not sure", has neither).
///   Free-text questions are `text` items.
/// - Each scale is a read-only `integer` or `decimal` item with an SDC `calculatedExpression` in
///   FHIRPath: the sum or mean of its items' scored codes (`select(code.toInteger())` of codings in the
///   item's answer system whose option is scored: a scale is defined on codes, and this reads
///   them in any FHIRPath engine, where `ordinalValue()` and `weight()` are not in every one),
///   empty unless every item has a scored answer (the definitions' default, complete-forms
///   policy); a conversion table (the SWEMWBS
///   metric) as a chain of `iif(raw = n, value, ...)` over the source scale's item, because
///   FHIRPath gives no order to a literal collection to index. A scale's `code` is its confirmed
///   code (SNOMED CT 718426000 for the WEMWBS total), else the project's score code system.
/// - Every loaded translation adds the `translation` extension to the title, each item's text and
///   each option's display.
///
/// ```swift
/// let questionnaire = FHIRQuestionnaire(instrument: wemwbs, translations: catalog.translations(of: wemwbs.id))
/// try questionnaire.json.write(toFile: "wemwbs.json", atomically: true, encoding: .utf8)
/// ```
public struct FHIRQuestionnaire: Sendable {
    /// The instrument.
    public let instrument: Instrument
    /// Its translations, each added with the translation extension.
    public let translations: [InstrumentTranslation]
    /// The base and systems of the URLs.
    public let settings: FHIRSettings

    /// The Questionnaire of `instrument`.
    public init(
        instrument: Instrument, translations: [InstrumentTranslation] = [], settings: FHIRSettings = FHIRSettings()
    ) {
        self.instrument = instrument
        self.translations = translations.filter { $0.instrument == instrument.id }
        self.settings = settings
    }

    /// The resource as JSON, indented.
    public var json: String { resource.rendered() + "\n" }

    var resource: JSONNode {
        var fields: [(String, JSONNode)] = [
            ("resourceType", .string("Questionnaire")),
            ("id", .string(instrument.id.rawValue)),
            ("url", .string(settings.questionnaireURL(for: instrument.id))),
            ("version", .string(instrument.version)),
            ("name", .string(FHIRQuestionnaire.computableName(instrument.shortTitle))),
            ("title", .string(instrument.title)),
        ]
        if let title = translated({ $0.title }) { fields.append(("_title", title)) }
        fields += [
            ("status", .string(instrument.status == .validated ? "active" : "draft")),
            ("subjectType", .array([.string("Patient")])),
            ("copyright", .string(instrument.licence.copyright)),
            ("item", .array(instrument.items.map(item) + instrument.scales.map(scaleItem))),
        ]
        return .object(fields)
    }

    /// A FHIR `name`: letters, digits and `_`, starting with a capital.
    static func computableName(_ text: String) -> String {
        let words = text.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        let name = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return name.first?.isLetter == true ? name : "Q" + name
    }

    /// The translation extension for a text each translation gives, or `nil` when none does.
    private func translated(_ text: (InstrumentTranslation) -> String?) -> JSONNode? {
        let extensions = translations.compactMap { translation -> JSONNode? in
            guard let content = text(translation) else { return nil }
            return .object([
                ("url", .string(FHIRVocabulary.translation)),
                (
                    "extension",
                    .array([
                        .object([("url", .string("lang")), ("valueCode", .string(translation.language))]),
                        .object([("url", .string("content")), ("valueString", .string(content))]),
                    ])
                ),
            ])
        }
        return extensions.isEmpty ? nil : .object([("extension", .array(extensions))])
    }

    private func item(_ item: Item) -> JSONNode {
        var fields: [(String, JSONNode)] = [("linkId", .string(item.id.rawValue)), ("text", .string(item.text))]
        if let text = translated({ $0.itemTexts[item.id] }) { fields.append(("_text", text)) }
        guard let scale = item.responseScale else {
            return .object(fields + [("type", .string("text")), ("required", .bool(item.isRequired))])
        }
        let system = settings.answerSystem(instrument: instrument.id, scale: scale.id)
        let options = scale.options.map { option -> JSONNode in
            let weight: (String, JSONNode) = ("valueDecimal", .integer(option.code))
            var coding: [(String, JSONNode)] = [
                ("system", .string(system)), ("code", .string(String(option.code))), ("display", .string(option.label)),
            ]
            if let display = translated({ $0.optionLabels[scale.id]?[option.code] }) {
                coding.append(("_display", display))
            }
            var answer: [(String, JSONNode)] = []
            if option.isScored {
                coding.insert(
                    ("extension", .array([.object([("url", .string(FHIRVocabulary.ordinalValue)), weight])])),
                    at: 0)
                answer.append(
                    ("extension", .array([.object([("url", .string(FHIRVocabulary.itemWeight)), weight])])))
            }
            return .object(answer + [("valueCoding", .object(coding))])
        }
        return .object(
            fields + [
                ("type", .string("choice")), ("required", .bool(item.isRequired)), ("answerOption", .array(options)),
            ])
    }

    private func scaleItem(_ scale: Scale) -> JSONNode {
        let coding: JSONNode =
            scale.codes.first.map { code in
                .object([
                    ("system", .string(code.system)), ("code", .string(code.code)), ("display", .string(code.display)),
                ])
            }
            ?? .object([
                ("system", .string(settings.scoreSystem)), ("code", .string(scale.id.rawValue)),
                ("display", .string(scale.title)),
            ])
        let expression: JSONNode = .object([
            ("language", .string("text/fhirpath")), ("expression", .string(expression(for: scale))),
        ])
        return .object([
            (
                "extension",
                .array([
                    .object([("url", .string(FHIRVocabulary.calculatedExpression)), ("valueExpression", expression)])
                ])
            ),
            ("linkId", .string(scale.id.rawValue)),
            ("code", .array([coding])),
            ("text", .string(scale.title)),
            ("type", .string(scale.decimals == 0 && !scale.isMean ? "integer" : "decimal")),
            ("readOnly", .bool(true)),
        ])
    }

    /// The FHIRPath that computes a scale from a response (see the type's documentation).
    func expression(for scale: Scale) -> String {
        // The scored answers of the items, as whole numbers: the code of an option that is scored,
        // in the item's answer system (a scale's value is the sum or mean of its items' codes).
        func answers(_ items: [ItemID]) -> String {
            var groups: [(scale: ResponseScale, items: [ItemID])] = []
            for id in items {
                guard let responses = instrument.items.first(where: { $0.id == id })?.responseScale else { continue }
                if let index = groups.firstIndex(where: { $0.scale == responses }) {
                    groups[index].items.append(id)
                } else {
                    groups.append((responses, [id]))
                }
            }
            let parts = groups.map { group in
                let ids = group.items.map { "'\($0)'" }.joined(separator: " | ")
                let codes = group.scale.options.filter(\.isScored).map { "'\($0.code)'" }.joined(separator: " | ")
                let system = settings.answerSystem(instrument: instrument.id, scale: group.scale.id)
                return
                    "%resource.repeat(item).where(linkId in (\(ids))).answer.value.where(system = '\(system)' and (code in (\(codes)))).select(code.toInteger())"
            }
            return parts.count == 1 ? parts[0] : "(" + parts.joined(separator: ").combine(") + ")"
        }
        switch scale.method {
        case .sum(let items):
            let values = answers(items)
            return "iif(\(values).count() = \(items.count), \(values).aggregate($this + $total, 0), {})"
        case .mean(let items):
            let values = answers(items)
            return
                "iif(\(values).count() = \(items.count), \(values).aggregate($this + $total, 0) / \(items.count), {})"
        case .lookup(let source, let table):
            let raw = "%resource.repeat(item).where(linkId = '\(source)').answer.value"
            var chain = "{}"
            for (offset, value) in table.values.enumerated().reversed() {
                chain =
                    "iif(\(raw) = \(table.firstRaw + offset), \(formatNumber(value, decimals: scale.decimals)), \(chain))"
            }
            return chain
        }
    }
}

extension Scale {
    /// Whether the scale is a mean (its values are decimals whatever its printed decimals).
    var isMean: Bool {
        if case .mean = method { return true }
        return false
    }
}
