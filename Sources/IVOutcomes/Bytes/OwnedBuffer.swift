/// A number of values (integers, flags, small enums) in memory of its own, for
/// the scratch tables a hot loop rewrites for every row: no reference counting, no uniqueness
/// or exclusivity check.
///
/// Ownership: the buffer owns its memory and frees it in `deinit`; it is `~Copyable`, so it has
/// exactly one owner. Its memory is lent out only inside its `with…View` methods. ``padding``
/// more elements (zero bytes) follow the end, so a byte buffer's views may be read a word or 16
/// bytes at a time (``BufferView/paddedWord(at:)``).
///
/// ```swift
/// var found = OwnedBuffer(repeating: 0, count: 4)
/// found[2] = 7
/// ```
struct OwnedBuffer<Element>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    /// The number of elements.
    private(set) var count: Int

    /// Elements after the end that may be read (as zero bytes) but are never part of a view.
    static var padding: Int { OutputBytes.padding }

    init(repeating value: Element, count: Int) {
        self.count = count
        base = OwnedBuffer.allocate(count)
        base.initialize(repeating: value, count: count)
    }

    private static func allocate(_ count: Int) -> UnsafeMutablePointer<Element> {
        let base = UnsafeMutablePointer<Element>.allocate(capacity: count + padding)
        UnsafeMutableRawPointer(base + count).initializeMemory(
            as: UInt8.self, repeating: 0, count: padding * MemoryLayout<Element>.stride)
        return base
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        get {
            assert(index >= 0 && index < count, "index out of range")
            return base[index]
        }
        // Nonmutating: the buffer's fields never change by it, so a scratch buffer can be a `let`
        // of a class and its hot loops pay no exclusivity checks.
        nonmutating set {
            assert(index >= 0 && index < count, "index out of range")
            base[index] = newValue
        }
    }

    /// Grows to `larger` elements (filled with `value`), keeping the first `kept`.
    mutating func grow(to larger: Int, keeping kept: Int, filling value: Element) {
        guard larger > count else { return }
        let grown = OwnedBuffer.allocate(larger)
        let moved = min(kept, count)
        grown.moveInitialize(from: base, count: moved)
        (base + moved).deinitialize(count: count - moved)
        (grown + moved).initialize(repeating: value, count: larger - moved)
        base.deallocate()
        base = grown
        count = larger
    }

    /// Calls `body` with a view of the first `count` elements.
    @inline(__always)
    func withView<Result, Failure: Error>(count: Int, _ body: (BufferView<Element>) throws(Failure) -> Result)
        throws(Failure) -> Result
    {
        try withView(0..<count, body)
    }

    /// Calls `body` with a view of the elements in `range`.
    @inline(__always)
    func withView<Result, Failure: Error>(_ range: Range<Int>, _ body: (BufferView<Element>) throws(Failure) -> Result)
        throws(Failure) -> Result
    {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range out of bounds")
        return try body(.borrowing(base + range.lowerBound, count: range.count))
    }

    /// Calls `body` with a view through which the elements can be changed.
    @inline(__always)
    func withMutableView<Result, Failure: Error>(_ body: (MutableBufferView<Element>) throws(Failure) -> Result)
        throws(Failure) -> Result
    {
        try body(.borrowing(base, count: count))
    }

    /// Calls `body` with a view through which the elements in `range` can be changed.
    @inline(__always)
    func withMutableView<Result, Failure: Error>(
        _ range: Range<Int>, _ body: (MutableBufferView<Element>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range out of bounds")
        return try body(.borrowing(base + range.lowerBound, count: range.count))
    }

    /// Copies the elements in `range` to `offset` (the two may overlap).
    mutating func moveElements(_ range: Range<Int>, to offset: Int) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count && offset >= 0 && offset + range.count <= count)
        (base + offset).update(from: base + range.lowerBound, count: range.count)
    }

    /// Copies the elements in `range` of `other` to `offset`.
    mutating func copyElements(of other: borrowing OwnedBuffer, _ range: Range<Int>, to offset: Int) {
        precondition(
            range.lowerBound >= 0 && range.upperBound <= other.count && offset >= 0 && offset + range.count <= count)
        (base + offset).update(from: other.base + range.lowerBound, count: range.count)
    }
}
