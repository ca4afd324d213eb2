// What an IV tool does with IVOutcomes, all in memory: its own records become administrations,
// they are scored and problems shown by code, children are tracked (several uploads at once, in
// a task group, then merged), an area's aggregate is built with the tool's own breakdown, and the
// report's summary is read as values. It exits with 1 if anything is not as expected.
import Foundation
import IVOutcomes

/// The tool's own record of a questionnaire, as its app stores it.
struct VisitRecord {
    let pseudonym: String
    let date: String
    let placement: String
    let answers: [Int?]  // WEMWBS items 1-14, nil when skipped
}

var failures: [String] = []
@MainActor func check(_ condition: Bool, _ what: String) {
    print(condition ? "ok    \(what)" : "FAIL  \(what)")
    if !condition { failures.append(what) }
}

let catalog = try InstrumentCatalog.builtIn
let wemwbs = try catalog.instrument(id: "wemwbs")
let engine = ScoringEngine(instrument: wemwbs)

// 1. The tool's records -> administrations (ids checked) -> scores, problems by code.
let records =
    (1...12).flatMap { child -> [VisitRecord] in
        let placement = child <= 7 ? "foster" : "residential"
        let baseline = (0..<14).map { item -> Int? in (child + item) % 4 + 1 }
        let later = baseline.map { $0.map { min($0 + 1, 5) } }
        return [
            VisitRecord(
                pseudonym: "IV-\(child)", date: "2026-01-\(10 + child)", placement: placement, answers: baseline),
            VisitRecord(pseudonym: "IV-\(child)", date: "2026-07-\(10 + child)", placement: placement, answers: later),
        ]
    } + [
        VisitRecord(
            pseudonym: "Jane Smith", date: "2026-02-01", placement: "foster", answers: Array(repeating: 3, count: 14)),
        VisitRecord(
            pseudonym: "IV-99", date: "2026-02-01", placement: "foster",
            answers: [3, 3, nil] + Array(repeating: 3, count: 11)),
    ]

var administrations: [Administration] = []
var refused: [ChildIDError.Reason] = []
for record in records {
    do {
        let child = try ChildID(validating: record.pseudonym)
        let date = try CalendarDate(validating: record.date)
        var codes: [ItemID: Int] = [:]
        for (item, answer) in zip(wemwbs.items, record.answers) { if let answer { codes[item.id] = answer } }
        administrations.append(Administration(childID: child, administeredOn: date, instrument: "wemwbs", codes: codes))
    } catch let error as ChildIDError {
        refused.append(error.reason)
    }
}
check(refused == [.looksLikeName], "a name given as an id is refused before it reaches the library")

var problemCounts: [ProblemCode: Int] = [:]
for administration in administrations {
    let sheet = try engine.score(administration)
    for problem in sheet.rowProblems { problemCounts[problem.code, default: 0] += 1 }
}
check(problemCounts[.answerMissing] == 1, "the skipped answer is counted by its code (answer.missing)")
// Item 3 is in both WEMWBS and SWEMWBS: the WEMWBS total and the SWEMWBS raw sum are not scored,
// and so neither is the SWEMWBS metric score converted from it.
check(problemCounts[.scaleIncomplete] == 2, "the two unscored sums are counted by their code (scale.incomplete)")
check(problemCounts[.scaleSourceNotScored] == 1, "the metric score left unscored is counted (scale.source_not_scored)")
let march = try CalendarDate(validating: "2026-03-01")
do {
    _ = try engine.score(Administration(childID: "IV-1", administeredOn: march, instrument: "swemwbs", codes: [:]))
    check(false, "a SWEMWBS form on the WEMWBS engine is an error")
} catch {
    check(error.code == .instrumentMismatch, "a SWEMWBS form on the WEMWBS engine is an error (\(error.code))")
}

// 2. Tracking, several uploads at once: one tracker per task, merged.
let asOf = try CalendarDate(validating: "2026-11-30")
let options = FollowUpOptions(asOf: asOf)
let halves = [Array(administrations.prefix(13)), Array(administrations.dropFirst(13))]
let parts = try await withThrowingTaskGroup(of: FollowUpRecords.self) { group in
    for half in halves {
        group.addTask {
            let tracker = FollowUpTracker(catalog: catalog, options: options)
            for administration in half { tracker.add(administration) }
            return tracker.records
        }
    }
    var collected: [FollowUpRecords] = []
    for try await part in group { collected.append(part) }
    return collected
}
let tracker = FollowUpTracker(catalog: catalog, options: options)
for part in parts { try tracker.merge(part) }
let changes = tracker.changes().filter { $0.scale == "wemwbs_total" }
check(changes.count == 13, "13 children followed on WEMWBS (\(changes.count))")
check(changes.filter { $0.followUp != nil }.count == 12, "12 of them followed up")

// An upload of CSV text, read in memory (no temporary file).
let csv = """
    child_id,administered_on,instrument,wemwbs_1,wemwbs_2,wemwbs_3,wemwbs_6,wemwbs_7,wemwbs_9,wemwbs_11
    IV-50,2026-03-01,swemwbs,4,4,4,4,4,4,4
    IV-50,2026-09-01,swemwbs,5,5,4,4,5,5,4

    """
let upload = try ResponseFileReader(text: csv, name: "upload.csv", catalog: catalog)
try upload.track(into: tracker)
check(
    tracker.changes().contains { $0.childID == "IV-50" && $0.scale == "swemwbs_metric" },
    "an in-memory CSV upload is tracked")

// 3. An aggregate with the tool's own breakdown, from values it holds.
// Every child has details: a child without them would be alone in an `unknown` category,
// and the disclosure audit would then hide far more to protect that one child.
let uploaded = VisitRecord(pseudonym: "IV-50", date: "2026-03-01", placement: "residential", answers: [])
let details = (records + [uploaded]).compactMap { record -> ChildDetails? in
    guard let id = try? ChildID(validating: record.pseudonym) else { return nil }
    return ChildDetails(
        id: id, birthMonth: BirthMonth(text: "2012-06"), attributes: ["placement_type": record.placement])
}
let unique = Dictionary(details.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }).values.sorted {
    $0.id < $1.id
}
let aggregate = AreaAggregate(
    area: "Pilotshire", asOf: asOf, catalog: catalog, changes: tracker.changes(), logSummaries: tracker.logSummaries(),
    children: Array(unique), breakdowns: ["age_band", "placement_type"])
let dimensions = Set(aggregate.groups.map(\.dimension))
check(dimensions == ["all", "age_band", "placement_type"], "groups by age band and the tool's placement_type")

// 4. The report as values, suppressed as published.
let view = ReportView(aggregate: aggregate, catalog: catalog, policy: .standard)
let summary = try view.summary()
let residential = summary.groups.first { $0.dimension == "placement_type" && $0.category == "residential" }
check(residential?.children == .shown(6), "6 residential children shown")
let foster = summary.groups.first { $0.dimension == "placement_type" && $0.category == "foster" }
let fosterTotal = foster?.scales.first { $0.scale == "wemwbs_total" }
check(fosterTotal?.childrenWithFollowUp == .shown(7), "7 foster children followed up on WEMWBS")
check(summary.disclosureControl.auditPassed, "the report passed the disclosure audit")

let output = ByteWriter(collecting: ())
try tracker.writeChanges(to: output, format: .jsonl)
try output.commit()
check(
    String(decoding: output.collected, as: UTF8.self).contains("\"child_id\":\"IV-50\""),
    "change rows written into memory")

if failures.isEmpty {
    print("library client: every check passed")
} else {
    print("library client: \(failures.count) failed")
    exit(1)
}
