#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file line by line in chunks, handing out each line's bytes without its line end.
final class LineReader {
    let file: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private(set) var line = 0
    private var current: Range<Int> = 0..<0

    init(path: String) throws(InputError) {
        file = path
        descriptor = try CSVReader.openForReading(path)
        ownsDescriptor = path != "-"
    }

    deinit { if ownsDescriptor { close(descriptor) } }

    /// Advances to the next line; `false` at the end of the file.
    func next() throws(InputError) -> Bool {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                current = start..<end
                start = newline + 1
                line += 1
                return true
            }
            if atEnd {
                guard start < buffer.count else { return false }
                current = start..<buffer.count
                start = buffer.count
                line += 1
                return true
            }
            buffer.removeSubrange(0..<start)
            start = 0
            let old = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: 1 << 20))
            let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress.map { $0 + old }, 1 << 20) }
            if got < 0 { throw .unreadable(file: file, reason: CSVReader.errorText(errno)) }
            buffer.removeLast((1 << 20) - got)
            if got == 0 { atEnd = true }
            if line == 0, old == 0, buffer.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        }
    }

    /// The current line's bytes.
    var bytes: ArraySlice<UInt8> { buffer[current] }
}
