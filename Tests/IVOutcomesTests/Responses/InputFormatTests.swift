import Foundation
import Testing

@testable import IVOutcomes

/// Every input format reads the same administrations to the same scores. A new case of
/// ``InputFormat`` does not compile here until ``write(_:of:as:)`` can write it, and then must
/// score every worked example as the other formats do (see ARCHITECTURE.md, "Where a change goes").
@Suite("Input formats: each reads every worked example to the same scores")
struct InputFormatTests {
    static let catalog = FHIRTests.catalog

    /// One administration of `instrument` (item id to code) in `format`, with a file name that
    /// says the format.
    static func write(_ codes: [ItemID: Int], of instrument: Instrument, as format: InputFormat) throws -> (
        text: String, name: String
    ) {
        let (child, date) = ("PA-0001", "2026-02-10")
        switch format {
        case .csv:
            let columns = ResponseTemplate(instruments: [instrument]).columns
            let cells = columns.dropFirst(3).map { codes[ItemID($0)].map(String.init) ?? "" }
            let row = [child, date, instrument.id.rawValue] + cells
            return (columns.joined(separator: ",") + "\n" + row.joined(separator: ",") + "\n", "responses.csv")
        case .jsonl:
            let answers = Dictionary(uniqueKeysWithValues: codes.map { ($0.key.rawValue, $0.value) })
            let line: [String: Any] = [
                "child_id": child, "administered_on": date, "instrument": instrument.id.rawValue, "answers": answers,
            ]
            return (try FHIRTests.json(line) + "\n", "responses.jsonl")
        case .fhir:
            let response = FHIRTests.response(instrument, answers: codes, child: child, authored: date)
            return (try FHIRTests.json(response) + "\n", "responses.ndjson")
        }
    }

    @Test(
        "every format scores every worked example as its definition expects",
        arguments: catalog.instruments.filter { !$0.examples.isEmpty }.map(\.id))
    func everyFormatAlike(id: InstrumentID) throws {
        let instrument = try Self.catalog.instrument(id: id)
        for example in instrument.examples {
            let codes = FHIRTests.codes(of: example, in: instrument)
            var scores: [InputFormat: [ScaleScore]] = [:]
            for format in InputFormat.allCases {
                let (text, name) = try Self.write(codes, of: instrument, as: format)
                let reader = try ResponseFileReader(
                    text: text, name: name, catalog: Self.catalog, options: ReadingOptions(format: format))
                var rows: [ScoredRow] = []
                try reader.forEachRow { rows.append($0) }
                #expect(rows.count == 1, "\(format): \(rows.count) rows")
                #expect(rows.first?.childID == "PA-0001" && rows.first?.instrument == id, "\(format)")
                scores[format] = rows.first?.scores
                for (scale, expected) in example.expected {
                    #expect(
                        rows.first?.score(of: scale) == expected.value,
                        "\(format), \(example.description): \(scale)")
                }
            }
            #expect(Set(scores.values.map { $0.map(\.value) }).count == 1, "\(example.description): \(scores)")
        }
    }
}
