import Foundation
import Testing

@testable import IVOutcomes

@Suite("Definition validation")
struct DefinitionValidationTests {
    static let invalidFiles = Fixtures.files(in: "invalid", extension: "json")

    /// Loads fixture files on top of the built-in catalogue (for its outcome framework).
    func load(_ relative: String) throws -> InstrumentCatalog {
        try InstrumentCatalog.builtIn.adding(
            DefinitionSource.read([Fixtures.path(relative)]).map {
                DefinitionSource(name: "Fixtures/\(relative)", data: $0.data)
            })
    }

    @Test("the minimal valid fixture loads and keeps its parts")
    func validFixtureLoads() throws {
        let catalog = try load("valid/mini.json")
        let mini = try catalog.instrument(id: "mini")
        #expect(mini.items.count == 3)
        #expect(mini.scales.map(\.id) == ["mini_total", "mini_converted"])
        #expect(mini.examples.count == 1)
        #expect(catalog.instruments.count == 6)
    }

    @Test("an invalid definition is rejected with exactly the expected messages", arguments: invalidFiles)
    func invalidDefinitionIsRejected(file: String) throws {
        let name = String(file.dropLast(".json".count))
        var messages = ""
        do {
            _ = try load("invalid/\(file)")
            Issue.record("invalid/\(file) loaded without error")
        } catch let error as DefinitionError {
            messages = error.problems.map(\.description).joined(separator: "\n") + "\n"
            #expect(!error.problems.isEmpty)
        }
        let golden = Fixtures.matchesGolden(messages, at: "invalid/\(name).expected")
        #expect(golden.matches, "expected:\n\(golden.expected)\nactual:\n\(messages)")
    }

    @Test("every problem of a file is reported, not just the first")
    func reportsEveryProblem() throws {
        var object = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: Fixtures.path("valid/mini.json")))) as? [String: Any])
        object["title"] = 5
        object["status"] = "validatd"
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect {
            try InstrumentCatalog.builtIn.adding([DefinitionSource(name: "two.json", data: data)])
        } throws: { error in
            guard let error = error as? DefinitionError else { return false }
            return error.problems.map(\.description) == [
                "two.json: title: expected a string, found a number",
                "two.json: status: 'validatd' is not one of validated, pilot; did you mean 'validated'?",
            ]
        }
    }

    @Test("a missing file is reported with its path")
    func missingFile() throws {
        #expect {
            try InstrumentCatalog.builtIn.adding(contentsOf: ["/no/such/definition.json"])
        } throws: { error in
            (error as? DefinitionError)?.description == "/no/such/definition.json: no such file or folder"
        }
    }

    @Test("an unknown id suggests the closest known one, whatever is looked up")
    func unknownInstrument() throws {
        let catalog = try InstrumentCatalog.builtIn
        let error = try #require(throws: LookupError.self) { try catalog.instrument(id: "wembws") }
        #expect(
            error.description
                == "unknown instrument 'wembws'; did you mean 'wemwbs'? (known: iv-log, life-skills, scwbs, swemwbs, wemwbs)"
        )
        #expect(error.code == "lookup.unknown_instrument")
        let wemwbs = try catalog.instrument(id: "wemwbs")
        let scale = try #require(throws: LookupError.self) { try wemwbs.scale(id: "wemwbs_totl") }
        #expect(scale.description.hasPrefix("unknown scale 'wemwbs_totl'; did you mean 'wemwbs_total'?"))
        #expect(throws: LookupError.self) { try wemwbs.item(id: "wemwbs_15") }
        #expect(throws: LookupError.self) { try catalog.framework.outcome(id: "happiness") }
        #expect(throws: LookupError.self) { try catalog.schedule?.measure(id: "wellbeng") }
    }

    @Test("a local definition overrides the built-in one with the same id")
    func localOverride() throws {
        var object = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: Fixtures.instrumentsFolder.appendingPathComponent("life-skills.json")))
                as? [String: Any])
        object["version"] = "0.2.0"
        var changelog = try #require(object["changelog"] as? [[String: Any]])
        changelog.append(["version": "0.2.0", "date": "2026-12-01", "changes": "Local wording."])
        object["changelog"] = changelog
        let data = try JSONSerialization.data(withJSONObject: object)
        let catalog = try InstrumentCatalog.builtIn.adding([
            DefinitionSource(name: "local/life-skills.json", data: data)
        ])
        #expect(try catalog.instrument(id: "life-skills").version == "0.2.0")
        #expect(try catalog.instrument(id: "life-skills").file == "local/life-skills.json")
        #expect(catalog.instruments.count == 5)
    }

    @Test("a shared scale id must mean the same in every instrument")
    func sharedScaleMustAgree() throws {
        var object = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: Fixtures.instrumentsFolder.appendingPathComponent("swemwbs.json")))
                as? [String: Any])
        var scales = try #require(object["scales"] as? [[String: Any]])
        scales[1]["change"] = ["meaningful": ["points": 2, "source": "shah2018"]]
        object["scales"] = scales
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect {
            try InstrumentCatalog.builtIn.adding([DefinitionSource(name: "local/swemwbs.json", data: data)])
        } throws: { error in
            (error as? DefinitionError)?.problems.map(\.description) == [
                "local/swemwbs.json: scales[1]: scale 'swemwbs_metric' differs from the scale of the same id in Instruments/wemwbs.json (range, decimals, bands, change thresholds or role); give it its own id"
            ]
        }
    }
}
