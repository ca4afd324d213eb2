import Foundation
import Testing

@testable import IVOutcomes

@Suite("Child ids")
struct ChildIDTests {
    @Test(
        "pseudonymous ids are accepted; empty ids, control characters and names are refused",
        arguments: [
            ("C0001", nil),
            ("  PA-0001 ", nil),
            ("Fox", nil),  // one word can't be told from a pseudonym
            ("child 7", nil),
            ("IV 2024 A", nil),
            ("a_b c", nil),
            ("Zoë", nil),
            ("", ChildIDError.Reason.empty),
            ("   ", .empty),
            ("\u{A0}", .empty),
            ("C1\tC2", .controlCharacter),
            ("C\u{7F}1", .controlCharacter),
            ("C\u{85}1", .controlCharacter),
            ("Jane Smith", .looksLikeName),
            ("jane smith", .looksLikeName),
            ("Mary-Jane O'Brien", .looksLikeName),
            ("Siân O\u{2019}Neill", .looksLikeName),
            ("Anna  Maria   Lopez", .looksLikeName),
            ("Zoë Brontë", .looksLikeName),
            ("- -", nil),
        ] as [(String, ChildIDError.Reason?)])
    func validation(text: String, reason: ChildIDError.Reason?) {
        let found: ChildIDError.Reason?
        do {
            _ = try ChildID(validating: text)
            found = nil
        } catch {
            found = error.reason
        }
        #expect(found == reason, "\(text.debugDescription)")
        // The byte rule of the readers agrees with the string rule.
        let bytes = Array(text.utf8)
        #expect(bytes.withView { ChildID.problem(in: $0) } == reason, "\(text.debugDescription) as bytes")
        #expect((ChildID(rawValue: text) == nil) == (reason != nil))
    }

    @Test("a valid id is trimmed; a message never repeats the text, and says to use the pseudonymous id")
    func messages() throws {
        #expect(try ChildID(validating: " C1 ").rawValue == "C1")
        let error = try #require(throws: ChildIDError.self) { try ChildID(validating: "Jane Smith") }
        #expect(error.code == .childIDLooksLikeName)
        #expect(!error.description.contains("Jane"))
        #expect(error.description.contains("use the area's pseudonymous id"))
    }

    @Test("decoding checks the id like the validating initialiser")
    func decoding() throws {
        let decoded = try JSONDecoder().decode([ChildID].self, from: Data(#"["C1"]"#.utf8))
        #expect(decoded == ["C1"])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([ChildID].self, from: Data(#"["Jane Smith"]"#.utf8))
        }
    }

    @Test("a response row whose child id looks like a name is not used, with its code, line and column")
    func readerRefusesNames() throws {
        let csv = """
            child_id,administered_on,instrument,wemwbs_1,wemwbs_2,wemwbs_3,wemwbs_6,wemwbs_7,wemwbs_9,wemwbs_11
            Jane Smith,2026-02-10,swemwbs,3,3,3,3,3,3,3
            C2,2026-02-10,swemwbs,3,3,3,3,3,3,3

            """
        let reader = try ResponseFileReader(text: csv, name: "app.csv", catalog: .builtIn)
        var rows: [ScoredRow] = []
        try reader.forEachRow { rows.append($0) }
        #expect(rows.map(\.status) == [.invalid, .scored])
        #expect(rows[0].childID == nil && rows[1].childID == "C2")
        let problem = try #require(rows[0].problems.first)
        #expect(problem.code == .childIDLooksLikeName)
        #expect((problem.file, problem.line, problem.column) == ("app.csv", 2, "child_id"))
        #expect(problem.description.hasPrefix("app.csv:2: column child_id: looks like a person's name"))
    }
}

extension ChildIDTests {
    @Test(
        "the fast path's word-at-a-time check accepts only ids the rule accepts, and most plain ones",
        arguments: [1, 2, 3] as [UInt64])
    func plainCheckAgreesWithRule(seed: UInt64) {
        var random = FastPathTests.Generator(state: seed)
        let alphabet: [UInt8] = Array("aZ09-_' .".utf8) + [0x09, 0x7F, 0x7E, 0x21, 0x20, 0xC3, 0xA9, 0x00]
        var plain = 0
        for _ in 0..<5000 {
            let count = random.next(20)
            let bytes = (0..<count).map { _ in
                random.next(3) == 0 ? alphabet[random.next(alphabet.count)] : UInt8(ascii: "C") + UInt8(random.next(20))
            }
            // A padded buffer with arbitrary bytes after the cell.
            let buffer = OwnedBuffer<UInt8>(repeating: 0x20, count: 32)
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
            buffer.withView(count: count) { cell in
                if ChildID.isPlainlyValid(padded: cell) {
                    plain += 1
                    #expect(ChildID.problem(in: cell) == nil, "\(bytes)")
                }
                if count > 0, count <= 16, bytes.allSatisfy({ (0x21...0x7E).contains($0) }) {
                    #expect(ChildID.isPlainlyValid(padded: cell), "\(bytes)")
                }
            }
        }
        #expect(plain > 500)
    }
}
