import Foundation
import Testing

@testable import IVOutcomes

/// Every input format reads the same administrations to the same scores. A new case of
/// ``InputFormat`` does not compile here until ``write(_:of:as:)`` can write it, and then must
/// score every worked example as the other formats do (see ARCHITECTURE.md, "Where a change goes").
@Suite("Input formats: each reads every worked example to the same scores")
struct InputFormatTests {
    static let catalog = FHIRTests.catalog

    /// Administrations of `instrument` (item id to code; child `C1`, `C2`, ... in order) as one
    /// file in `format`, with a name that says the format.
    static func write(_ forms: [[ItemID: Int]], of instrument: Instrument, as format: InputFormat) throws -> (
        text: String, name: String
    ) {
        let date = "2026-02-10"
        let children = forms.indices.map { "C\($0 + 1)" }
        switch format {
        case .csv:
            let columns = ResponseTemplate(instruments: [instrument]).columns
            let rows = zip(children, forms).map { child, codes in
                ([child, date, instrument.id.rawValue]
                    + columns.dropFirst(3).map { codes[ItemID($0)].map(String.init) ?? "" })
                    .joined(separator: ",")
            }
            return (([columns.joined(separator: ",")] + rows).joined(separator: "\n") + "\n", "responses.csv")
        case .jsonl:
            let lines = try zip(children, forms).map { child, codes in
                try FHIRTests.json([
                    "child_id": child, "administered_on": date, "instrument": instrument.id.rawValue,
                    "answers": Dictionary(uniqueKeysWithValues: codes.map { ($0.key.rawValue, $0.value) }),
                ])
            }
            return (lines.joined(separator: "\n") + "\n", "responses.jsonl")
        case .fhir:
            let lines = try zip(children, forms).map { child, codes in
                try FHIRTests.json(FHIRTests.response(instrument, answers: codes, child: child, authored: date))
            }
            return (lines.joined(separator: "\n") + "\n", "responses.ndjson")
        }
    }

    @Test(
        "every format scores every worked example as its definition expects",
        arguments: catalog.instruments.filter { !$0.examples.isEmpty }.map(\.id))
    func everyFormatAlike(id: InstrumentID) throws {
        let instrument = try Self.catalog.instrument(id: id)
        let forms = instrument.examples.map { FHIRTests.codes(of: $0, in: instrument) }
        var scores: [InputFormat: [[ScaleScore]]] = [:]
        for format in InputFormat.allCases {
            let (text, name) = try Self.write(forms, of: instrument, as: format)
            let reader = try ResponseFileReader(
                text: text, name: name, catalog: Self.catalog, options: ReadingOptions(format: format))
            var rows: [ScoredRow] = []
            try reader.forEachRow { rows.append($0) }
            #expect(rows.map(\.childID?.rawValue) == forms.indices.map { "C\($0 + 1)" }, "\(format)")
            #expect(rows.allSatisfy { $0.instrument == id }, "\(format)")
            for (example, row) in zip(instrument.examples, rows) {
                for (scale, expected) in example.expected {
                    #expect(row.score(of: scale) == expected.value, "\(format), \(example.description): \(scale)")
                }
            }
            scores[format] = rows.map(\.scores)
        }
        #expect(Set(scores.values.map { $0.map { $0.map(\.value) } }).count == 1, "\(scores)")
    }
}
