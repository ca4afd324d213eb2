/// The audit of a suppression pattern, as tau-Argus and sdcTable audit theirs: for every hidden
/// count, the smallest and largest value consistent with everything published, found by linear
/// programming; a pattern passes when every hidden count of 1 to `threshold - 1` keeps an
/// interval of at least `threshold` whole values. ``protect()`` hides more cells until it passes,
/// the cheapest for the report's users first (``Cost``).
///
/// What a reader is assumed to know is written as relations over the cells: tables that add up
/// to their totals (`Σ parts − total = 0`), counts bounded by others (`part − whole ≤ 0`), and
/// each cell's lower bound (0; 1 for a listed histogram bin of the whole area; the known part of
/// a pooled cell). A hidden cell is any value from its lower bound up: one symbol, whatever the
/// reason it is hidden.
///
/// Two ways to decide a cell, both exact in what they prove:
/// - A *part* (the hidden cells linked to it through relations whose other cells are shown) of at
///   most ``exactLimit`` cells is solved as one programme: its bounds are the cell's interval.
/// - Otherwise, and always when some cells belong to publications whose own exact figures a
///   reader may hold (``Cell/owner``), the cell is protected by a *witness*: a programme over the
///   hidden cells near it, every other hidden cell held at its true value. Its feasible points
///   satisfy every relation, so they are points a reader cannot rule out: when they span
///   `threshold` values the cell is protected. When they do not, the cell is treated as exposed
///   (it may not be: hiding one more cell is the safe side).
///
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
struct DisclosureAudit: Sendable {
    /// What hiding a cell costs the report's users, cheapest first: when a count must be hidden to
    /// protect another, the audit hides the cheapest cell that can do it (GaussSuppression's
    /// priority, tau-Argus's cost): a cell of a dearer kind only where no cheaper one near the
    /// exposed count is left. Within a kind, a cell costs its count (a zero more: it can only
    /// grow, so protects less) and its distance from the exposed count.
    enum Cost: Int, Comparable, CaseIterable {
        /// Histogram bins and band-movement cells.
        case detail
        /// Breakdown categories' counts.
        case breakdown
        /// The whole area's and the waiting list's tables: bands, change classes, contact logs,
        /// data quality, scores below the validated age.
        case table
        /// The table cell a report's headline shows: children reliably improved.
        case keyTable
        /// The waiting list's children and its children with a baseline and with a follow-up.
        case waitingSize
        /// The whole area's children and each scale's children with a baseline and with a
        /// follow-up: hidden only where nothing else can protect a count.
        case headline

        static func < (lhs: Cost, rhs: Cost) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    struct Cell {
        /// The true count (for a pooled cell some areas suppressed, its known part).
        let value: Int
        var isShown: Bool
        /// What a reader knows it is at least, when hidden.
        let lowerBound: Int
        /// A count of 1 to `threshold - 1`: the cells the audit protects.
        let isSmall: Bool
        /// What hiding it costs (``Cost``).
        let cost: Cost
        /// Whether the audit may hide it: not a cell of a publication already out (another
        /// area's report) nor a count that is never published.
        let isHideable: Bool
        /// The publication whose own exact figures a reader may hold (an area of a national
        /// picture), or `nil` for the publication audited.
        let owner: Int?
        /// What the count is of (``Family``), so that a witness looks first at counts of the same kind.
        let family: Family

        /// Whether the audit checks this cell.
        var isChecked: Bool { !isShown && isSmall }
    }

    /// What a count is of: a witness (``isProtectedByWitness(_:)``) looks for the counts that can
    /// balance a change among those of the same kind and their group's children, since relations
    /// to counts of other kinds pass mostly through shown totals.
    struct Family: Hashable, Sendable {
        /// The scale (`nil`: no scale: children, contact logs, data quality).
        let scale: ScaleID?
        /// The kind: 0 children, 1 a scale's sizes and reliable-change classes, 2 its other tables,
        /// 3 a contact log's counts, 4 data quality.
        let kind: Int

        static let children = Family(scale: nil, kind: 0)
        static let other = Family(scale: nil, kind: 4)
    }

    /// `Σ coefficient × cell = 0`, or `≤ 0`.
    struct Relation {
        let terms: [(cell: Int, coefficient: Int)]
        let isEquality: Bool
    }

    /// What ``protect()`` did.
    struct Outcome {
        /// The cells it hid.
        let hidden: [Int]
        /// Whether every small hidden count is protected at the end (false only when no cell the
        /// audit may hide is left near an exposed one).
        let passed: Bool
    }

    let threshold: Int
    private(set) var cells: [Cell] = []
    private(set) var relations: [Relation] = []
    /// The relations each cell is in.
    private(set) var relationsOf: [[Int]] = []
    /// Whether some cell has an ``Cell/owner``: then every cell is decided by witnesses that do
    /// without any one owner's cells.
    private var hasOwners = false
    /// Parts of at most this many hidden cells are solved whole.
    static let exactLimit = 600
    /// The most hidden cells a witness's programme holds.
    static let witnessLimit = 400

    init(threshold: Int) { self.threshold = threshold }

    /// Adds a published cell; returns its number. `known` is its lower bound when hidden.
    mutating func add(
        value: Int, shown: Bool, known lowerBound: Int = 0, small: Bool? = nil, cost: Cost = .table,
        hideable: Bool = true, owner: Int? = nil, family: Family = .other
    ) -> Int {
        cells.append(
            Cell(
                value: value, isShown: shown, lowerBound: lowerBound,
                isSmall: small ?? (!shown && value > 0 && value < threshold), cost: cost, isHideable: hideable,
                owner: owner, family: family))
        relationsOf.append([])
        if owner != nil { hasOwners = true }
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

    mutating func show(_ cell: Int) { cells[cell].isShown = true }

    /// The smallest and largest value of a hidden cell consistent with everything shown
    /// (`Int.max` as the upper end when nothing bounds it); `nil` for a shown cell.
    func interval(of cell: Int) -> ClosedRange<Int>? { intervals(of: [cell])[cell] }

    /// ``interval(of:)`` of several hidden cells, each part's programme solved once (whatever
    /// its size: for tests and small audits).
    func intervals(of wanted: [Int]) -> [Int: ClosedRange<Int>] {
        var result: [Int: ClosedRange<Int>] = [:]
        let wantedSet = Set(wanted)
        for cell in wanted where result[cell] == nil && !cells[cell].isShown {
            let members = hiddenPart(containing: cell, limit: Int.max) ?? [cell]
            var part = Programme(audit: self, members: members)
            let found = members.filter { wantedSet.contains($0) }
            guard part.program.makeFeasible() else {
                for member in found { result[member] = cells[member].value...cells[member].value }
                continue
            }
            for member in found {
                let variable = part.variable[member] ?? 0
                let low = part.program.minimum(of: variable)
                let high = part.program.maximum(of: variable)
                result[member] = Programme.wholeRange(from: cells[member].lowerBound, low: low, high: high)
            }
        }
        return result
    }

    /// The small hidden cells whose interval holds fewer than `threshold` values (or which no
    /// witness shows to be protected; see the type's notes).
    func exposedCells() -> [Int] {
        exposedCells(among: cells.indices.filter { cells[$0].isChecked })
    }

    /// ``exposedCells()`` among some small hidden cells only.
    func exposedCells(among candidates: [Int]) -> [Int] {
        if hasOwners { return exposedAmongOwned(candidates) }
        var exposed: [Int] = []
        var decided = Set<Int>()
        let wanted = Set(candidates)
        for cell in candidates where !decided.contains(cell) && cells[cell].isChecked {
            if let members = hiddenPart(containing: cell, limit: DisclosureAudit.exactLimit) {
                let small = members.filter { wanted.contains($0) && cells[$0].isChecked }
                decided.formUnion(small)
                exposed += exposedInPart(members, small: small)
            } else if !isProtectedByWitness(cell) {
                exposed.append(cell)
            }
        }
        return exposed
    }

    /// The hidden cells linked to `first` through relations (itself first), or `nil` when there
    /// are more than `limit`.
    func hiddenPart(containing first: Int, limit: Int) -> [Int]? {
        var order = [first]
        var seen: Set<Int> = [first]
        var next = 0
        while next < order.count {
            let cell = order[next]
            next += 1
            for relation in relationsOf[cell] {
                for term in relations[relation].terms where !cells[term.cell].isShown && seen.insert(term.cell).inserted
                {
                    order.append(term.cell)
                    if order.count > limit { return nil }
                }
            }
        }
        return order
    }

    /// The small cells of one part that are exposed, by the part's whole programme.
    private func exposedInPart(_ members: [Int], small: [Int]) -> [Int] {
        var part = Programme(audit: self, members: members)
        guard part.program.makeFeasible() else { return small }
        var seen = SeenValues(part.program.solution(variables: part.variable.count))
        let outer = part.outerBounds()
        return small.filter { cell in
            isNarrow(cell, low: outer.low[part.variable[cell] ?? 0], high: outer.high[part.variable[cell] ?? 0])
                || !isProtected(cell, in: &part, seen: &seen)
        }
    }

    /// The lowest and highest value each variable of a part has taken at the feasible points the
    /// programme has passed through. Every value between them is possible (the feasible set is
    /// convex), so a cell whose seen values already span `threshold` whole counts is protected
    /// without a programme of its own: its interval can only be wider. This proves protection,
    /// never exposure, so the audit's outcome is the same as solving every cell, only sooner.
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
    /// it fewer than `threshold` values: then it is exposed.
    private func isNarrow(_ cell: Int, low: Double, high: Double) -> Bool {
        guard high < 1e12 else { return false }
        return Programme.wholeRange(from: cells[cell].lowerBound, low: low, high: high).count < threshold
    }

    /// Whether whole counts from `lowest + low` to `lowest + high` are at least `threshold` values.
    func isWide(from lowest: Int, low: Double, high: Double) -> Bool {
        let range = Programme.wholeRange(from: lowest, low: low, high: high)
        return range.upperBound == Int.max || range.count >= threshold
    }

    /// Whether a small hidden cell keeps `threshold` possible values in a part whose programme
    /// is feasible. Its true value is always possible, so each bound stops as soon as the
    /// interval is known to be wide enough, and no bound is sought once the values seen at
    /// the programme's feasible points already show it (``SeenValues``).
    private func isProtected(_ cell: Int, in part: inout Programme, seen: inout SeenValues) -> Bool {
        let variable = part.variable[cell] ?? 0
        let lowest = cells[cell].lowerBound
        let variables = part.variable.count
        if isWide(from: lowest, low: seen.low[variable], high: seen.high[variable]) { return true }
        let low = part.program.minimum(of: variable, stopAt: 0)
        seen.record(part.program.solution(variables: variables))
        if isWide(from: lowest, low: seen.low[variable], high: seen.high[variable]) { return true }
        let start = Int((Double(lowest) + low - 1e-3).rounded(.up))
        let high = part.program.maximum(of: variable, stopAt: Double(start + threshold - 1 - lowest))
        seen.record(part.program.solution(variables: variables))
        return isWide(from: lowest, low: low, high: high)
    }

    /// Hides more cells until no small hidden cell is exposed, the cheapest for the report's
    /// users first (``Cost``): in the first round, for each exposed cell, the cheapest shown cell
    /// the audit may hide near it (``candidate(toProtect:)``); for a cell still exposed, the
    /// cheapest nearby cell whose hiding widens its interval (``usefulCandidate(for:levels:)``);
    /// for one still exposed after that, every cell of the cheapest ``Cost`` within a wider
    /// reach each round, so that it always ends. Hiding a cell can only widen other cells'
    /// intervals (a constant becomes a variable), so after the first round only the cells still
    /// exposed are checked. It stops without passing only when an exposed cell has no cell left
    /// near it that the audit may hide.
    @discardableResult
    mutating func protect() -> Outcome {
        var hidden: [Int] = []
        var exposed = exposedCells()
        var attempts: [Int: Int] = [:]
        var unprotectable = Set<Int>()
        while !exposed.isEmpty {
            var chosen = Set<Int>()
            for cell in exposed where !unprotectable.contains(cell) {
                let attempt = attempts[cell, default: 0]
                attempts[cell] = attempt + 1
                // Cells exposed together often share their best candidate: it is hidden once.
                var found: [Int]
                switch attempt {
                case 0: found = candidate(toProtect: cell).map { [$0] } ?? []
                case 1, 2:
                    found = usefulCandidate(for: cell, levels: 3 + attempt).map { [$0] } ?? []
                    if found.isEmpty { found = cheapestCells(near: cell, levels: 2 + attempt) }
                default: found = cheapestCells(near: cell, levels: 2 + attempt)
                }
                if found.isEmpty { unprotectable.insert(cell) }
                chosen.formUnion(found)
            }
            if chosen.isEmpty { break }
            for cell in chosen.sorted() {
                hide(cell)
                hidden.append(cell)
            }
            exposed = exposedCells(among: exposed)
        }
        return Outcome(hidden: hidden, passed: exposed.isEmpty)
    }

    /// The cheapest shown cell the audit may hide within `levels` relations of an exposed
    /// `cell` (by ``Cost``, then count, then distance; at most 40 tried) whose hiding widens the
    /// cell's interval; `nil` when none does.
    private mutating func usefulCandidate(for cell: Int, levels: Int) -> Int? {
        let candidates = shownCells(near: cell, levels: levels).prefix(40)
        let before = spread(of: cell)
        for candidate in candidates {
            hide(candidate)
            let after = spread(of: cell)
            show(candidate)
            if after > before + 1e-6 { return candidate }
        }
        return nil
    }

    /// How far a hidden cell's interval reaches (largest minus smallest value; infinite when
    /// nothing bounds it): by its whole part when that is small and no cell has an owner, else by
    /// the programme over the cells within three relations of it.
    private func spread(of cell: Int) -> Double {
        let members =
            (hasOwners ? nil : hiddenPart(containing: cell, limit: DisclosureAudit.exactLimit))
            ?? neighbourhood(of: cell, levels: 3)
        var programme = Programme(audit: self, members: members)
        guard programme.program.makeFeasible() else { return 0 }
        let high = programme.program.maximum(of: 0)
        return high.isFinite ? high - programme.program.minimum(of: 0) : .infinity
    }

    /// The shown cells the audit may hide within `rings` relations of `cell` (reached through
    /// hidden cells), in the order found, each with its ring (0: in a relation with `cell`);
    /// `extending`, further out until some are found. One walk for every choice of what to hide.
    private func hideableCells(near cell: Int, rings: Int, extending: Bool) -> [(cell: Int, ring: Int)] {
        var frontier = [cell]
        var seen: Set<Int> = [cell]
        var found: [(cell: Int, ring: Int)] = []
        var ring = 0
        while !frontier.isEmpty, ring < rings || (extending && found.isEmpty) {
            var next: [Int] = []
            for member in frontier {
                for relation in relationsOf[member] {
                    for term in relations[relation].terms where seen.insert(term.cell).inserted {
                        let other = cells[term.cell]
                        if !other.isShown {
                            next.append(term.cell)
                        } else if other.isHideable {
                            found.append((term.cell, ring))
                        }
                    }
                }
            }
            frontier = next
            ring += 1
        }
        return found
    }

    /// The shown cells the audit may hide within `levels` relations of `cell`, cheapest first:
    /// by ``Cost``, then count (a zero last), then distance.
    private func shownCells(near cell: Int, levels: Int) -> [Int] {
        hideableCells(near: cell, rings: levels, extending: false)
            .map { (cell: $0.cell, cost: cost(of: $0.cell, level: $0.ring)) }
            .sorted { ($0.cost, $0.cell) < ($1.cost, $1.cell) }.map(\.cell)
    }

    /// What hiding a shown cell `level` relations from an exposed one costs: its ``Cost`` first,
    /// then its count (a zero more: it can only grow, so protects less), then the distance.
    private func cost(of cell: Int, level: Int) -> Int {
        let found = cells[cell]
        return found.cost.rawValue * 1_000_000 + (found.value == 0 ? 500 : found.value) + 100 * level
    }

    /// The shown cells the audit may hide within `levels` relations of `cell`, or, when there are
    /// none that near, those of the nearest ring that has any; of them, the ones of the cheapest
    /// ``Cost``.
    private func cheapestCells(near cell: Int, levels: Int) -> [Int] {
        let shown = hideableCells(near: cell, rings: levels, extending: true).map(\.cell)
        guard let cheapest = shown.map({ cells[$0].cost }).min() else { return [] }
        return shown.filter { cells[$0].cost == cheapest }
    }

    /// The shown cell to hide next to protect `cell`: the cheapest the audit may hide within
    /// three relations of it (or the nearest found further out), by ``Cost``, then count, then
    /// distance.
    private func candidate(toProtect cell: Int) -> Int? {
        hideableCells(near: cell, rings: 3, extending: true)
            .min { cost(of: $0.cell, level: $0.ring) < cost(of: $1.cell, level: $1.ring) }?.cell
    }

    /// Hidden cells that are not small but whose value a reader can work out exactly (a total
    /// whose parts are all shown, found by propagating bounds through their part): showing them
    /// tells a reader nothing new, so a number hidden in one place is never shown in another.
    func derivableCells() -> [Int] {
        guard !hasOwners else { return [] }
        var derivable: [Int] = []
        var done = Set<Int>()
        for cell in cells.indices where !cells[cell].isShown && !done.contains(cell) {
            guard let members = hiddenPart(containing: cell, limit: DisclosureAudit.exactLimit) else {
                done.insert(cell)
                continue
            }
            done.formUnion(members)
            let part = Programme(audit: self, members: members)
            let outer = part.outerBounds()
            for member in members where cells[member].isHideable && !cells[member].isSmall {
                let variable = part.variable[member] ?? 0
                if outer.high[variable] < 1e12, outer.high[variable] - outer.low[variable] < 1e-6 {
                    derivable.append(member)
                }
            }
        }
        return derivable.sorted()
    }
}
