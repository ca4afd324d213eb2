import Foundation
import Testing

@testable import IVOutcomes

@Suite("Child ids")
struct ChildTableTests {
    /// Ids of every length from 0 to 24 bytes, many sharing long prefixes, some not ASCII.
    static let ids: [String] = {
        var ids: [String] = [""]
        for length in 1...24 { ids.append(String(repeating: "C", count: length)) }
        for number in 0..<3000 { ids.append("C\(number)") }
        for number in 0..<200 { ids.append("child-with-a-long-shared-prefix-\(number)") }
        ids += ["É1", "é", "子ども1", "K1"]
        return ids
    }()

    @Test("every id gets the next number once, and is found and given back byte for byte")
    func numbering() {
        var table = ChildTable()
        for (number, id) in Self.ids.enumerated() {
            let id = id
            let (index, inserted) = id.withUTF8View { table.insert($0) }
            #expect(index == number && inserted, "\(id)")
        }
        #expect(table.count == Self.ids.count)
        for (number, id) in Self.ids.enumerated().shuffled() {
            let id = id
            #expect(id.withUTF8View { table.index(of: $0) } == number)
            #expect(id.withUTF8View { table.insert($0) } == (number, false))
            #expect(id.withUTF8View { table.isNamed(number, $0) })
            #expect(table.id(number) == id)
        }
        let missing = "C3000"
        #expect(missing.withUTF8View { table.index(of: $0) } == nil)
        #expect(missing.withUTF8View { table.isNamed(3000, $0) } == false)
    }

    @Test("ids that Swift strings hold equal name one child, shown in NFC whatever spelling comes first")
    func canonicalEquivalence() throws {
        // "É" composed and decomposed; the Kelvin sign and "K".
        let rows = [
            ("E\u{301}1", "2026-01-01"), ("\u{C9}1", "2026-06-01"), ("\u{212A}1", "2026-01-01"), ("K1", "2026-06-01"),
        ]
        for order in [rows, rows.reversed()] {
            let tracker = try FollowUpData.tracker()
            for (id, day) in order { tracker.add(FollowUpData.wemwbs(id, day, total: 40)) }
            #expect(tracker.childOrder.map(\.id) == ["K1", "\u{C9}1"])
        }
        let tracker = try FollowUpData.tracker()
        for (id, day) in rows { tracker.add(FollowUpData.wemwbs(id, day, total: 40)) }
        let changes = tracker.changes().filter { $0.scale == "wemwbs_total" }
        #expect(changes.map(\.administrations) == [2, 2])
        #expect(tracker.counts.duplicates == 0)
        // The CSV writer shows the same ids, in the same order.
        let output = ByteWriter(collecting: ())
        try tracker.writeChanges(to: output, format: .csv)
        try output.commit()
        let lines = output.collected.split(separator: 10).dropFirst()
        let ids = lines.map { Array($0.prefix { $0 != UInt8(ascii: ",") }) }
        #expect(ids == ["K1", "K1", "\u{C9}1", "\u{C9}1"].map { Array($0.utf8) })
    }

    @Test("a file with an id that is not valid UTF-8 is refused at its first bad byte, on both paths")
    func invalidUTF8() throws {
        let folder = TemporaryFolder()
        var bytes = Array("child_id,administered_on,instrument,".utf8)
        bytes += Array((1...14).map { "wemwbs_\($0)" }.joined(separator: ",").utf8) + [10]
        for (id, day) in [
            ([UInt8(ascii: "C"), 0xFF], "2026-01-01"), ([UInt8(ascii: "C"), 0xFE], "2026-06-01"),
            (Array("C\u{FFFD}".utf8), "2026-09-01"),
        ] {
            bytes += id + Array(",\(day),wemwbs,3,3,3,3,3,3,3,3,3,3,3,3,3,3\n".utf8)
        }
        let path = folder.file("invalid.csv")
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        for fast in [false, true] {
            let catalog = try InstrumentCatalog.builtIn
            let reader = try ResponseFileReader(path: path, catalog: catalog)
            reader.usesFastPath = fast
            let tracker = FollowUpTracker(
                catalog: catalog, options: FollowUpOptions(asOf: FollowUpData.date("2026-11-22")))
            #expect {
                try reader.track(into: tracker)
            } throws: { error in
                (error as? InputError)?.description
                    == "\(path):2:2: not readable text: not UTF-8: byte 0xFF (\"\u{FF}\" in Windows-1252); the file is probably Windows-1252 (older Excel's \"CSV (Comma delimited)\"): save it from Excel as \"CSV UTF-8 (Comma delimited)\", or give --encoding windows-1252 to convert it"
            }
        }
    }

    @Test("ids given to the tracker in memory that are not valid UTF-8 name the same child as their repair")
    func repairedIDs() throws {
        let tracker = try FollowUpData.tracker()
        for (id, day) in [
            ("C\u{FFFD}", "2026-01-01"), (String(decoding: [UInt8(ascii: "C"), 0xFF], as: UTF8.self), "2026-06-01"),
        ] {
            tracker.add(FollowUpData.wemwbs(id, day, total: 40))
        }
        #expect(tracker.childOrder.map(\.id) == ["C\u{FFFD}"])
        #expect(tracker.changes().first { $0.scale == "wemwbs_total" }?.administrations == 2)
    }

    @Test("a child in the register under another canonical form is found there, and listed once")
    func registerForms() throws {
        let register = ChildRegister(children: [
            ChildDetails(id: "E\u{301}1", birthMonth: BirthMonth(text: "2010-01")),
            ChildDetails(id: "R2", birthMonth: BirthMonth(text: "2010-01")),
        ])
        let tracker = try FollowUpData.tracker(register: register)
        tracker.add(FollowUpData.wemwbs("\u{C9}1", "2026-01-01", total: 40))
        #expect(tracker.childOrder.map(\.id) == ["R2", "\u{C9}1"])
        let change = try #require(tracker.changes().first { $0.childID == "\u{C9}1" && $0.scale == "wemwbs_total" })
        #expect(change.belowValidatedAge == .no)
    }
}
