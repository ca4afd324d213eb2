import Foundation
import Testing

@testable import IVOutcomes

/// A small seeded generator, so that generated areas are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Disclosure control in reports: audited on real and generated areas")
struct DisclosureReportTests {
    /// Every small hidden count keeps at least `threshold` values by the full programme (no
    /// early stop), and no statistic of fewer than `threshold` children can be worked out.
    static func expectProtected(_ view: ReportView, _ aggregate: AreaAggregate, _ label: String) {
        let threshold = view.policy.threshold
        let published = view.publishedCells
        let (audit, places) = published.relations(threshold: threshold)
        // Every checked cell passes the audit's own early-stopping check; a sample of them is
        // also solved in full (both bounds to the end), which the tests' unoptimised build
        // cannot afford for every cell.
        let all = audit.cells.indices.filter { audit.cells[$0].isChecked }
        let checked = stride(from: 0, to: all.count, by: max(1, all.count / 6)).map { all[$0] }
        let intervals = audit.intervals(of: checked)
        for cell in checked {
            let interval = intervals[cell]
            #expect(
                interval.map { $0.upperBound == Int.max || $0.count >= threshold } == true,
                "\(label): \(places[cell]) (\(audit.cells[cell].value)) can be narrowed to \(String(describing: interval))"
            )
        }
        #expect(audit.exposedCells().isEmpty, "\(label)")
        #expect(
            published.relations(threshold: threshold).audit.cells.filter(\.isSmall).count
                == view.disclosure.smallCountsHidden, "\(label)")
        guard let whole = view.groups.first(where: { $0.dimension == "all" }) else { return }
        let dimensions = Set(view.groups.map(\.dimension)).filter(GroupAggregate.isBreakdown)
        for dimension in dimensions {
            let members = view.groups.filter { $0.dimension == dimension }
            for allView in whole.scales {
                for kind in ReportView.StatisticsKind.allCases where kind.isShown(allView) {
                    let shown = members.compactMap { member in member.scales.first { $0.scale == allView.scale } }
                        .filter { kind.isShown($0) }
                    for view in shown { #expect(kind.children(view) >= threshold, "\(label)") }
                    let leftOver = kind.children(allView) - shown.reduce(0) { $0 + kind.children($1) }
                    #expect(
                        leftOver == 0 || leftOver >= threshold,
                        "\(label): \(dimension) \(allView.scale) leaves \(leftOver) children's statistics derivable")
                }
            }
        }
        let json = view.jsonSummary()
        #expect(!json.contains("under 5") && !json.contains("\"suppressed\""), "\(label)")
    }

    @Test("the bundled example area: every hidden 1-4 count protected, no small-group statistic derivable")
    func exampleArea() throws {
        let examples = Fixtures.packageRoot.appendingPathComponent("Examples")
        let catalog = try InstrumentCatalog.builtIn
        let asOf = CalendarDate(iso: "2026-11-30")!
        let register = try ChildRegister(path: examples.appendingPathComponent("children.csv").path, today: asOf)
        let tracker = FollowUpTracker(catalog: catalog, register: register, options: FollowUpOptions(asOf: asOf))
        for file in ["questionnaires.csv", "logs.csv"] {
            try ResponseFileReader(path: examples.appendingPathComponent(file).path, catalog: catalog).track(
                into: tracker)
        }
        let aggregate = AreaAggregate(tracker: tracker, area: "Pilotshire")
        let view = ReportView(aggregate: aggregate, catalog: catalog, policy: .standard)
        #expect(view.disclosure.auditPassed)
        #expect(view.disclosure.smallCountsHidden > 100)
        #expect(view.disclosure.cellsHiddenByAudit > 0)
        Self.expectProtected(view, aggregate, "example")
    }

    /// An area of `count` children in categories of 1-4 children, some with blank categories, of
    /// every match length, and a few children on the waiting list.
    static func generatedArea(seed: UInt64, count: Int) throws -> AreaAggregate {
        var random = SeededGenerator(state: seed)
        let genders = ["female", "male", "neither", ""]
        let ethnicities = ["White", "White", "White", "Black", "Asian", "Mixed", "Other", ""]
        var children: [ChildDetails] = []
        var administrations: [Administration] = []
        for index in 0..<count {
            let id = "G\(seed)-\(index)"
            var attributes = ["local_area": "Generated"]
            let gender = genders[Int.random(in: 0..<genders.count, using: &random)]
            let ethnicity = ethnicities[Int.random(in: 0..<ethnicities.count, using: &random)]
            if !gender.isEmpty { attributes["gender"] = gender }
            if !ethnicity.isEmpty { attributes["ethnicity"] = ethnicity }
            attributes["disability"] = Int.random(in: 0..<5, using: &random) == 0 ? "yes" : "no"
            let waiting = Int.random(in: 0..<6, using: &random) == 0
            let matchStart = CalendarDate(iso: "2019-06-01")?.adding(days: Int.random(in: 0..<2600, using: &random))
            children.append(
                ChildDetails(
                    id: ChildID(checked: id),
                    birthMonth: BirthMonth(text: "20\(10 + Int.random(in: 0..<6, using: &random))-05"),
                    matchStart: waiting || index % 7 == 0 ? nil : matchStart, status: waiting ? .waiting : .matched,
                    attributes: attributes))
            let baseline = Int.random(in: 28...62, using: &random)
            administrations.append(FollowUpData.wemwbs(id, "2026-01-10", total: baseline))
            if Int.random(in: 0..<4, using: &random) > 0 {
                let latest = min(70, max(14, baseline + Int.random(in: -9...11, using: &random)))
                administrations.append(FollowUpData.wemwbs(id, "2026-07-10", total: latest))
            }
        }
        let tracker = try FollowUpData.tracker(register: ChildRegister(children: children))
        for administration in administrations { tracker.add(administration) }
        return AreaAggregate(tracker: tracker, area: "Generated")
    }

    @Test("generated areas with categories of 1-4 children and blank categories", arguments: [(2, 20)])
    func generatedAreas(seed: UInt64, count: Int) throws {
        let aggregate = try Self.generatedArea(seed: seed, count: count)
        let view = ReportView(aggregate: aggregate, catalog: try InstrumentCatalog.builtIn, policy: .standard)
        #expect(view.groups.contains { $0.members.contains("unknown") })
        #expect(view.groups.contains { $0.isWaitingList } && view.groups.contains { $0.dimension == "match_length" })
        Self.expectProtected(view, aggregate, "seed \(seed)")
    }

    /// Found with the waiting list: five children followed up, their change histogram's three
    /// hidden bins (each at least 1, adding up to the children followed up, at most the five with
    /// a baseline) left each bin 1 to 3. The audit stopped looking for a cell to hide once every
    /// neighbour of the bins was hidden; it now reaches the shown cells further out.
    @Test("a five-child area: hidden histogram bins never narrow one another", arguments: [false, true])
    func fiveChildren(withWaitingList: Bool) throws {
        let tracker = try WaitingListData.tracker(waiting: withWaitingList ? [1, -2, 3] : [])
        let aggregate = AreaAggregate(tracker: tracker, area: "Five")
        let view = ReportView(aggregate: aggregate, catalog: tracker.catalog, policy: .standard)
        Self.expectProtected(view, aggregate, "five children")
    }

    @Test("an analyst's unsuppressed view (threshold 1) hides nothing and audits nothing")
    func thresholdOne() throws {
        let aggregate = try Self.generatedArea(seed: 4, count: 20)
        let view = ReportView(
            aggregate: aggregate, catalog: try InstrumentCatalog.builtIn,
            policy: try SuppressionPolicy(threshold: 1, allowSmallNumbers: true))
        #expect(view.disclosure.smallCountsHidden == 0 && view.disclosure.cellsHiddenToProtectOthers == 0)
        // The symbol appears once, where the JSON states it, and never as a cell.
        #expect(view.jsonSummary().components(separatedBy: "\"[c]\"").count == 2)
        // It says so plainly, never "counts from 1 to 0 hidden".
        #expect(view.disclosure.method.hasPrefix("nothing hidden"))
        #expect(view.html().contains("nothing is hidden") && !view.html().contains("from 1 to 0"))
    }
}
