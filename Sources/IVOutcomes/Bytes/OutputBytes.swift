/// A growable byte buffer for the output hot path: appending is a bounds check and a copy, with
/// no reference counting or copy-on-write checks.
struct OutputBytes {
    /// Spare bytes after the end of this buffer and of ``CSVReader``'s, so that any run of bytes
    /// in them can be read 16 bytes at a time (``appendShort(from:count:)``).
    static let padding = 16

    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity + OutputBytes.padding)
    }

    /// Frees the memory; the buffer must not be used afterwards.
    func deallocate() { base.deallocate() }

    mutating func removeAll() { count = 0 }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// A copy of the bytes appended so far.
    var array: [UInt8] { Array(bytes) }

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
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
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

    /// Appends `count` (at most 16) bytes from `source`, which must have 16 readable bytes: one
    /// 16-byte copy instead of a call to `memcpy`.
    @inline(__always)
    mutating func appendShort(from source: UnsafeRawPointer, count bytes: Int) {
        reserve(16)
        UnsafeMutableRawPointer(base + count).storeBytes(of: source.loadUnaligned(as: SIMD16<UInt8>.self), as: SIMD16<UInt8>.self)
        count += bytes
    }

    /// Appends a copy of `count` bytes already appended, from offset `start`.
    @inline(__always)
    mutating func appendCopy(from start: Int, count bytes: Int) {
        reserve(bytes + 16)
        if bytes <= 16 {
            appendShort(from: UnsafeRawPointer(base + start), count: bytes)
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
        var text = text
        text.withUTF8 { append($0) }
    }
}
