import Testing

@testable import IVOutcomes

/// The schedule's age rules (SCWBS from 8 to 12, WEMWBS or SWEMWBS from 13), the upper validated
/// age (SCWBS to 15), and the Stirling scales followed as their own series.
///
/// Ages come from a birth month only, each limit counted cautiously: against a minimum the
/// birthday is taken as the last day of the birth month (a child born in 2014-04 is 13 from
/// 30 April 2027), against a maximum as the first (a child born in 2011-03 may be 16 from
/// 1 March 2027).
@Suite("Change: instruments by age")
struct AgeRuleTests {
    let date = FollowUpData.date

    /// A full SCWBS form: every wellbeing item `code`, the social-desirability items 3.
    static func scwbs(_ child: String, _ day: String, code: Int) -> Administration {
        var answers: [ItemID: String] = [:]
        for item in 1...15 { answers[ItemID("scwbs_\(item)")] = [2, 7, 13].contains(item) ? "3" : String(code) }
        return Administration(
            childID: ChildID(checked: child), administeredOn: FollowUpData.date(day), instrument: "scwbs",
            answers: answers)
    }

    /// A full SWEMWBS form, every item `code`.
    static func swemwbs(_ child: String, _ day: String, code: Int) -> Administration {
        var answers: [ItemID: String] = [:]
        for item in Answers.swemwbsItems { answers[ItemID("wemwbs_\(item)")] = String(code) }
        return Administration(
            childID: ChildID(checked: child), administeredOn: FollowUpData.date(day), instrument: "swemwbs",
            answers: answers)
    }

    func register(born: String?, start: String) -> ChildRegister {
        ChildRegister(children: [
            ChildDetails(id: "C1", birthMonth: born.flatMap { BirthMonth(text: $0) }, matchStart: date(start))
        ])
    }

    func status(_ tracker: FollowUpTracker, _ measure: MeasureID) throws -> ScheduleStatus {
        try #require(tracker.schedule().first { $0.childID == "C1" && $0.measure == measure })
    }

    @Test("the built-in wellbeing measure: SCWBS 8-12, WEMWBS or SWEMWBS from 13, with its source")
    func builtInRule() throws {
        let schedule = try #require(try InstrumentCatalog.builtIn.schedule)
        let wellbeing = try schedule.measure(id: "wellbeing")
        #expect(wellbeing.byAge.map(\.ages.description) == ["8-12", "13+"])
        #expect(wellbeing.byAge.map(\.instruments) == [["scwbs"], ["wemwbs", "swemwbs"]])
        #expect(wellbeing.byAge.allSatisfy { $0.ages.source == "ivoutcomes-age-rule" })
        #expect(schedule.sources.contains { $0.id == "ivoutcomes-age-rule" && $0.citation.contains("13 to 15") })
        #expect(try schedule.measure(id: "life_skills").byAge.isEmpty)
    }

    /// (birth month, match start: wave 1 is due six months later, expected due_instrument).
    static let edges: [(String?, String, String)] = [
        ("2014-04", "2026-11-01", "wemwbs|swemwbs"),  // due 2027-05-01: 13 since the day before
        ("2014-04", "2026-10-30", "wemwbs|swemwbs"),  // due 2027-04-30: 13 that day
        ("2014-04", "2026-10-29", "scwbs"),  // due 2027-04-29: 13 only the day after
        ("2019-04", "2026-11-01", "scwbs"),  // due 2027-05-01: 8 since the day before
        ("2019-04", "2026-10-29", "none_validated"),  // due 2027-04-29: 7, under every validated age
        ("2008-01", "2026-11-01", "wemwbs|swemwbs"),  // 19: WEMWBS has no upper age
        (nil, "2026-11-01", "unknown_age"),
    ]

    @Test("the next wave's instrument fits the child's age on its due date, at every edge", arguments: edges)
    func dueInstrument(born: String?, start: String, expected: String) throws {
        let tracker = try FollowUpData.tracker(register: register(born: born, start: start), asOf: "2026-12-01")
        tracker.add(FollowUpData.lifeSkills("C1", start, total: 16))
        tracker.add(FollowUpData.wemwbs("C1", start, total: 40))
        let wellbeing = try status(tracker, "wellbeing")
        #expect(wellbeing.nextDueOn == date(start).adding(months: 6))
        #expect(wellbeing.dueInstruments?.description == expected)
        // A measure without age rules gives its instruments whatever the age.
        #expect(try status(tracker, "life_skills").dueInstruments == .instruments(["life-skills"]))
    }

    @Test("a row note says when the next wave moves the child from SCWBS to WEMWBS or SWEMWBS")
    func movesBetweenInstruments() throws {
        let tracker = try FollowUpData.tracker(
            register: register(born: "2014-04", start: "2026-11-01"), asOf: "2026-12-01")
        tracker.add(Self.scwbs("C1", "2026-11-01", code: 3))
        let wellbeing = try status(tracker, "wellbeing")
        #expect(wellbeing.dueInstruments == .instruments(["wemwbs", "swemwbs"]))
        let note = try #require(wellbeing.problems.first { $0.code == .scheduleInstrumentChanges })
        #expect(note.message.contains("next wave (due 2027-05-01) (age 13) moves from scwbs to wemwbs|swemwbs"))
        // The same child a day younger at the due date stays on SCWBS: no note.
        let younger = try FollowUpData.tracker(
            register: register(born: "2014-04", start: "2026-10-29"), asOf: "2026-12-01")
        younger.add(Self.scwbs("C1", "2026-10-29", code: 3))
        #expect(try status(younger, "wellbeing").problems.allSatisfy { $0.code != .scheduleInstrumentChanges })
    }

    @Test("the schedule output appends due_instrument after the columns that were there")
    func scheduleColumn() throws {
        #expect(FollowUpTracker.scheduleColumns.last == "due_instrument")
        #expect(FollowUpTracker.scheduleColumns.dropLast().last == "problems")
        #expect(FollowUpTracker.changeColumns.suffix(2) == ["days_between", "above_validated_age"])
    }

    @Test(
        "the oldest a child may be: a birthday on the first of the birth month",
        arguments: [
            ("2011-03", "2027-02-28", 15, 15), ("2011-03", "2027-03-01", 15, 16), ("2011-03", "2027-03-31", 16, 16),
        ])
    func oldestAge(born: String, on day: String, youngest: Int, oldest: Int) throws {
        let month = try #require(BirthMonth(text: born))
        #expect(month.age(on: date(day)) == youngest)
        #expect(month.oldestAge(on: date(day)) == oldest)
    }

    @Test(
        "above_validated_age: SCWBS over 15 counted cautiously; no for WEMWBS, which has no upper age",
        arguments: [("2027-02-28", ValidatedAgeFlag.no), ("2027-03-01", .yes)])
    func aboveValidatedAge(day: String, expected: ValidatedAgeFlag) throws {
        let tracker = try FollowUpData.tracker(
            register: register(born: "2011-03", start: "2026-01-01"), asOf: "2027-06-01")
        tracker.add(Self.scwbs("C1", "2026-09-01", code: 3))
        tracker.add(Self.scwbs("C1", day, code: 4))
        tracker.add(FollowUpData.wemwbs("C1", day, total: 40))
        let changes = tracker.changes()
        let stirling = try #require(changes.first { $0.scale == "scwbs_total" })
        #expect(stirling.aboveValidatedAge == expected)
        #expect(stirling.administrationsAboveValidatedAge == (expected == .yes ? 1 : 0))
        #expect(stirling.belowValidatedAge == .no)
        #expect(stirling.problems.contains { $0.code == .aboveValidatedAge } == (expected == .yes))
        #expect(changes.first { $0.scale == "wemwbs_total" }?.aboveValidatedAge == .no)
    }

    @Test("without a birth month SCWBS's upper age is unknown; a pilot has none to be above")
    func aboveUnknown() throws {
        let tracker = try FollowUpData.tracker(asOf: "2027-06-01")
        tracker.add(Self.scwbs("C1", "2026-09-01", code: 3))
        tracker.add(FollowUpData.lifeSkills("C1", "2026-09-01", total: 12))
        let changes = tracker.changes()
        #expect(changes.first { $0.scale == "scwbs_total" }?.aboveValidatedAge == .unknown)
        #expect(changes.first { $0.scale == "life_skills_total" }?.aboveValidatedAge == .notValidated)
    }

    @Test(
        "SCWBS at 11 and 12 and SWEMWBS at 13 are two series, each with its own baseline; the validity check is never followed"
    )
    func separateSeries() throws {
        let tracker = try FollowUpData.tracker(
            register: register(born: "2014-01", start: "2025-01-15"), asOf: "2027-06-01")
        tracker.add(Self.scwbs("C1", "2025-07-15", code: 2))  // 11
        tracker.add(Self.scwbs("C1", "2026-07-15", code: 4))  // 12
        tracker.add(Self.swemwbs("C1", "2027-03-15", code: 3))  // 13
        let changes = tracker.changes()
        let stirling = try #require(changes.first { $0.scale == "scwbs_total" })
        #expect((stirling.baseline?.value, stirling.latest?.value, stirling.change) == (24, 48, 24))
        #expect(stirling.reliableChange == .thresholdsNotEstablished)
        #expect(stirling.belowValidatedAge == .no)
        let metric = try #require(changes.first { $0.scale == "swemwbs_metric" })
        #expect(metric.baseline?.date == date("2027-03-15"))
        #expect(metric.administrations == 1)
        #expect(metric.change == nil)
        #expect(!changes.contains { $0.scale == "scwbs_social_desirability" })
    }

    @Test("the aggregate counts children who moved between instruments for different ages, not WEMWBS to SWEMWBS")
    func movedBetweenInstruments() throws {
        let tracker = try FollowUpData.tracker(asOf: "2027-06-01")
        tracker.add(Self.scwbs("MOVED", "2026-07-15", code: 3))
        tracker.add(Self.swemwbs("MOVED", "2027-03-15", code: 3))
        tracker.add(FollowUpData.wemwbs("SAME", "2026-07-15", total: 40))
        tracker.add(Self.swemwbs("SAME", "2027-03-15", code: 3))
        tracker.add(Self.scwbs("STIRLING", "2026-07-15", code: 3))
        tracker.add(Self.scwbs("STIRLING", "2027-03-15", code: 4))
        let aggregate = AreaAggregate(tracker: tracker, area: "Test")
        #expect(aggregate.dataQuality.childrenMovedBetweenInstruments == PoolableCount(1))
        let all = try #require(aggregate.groups.first)
        let stirling = try #require(all.scales.first { $0.scale == "scwbs_total" })
        #expect(stirling.childrenWithBaseline.value == 2)
        #expect(stirling.childrenWithFollowUp.value == 1)
        #expect(!all.scales.contains { $0.scale == "scwbs_social_desirability" })
        // The same from the changes as values.
        let fromValues = AreaAggregate(
            area: "Test", asOf: date("2027-06-01"), catalog: try InstrumentCatalog.builtIn,
            changes: tracker.changes().reversed())
        #expect(fromValues.dataQuality.childrenMovedBetweenInstruments == PoolableCount(1))
    }
}
