/// The character encoding of an input file. Files are read as UTF-8; the others are converted
/// to UTF-8 as they are read, and only when asked for (`--encoding`) or, for UTF-16, announced
/// by a byte-order mark. No character is ever replaced: a byte that is not valid in the file's
/// encoding is an error naming its line and column.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable {
    /// UTF-8, the default.
    case utf8 = "utf-8"
    /// UTF-16, little- or big-endian by its byte-order mark (little-endian without one, as
    /// Excel's "Unicode text" writes it).
    case utf16 = "utf-16"
    /// Windows-1252, what older Excel versions write as "CSV (Comma delimited)" in western Europe.
    case windows1252 = "windows-1252"

    /// The Unicode scalar of a Windows-1252 byte, or `nil` for the five bytes it leaves undefined.
    static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar? { UTF8Check.windows1252Scalar(byte) }
}
