extension DisclosureAudit {
    /// Whether feasible points near a small hidden cell show that it keeps `threshold` values,
    /// whichever one publication's own exact figures a reader holds (``Cell/owner``).
    ///
    /// A programme over the hidden cells within one relation of the cell, then two, and so on
    /// (at most ``witnessLimit`` cells), every other hidden cell held at its true value: its
    /// feasible points satisfy every relation, so a reader cannot rule them out. When they span
    /// `threshold` values and move cells of other owners, the same is asked again with each of
    /// those owners' cells held at their true values (a reader holding that owner's return knows
    /// them). `false` when the part is exhausted or the limit reached first.
    func isProtectedByWitness(_ cell: Int) -> Bool {
        var levels = 1
        var previous = 0
        while true {
            let members = neighbourhood(of: cell, levels: levels, fixing: nil)
            guard members.count > previous else { return false }
            previous = members.count
            if let moved = witness(cell, members) {
                let heldByEachOwner = moved.allSatisfy { owner in
                    witness(cell, neighbourhood(of: cell, levels: levels, fixing: owner)) != nil
                }
                if heldByEachOwner { return true }
            }
            if members.count >= DisclosureAudit.witnessLimit { return false }
            levels += 1
        }
    }

    /// The hidden cells within `levels` relations of `cell` (itself first, then by distance),
    /// at most ``witnessLimit``; cells of `fixing` are held, like shown cells.
    func neighbourhood(of cell: Int, levels: Int, fixing owner: Int?) -> [Int] {
        var order = [cell]
        var seen: Set<Int> = [cell]
        var frontier = [cell]
        var level = 0
        while level < levels, !frontier.isEmpty {
            level += 1
            var next: [Int] = []
            for member in frontier {
                for relation in relationsOf[member] {
                    for term in relations[relation].terms
                    where !cells[term.cell].isShown && (owner == nil || cells[term.cell].owner != owner)
                        && seen.insert(term.cell).inserted
                    {
                        guard order.count < DisclosureAudit.witnessLimit else { return order }
                        order.append(term.cell)
                        next.append(term.cell)
                    }
                }
            }
            frontier = next
        }
        return order
    }

    /// When the programme over `members` (the checked cell first) lets it span `threshold`
    /// values: the owners, other than the cell's own, of the cells its two extreme points moved;
    /// `nil` when it does not.
    private func witness(_ cell: Int, _ members: [Int]) -> Set<Int>? {
        var local = Programme(audit: self, members: members)
        guard local.program.makeFeasible() else { return nil }
        let lowest = cells[cell].lowerBound
        let low = local.program.minimum(of: 0, stopAt: 0)
        let lowPoint = local.program.solution(variables: members.count)
        let start = Int((Double(lowest) + low - 1e-3).rounded(.up))
        let high = local.program.maximum(of: 0, stopAt: Double(start + threshold - 1 - lowest))
        let highPoint = local.program.solution(variables: members.count)
        let range = Programme.wholeRange(from: lowest, low: low, high: high)
        guard range.upperBound == Int.max || range.count >= threshold else { return nil }
        var moved = Set<Int>()
        for (index, member) in members.enumerated() {
            guard let owner = cells[member].owner, owner != cells[cell].owner else { continue }
            let truth = Double(cells[member].value - cells[member].lowerBound)
            if abs(lowPoint[index] - truth) > 1e-6 || abs(highPoint[index] - truth) > 1e-6 { moved.insert(owner) }
        }
        return moved
    }

    /// Some hidden cells as a linear programme over `x - lowerBound ≥ 0`, with every relation any
    /// of them is in; every other cell of those relations a constant: its published value when
    /// shown, its true value when hidden (a witness holds it there).
    struct Programme: ~Copyable {
        var variable: [Int: Int] = [:]
        var program: LinearProgram
        /// The programme's rows, kept for ``outerBounds(passes:)``.
        private var rows: [LinearProgram.Row] = []

        init(audit: DisclosureAudit, members: [Int]) {
            var index: [Int: Int] = [:]
            for (position, member) in members.enumerated() { index[member] = position }
            var used = Set<Int>()
            for member in members { used.formUnion(audit.relationsOf[member]) }
            var rows: [LinearProgram.Row] = []
            for relation in used.sorted() {
                var terms: [(variable: Int, coefficient: Double)] = []
                var constant = 0.0
                for term in audit.relations[relation].terms {
                    let cell = audit.cells[term.cell]
                    if let variable = index[term.cell] {
                        terms.append((variable, Double(term.coefficient)))
                        constant -= Double(term.coefficient * cell.lowerBound)
                    } else {
                        constant -= Double(term.coefficient * cell.value)
                    }
                }
                rows.append(
                    LinearProgram.Row(
                        terms: terms, isEquality: audit.relations[relation].isEquality, constant: constant))
            }
            variable = index
            self.rows = rows
            program = LinearProgram(variables: members.count, rows: rows)
        }

        /// Bounds every variable is known to keep, from each row in turn (a row's other terms at
        /// their extremes) until they settle: looser than the programme's, never tighter, so a
        /// cell they already narrow to fewer than `threshold` values is exposed without a
        /// programme of its own. (Most exposed cells are pinned by one table whose other cells
        /// are shown.) Meaningful for a whole part, whose other cells are all shown.
        func outerBounds(passes: Int = 20) -> (low: [Double], high: [Double]) {
            let count = variable.count
            var low = [Double](repeating: 0, count: count)
            var high = [Double](repeating: .infinity, count: count)
            for _ in 0..<passes {
                var changed = false
                for row in rows {
                    // Σ coefficient × y at its least and at its most, over the row's terms.
                    var least = 0.0
                    var most = 0.0
                    for term in row.terms {
                        let (a, b) = (term.coefficient * low[term.variable], term.coefficient * high[term.variable])
                        least += min(a, b)
                        most += max(a, b)
                    }
                    for term in row.terms {
                        let (a, b) = (term.coefficient * low[term.variable], term.coefficient * high[term.variable])
                        // The others' least: this term's part of the row is at most the rest.
                        let othersLeast = least - min(a, b)
                        let othersMost = most - max(a, b)
                        var upper = row.constant - othersLeast  // coefficient × y ≤ upper
                        var lower = row.isEquality ? row.constant - othersMost : -Double.infinity
                        if upper.isNaN { upper = .infinity }
                        if lower.isNaN { lower = -.infinity }
                        let (newLow, newHigh) =
                            term.coefficient > 0
                            ? (lower / term.coefficient, upper / term.coefficient)
                            : (upper / term.coefficient, lower / term.coefficient)
                        if newHigh < high[term.variable] - 1e-9 {
                            high[term.variable] = newHigh
                            changed = true
                        }
                        if newLow > low[term.variable] + 1e-9 {
                            low[term.variable] = newLow
                            changed = true
                        }
                    }
                }
                if !changed { break }
            }
            return (low, high)
        }

        /// The whole counts between `lowerBound + low` and `lowerBound + high`, rounded inward.
        static func wholeRange(from lowerBound: Int, low: Double, high: Double) -> ClosedRange<Int> {
            let base = Double(lowerBound)
            let lower = Int((base + low - 1e-3).rounded(.up))
            guard high.isFinite, high < 1e12 else { return lower...Int.max }
            return lower...max(lower, Int((base + high + 1e-3).rounded(.down)))
        }
    }
}
