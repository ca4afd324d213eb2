/// The audit of a suppression pattern, as tau-Argus and sdcTable audit theirs: for every hidden
/// count, the smallest and largest value consistent with everything published, found by linear
/// programming; a pattern passes when every hidden count of 1 to `threshold - 1` keeps an
/// interval of at least `threshold` whole values. ``protect()`` hides more cells until it passes.
///
/// What a reader is assumed to know is written as relations over the cells: tables that add up
/// to their totals (`Σ parts − total = 0`), counts bounded by others (`part − whole ≤ 0`), and
/// each cell's lower bound (0; 1 for a listed histogram bin of the whole area; the known part of
/// a pooled cell). A hidden cell is any value from its lower bound up: one symbol, whatever the
/// reason it is hidden.
///
/// The problem is split into independent parts (hidden cells linked through relations whose
/// other cells are hidden), which is exact: a relation between shown cells only says nothing.
/// Bounds are those of the linear relaxation, rounded inward to whole counts (the method of the
/// official tools); the integer bounds can only be narrower by less than one value each side.
///
/// ```swift
/// // a + b = 7 (shown), a hidden (true 3), b hidden (true 4): a is anything from 0 to 7.
/// var audit = DisclosureAudit(threshold: 5)
/// let a = audit.add(value: 3, shown: false)
/// let b = audit.add(value: 4, shown: false)
/// let total = audit.add(value: 7, shown: true)
/// audit.relate(sum: [a, b], equals: total)
/// audit.interval(of: a)    // 0...7
/// ```
struct DisclosureAudit {
    struct Cell {
        /// The true count (for a pooled cell some areas suppressed, its known part).
        let value: Int
        var isShown: Bool
        /// What a reader knows it is at least, when hidden.
        let lowerBound: Int
        /// A count of 1 to `threshold - 1`: the cells the audit protects.
        let isSmall: Bool
        /// A group's size (children, with a baseline, followed up): hidden only as a last resort.
        let isTotal: Bool
        /// For a sum standing for interchangeable hidden groups (whose small counts can be
        /// anything from 0 to this sum's largest value): the value that largest must reach.
        let mustReach: Int?

        /// Whether the audit checks this cell.
        var isChecked: Bool { !isShown && (isSmall || mustReach != nil) }
    }

    /// `Σ coefficient × cell = 0`, or `≤ 0`.
    struct Relation {
        let terms: [(cell: Int, coefficient: Int)]
        let isEquality: Bool
    }

    let threshold: Int
    private(set) var cells: [Cell] = []
    private(set) var relations: [Relation] = []
    /// The relations each cell is in.
    private var relationsOf: [[Int]] = []

    init(threshold: Int) { self.threshold = threshold }

    /// Adds a published cell; returns its number. `known` is its lower bound when hidden.
    /// `total` marks a group's size, hidden to protect others only as a last resort;
    /// `mustReach`, a sum whose largest possible value must reach it.
    mutating func add(
        value: Int, shown: Bool, known lowerBound: Int = 0, small: Bool? = nil, total: Bool = false,
        mustReach: Int? = nil
    ) -> Int {
        cells.append(
            Cell(
                value: value, isShown: shown, lowerBound: lowerBound,
                isSmall: small ?? (!shown && value > 0 && value < threshold), isTotal: total, mustReach: mustReach))
        relationsOf.append([])
        return cells.count - 1
    }

    private mutating func relate(_ terms: [(cell: Int, coefficient: Int)], isEquality: Bool) {
        guard !terms.isEmpty else { return }
        relations.append(Relation(terms: terms, isEquality: isEquality))
        for term in terms { relationsOf[term.cell].append(relations.count - 1) }
    }

    /// The parts add up to the total.
    mutating func relate(sum parts: [Int], equals total: Int) {
        relate(parts.map { ($0, 1) } + [(total, -1)], isEquality: true)
    }

    /// The parts add up to at most the whole.
    mutating func relate(sum parts: [Int], atMost whole: Int) {
        relate(sum: parts, atMostSumOf: [whole])
    }

    /// The parts add up to at most the sum of the wholes.
    mutating func relate(sum parts: [Int], atMostSumOf wholes: [Int]) {
        relate(parts.map { ($0, 1) } + wholes.map { ($0, -1) }, isEquality: false)
    }

    mutating func hide(_ cell: Int) { cells[cell].isShown = false }

    /// The smallest and largest value of a hidden cell consistent with everything shown
    /// (`Int.max` as the upper end when nothing bounds it); `nil` for a shown cell.
    func interval(of cell: Int) -> ClosedRange<Int>? { intervals(of: [cell])[cell] }

    /// ``interval(of:)`` of several hidden cells, each part's programme solved once.
    func intervals(of wanted: [Int]) -> [Int: ClosedRange<Int>] {
        var result: [Int: ClosedRange<Int>] = [:]
        let wantedSet = Set(wanted)
        for cell in wanted where result[cell] == nil && !cells[cell].isShown {
            var part = Part(audit: self, containing: cell)
            let members = part.cells.filter { wantedSet.contains($0) }
            guard part.program.makeFeasible() else {
                for member in members { result[member] = cells[member].value...cells[member].value }
                continue
            }
            for member in members {
                let variable = part.variable[member] ?? 0
                let low = part.program.minimum(of: variable)
                let high = part.program.maximum(of: variable)
                result[member] = part.wholeRange(member, low: low, high: high)
            }
        }
        return result
    }

    /// The small hidden cells whose interval holds fewer than `threshold` whole values.
    func exposedCells() -> [Int] {
        exposedCells(among: cells.indices.filter { cells[$0].isChecked })
    }

    /// ``exposedCells()`` among some small hidden cells only.
    private func exposedCells(among candidates: [Int]) -> [Int] {
        var exposed: [Int] = []
        var done = Set<Int>()
        let wanted = Set(candidates)
        for cell in candidates where !done.contains(cell) {
            var part = Part(audit: self, containing: cell)
            done.formUnion(part.cells)
            let small = part.cells.filter { wanted.contains($0) }
            guard part.program.makeFeasible() else {
                exposed += small
                continue
            }
            var seen = SeenValues(part.program.solution(variables: part.variable.count))
            let outer = part.outerBounds()
            exposed += small.filter { cell in
                isNarrow(cell, low: outer.low[part.variable[cell] ?? 0], high: outer.high[part.variable[cell] ?? 0])
                    || !isProtected(cell, in: &part, seen: &seen)
            }
        }
        return exposed
    }

    /// The lowest and highest value each variable of a part has taken at the feasible points the
    /// programme has passed through. Every value between them is possible (the feasible set is
    /// convex), so a cell whose seen values already span `threshold` whole counts is protected
    /// without a programme of its own: its interval can only be wider. This proves protection,
    /// never exposure, so the audit's outcome is the same as solving every cell, only sooner (a
    /// children file with many one-child categories hides hundreds of linked cells).
    private struct SeenValues {
        var low: [Double]
        var high: [Double]

        init(_ point: [Double]) {
            low = point
            high = point
        }

        mutating func record(_ point: [Double]) {
            for index in point.indices {
                if point[index] < low[index] { low[index] = point[index] }
                if point[index] > high[index] { high[index] = point[index] }
            }
        }
    }

    /// Whether outer bounds of a small hidden cell (bounds its interval lies within) already leave
    /// it fewer than `threshold` values, or short of the value it must reach: then it is exposed.
    private func isNarrow(_ cell: Int, low: Double, high: Double) -> Bool {
        guard high < 1e12 else { return false }
        let lowest = cells[cell].lowerBound
        if let reach = cells[cell].mustReach { return high + Double(lowest) < Double(reach) - 1e-3 }
        return Part.wholeRange(from: lowest, low: low, high: high).count < threshold
    }

    /// Whether a small hidden cell keeps `threshold` possible values in a part whose programme
    /// is feasible. Its true value is always possible, so each bound stops as soon as the
    /// interval is known to be wide enough, and no bound is sought once the values seen at
    /// the programme's feasible points already show it (``SeenValues``).
    private func isProtected(_ cell: Int, in part: inout Part, seen: inout SeenValues) -> Bool {
        let variable = part.variable[cell] ?? 0
        let lowest = cells[cell].lowerBound
        let variables = part.variable.count
        if let reach = cells[cell].mustReach {
            let enough = { (high: Double) in high + Double(lowest) >= Double(reach) - 1e-3 }
            if enough(seen.high[variable]) { return true }
            return enough(part.program.maximum(of: variable, stopAt: Double(reach - lowest)))
        }
        let wide = { [threshold] (low: Double, high: Double) -> Bool in
            let range = Part.wholeRange(from: lowest, low: low, high: high)
            return range.upperBound == Int.max || range.count >= threshold
        }
        if wide(seen.low[variable], seen.high[variable]) { return true }
        let low = part.program.minimum(of: variable, stopAt: 0)
        seen.record(part.program.solution(variables: variables))
        if wide(seen.low[variable], seen.high[variable]) { return true }
        let start = Int((Double(lowest) + low - 1e-3).rounded(.up))
        let high = part.program.maximum(of: variable, stopAt: Double(start + threshold - 1 - lowest))
        seen.record(part.program.solution(variables: variables))
        return wide(low, high)
    }

    /// Hides more cells until no small hidden cell is exposed: for each exposed cell, the
    /// cheapest shown cell near it (``candidate(toProtect:)``); for a cell still exposed after
    /// two rounds, every shown cell of its relations, then of theirs, and so on, so that it
    /// always ends. Returns the cells it hid. Hiding a cell can only widen other cells'
    /// intervals (a constant becomes a variable), so after the first round only the cells still
    /// exposed are checked.
    @discardableResult
    mutating func protect() -> [Int] {
        var hidden: [Int] = []
        var exposed = exposedCells()
        var attempts: [Int: Int] = [:]
        while !exposed.isEmpty {
            var chosen = Set<Int>()
            for cell in exposed {
                let attempt = attempts[cell, default: 0]
                attempts[cell] = attempt + 1
                // Cells exposed together often share their best candidate: it is hidden once.
                if attempt < 2 {
                    if let next = candidate(toProtect: cell) { chosen.insert(next) }
                } else {
                    chosen.formUnion(shownCells(near: cell, levels: attempt - 1))
                }
            }
            // A part with no shown cell left is unbounded above: nothing left to hide cannot
            // leave a cell exposed, but stop rather than loop.
            if chosen.isEmpty { return hidden }
            for cell in chosen.sorted() {
                hide(cell)
                hidden.append(cell)
            }
            exposed = exposedCells(among: exposed)
        }
        return hidden
    }

    /// The shown cells within `levels` relations of `cell` (through hidden cells), or, when
    /// there are none that near, those of the nearest level that has any: a cell whose every
    /// neighbour is already hidden is still bounded by shown cells further out.
    private func shownCells(near cell: Int, levels: Int) -> [Int] {
        var frontier = [cell]
        var seen: Set<Int> = [cell]
        var shown: [Int] = []
        var level = 0
        while !frontier.isEmpty, level < levels || shown.isEmpty {
            level += 1
            var next: [Int] = []
            for member in frontier {
                for relation in relationsOf[member] {
                    for term in relations[relation].terms where seen.insert(term.cell).inserted {
                        if cells[term.cell].isShown { shown.append(term.cell) } else { next.append(term.cell) }
                    }
                }
            }
            frontier = next
        }
        return shown
    }

    /// The shown cell to hide next to protect `cell`: the cheapest within three relations of
    /// it, a cell further out costing more. A cell costs its count (hiding little), a zero more
    /// (it can only grow, so protects less), a total (``Cell/isTotal``) most (hiding it
    /// withdraws its group's statistics).
    private func candidate(toProtect cell: Int) -> Int? {
        var frontier = [cell]
        var seen: Set<Int> = [cell]
        var seenRelations = Set<Int>()
        var best: (cell: Int, cost: Int)?
        var level = 0
        while !frontier.isEmpty, level < 3 || best == nil {
            var next: [Int] = []
            for member in frontier {
                for relation in relationsOf[member] where seenRelations.insert(relation).inserted {
                    for term in relations[relation].terms where seen.insert(term.cell).inserted {
                        let found = cells[term.cell]
                        guard found.isShown else {
                            next.append(term.cell)
                            continue
                        }
                        let cost =
                            (found.isTotal ? 10_000 : 0) + (found.value == 0 ? 500 : found.value) + 100 * level
                        if best.map({ cost < $0.cost }) ?? true { best = (term.cell, cost) }
                    }
                }
            }
            frontier = next
            level += 1
        }
        return best?.cell
    }

    /// The hidden cells linked to one cell through relations, as a linear programme over
    /// `x - lowerBound ≥ 0`, shown cells folded into the constants.
    private struct Part: ~Copyable {
        var cells: [Int] = []
        var variable: [Int: Int] = [:]
        var program: LinearProgram
        private var lowerBounds: [Int: Int] = [:]
        /// The programme's rows, kept for ``outerBounds()``.
        private var rows: [LinearProgram.Row] = []

        /// The hidden cells linked to `first` through relations, with every relation any of them is in.
        init(audit: DisclosureAudit, containing first: Int) {
            var order = [first]
            var index: [Int: Int] = [first: 0]
            var used = Set<Int>()
            var next = 0
            while next < order.count {
                let cell = order[next]
                next += 1
                for relation in audit.relationsOf[cell] {
                    used.insert(relation)
                    for term in audit.relations[relation].terms
                    where !audit.cells[term.cell].isShown && index[term.cell] == nil {
                        index[term.cell] = index.count
                        order.append(term.cell)
                    }
                }
            }
            let members = order
            var rows: [LinearProgram.Row] = []
            for relation in used.sorted() {
                var terms: [(variable: Int, coefficient: Double)] = []
                var constant = 0.0
                for term in audit.relations[relation].terms {
                    let cell = audit.cells[term.cell]
                    if cell.isShown {
                        constant -= Double(term.coefficient * cell.value)
                    } else {
                        terms.append((index[term.cell] ?? 0, Double(term.coefficient)))
                        constant -= Double(term.coefficient * cell.lowerBound)
                    }
                }
                rows.append(
                    LinearProgram.Row(
                        terms: terms, isEquality: audit.relations[relation].isEquality, constant: constant))
            }
            cells = members
            variable = index
            for member in members { lowerBounds[member] = audit.cells[member].lowerBound }
            self.rows = rows
            program = LinearProgram(variables: index.count, rows: rows)
        }

        /// Bounds every variable is known to keep, from each row in turn (a row's other terms at
        /// their extremes) until they settle: looser than the programme's, never tighter, so a
        /// cell they already narrow to fewer than `threshold` values is exposed without a
        /// programme of its own. (Most exposed cells are pinned by one table whose other cells
        /// are shown.)
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

        /// The whole counts between the programme's bounds of `cell`, rounded inward.
        func wholeRange(_ cell: Int, low: Double, high: Double) -> ClosedRange<Int> {
            Part.wholeRange(from: lowerBounds[cell] ?? 0, low: low, high: high)
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
