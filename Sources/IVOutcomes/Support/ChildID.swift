/// A child's pseudonymous id, such as `C0001`: never a name.
///
/// Every reader of the library checks a child id with ``init(validating:)``, which refuses an
/// empty id, one with a control character, and one that looks like a person's name (two or more
/// words made only of letters, apostrophes and hyphens, such as "Jane Smith" or
/// "Mary-Jane O'Brien"). A single word such as "Fox" cannot be told from a pseudonym and is
/// accepted. White space around the id is not part of it.
///
/// A string literal in code is taken as written, unchecked:
///
/// ```swift
/// let child: ChildID = "C0001"
/// let fromApp = try ChildID(validating: record.pseudonym)   // throws ChildIDError for "Jane Smith"
/// ```
public struct ChildID: RawRepresentable, Hashable, Comparable, Codable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The id's text, without the white space around it.
    public let rawValue: String

    /// Checks `text` (white space around it trimmed) and makes an id of it.
    ///
    /// - Throws: ``ChildIDError`` when `text` is empty, has a control character or looks like a
    ///   person's name.
    public init(validating text: String) throws(ChildIDError) {
        let trimmed = CellText.trimmed(text)
        if let reason = ChildID.problem(with: trimmed) { throw ChildIDError(reason: reason) }
        rawValue = trimmed
    }

    /// The id of `rawValue` when it is valid (see ``init(validating:)``), otherwise `nil`.
    public init?(rawValue: String) {
        guard let id = try? ChildID(validating: rawValue) else { return nil }
        self = id
    }

    /// An id written in code, taken as written (unchecked).
    public init(stringLiteral value: String) { rawValue = value }

    /// An id a reader has already checked with ``problem(in:)``.
    init(checked text: String) { rawValue = text }

    /// Decodes a string and checks it like ``init(validating:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try ChildID(validating: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the id as a string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The id's text.
    public var description: String { rawValue }

    /// Orders ids by their text.
    public static func < (lhs: ChildID, rhs: ChildID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Whether a cell of a padded buffer (see ``BufferView/paddedWord(at:)``) is plainly a valid
    /// id: 1 to 16 bytes of printable ASCII without a space, so one word with no control
    /// character, which ``problem(in:)`` accepts. Decided a word at a time for the fast path;
    /// `false` leaves the cell to ``problem(in:)``.
    @inline(__always)
    static func isPlainlyValid(padded cell: ByteView) -> Bool {
        let count = cell.count
        guard count > 0, count <= 16 else { return false }
        // Bytes past the cell are replaced with a printable filler.
        let filler: UInt64 = 0x4141_4141_4141_4141
        let low = cell.paddedWord(at: 0)
        let lowMask = ByteMask.firstBytes(count)
        guard ByteMask.isPrintableWithoutSpace((low & lowMask) | (filler & ~lowMask)) else { return false }
        guard count > 8 else { return true }
        let high = cell.paddedWord(at: 8)
        let highMask = ByteMask.firstBytes(count - 8)
        return ByteMask.isPrintableWithoutSpace((high & highMask) | (filler & ~highMask))
    }

    /// The rule, on a cell's bytes (white space around them included): why they are not a valid
    /// id, or `nil` when they are. Ids of ASCII letters and digits are decided byte by byte; any
    /// other id is decided by ``problem(with:)``.
    @inline(__always)
    static func problem(in cell: ByteView) -> ChildIDError.Reason? {
        let bytes = CellText.trimmed(cell)
        if bytes.isEmpty { return .empty }
        var mayBeName = true
        var hasSpace = false
        for index in 0..<bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == 0x7F { return .controlCharacter }
            if byte >= 0x80 { return problem(with: String(decoding: bytes)) }
            switch byte {
            case UInt8(ascii: " "): hasSpace = true
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "'"),
                UInt8(ascii: "-"):
                break
            default: mayBeName = false
            }
        }
        return mayBeName && hasSpace ? problem(with: String(decoding: bytes)) : nil
    }

    /// The rule, on trimmed text: why it is not a valid id, or `nil` when it is.
    static func problem(with text: String) -> ChildIDError.Reason? {
        if text.isEmpty { return .empty }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return .controlCharacter
        }
        let words = text.split(whereSeparator: { $0.isWhitespace })
        guard words.count >= 2 else { return nil }
        let looksLikeName = words.allSatisfy { word in
            word.contains(where: \.isLetter)
                && word.allSatisfy { $0.isLetter || ChildID.nameJoiners.contains($0) }
        }
        return looksLikeName ? .looksLikeName : nil
    }

    /// The characters that may join the letters of a name: apostrophes and hyphens.
    private static let nameJoiners: Set<Character> = ["'", "\u{2019}", "-", "\u{2010}"]
}

/// Why a text is not a child's pseudonymous id. The message never repeats the text, which may
/// be a name.
public struct ChildIDError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong (``ChildIDError/code`` is its stable code).
    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
        /// The id is empty or white space only.
        case empty
        /// The id has a control character (such as a tab or a line break inside it).
        case controlCharacter
        /// The id is two or more words of letters only, like a person's name.
        case looksLikeName
    }

    /// What is wrong.
    public let reason: Reason

    /// Makes the error for `reason`.
    public init(reason: Reason) { self.reason = reason }

    /// The problem's stable code, such as `child_id.looks_like_name`.
    public var code: ProblemCode {
        switch reason {
        case .empty: return .childIDEmpty
        case .controlCharacter: return .childIDControlCharacter
        case .looksLikeName: return .childIDLooksLikeName
        }
    }

    /// What a coordinator reads, such as `looks like a person's name; use the area's pseudonymous id, never a name`.
    public var description: String {
        switch reason {
        case .empty: return "empty (every row needs a child's pseudonymous id)"
        case .controlCharacter:
            return "has a control character (such as a tab or a line break); use the area's pseudonymous id"
        case .looksLikeName:
            return
                "looks like a person's name (two or more words of letters only); use the area's pseudonymous id, never a name"
        }
    }
}
