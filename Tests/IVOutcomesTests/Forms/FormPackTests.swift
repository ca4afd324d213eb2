import Foundation
import Testing

@testable import IVOutcomes

@Suite("Forms and translations")
struct FormPackTests {
    static let catalog = try! InstrumentCatalog.builtIn

    /// The built-in catalogue with the made-up-language translation of the life-skills supplement.
    static func translated() throws -> InstrumentCatalog {
        let path = Fixtures.path("valid/life-skills.qaa.json")
        return try catalog.adding([
            DefinitionSource(
                name: "Fixtures/valid/life-skills.qaa.json", data: try Data(contentsOf: URL(fileURLWithPath: path)))
        ])
    }

    /// How many times `text` is the whole text of an element.
    static func occurrences(of text: String, in html: String) -> Int {
        html.components(separatedBy: ">\(HTML.escape(text))<").count - 1
    }

    @Test(
        "every built-in form has each item's text once per item, each option once, and the copyright",
        arguments: catalog.instruments.map(\.id))
    func formHasEveryWord(id: InstrumentID) throws {
        let instrument = try Self.catalog.instrument(id: id)
        let html = FormPack(instruments: [instrument]).html
        for item in instrument.items {
            let sharing = instrument.items.filter { $0.text == item.text }.count
            #expect(Self.occurrences(of: item.text, in: html) == sharing, "\(item.id)")
        }
        let used = instrument.responseScales.filter { scale in instrument.items.contains { $0.responseScale == scale } }
        for scale in used {
            for option in scale.options {
                let sharing = used.filter { $0.options.contains { $0.label == option.label } }.count
                #expect(Self.occurrences(of: option.label, in: html) == sharing, "\(scale.id) \(option.code)")
            }
        }
        #expect(html.contains(HTML.escape(instrument.licence.copyright)))
        #expect(html.contains(HTML.escape(instrument.licence.name)))
        if !instrument.instructions.isEmpty { #expect(Self.occurrences(of: instrument.instructions, in: html) == 1) }
        #expect(Self.occurrences(of: instrument.title, in: html) == 2)  // the page title and the heading
        #expect(html.contains("Pilot questions") == (instrument.status == .pilot))
        #expect(html.contains("<html lang=\"en\">"))
        // Self-contained: no script, no file or font from elsewhere; no name field.
        for outside in ["<script", "<link", "src=", "@import", "url(", "@font-face", "<input"] {
            #expect(!html.contains(outside), "\(outside)")
        }
        #expect(html.contains("Young person’s ID") && !html.contains(">Name<"))
        // Each wording still to check is on the form.
        for check in instrument.wordingChecks { #expect(html.contains(HTML.escape(check.note))) }
    }

    @Test("a pack has each instrument's section in the order given, each on its own printed page")
    func pack() throws {
        let pack = try FormPack(instruments: ["scwbs", "life-skills", "iv-log"], catalog: Self.catalog)
        let html = pack.html
        let positions = pack.instruments.map { html.range(of: ">\(HTML.escape($0.title))</h1>")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(html.components(separatedBy: "<section class=\"form\"").count == 4)
        #expect(html.contains(".form + .form { break-before: page;"))
        #expect(pack.checksBeforePrinting.allSatisfy { $0.hasPrefix("scwbs: ") })
    }

    @Test("a translation loads, and the form in its language uses its words with lang set")
    func translatedForm() throws {
        let catalog = try Self.translated()
        let translation = try catalog.translation(of: "life-skills", language: "QAA")
        #expect(translation.reviewStatus == .draft && translation.itemTexts.count == 8)
        let pack = try FormPack(instruments: ["life-skills"], catalog: catalog, language: "qaa")
        let html = pack.html
        #expect(html.contains("<html lang=\"qaa\">") && html.contains("<section class=\"form\" lang=\"qaa\">"))
        let instrument = try catalog.instrument(id: "life-skills")
        for item in instrument.items {
            #expect(Self.occurrences(of: translation.itemTexts[item.id] ?? "?", in: html) == 1)
            #expect(Self.occurrences(of: item.text, in: html) == 0)
        }
        for option in instrument.responseScales[0].options {
            #expect(Self.occurrences(of: translation.optionLabels["independence"]?[option.code] ?? "?", in: html) == 1)
        }
        // The form's own words stay English, and say so; the copyright is the definition's.
        #expect(html.contains("<div class=\"fields\" lang=\"en\">"))
        #expect(html.contains(HTML.escape(instrument.licence.copyright)))
        #expect(pack.checksBeforePrinting.contains { $0.contains("is a draft") })
        // No translation into a language: an error naming the languages there are.
        #expect(throws: LookupError.self) { try FormPack(instruments: ["wemwbs"], catalog: catalog, language: "qaa") }
    }

    @Test("answers given as labels in a loaded language score to the same codes as the English labels")
    func translatedLabelsScore() throws {
        let catalog = try Self.translated()
        let translation = try catalog.translation(of: "life-skills", language: "qaa")
        let items = try catalog.instrument(id: "life-skills").items
        let header = "child_id,administered_on,instrument," + items.map(\.id.rawValue).joined(separator: ",")
        let codes = [1, 2, 3, 1, 2, 3, 1, 2]
        let english = ["Not yet", "With help", "On my own"]
        let rows = [
            "C0001,2026-02-10,life-skills," + codes.map(String.init).joined(separator: ","),
            "C0002,2026-02-10,life-skills," + codes.map { english[$0 - 1] }.joined(separator: ","),
            "C0003,2026-02-10,life-skills,"
                + codes.map { (translation.optionLabels["independence"]?[$0] ?? "").lowercased() }.joined(
                    separator: ","),
        ]
        let reader = try ResponseFileReader(
            text: ([header] + rows).joined(separator: "\n") + "\n", name: "mixed.csv", catalog: catalog)
        var scored: [ScoredRow] = []
        try reader.forEachRow { scored.append($0) }
        #expect(scored.allSatisfy { $0.status == .scored })
        #expect(Set(scored.map { $0.scores.map(\.value) }).count == 1)
        // Without the translation loaded, the same labels are not answers.
        let plain = try ResponseFileReader(
            text: [header, rows[2]].joined(separator: "\n") + "\n", name: "mixed.csv", catalog: Self.catalog)
        var invalid: [ScoredRow] = []
        try plain.forEachRow { invalid.append($0) }
        #expect(invalid.first?.status == .invalid)
    }

    @Test(
        "a language tag is two or three letters, then subtags",
        arguments: [
            ("cy", true), ("cy-GB", true), ("qaa-x-test", true), ("en_GB", false), ("welsh", false), ("c", false),
        ])
    func languageTags(tag: String, valid: Bool) {
        #expect(DefinitionReader.isLanguageTag(tag) == valid)
    }
}
