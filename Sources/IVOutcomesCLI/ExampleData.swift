import Foundation

/// The synthetic pilot-area data in `Examples/`, embedded at build time so `ivoutcomes demo`
/// works from any folder.
enum ExampleData {
    /// File names (without the folder) and contents.
    static var files: [(name: String, data: Data)] {
        EmbeddedExamples.files.map { file in
            (String(file.name.split(separator: "/").last ?? ""), Data(base64Encoded: file.base64) ?? Data())
        }
    }
}
