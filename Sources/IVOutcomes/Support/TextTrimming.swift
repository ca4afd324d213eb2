extension StringProtocol {
    /// The text without leading or trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        let scalars = Substring(self).unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...last])
    }
}
