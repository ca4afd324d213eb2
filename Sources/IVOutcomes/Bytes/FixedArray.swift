/// An immutable array in memory of its own, for the tables hot loops read: reading an element
/// costs no reference counting, no uniqueness check and no exclusivity check.
///
/// Ownership: the array owns its elements and frees them in `deinit`; a class, so the tables an
/// engine shares between threads live as long as any holder. Never changed after `init`, hence
/// `Sendable` for `Sendable` elements. Its memory is lent out only inside ``withView(_:)``.
// Unchecked: never changed after `init` (see Ownership above).
final class FixedArray<Element>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<Element>
    let count: Int

    init(_ elements: [Element]) {
        count = elements.count
        base = .allocate(capacity: max(count, 1))
        _ = UnsafeMutableBufferPointer(start: base, count: count).initialize(from: elements)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// The element, read in place (no copy, so no retain of a reference it holds).
    @inline(__always)
    subscript(index: Int) -> Element {
        unsafeAddress {
            assert(index >= 0 && index < count, "index out of range")
            return UnsafePointer(base + index)
        }
    }

    /// Calls `body` with a view of the elements.
    @inline(__always)
    func withView<Result, Failure: Error>(_ body: (BufferView<Element>) throws(Failure) -> Result) throws(Failure)
        -> Result
    {
        try body(.borrowing(base, count: count))
    }
}

/// Byte strings prepared once and appended by number, such as a scale's value texts.
struct TextPool {
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]

    /// Adds `text` and returns its number.
    mutating func add(_ text: some Sequence<UInt8>) -> Int {
        bytes.append(contentsOf: text)
        starts.append(bytes.count)
        return starts.count - 2
    }

    /// The pool in fixed memory, padded so that short texts can be copied 16 bytes at a time.
    func frozen() -> FrozenTextPool {
        FrozenTextPool(
            bytes: FixedArray(bytes + [UInt8](repeating: 0, count: OutputBytes.padding)), starts: FixedArray(starts))
    }
}

/// A ``TextPool`` in fixed memory, for appending its texts in hot loops.
struct FrozenTextPool: Sendable {
    let bytes: FixedArray<UInt8>
    let starts: FixedArray<Int>

    @inline(__always)
    func append(_ text: Int, to out: inout OutputBytes) {
        let start = starts[text]
        let count = starts[text + 1] - start
        bytes.withView { bytes in
            if count <= 16 {
                out.appendShort(bytes, at: start, count: count)
            } else {
                out.append(bytes.extracting(start..<(start + count)))
            }
        }
    }
}
