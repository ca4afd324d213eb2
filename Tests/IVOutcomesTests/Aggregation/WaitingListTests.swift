import Foundation
import Testing

@testable import IVOutcomes

/// One match-length case: a match's dates, the date it is taken on, and its band.
struct MatchLengthCase: Sendable, CustomTestStringConvertible {
    let start: String?
    let end: String?
    let asOf: String
    let band: MatchLength

    var testDescription: String { "\(start ?? "no start") to \(end ?? asOf): \(band.rawValue)" }
}

/// Matched children and children waiting for an IV, for the comparison.
enum WaitingListData {
    /// Matched children's changes; with the waiting children's, the values scipy was given.
    static let matchedChanges = [4, 6, 2, 8, 5]
    static let waitingChanges = [1, -2, 3, 0, 1]
    /// Twice each: enough children for a report to show the groups' counts (with five, the
    /// change histogram's bins, each at least 1, would narrow each other down).
    static let manyMatched = matchedChanges + matchedChanges
    static let manyWaiting = waitingChanges + waitingChanges

    /// A tracker of `matched` children (followed up after 181 days) and `waiting` ones (after 90).
    static func tracker(matched: [Int] = matchedChanges, waiting: [Int] = waitingChanges) throws -> FollowUpTracker {
        var children: [ChildDetails] = []
        for (index, _) in matched.enumerated() {
            children.append(
                ChildDetails(
                    id: ChildID(checked: "M\(index + 1)"), birthMonth: BirthMonth(text: "2011-04"),
                    matchStart: CalendarDate(iso: index < 2 ? "2024-09-01" : "2025-12-01"),
                    attributes: ["gender": index % 2 == 0 ? "female" : "male"]))
        }
        for (index, _) in waiting.enumerated() {
            children.append(
                ChildDetails(
                    id: ChildID(checked: "W\(index + 1)"), birthMonth: BirthMonth(text: "2011-04"), status: .waiting,
                    referredOn: CalendarDate(iso: "2026-01-05"), attributes: ["gender": "female"]))
        }
        let tracker = try FollowUpData.tracker(register: ChildRegister(children: children))
        for (index, change) in matched.enumerated() {
            tracker.add(FollowUpData.wemwbs("M\(index + 1)", "2026-01-10", total: 40 + index))
            tracker.add(FollowUpData.wemwbs("M\(index + 1)", "2026-07-10", total: 40 + index + change))
        }
        for (index, change) in waiting.enumerated() {
            tracker.add(FollowUpData.wemwbs("W\(index + 1)", "2026-01-10", total: 45 + index))
            tracker.add(FollowUpData.wemwbs("W\(index + 1)", "2026-04-10", total: 45 + index + change))
        }
        return tracker
    }

    static func comparison(_ view: ReportView) throws -> WaitingListComparison {
        try #require(view.comparisons.first { $0.scale.id == "wemwbs_total" })
    }
}

@Suite("Aggregation: match length, the waiting list and the comparison")
struct WaitingListTests {
    static let bands: [MatchLengthCase] = [
        .init(start: "2025-03-10", end: nil, asOf: "2026-03-09", band: .underOneYear),
        .init(start: "2025-03-10", end: nil, asOf: "2026-03-10", band: .oneToTwoYears),  // exactly one year
        .init(start: "2025-03-10", end: nil, asOf: "2027-03-09", band: .oneToTwoYears),
        .init(start: "2025-03-10", end: nil, asOf: "2027-03-10", band: .twoToFiveYears),  // exactly two
        .init(start: "2025-03-10", end: nil, asOf: "2030-03-09", band: .twoToFiveYears),
        .init(start: "2025-03-10", end: nil, asOf: "2030-03-10", band: .overFiveYears),  // exactly five
        .init(start: "2025-03-10", end: nil, asOf: "2025-03-10", band: .underOneYear),  // the first day
        // Leap days: a year from 29 February is 28 February (the schedule's 12-month rule).
        .init(start: "2024-02-29", end: nil, asOf: "2025-02-27", band: .underOneYear),
        .init(start: "2024-02-29", end: nil, asOf: "2025-02-28", band: .oneToTwoYears),
        .init(start: "2024-02-29", end: nil, asOf: "2026-02-28", band: .twoToFiveYears),
        .init(start: "2024-02-29", end: nil, asOf: "2029-02-27", band: .twoToFiveYears),
        .init(start: "2024-02-29", end: nil, asOf: "2029-02-28", band: .overFiveYears),
        .init(start: "2023-03-01", end: nil, asOf: "2024-02-29", band: .underOneYear),
        // An ended match is taken at its end; one ending after the as-of date at the as-of date.
        .init(start: "2019-01-15", end: "2020-08-01", asOf: "2026-11-22", band: .oneToTwoYears),
        .init(start: "2019-01-15", end: "2024-01-15", asOf: "2026-11-22", band: .overFiveYears),
        .init(start: "2025-01-15", end: "2027-06-01", asOf: "2026-01-14", band: .underOneYear),
        .init(start: nil, end: nil, asOf: "2026-11-22", band: .unknown),
        .init(start: "2026-12-01", end: nil, asOf: "2026-11-22", band: .unknown),  // starts after the date
    ]

    @Test("match-length bands at their edges, over leap days and for ended matches", arguments: bands)
    func matchLength(_ row: MatchLengthCase) throws {
        let asOf = try #require(CalendarDate(iso: row.asOf))
        let band = MatchLength(
            matchStart: row.start.flatMap(CalendarDate.init(iso:)), matchEnd: row.end.flatMap(CalendarDate.init(iso:)),
            asOf: asOf)
        #expect(band == row.band)
    }

    @Test("the children file's status and referral date, and what is reported about them")
    func register() throws {
        let register = try ChildRegister(
            text: """
                child_id,birth_month,status,referred_on,match_start
                C1,2012-01,,,2025-01-01
                C2,2012-01,Waiting,2026-02-03,
                C3,2012-01,matched,,
                C4,2012-01,on hold,,
                C5,2012-01,waiting,2026-13-01,2026-01-01
                """, today: CalendarDate(iso: "2026-11-22")!)
        #expect(register.children.map(\.status) == [.matched, .waiting, .matched, .matched, .waiting])
        #expect(register["C2"]?.referredOn == CalendarDate(iso: "2026-02-03"))
        #expect(register["C5"]?.matchStart == nil)
        #expect(register.unknownColumns.isEmpty)
        let problems = register.problems.map { "\($0.line ?? 0) \($0.column ?? "") \($0.code.rawValue)" }
        #expect(
            problems == [
                "5 status status.invalid", "6 referred_on date.unreadable", "6 status status.waiting_with_match",
            ])
    }

    @Test("waiting children are their own group: in no matched figure, breakdown or total")
    func keptApart() throws {
        let tracker = try WaitingListData.tracker()
        let aggregate = AreaAggregate(tracker: tracker, area: "A")
        let all = try #require(aggregate.groups.first)
        #expect(all.dimension == "all" && all.children.value == 5)
        let waiting = try #require(aggregate.groups.last)
        #expect(waiting.isWaitingList && waiting.children.value == 5)
        #expect(aggregate.groups.filter { $0.isWaitingList }.count == 1)
        // Every breakdown adds up to the matched children alone.
        for dimension in Set(aggregate.groups.map(\.dimension)) where GroupAggregate.isBreakdown(dimension) {
            let members = aggregate.groups.filter { $0.dimension == dimension }
            #expect(members.reduce(0) { $0 + $1.children.value } == 5, "\(dimension)")
            let followed = members.compactMap { $0.scales.first { $0.scale == "wemwbs_total" } }
            #expect(followed.reduce(0) { $0 + $1.childrenWithFollowUp.value } == 5, "\(dimension)")
        }
        let matchLength = aggregate.groups.filter { $0.dimension == "match_length" }
        #expect(matchLength.map(\.category) == ["under_1_year", "2_to_5_years"])
        #expect(matchLength.map(\.children.value) == [3, 2])
        let matchedWEMWBS = try ReportData.wemwbs(aggregate)
        let waitingWEMWBS = try ReportData.wemwbs(aggregate, "status", "waiting")
        #expect(matchedWEMWBS.change.sums.sumHundredths == 2500 && waitingWEMWBS.change.sums.sumHundredths == 300)
        #expect(matchedWEMWBS.followUpDays.sums.mean == 181 && waitingWEMWBS.followUpDays.sums.mean == 90)
        // The same aggregate from values.
        let fromValues = AreaAggregate(
            area: "A", asOf: tracker.options.asOf, catalog: tracker.catalog, changes: tracker.changes(),
            children: try #require(tracker.register).children, dataQuality: aggregate.dataQuality,
            instruments: aggregate.instruments)
        #expect(fromValues.groups == aggregate.groups)
        // A waiting child's waves count from the referral.
        let status = try #require(tracker.schedule().first { $0.childID == "W1" })
        #expect(status.anchor == .referredOn && status.anchorDate == CalendarDate(iso: "2026-01-05"))
    }

    /// Reference values from scipy 1.17.1: `scipy.stats.ttest_ind([4, 6, 2, 8, 5], [1, -2, 3, 0, 1],
    /// equal_var=False)` and its `confidence_interval(0.95)`.
    @Test("Welch's comparison against scipy's ttest_ind(equal_var=False)")
    func welch() throws {
        var matched = ValueSums()
        var waiting = ValueSums()
        for change in WaitingListData.matchedChanges { matched.add(Double(change)) }
        for change in WaitingListData.waitingChanges { waiting.add(Double(change)) }
        let result = try #require(ChangeComparison(matched: matched, waiting: waiting))
        #expect(abs(result.difference - 4.4) < 1e-12)
        #expect(abs(result.difference / result.standardError - 3.415062313107865) < 1e-9)
        #expect(abs((result.degreesOfFreedom ?? 0) - 7.677904708832544) < 1e-9)
        #expect(abs((result.pValue ?? 0) - 0.00973876496560891) < 1e-9)
        #expect(abs((result.confidenceInterval?.lowerBound ?? 0) - 1.4070858526160221) < 1e-8)
        #expect(abs((result.confidenceInterval?.upperBound ?? 0) - 7.392914147383978) < 1e-8)
        // Neither group varies: no test, rather than a division by zero; one change is too few.
        var flat = ValueSums()
        for _ in 0..<3 { flat.add(2) }
        let still = try #require(ChangeComparison(matched: flat, waiting: flat))
        #expect(still.pValue == nil && still.confidenceInterval == nil && still.difference == 0)
        var one = ValueSums()
        one.add(3)
        #expect(ChangeComparison(matched: matched, waiting: one) == nil)
    }

    /// Reference values from scipy 1.17.1: `ttest_ind` of `manyMatched` and `manyWaiting`, `equal_var=False`.
    @Test("the report sets the groups side by side, with the observational caution")
    func reportComparison() throws {
        let tracker = try WaitingListData.tracker(
            matched: WaitingListData.manyMatched, waiting: WaitingListData.manyWaiting)
        let view = ReportView(
            aggregate: AreaAggregate(tracker: tracker, area: "A"), catalog: tracker.catalog, policy: .standard)
        let comparison = try WaitingListData.comparison(view)
        let result = try #require(comparison.result)
        #expect(result.matchedCount == 10 && result.waitingCount == 10)
        #expect(abs((result.pValue ?? 0) - 8.077805878155007e-05) < 1e-12)
        #expect(abs((result.degreesOfFreedom ?? 0) - 17.275285594873225) < 1e-9)
        #expect(abs((result.confidenceInterval?.lowerBound ?? 0) - 2.5899925006907614) < 1e-8)
        #expect(abs((result.confidenceInterval?.upperBound ?? 0) - 6.210007499309239) < 1e-8)
        #expect(result.matchedMeanDays == 181 && result.waitingMeanDays == 90)
        #expect(view.causalCaution == ReportView.observationalCaution)
        let html = view.html()
        #expect(html.contains("Beside children still waiting for an IV"))
        #expect(html.components(separatedBy: HTML.escape(ReportView.observationalCaution)).count - 1 == 2)
        #expect(!html.contains(HTML.escape(ReportView.changeAloneCaution)))
        let json = try #require(
            JSONSerialization.jsonObject(with: Data(view.jsonSummary().utf8)) as? [String: Any])
        let scales = try #require((json["comparison"] as? [String: Any])?["scales"] as? [[String: Any]])
        let wemwbs = try #require(scales.first { $0["scale"] as? String == "wemwbs_total" })
        #expect(wemwbs["shown"] as? Bool == true && wemwbs["difference"] as? Double == 4.4)
        let decoded = try view.summary().comparison
        #expect(decoded?.caution == ReportView.observationalCaution)
        #expect(
            decoded?.scales.first { $0.scale == "wemwbs_total" }?.welchDF.map { abs($0 - 17.275285594873225) < 1e-6 }
                == true)
    }

    @Test("a waiting list under the threshold: not shown, not derivable, and the report says why")
    func smallWaitingList() throws {
        let tracker = try WaitingListData.tracker(matched: WaitingListData.manyMatched, waiting: [1, -2, 3])
        let aggregate = AreaAggregate(tracker: tracker, area: "A")
        let view = ReportView(aggregate: aggregate, catalog: tracker.catalog, policy: .standard)
        let waiting = try #require(view.groups.first { $0.isWaitingList })
        #expect(waiting.children.isHidden)
        #expect(waiting.scales.allSatisfy { $0.change == nil && $0.childrenWithFollowUp.isHidden })
        let comparison = try WaitingListData.comparison(view)
        #expect(comparison.result == nil)
        #expect(comparison.reason?.contains("waiting children followed up is hidden") == true)
        #expect(view.causalCaution == ReportView.changeAloneCaution)
        let html = view.html()
        #expect(html.components(separatedBy: HTML.escape(ReportView.changeAloneCaution)).count - 1 == 1)
        #expect(!html.contains(HTML.escape(ReportView.observationalCaution)))
        // The pooling summary holds none of the waiting children's sums.
        let summary = try #require(
            JSONSerialization.jsonObject(with: Data(view.poolingSummary().utf8)) as? [String: Any])
        let groups = try #require(summary["groups"] as? [[String: Any]])
        let waitingSummary = try #require(groups.first { $0["dimension"] as? String == "status" })
        #expect(waitingSummary["children"] as? String == ReportedCount.hiddenSymbol)
        for scale in waitingSummary["scales"] as? [[String: Any]] ?? [] {
            for key in ["baseline", "pairedBaseline", "latest", "change", "followUpDays"] {
                #expect(scale[key] as? String == ReportedCount.hiddenSymbol, "\(key)")
            }
        }
        DisclosureReportTests.expectProtected(view, aggregate, "small waiting list")
    }

    @Test("pooled areas make the same comparison as the combined children")
    func pooledComparison() throws {
        let north = try WaitingListData.tracker(
            matched: WaitingListData.manyMatched, waiting: WaitingListData.manyWaiting)
        let south = try WaitingListData.tracker(
            matched: [3, 7, 1, 0, 9, 2, 3, 7, 1, 0, 9, 2], waiting: [2, 2, -1, 4, 0, 2, 2, -1, 4, 0])
        let catalog = north.catalog
        var summaries: [AreaAggregate] = []
        for (name, tracker) in [("North", north), ("South", south)] {
            let view = ReportView(
                aggregate: AreaAggregate(tracker: tracker, area: name), catalog: catalog, policy: .standard)
            summaries.append(
                try AreaAggregate(poolingSummary: Data(view.poolingSummary().utf8), file: "\(name).json"))
        }
        let pooled = ReportView(aggregate: try .pooling(summaries), catalog: catalog, policy: .standard)
        let result = try #require(try WaitingListData.comparison(pooled).result)
        var matched = ValueSums()
        var waiting = ValueSums()
        var matchedDays = ValueSums()
        var waitingDays = ValueSums()
        for change in WaitingListData.manyMatched + [3, 7, 1, 0, 9, 2, 3, 7, 1, 0, 9, 2] {
            matched.add(Double(change))
            matchedDays.add(181)
        }
        for change in WaitingListData.manyWaiting + [2, 2, -1, 4, 0, 2, 2, -1, 4, 0] {
            waiting.add(Double(change))
            waitingDays.add(90)
        }
        let combined = try #require(
            ChangeComparison(matched: matched, waiting: waiting, matchedDays: matchedDays, waitingDays: waitingDays))
        #expect(result == combined)
    }
}
