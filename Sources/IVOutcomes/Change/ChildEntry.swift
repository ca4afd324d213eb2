/// One child in the order the tracker reports children: a child with rows (by its number in the
/// tracker), or a child of the children file without any row (by its position in the file).
enum ChildEntry: Sendable, Hashable {
    /// A child with rows: its number in the tracker's ledger.
    case tracked(Int)
    /// A child of the register (the children file) who has no rows: its position there.
    case registerOnly(Int)

    /// The child's number in the ledger, or `nil` for a register-only child.
    var state: Int? {
        if case .tracked(let index) = self { return index }
        return nil
    }
}
