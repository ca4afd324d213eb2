import Foundation
import Testing

@testable import IVOutcomes

/// Two small synthetic areas with known values.
enum ReportData {
    /// Area A: 12 children, baselines 40...51, changes 7,7,7,7,7,3,3,3,0,0,-7,-2.
    static let areaA: [(id: String, baseline: Int, change: Int, gender: String)] = [
        (7, "female"), (7, "female"), (7, "male"), (7, "male"), (7, "female"), (3, "male"), (3, "female"), (3, "male"),
        (0, "female"), (0, "male"), (-7, "female"), (-2, "<script>alert('x')</script>"),
    ].enumerated().map { ("CHILD-A\($0.offset + 1)", 40 + $0.offset, $0.element.0, $0.element.1) }
    /// Area B: 8 children, baselines 50...57, changes 7 (six times) then 0, 0.
    static let areaB: [(id: String, baseline: Int, change: Int, gender: String)] = [7, 7, 7, 7, 7, 7, 0, 0].enumerated()
        .map {
            ("CHILD-B\($0.offset + 1)", 50 + $0.offset, $0.element, $0.offset < 4 ? "female" : "male")
        }

    static func tracker(_ children: [(id: String, baseline: Int, change: Int, gender: String)]) throws
        -> FollowUpTracker
    {
        let register = ChildRegister(
            children: children.map {
                ChildDetails(
                    id: ChildID(checked: $0.id), birthMonth: BirthMonth(text: "2010-01"),
                    attributes: ["gender": $0.gender, "local_area": "X"])
            })
        let tracker = try FollowUpData.tracker(register: register)
        for child in children {
            tracker.add(FollowUpData.wemwbs(child.id, "2026-01-10", total: child.baseline))
            tracker.add(FollowUpData.wemwbs(child.id, "2026-07-10", total: child.baseline + child.change))
        }
        return tracker
    }

    static func wemwbs(_ aggregate: AreaAggregate, _ dimension: String = "all", _ category: String = "all") throws
        -> ScaleAggregate
    {
        let group = try #require(aggregate.groups.first { $0.dimension == dimension && $0.category == category })
        return try #require(group.scales.first { $0.scale == "wemwbs_total" })
    }
}

@Suite("Reports: aggregation, report and pooling")
struct ReportTests {
    @Test("aggregates match hand-computed values")
    func aggregates() throws {
        let aggregate = AreaAggregate(tracker: try ReportData.tracker(ReportData.areaA), area: "A")
        let wemwbs = try ReportData.wemwbs(aggregate)
        #expect(wemwbs.childrenWithBaseline.value == 12)
        #expect(wemwbs.childrenWithFollowUp.value == 12)
        #expect(wemwbs.baseline.sums.mean == 45.5)  // (40 + ... + 51) / 12 = 546 / 12
        #expect(wemwbs.change.sums.sumHundredths == 3500)  // 35 points
        #expect(wemwbs.reliableChange.counts.map(\.value) == [5, 6, 1])  // > 6.80 either way
        #expect(wemwbs.meaningfulChange.counts.map(\.value) == [8, 3, 1])  // >= 3 either way
        // Baseline bands: 40 probable; 41-44 possible; 45-51 average.
        #expect(wemwbs.bandsAtBaseline.counts.map(\.value) == [1, 4, 7, 0])
        // Latest: 47 48 49 50 51 48 49 50 48 49 43 49: one possible depression (50 - 7), the rest average.
        #expect(wemwbs.bandsAtLatest.counts.map(\.value) == [0, 1, 11, 0])
        #expect(wemwbs.bandMovement["probable_depression>average"].value == 1)
        #expect(wemwbs.bandMovement["possible_depression>average"].value == 4)
        #expect(wemwbs.bandMovement["average>average"].value == 6)
        #expect(wemwbs.bandMovement["average>possible_depression"].value == 1)
        #expect(wemwbs.bandMovement.counts.reduce(0) { $0 + $1.value } == 12)
        #expect(wemwbs.scoresBelowValidatedAge.value == 0)
        #expect(aggregate.groups.map(\.category).contains("female"))
        let female = try ReportData.wemwbs(aggregate, "gender", "female")
        #expect(female.childrenWithFollowUp.value == 6)
    }

    @Test("log aggregates: logs, visits and the share answering a little or a lot more, per outcome")
    func logAggregates() throws {
        let tracker = try FollowUpData.tracker()
        for child in 1...6 {
            tracker.add(FollowUpData.log("L\(child)", "2026-02-01", visit: "Yes", ["change_confidence": "A lot more"]))
            tracker.add(
                FollowUpData.log(
                    "L\(child)", "2026-03-01", visit: child <= 2 ? "No" : "Yes",
                    ["change_confidence": child <= 3 ? "No change" : "A little more"]))
        }
        let view = ReportView(
            aggregate: AreaAggregate(tracker: tracker, area: "L"), catalog: try InstrumentCatalog.builtIn,
            policy: .standard)
        let confidence = try #require(view.groups.first?.logs.first { $0.outcome.id == "confidence" })
        // 12 logs, 10 visits; 6 "a lot more" + 3 "a little more" = 9 positive: 75%.
        #expect(confidence.childrenWithLogs == .count(6))
        #expect(confidence.logs == .count(12))
        #expect(confidence.visitsHappened == .count(10))
        #expect(confidence.positive == .count(9))
        #expect(confidence.positiveShare == 0.75)
        let security = try #require(view.groups.first?.logs.first { $0.outcome.id == "emotional_security" })
        #expect(security.positive == .count(0))
    }

    @Test("the report suppresses primary and secondary cells and shows statistics only for large enough groups")
    func suppressionInReport() throws {
        let view = ReportView(
            aggregate: AreaAggregate(tracker: try ReportData.tracker(ReportData.areaA), area: "A"),
            catalog: try InstrumentCatalog.builtIn, policy: .standard)
        let all = try #require(view.groups.first)
        let wemwbs = try #require(all.scales.first { $0.scale == "wemwbs_total" })
        // 5 improved, 6 no change, 1 deteriorated: the 1 is under 5, and one more must go. The
        // reliably improved count costs users more than no change (DisclosureAudit.Cost), so the 6 goes.
        #expect(wemwbs.reliableChange.map(\.count) == [.count(5), .secondary, .underThreshold])
        #expect(abs(try #require(wemwbs.change?.meanChange) - 35.0 / 12) < 1e-12)
        #expect(wemwbs.notes.first?.hasPrefix("fewer than 30 children with two time points") == true)
        // The hostile category has one child: it is merged before anything is hidden (TableDesign),
        // with the smallest other category, into one whose name says what it holds.
        let hostile = try #require(view.groups.first { $0.members.contains { $0.hasPrefix("<script>") } })
        #expect(hostile.members.count == 2 && hostile.category.hasPrefix("other ("))
        let genders = view.groups.filter { $0.dimension == "gender" }.map {
            "\($0.category)=\($0.children.text(threshold: 5))"
        }
        #expect(genders == ["female=6", "other (<script>alert('x')</script>, male)=6"])
    }

    @Test("across a breakdown's categories, no count is the only one hidden where the whole group shows the total")
    func acrossCategories() throws {
        for children in [ReportData.areaA, ReportData.areaB, ReportData.areaA + ReportData.areaB] {
            let view = ReportView(
                aggregate: AreaAggregate(tracker: try ReportData.tracker(children), area: "A"),
                catalog: try InstrumentCatalog.builtIn,
                policy: .standard)
            let whole = try #require(view.groups.first)
            let categories = view.groups.filter { $0.dimension == "gender" }
            if !whole.children.isHidden { #expect(categories.filter(\.children.isHidden).count != 1) }
            for total in whole.scales {
                let views = categories.compactMap { $0.scales.first { $0.scale == total.scale } }
                if !total.childrenWithFollowUp.isHidden {
                    #expect(views.filter(\.childrenWithFollowUp.isHidden).count != 1)
                }
                // Categories carry the reliable-change classes only (TableDesign).
                for set in [\ScaleView.reliableChange] where views.allSatisfy({ !$0[keyPath: set].isEmpty }) {
                    for cell in total[keyPath: set] where !cell.count.isHidden {
                        let hidden = views.filter {
                            $0[keyPath: set].first { $0.name == cell.name }?.count.isHidden ?? false
                        }.count
                        #expect(hidden != 1, "\(total.scale) \(cell.name)")
                    }
                }
                for view in views where view.childrenWithFollowUp.isHidden { #expect(view.change == nil) }
            }
        }
    }

    @Test("HTML is one self-contained page, escapes hostile text, and never shows a child's id")
    func html() throws {
        let view = ReportView(
            aggregate: AreaAggregate(tracker: try ReportData.tracker(ReportData.areaA), area: "<b>Area</b>"),
            catalog: try InstrumentCatalog.builtIn, policy: .standard)
        let html = view.html()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(
            html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                || html.contains("&lt;script&gt;alert('x')&lt;/script&gt;"))
        #expect(html.contains("&lt;b&gt;Area&lt;/b&gt;"))
        #expect(!html.contains("CHILD-"))
        #expect(!html.contains("http://") || !html.contains("src=\"http"))
        #expect(!html.contains("<link") && !html.contains("@import") && !html.contains("src="))
        #expect(html.contains("<svg"))
        #expect(html.contains("© NHS Health Scotland"))
    }

    /// Every count in a summary is 0 or at least 5; sums appear only for groups of at least 5.
    static func smallCounts(in value: JSONValue, path: String = "") -> [String] {
        switch value {
        case .number(let number):
            // Counts are checked; sums, statistics (means, SDs, CIs, p, d, shares) and settings are not.
            let last = path.split(separator: ".").last.map(String.init) ?? ""
            let statistic =
                ["baseline", "pairedBaseline", "latest", "change"].contains { path.contains(".\($0).") } && last != "n"
            let setting = [
                "binWidth", "changeHistogramBinWidth", "formatVersion", "suppressionThreshold", "positiveShare",
            ].contains(last)
            return !statistic && !setting && number > 0 && number < 5 ? ["\(path) = \(number)"] : []
        case .object(let fields): return fields.flatMap { smallCounts(in: $0.value, path: "\(path).\($0.key)") }
        case .array(let elements):
            return elements.enumerated().flatMap { smallCounts(in: $0.element, path: "\(path)[\($0.offset)]") }
        default: return []
        }
    }

    @Test("no summary reveals a cell under 5 or any child id")
    func summariesAreSafe() throws {
        for area in [ReportData.areaA, ReportData.areaB] {
            let view = ReportView(
                aggregate: AreaAggregate(tracker: try ReportData.tracker(area), area: "A"),
                catalog: try InstrumentCatalog.builtIn,
                policy: .standard)
            for text in [view.poolingSummary(), view.jsonSummary()] {
                #expect(!text.contains("CHILD-"))
                guard case .success(let json) = JSONValue.parse(Data(text.utf8)) else {
                    Issue.record("not JSON")
                    continue
                }
                #expect(Self.smallCounts(in: json) == [])
            }
        }
    }

    @Test(
        "pooling two areas' summaries equals the aggregate of their combined children, cell by cell, where no area suppressed"
    )
    func poolingIsExact() throws {
        let catalog = try InstrumentCatalog.builtIn
        let summaries = try [ReportData.areaA, ReportData.areaB].enumerated().map { index, children in
            let view = ReportView(
                aggregate: AreaAggregate(tracker: try ReportData.tracker(children), area: "Area \(index)"),
                catalog: catalog,
                policy: .standard)
            return try AreaAggregate(poolingSummary: Data(view.poolingSummary().utf8), file: "area\(index).json")
        }
        let pooled = try AreaAggregate.pooling(summaries)
        let combined = AreaAggregate(tracker: try ReportData.tracker(ReportData.areaA + ReportData.areaB), area: "both")
        #expect(pooled.areas == ["Area 0", "Area 1"])
        var compared = 0
        var incomplete = 0
        // A breakdown's category adds up exactly only where every area shows it on its own (an
        // area that merged it into "other (...)" publishes it only inside that).
        let shownByEvery = { (group: GroupAggregate) in
            summaries.allSatisfy { summary in
                summary.groups.contains { $0.dimension == group.dimension && $0.category == group.category }
            }
        }
        for group in pooled.groups where shownByEvery(group) {
            guard
                let other = combined.groups.first(where: {
                    $0.dimension == group.dimension && $0.category == group.category
                })
            else {
                Issue.record("group \(group.dimension)=\(group.category) missing from the combined data")
                continue
            }
            if group.children.isComplete { #expect(group.children.value == other.children.value) }
            for (scale, exact) in zip(group.scales, other.scales) {
                for (mine, theirs) in [
                    (scale.baseline, exact.baseline), (scale.pairedBaseline, exact.pairedBaseline),
                    (scale.latest, exact.latest),
                    (scale.change, exact.change),
                ] {
                    if mine.isComplete {
                        #expect(mine.sums == theirs.sums)
                        compared += 1
                    } else {
                        incomplete += 1
                    }
                }
                for (mine, theirs) in [
                    (scale.reliableChange, exact.reliableChange), (scale.meaningfulChange, exact.meaningfulChange),
                    (scale.bandsAtBaseline, exact.bandsAtBaseline), (scale.changeHistogram, exact.changeHistogram),
                    (scale.bandMovement, exact.bandMovement),
                ] {
                    for (name, count) in zip(mine.names, mine.counts) {
                        if count.isComplete {
                            #expect(count.value == theirs[name].value, "\(group.category) \(scale.scale) \(name)")
                            compared += 1
                        } else {
                            #expect(count.value <= theirs[name].value)
                            incomplete += 1
                        }
                    }
                }
            }
        }
        #expect(compared > 30)
        #expect(incomplete > 0)
        // The national statistics are exactly those of the combined children.
        let nationalView = ReportView(aggregate: pooled, catalog: catalog, policy: .standard)
        let combinedView = ReportView(aggregate: combined, catalog: catalog, policy: .standard)
        let national = try #require(nationalView.groups.first?.scales.first { $0.scale == "wemwbs_total" })
        let direct = try #require(combinedView.groups.first?.scales.first { $0.scale == "wemwbs_total" })
        #expect(national.change != nil)
        #expect(national.change == direct.change)
        #expect(national.baseline == direct.baseline)
        #expect(national.latest == direct.latest)
        // A cell one area suppressed says so, with the part the other area showed.
        let exactClasses = try #require(combined.groups.first?.scales.first { $0.scale == "wemwbs_total" })
        let suppressed = national.reliableChange.compactMap { cell -> (name: String, partial: Int)? in
            if case .incomplete(let partial, areas: 1) = cell.count { return (cell.name, partial) } else { return nil }
        }
        #expect(!suppressed.isEmpty)
        for cell in suppressed { #expect(cell.partial < exactClasses.reliableChange[cell.name].value) }
    }

    @Test("a file that is not a pooling summary is a clear error")
    func badSummary() {
        #expect(
            throws: PoolingError(
                file: "x.json",
                message:
                    "not a pooling summary: \"format\" must be \"ivoutcomes-pooling-summary\" (write one with 'ivoutcomes report --format summary')"
            )
        ) {
            try AreaAggregate(poolingSummary: Data(#"{"format": "other"}"#.utf8), file: "x.json")
        }
        #expect(throws: PoolingError.self) { try AreaAggregate(poolingSummary: Data("[1]".utf8), file: "x.json") }
    }
}
