/// Where a reader's text comes from: a file (`-` is standard input) or bytes held in memory,
/// with the name messages give it.
enum TextSource: Sendable {
    case file(String)
    case memory(name: String, bytes: [UInt8])

    /// The name messages give the input: the file's path, or the name given with the bytes.
    var name: String {
        switch self {
        case .file(let path): return path
        case .memory(let name, _): return name
        }
    }
}
