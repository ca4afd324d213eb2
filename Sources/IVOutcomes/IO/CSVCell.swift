/// Writing CSV cells that are safe to open in a spreadsheet.
enum CSVCell {
    /// Appends a cell, quoting it when it holds a comma, quote or line break, and neutralising a
    /// leading `=`, `+`, `-`, `@`, tab or carriage return with a `'` so a spreadsheet never runs
    /// it as a formula.
    ///
    /// `padded` says that 16 bytes can be read from the start of `bytes` whatever their count
    /// (bytes in a ``CSVReader`` or ``OutputBytes`` buffer): a short cell is then checked and copied
    /// 16 bytes at a time.
    @inline(__always)
    static func append(_ bytes: ByteView, padded: Bool = false, to out: inout OutputBytes) {
        if padded, bytes.count <= 16, !bytes.isEmpty, !isFormulaStart(bytes[0]) {
            appendShort(bytes, to: &out)
            return
        }
        appendChecked(bytes, to: &out)
    }

    @inline(__always)
    private static func appendShort(_ bytes: ByteView, to out: inout OutputBytes) {
        let count = bytes.count
        let low = bytes.paddedWord(at: 0)
        let high = count > 8 ? bytes.paddedWord(at: 8) : 0
        // The top bit of each byte of the cell that is a comma, quote or line break.
        let special =
            (ByteMask.csvSpecial(low) & ByteMask.firstBytes(count))
            | (ByteMask.csvSpecial(high) & ByteMask.firstBytes(max(0, count - 8)))
        if special != 0 {
            appendChecked(bytes, to: &out)
        } else {
            out.appendShort(bytes, at: 0, count: count)
        }
    }

    private static func appendChecked(_ bytes: ByteView, to out: inout OutputBytes) {
        var needsQuotes = false
        for byte in bytes where needsQuoting(byte) {
            needsQuotes = true
            break
        }
        let neutralise = bytes.first.map { isFormulaStart($0) } ?? false
        if !needsQuotes && !neutralise {
            out.append(bytes)
            return
        }
        if needsQuotes { out.append(34) }
        if neutralise { out.append(UInt8(ascii: "'")) }
        for byte in bytes {
            out.append(byte)
            if byte == 34 { out.append(34) }
        }
        if needsQuotes { out.append(34) }
    }

    /// The rule for a cell that must be quoted: it holds a comma, a quote or a line break. (The
    /// fast paths test 8 bytes at once with ``ByteMask/csvSpecial(_:delimiter:)``, the same set.)
    @inline(__always)
    static func needsQuoting(_ byte: UInt8) -> Bool { byte == 44 || byte == 34 || byte == 10 || byte == 13 }

    /// What joins several problems in one cell.
    static let problemSeparator = "; "

    /// Appends ``problemSeparator``.
    @inline(__always)
    static func appendProblemSeparator(to out: inout OutputBytes) {
        out.append(59)
        out.append(32)
    }

    /// Appends one cell holding every problem's text, joined by ``problemSeparator``, without
    /// building the string.
    static func append(_ problems: [RowProblem], to out: inout OutputBytes) {
        var needsQuotes = false
        for problem in problems {
            if let column = problem.column, needsQuoting(column) { needsQuotes = true }
            if needsQuoting(problem.message) { needsQuotes = true }
        }
        let first = problems.first.map { $0.column ?? $0.message }?.utf8.first
        let neutralise = first.map(isFormulaStart) ?? false
        if needsQuotes { out.append(34) }
        if neutralise { out.append(UInt8(ascii: "'")) }
        for (index, problem) in problems.enumerated() {
            if index > 0 { appendProblemSeparator(to: &out) }
            if let column = problem.column {
                appendText(column, quoted: needsQuotes, to: &out)
                out.append(58)
                out.append(32)
            }
            appendText(problem.message, quoted: needsQuotes, to: &out)
        }
        if needsQuotes { out.append(34) }
    }

    private static func needsQuoting(_ text: String) -> Bool {
        text.utf8.contains(where: needsQuoting)
    }

    private static func appendText(_ text: String, quoted: Bool, to out: inout OutputBytes) {
        guard quoted, text.utf8.contains(34) else {
            out.append(text)
            return
        }
        for byte in text.utf8 {
            out.append(byte)
            if byte == 34 { out.append(34) }
        }
    }

    static func append(_ text: String, to out: inout OutputBytes) {
        text.withUTF8View { append($0, to: &out) }
    }

    /// A cell as text, quoted and neutralised as ``append(_:padded:to:)`` writes it.
    static func field(_ text: String) -> String {
        var out = OutputBytes(capacity: text.utf8.count + 8)
        append(text, to: &out)
        return out.string
    }

    static func isFormulaStart(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@")
            || byte == 9 || byte == 13
    }
}
