/// How small numbers are kept out of every aggregate output: any count from 1 to
/// `threshold - 1` is hidden, statistics of a group smaller than the threshold are not shown, and
/// a second cell is hidden wherever the first could be worked out from a total. This is the
/// first pattern; ``ReportView`` then audits it (`DisclosureAudit`) and hides more where a
/// reader could still narrow a hidden count.
public struct SuppressionPolicy: Sendable, Hashable {
    /// The smallest count shown. 5 unless raised, or lowered on purpose.
    public let threshold: Int

    /// - Throws: ``SuppressionError`` for a threshold below 5 without `allowSmallNumbers`, or below 1.
    public init(threshold: Int = 5, allowSmallNumbers: Bool = false) throws(SuppressionError) {
        guard threshold >= 1 else { throw .belowOne(threshold) }
        guard threshold >= 5 || allowSmallNumbers else { throw .belowFive(threshold) }
        self.threshold = threshold
    }

    /// The standard policy: counts under 5 suppressed.
    public static let standard = SuppressionPolicy(checkedThreshold: 5)

    private init(checkedThreshold: Int) { threshold = checkedThreshold }

    /// A count as it may be shown, before secondary suppression.
    public func primary(_ count: PoolableCount) -> ReportedCount {
        if count.value > 0, count.value < threshold { return .underThreshold }
        if !count.isComplete { return .incomplete(partial: count.value, areas: count.areasSuppressed) }
        return .count(count.value)
    }

    /// Counts that add up to a total shown elsewhere: if exactly one is suppressed it could be
    /// recovered by subtraction, so the next smallest is suppressed too.
    public func suppress(_ counts: [PoolableCount]) -> [ReportedCount] {
        var cells = counts.map(primary)
        protect(&cells)
        return cells
    }

    /// A table whose rows and columns both add up to totals shown elsewhere (band movement):
    /// cells are suppressed until no row or column has a single suppressed cell.
    public func suppress(table counts: [[PoolableCount]]) -> [[ReportedCount]] {
        protect(table: counts.map { $0.map(primary) })
    }

    /// Further suppression of cells already shown or hidden, so that no row or column is left
    /// with a single hidden cell.
    func protect(table: [[ReportedCount]]) -> [[ReportedCount]] {
        var cells = table
        var changed = true
        while changed {
            changed = false
            for row in cells.indices {
                let before = cells[row].filter(\.isHidden).count
                protect(&cells[row])
                if cells[row].filter(\.isHidden).count != before { changed = true }
            }
            for column in cells.first.map({ $0.indices }) ?? 0..<0 {
                var line = cells.map { $0[column] }
                let before = line.filter(\.isHidden).count
                protect(&line)
                if line.filter(\.isHidden).count != before {
                    changed = true
                    for row in cells.indices { cells[row][column] = line[row] }
                }
            }
        }
        return cells
    }

    /// Hides the next smallest cell when exactly one of `cells` is hidden.
    private func protect(_ cells: inout [ReportedCount]) {
        let hidden = cells.indices.filter { cells[$0].isHidden }
        guard hidden.count == 1 else { return }
        let current = cells
        let candidates = current.indices.filter { !current[$0].isHidden }
        let shownValue = { (index: Int) -> Int in
            if case .count(let value) = current[index] { return value }
            if case .incomplete(let value, _) = current[index] { return value }
            return 0
        }
        // Prefer a non-zero cell: hiding a zero protects nothing when the others are known.
        let nonZero = candidates.filter { shownValue($0) > 0 }
        if let next = (nonZero.isEmpty ? candidates : nonZero).min(by: { shownValue($0) < shownValue($1) }) {
            cells[next] = .secondary
        }
    }
}
