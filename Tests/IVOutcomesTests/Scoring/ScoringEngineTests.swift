import Testing

@testable import IVOutcomes

@Suite("Scoring: WEMWBS and SWEMWBS")
struct WEMWBSScoringTests {
    /// The published SWEMWBS raw-to-metric conversion, raw 7...35 (wellbeing-scales.md).
    static let metricTable: [(raw: Int, metric: Double, text: String)] = zip(
        7...35,
        [
            "7.00", "9.51", "11.25", "12.40", "13.33", "14.08", "14.75", "15.32", "15.84", "16.36", "16.88", "17.43",
            "17.98", "18.59", "19.25", "19.98", "20.73", "21.54", "22.35", "23.21", "24.11", "25.03", "26.02", "27.03",
            "28.13", "29.31", "30.70", "32.55", "35.00",
        ]
    ).map { ($0, Double($1)!, $1) }

    @Test(
        "every raw SWEMWBS score converts to its published metric value, printed with two decimals",
        arguments: metricTable)
    func conversion(raw: Int, metric: Double, text: String) throws {
        for instrument: InstrumentID in ["wemwbs", "swemwbs"] {
            var answers = Answers.wemwbsWithSwemwbsRaw(raw)
            if instrument == "swemwbs" {
                answers = answers.filter { Answers.swemwbsItems.map { "wemwbs_\($0)" }.contains($0.key.rawValue) }
            }
            let sheet = try Answers.score(instrument, answers)
            #expect(sheet.status == .scored)
            #expect(sheet.score(of: "swemwbs_raw") == Double(raw))
            #expect(sheet.score(of: "swemwbs_metric") == metric)
            let scale = try InstrumentCatalog.builtIn.instrument(id: instrument).scale(id: "swemwbs_metric")
            #expect(scale.format(metric) == text)
            if case .lookup(_, let table) = scale.method { #expect(table.convert(raw) == metric) }
        }
    }

    @Test("raw 29 is 26.02, not the 25.99 of a copy in circulation")
    func knownWrongCopy() throws {
        let sheet = try Answers.score(
            "swemwbs",
            Answers.wemwbsWithSwemwbsRaw(29).filter {
                Answers.swemwbsItems.map { "wemwbs_\($0)" }.contains($0.key.rawValue)
            })
        #expect(sheet.score(of: "swemwbs_metric") == 26.02)
    }

    /// Totals around every band edge: (total, band).
    static let bandEdges: [(Int, String)] = [
        (14, "probable_depression"), (40, "probable_depression"), (41, "possible_depression"),
        (44, "possible_depression"),
        (45, "average"), (59, "average"), (60, "high"), (70, "high"),
    ]

    @Test("WEMWBS totals fall in the right band at every edge", arguments: bandEdges)
    func bandEdge(total: Int, band: String) throws {
        // Spread the total over 14 items, each 1-5.
        var codes: [Int?] = []
        var remaining = total
        for index in 0..<14 {
            let code = min(5, remaining - (13 - index))
            codes.append(code)
            remaining -= code
        }
        let sheet = try Answers.score("wemwbs", Answers.wemwbs(codes))
        #expect(sheet.score(of: "wemwbs_total") == Double(total))
        #expect(sheet.result(for: "wemwbs_total")?.band?.rawValue == band)
    }

    @Test("SWEMWBS is items 1, 2, 3, 6, 7, 9 and 11, not the first seven")
    func swemwbsItemSelection() throws {
        // Items 1-7 high, 8-14 low: the first seven would give 35.
        let sheet = try Answers.score("wemwbs", Answers.wemwbs([5, 5, 5, 5, 5, 5, 5, 1, 1, 1, 1, 1, 1, 1]))
        #expect(sheet.score(of: "swemwbs_raw") == 27)  // 5+5+5+5+5 (1,2,3,6,7) + 1+1 (9,11)
        #expect(sheet.score(of: "swemwbs_metric") == 24.11)
        #expect(sheet.score(of: "wemwbs_total") == 42)
    }

    @Test("a form missing only item 14 has no WEMWBS total but a valid SWEMWBS score")
    func missingItem14() throws {
        var codes: [Int?] = Array(repeating: 4, count: 14)
        codes[13] = nil
        let sheet = try Answers.score("wemwbs", Answers.wemwbs(codes))
        #expect(sheet.status == .incomplete)
        let total = try #require(sheet.result(for: "wemwbs_total"))
        #expect(total.status == .incomplete)
        #expect(total.value == nil && total.band == nil)
        #expect(total.answered == 13 && total.missing == 1)
        #expect(
            total.problems.map(\.description) == [
                "wemwbs_total: not scored: 1 of 14 items unanswered (policy complete: every item must be answered)"
            ])
        #expect(sheet.score(of: "swemwbs_raw") == 28)
        #expect(sheet.score(of: "swemwbs_metric") == 25.03)
        #expect(sheet.result(for: "swemwbs_metric")?.status == .scored)
        #expect(sheet.problems.map(\.description) == ["wemwbs_14: no answer"])
    }

    @Test("a blank answer is never counted as 0")
    func blankIsNotZero() throws {
        var codes: [Int?] = Array(repeating: 5, count: 14)
        codes[0] = nil
        let sheet = try Answers.score("wemwbs", Answers.wemwbs(codes))
        #expect(sheet.score(of: "wemwbs_total") == nil)
        #expect(sheet.score(of: "swemwbs_raw") == nil)
        #expect(sheet.score(of: "swemwbs_metric") == nil)
        #expect(
            sheet.result(for: "swemwbs_metric")?.problems.map(\.description) == [
                "swemwbs_metric: not scored: swemwbs_raw was not scored"
            ])
    }

    /// Labels in any case and with stray spaces mean their codes.
    static let labels: [(String, Int)] = [
        ("None of the time", 1), ("rarely", 2), ("SOME OF THE TIME", 3), (" Often ", 4), ("All of the time", 5),
        ("4", 4), (" 2", 2),
    ]

    @Test("option labels are accepted case-insensitively and trimmed", arguments: labels)
    func labelsAsInput(label: String, code: Int) throws {
        var answers = Answers.wemwbs(Array(repeating: 3, count: 14))
        answers["wemwbs_1"] = label
        let sheet = try Answers.score("wemwbs", answers)
        #expect(sheet.status == .scored)
        #expect(sheet.score(of: "wemwbs_total") == Double(39 + code))
    }

    /// Values that are not answers, with the exact message each must produce.
    static let invalidValues: [(String, String)] = [
        ("0", #"wemwbs_4: "0" is not an answer (expected 1-5 or a label such as "Often")"#),
        ("6", #"wemwbs_4: "6" is not an answer (expected 1-5 or a label such as "Often")"#),
        ("3.5", #"wemwbs_4: "3.5" is not an answer (expected 1-5 or a label such as "Often")"#),
        ("-1", #"wemwbs_4: "-1" is not an answer (expected 1-5 or a label such as "Often")"#),
        ("Sometimes", #"wemwbs_4: "Sometimes" is not an answer (expected 1-5 or a label such as "Often")"#),
        ("4.5", #"wemwbs_4: "4.5" is not an answer (expected 1-5 or a label such as "Often")"#),
        ("yes", #"wemwbs_4: "yes" is not an answer (expected 1-5 or a label such as "Often")"#),
    ]

    @Test("an invalid value is an error naming the item and value, and nothing is scored", arguments: invalidValues)
    func invalidValue(value: String, message: String) throws {
        var answers = Answers.wemwbs(Array(repeating: 3, count: 14))
        answers["wemwbs_4"] = value
        let sheet = try Answers.score("wemwbs", answers)
        #expect(sheet.status == .invalid)
        #expect(sheet.scales.allSatisfy { $0.value == nil && $0.status == .invalid })
        #expect(sheet.problemMessages == [message])
    }

    @Test("0-4 coded data is rejected, not read as 1-5")
    func zeroToFourCoding() throws {
        let sheet = try Answers.score("wemwbs", Answers.wemwbs([0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 2, 2, 2, 2]))
        #expect(sheet.status == .invalid)
        #expect(sheet.score(of: "wemwbs_total") == nil)
        #expect(sheet.score(of: "swemwbs_metric") == nil)
        #expect(sheet.problems.map(\.item) == ["wemwbs_1", "wemwbs_6"])
    }

    @Test("a declined question is recorded, counted apart from blanks, and never scored as a low value")
    func declined() throws {
        var answers = Answers.wemwbs(Array(repeating: 3, count: 14))
        answers["wemwbs_2"] = "Declined"
        answers["wemwbs_5"] = ""
        let sheet = try Answers.score("wemwbs", answers)
        #expect(sheet.status == .incomplete)
        let total = try #require(sheet.result(for: "wemwbs_total"))
        #expect(total.value == nil)
        #expect(total.missing == 2 && total.declined == 1)
        #expect(sheet.result(for: "swemwbs_raw")?.declined == 1)
        #expect(sheet.problems.map(\.description) == ["wemwbs_2: declined", "wemwbs_5: no answer"])
    }

    @Test("an answer to an item the instrument does not have makes the form invalid")
    func unknownItem() throws {
        var answers = Answers.wemwbs(Array(repeating: 3, count: 14))
        answers["life_skills_travel"] = "3"
        let sheet = try Answers.score("wemwbs", answers)
        #expect(sheet.status == .invalid)
        #expect(
            sheet.problemMessages == [
                #"life_skills_travel: not an item of this instrument (value "3"); give each instrument its own row"#
            ])
    }

    @Test("prorating is explicit, shown, and never rounds a prorated raw score into the conversion table")
    func prorating() throws {
        var codes: [Int?] = Array(repeating: 4, count: 14)
        codes[0] = nil  // item 1 is in both WEMWBS and SWEMWBS
        let options = ScoringOptions(missingPolicies: [
            "wemwbs_total": .prorate(maxMissing: 1), "swemwbs_raw": .prorate(maxMissing: 1),
        ])
        let sheet = try Answers.score("wemwbs", Answers.wemwbs(codes), options: options)
        let total = try #require(sheet.result(for: "wemwbs_total"))
        #expect(total.value == 56)
        #expect(total.prorated)
        #expect(
            total.problems.map(\.description) == ["wemwbs_total: prorated from 13 of 14 answers (policy prorate:1)"])
        #expect(sheet.score(of: "swemwbs_raw") == 28)
        // 28 is whole, so the metric score exists, and it is marked as prorated.
        #expect(sheet.result(for: "swemwbs_metric")?.prorated == true)
        #expect(sheet.score(of: "swemwbs_metric") == 25.03)

        codes[1] = 5
        let uneven = try Answers.score("wemwbs", Answers.wemwbs(codes), options: options)
        // SWEMWBS items 2..11 = 5+4+4+4+4+4 = 25 over 6 items, prorated to 29.1666...
        #expect(abs((uneven.score(of: "swemwbs_raw") ?? 0) - 25.0 / 6 * 7) < 1e-9)
        #expect(uneven.score(of: "swemwbs_metric") == nil)
        #expect(
            uneven.result(for: "swemwbs_metric")?.problems.map(\.description) == [
                "swemwbs_metric: not scored: the conversion table is defined only for whole raw scores, and the prorated raw score is 29.17"
            ])
        // The default, without options, still scores complete forms only.
        #expect(try Answers.score("wemwbs", Answers.wemwbs(codes)).score(of: "wemwbs_total") == nil)
    }

    @Test("a prorated total between two bands belongs to the higher one")
    func proratedBand() throws {
        let bands = try #require(
            try InstrumentCatalog.builtIn.instrument(id: "wemwbs").scale(id: "wemwbs_total").bands)
        #expect(bands.band(for: 40)?.id == "probable_depression")
        #expect(bands.band(for: 40.5)?.id == "possible_depression")
        #expect(bands.band(for: 13.9) == nil)
        #expect(bands.band(for: 70.1) == nil)
    }

    @Test("the missing-answer policy parses and prints by name")
    func policyNames() {
        #expect(MissingAnswerPolicy("complete") == .complete)
        #expect(MissingAnswerPolicy("prorate:2") == .prorate(maxMissing: 2))
        #expect(MissingAnswerPolicy("prorate:0") == nil)
        #expect(MissingAnswerPolicy("prorate") == nil)
        #expect(MissingAnswerPolicy.prorate(maxMissing: 2).description == "prorate:2")
    }
}

@Suite("Scoring: pilot instruments")
struct PilotScoringTests {
    @Test("life-skills totals, with labels")
    func lifeSkills() throws {
        let life = try InstrumentCatalog.builtIn.instrument(id: "life-skills")
        var answers: [ItemID: String] = [:]
        for item in life.items { answers[item.id] = "On my own" }
        answers["life_skills_cooking"] = "not yet"
        let sheet = try life.score(Answers.administration("life-skills", answers))
        #expect(sheet.score(of: "life_skills_total") == 22)
        #expect(sheet.status == .scored)
    }

    @Test("an iv-log stores free text, never scores it, and counts 'Not sure' as an answer that is not scored")
    func ivLog() throws {
        let log = try InstrumentCatalog.builtIn.instrument(id: "iv-log")
        let sheet = try log.score(
            Answers.administration(
                "iv-log",
                [
                    "visit_happened": "Yes", "change_confidence": "A lot more", "change_wellbeing": "Not sure",
                    "example_confidence": "Ordered her own food at the café", "change_life_skills": "Loads",
                ]))
        #expect(sheet.status == .invalid)
        #expect(
            sheet.problemMessages == [
                #"change_life_skills: "Loads" is not an answer (expected 1, 2, 3, 4, 9 or a label such as "A lot more")"#
            ])
        let fine = try log.score(Answers.administration("iv-log", ["visit_happened": "no"]))
        #expect(fine.status == .scored)
        let missing = try log.score(Answers.administration("iv-log", ["change_confidence": "Less"]))
        #expect(missing.status == .incomplete)
        #expect(missing.problemMessages == ["visit_happened: no answer"])
    }
}

@Suite("Scoring errors")
struct ScoringErrorTests {
    @Test("a form of another instrument is an error naming both, never an incomplete score")
    func wrongInstrument() throws {
        let wemwbs = try InstrumentCatalog.builtIn.instrument(id: "wemwbs")
        let form = Answers.administration("swemwbs", ["wemwbs_1": "3"])
        let error = try #require(throws: ScoringError.self) { try wemwbs.score(form) }
        #expect(error == .wrongInstrument(expected: "wemwbs", found: "swemwbs"))
        #expect(error.code == .instrumentMismatch)
    }
}
