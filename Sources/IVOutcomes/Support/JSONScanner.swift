import Foundation

/// The one JSON reader: definitions, pooling summaries and JSON Lines rows are all read by it.
/// A plain recursive-descent parser of strict JSON (RFC 8259), with these choices:
/// - a UTF-8 byte order mark at the start is skipped (editors on Windows write one);
/// - a key repeated in one object is an error (two values for one field: which is meant?);
/// - a number outside the range of a `Double`, a control character in a string, a lone
///   surrogate escape and nesting deeper than 512 are errors;
/// - an error names the line and column (in characters) of the first byte that does not fit.
struct JSONScanner {
    private let bytes: ByteView
    private var position = 0
    private var depth = 0
    /// The first thing that did not fit, and where.
    private var failure: (position: Int, reason: String)?
    private static let maximumDepth = 512

    /// The value the bytes hold, or why they are not JSON.
    static func parse(_ data: Data) -> Result<JSONValue, JSONSyntaxError> {
        data.withByteView { bytes in
            var scanner = JSONScanner(bytes: bytes)
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { scanner.position = 3 }
            if let value = scanner.value() {
                scanner.skipSpace()
                if scanner.position == bytes.count { return .success(value) }
                let _: JSONValue? = scanner.fail("unexpected text after the end of the JSON value")
            }
            return .failure(scanner.syntaxError())
        }
    }

    private init(bytes: ByteView) { self.bytes = bytes }

    /// Records the first failure (the innermost, where the bytes stopped fitting) and returns `nil`.
    private mutating func fail<T>(_ reason: String, at place: Int? = nil) -> T? {
        if failure == nil { failure = (place ?? position, reason) }
        return nil
    }

    private func syntaxError() -> JSONSyntaxError {
        let (offset, reason) = failure ?? (position, "not JSON")
        var line = 1
        var column = 1
        for index in 0..<min(offset, bytes.count) {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return JSONSyntaxError(line: line, column: column, reason: reason)
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 32, 9, 10, 13: position += 1
            default: return
            }
        }
    }

    private mutating func take(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        for index in 0..<count where bytes[position + index] != literal.utf8Start[index] { return false }
        position += count
        return true
    }

    private mutating func value() -> JSONValue? {
        skipSpace()
        guard position < bytes.count else { return fail("the file ends where a value was expected") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "\""): return string().map(JSONValue.string)
        case UInt8(ascii: "t"): return take("true") ? .bool(true) : fail(Self.notAValue)
        case UInt8(ascii: "f"): return take("false") ? .bool(false) : fail(Self.notAValue)
        case UInt8(ascii: "n"): return take("null") ? .null : fail(Self.notAValue)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
        default: return fail(Self.notAValue)
        }
    }

    private static let notAValue =
        "expected a value (a string in double quotes, a number, true, false, null, an object or an array)"
    private static let structureHint = "(a missing comma, quote or bracket?)"

    private mutating func nestDeeper() -> Bool {
        depth += 1
        guard depth <= JSONScanner.maximumDepth else {
            return fail("nested more than \(JSONScanner.maximumDepth) levels deep") ?? false
        }
        return true
    }

    private mutating func object() -> JSONValue? {
        defer { depth -= 1 }
        guard nestDeeper() else { return nil }
        position += 1
        // Room for a few keys from the start: most objects are small, and growing a dictionary
        // key by key allocates and rehashes at each step.
        var fields = [String: JSONValue](minimumCapacity: 4)
        skipSpace()
        if take("}") { return .object(fields) }
        while true {
            skipSpace()
            let keyStart = position
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                return fail("expected a key in double quotes \(Self.structureHint)")
            }
            guard let key = string() else { return nil }
            skipSpace()
            guard take(":") else { return fail("expected ':' after the key \"\(key)\" \(Self.structureHint)") }
            guard let value = value() else { return nil }
            guard fields.updateValue(value, forKey: key) == nil else {
                return fail("the key \"\(key)\" appears twice in one object: keep one", at: keyStart)
            }
            skipSpace()
            if take(",") { continue }
            return take("}") ? .object(fields) : fail("expected ',' or '}' \(Self.structureHint)")
        }
    }

    private mutating func array() -> JSONValue? {
        defer { depth -= 1 }
        guard nestDeeper() else { return nil }
        position += 1
        var elements: [JSONValue] = []
        skipSpace()
        if take("]") { return .array(elements) }
        while true {
            guard let element = value() else { return nil }
            elements.append(element)
            skipSpace()
            if take(",") { continue }
            return take("]") ? .array(elements) : fail("expected ',' or ']' \(Self.structureHint)")
        }
    }

    /// A string at the current quote, unescaped; `nil` for invalid escapes, control characters or UTF-8.
    // Long: every JSON string (each FHIR and JSON Lines value) goes through it; the escape and
    // UTF-8 cases are kept inline so that a plain ASCII string is read in one piece.
    private mutating func string() -> String? {
        let start = position
        // Most strings have no escape: their bytes are the text, taken in one piece.
        var end = position + 1
        var ascii = true
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") {
                let text = bytes.extracting(unchecked: position + 1..<end)
                guard ascii || String.isValidUTF8(text) else {
                    return fail("a string that is not valid UTF-8", at: start)
                }
                position = end + 1
                return String(decoding: text)
            }
            if byte == UInt8(ascii: "\\") || byte < 32 { break }
            ascii = ascii && byte < 0x80
            end += 1
        }
        position += 1
        var text: [UInt8] = Array(bytes.extracting(unchecked: position..<end))
        position = end
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let string = String(validating: text, as: UTF8.self) else {
                    return fail("a string that is not valid UTF-8", at: start)
                }
                return string
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { break }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
                case UInt8(ascii: "b"): text.append(8)
                case UInt8(ascii: "f"): text.append(12)
                case UInt8(ascii: "n"): text.append(10)
                case UInt8(ascii: "r"): text.append(13)
                case UInt8(ascii: "t"): text.append(9)
                case UInt8(ascii: "u"):
                    let escapeStart = position - 2
                    guard var scalar = hex4() else {
                        return fail("\\u must be followed by four hex digits", at: escapeStart)
                    }
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard take("\\u"), let low = hex4(), (0xDC00..<0xE000).contains(low) else {
                            return fail("a \\u escape of half a character (a lone surrogate)", at: escapeStart)
                        }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else {
                        return fail("a \\u escape of half a character (a lone surrogate)", at: escapeStart)
                    }
                    text.append(contentsOf: String(Character(unicode)).utf8)
                default:
                    return fail(
                        "an unknown escape (write a backslash as \\\\; escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)",
                        at: position - 2)
                }
            case 0..<32:
                return fail(
                    "a control character inside a string (write a line break as \\n, a tab as \\t)", at: position - 1)
            default: text.append(byte)
            }
        }
        return fail("a string that is never closed (a missing quote?)", at: start)
    }

    private mutating func hex4() -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        var result: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            position += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            result = result << 4 | UInt32(digit)
        }
        return result
    }

    /// A number in JSON's grammar (`-?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?`), converted by the standard library.
    private mutating func number() -> JSONValue? {
        let start = position
        func digits() -> Int {
            let first = position
            while position < bytes.count, bytes[position] &- UInt8(ascii: "0") <= 9 { position += 1 }
            return position - first
        }
        let malformed = "a number JSON does not allow (write 3, -0.5 or 1e3: no leading zeros, + sign or bare point)"
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = digits()
        guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else {
            return fail(malformed, at: start)
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { return fail(malformed, at: start) }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard digits() > 0 else { return fail(malformed, at: start) }
        }
        let text = String(decoding: bytes.extracting(start..<position))
        guard let number = Double(text), number.isFinite else {
            return fail("a number too large to hold", at: start)
        }
        return .number(number)
    }
}
