/// A small dense simplex solver, written for the disclosure audit: the smallest and largest value
/// one variable can take over `{ x ≥ 0 : each row's Σ aᵢxᵢ = b (or ≤ b) }`.
///
/// The tableau method with two phases: phase 1 finds a feasible basis (with one artificial
/// variable per row), and each bound is then found from the last feasible basis (phase 2), so
/// that many bounds over one set of rows cost a few pivots each. Dantzig's rule picks the entering
/// column, and Bland's rule takes over after a run of degenerate pivots, so it cannot cycle.
/// Coefficients in the audit are 0 and ±1 and values are counts, so plain `Double` arithmetic
/// with a tolerance is exact enough; bounds are rounded inward by the caller. The tableau is an
/// ``OwnedBuffer`` (no bounds, uniqueness or exclusivity checks in the pivot's loops), so the
/// programme has one owner and is never copied.
///
/// ```swift
/// // x0 + x1 = 7, x0 ≤ 5
/// var program = LinearProgram(variables: 2, rows: [
///     .init(terms: [(0, 1), (1, 1)], isEquality: true, constant: 7),
///     .init(terms: [(0, 1)], isEquality: false, constant: 5),
/// ])
/// program.makeFeasible()              // true
/// program.maximum(of: 1)              // 7 (to within a nudge of 1e-7)
/// program.minimum(of: 1)              // 2
/// ```
struct LinearProgram: ~Copyable {
    /// One row: `Σ coefficient × x[variable] = constant`, or `≤ constant`.
    struct Row {
        var terms: [(variable: Int, coefficient: Double)]
        var isEquality: Bool
        var constant: Double
    }

    private let rowCount: Int
    /// Rows in use (phase 1 may drop redundant ones).
    private var rows: Int
    /// Columns: the variables, one slack per inequality, one artificial per row (until phase 1
    /// is done and they are dropped), then the constant.
    private var width: Int
    private let firstArtificial: Int
    private var tableau: OwnedBuffer<Double>
    /// Scratch for a pivot: the pivot row's non-zero columns and their values.
    private let pivotColumns: OwnedBuffer<Int>
    private let pivotValues: OwnedBuffer<Double>
    /// The column basic in each row.
    private var basis: [Int]
    /// The reduced costs of the current objective (one per column but the constant), and its value.
    private var reduced: [Double] = []
    private var objective = 0.0
    private static let tolerance = 1e-9

    init(variables: Int, rows: [Row]) {
        rowCount = rows.count
        self.rows = rows.count
        let slacks = rows.filter { !$0.isEquality }.count
        firstArtificial = variables + slacks
        width = firstArtificial + rows.count + 1
        tableau = OwnedBuffer(repeating: 0, count: rows.count * width)
        pivotColumns = OwnedBuffer(repeating: 0, count: width)
        pivotValues = OwnedBuffer(repeating: 0, count: width)
        basis = [Int](repeating: 0, count: rows.count)
        var slack = variables
        for (index, row) in rows.enumerated() {
            // Each row with a non-negative constant, so the starting basis is feasible: the
            // slack of an inequality that holds at zero, else the row's artificial.
            let sign: Double = row.constant < 0 ? -1 : 1
            for term in row.terms {
                tableau[index * width + term.variable] =
                    tableau[index * width + term.variable] + sign * term.coefficient
            }
            basis[index] = firstArtificial + index
            if !row.isEquality {
                tableau[index * width + slack] = sign
                if sign > 0 { basis[index] = slack }
                slack += 1
            }
            if basis[index] >= firstArtificial { tableau[index * width + firstArtificial + index] = 1 }
            // A tiny, different nudge of each row's constant keeps the many ties of count
            // tables (rows at zero) from stalling the method in degenerate pivots; it moves each
            // bound by far less than the inward rounding to whole counts allows for.
            let nudge = LinearProgram.nudge * Double(1 + (index &* 7919) % 101)
            tableau[index * width + width - 1] = sign * row.constant + nudge
        }
    }

    /// The scale of the nudge of each row's constant (bounds move by at most rows × 100 × this).
    static let nudge = 1e-9

    private func value(_ row: Int, _ column: Int) -> Double { tableau[row * width + column] }

    /// Phase 1: finds a basis satisfying every row; `false` when the rows cannot all hold.
    mutating func makeFeasible() -> Bool {
        // Maximise minus the sum of the artificials: reduced costs from the rows they are basic in.
        // Artificials at zero are kept there (they leave as soon as a pivot touches their row),
        // so only those with a positive value are in the objective.
        reduced = [Double](repeating: 0, count: width - 1)
        objective = 0
        for row in 0..<rowCount where basis[row] >= firstArtificial && value(row, width - 1) > 0 {
            for column in 0..<firstArtificial { reduced[column] += value(row, column) }
            reduced[basis[row]] = -1
            objective -= value(row, width - 1)
        }
        for row in 0..<rowCount where basis[row] >= firstArtificial { reduced[basis[row]] = 0 }
        _ = optimise(stopAt: nil, columns: firstArtificial)
        for row in 0..<rowCount where basis[row] >= firstArtificial && value(row, width - 1) > 1e-5 { return false }
        // Artificials left in the basis (at zero) are pivoted out where a real column can take
        // their place; a row where none can is redundant and is dropped.
        var keep: [Int] = []
        for row in 0..<rowCount {
            if basis[row] >= firstArtificial,
                let column = (0..<firstArtificial).first(where: { abs(value(row, $0)) > LinearProgram.tolerance })
            {
                pivot(row: row, column: column)
            }
        }
        for row in 0..<rowCount where basis[row] < firstArtificial { keep.append(row) }
        // Drop the artificial columns and redundant rows.
        let newWidth = firstArtificial + 1
        let compact = OwnedBuffer<Double>(repeating: 0, count: max(1, keep.count * newWidth))
        for (newRow, row) in keep.enumerated() {
            for column in 0..<firstArtificial { compact[newRow * newWidth + column] = value(row, column) }
            compact[newRow * newWidth + firstArtificial] = value(row, width - 1)
        }
        basis = keep.map { basis[$0] }
        tableau = compact
        width = newWidth
        rows = keep.count
        return true
    }

    /// Sets the objective to maximise `sign × x[variable]`: its reduced costs, from the row the
    /// variable is basic in (if any).
    private mutating func setObjective(variable: Int, sign: Double) {
        reduced = [Double](repeating: 0, count: width - 1)
        reduced[variable] = sign
        objective = 0
        if let row = (0..<rows).first(where: { basis[$0] == variable }) {
            for column in 0..<(width - 1) { reduced[column] -= sign * value(row, column) }
            objective = sign * value(row, width - 1)
        }
    }

    /// The current basic solution: every value of the first `variables` variables (0 for a
    /// non-basic one). After ``makeFeasible()`` succeeds, and after every ``minimum(of:stopAt:)``
    /// or ``maximum(of:stopAt:)``, it satisfies every row: a feasible point.
    func solution(variables: Int) -> [Double] {
        var values = [Double](repeating: 0, count: variables)
        for row in 0..<rows where basis[row] < variables { values[basis[row]] = value(row, width - 1) }
        return values
    }

    /// The smallest value of `variable`; stops as soon as it is known to be at most `stopAt`.
    mutating func minimum(of variable: Int, stopAt: Double = -.infinity) -> Double {
        setObjective(variable: variable, sign: -1)
        return -optimise(stopAt: -stopAt, columns: width - 1)
    }

    /// The largest value of `variable` (`.infinity` when unbounded); stops as soon as it is known
    /// to be at least `stopAt`.
    mutating func maximum(of variable: Int, stopAt: Double = .infinity) -> Double {
        setObjective(variable: variable, sign: 1)
        return optimise(stopAt: stopAt, columns: width - 1)
    }

    /// Maximises the objective from the current basis, which must be feasible, over the first
    /// `columns` columns; returns the value reached (`.infinity` when unbounded). Stops early
    /// once the value reaches `stopAt`.
    private mutating func optimise(stopAt: Double?, columns: Int) -> Double {
        var degenerateRun = 0
        while true {
            if let stopAt, objective >= stopAt - LinearProgram.tolerance { return objective }
            var entering = -1
            var best = LinearProgram.tolerance
            let bland = degenerateRun > 50
            var column = 0
            while column < columns {
                if reduced[column] > best {
                    entering = column
                    if bland { break }
                    best = reduced[column]
                }
                column += 1
            }
            if entering < 0 { return objective }
            var leaving = -1
            var ratio = Double.infinity
            var row = -1
            while row + 1 < rows {
                row += 1
                let entry = tableau[row * width + entering]
                // An artificial at zero leaves whatever the sign of the entry (it must stay at zero).
                if basis[row] >= firstArtificial, abs(entry) > LinearProgram.tolerance,
                    tableau[row * width + width - 1] <= LinearProgram.tolerance
                {
                    if leaving < 0 || ratio > 0 || basis[row] < basis[leaving] {
                        ratio = 0
                        leaving = row
                    }
                    continue
                }
                guard entry > LinearProgram.tolerance else { continue }
                let candidate = tableau[row * width + width - 1] / entry
                if candidate < ratio - LinearProgram.tolerance
                    || (candidate <= ratio + LinearProgram.tolerance && leaving >= 0 && basis[row] < basis[leaving])
                {
                    ratio = candidate
                    leaving = row
                }
            }
            if leaving < 0 { return .infinity }
            degenerateRun = ratio <= LinearProgram.tolerance ? degenerateRun + 1 : 0
            pivot(row: leaving, column: entering)
        }
    }

    /// Makes `column` basic in `pivotRow`, updating the other rows and the objective row.
    /// (Plain `while` loops: unoptimised builds, which the tests use, spend most of their time
    /// in generic iterators otherwise.)
    private mutating func pivot(row pivotRow: Int, column: Int) {
        let base = pivotRow * width
        let divisor = tableau[base + column]
        var count = 0
        var index = 0
        while index < width {
            let entry = tableau[base + index]
            if entry != 0 {
                tableau[base + index] = entry / divisor
                pivotColumns[count] = index
                pivotValues[count] = entry / divisor
                count += 1
            }
            index += 1
        }
        var row = 0
        while row < rows {
            let target = row * width
            let factor = tableau[target + column]
            if row != pivotRow, factor != 0 {
                var position = 0
                while position < count {
                    let at = target + pivotColumns[position]
                    tableau[at] = tableau[at] - factor * pivotValues[position]
                    position += 1
                }
                tableau[target + column] = 0
            }
            row += 1
        }
        let factor = reduced[column]
        if factor != 0 {
            var position = 0
            while position < count {
                let at = pivotColumns[position]
                if at < width - 1 { reduced[at] -= factor * pivotValues[position] }
                position += 1
            }
            reduced[column] = 0
            objective += factor * tableau[base + width - 1]
        }
        basis[pivotRow] = column
    }
}
