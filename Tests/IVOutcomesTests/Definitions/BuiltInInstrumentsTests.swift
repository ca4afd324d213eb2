import Foundation
import Testing

@testable import IVOutcomes

@Suite("Built-in instruments")
struct BuiltInInstrumentsTests {
    static let definitionFiles: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.instrumentsFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    @Test("every file in Instruments/ is a valid definition", arguments: definitionFiles)
    func everyShippedDefinitionIsValid(file: String) throws {
        let framework = Fixtures.instrumentsFolder.appendingPathComponent("outcomes.json").path
        let path = Fixtures.instrumentsFolder.appendingPathComponent(file).path
        // A schedule names instruments, so it is checked with the whole folder.
        let paths =
            file == "outcomes.json"
            ? [path] : file == "schedule.json" ? [Fixtures.instrumentsFolder.path] : [framework, path]
        #expect(throws: Never.self) { try InstrumentCatalog.load(DefinitionSource.read(paths)) }
    }

    @Test("the embedded catalogue is exactly the files in Instruments/")
    func embeddedCatalogMatchesTheFiles() throws {
        let fromDisk = try InstrumentCatalog.load(DefinitionSource.read([Fixtures.instrumentsFolder.path]))
        let builtIn = try InstrumentCatalog.builtIn
        #expect(builtIn.instruments.map(\.id) == ["iv-log", "life-skills", "scwbs", "swemwbs", "wemwbs"])
        #expect(builtIn.framework.outcomes == fromDisk.framework.outcomes)
        #expect(builtIn.schedule?.measures == fromDisk.schedule?.measures)
        #expect(builtIn.schedule?.measures.map(\.id) == ["wellbeing", "life_skills", "contact_log"])
        for (embedded, disk) in zip(builtIn.instruments, fromDisk.instruments) {
            #expect(embedded.id == disk.id)
            #expect(embedded.items == disk.items)
            #expect(embedded.scales == disk.scales)
            #expect(embedded.examples == disk.examples)
            #expect(embedded.version == disk.version)
        }
    }

    @Test("the outcome framework has the five outcomes of the 2024 study")
    func frameworkHasFiveOutcomes() throws {
        let framework = try InstrumentCatalog.builtIn.framework
        #expect(
            framework.outcomes.map(\.id) == [
                "emotional_security", "confidence", "wellbeing", "life_skills", "expanded_horizons",
            ])
    }

    @Test("WEMWBS has 14 items in the official order with 1-5 codes")
    func wemwbsItems() throws {
        let wemwbs = try InstrumentCatalog.builtIn.instrument(id: "wemwbs")
        #expect(wemwbs.items.map(\.id.rawValue) == (1...14).map { "wemwbs_\($0)" })
        #expect(wemwbs.items[0].text == "I've been feeling optimistic about the future")
        #expect(wemwbs.items[13].text == "I've been feeling cheerful")
        let scale = try #require(wemwbs.items[0].responseScale)
        #expect(scale.options.map(\.code) == [1, 2, 3, 4, 5])
        #expect(
            scale.options.map(\.label) == [
                "None of the time", "Rarely", "Some of the time", "Often", "All of the time",
            ])
        #expect(wemwbs.validatedAges?.minimum == 13)
        #expect(
            wemwbs.licence.copyright.contains(
                "© NHS Health Scotland, University of Warwick and University of Edinburgh, 2006"))
    }

    @Test("WEMWBS scales: total with bands and thresholds, SWEMWBS raw and metric")
    func wemwbsScales() throws {
        let wemwbs = try InstrumentCatalog.builtIn.instrument(id: "wemwbs")
        #expect(wemwbs.scales.map(\.id) == ["wemwbs_total", "swemwbs_raw", "swemwbs_metric"])
        let total = try wemwbs.scale(id: "wemwbs_total")
        #expect(total.minimum == 14 && total.maximum == 70)
        #expect(total.bands?.bands.map(\.id) == ["probable_depression", "possible_depression", "average", "high"])
        #expect(total.bands?.caution.contains("not a diagnosis") == true)
        #expect(total.bands?.column == "wemwbs_band")
        #expect(total.change?.meaningful?.points == 3)
        let reliable = try #require(total.change?.reliable)
        #expect(abs(reliable.threshold - 6.80) < 0.005)
        #expect(abs((reliable.standardErrorOfMeasurement ?? 0) - 2.4518) < 0.0001)
        let raw = try wemwbs.scale(id: "swemwbs_raw")
        #expect(
            raw.items.map(\.rawValue) == [
                "wemwbs_1", "wemwbs_2", "wemwbs_3", "wemwbs_6", "wemwbs_7", "wemwbs_9", "wemwbs_11",
            ])
    }

    @Test("SWEMWBS: the seven WEMWBS item ids, metric thresholds from Shah et al. 2018, no bands")
    func swemwbsScales() throws {
        let swemwbs = try InstrumentCatalog.builtIn.instrument(id: "swemwbs")
        #expect(
            swemwbs.items.map(\.id.rawValue) == [
                "wemwbs_1", "wemwbs_2", "wemwbs_3", "wemwbs_6", "wemwbs_7", "wemwbs_9", "wemwbs_11",
            ])
        let metric = try swemwbs.scale(id: "swemwbs_metric")
        #expect(metric.change?.reliable?.threshold == 2.87)
        #expect(metric.change?.meaningful?.points == 1.03)
        #expect(metric.bands == nil)
        #expect(swemwbs.scales.allSatisfy { $0.bands == nil })
    }

    @Test("life-skills is a short pilot supplement with a total and no thresholds")
    func lifeSkills() throws {
        let life = try InstrumentCatalog.builtIn.instrument(id: "life-skills")
        #expect((6...8).contains(life.items.count))
        #expect(life.status == .pilot)
        #expect(life.validatedAges == nil)
        #expect(life.items.allSatisfy { $0.outcomes.contains { $0.outcome == "life_skills" } })
        let total = try life.scale(id: "life_skills_total")
        #expect(total.change == nil && total.bands == nil)
    }

    @Test("iv-log asks about each of the five outcomes, with free-text examples that are never scored")
    func ivLog() throws {
        let log = try InstrumentCatalog.builtIn.instrument(id: "iv-log")
        #expect(log.respondent == .ivVolunteer)
        #expect(try log.item(id: "visit_happened").isRequired == true)
        let outcomes = try InstrumentCatalog.builtIn.framework.outcomes
        for outcome in outcomes {
            let question = try log.item(id: ItemID("change_\(outcome.id)"))
            #expect(question.text.hasPrefix("Since your last visit, have you noticed any change in"))
            #expect(
                question.responseScale?.options.map(\.label) == [
                    "Less", "No change", "A little more", "A lot more", "Not sure",
                ])
            #expect(try log.item(id: ItemID("example_\(outcome.id)")).response == .freeText)
        }
        #expect(log.scales.isEmpty)
    }

    @Test("every number in a definition cites a source the file lists")
    func everyThresholdHasASource() throws {
        for instrument in try InstrumentCatalog.builtIn.instruments {
            let known = Set(instrument.sources.map(\.id))
            for scale in instrument.scales {
                if let bands = scale.bands { #expect(known.contains(bands.source)) }
                if let meaningful = scale.change?.meaningful { #expect(known.contains(meaningful.source)) }
                if let reliable = scale.change?.reliable { #expect(known.contains(reliable.source)) }
                if case .lookup(_, let table) = scale.method { #expect(known.contains(table.source)) }
            }
        }
    }
}
