/// The hash behind the fingerprints of rows and administrations, eight bytes at a time: content
/// that reads the same gives the same number, so forms are ordered by what they hold.
enum RowFingerprint {
    static let seed: UInt64 = 0x9E37_79B9_7F4A_7C15

    @inline(__always)
    static func mix(_ start: UInt64, _ bytes: ByteView) -> UInt64 {
        var hash = (start ^ UInt64(bytes.count)) &* 0x0000_0100_0000_01B3
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ bytes.word(at: offset)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 29
            offset += 8
        }
        var last: UInt64 = 0
        while offset < bytes.count {
            last = last << 8 | UInt64(bytes[offset])
            offset += 1
        }
        hash = (hash ^ last) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ hash >> 32
    }

    /// ``mix(_:_:)`` for bytes followed by at least seven readable bytes (a padded buffer): the
    /// last word is read whole and masked, with no byte loop.
    @inline(__always)
    static func mix(_ start: UInt64, padded bytes: ByteView) -> UInt64 {
        var hash = (start ^ UInt64(bytes.count)) &* 0x0000_0100_0000_01B3
        var offset = 0
        while offset < bytes.count {
            let word = bytes.paddedWord(at: offset) & ByteMask.firstBytes(bytes.count - offset)
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 29
            offset += 8
        }
        return hash
    }
}
