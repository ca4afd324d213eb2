import Testing

@testable import IVOutcomes

/// Builds administrations for tracking tests.
enum FollowUpData {
    static func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    /// A full WEMWBS form with this total (14...70).
    static func wemwbs(_ child: String, _ day: String, total: Int) -> Administration {
        var codes = [Int](repeating: 1, count: 14)
        var remaining = total - 14
        for index in codes.indices where remaining > 0 {
            let add = min(4, remaining)
            codes[index] += add
            remaining -= add
        }
        return Administration(
            childID: ChildID(checked: child), administeredOn: date(day), instrument: "wemwbs",
            answers: Answers.wemwbs(codes.map { Optional($0) }))
    }

    /// A life-skills form with this total (8...24).
    static func lifeSkills(_ child: String, _ day: String, total: Int) -> Administration {
        let ids = ["travel", "money", "asking", "cooking", "new_people", "speaking_up", "planning", "help"]
        var remaining = total - 8
        var answers: [ItemID: String] = [:]
        for id in ids {
            let add = min(2, remaining)
            remaining -= add
            answers[ItemID("life_skills_\(id)")] = String(1 + add)
        }
        return Administration(
            childID: ChildID(checked: child), administeredOn: date(day), instrument: "life-skills", answers: answers)
    }

    static func log(_ child: String, _ day: String, visit: String, _ answers: [String: String] = [:]) -> Administration
    {
        var all: [ItemID: String] = ["visit_happened": visit]
        for (key, value) in answers { all[ItemID(key)] = value }
        return Administration(
            childID: ChildID(checked: child), administeredOn: date(day), instrument: "iv-log", answers: all)
    }

    static func tracker(
        register: ChildRegister? = nil, asOf: String = "2026-11-22", logPeriod: ClosedRange<CalendarDate>? = nil
    )
        throws -> FollowUpTracker
    {
        FollowUpTracker(
            catalog: try InstrumentCatalog.builtIn, register: register,
            options: FollowUpOptions(asOf: date(asOf), logPeriod: logPeriod))
    }
}

@Suite("Change: following children over time")
struct FollowUpTrackerTests {
    func change(_ tracker: FollowUpTracker, _ child: String, _ scale: ScaleID) throws -> ScaleChange {
        try #require(tracker.changes().first { $0.childID.rawValue == child && $0.scale == scale })
    }

    @Test("baseline is the earliest and latest the most recent, whatever the row order")
    func outOfOrder() throws {
        let tracker = try FollowUpData.tracker()
        tracker.add(FollowUpData.wemwbs("C1", "2026-07-01", total: 45))
        tracker.add(FollowUpData.wemwbs("C1", "2026-01-01", total: 40))
        tracker.add(FollowUpData.wemwbs("C1", "2026-04-01", total: 70))
        let result = try change(tracker, "C1", "wemwbs_total")
        #expect(result.baseline?.date == FollowUpData.date("2026-01-01"))
        #expect(result.baseline?.value == 40)
        #expect(result.latest?.date == FollowUpData.date("2026-07-01"))
        #expect(result.change == 5)
        #expect(result.administrations == 3)
        #expect(result.daysBetween == 181)
        #expect(result.reliableChange == .noReliableChange)
        #expect(result.meaningfulChange == .improved)
        #expect(result.baseline?.band == "probable_depression")
        #expect(result.latest?.band == "average")
    }

    @Test("a child with one administration is kept as no follow-up yet; a scale never scored is kept too")
    func singleAndNone() throws {
        let tracker = try FollowUpData.tracker()
        var blank14 = FollowUpData.wemwbs("C2", "2026-02-01", total: 50)
        blank14.answers["wemwbs_14"] = nil
        tracker.add(blank14)
        let total = try change(tracker, "C2", "wemwbs_total")
        #expect(total.administrations == 0)
        #expect(total.baseline == nil)
        #expect(total.reliableChange == .noScoredAdministration)
        let metric = try change(tracker, "C2", "swemwbs_metric")
        #expect(metric.administrations == 1)
        #expect(metric.reliableChange == .noFollowUpYet)
        #expect(metric.meaningfulChange == .noFollowUpYet)
        #expect(metric.change == nil)
        #expect(metric.daysBetween == nil)
        #expect(tracker.counts.used == 1)
    }

    @Test("intermediate scales (the SWEMWBS raw sum) are never followed")
    func intermediate() throws {
        let tracker = try FollowUpData.tracker()
        tracker.add(FollowUpData.wemwbs("C1", "2026-01-01", total: 40))
        #expect(tracker.scalesUsed.map(\.id) == ["swemwbs_metric", "wemwbs_total"])
        #expect(!tracker.changes().contains { $0.scale == "swemwbs_raw" })
    }

    @Test("the life-skills pilot reports its change with thresholds not established")
    func pilotScale() throws {
        let tracker = try FollowUpData.tracker()
        tracker.add(FollowUpData.lifeSkills("C1", "2026-01-01", total: 12))
        tracker.add(FollowUpData.lifeSkills("C1", "2026-07-01", total: 20))
        let result = try change(tracker, "C1", "life_skills_total")
        #expect(result.change == 8)
        #expect(result.reliableChange == .thresholdsNotEstablished)
        #expect(result.meaningfulChange == .thresholdsNotEstablished)
        #expect(result.belowValidatedAge == .notValidated)
    }

    /// A form of child C1 on one day: WEMWBS or SWEMWBS, codes by item number (nil for blank).
    static func form(_ instrument: InstrumentID, _ codes: [Int: Int?], day: String = "2026-01-10") -> Administration {
        var answers: [ItemID: String] = [:]
        for (item, code) in codes { if let code { answers[ItemID("wemwbs_\(item)")] = String(code) } }
        return Administration(
            childID: "C1", administeredOn: FollowUpData.date(day), instrument: instrument, answers: answers)
    }

    /// All 14 WEMWBS items with `code`, some changed.
    static func wemwbs(_ code: Int, _ changes: [Int: Int?] = [:]) -> [Int: Int?] {
        var codes = Dictionary(uniqueKeysWithValues: (1...14).map { ($0, Optional(code)) })
        for (item, value) in changes { codes[item] = value }
        return codes
    }

    static func swemwbs(_ code: Int, _ changes: [Int: Int?] = [:]) -> [Int: Int?] {
        var codes = Dictionary(uniqueKeysWithValues: [1, 2, 3, 6, 7, 9, 11].map { ($0, Optional(code)) })
        for (item, value) in changes { codes[item] = value }
        return codes
    }

    /// Forms of one day, then what each scale shows; the same in every order of the forms.
    static let sameDayCases:
        [(
            name: String, forms: [Administration], used: Int, duplicates: Int, conflicting: Int, wemwbs: Double?,
            metric: Double?
        )] = [
            (
                "a WEMWBS and a SWEMWBS form that agree are one administration",
                [form("wemwbs", wemwbs(4)), form("swemwbs", swemwbs(4))], 1, 1, 0, 56, 25.03
            ),
            (
                "a WEMWBS and a SWEMWBS form that disagree count for neither SWEMWBS score; the WEMWBS total stands",
                [form("wemwbs", wemwbs(4)), form("swemwbs", swemwbs(3))], 2, 0, 2, 56, nil
            ),
            (
                "an incomplete duplicate never hides the complete form",
                [form("wemwbs", wemwbs(3, [14: nil])), form("wemwbs", wemwbs(3))], 1, 1, 0, 42, 19.25
            ),
            (
                "a SWEMWBS form holding an answer the WEMWBS form lacks: each has answers the other lacks",
                [form("wemwbs", wemwbs(3, [1: nil])), form("swemwbs", swemwbs(3))], 2, 0, 2, nil, nil
            ),
            (
                "two identical forms are one",
                [form("wemwbs", wemwbs(4)), form("wemwbs", wemwbs(4))], 1, 1, 0, 56, 25.03
            ),
            (
                "declined and an answer disagree",
                [form("wemwbs", wemwbs(3)), form("wemwbs", [1: nil]).withAnswer("wemwbs_1", "declined")], 2, 0, 2, nil,
                nil
            ),
            (
                "a blank agrees with anything: the fuller form is used",
                [form("swemwbs", swemwbs(5, [2: nil])), form("swemwbs", swemwbs(5))], 1, 1, 0, nil, 35
            ),
        ]

    @Test("forms of one child and day: one observation, whatever their order", arguments: 0..<sameDayCases.count)
    func sameDay(_ index: Int) throws {
        let test = Self.sameDayCases[index]
        for order in [test.forms, test.forms.reversed()] {
            let tracker = try FollowUpData.tracker()
            for (line, form) in order.enumerated() { tracker.add(form, line: line + 2, file: "f.csv") }
            tracker.add(Self.form("wemwbs", Self.wemwbs(5), day: "2026-07-10"), line: 9, file: "f.csv")
            #expect(tracker.counts.used == test.used + 1, "\(test.name)")
            #expect(tracker.counts.duplicates == test.duplicates, "\(test.name)")
            #expect(tracker.counts.conflicting == test.conflicting, "\(test.name)")
            let total = try change(tracker, "C1", "wemwbs_total")
            #expect(total.baseline?.value == test.wemwbs ?? 70, "\(test.name)")
            let metric = try change(tracker, "C1", "swemwbs_metric")
            #expect(metric.baseline?.value == test.metric ?? 35, "\(test.name)")
            // A change is never over zero days: the follow-up is the later day's form.
            #expect(metric.followUp.map { $0.date > (metric.baseline?.date ?? $0.date) } ?? true)
            #expect(tracker.resolutionProblems.count == test.duplicates + test.conflicting, "\(test.name)")
        }
    }

    @Test("forms of one day are never a follow-up: no change over zero days")
    func zeroDays() throws {
        let tracker = try FollowUpData.tracker()
        tracker.add(Self.form("wemwbs", Self.wemwbs(4)))
        tracker.add(Self.form("swemwbs", Self.swemwbs(4)))
        let metric = try change(tracker, "C1", "swemwbs_metric")
        #expect(metric.administrations == 1)
        #expect(metric.followUp == nil && metric.change == nil && metric.daysBetween == nil)
        #expect(metric.reliableChange == .noFollowUpYet && metric.meaningfulChange == .noFollowUpYet)
        let output = ByteWriter(collecting: ())
        try tracker.writeChanges(to: output, format: .csv)
        try output.commit()
        let row = String(decoding: output.collected, as: UTF8.self).split(separator: "\n").first {
            $0.contains("swemwbs_metric")
        }
        #expect(row?.contains(",,,1,no_follow_up_yet,no_follow_up_yet,") == true, "\(row ?? "")")
    }

    @Test("a duplicate is reported once all rows are in, and not used")
    func duplicates() throws {
        let tracker = try FollowUpData.tracker()
        #expect(tracker.add(FollowUpData.wemwbs("C1", "2026-01-01", total: 40), line: 2, file: "f.csv").isEmpty)
        #expect(tracker.add(FollowUpData.wemwbs("C1", "2026-01-01", total: 40), line: 3, file: "f.csv").isEmpty)
        tracker.add(FollowUpData.lifeSkills("C1", "2026-01-01", total: 12), line: 4, file: "f.csv")
        #expect(
            tracker.resolutionProblems.map(\.description) == [
                "f.csv:3: duplicate: the same child and date as line 2, whose wemwbs form holds all these answers; not used"
            ])
        #expect(tracker.counts.duplicates == 1)
        #expect(tracker.counts.used == 2)
        #expect(tracker.counts(inFile: "f.csv") == tracker.counts)
        let result = try change(tracker, "C1", "wemwbs_total")
        #expect(result.administrations == 1)
        #expect(result.baseline?.value == 40)
        #expect(
            result.problems.map(\.description) == [
                "duplicate wemwbs on 2026-01-01 (line 2 and line 3): line 3 not used"
            ])
        #expect(try change(tracker, "C1", "life_skills_total").problems.isEmpty)
    }

    @Test("dates before 2000 or after the as-of date are reported and not used; the as-of date itself is fine")
    func dateRange() throws {
        let tracker = try FollowUpData.tracker(asOf: "2026-11-22")
        let early = tracker.add(FollowUpData.wemwbs("C1", "1999-12-31", total: 40), line: 2, file: "f.csv")
        let late = tracker.add(FollowUpData.wemwbs("C1", "2026-11-23", total: 40), line: 3, file: "f.csv")
        #expect(tracker.add(FollowUpData.wemwbs("C1", "2026-11-22", total: 40)).isEmpty)
        #expect(
            early.map(\.description) == [
                "f.csv:2: column administered_on: 1999-12-31 is before 2000-01-01; not used (check the year)"
            ])
        #expect(
            late.map(\.description) == [
                "f.csv:3: column administered_on: 2026-11-23 is after the as-of date 2026-11-22; not used (a date in the future?)"
            ])
        #expect(tracker.counts == FollowUpCounts(used: 1, incomplete: 0, invalid: 0, duplicates: 0, outOfRange: 2))
    }

    @Test("invalid administrations are counted and not used")
    func invalid() throws {
        let tracker = try FollowUpData.tracker()
        var form = FollowUpData.wemwbs("C1", "2026-01-01", total: 40)
        form.answers["wemwbs_3"] = "6"
        let problems = tracker.add(form, line: 5, file: "f.csv")
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("\"6\" is not an answer") == true)
        #expect(tracker.counts.invalid == 1)
        // Nothing is followed, since no instrument was used; the child is still known.
        #expect(tracker.changes().isEmpty)
        #expect(tracker.childOrder.map(\.id) == ["C1"])
    }

    @Test("administrations below the validated age are flagged, counting the birthday as the end of the birth month")
    func ageFlags() throws {
        let register = ChildRegister(children: [
            ChildDetails(id: "YOUNG", birthMonth: BirthMonth(text: "2014-03")),
            ChildDetails(id: "NOBIRTH"),
            ChildDetails(id: "ABSENT", birthMonth: BirthMonth(text: "2010-01")),
        ])
        let tracker = try FollowUpData.tracker(register: register, asOf: "2028-01-01")
        tracker.add(FollowUpData.wemwbs("YOUNG", "2027-03-30", total: 40))
        tracker.add(FollowUpData.wemwbs("YOUNG", "2027-03-31", total: 44))
        tracker.add(FollowUpData.wemwbs("YOUNG", "2027-04-01", total: 47))
        tracker.add(FollowUpData.wemwbs("NOBIRTH", "2027-04-01", total: 47))
        tracker.add(FollowUpData.wemwbs("STRANGER", "2027-04-01", total: 47))
        let young = try change(tracker, "YOUNG", "wemwbs_total")
        #expect(young.belowValidatedAge == .yes)
        #expect(young.administrationsBelowValidatedAge == 1)
        #expect(
            young.problems.map(\.description) == [
                "1 of 3 administrations below the validated age (13+): interpret with care"
            ])
        #expect(try change(tracker, "NOBIRTH", "wemwbs_total").belowValidatedAge == .unknown)
        let stranger = try change(tracker, "STRANGER", "wemwbs_total")
        #expect(stranger.belowValidatedAge == .unknown)
        #expect(stranger.problems.map(\.description) == ["not in the children file: age unknown"])
        // A child of the register without any administration is listed, not dropped.
        let absent = try change(tracker, "ABSENT", "wemwbs_total")
        #expect(absent.administrations == 0)
        #expect(absent.reliableChange == .noScoredAdministration)
    }

    /// A change as a CSV row, from its public fields: numbers as `formatNumber` writes them, text
    /// cells quoted when they hold a comma, quote or line break and neutralised when they start
    /// like a formula.
    static func csvRow(_ change: ScaleChange, decimals: Int) -> String {
        func text(_ value: String?) -> String {
            guard var value else { return "" }
            if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
            guard value.contains(where: { ",\"\n\r".contains($0) }) else { return value }
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        let number = { (value: Double?) in value.map { formatNumber($0, decimals: decimals) } ?? "" }
        let followUp = change.administrations > 1 ? change.latest : nil
        return [
            text(change.childID.rawValue), change.scale.rawValue, change.baseline.map { "\($0.date)" } ?? "",
            number(change.baseline?.value),
            followUp.map { "\($0.date)" } ?? "", number(followUp?.value), number(change.change),
            String(change.administrations),
            change.reliableChange.rawValue, change.meaningfulChange.rawValue, text(change.baseline?.band?.rawValue),
            text(followUp?.band?.rawValue),
            change.belowValidatedAge.rawValue,
            text(change.problems.isEmpty ? nil : change.problems.map(\.message).joined(separator: "; ")),
            change.daysBetween.map(String.init) ?? "", change.aboveValidatedAge.rawValue,
        ].joined(separator: ",")
    }

    @Test("CSV change rows, written straight from the tracks, hold the fields of the changes themselves")
    func csvRowsMatchChanges() throws {
        let register = ChildRegister(
            children: [
                ChildDetails(id: "YOUNG", birthMonth: BirthMonth(text: "2014-03")), ChildDetails(id: "NOBIRTH"),
                ChildDetails(id: "ABSENT", birthMonth: BirthMonth(text: "2010-01")),
                ChildDetails(id: "OLD", birthMonth: BirthMonth(text: "2000-01")),
            ]
                + (0..<300).map {
                    ChildDetails(id: ChildID(checked: "R\($0)"), birthMonth: BirthMonth(text: "2008-0\($0 % 9 + 1)"))
                })
        for register in [nil, register] {
            let tracker = try FollowUpData.tracker(register: register, asOf: "2029-01-01")
            for (child, day, total) in [
                ("YOUNG", "2027-03-31", 40), ("YOUNG", "2027-04-01", 47), ("NOBIRTH", "2027-04-01", 47),
                ("STRANGER", "2027-04-01", 47),
                ("OLD", "2026-01-01", 30), ("OLD", "2026-07-01", 33), ("OLD", "2026-07-01", 35),
                ("OLD", "2027-01-01", 60),
            ] {
                tracker.add(FollowUpData.wemwbs(child, day, total: total))
            }
            tracker.add(FollowUpData.lifeSkills("OLD", "2026-01-01", total: 10))
            tracker.add(FollowUpData.lifeSkills("OLD", "2026-09-01", total: 21))
            for index in 0..<300 {
                for wave in 0..<(index % 4) {
                    tracker.add(
                        FollowUpData.wemwbs(
                            "R\(index)", "202\(6 + wave)-0\(index % 9 + 1)-1\(wave)",
                            total: 14 + (index * 7 + wave * 11) % 57))
                }
            }
            let output = ByteWriter(collecting: ())
            try tracker.writeChanges(to: output, format: .csv)
            try output.commit()
            var expectedRows = [FollowUpTracker.changeColumns.joined(separator: ",")]
            tracker.forEachChangeWithScale { change, scale in
                expectedRows.append(Self.csvRow(change, decimals: scale.decimals))
            }
            expectedRows.append("")
            let rows = String(decoding: output.collected, as: UTF8.self).split(
                separator: "\n", omittingEmptySubsequences: false
            )
            .map(String.init)
            #expect(rows.count == expectedRows.count && rows.count > 600)
            let mismatch = zip(rows, expectedRows).first { $0 != $1 }
            #expect(mismatch == nil, "\(String(describing: mismatch))")
        }
    }

    @Test("children are listed in byte order of their ids, whatever their length or script")
    func childOrder() throws {
        let ids = [
            "C10", "C9", "c1", "C0000000012", "C0000000011", "C00000000", "C0000000", "C000000", "É1", "E2", "Z",
            "ZZZZZZZZZ1", "ZZZZZZZZ",
        ]
        let tracker = try FollowUpData.tracker()
        for id in ids.shuffled() { tracker.add(FollowUpData.wemwbs(id, "2026-01-01", total: 40)) }
        let expected = ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        #expect(tracker.childOrder.map(\.id) == expected)
    }

    @Test("a child aged 13 and over is within WEMWBS's validated ages")
    func withinAge() throws {
        let register = ChildRegister(children: [ChildDetails(id: "C1", birthMonth: BirthMonth(text: "2010-01"))])
        let tracker = try FollowUpData.tracker(register: register)
        tracker.add(FollowUpData.wemwbs("C1", "2026-01-01", total: 40))
        #expect(try change(tracker, "C1", "wemwbs_total").belowValidatedAge == .no)
    }

    @Test("log summaries count answers per child and outcome, never free text, within the period")
    func logs() throws {
        let period = FollowUpData.date("2026-01-01")...FollowUpData.date("2026-12-31")
        let tracker = try FollowUpData.tracker(logPeriod: period)
        tracker.add(FollowUpData.log("C1", "2025-12-15", visit: "Yes", ["change_confidence": "A lot more"]))
        tracker.add(
            FollowUpData.log(
                "C1", "2026-01-15", visit: "Yes",
                ["change_confidence": "A lot more", "example_confidence": "Spoke up at school"]))
        tracker.add(FollowUpData.log("C1", "2026-02-15", visit: "Yes", ["change_confidence": "a little more"]))
        tracker.add(FollowUpData.log("C1", "2026-03-15", visit: "Yes", ["change_confidence": "Not sure"]))
        tracker.add(FollowUpData.log("C1", "2026-04-15", visit: "Yes", ["change_confidence": "declined"]))
        tracker.add(FollowUpData.log("C1", "2026-05-15", visit: "No"))
        tracker.add(FollowUpData.log("C1", "2026-06-15", visit: "1", ["change_confidence": "1"]))
        let summaries = tracker.logSummaries()
        #expect(
            summaries.map(\.outcome) == [
                "emotional_security", "confidence", "wellbeing", "life_skills", "expanded_horizons",
            ])
        let confidence = try #require(summaries.first { $0.outcome == "confidence" })
        #expect(confidence.logs == 6)
        #expect(confidence.visitsHappened == 5)
        #expect(confidence.options.map(\.label) == ["Less", "No change", "A little more", "A lot more", "Not sure"])
        #expect(confidence.counts == [1, 0, 1, 1, 1])
        #expect(confidence.positive == 2)
        #expect(confidence.declined == 1)
        #expect(confidence.unanswered == 1)
        #expect(confidence.count(ofCode: 9) == 1)
        let security = try #require(summaries.first { $0.outcome == "emotional_security" })
        #expect(security.unanswered == 6)
    }
}
