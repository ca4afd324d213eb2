import Testing

@testable import IVOutcomes

@Suite("The duplicate rule (one administration per child, scale and day)")
struct SameDayRuleTests {
    /// Forms as sets of answered items with their answers; `contained` when every answer of the
    /// later form is in the kept one, `conflicting` when they share an item but not its answer or
    /// the later has answers the kept one lacks, `apart` when they share no item.
    static func relation(_ form: [String: Int], to kept: [String: Int]) -> SameDayRule.Relation {
        let shared = Set(form.keys).intersection(kept.keys)
        if shared.isEmpty { return .apart }
        if shared.contains(where: { form[$0] != kept[$0] }) { return .conflicting(reason: "they disagree") }
        return shared.count == form.count ? .contained : .conflicting(reason: "each has answers the other lacks")
    }

    /// Forms in the order the rule takes them, the forms kept, and the decisions in order.
    static let cases: [([[String: Int]], [Int], [String])] = [
        ([["a": 1, "b": 2], ["a": 1]], [0], ["duplicate 1 of 0"]),
        ([["a": 1], ["a": 2]], [0, 1], ["conflict 1 with 0"]),
        ([["a": 1], ["b": 2]], [0, 1], []),
        ([["a": 1, "b": 2], ["b": 2], ["a": 3]], [0, 2], ["duplicate 1 of 0", "conflict 2 with 0"]),
        ([["a": 1], ["b": 1], ["a": 1, "b": 1]], [0, 1, 2], ["conflict 2 with 0", "conflict 2 with 1"]),
        ([["a": 1], ["a": 1], ["a": 1]], [0], ["duplicate 1 of 0", "duplicate 2 of 0"]),
    ]

    @Test("forms of one day: a repeat is a duplicate, disagreeing forms are both kept aside", arguments: cases)
    func resolve(forms: [[String: Int]], kept: [Int], decisions: [String]) {
        let result = SameDayRule.resolve(count: forms.count) { Self.relation(forms[$0], to: forms[$1]) }
        #expect(result.kept == kept)
        let described = result.decisions.map { decision in
            switch decision {
            case .duplicate(let form, let of): return "duplicate \(form) of \(of)"
            case .conflict(let form, let with, _): return "conflict \(form) with \(with)"
            }
        }
        #expect(described == decisions)
    }

    @Test("the notes name the form, the date and both places")
    func notes() {
        let date = CalendarDate(iso: "2026-03-01")!
        #expect(
            SameDayRule.duplicateNote(form: "wemwbs", date: date, kept: "line 4", place: "line 9").message
                == "duplicate wemwbs on 2026-03-01 (line 4 and line 9): line 9 not used")
        #expect(
            SameDayRule.conflictNote(
                kept: ("wemwbs", "line 4"), other: ("swemwbs", "line 9"), date: date,
                reason: "they disagree on wemwbs_3",
                scales: ["swemwbs_metric"]
            ).message
                == "wemwbs (line 4) and swemwbs (line 9) on 2026-03-01 do not agree (they disagree on wemwbs_3): "
                + "neither counts for swemwbs_metric that day")
        #expect(SameDayRule.consequence([]) == "neither is counted")
    }
}
