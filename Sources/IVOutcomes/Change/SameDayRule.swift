/// The duplicate rule: one administration per child, scale and day, whatever the order of the
/// input. The tracker applies it to forms (compared item by item on their answer codes);
/// ``Timeline`` applies it to the scores of one scale (compared by value).
///
/// Forms of one day are taken in an order that depends on the forms alone (the caller's order),
/// and each is compared with those already kept:
/// - one that repeats a kept form (agrees with it, and holds nothing it lacks) is its
///   duplicate, not used;
/// - two that disagree (or each hold what the other lacks) do not count, either of them, for
///   what they share that day (no score is made of two partial forms), and both are reported;
/// - forms with nothing in common both count.
enum SameDayRule {
    /// How a form stands to a form of the same day kept before it.
    enum Relation {
        /// Nothing in common: both count.
        case apart
        /// It repeats the kept form: a duplicate.
        case contained
        /// They disagree, or each has what the other lacks; `reason` says which, for people.
        case conflicting(reason: String)
    }

    /// What the rule decided about a form, in the order it was decided.
    enum Decision {
        /// Form `form` is a duplicate of the kept form `of`, and is not used.
        case duplicate(form: Int, of: Int)
        /// Forms `form` and `with` (kept before it) disagree: neither counts for what they share.
        case conflict(form: Int, with: Int, reason: String)
    }

    /// Resolves the forms `0..<count` of one day, taken in that order; `relation(form, kept)` says
    /// how a form stands to one kept before it. Returns the forms kept (not duplicates; a kept
    /// form may still be in a conflict) and every decision, in order.
    static func resolve(count: Int, relation: (_ form: Int, _ kept: Int) -> Relation) -> (
        kept: [Int], decisions: [Decision]
    ) {
        var kept: [Int] = []
        var decisions: [Decision] = []
        forms: for form in 0..<count {
            for other in kept {
                switch relation(form, other) {
                case .apart:
                    continue
                case .contained:
                    decisions.append(.duplicate(form: form, of: other))
                    continue forms
                case .conflicting(let reason):
                    decisions.append(.conflict(form: form, with: other, reason: reason))
                }
            }
            kept.append(form)
        }
        return (kept, decisions)
    }

    /// The note on a child's change rows for a duplicate: `duplicate wemwbs on 2026-03-01 (line 4
    /// and line 9): line 9 not used`.
    static func duplicateNote(form: String, date: CalendarDate, kept: String, place: String) -> FollowUpNote {
        FollowUpNote(
            code: .rowDuplicate, message: "duplicate \(form) on \(date) (\(kept) and \(place)): \(place) not used")
    }

    /// The note for two forms that disagree: `wemwbs (line 4) and swemwbs (line 9) on 2026-03-01
    /// do not agree (they disagree on wemwbs_3): neither counts for swemwbs_metric that day`.
    /// `scales` are the scales they share (none for two contact logs).
    static func conflictNote(
        kept: (form: String, place: String), other: (form: String, place: String), date: CalendarDate,
        reason: String, scales: [String]
    ) -> FollowUpNote {
        FollowUpNote(
            code: .rowFormsDisagree,
            message:
                "\(kept.form) (\(kept.place)) and \(other.form) (\(other.place)) on \(date) do not agree (\(reason)): "
                + consequence(scales))
    }

    /// What a conflict costs: `neither counts for wemwbs_total that day`.
    static func consequence(_ scales: [String]) -> String {
        scales.isEmpty ? "neither is counted" : "neither counts for \(scales.joined(separator: ", ")) that day"
    }
}
