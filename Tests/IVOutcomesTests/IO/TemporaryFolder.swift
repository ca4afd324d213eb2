import Foundation

/// A fresh folder for one test's files, removed when the value is dropped.
final class TemporaryFolder {
    let path: String

    init() {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("ivoutcomes-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `contents` (bytes as given, so CRLF and BOMs survive) and returns the file's path.
    @discardableResult
    func write(_ name: String, _ contents: String) -> String {
        let file = (path as NSString).appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: file, contents: Data(contents.utf8))
        return file
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    func read(_ name: String) -> String? { try? String(contentsOfFile: file(name), encoding: .utf8) }
}
