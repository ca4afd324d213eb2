import Foundation
import Testing

@testable import IVOutcomes

/// An aggregate built from values a caller holds equals the one built from a tracker, and takes
/// any breakdown dimension the caller names.
@Suite("Aggregation: from values, with any breakdown")
struct AggregateFromValuesTests {
    @Test("changes, log summaries and child details give the tracker's aggregate")
    func sameAsTracker() throws {
        let tracker = try ReportData.tracker(ReportData.areaA)
        let fromTracker = AreaAggregate(tracker: tracker, area: "A")
        let register = try #require(tracker.register)
        var quality = DataQuality()
        quality.rowsRead = fromTracker.dataQuality.rowsRead
        quality.incompleteForms = fromTracker.dataQuality.incompleteForms
        quality.childrenWithOverdueWave = fromTracker.dataQuality.childrenWithOverdueWave
        let fromValues = AreaAggregate(
            area: "A", asOf: tracker.options.asOf, catalog: tracker.catalog, changes: tracker.changes(),
            logSummaries: tracker.logSummaries(), children: register.children, dataQuality: quality,
            instruments: fromTracker.instruments)
        #expect(fromValues == fromTracker)
    }

    @Test("a caller's own attribute is a breakdown; a child without details is 'unknown'")
    func customBreakdown() throws {
        let tracker = try ReportData.tracker(ReportData.areaA)
        let children = ReportData.areaA.prefix(10).enumerated().map { offset, child in
            ChildDetails(
                id: ChildID(checked: child.id), birthMonth: BirthMonth(text: "2012-05"),
                attributes: ["placement_type": offset < 6 ? "foster" : "residential"])
        }
        let aggregate = AreaAggregate(
            area: "A", asOf: tracker.options.asOf, catalog: tracker.catalog, changes: tracker.changes(),
            children: children, breakdowns: ["placement_type", "gender"])
        let groups = aggregate.groups.map { "\($0.dimension)=\($0.category):\($0.children.value)" }
        // gender is not among these details: no child has it, so it is left out.
        #expect(
            groups == [
                "all=all:12", "placement_type=foster:6", "placement_type=residential:4", "placement_type=unknown:2",
            ])
        let foster = try ReportData.wemwbs(aggregate, "placement_type", "foster")
        #expect(foster.childrenWithFollowUp.value == 6)
        // Every instrument with a scale followed (SWEMWBS shares swemwbs_metric with WEMWBS).
        #expect(aggregate.instruments == ["swemwbs", "wemwbs"])
    }

    @Test("without child details every child is in 'all' only")
    func noDetails() throws {
        let tracker = try ReportData.tracker(ReportData.areaB)
        let aggregate = AreaAggregate(
            area: "B", asOf: tracker.options.asOf, catalog: tracker.catalog, changes: tracker.changes())
        #expect(aggregate.groups.map(\.dimension) == ["all"])
        #expect(aggregate.groups[0].children.value == 8)
        #expect(try ReportData.wemwbs(aggregate).change.sums.count == 8)
    }
}

@Suite("Reports: the JSON summary as Codable values")
struct ReportSummaryTests {
    @Test("the summary decodes field by field, keeps hidden counts hidden, and encodes back to equal values")
    func decodes() throws {
        let tracker = try ReportData.tracker(ReportData.areaA)
        let view = ReportView(
            aggregate: AreaAggregate(tracker: tracker, area: "A"), catalog: tracker.catalog, policy: .standard)
        let summary = try view.summary()
        #expect(summary.format == "ivoutcomes-report" && summary.formatVersion == ReportView.formatVersion)
        #expect(summary.groups.count == view.groups.count)
        let all = try #require(summary.groups.first)
        #expect(all.children == .shown(12))
        let wemwbs = try #require(all.scales.first { $0.scale == "wemwbs_total" })
        let change = try #require(view.groups[0].scales.first { $0.scale == "wemwbs_total" }?.change)
        #expect(wemwbs.change?.n == change.count)
        #expect(abs((wemwbs.change?.mean ?? .nan) - change.meanChange) < 0.005)
        let hidden = summary.groups.flatMap(\.scales).flatMap { Array($0.reliableChange.values) }.filter {
            $0 == .hidden
        }
        #expect(!hidden.isEmpty)  // small cells of the gender breakdown stay hidden
        let again = try JSONDecoder().decode(ReportSummary.self, from: JSONEncoder().encode(summary))
        #expect(again == summary)
    }
}

extension ReportSummaryTests {
    @Test("the golden report (breakdowns not shown, bands, logs) decodes")
    func goldenDecodes() throws {
        let url = Fixtures.packageRoot.appendingPathComponent("Tests/IVOutcomesCLITests/Fixtures/golden-report.json")
        let summary = try JSONDecoder().decode(ReportSummary.self, from: Data(contentsOf: url))
        // Seven children: each breakdown is left out, with its reason.
        #expect(summary.breakdownsNotShown?.contains { $0.dimension == "age_band" && !$0.reason.isEmpty } == true)
        #expect(summary.groups.allSatisfy { $0.members?.isEmpty == false })
        #expect(summary.groups.contains { !$0.logs.isEmpty })
        #expect(summary.dataQuality["rows_read"] != nil)
    }
}

extension ReportSummaryTests {
    @Test(
        "a group whose changes are all the same decodes, with no p-value or effect size (found by the library client)")
    func sameChangeEverywhere() throws {
        let children = (1...6).map { (id: "S\($0)", baseline: 40 + $0, change: 3, gender: "f") }
        let tracker = try ReportData.tracker(children)
        let view = ReportView(
            aggregate: AreaAggregate(tracker: tracker, area: "S"), catalog: tracker.catalog, policy: .standard)
        let change = try #require(try view.summary().groups[0].scales.first { $0.scale == "wemwbs_total" }?.change)
        #expect(change.mean == 3 && change.sd == 0)
        #expect(change.pairedTTestP == nil && change.cohensDz == nil)
    }
}
