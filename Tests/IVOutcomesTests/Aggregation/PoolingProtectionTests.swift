import Foundation
import Testing

@testable import IVOutcomes

@Suite("Pooling: unprotected and unaudited summaries")
struct PoolingProtectionTests {
    static func summary(threshold: Int) throws -> Data {
        let policy = try SuppressionPolicy(threshold: threshold, allowSmallNumbers: true)
        let view = ReportView(
            aggregate: AreaAggregate(tracker: try ReportData.tracker(ReportData.areaB), area: "B"),
            catalog: try InstrumentCatalog.builtIn, policy: policy)
        return Data(view.poolingSummary().utf8)
    }

    @Test("a summary published with a threshold under 5 is refused, and marked when allowed")
    func unprotected() throws {
        let data = try Self.summary(threshold: 2)
        #expect(throws: PoolingError.self) { try AreaAggregate(poolingSummary: data, file: "b.json") }
        do {
            _ = try AreaAggregate(poolingSummary: data, file: "b.json")
        } catch {
            #expect(error.message.contains("--allow-small-numbers"))
        }
        let area = try AreaAggregate(poolingSummary: data, file: "b.json", allowSmallNumbers: true)
        #expect(area.unprotectedAreas == ["B"])
        let national = ReportView(
            aggregate: try AreaAggregate.pooling([area]), catalog: try InstrumentCatalog.builtIn, policy: .standard)
        let warning = try #require(national.disclosure.warning)
        #expect(warning.contains("unprotected areas") && warning.contains("B"))
        // The warning comes first in the JSON, right after the format.
        let json = national.jsonSummary()
        let lines = json.split(separator: "\n")
        #expect(lines.count > 4 && lines[3].hasPrefix("  \"warning\": \"contains unprotected areas"))
        #expect(national.html().contains("<b>Warning:</b> contains unprotected areas"))
    }

    @Test("a summary of format version 1 is read, as unaudited")
    func versionOne() throws {
        let text = Self.olderSummary(try Self.summary(threshold: 5), version: 1)
        let area = try AreaAggregate(poolingSummary: Data(text.utf8), file: "b.json")
        #expect(area.unauditedAreas == ["B"] && area.unprotectedAreas.isEmpty)
        let national = ReportView(
            aggregate: try AreaAggregate.pooling([area]), catalog: try InstrumentCatalog.builtIn, policy: .standard)
        #expect(national.disclosure.unauditedAreas == ["B"])
        #expect(national.jsonSummary().contains("\"unauditedAreas\": [\n      \"B\"\n    ]"))
    }

    @Test(
        "data quality is keyed by stable snake_case keys; summaries of versions 1 and 2 (keyed by labels) read the same"
    )
    func dataQualityKeys() throws {
        let current = try Self.summary(threshold: 5)
        let text = String(decoding: current, as: UTF8.self)
        #expect(text.contains("\"formatVersion\": \(ReportView.formatVersion)"))
        for field in DataQuality.fields { #expect(text.contains("\"\(field.key)\": ")) }
        let read = try AreaAggregate(poolingSummary: current, file: "b.json")
        #expect(read.dataQuality.rowsRead.value > 0)
        for version in [1, 2] {
            let older = try AreaAggregate(
                poolingSummary: Data(Self.olderSummary(current, version: version).utf8), file: "b.json")
            #expect(older.dataQuality == read.dataQuality)
        }
    }

    /// A current summary written as an older version would have it: labels as data-quality keys.
    static func olderSummary(_ summary: Data, version: Int) -> String {
        var text = String(decoding: summary, as: UTF8.self)
            .replacingOccurrences(
                of: "\"formatVersion\": \(ReportView.formatVersion)", with: "\"formatVersion\": \(version)")
        for field in DataQuality.fields {
            text = text.replacingOccurrences(of: "\"\(field.key)\": ", with: "\"\(field.label)\": ")
        }
        return text
    }
}
