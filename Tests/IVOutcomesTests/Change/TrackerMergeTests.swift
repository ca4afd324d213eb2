import Foundation
import Testing

@testable import IVOutcomes

/// Trackers filled in parallel tasks and merged give exactly what one tracker given every file
/// gives: changes, schedules, logs, counts and the problems found once all rows are in.
@Suite("Change: trackers merged from parallel tasks")
struct TrackerMergeTests {
    static let options = FollowUpOptions(asOf: CalendarDate(iso: "2026-11-22")!)

    static func outputs(_ tracker: FollowUpTracker) throws -> [String] {
        var texts = try OrderIndependenceTests.written(tracker)
        texts.append("\(tracker.counts)")
        texts.append(tracker.resolutionProblems.map(\.description).joined(separator: "\n"))
        return texts
    }

    @Test(
        "rows split over files, tracked in a task group and merged, match one tracker",
        arguments: [1, 2, 3] as [UInt64])
    func mergedMatchesSerial(seed: UInt64) async throws {
        let rows = OrderIndependenceTests.rows(seed: seed, count: 300)
        let header = OrderIndependenceTests.header.joined(separator: ",")
        var random = FastPathTests.Generator(state: seed &* 7919)
        var parts = [[String]](repeating: [], count: 3)
        for row in rows { parts[random.next(3)].append(row) }
        let texts = parts.map { ([header] + $0).joined(separator: "\n") + "\n" }
        let catalog = try InstrumentCatalog.builtIn

        let serial = FollowUpTracker(catalog: catalog, options: Self.options)
        for (index, text) in texts.enumerated() {
            try ResponseFileReader(text: text, name: "part\(index).csv", catalog: catalog).track(into: serial)
        }
        let records = try await withThrowingTaskGroup(of: (Int, FollowUpRecords).self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask {
                    let tracker = FollowUpTracker(catalog: catalog, options: Self.options)
                    try ResponseFileReader(text: text, name: "part\(index).csv", catalog: catalog).track(into: tracker)
                    return (index, tracker.records)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }.sorted { $0.0 < $1.0 }.map(\.1)
        }
        let merged = FollowUpTracker(catalog: catalog, options: Self.options)
        for part in records { try merged.merge(part) }
        #expect(try Self.outputs(merged) == Self.outputs(serial))
        #expect(records.map { $0.count }.reduce(0, +) > 0)
    }

    @Test("records of a tracker with other options are refused")
    func otherOptions() throws {
        let catalog = try InstrumentCatalog.builtIn
        let other = FollowUpTracker(catalog: catalog, options: FollowUpOptions(asOf: CalendarDate(iso: "2025-01-01")!))
        let tracker = FollowUpTracker(catalog: catalog, options: Self.options)
        #expect(throws: FollowUpMergeError.differentOptions) { try tracker.merge(other.records) }
    }
}

@Suite("Change: administrations added in memory")
struct InMemoryTrackingTests {
    @Test("problems of administrations added in code name no file or line, and duplicates name them by order")
    func noFileContext() throws {
        let catalog = try InstrumentCatalog.builtIn
        let tracker = FollowUpTracker(catalog: catalog, options: TrackerMergeTests.options)
        let form = Answers.administration("wemwbs", ["wemwbs_1": "3"])
        let problems = tracker.add(form)
        #expect(problems.allSatisfy { $0.file == nil && $0.line == nil })
        #expect(problems.first?.description == "column wemwbs_2: no answer")
        tracker.add(form)
        let duplicate = try #require(tracker.resolutionProblems.first)
        #expect(duplicate.code == .rowDuplicate && duplicate.line == nil)
        #expect(duplicate.message.contains("administration 1 added in memory"))
        #expect(!duplicate.description.contains("line 0") && !duplicate.description.hasPrefix(":"))
    }
}
