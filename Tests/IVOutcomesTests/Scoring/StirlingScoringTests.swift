import Testing

@testable import IVOutcomes

/// The Stirling Children's Wellbeing Scale, scored from `Instruments/scwbs.json` against the facts
/// in `shared/reference/stirling-scale.md`: the wellbeing score is the sum of the 12 items other
/// than 2, 7 and 13 (12-60); items 2, 7 and 13 sum to the social-desirability check (3-15).
@Suite("Scoring: the Stirling Children's Wellbeing Scale")
struct StirlingScoringTests {
    static let socialDesirabilityItems: Set<Int> = [2, 7, 13]
    static let labels = [
        "Never", "Not much of the time", "Some of the time", "Quite a lot of the time", "All of the time",
    ]

    /// Answers `code(n)` to `scwbs_n`; `nil` leaves the item blank.
    static func answers(_ code: (Int) -> String?) -> [ItemID: String] {
        var answers: [ItemID: String] = [:]
        for item in 1...15 { answers[ItemID("scwbs_\(item)")] = code(item) }
        return answers
    }

    @Test("every item at one code gives 12 × code and 3 × code, from 12 and 3 to 60 and 15", arguments: 1...5)
    func everyItemAtOneCode(code: Int) throws {
        let sheet = try Answers.score("scwbs", Self.answers { _ in String(code) })
        #expect(sheet.status == .scored)
        #expect(sheet.score(of: "scwbs_total") == Double(12 * code))
        #expect(sheet.score(of: "scwbs_social_desirability") == Double(3 * code))
    }

    @Test("each social-desirability item is left out of the wellbeing score", arguments: [2, 7, 13])
    func socialDesirabilityItemExcluded(item: Int) throws {
        let sheet = try Answers.score("scwbs", Self.answers { $0 == item ? "5" : "1" })
        #expect(sheet.score(of: "scwbs_total") == 12)
        #expect(sheet.score(of: "scwbs_social_desirability") == 7)
    }

    @Test(
        "each wellbeing item adds into the wellbeing score only",
        arguments: (1...15).filter { ![2, 7, 13].contains($0) })
    func wellbeingItemCounted(item: Int) throws {
        let sheet = try Answers.score("scwbs", Self.answers { $0 == item ? "5" : "1" })
        #expect(sheet.score(of: "scwbs_total") == 16)
        #expect(sheet.score(of: "scwbs_social_desirability") == 3)
    }

    @Test("a blank item leaves only the scale it belongs to unscored", arguments: 1...15)
    func blankInOneScale(item: Int) throws {
        let sheet = try Answers.score("scwbs", Self.answers { $0 == item ? nil : "4" })
        let inCheck = Self.socialDesirabilityItems.contains(item)
        #expect(sheet.score(of: "scwbs_total") == (inCheck ? 48 : nil))
        #expect(sheet.score(of: "scwbs_social_desirability") == (inCheck ? nil : 12))
        #expect(sheet.result(for: inCheck ? "scwbs_social_desirability" : "scwbs_total")?.status == .incomplete)
    }

    @Test("labels are answers, whatever their case and surrounding spaces", arguments: zip(labels, 1...5))
    func labelsAsAnswers(label: String, code: Int) throws {
        for spelling in [label, label.uppercased(), "  \(label.lowercased()) "] {
            let sheet = try Answers.score("scwbs", Self.answers { $0 == 1 || $0 == 2 ? spelling : "3" })
            #expect(sheet.status == .scored)
            #expect(sheet.score(of: "scwbs_total") == Double(33 + code))
            #expect(sheet.score(of: "scwbs_social_desirability") == Double(6 + code))
        }
    }

    /// Values that are not answers, with the exact message each must produce.
    static let invalidValues: [(String, String)] = [
        ("0", #"scwbs_5: "0" is not an answer (expected 1-5 or a label such as "Quite a lot of the time")"#),
        ("6", #"scwbs_5: "6" is not an answer (expected 1-5 or a label such as "Quite a lot of the time")"#),
        ("2.5", #"scwbs_5: "2.5" is not an answer (expected 1-5 or a label such as "Quite a lot of the time")"#),
        ("Often", #"scwbs_5: "Often" is not an answer (expected 1-5 or a label such as "Quite a lot of the time")"#),
    ]

    @Test(
        "an invalid value is an error naming the item and value, and neither scale is scored", arguments: invalidValues)
    func invalidValue(value: String, message: String) throws {
        let sheet = try Answers.score("scwbs", Self.answers { $0 == 5 ? value : "3" })
        #expect(sheet.status == .invalid)
        #expect(sheet.scales.allSatisfy { $0.value == nil && $0.status == .invalid })
        #expect(sheet.problemMessages == [message])
    }

    @Test("the definition: ages 8-15, a validity check that is never followed, no thresholds, wordings flagged")
    func definition() throws {
        let scwbs = try InstrumentCatalog.builtIn.instrument(id: "scwbs")
        #expect(scwbs.validatedAges?.minimum == 8)
        #expect(scwbs.validatedAges?.maximum == 15)
        #expect(scwbs.status == .validated)
        #expect(scwbs.items.map(\.id.rawValue) == (1...15).map { "scwbs_\($0)" })
        #expect(scwbs.responseScales.first?.options.map(\.label) == Self.labels)
        let total = try scwbs.scale(id: "scwbs_total")
        let check = try scwbs.scale(id: "scwbs_social_desirability")
        #expect((total.role, total.minimum, total.maximum, total.change, total.bands) == (.outcome, 12, 60, nil, nil))
        #expect((check.role, check.minimum, check.maximum, check.isFollowedOverTime) == (.validityCheck, 3, 15, false))
        #expect(Set(total.items.map(\.rawValue)).isDisjoint(with: check.items.map(\.rawValue)))
        #expect(
            scwbs.wordingChecks.map(\.target) == [
                .instructions, .option("scwbs_frequency", code: 4), .option("scwbs_frequency", code: 5),
                .item("scwbs_14"),
            ])
        #expect(scwbs.examples.count >= 6)
    }
}
