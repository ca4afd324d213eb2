extension DisclosureAudit {
    /// Whether feasible points near a small hidden cell show that it keeps `threshold` values, in
    /// an audit without owners (those go through ``exposedAmongOwned(_:)``).
    ///
    /// A programme over the hidden cells within one relation of the cell, then two, and so on
    /// (at most ``witnessLimit`` cells), every other hidden cell held at its true value: its
    /// feasible points satisfy every relation, so a reader cannot rule them out. `false` when the
    /// part is exhausted or the limit reached first.
    func isProtectedByWitness(_ cell: Int) -> Bool {
        var levels = 1
        var previous = 0
        while true {
            let members = neighbourhood(of: cell, levels: levels)
            guard members.count > previous else { return false }
            previous = members.count
            var programme = Programme(audit: self, members: members)
            if programme.program.makeFeasible(), extremePoints(cell, in: &programme, variables: members.count) != nil {
                return true
            }
            if members.count >= DisclosureAudit.witnessLimit { return false }
            levels += 1
        }
    }

    /// The hidden cells within `levels` relations of `cell` (itself first, then by distance), at
    /// most `limit`: of the publication audited and of the owners in `team` (`nil`: any owner's);
    /// `pruned`, only counts near the cell's own ``Family`` (its scale's, its group's children,
    /// the logs', data quality).
    func neighbourhood(
        of cell: Int, levels: Int, team: Set<Int>? = nil, pruned: Bool = false,
        limit: Int = DisclosureAudit.witnessLimit
    ) -> [Int] {
        var order = [cell]
        var seen: Set<Int> = [cell]
        var frontier = [cell]
        let family = cells[cell].family
        // Counts of the cell's own scale and children; from children, every scale's sizes and the
        // logs; from a log's count, the logs and children; from data quality, anything.
        let near = { (other: Family) -> Bool in
            guard pruned else { return true }
            switch family.kind {
            case 0: return other.kind <= 1 || other.kind == 3
            case 1, 2: return other.scale == family.scale || other == .children || other == .other
            case 3: return other.kind == 3 || other == .children
            default: return true
            }
        }
        for _ in 0..<levels where !frontier.isEmpty {
            var next: [Int] = []
            for member in frontier {
                for relation in relationsOf[member] {
                    for term in relations[relation].terms
                    where !cells[term.cell].isShown && near(cells[term.cell].family) {
                        let owner = cells[term.cell].owner
                        let inTeam = team.map { team in owner.map(team.contains) ?? true } ?? true
                        guard inTeam, seen.insert(term.cell).inserted else { continue }
                        order.append(term.cell)
                        next.append(term.cell)
                        if order.count >= limit { return order }
                    }
                }
            }
            frontier = next
        }
        return order
    }

    /// The programme's feasible points with `cell` at its lowest and at its highest (each search
    /// stopping once `threshold` values are reached), when they span enough; else `nil`.
    func extremePoints(_ cell: Int, in programme: inout Programme, variables: Int) -> [[Double]]? {
        guard let variable = programme.variable[cell] else { return nil }
        let lowest = cells[cell].lowerBound
        let low = programme.program.minimum(of: variable, stopAt: 0)
        let lowPoint = programme.program.solution(variables: variables)
        let start = Int((Double(lowest) + low - 1e-3).rounded(.up))
        let high = programme.program.maximum(of: variable, stopAt: Double(start + threshold - 1 - lowest))
        let highPoint = programme.program.solution(variables: variables)
        return isWide(from: lowest, low: low, high: high) ? [lowPoint, highPoint] : nil
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
