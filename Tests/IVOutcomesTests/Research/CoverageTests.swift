import Foundation
import Testing

@testable import IVOutcomes

@Suite("Outcome coverage")
struct CoverageTests {
    func coverage(_ ids: [InstrumentID], catalog: InstrumentCatalog? = nil) throws -> Coverage {
        let catalog = try catalog ?? InstrumentCatalog.builtIn
        return Coverage(of: try ids.map { try catalog.instrument(id: $0) }, framework: catalog.framework)
    }

    @Test("WEMWBS covers four of the five outcomes and leaves life skills uncovered, as the 2024 study found")
    func wemwbsAlone() throws {
        let result = try coverage(["wemwbs"])
        #expect(result.outcomesCovered == 4)
        #expect(result.verdict(for: "life_skills") == .notCovered)
        for outcome: OutcomeID in ["emotional_security", "confidence", "wellbeing", "expanded_horizons"] {
            #expect(result.verdict(for: outcome) == .covered)
        }
        let security = try #require(result.rows.first { $0.outcome.id == "emotional_security" })
        #expect(security.items == [["wemwbs_9", "wemwbs_12"]])
    }

    @Test("WEMWBS with the life-skills supplement covers all five")
    func wemwbsAndLifeSkills() throws {
        let result = try coverage(["wemwbs", "life-skills"])
        #expect(result.outcomesCovered == 5)
        #expect(result.totalItems == 22)
        #expect(result.totalMinutes == 5.5)
    }

    @Test(
        "an item shared by several instruments (SWEMWBS's are WEMWBS items) is one question, in any order",
        arguments: [["wemwbs", "swemwbs", "life-skills", "iv-log"], ["iv-log", "swemwbs", "life-skills", "wemwbs"]]
            as [[InstrumentID]])
    func sharedItemsCountedOnce(ids: [InstrumentID]) throws {
        let result = try coverage(ids)
        // 14 WEMWBS items (SWEMWBS's 7 among them) + 8 life-skills + 11 log questions; timed as
        // WEMWBS 3.5 + life skills 2 + log 2 minutes (SWEMWBS adds no question and no minute).
        #expect(result.totalItems == 33)
        #expect(result.totalMinutes == 7.5)
        let wellbeing = try #require(result.rows.first { $0.outcome.id == "wellbeing" })
        #expect(wellbeing.itemCount == 15)  // 14 WEMWBS items and one log question
        #expect(Coverage.ruleText.contains("counted once"))
    }

    @Test("the Stirling scale covers four outcomes beside WEMWBS's, none of its validity items counted")
    func stirlingBesideWEMWBS() throws {
        let result = try coverage(["scwbs", "wemwbs"])
        let stirling = try coverage(["scwbs"])
        #expect(stirling.verdict(for: "wellbeing") == .covered)
        let wellbeing = try #require(stirling.rows.first { $0.outcome.id == "wellbeing" })
        #expect(wellbeing.items[0].count == 12)  // items 2, 7 and 13 inform no outcome
        #expect(!wellbeing.items[0].contains("scwbs_2"))
        #expect(result.totalItems == 29)
        #expect(result.totalMinutes == 7.25)
    }

    @Test("SWEMWBS, life skills and the IV log cover all five with fewer questions for the young person")
    func shortSet() throws {
        let short = try coverage(["swemwbs", "life-skills", "iv-log"])
        let long = try coverage(["wemwbs", "life-skills"])
        #expect(short.outcomesCovered == 5)
        let youngPersonItems = { (c: Coverage) in
            c.instruments.filter { $0.respondent == .youngPerson }.map(\.items.count).reduce(0, +)
        }
        #expect(youngPersonItems(short) == 15)
        #expect(youngPersonItems(long) == 22)
        #expect(short.totalMinutes == 5.75)
    }

    @Test("one item makes an outcome partly covered")
    func partly() throws {
        let result = try coverage(["iv-log"])
        #expect(result.rows.allSatisfy { $0.verdict == .partly })
    }

    @Test("a custom definition folder is covered by its own mappings")
    func customDefinitions() throws {
        let catalog = try InstrumentCatalog.builtIn.adding(contentsOf: [Fixtures.path("valid")])
        let result = try coverage(["mini"], catalog: catalog)
        #expect(result.verdict(for: "wellbeing") == .partly)
        #expect(result.verdict(for: "confidence") == .partly)
        #expect(result.verdict(for: "life_skills") == .notCovered)
        #expect(
            result.csv.hasPrefix(
                "outcome_id,outcome,mini,items,item_ids,verdict\nemotional_security,Emotional security,0,0,,not_covered\n"
            ))
    }

    @Test("the JSON and HTML forms carry the rule and escape text")
    func formats() throws {
        let result = try coverage(["wemwbs"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.json.utf8)) as? [String: Any])
        #expect(json["rule"] as? String == Coverage.ruleText)
        #expect((json["totals"] as? [String: Any])?["outcomesCovered"] as? Int == 4)
        #expect(result.html.contains("<td class=\"not_covered\">not covered</td>"))
        #expect(HTML.escape("<script>\"x\" & 'y'") == "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;")
    }
}
