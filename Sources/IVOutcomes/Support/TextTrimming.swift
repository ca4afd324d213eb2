extension StringProtocol {
    /// The text without the white space at either end, as every cell is read (``CellText``).
    var trimmingSpaces: String { CellText.trimmed(String(self)) }
}
