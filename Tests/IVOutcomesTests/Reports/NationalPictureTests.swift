import Foundation
import Testing

@testable import IVOutcomes

/// Confidential returns and the national picture pooled from them: exact, and protected against
/// a reader who holds it, every area's published report and one area's own return.
@Suite("Reports: confidential returns and the national picture")
struct NationalPictureTests {
    static let catalog = Result { try InstrumentCatalog.builtIn }

    /// Each area's report, as published, and its return, as sent (written and read back).
    static func returns(_ areas: [(name: String, children: [(id: String, baseline: Int, change: Int, gender: String)])])
        throws -> (reports: [ReportView], returns: [ConfidentialReturn])
    {
        let catalog = try catalog.get()
        var reports: [ReportView] = []
        var returns: [ConfidentialReturn] = []
        for area in areas {
            let view = ReportView(
                aggregate: AreaAggregate(tracker: try ReportData.tracker(area.children), area: area.name),
                catalog: catalog, policy: .standard)
            let sent = view.confidentialReturn()
            reports.append(view)
            returns.append(try ConfidentialReturn(data: Data(sent.json().utf8), file: "\(area.name).return.json"))
        }
        return (reports, returns)
    }

    @Test("a return says first that it is not for publication, and reads back to the exact aggregate")
    func returnRoundTrip() throws {
        let (reports, returns) = try Self.returns([("A", ReportData.areaA)])
        let text = reports[0].confidentialReturn().json()
        #expect(text.hasPrefix("{\n  \"notForPublication\""))
        #expect(ConfidentialReturn.isReturn(Data(text.utf8)))
        #expect(!ConfidentialReturn.isReturn(Data(reports[0].poolingSummary().utf8)))
        // Read back, it writes the same return: every exact figure survived.
        #expect(returns[0].json() == text)
        #expect(returns[0].aggregate.groups.map(\.children) == reports[0].source.groups.map(\.children))
        #expect(!text.contains("CHILD-A"))
    }

    @Test(
        "the national picture's headline figures and comparison equal one unsuppressed report on every area's children")
    func nationalIsExact() throws {
        let catalog = try Self.catalog.get()
        let (_, returns) = try Self.returns([("A", ReportData.areaA), ("B", ReportData.areaB)])
        let national = try ReportView(nationalFrom: returns, catalog: catalog, policy: .standard)
        let combined = ReportView(
            aggregate: AreaAggregate(
                tracker: try ReportData.tracker(ReportData.areaA + ReportData.areaB), area: "both"),
            catalog: catalog, policy: try SuppressionPolicy(threshold: 1, allowSmallNumbers: true))
        #expect(national.disclosure.auditPassed)
        let mine = try #require(national.groups.first)
        let truth = try #require(combined.groups.first)
        #expect(mine.children == truth.children)
        for (scale, exact) in zip(mine.scales, truth.scales) {
            #expect(scale.childrenWithBaseline == exact.childrenWithBaseline)
            #expect(scale.childrenWithFollowUp == exact.childrenWithFollowUp)
            #expect(scale.change == exact.change)
            #expect(scale.baseline == exact.baseline)
        }
    }

    @Test("a return whose report does not match its fingerprint is refused")
    func fingerprintChecked() throws {
        let (_, returns) = try Self.returns([("A", ReportData.areaA)])
        let tampered = ConfidentialReturn(
            aggregate: returns[0].aggregate, suppressionThreshold: 5, publishedReportDigest: "0000000000000000")
        #expect(throws: PoolingError.self) {
            try ReportView(nationalFrom: [tampered], catalog: try Self.catalog.get(), policy: .standard)
        }
    }

    /// The differencing attack, built by hand: with two areas, a reader holding one area's
    /// return and the national figures knows the other area's count of every cell the national
    /// picture shows. So no shown national count may have a hidden small count in either area.
    @Test("national minus one area's return never gives away the other area's hidden small count")
    func differencingAttack() throws {
        let catalog = try Self.catalog.get()
        let (reports, returns) = try Self.returns([("A", ReportData.areaA), ("B", ReportData.areaB)])
        let national = try ReportView(nationalFrom: returns, catalog: catalog, policy: .standard)
        let whole = try #require(national.groups.first)
        var attacked = 0
        for (report, sent) in zip(reports, returns) {
            let own = try #require(report.groups.first)
            let exact = try #require(sent.aggregate.groups.first)
            for scale in whole.scales {
                guard let area = own.scales.first(where: { $0.scale == scale.scale }),
                    let truth = exact.scales.first(where: { $0.scale == scale.scale })
                else { continue }
                let pairs: [(ReportedCount, ReportedCount, Int)] =
                    [
                        (scale.childrenWithBaseline, area.childrenWithBaseline, truth.childrenWithBaseline.value),
                        (scale.childrenWithFollowUp, area.childrenWithFollowUp, truth.childrenWithFollowUp.value),
                    ]
                    + scale.reliableChange.compactMap { cell in
                        area.reliableChange.first { $0.name == cell.name }.map {
                            (cell.count, $0.count, truth.reliableChange[cell.name].value)
                        }
                    }
                for (nationalCount, areaCount, value) in pairs where areaCount.isHidden && value > 0 && value < 5 {
                    attacked += 1
                    #expect(nationalCount.isHidden, "\(report.areas) \(scale.scale): \(value) given away")
                }
            }
        }
        #expect(attacked > 0)
    }

    @Test("the same area pooled twice is refused by the library")
    func samePeriodTwice() throws {
        let (_, returns) = try Self.returns([("A", ReportData.areaA)])
        #expect(throws: PoolingError.self) { try AreaAggregate.pooling([returns[0].aggregate, returns[0].aggregate]) }
    }
}

@Suite("Reports: table design before suppression")
struct TableDesignTests {
    static func aggregate(_ counts: [String: Int], dimension: String) -> AreaAggregate {
        let total = counts.values.reduce(0, +)
        let groups =
            [GroupAggregate(dimension: "all", category: "all", children: PoolableCount(total), scales: [])]
            + counts.keys.sorted().map {
                GroupAggregate(dimension: dimension, category: $0, children: PoolableCount(counts[$0] ?? 0), scales: [])
            }
        return AreaAggregate(
            areas: ["T"], asOf: CalendarDate(iso: "2026-11-30")!, instruments: [], groups: groups,
            dataQuality: DataQuality())
    }

    @Test(
        "small categories merge before anything is hidden",
        arguments: [
            // An ordered dimension merges a small band with its smaller neighbour.
            (["8-11": 3, "12-14": 9, "15-17": 8], "age_band", ["8-14=12", "15-17=8"]),
            // Any other merges its small categories into one named for what it holds.
            (
                ["White": 12, "Asian": 2, "Other": 3, "Black": 6], "ethnicity",
                ["Black=6", "White=12", "other (Asian, Other)=5"]
            ),
            // A merged category still under 5 takes the smallest other with it.
            (["White": 12, "Asian": 2, "Black": 6], "ethnicity", ["White=12", "other (Asian, Black)=8"]),
        ])
    func merging(counts: [String: Int], dimension: String, expected: [String]) {
        let design = TableDesign(Self.aggregate(counts, dimension: dimension), threshold: 5)
        let shown = design.groups.filter { $0.dimension == dimension }.map { "\($0.category)=\($0.children.value)" }
        #expect(shown.sorted() == expected.sorted())
        #expect(design.omitted.isEmpty)
    }

    @Test("a breakdown of one category, or under two of 5 after merging, is left out with its reason")
    func leftOut() {
        let single = TableDesign(Self.aggregate(["North West": 20], dimension: "region"), threshold: 5)
        #expect(single.groups.map(\.dimension) == ["all"])
        #expect(single.omitted.first?.reason.hasPrefix("a single category") == true)
        let small = TableDesign(Self.aggregate(["female": 3, "male": 2], dimension: "gender"), threshold: 5)
        #expect(small.groups.map(\.dimension) == ["all"])
        #expect(small.omitted.first?.reason.hasPrefix("fewer than two categories") == true)
    }

    @Test("hiding costs users least for detail, then breakdowns, then tables, then the whole area's sizes")
    func costOrder() {
        typealias Cost = DisclosureAudit.Cost
        #expect(Cost.detail < .breakdown && Cost.breakdown < .table && Cost.table < .keyTable)
        #expect(Cost.keyTable < .waitingSize && Cost.waitingSize < .headline)
    }
}
