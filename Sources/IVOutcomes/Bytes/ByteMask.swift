/// Finding bytes eight at a time: a mask with the top bit set in each byte of a word that equals
/// one of a few bytes, computed with plain integer operations (no branches, no SIMD types).
enum ByteMask {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let high: UInt64 = 0x8080_8080_8080_8080

    /// The top bit of each byte of `word` that is not equal to `byte`: exact for every byte (no
    /// carries between bytes), so several such masks can be combined with `&`.
    @inline(__always)
    private static func differs(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        differs(word, splat: ones &* UInt64(byte))
    }

    @inline(__always)
    private static func differs(_ word: UInt64, splat: UInt64) -> UInt64 {
        let x = word ^ splat
        return ((x & low7) &+ low7) | x
    }

    /// A byte repeated in every byte of a word, for ``csvSpecial(_:delimiter:)``.
    static func splat(_ byte: UInt8) -> UInt64 { ones &* UInt64(byte) }

    /// The top bit of each byte of `word` that is the delimiter (given by ``splat(_:)``, a comma
    /// unless said otherwise), a quote, a line feed or a carriage return: the bytes that end or
    /// quote a CSV field. Bit `8 * i + 7` stands for the byte at offset `i` of a little-endian load.
    @inline(__always)
    static func csvSpecial(_ word: UInt64, delimiter: UInt64 = 0x2C2C_2C2C_2C2C_2C2C) -> UInt64 {
        ~(differs(word, splat: delimiter) & differs(word, 34) & differs(word, 10) & differs(word, 13)) & high
    }

    /// The bits of the first `count` (0...8) bytes of a word.
    @inline(__always)
    static func firstBytes(_ count: Int) -> UInt64 {
        count >= 8 ? ~0 : (1 << UInt64(count * 8)) &- 1
    }

    /// Whether every byte of `word` is printable ASCII other than the space (0x21...0x7E).
    @inline(__always)
    static func isPrintableWithoutSpace(_ word: UInt64) -> Bool {
        // A byte below 0x21 borrows in `word - 0x21...`, and DEL becomes 0 after `^ 0x7F...`:
        // the classic "has a byte less than n" test (exact for whether any byte is), and any
        // byte from 0x80 has its top bit set.
        let below = (word &- ones &* 0x21) & ~word & high
        let delete = word ^ (ones &* 0x7F)
        let isDelete = (delete &- ones) & ~delete & high
        return (below | isDelete | (word & high)) == 0
    }

    /// Whether every byte is ASCII (below 128), read eight at a time.
    static func isASCII(_ bytes: ByteView) -> Bool {
        var offset = 0
        var seen: UInt64 = 0
        while offset + 8 <= bytes.count {
            seen |= bytes.word(at: offset)
            offset += 8
        }
        while offset < bytes.count {
            seen |= UInt64(bytes[offset])
            offset += 1
        }
        return seen & high == 0
    }
}
