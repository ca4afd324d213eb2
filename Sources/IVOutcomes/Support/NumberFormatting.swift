/// Formats a number with a fixed number of decimals, without Foundation's locale-dependent
/// formatting: `formatNumber(6.7966, decimals: 2)` is `"6.80"`.
package func formatNumber(_ value: Double, decimals: Int) -> String {
    var out = OutputBytes(capacity: 32)
    out.append(number: value, decimals: decimals)
    return out.string
}
