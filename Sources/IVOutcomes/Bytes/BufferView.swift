import Foundation

/// A read-only view of elements in memory that something else owns: how the bytes layer hands
/// memory to the layers above without their touching a pointer.
///
/// Ownership: a view owns nothing. It is made only by a `with…` method of an owner
/// (``OutputBytes``, ``FixedArray``, ``OwnedBuffer``, or the `Array`, `String`
/// and `Data` extensions below) and handed to a closure; it must not be kept after that closure
/// returns, and the owner's memory does not change while the closure runs. Two holders keep views
/// between calls, each inside its owner's lifetime: a ``CSVRecord`` keeps the view of the buffer
/// it last parsed (its owner keeps that buffer unchanged until the next parse, and the fields it
/// hands out are valid until then), and a JSON scanner lives inside one closure. Element reads are
/// checked against ``count`` in debug builds, as `UnsafeBufferPointer`'s are; ``paddedWord(at:)``
/// and ``vector16(at:)`` may read up to 15 bytes past the end, which only padded owners
/// (``OutputBytes``, ``OwnedBuffer``, frozen text pools) provide.
///
/// ```swift
/// [UInt8]("3,4".utf8).withView { bytes in bytes.firstIndex(of: UInt8(ascii: ",")) }   // 1
/// ```
struct BufferView<Element>: RandomAccessCollection {
    private let base: UnsafePointer<Element>?
    let count: Int

    /// Made by the owners in this folder only.
    fileprivate init(_ base: UnsafePointer<Element>?, count: Int) {
        self.base = base
        self.count = count
    }

    /// The view of no elements.
    static var empty: BufferView { BufferView(nil, count: 0) }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    @inline(__always)
    subscript(position: Int) -> Element {
        assert(position >= 0 && position < count, "index out of range")
        return base.unsafelyUnwrapped[position]
    }

    /// The elements in `range`, as a view of its own (indexed from 0).
    @inline(__always)
    func extracting(_ range: Range<Int>) -> BufferView {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range out of bounds")
        return BufferView(base.map { $0 + range.lowerBound }, count: range.count)
    }

    /// ``extracting(_:)`` for a caller that has checked the range (checked in debug builds only).
    @inline(__always)
    func extracting(unchecked range: Range<Int>) -> BufferView {
        assert(range.lowerBound >= 0 && range.upperBound <= count, "range out of bounds")
        return BufferView(base.map { $0 + range.lowerBound }, count: range.count)
    }

    /// The elements from `start` on.
    @inline(__always)
    func extracting(from start: Int) -> BufferView { extracting(start..<count) }

    /// The memory itself, for the standard library's fast paths (`String(decoding:as:)`,
    /// `Array(_:)`, `elementsEqual`).
    func withContiguousStorageIfAvailable<Result>(_ body: (UnsafeBufferPointer<Element>) throws -> Result) rethrows
        -> Result?
    {
        try body(unsafeBuffer)
    }

    /// The memory, for the other owners in this folder (a file that uses it counts as unsafe).
    var unsafeBuffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }
}

/// A view of elements that its holder may change in place; the same ownership rule as
/// ``BufferView``.
struct MutableBufferView<Element> {
    private let base: UnsafeMutablePointer<Element>?
    let count: Int

    fileprivate init(_ base: UnsafeMutablePointer<Element>?, count: Int) {
        self.base = base
        self.count = count
    }

    @inline(__always)
    subscript(position: Int) -> Element {
        get {
            assert(position >= 0 && position < count, "index out of range")
            return base.unsafelyUnwrapped[position]
        }
        nonmutating set {
            assert(position >= 0 && position < count, "index out of range")
            base.unsafelyUnwrapped[position] = newValue
        }
    }

    /// The memory, for the other owners in this folder (a file that uses it counts as unsafe).
    var unsafeBuffer: UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: base.map { UnsafePointer($0) }, count: count)
    }

    /// The elements in `range`, as a view of their own (indexed from 0).
    @inline(__always)
    func extracting(_ range: Range<Int>) -> MutableBufferView {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range out of bounds")
        return MutableBufferView(base.map { $0 + range.lowerBound }, count: range.count)
    }
}

/// Bytes: the view every reader and writer passes around.
typealias ByteView = BufferView<UInt8>

extension BufferView where Element == UInt8 {
    /// The 8 bytes at `offset` as a little-endian word; they must all be in the view.
    @inline(__always)
    func word(at offset: Int) -> UInt64 {
        assert(offset >= 0 && offset + 8 <= count, "word out of range")
        return UInt64(
            littleEndian: UnsafeRawPointer(base.unsafelyUnwrapped).loadUnaligned(
                fromByteOffset: offset, as: UInt64.self))
    }

    /// The 8 bytes at `offset`, which must be in the view, as a little-endian word, reading past
    /// the end into the owner's padding (the bytes after ``count`` are arbitrary).
    @inline(__always)
    func paddedWord(at offset: Int) -> UInt64 {
        assert(offset >= 0 && offset < count, "word out of range")
        return UInt64(
            littleEndian: UnsafeRawPointer(base.unsafelyUnwrapped).loadUnaligned(
                fromByteOffset: offset, as: UInt64.self))
    }

    /// The 16 bytes at `offset` (at most `count`, into the owner's padding).
    @inline(__always)
    func vector16(at offset: Int) -> SIMD16<UInt8> {
        assert(offset >= 0 && offset <= count, "vector out of range")
        return UnsafeRawPointer(base.unsafelyUnwrapped).loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
    }

    /// Whether the two views hold the same bytes.
    @inline(__always)
    func equals(_ other: ByteView) -> Bool {
        guard count == other.count else { return false }
        guard count > 0 else { return true }
        return memcmp(base.unsafelyUnwrapped, other.base.unsafelyUnwrapped, count) == 0
    }

    /// The offset of the first `byte` at or after `start`, or `nil` (found by `memchr`).
    @inline(__always)
    func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        guard start < count, let base else { return nil }
        guard let found = memchr(base + start, Int32(byte), count - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
}

extension Array {
    /// Calls `body` with a view of the elements.
    @inline(__always)
    func withView<Result, Failure: Error>(_ body: (BufferView<Element>) throws(Failure) -> Result) throws(Failure)
        -> Result
    {
        try withUnsafeBufferPointer { (buffer) throws(Failure) in
            try body(BufferView(buffer.baseAddress, count: buffer.count))
        }
    }

    /// Calls `body` with a view through which the elements can be changed in place.
    @inline(__always)
    mutating func withMutableView<Result, Failure: Error>(
        _ body: (MutableBufferView<Element>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try withUnsafeMutableBufferPointer { (buffer) throws(Failure) in
            try body(MutableBufferView(buffer.baseAddress, count: buffer.count))
        }
    }

    /// Appends the elements of a view.
    mutating func append(contentsOf view: BufferView<Element>) {
        append(contentsOf: view.unsafeBuffer)
    }
}

extension String {
    /// Calls `body` with a view of the text's UTF-8 bytes.
    @inline(__always)
    func withUTF8View<Result, Failure: Error>(_ body: (ByteView) throws(Failure) -> Result) throws(Failure) -> Result {
        var text = self
        let result = text.withUTF8 { buffer in
            Swift.Result { () throws(Failure) in try body(ByteView(buffer.baseAddress, count: buffer.count)) }
        }
        return try result.get()
    }

    /// The text of a view of UTF-8 bytes (invalid UTF-8 repaired).
    init(decoding view: ByteView) {
        self = String(decoding: view.unsafeBuffer, as: UTF8.self)
    }

    /// Whether the bytes are valid UTF-8: decoding them changes nothing (a repair would write
    /// U+FFFD in place of the invalid bytes).
    static func isValidUTF8(_ view: ByteView) -> Bool {
        String(decoding: view).utf8.elementsEqual(view.unsafeBuffer)
    }
}

extension Data {
    /// Calls `body` with a view of the bytes.
    @inline(__always)
    func withByteView<Result, Failure: Error>(_ body: (ByteView) throws(Failure) -> Result) throws(Failure) -> Result {
        let result = withUnsafeBytes { raw in
            Swift.Result { () throws(Failure) in
                try body(ByteView(raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count))
            }
        }
        return try result.get()
    }
}

/// For the other owners in this folder, which make views of their own memory.
extension BufferView {
    static func borrowing(_ base: UnsafePointer<Element>?, count: Int) -> BufferView { BufferView(base, count: count) }
}

extension MutableBufferView {
    static func borrowing(_ base: UnsafeMutablePointer<Element>?, count: Int) -> MutableBufferView {
        MutableBufferView(base, count: count)
    }
}

/// A read-only view may be read from several threads at once (the lanes read one block): the
/// owner does not change the memory while any view of it is out.
// Unchecked: the owner does not change the memory while any view of it is out.
extension BufferView: @unchecked Sendable where Element: Sendable {}
