/// A growable byte buffer for the output hot path: appending is a bounds check and a copy, with
/// no reference counting or copy-on-write checks.
///
/// Ownership: the buffer owns its memory and frees it in `deinit`; it is `~Copyable`, so it has
/// exactly one owner (no copy can free it twice, and no error path leaks it). Its bytes are lent
/// out only as a ``ByteView`` inside ``withView(_:)``. 16 bytes of padding follow the end, so that
/// short runs can be copied 16 bytes at a time.
struct OutputBytes: ~Copyable {
    /// Spare bytes after the end of every padded buffer (this one, ``OwnedBuffer``, frozen text
    /// pools), so that any run of bytes in them can be read 16 bytes at a time
    /// (``appendShort(_:at:count:)``, ``BufferView/vector16(at:)``).
    static let padding = 16

    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity + OutputBytes.padding)
    }

    deinit { base.deallocate() }

    mutating func removeAll() { count = 0 }

    /// Calls `body` with a view of the bytes appended so far (padded: see ``BufferView/vector16(at:)``).
    @inline(__always)
    func withView<Result, Failure: Error>(_ body: (ByteView) throws(Failure) -> Result) throws(Failure) -> Result {
        try body(.borrowing(base, count: count))
    }

    /// A copy of the bytes appended so far.
    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The bytes appended so far as text.
    var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    /// The byte at `offset` (below ``count``).
    @inline(__always)
    subscript(offset: Int) -> UInt8 {
        assert(offset >= 0 && offset < count, "offset out of range")
        return base[offset]
    }

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(toHold: count + extra) }
    }

    /// Out of line: the appends inlined into hot loops keep only the capacity check.
    @inline(never)
    private mutating func grow(toHold needed: Int) {
        var larger = capacity * 2
        while larger < needed { larger *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: larger + OutputBytes.padding)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = larger
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: ByteView) {
        guard !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: bytes.unsafeBuffer.baseAddress.unsafelyUnwrapped, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func append(_ bytes: [UInt8]) {
        bytes.withView { append($0) }
    }

    /// Appends a whole number in decimal.
    @inline(__always)
    mutating func append(integer: Int) {
        reserve(20)
        if integer < 0 { append(UInt8(ascii: "-")) }
        var magnitude = integer.magnitude
        var digits = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        var position = count + digits - 1
        repeat {
            base[position] = UInt8(truncatingIfNeeded: magnitude % 10) + 48
            magnitude /= 10
            position -= 1
        } while magnitude > 0
        count += digits
    }

    /// Appends a number with a fixed number of decimals, rounded half away from zero, without
    /// building a string: what ``formatNumber(_:decimals:)`` returns (`6.7966` with 2 decimals is
    /// `6.80`). Numbers too large for that are written as Swift prints them.
    mutating func append(number value: Double, decimals: Int) {
        if decimals == 0, value == value.rounded(), abs(value) < 1e15 {
            append(integer: Int(value))
            return
        }
        var scale = 1.0
        for _ in 0..<max(decimals, 0) { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else {
            append(String(value))
            return
        }
        if value < 0, scaled != 0 { append(UInt8(ascii: "-")) }
        append(integer: Int(scaled) / Int(scale))
        guard decimals > 0 else { return }
        append(UInt8(ascii: "."))
        let fraction = Int(scaled) % Int(scale)
        var padding = Int(scale) / 10
        while padding > 1, fraction < padding {
            append(UInt8(ascii: "0"))
            padding /= 10
        }
        append(integer: fraction)
    }

    /// Appends `count` (at most 16) bytes from `offset` of a padded view (16 bytes readable
    /// there): one 16-byte copy instead of a call to `memcpy`.
    @inline(__always)
    mutating func appendShort(_ source: ByteView, at offset: Int, count bytes: Int) {
        assert(bytes <= 16 && offset + bytes <= source.count, "short copy out of range")
        reserve(16)
        UnsafeMutableRawPointer(base + count).storeBytes(of: source.vector16(at: offset), as: SIMD16<UInt8>.self)
        count += bytes
    }

    /// Appends a copy of `count` bytes already appended, from offset `start`.
    @inline(__always)
    mutating func appendCopy(from start: Int, count bytes: Int) {
        reserve(bytes + 16)
        if bytes <= 16 {
            let chunk = UnsafeRawPointer(base + start).loadUnaligned(as: SIMD16<UInt8>.self)
            UnsafeMutableRawPointer(base + count).storeBytes(of: chunk, as: SIMD16<UInt8>.self)
            count += bytes
        } else {
            (base + count).update(from: base + start, count: bytes)
            count += bytes
        }
    }

    /// Appends `value` (not negative) in decimal with exactly `width` digits, zero-padded on the
    /// left and cut on the left if it has more (`append(digits: 7, width: 2)` appends `07`).
    @inline(__always)
    mutating func append(digits value: Int, width: Int) {
        reserve(width)
        var rest = value
        for position in stride(from: count + width - 1, through: count, by: -1) {
            base[position] = UInt8(truncatingIfNeeded: rest % 10) + 48
            rest /= 10
        }
        count += width
    }

    @inline(__always)
    mutating func append(_ text: String) {
        text.withUTF8View { append($0) }
    }
}
