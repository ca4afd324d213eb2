#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An input file's text as UTF-8 bytes, for the readers: it opens the file (`-` is standard
/// input), drops a byte-order mark, and converts UTF-16 (announced by its byte-order mark, or
/// asked for) and Windows-1252 (asked for) to UTF-8 as it reads. A UTF-8 file's bytes are passed
/// on as they are; the readers check them (``UTF8Check``).
final class TextInput {
    let file: String
    let descriptor: Int32
    private let ownsDescriptor: Bool
    /// The file's encoding, after its byte-order mark.
    private(set) var encoding: TextEncoding
    /// The text of an input held in memory (``descriptor`` is then -1), and how much of it is read.
    private let memory: [UInt8]?
    private var memoryOffset = 0
    private var bigEndian = false
    /// Bytes read but not yet handed out: the start of a UTF-8 file (read to look for a
    /// byte-order mark), or raw bytes of a converted file cut off inside a character.
    private var pending: [UInt8] = []
    private var fileEnded = false
    /// Where conversion is, for messages: the line and the character in it.
    private var line = 1
    private var column = 1

    /// Opens `path`, refusing folders.
    init(path: String, encoding requested: TextEncoding? = nil) throws(InputError) {
        file = path
        memory = nil
        if path == "-" {
            descriptor = 0
            ownsDescriptor = false
        } else {
            let opened = open(path, O_RDONLY)
            guard opened >= 0 else { throw .unreadable(file: path, reason: TextInput.errorText(errno)) }
            var status = stat()
            if fstat(opened, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
                close(opened)
                throw .unreadable(file: path, reason: "it is a folder")
            }
            descriptor = opened
            ownsDescriptor = true
        }
        encoding = .utf8
        try start(requested: requested)
    }

    /// Reads a file or text held in memory.
    convenience init(_ source: TextSource, encoding requested: TextEncoding? = nil) throws(InputError) {
        switch source {
        case .file(let path): try self.init(path: path, encoding: requested)
        case .memory(let name, let bytes): try self.init(name: name, bytes: bytes, encoding: requested)
        }
    }

    /// Reads text held in memory, named `name` in messages.
    init(name: String, bytes: [UInt8], encoding requested: TextEncoding? = nil) throws(InputError) {
        file = name
        memory = bytes
        descriptor = -1
        ownsDescriptor = false
        encoding = .utf8
        try start(requested: requested)
    }

    /// Reads the first bytes to find a byte-order mark, which sets the encoding.
    private func start(requested: TextEncoding?) throws(InputError) {
        var start = [UInt8](repeating: 0, count: 4)
        var got = 0
        while got < 4 {
            let count = try start.withMutableView { (bytes) throws(InputError) in
                try readRaw(into: bytes.extracting(got..<4))
            }
            if count == 0 { break }
            got += count
        }
        start.removeLast(4 - got)
        fileEnded = got < 4
        if start.starts(with: [0xFF, 0xFE]) || start.starts(with: [0xFE, 0xFF]) {
            encoding = .utf16
            bigEndian = start[0] == 0xFE
            start.removeFirst(2)
        } else if start.starts(with: [0xEF, 0xBB, 0xBF]) {
            encoding = .utf8
            start.removeFirst(3)
        } else {
            encoding = requested ?? .utf8
        }
        pending = start
    }

    deinit { if ownsDescriptor { close(descriptor) } }

    static func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Whether the rest of the file comes straight from ``descriptor`` (UTF-8, nothing pending),
    /// so a reader may read it there itself, such as on another thread.
    var isDirect: Bool { memory == nil && encoding == .utf8 && pending.isEmpty }

    /// Reads up to `capacity` (at least 4) bytes of UTF-8 into `buffer`; 0 at the end of the file.
    /// - Throws: ``InputError/unreadable(file:reason:)``, or ``InputError/badEncoding(file:line:column:message:)``
    ///   for bytes that are not text in the file's encoding.
    func read(into buffer: MutableBufferView<UInt8>) throws(InputError) -> Int {
        let capacity = buffer.count
        if encoding == .utf8 {
            if !pending.isEmpty {
                let count = min(capacity, pending.count)
                for index in 0..<count { buffer[index] = pending[index] }
                pending.removeFirst(count)
                return count
            }
            return try readRaw(into: buffer)
        }
        // Each character takes at most as many UTF-8 bytes as 4/3 of its raw bytes (UTF-16) or 3
        // (Windows-1252): read little enough raw bytes that their UTF-8 fits.
        var produced = 0
        while produced == 0 {
            let want = max(4, (capacity - produced) / 3)
            if pending.count < want, !fileEnded {
                var raw = [UInt8](repeating: 0, count: want - pending.count)
                let got = try raw.withMutableView { (bytes) throws(InputError) in try readRaw(into: bytes) }
                if got == 0 { fileEnded = true }
                pending += raw[0..<got]
            }
            if pending.isEmpty { return 0 }
            produced = try convert(into: buffer)
            if produced == 0, fileEnded { throw problem("the file ends in the middle of a character") }
        }
        return produced
    }

    private func readRaw(into buffer: MutableBufferView<UInt8>) throws(InputError) -> Int {
        if let memory {
            let count = min(buffer.count, memory.count - memoryOffset)
            for index in 0..<count { buffer[index] = memory[memoryOffset + index] }
            memoryOffset += count
            return count
        }
        while true {
            let got = SystemCalls.read(descriptor, into: buffer)
            if got >= 0 { return got }
            if errno != EINTR { throw .unreadable(file: file, reason: TextInput.errorText(errno)) }
        }
    }

    /// Converts whole characters of ``pending`` to UTF-8, keeping a character cut off at the end.
    private func convert(into buffer: MutableBufferView<UInt8>) throws(InputError) -> Int {
        let capacity = buffer.count
        var produced = 0
        var used = 0
        defer { pending.removeFirst(used) }
        while used < pending.count, produced + 4 <= capacity {
            let scalar: Unicode.Scalar
            let size: Int
            if encoding == .windows1252 {
                guard let mapped = TextEncoding.windows1252Scalar(pending[used]) else {
                    throw problem(
                        "byte 0x\(String(pending[used], radix: 16, uppercase: true)) is not a character in Windows-1252"
                    )
                }
                (scalar, size) = (mapped, 1)
            } else {
                guard let first = unit(at: used) else { break }
                if (0xD800...0xDBFF).contains(first) {
                    guard let second = unit(at: used + 2) else { break }
                    let high = UInt32(first) - 0xD800
                    let low = UInt32(second) &- 0xDC00
                    guard low < 0x400, let pair = Unicode.Scalar(0x10000 + high << 10 + low) else {
                        throw problem("a UTF-16 high surrogate without its low half: the file is damaged")
                    }
                    (scalar, size) = (pair, 4)
                } else {
                    guard let single = Unicode.Scalar(first) else {
                        throw problem("a UTF-16 low surrogate without its high half: the file is damaged")
                    }
                    (scalar, size) = (single, 2)
                }
            }
            for byte in UTF8.encode(scalar) ?? UTF8.EncodedScalar() {
                buffer[produced] = byte
                produced += 1
            }
            used += size
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return produced
    }

    /// The UTF-16 code unit at raw offset `offset` of ``pending``, or `nil` when not all there.
    private func unit(at offset: Int) -> UInt16? {
        guard offset + 1 < pending.count else { return nil }
        let (first, second) = (UInt16(pending[offset]), UInt16(pending[offset + 1]))
        return bigEndian ? first << 8 | second : second << 8 | first
    }

    private func problem(_ message: String) -> InputError {
        .badEncoding(file: file, line: line, column: column, message: "\(message) (read as \(encoding.rawValue))")
    }
}
