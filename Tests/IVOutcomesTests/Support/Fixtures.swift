import Foundation
import IVOutcomes

/// Paths of the package and of this target's fixtures, found from this file's location.
enum Fixtures {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let folder = testsFolder.appendingPathComponent("Fixtures")
    static let packageRoot = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let instrumentsFolder = packageRoot.appendingPathComponent("Instruments")

    /// Whether golden files should be re-recorded (set `IVOUTCOMES_RECORD=1` on purpose).
    static var isRecording: Bool { ProcessInfo.processInfo.environment["IVOUTCOMES_RECORD"] == "1" }

    static func path(_ relative: String) -> String { folder.appendingPathComponent(relative).path }

    /// The names of files in a fixture folder with an extension, sorted.
    static func files(in relative: String, extension ext: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path(relative))) ?? []
        return names.filter { $0.hasSuffix(".\(ext)") }.sorted()
    }

    /// Compares `actual` with a golden file, or records it when recording.
    static func matchesGolden(_ actual: String, at relative: String) -> (matches: Bool, expected: String) {
        let url = folder.appendingPathComponent(relative)
        if isRecording {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return (true, actual)
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? "<missing golden file \(relative)>"
        return (expected == actual, expected)
    }
}
