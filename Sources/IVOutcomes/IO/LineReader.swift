#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file line by line in chunks, handing out each line's bytes without its line end. Every
/// line is checked to be UTF-8 (see ``TextInput`` for other encodings).
final class LineReader {
    let file: String
    private let input: TextInput
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private(set) var line = 0
    private var current: Range<Int> = 0..<0

    init(_ source: TextSource, encoding: TextEncoding? = nil) throws(InputError) {
        file = source.name
        input = try TextInput(source, encoding: encoding)
    }

    /// Advances to the next line; `false` at the end of the file.
    func next() throws(InputError) -> Bool {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                try take(start..<end)
                start = newline + 1
                return true
            }
            if atEnd {
                guard start < buffer.count else { return false }
                try take(start..<buffer.count)
                start = buffer.count
                return true
            }
            buffer.removeSubrange(0..<start)
            start = 0
            let old = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: 1 << 20))
            let got = try buffer.withMutableView { (bytes) throws(InputError) in
                try input.read(into: bytes.extracting(old..<bytes.count))
            }
            buffer.removeLast((1 << 20) - got)
            if got == 0 { atEnd = true }
        }
    }

    private func take(_ range: Range<Int>) throws(InputError) {
        line += 1
        current = range
        try buffer.withView { (all) throws(InputError) in
            let bytes = all.extracting(range)
            if let bad = UTF8Check.firstInvalidByte(in: bytes) {
                throw CSVReader.notUTF8(file: file, bytes, at: bad, firstLine: line)
            }
        }
    }

    /// The current line's bytes.
    var bytes: ArraySlice<UInt8> { buffer[current] }
}
