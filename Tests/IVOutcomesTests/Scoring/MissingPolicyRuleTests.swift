import Testing

@testable import IVOutcomes

/// One missing-answer rule for the definition reader, ScoringOptions and the command line.
@Suite("Scoring: the one missing-answer-policy rule")
struct MissingPolicyRuleTests {
    static let items: [ItemID] = ["a", "b", "c"]

    @Test(
        "which policies apply to which scales",
        arguments: [
            (MissingAnswerPolicy.complete, Scale.Method.sum(items: items), nil),
            (.prorate(maxMissing: 2), .sum(items: items), nil),
            (.prorate(maxMissing: 1), .mean(items: items), nil),
            (
                .prorate(maxMissing: 3), .sum(items: items),
                "prorate:3 would allow every item of the scale to be missing"
            ),
            (
                .prorate(maxMissing: 1),
                .lookup(from: "raw", table: ConversionTable(firstRaw: 0, values: [1], source: "s")),
                "prorate:1 can't apply to a conversion of another scale (only to a sum or a mean of items)"
            ),
        ] as [(MissingAnswerPolicy, Scale.Method, String?)])
    func rule(policy: MissingAnswerPolicy, method: Scale.Method, expected: String?) {
        #expect(policy.problem(applyingTo: method) == expected)
    }

    @Test("ScoringOptions keeps the definition's policy where an override cannot apply, and lists it")
    func options() throws {
        let scale = try #require(
            try InstrumentCatalog.builtIn.instruments.flatMap(\.scales).first { $0.id == "wemwbs_total" })
        let options = ScoringOptions(missingPolicies: [scale.id: .prorate(maxMissing: 14)])
        #expect(options.missingPolicy(for: scale) == scale.missingPolicy)
        #expect(
            options.problems(for: [scale]) == [
                "wemwbs_total: prorate:14 would allow every item of the scale to be missing"
            ])
        let fine = ScoringOptions(missingPolicies: [scale.id: .prorate(maxMissing: 1)])
        #expect(fine.missingPolicy(for: scale) == .prorate(maxMissing: 1) && fine.problems(for: [scale]).isEmpty)
    }
}
