import IVOutcomes

/// `1 row`, `2 rows`: a count with its noun, singular for one.
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}

/// Where a command prints: standard output for results, standard error for messages. Tests use
/// a collecting console to read both.
final class Console {
    let output: ByteWriter
    private let errorWriter: ByteWriter

    init(output: ByteWriter, error: ByteWriter) {
        self.output = output
        self.errorWriter = error
    }

    static func standard() -> Console {
        Console(output: ByteWriter(standardOutput: ()), error: ByteWriter(standardError: ()))
    }

    static func collecting() -> Console {
        Console(output: ByteWriter(collecting: ()), error: ByteWriter(collecting: ()))
    }

    /// Prints a line of results to standard output.
    func print(_ text: String = "") {
        try? output.write(text + "\n")
    }

    /// Prints a line to standard error, at once.
    func error(_ text: String) {
        try? errorWriter.write(text + "\n")
        try? errorWriter.flush()
    }

    func finish() {
        try? output.flush()
        try? errorWriter.flush()
    }

    /// What was printed, for a collecting console.
    var outputText: String {
        try? output.flush()
        return String(decoding: output.collected, as: UTF8.self)
    }

    var errorText: String {
        try? errorWriter.flush()
        return String(decoding: errorWriter.collected, as: UTF8.self)
    }
}
