import Foundation
import Testing

@testable import IVOutcomes

@Suite("Disclosure audit: hidden counts keep wide intervals")
struct DisclosureAuditTests {
    @Test("the linear programme finds both bounds of a variable")
    func linearProgram() {
        // x0 + x1 = 7, x0 ≤ 5: x1 from 2 to 7.
        var program = LinearProgram(
            variables: 2,
            rows: [
                .init(terms: [(0, 1), (1, 1)], isEquality: true, constant: 7),
                .init(terms: [(0, 1)], isEquality: false, constant: 5),
            ])
        let feasible = program.makeFeasible()
        let high = program.maximum(of: 1)
        let low = program.minimum(of: 1)
        let highFirst = program.maximum(of: 0)
        #expect(feasible)
        #expect(abs(high - 7) < 1e-6 && abs(low - 2) < 1e-6 && abs(highFirst - 5) < 1e-6)
        // x0 - x1 = 3 alone: x0 unbounded above.
        var open = LinearProgram(variables: 2, rows: [.init(terms: [(0, 1), (1, -1)], isEquality: true, constant: 3)])
        let openFeasible = open.makeFeasible()
        let unbounded = open.maximum(of: 0)
        let openLow = open.minimum(of: 0)
        #expect(openFeasible && unbounded == .infinity && abs(openLow - 3) < 1e-6)
        // x0 + x1 = -1 has no solution with x ≥ 0.
        var impossible = LinearProgram(
            variables: 2, rows: [.init(terms: [(0, 1), (1, 1)], isEquality: true, constant: -1)])
        let impossibleFeasible = impossible.makeFeasible()
        #expect(!impossibleFeasible)
    }

    /// A 2×2 table with its row, column and grand totals shown; `hidden` cells are hidden.
    static func table(_ values: [[Int]], hidden: Set<Int>) -> (DisclosureAudit, cells: [Int]) {
        var audit = DisclosureAudit(threshold: 5)
        let flat = values.flatMap { $0 }
        let cells = flat.indices.map { audit.add(value: flat[$0], shown: !hidden.contains($0)) }
        let rows = values.indices.map { row in audit.add(value: values[row].reduce(0, +), shown: true) }
        let columns = values[0].indices.map { column in
            audit.add(value: values.map { $0[column] }.reduce(0, +), shown: true)
        }
        for row in values.indices { audit.relate(sum: [cells[2 * row], cells[2 * row + 1]], equals: rows[row]) }
        for column in values[0].indices {
            audit.relate(sum: [cells[column], cells[2 + column]], equals: columns[column])
        }
        return (audit, cells)
    }

    @Test("a 2×2 table with its totals and one hidden cell pins that cell")
    func oneHiddenCellIsPinned() {
        let (audit, cells) = Self.table([[3, 7], [6, 9]], hidden: [0])
        #expect(audit.interval(of: cells[0]) == 3...3)
        #expect(audit.exposedCells() == [cells[0]])
    }

    @Test("complementary cells widen the interval: all four hidden, 3 could be anything from 0 to 9")
    func complementaryCellsWiden() {
        let (audit, cells) = Self.table([[3, 7], [6, 9]], hidden: [0, 1, 2, 3])
        #expect(audit.interval(of: cells[0]) == 0...9)
        #expect(audit.exposedCells().isEmpty)
        // Hiding only the row neighbour still pins it by the column.
        let (row, rowCells) = Self.table([[3, 7], [6, 9]], hidden: [0, 1])
        #expect(row.interval(of: rowCells[0]) == 3...3)
    }

    @Test("protect() hides more until every small count keeps five values")
    func protectHidesMore() {
        var (audit, cells) = Self.table([[3, 7], [6, 9]], hidden: [0])
        let outcome = audit.protect()
        #expect(!outcome.hidden.isEmpty && outcome.passed)
        #expect(audit.exposedCells().isEmpty)
        let interval = audit.interval(of: cells[0])
        #expect(interval.map { $0.upperBound == Int.max || $0.count >= 5 } == true)
    }

    @Test("the reference's example: 27 at latest, 6 and 15 shown, possible and high hidden, pins both")
    func referenceExample() {
        var audit = DisclosureAudit(threshold: 5)
        let total = audit.add(value: 27, shown: true)
        let probable = audit.add(value: 6, shown: true)
        let possible = audit.add(value: 5, shown: false)
        let average = audit.add(value: 15, shown: true)
        let high = audit.add(value: 1, shown: false)
        audit.relate(sum: [probable, possible, average, high], equals: total)
        // Alone, possible + high = 6: high anything from 0 to 6, seven values.
        #expect(audit.interval(of: high) == 0...6)
        // The old report also showed possible as "suppressed" (0 or at least 5) and high as
        // "under 5" (1-4): a reader solving with those facts pins both. With one symbol they
        // are only facts when written down, as here with lower bounds.
        var symbols = DisclosureAudit(threshold: 5)
        let t = symbols.add(value: 27, shown: true)
        let a = symbols.add(value: 6, shown: true)
        let b = symbols.add(value: 5, shown: false, known: 5)
        let c = symbols.add(value: 15, shown: true)
        let d = symbols.add(value: 1, shown: false, known: 1)
        symbols.relate(sum: [a, b, c, d], equals: t)
        #expect(symbols.interval(of: d) == 1...1)
        #expect(symbols.exposedCells() == [d])
    }

    @Test("a count bounded by another: parts at most a whole")
    func inequality() {
        var audit = DisclosureAudit(threshold: 5)
        let whole = audit.add(value: 3, shown: true)
        let part = audit.add(value: 2, shown: false)
        audit.relate(sum: [part], atMost: whole)
        #expect(audit.interval(of: part) == 0...3)
        #expect(audit.exposedCells() == [part])
    }

    @Test("histogram bins a reader knows are at least 1 narrow the interval")
    func lowerBounds() {
        var audit = DisclosureAudit(threshold: 5)
        let total = audit.add(value: 5, shown: true)
        let x = audit.add(value: 2, shown: false, known: 1)
        let y = audit.add(value: 3, shown: false, known: 1)
        audit.relate(sum: [x, y], equals: total)
        #expect(audit.interval(of: x) == 1...4)
        #expect(audit.exposedCells().count == 2)
        _ = audit.protect()
        #expect(audit.exposedCells().isEmpty)
    }

    /// A random table of `rows` × `columns` counts (many of them small) with row, column and
    /// grand totals, a random half of the cells hidden.
    static func randomTable(seed: UInt64, rows: Int, columns: Int) -> DisclosureAudit {
        var generator = SeededGenerator(state: seed)
        var audit = DisclosureAudit(threshold: 5)
        let values = (0..<rows).map { _ in (0..<columns).map { _ in Int(generator.next() % 9) } }
        let cells = values.map { row in row.map { audit.add(value: $0, shown: generator.next() % 2 == 0) } }
        let rowTotals = values.map { audit.add(value: $0.reduce(0, +), shown: generator.next() % 4 != 0) }
        let columnTotals = (0..<columns).map { column in
            audit.add(value: values.map { $0[column] }.reduce(0, +), shown: generator.next() % 4 != 0)
        }
        let grand = audit.add(value: values.joined().reduce(0, +), shown: true)
        for row in 0..<rows { audit.relate(sum: cells[row], equals: rowTotals[row]) }
        for column in 0..<columns { audit.relate(sum: cells.map { $0[column] }, equals: columnTotals[column]) }
        audit.relate(sum: rowTotals, equals: grand)
        return audit
    }

    @Test(
        "the cells found exposed are exactly those whose own interval holds fewer than 5 values, before and after protect()",
        arguments: 0..<24)
    func exposedMatchesEveryInterval(seed: UInt64) {
        // Cells proved protected by the feasible points the programme passes through skip their
        // own bounds: that must never change which cells are exposed.
        var audit = Self.randomTable(seed: seed, rows: 3 + Int(seed % 4), columns: 4 + Int(seed % 3))
        for _ in 0..<2 {
            let checked = audit.cells.indices.filter { audit.cells[$0].isChecked }
            let intervals = audit.intervals(of: checked)
            let narrow = checked.filter { cell in
                intervals[cell].map { $0.upperBound != Int.max && $0.count < 5 } ?? false
            }
            #expect(Set(audit.exposedCells()) == Set(narrow))
            audit.protect()
        }
        #expect(audit.exposedCells().isEmpty)
    }
}
