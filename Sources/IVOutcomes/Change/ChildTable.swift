#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Child ids (UTF-8 bytes) numbered in order of first appearance: the ids in one byte store and
/// an open-addressing hash table of their numbers, so that finding a child costs a short hash
/// and a byte comparison, with no `String` and no allocation per row.
///
/// The bytes stored are always valid UTF-8 (``FollowUpTracker`` repairs an id before adding it,
/// as `String(decoding:as:)` does), so ``id(_:)`` gives back exactly the bytes that were added.
struct ChildTable {
    /// Every id's bytes, one after another; id `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Child number + 1 per slot (0: empty); the count is a power of two, at most half full.
    private var slots: [Int32] = Array(repeating: 0, count: 16)

    /// How many ids the table holds.
    var count: Int { hashes.count }

    /// The number of the child named `id`, or nil.
    func index(of id: ByteView) -> Int? {
        let found = slot(of: id, hash: ChildTable.hash(id))
        return slots[found] > 0 ? Int(slots[found]) - 1 : nil
    }

    /// The number of the child named `id`, and whether it was added (numbered `count - 1`).
    mutating func insert(_ id: ByteView) -> (index: Int, inserted: Bool) {
        let hash = ChildTable.hash(id)
        let found = slot(of: id, hash: hash)
        if slots[found] > 0 { return (Int(slots[found]) - 1, false) }
        bytes.append(contentsOf: id)
        starts.append(bytes.count)
        hashes.append(hash)
        slots[found] = Int32(truncatingIfNeeded: hashes.count)
        if hashes.count * 2 > slots.count { grow() }
        return (hashes.count - 1, true)
    }

    /// Whether child `index` is named `id`.
    @inline(__always)
    func isNamed(_ index: Int, _ id: ByteView) -> Bool {
        let start = starts[index]
        guard starts[index + 1] - start == id.count else { return false }
        return bytes.withView { own in own.extracting(unchecked: start..<(start + id.count)).equals(id) }
    }

    /// The id of child `index`.
    func id(_ index: Int) -> String { withID(index) { String(decoding: $0, as: UTF8.self) } }

    /// Calls `body` with the bytes of child `index`'s id.
    func withID<Result>(_ index: Int, _ body: (ByteView) -> Result) -> Result {
        bytes.withView { own in body(own.extracting(starts[index]..<starts[index + 1])) }
    }

    /// The first eight bytes of child `index`'s id as a big-endian number (zeros after a shorter
    /// id): ordering these numbers orders the ids by their first eight bytes.
    func sortPrefix(_ index: Int) -> UInt64 { withID(index, ChildTable.sortPrefix) }

    static func sortPrefix(_ bytes: ByteView) -> UInt64 {
        var key: UInt64 = 0
        for index in 0..<8 { key = key << 8 | UInt64(index < bytes.count ? bytes[index] : 0) }
        return key
    }

    /// The slot that holds `id`, or the empty slot where it belongs.
    private func slot(of id: ByteView, hash: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 || (hashes[entry - 1] == hash && isNamed(entry - 1, id)) { return slot }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        var larger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = Int32(truncatingIfNeeded: index + 1)
        }
        slots = larger
    }

    /// A 64-bit hash of some bytes, eight at a time (multiply and fold, then a final mix).
    static func hash(_ id: ByteView) -> UInt64 {
        var hash: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(id.count)
        var offset = 0
        while offset + 8 <= id.count {
            hash = mix(hash ^ id.word(at: offset))
            offset += 8
        }
        if offset < id.count {
            var tail: UInt64 = 0
            for index in offset..<id.count { tail |= UInt64(id[index]) << UInt64(8 * (index - offset)) }
            hash = mix(hash ^ tail)
        }
        // The final avalanche of MurmurHash3, so that the low bits (the slot) depend on every byte.
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return hash
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        let product = value &* 0x9E37_79B9_7F4A_7C15
        return product ^ (product >> 29)
    }
}
