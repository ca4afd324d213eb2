import Foundation
import Testing

@testable import IVOutcomes

@Suite("Reading JSON")
struct JSONScannerTests {
    func decoded(_ data: Data) -> JSONValue? { try? JSONDecoder().decode(JSONValue.self, from: data) }

    @Test("every built-in definition and test fixture reads exactly as Foundation decodes it")
    func sameAsFoundation() throws {
        let roots = [
            Fixtures.testsFolder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                "Instruments"), Fixtures.folder,
        ]
        var files: [URL] = []
        for root in roots {
            let found =
                FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? []
            files += found.filter { $0.pathExtension == "json" }
        }
        #expect(files.count > 30)
        var scanned = 0
        for file in files {
            let data = try Data(contentsOf: file)
            guard let value = JSONScanner.value(of: data) else {
                // Left to Foundation: it must then fail too, or the file uses something the
                // scanner leaves to it (such as a duplicate key).
                continue
            }
            scanned += 1
            #expect(value == decoded(data), "\(file.lastPathComponent)")
        }
        #expect(scanned > 25)
    }

    @Test(
        "strict JSON values, escapes and numbers",
        arguments: [
            #"{"a": [1, -0.5, 2e3, 1E-2, 0, true, false, null], "b": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", "c": {}}"#,
            #"[]"#, #" "plain" "#, #"12345678901234567890"#, #"{"nested": [[[{"deep": [1]}]]]}"#,
        ])
    func values(text: String) throws {
        let data = Data(text.utf8)
        let value = try #require(JSONScanner.value(of: data))
        #expect(value == decoded(data))
    }

    @Test(
        "anything else is left to Foundation",
        arguments: [
            #"{"a": 1, "a": 2}"#, "[01]", "[1.]", "[.5]", "[+1]", "[1,]", #"{"a" 1}"#, "[tru]", "[\"tab\there\"]",
            #"["\x"]"#,
            #"["\ud83d"]"#, "[1] 2", "", "{", #"["unclosed"#,
        ])
    func refused(text: String) {
        #expect(JSONScanner.value(of: Data(text.utf8)) == nil)
    }
}
