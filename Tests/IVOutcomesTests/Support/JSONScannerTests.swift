import Foundation
import Testing

@testable import IVOutcomes

@Suite("Reading JSON")
struct JSONScannerTests {
    /// Foundation's reading of JSON, as an independent check of the scanner (the library has one
    /// reader only; this oracle lives in the tests).
    struct FoundationJSON: Decodable {
        let value: JSONValue

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                value = .null
            } else if let bool = try? container.decode(Bool.self) {
                value = .bool(bool)
            } else if let number = try? container.decode(Double.self) {
                value = .number(number)
            } else if let string = try? container.decode(String.self) {
                value = .string(string)
            } else if let array = try? container.decode([FoundationJSON].self) {
                value = .array(array.map(\.value))
            } else {
                value = .object(try container.decode([String: FoundationJSON].self).mapValues(\.value))
            }
        }
    }

    func decoded(_ data: Data) -> JSONValue? { try? JSONDecoder().decode(FoundationJSON.self, from: data).value }

    func parsed(_ text: String) -> Result<JSONValue, JSONSyntaxError> { JSONScanner.parse(Data(text.utf8)) }

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
            switch JSONScanner.parse(data) {
            case .success(let value):
                scanned += 1
                #expect(value == decoded(data), "\(file.lastPathComponent)")
            case .failure:
                // A file the scanner refuses is refused by Foundation too.
                #expect(decoded(data) == nil, "\(file.lastPathComponent)")
            }
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
        let value = try JSONScanner.parse(data).get()
        #expect(value == decoded(data))
    }

    @Test("a UTF-8 byte order mark at the start is skipped")
    func byteOrderMark() throws {
        let value = try JSONScanner.parse(Data([0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8))).get()
        #expect(value == .object(["a": .number(1)]))
    }

    /// Text, line, column, and the start of the reason.
    static let refusals: [(String, Int, Int, String)] = [
        (#"{"a": 1, "a": 2}"#, 1, 10, #"the key "a" appears twice in one object"#),
        ("[01]", 1, 2, "a number JSON does not allow"),
        ("[1.]", 1, 2, "a number JSON does not allow"),
        ("[.5]", 1, 2, "expected a value"),
        ("[+1]", 1, 2, "expected a value"),
        ("[-]", 1, 2, "a number JSON does not allow"),
        ("[1e999]", 1, 2, "a number too large to hold"),
        ("[1,]", 1, 4, "expected a value"),
        (#"{"a" 1}"#, 1, 6, #"expected ':' after the key "a""#),
        ("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3, "expected ',' or '}' (a missing comma, quote or bracket?)"),
        ("[1 2]", 1, 4, "expected ',' or ']'"),
        ("{a: 1}", 1, 2, "expected a key in double quotes"),
        ("[tru]", 1, 2, "expected a value"),
        ("[\"tab\there\"]", 1, 6, "a control character inside a string"),
        (#"["\x"]"#, 1, 3, "an unknown escape"),
        (#"["\u12"]"#, 1, 3, #"\u must be followed by four hex digits"#),
        (#"["\ud83d"]"#, 1, 3, "a \\u escape of half a character"),
        ("[1] 2", 1, 5, "unexpected text after the end of the JSON value"),
        ("", 1, 1, "the file ends where a value was expected"),
        ("{", 1, 2, "expected a key in double quotes"),
        (#"["unclosed"#, 1, 2, "a string that is never closed"),
        ("[\"é\", x]", 1, 7, "expected a value"),
        (String(repeating: "[", count: 600), 1, 513, "nested more than 512 levels deep"),
    ]

    @Test("anything else is refused with the line, the column (in characters) and why", arguments: refusals)
    func refused(text: String, line: Int, column: Int, reason: String) {
        guard case .failure(let error) = parsed(text) else {
            Issue.record("accepted: \(text)")
            return
        }
        #expect(error.line == line && error.column == column, "\(text): \(error.detail)")
        #expect(error.reason.hasPrefix(reason), "\(text): \(error.detail)")
        #expect(error.detail.hasPrefix("line \(line), column \(column): "))
    }

    /// The bytes between `["` and `"]`: a stray byte, a raw surrogate, an overlong slash, a
    /// sequence cut short, each alone (read in one piece) and after an escape (read byte by byte).
    @Test(
        "bytes that are not UTF-8 inside a string are refused",
        arguments: [[0xFF], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0x61, 0xE2, 0x82], [0x5C, 0x6E, 0xFF]] as [[UInt8]])
    func invalidUTF8(inside: [UInt8]) {
        guard case .failure(let error) = JSONScanner.parse(Data([0x5B, 0x22] + inside + [0x22, 0x5D])) else {
            Issue.record("accepted \(inside)")
            return
        }
        #expect(error.reason == "a string that is not valid UTF-8" && error.column == 2)
    }

    @Test("text that is not ASCII reads the same with and without escapes around it")
    func unicodeText() throws {
        for text in [#"["é ü 😀 ✓"]"#, #"["é\n😀"]"#, #"{"clé": "ça va"}"#] {
            let data = Data(text.utf8)
            #expect(try JSONScanner.parse(data).get() == decoded(data), "\(text)")
        }
    }
}
