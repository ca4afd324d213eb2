import Foundation
import IVOutcomes
import Testing

/// The README's library example, compiled and run here. The code between the markers must be
/// exactly the README's ```swift block, so the README can never show code that doesn't work.
@Suite("README")
struct ReadmeExampleTests {
    func runExample() throws -> [String] {
        var printed: [String] = []
        func print(_ item: Any) { printed.append("\(item)") }
        // README-BEGIN
        let catalog = try InstrumentCatalog.builtIn
        let wemwbs = try catalog.instrument(id: "wemwbs")
        var answers: [ItemID: String] = [:]
        for item in wemwbs.items { answers[item.id] = "Often" }  // labels or codes ("4")
        answers["wemwbs_14"] = ""  // a blank answer is never counted as 0
        let date = try CalendarDate(validating: "2026-11-22")
        let form = Administration(childID: "PA-0001", administeredOn: date, instrument: "wemwbs", answers: answers)
        let sheet = try wemwbs.score(form)
        print(sheet.status)  // incomplete: item 14 is blank
        print(sheet.score(of: "wemwbs_total") ?? "not scored")  // WEMWBS needs all 14 answers
        print(sheet.score(of: "swemwbs_metric") ?? "not scored")  // 25.03: SWEMWBS doesn't use item 14
        // README-END
        return printed
    }

    @Test("the library example in the README compiles, runs and prints what it says")
    func libraryExample() throws {
        #expect(try runExample() == ["incomplete", "not scored", "25.03"])
    }

    @Test("the README shows exactly the code tested here")
    func readmeMatches() throws {
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let start = try #require(source.range(of: "// README-BEGIN\n"))
        let end = try #require(source.range(of: "        // README-END"))
        let tested = source[start.upperBound..<end.lowerBound].split(separator: "\n").map { $0.dropFirst(8) }.joined(
            separator: "\n")
        let readme = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("```swift\nimport IVOutcomes\n\n" + tested + "\n```"))
    }
}
