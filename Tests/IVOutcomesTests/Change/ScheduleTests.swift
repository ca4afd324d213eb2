import Testing

@testable import IVOutcomes

@Suite("Change: measurement schedule")
struct ScheduleTests {
    let date = FollowUpData.date

    func wellbeing(_ tracker: FollowUpTracker, _ child: String = "C1") throws -> ScheduleStatus {
        try #require(tracker.schedule().first { $0.childID.rawValue == child && $0.measure == "wellbeing" })
    }

    func register(start: String, end: String? = nil) -> ChildRegister {
        ChildRegister(children: [ChildDetails(id: "C1", matchStart: date(start), matchEnd: end.map(date))])
    }

    @Test("the built-in schedule: questionnaires every 6 months within 6 weeks, logs monthly")
    func builtIn() throws {
        let schedule = try #require(try InstrumentCatalog.builtIn.schedule)
        let wellbeing = try schedule.measure(id: "wellbeing")
        #expect(wellbeing.instruments == ["scwbs", "wemwbs", "swemwbs"])
        #expect(wellbeing.everyMonths == 6)
        #expect(wellbeing.toleranceDays == 42)
        #expect(schedule.measure(for: "iv-log")?.everyMonths == 1)
        #expect(wellbeing.dueDate(ofWave: 2, from: date("2025-08-31")) == date("2026-08-31"))
        #expect(wellbeing.dueDate(ofWave: 1, from: date("2025-08-31")) == date("2026-02-28"))
    }

    @Test(
        "each date belongs to the nearest wave",
        arguments: [
            ("2026-01-15", 0, 0), ("2025-12-04", 0, -42), ("2026-04-15", 0, 90), ("2026-04-16", 1, -90),
            ("2026-07-20", 1, 5), ("2027-01-10", 2, -5),
        ])
    func nearestWave(day: String, wave: Int, distance: Int) throws {
        let measure = try #require(try InstrumentCatalog.builtIn.schedule?.measure(id: "wellbeing"))
        let nearest = try #require(measure.nearestWave(to: date(day), from: date("2026-01-15")))
        #expect(nearest.wave == wave)
        #expect(nearest.days == distance)
    }

    @Test("a date more than a tolerance before the baseline belongs to no wave")
    func beforeBaseline() throws {
        let measure = try #require(try InstrumentCatalog.builtIn.schedule?.measure(id: "wellbeing"))
        #expect(measure.nearestWave(to: date("2025-12-03"), from: date("2026-01-15")) == nil)
    }

    @Test("windows: 42 days either side counts, 43 does not; a closed window is overdue")
    func windows() throws {
        let tracker = try FollowUpData.tracker(register: register(start: "2026-01-15"), asOf: "2026-11-22")
        tracker.add(FollowUpData.wemwbs("C1", "2026-02-26", total: 40))  // wave 0 + 42 days
        tracker.add(FollowUpData.wemwbs("C1", "2026-08-27", total: 40))  // wave 1 + 43 days
        let status = try wellbeing(tracker)
        #expect(status.anchor == .matchStart)
        #expect(status.waves.map(\.state) == [.done, .overdue])
        #expect(status.waves.map(\.dueOn) == [date("2026-01-15"), date("2026-07-15")])
        #expect(status.doneWaves.first?.administeredOn == date("2026-02-26"))
        #expect(status.outsideWindow == [date("2026-08-27")])
        #expect(status.nextDueOn == date("2027-01-15"))
    }

    @Test("a wave whose window is open and not done is due now; the one after opens later")
    func dueNow() throws {
        let tracker = try FollowUpData.tracker(register: register(start: "2026-01-15"), asOf: "2026-08-26")
        tracker.add(FollowUpData.wemwbs("C1", "2026-01-04", total: 40))  // wave 0 - 11 days
        let status = try wellbeing(tracker)
        #expect(status.waves.map(\.state) == [.done, .dueNow])
        #expect(status.dueNowWave?.dueOn == date("2026-07-15"))
        #expect(status.nextDueOn == date("2026-07-15"))
        let later = try FollowUpData.tracker(register: register(start: "2026-01-15"), asOf: "2026-08-27")
        later.add(FollowUpData.wemwbs("C1", "2026-01-04", total: 40))
        #expect(try wellbeing(later).waves.map(\.state) == [.done, .overdue])
    }

    @Test("no wave is expected after the match ended")
    func matchEnded() throws {
        let tracker = try FollowUpData.tracker(
            register: register(start: "2025-01-15", end: "2025-12-31"), asOf: "2026-11-22")
        tracker.add(FollowUpData.wemwbs("C1", "2025-01-15", total: 40))
        let status = try wellbeing(tracker)
        #expect(status.waves.map(\.number) == [0, 1])
        #expect(status.waves.map(\.state) == [.done, .overdue])
        #expect(status.nextDueOn == nil)
        #expect(status.problems.map(\.description) == ["match ended 2025-12-31: no wave expected after it"])
    }

    @Test("without a match start, waves count from the first administration, and say so")
    func anchorFromFirstAdministration() throws {
        let tracker = try FollowUpData.tracker(asOf: "2026-11-22")
        tracker.add(FollowUpData.wemwbs("C1", "2026-07-15", total: 45))
        tracker.add(FollowUpData.wemwbs("C1", "2026-01-15", total: 40))
        let status = try wellbeing(tracker)
        #expect(status.anchor == .firstAdministration)
        #expect(status.anchorDate == date("2026-01-15"))
        #expect(status.waves.map(\.state) == [.done, .done])
        #expect(
            status.problems.map(\.description) == [
                "no match start in the children file: waves counted from the first administration"
            ])
    }

    @Test("a child of the children file with nothing recorded is overdue from the baseline")
    func nothingRecorded() throws {
        let register = ChildRegister(children: [
            ChildDetails(id: "C1", matchStart: date("2026-01-15")),
            ChildDetails(id: "C2", matchStart: date("2026-03-01")),
        ])
        let tracker = try FollowUpData.tracker(register: register, asOf: "2026-11-22")
        tracker.add(FollowUpData.wemwbs("C1", "2026-01-15", total: 40))
        let status = try wellbeing(tracker, "C2")
        #expect(status.waves.map(\.state) == [.overdue, .overdue])
        #expect(status.overdueWaves.map(\.number) == [0, 1])
    }

    @Test("only measures with data in the files are scheduled")
    func onlyUsedMeasures() throws {
        let tracker = try FollowUpData.tracker()
        tracker.add(FollowUpData.wemwbs("C1", "2026-01-15", total: 40))
        #expect(tracker.schedule().map(\.measure) == ["wellbeing"])
    }
}
