/// Formats a number with a fixed number of decimals, without Foundation's locale-dependent
/// formatting: `formatNumber(6.7966, decimals: 2)` is `"6.80"`.
package func formatNumber(_ value: Double, decimals: Int) -> String {
    var out = OutputBytes(capacity: 32)
    out.append(number: value, decimals: decimals)
    return out.string
}

/// A JSON number as the text of a cell: a whole number without a fraction (`4.0` is `4`), any
/// other number in full (`4.5`, `1e+20`).
package func numberText(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
