import Foundation
import Testing

@testable import IVOutcomes

@Suite("FHIR R4: Questionnaires, QuestionnaireResponses and Observations")
struct FHIRTests {
    static let catalog = try! InstrumentCatalog.builtIn
    static let settings = FHIRSettings()

    static func object(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    /// A QuestionnaireResponse answering `answers` (item id to code) by valueCoding in the answer system.
    static func response(
        _ instrument: Instrument, answers: [ItemID: Int], id: String = "qr1", child: String = "PA-0001",
        authored: String = "2026-02-10T10:12:40+01:00", extra: [String: Any] = [:]
    ) -> [String: Any] {
        let items: [[String: Any]] = instrument.items.compactMap { item in
            guard let code = answers[item.id], let scale = item.responseScale else { return nil }
            return [
                "linkId": item.id.rawValue,
                "answer": [
                    [
                        "valueCoding": [
                            "system": settings.answerSystem(instrument: instrument.id, scale: scale.id),
                            "code": String(code), "display": scale.option(code: code)?.label ?? "",
                        ]
                    ]
                ],
            ]
        }
        var resource: [String: Any] = [
            "resourceType": "QuestionnaireResponse", "id": id,
            "questionnaire": settings.questionnaireURL(for: instrument.id) + "|" + instrument.version,
            "status": "completed", "subject": ["identifier": ["system": "urn:area:ids", "value": child]],
            "authored": authored, "item": items,
        ]
        for (key, value) in extra { resource[key] = value }
        return resource
    }

    static func json(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }

    static func read(_ text: String, name: String, catalog: InstrumentCatalog = catalog) throws -> (
        reader: ResponseFileReader, rows: [ScoredRow]
    ) {
        let reader = try ResponseFileReader(text: text, name: name, catalog: catalog)
        var rows: [ScoredRow] = []
        try reader.forEachRow { rows.append($0) }
        return (reader, rows)
    }

    /// The codes of a worked example's answers (labels resolved by the definition's options).
    static func codes(of example: WorkedExample, in instrument: Instrument) -> [ItemID: Int] {
        var codes: [ItemID: Int] = [:]
        for item in instrument.items {
            if let text = example.answers[item.id], let option = item.responseScale?.option(matching: text) {
                codes[item.id] = option.code
            }
        }
        return codes
    }

    @Test(
        "each built-in Questionnaire: canonical url, status, copyright, coded options with scores, calculated scales",
        arguments: catalog.instruments.map(\.id))
    func questionnaire(id: InstrumentID) throws {
        let instrument = try Self.catalog.instrument(id: id)
        let resource = try Self.object(FHIRQuestionnaire(instrument: instrument).json)
        #expect(resource["resourceType"] as? String == "Questionnaire")
        #expect(resource["url"] as? String == "http://ivoutcomes.example.org/fhir/Questionnaire/\(id)")
        #expect(resource["version"] as? String == instrument.version)
        #expect(resource["status"] as? String == (instrument.status == .validated ? "active" : "draft"))
        #expect(resource["copyright"] as? String == instrument.licence.copyright)
        let items = try #require(resource["item"] as? [[String: Any]])
        #expect(items.count == instrument.items.count + instrument.scales.count)
        for (item, node) in zip(instrument.items, items) {
            #expect(node["linkId"] as? String == item.id.rawValue && node["text"] as? String == item.text)
            guard let scale = item.responseScale else {
                #expect(node["type"] as? String == "text")
                continue
            }
            #expect(node["type"] as? String == "choice")
            let options = try #require(node["answerOption"] as? [[String: Any]])
            #expect(options.count == scale.options.count)
            for (option, answer) in zip(scale.options, options) {
                let coding = try #require(answer["valueCoding"] as? [String: Any])
                #expect(coding["system"] as? String == Self.settings.answerSystem(instrument: id, scale: scale.id))
                #expect(
                    coding["code"] as? String == String(option.code) && coding["display"] as? String == option.label)
                let ordinal = (coding["extension"] as? [[String: Any]])?.first
                #expect((ordinal?["valueDecimal"] as? Int) == (option.isScored ? option.code : nil))
            }
        }
        for (scale, node) in zip(instrument.scales, items.dropFirst(instrument.items.count)) {
            #expect(node["linkId"] as? String == scale.id.rawValue && node["readOnly"] as? Bool == true)
            let expression = ((node["extension"] as? [[String: Any]])?.first?["valueExpression"] as? [String: Any])
            #expect(expression?["language"] as? String == "text/fhirpath")
            #expect((expression?["expression"] as? String)?.isEmpty == false)
            let code = ((node["code"] as? [[String: Any]])?.first)
            if scale.id == "wemwbs_total" {
                #expect(
                    code?["system"] as? String == "http://snomed.info/sct" && code?["code"] as? String == "718426000")
            } else {
                #expect(
                    code?["system"] as? String == Self.settings.scoreSystem
                        && code?["code"] as? String == scale.id.rawValue)
            }
        }
    }

    @Test(
        "round trip: every worked example answered as a QuestionnaireResponse scores as the CSV path does",
        arguments: catalog.instruments.map(\.id))
    func roundTrip(id: InstrumentID) throws {
        let instrument = try Self.catalog.instrument(id: id)
        let template = ResponseTemplate(instruments: [instrument])
        for (index, example) in instrument.examples.enumerated() {
            let codes = Self.codes(of: example, in: instrument)
            let ndjson = try Self.json(Self.response(instrument, answers: codes, id: "qr\(index)")) + "\n"
            let fhir = try Self.read(ndjson, name: "responses.ndjson").rows
            let cells = template.columns.dropFirst(3).map { codes[ItemID($0)].map(String.init) ?? "" }
            let csv =
                template.columns.joined(separator: ",") + "\n"
                + (["PA-0001", "2026-02-10", id.rawValue] + cells).joined(separator: ",") + "\n"
            let plain = try Self.read(csv, name: "responses.csv").rows
            #expect(fhir.count == 1 && plain.count == 1)
            #expect(fhir.map(\.scores) == plain.map(\.scores), "\(example.description)")
            #expect(fhir.first?.administeredOn == CalendarDate(year: 2026, month: 2, day: 10))
            #expect(fhir.first?.origin?.resourceID == "qr\(index)")
        }
    }

    /// NDJSON is read ahead in batches decoded in the background, in chunks claimed by whichever
    /// thread comes first: whatever the split, every line comes out once, in order.
    @Test("NDJSON over several batches: every line once, in order, blank lines and other resources counted")
    func manyBatches() throws {
        let swemwbs = try Self.catalog.instrument(id: "swemwbs")
        let answers = Dictionary(uniqueKeysWithValues: swemwbs.items.map { ($0.id, 3) })
        let patient = try Self.json(["resourceType": "Patient", "id": "p1"])
        var generator = SystemRandomNumberGenerator()
        let seed = UInt64.random(in: 0..<1_000_000, using: &generator)
        var state = seed
        func roll(_ sides: UInt64) -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (state >> 33) % sides
        }
        var lines: [String] = []
        var expected: [(line: Int, child: String)] = []
        var blanks = 0
        var patients = 0
        for index in 0..<(2 * FHIRResponseRows.linesPerBatch + 300) {
            // The first line is a response: it is what makes the file read as FHIR.
            switch index == 0 ? 3 : roll(20) {
            case 0:
                lines.append("")
                blanks += 1
            case 1:
                lines.append(patient)
                patients += 1
            case 2: lines.append("{not json")
            default:
                let child = "PA-\(index)"
                lines.append(try Self.json(Self.response(swemwbs, answers: answers, id: "r\(index)", child: child)))
                expected.append((lines.count, child))
            }
        }
        let read = try Self.read(lines.joined(separator: "\n") + "\n", name: "many.ndjson")
        let responses = read.rows.filter { $0.status == .scored }
        #expect(responses.map(\.line) == expected.map(\.line), "seed \(seed)")
        #expect(responses.map(\.childIDText) == expected.map(\.child), "seed \(seed)")
        #expect(read.rows.count == lines.count - blanks - patients, "seed \(seed)")
        #expect(
            read.reader.blankRowsSkipped == blanks
                && read.reader.ignoredResources == (patients == 0 ? [:] : ["Patient": patients]))
    }

    @Test("one resource, a Bundle of each type with other resources (skipped and counted), and NDJSON read alike")
    func inputShapes() throws {
        let swemwbs = try Self.catalog.instrument(id: "swemwbs")
        let answers = Dictionary(uniqueKeysWithValues: swemwbs.items.map { ($0.id, 3) })
        let first = Self.response(swemwbs, answers: answers, id: "a")
        let second = Self.response(
            swemwbs, answers: answers, id: "b", extra: ["subject": ["reference": "Patient/PA-0002"]])
        let patient: [String: Any] = ["resourceType": "Patient", "id": "p1"]
        let single = try Self.read(try Self.json(first), name: "one.json")
        #expect(single.rows.map(\.status) == [.scored] && single.rows[0].childID == "PA-0001")
        for type in ["collection", "transaction", "searchset"] {
            let bundle: [String: Any] = [
                "resourceType": "Bundle", "type": type,
                "entry": [["resource": first], ["resource": patient], ["resource": second]],
            ]
            let read = try Self.read(try Self.json(bundle), name: "bundle.json")
            #expect(read.rows.map(\.status) == [.scored, .scored], "\(type)")
            #expect(read.rows.map(\.childID) == ["PA-0001", "PA-0002"])
            #expect(read.reader.ignoredResources == ["Patient": 1])
            #expect(read.rows[1].origin?.subject == .reference("Patient/PA-0002"))
        }
        let lines = try [first, patient, second].map(Self.json).joined(separator: "\n") + "\n\n"
        let ndjson = try Self.read(lines, name: "export.ndjson")
        #expect(ndjson.rows.map(\.line) == [1, 3] && ndjson.reader.ignoredResources == ["Patient": 1])
        #expect(ndjson.reader.blankRowsSkipped == 1)
        // A .ndjson name alone is still JSON Lines.
        let jsonLines =
            #"{"child_id": "PA-0001", "administered_on": "2026-02-10", "instrument": "swemwbs", "answers": {}}"#
        #expect(try Self.read(jsonLines + "\n", name: "rows.ndjson").rows.first?.instrument == "swemwbs")
    }

    @Test(
        "problems: unknown questionnaire, unknown link id, display text only, another code system, not completed",
        arguments: [
            ("questionnaire", "unknown", ProblemCode.instrumentUnknown),
            ("linkId", "wemwbs_99", .answerUnknownItem),
            ("display", "Often", .answerDisplayOnly),
            ("system", "http://loinc.org", .answerWrongSystem),
            ("status", "in-progress", .responseNotCompleted),
        ])
    func problems(field: String, value: String, code: ProblemCode) throws {
        let swemwbs = try Self.catalog.instrument(id: "swemwbs")
        var resource = Self.response(
            swemwbs, answers: Dictionary(uniqueKeysWithValues: swemwbs.items.map { ($0.id, 4) }), id: "bad")
        var items = try #require(resource["item"] as? [[String: Any]])
        switch field {
        case "questionnaire": resource["questionnaire"] = "http://elsewhere.example/Questionnaire/\(value)"
        case "status": resource["status"] = value
        case "linkId": items[2]["linkId"] = value
        case "display": items[2]["answer"] = [["valueCoding": ["display": value]]]
        default: items[2]["answer"] = [["valueCoding": ["system": value, "code": "4"]]]
        }
        if field != "questionnaire", field != "status" { resource["item"] = items }
        let read = try Self.read(try Self.json(resource) + "\n", name: "bad.ndjson")
        let row = try #require(read.rows.first)
        #expect(row.status == .invalid)
        let problem = try #require(row.problems.first { $0.code == code })
        #expect(problem.file == "bad.ndjson" && problem.line == 1)
        if field != "questionnaire" { #expect(problem.message.contains("QuestionnaireResponse/bad")) }
        if field == "display" {
            #expect(problem.column == "item[2].answer[0].valueCoding" && problem.message.contains("\"Often\""))
        }
    }

    @Test("Observations: one per scored outcome scale, SNOMED CT where confirmed, subject as received, derivedFrom")
    func observations() throws {
        let wemwbs = try Self.catalog.instrument(id: "wemwbs")
        let answers = Dictionary(uniqueKeysWithValues: wemwbs.items.map { ($0.id, 4) })
        var incomplete = answers
        incomplete["wemwbs_14"] = nil
        let text = try [
            Self.response(wemwbs, answers: answers, id: "full"), Self.response(wemwbs, answers: incomplete, id: "part"),
        ].map(Self.json).joined(separator: "\n")
        let reader = try ResponseFileReader(text: text, name: "in.ndjson", catalog: Self.catalog)
        let output = ByteWriter(collecting: ())
        let summary = try FHIRObservations(catalog: Self.catalog).score(reader, to: output)
        try output.commit()
        let lines = String(decoding: output.collected, as: UTF8.self).split(separator: "\n")
        #expect(summary.rowsRead == 2 && summary.scored == 1 && summary.incomplete == 1)
        // WEMWBS total and SWEMWBS metric; not the raw SWEMWBS score, an intermediate step.
        #expect(lines.count == 2)
        let total = try Self.object(String(lines[0]))
        let coding = ((total["code"] as? [String: Any])?["coding"] as? [[String: Any]])?.first
        #expect(coding?["system"] as? String == "http://snomed.info/sct" && coding?["code"] as? String == "718426000")
        #expect(total["valueInteger"] as? Int == 56 && total["effectiveDateTime"] as? String == "2026-02-10")
        #expect(
            ((total["derivedFrom"] as? [[String: Any]])?.first?["reference"]) as? String == "QuestionnaireResponse/full"
        )
        #expect(
            ((total["subject"] as? [String: Any])?["identifier"] as? [String: Any])?["system"] as? String
                == "urn:area:ids")
        let metric = try Self.object(String(lines[1]))
        // Every answer 4 makes a SWEMWBS raw score of 28: the published table gives 25.03.
        #expect(((metric["valueQuantity"] as? [String: Any])?["value"] as? Double) == 25.03)
    }
}
