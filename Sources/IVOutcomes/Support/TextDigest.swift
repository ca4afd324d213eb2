/// A short fingerprint of a text (64-bit FNV-1a of its UTF-8, in hex): enough to tell whether two
/// texts are the same, such as an area's published report and the one made again from its
/// confidential return. Not a cryptographic hash: it guards against mistakes, not against forgery.
///
/// ```swift
/// TextDigest.of("a")    // "fnv1a64:af63dc4c8601ec8c"
/// ```
enum TextDigest {
    static func of(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
