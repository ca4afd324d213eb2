import Foundation

/// Reads the parts of a pooling summary, checking every number before use and naming the JSON
/// path of anything wrong (``AreaAggregate/init(poolingSummary:file:allowSmallNumbers:)``).
struct PoolingSummaryReader {
    let file: String
    /// Whether every count and sum must be exact (a confidential return): a hidden or pooled cell is refused.
    var exactOnly = false

    func fail(_ message: String) -> PoolingError { PoolingError(file: file, message: message) }

    /// The file's top-level JSON object, or an error saying it is not `expected`.
    func document(_ data: Data, expected: String) throws(PoolingError) -> [String: JSONValue] {
        if let encoding = UTF8Check.problem(in: [UInt8](data)) { throw fail(encoding) }
        let root: JSONValue
        switch JSONValue.parse(data) {
        case .success(let value): root = value
        case .failure(let error): throw fail("not valid JSON (\(error.detail)): expected \(expected)")
        }
        guard case .object(let top) = root else { throw fail("not a JSON object (expected \(expected))") }
        return top
    }

    /// The aggregate a summary or return holds: areas, as-of date, instruments, data quality
    /// (keyed by `dataQualityKey` of each field) and groups.
    func aggregate(
        _ top: [String: JSONValue],
        dataQualityKey: (_ field: (key: String, label: String, keyPath: WritableKeyPath<DataQuality, PoolableCount>)) ->
            String
    ) throws(PoolingError) -> AreaAggregate {
        guard case .array(let areaValues)? = top["areas"] else {
            throw fail("areas: expected a list of area names")
        }
        var areas: [String] = []
        for (index, value) in areaValues.enumerated() { areas.append(try string(value, "areas[\(index)]")) }
        guard let asOf = CalendarDate(iso: try string(top["asOf"], "asOf")) else {
            throw fail("asOf: expected YYYY-MM-DD")
        }
        var instruments: [InstrumentID] = []
        if case .array(let values)? = top["instruments"] {
            for value in values { if case .string(let id) = value { instruments.append(InstrumentID(id)) } }
        }
        var quality = DataQuality()
        if case .object(let fields)? = top["dataQuality"] {
            for field in DataQuality.fields {
                let name = dataQualityKey(field)
                guard fields[name] != nil else {
                    if exactOnly { throw fail("dataQuality.\(name): expected an exact count") }
                    // A count the area's version of IVOutcomes did not write is not known: never a 0.
                    quality[keyPath: field.keyPath] = PoolableCount(0, areasSuppressed: 1)
                    continue
                }
                quality[keyPath: field.keyPath] = try count(fields[name], "dataQuality.\(name)")
            }
        }
        guard case .array(let groupValues)? = top["groups"] else { throw fail("groups: expected a list") }
        var groups: [GroupAggregate] = []
        for (index, value) in groupValues.enumerated() { groups.append(try group(value, "groups[\(index)]")) }
        return AreaAggregate(areas: areas, asOf: asOf, instruments: instruments, groups: groups, dataQuality: quality)
    }

    /// A whole number in `range`.
    func whole(_ value: JSONValue?, _ path: String, in range: ClosedRange<Double>, _ expected: String)
        throws(PoolingError) -> Int
    {
        guard case .number(let number)? = value, number == number.rounded(), range.contains(number) else {
            throw fail(
                "\(path): expected \(expected)\(value.map { ", found \(PoolingSummaryReader.shown($0))" } ?? "")")
        }
        return Int(number)
    }

    /// A JSON value as a message shows it: a number in full, anything else by kind.
    static func shown(_ value: JSONValue) -> String {
        switch value {
        case .number(let number):
            return number == number.rounded() && abs(number) < 1e18 ? String(Int(number)) : String(number)
        case .string(let text): return "\"\(text.prefix(40))\""
        case .null: return "null"
        case .bool(let flag): return String(flag)
        case .array: return "a list"
        case .object: return "an object"
        }
    }

    private static let counts = 0...Double(AreaAggregate.maximumCount)
    private static let countText = "a whole number from 0 to \(AreaAggregate.maximumCount)"

    /// A count: a number, a hidden cell (any string: `"[c]"`, or version 1's "under 5" and
    /// "suppressed"), or a pooled cell (`atLeast`, `areasSuppressed`).
    func count(_ value: JSONValue?, _ path: String) throws(PoolingError) -> PoolableCount {
        let (counts, countText) = (PoolingSummaryReader.counts, PoolingSummaryReader.countText)
        switch value {
        case .number?: return PoolableCount(try whole(value, path, in: counts, countText))
        case .string? where exactOnly, .object? where exactOnly:
            throw fail("\(path): expected an exact count (a confidential return hides nothing)")
        case .string?: return PoolableCount(0, areasSuppressed: 1)
        case .object(let fields)?:
            guard fields["atLeast"] != nil, fields["areasSuppressed"] != nil else {
                throw fail("\(path): expected atLeast and areasSuppressed")
            }
            return PoolableCount(
                try whole(fields["atLeast"], "\(path).atLeast", in: counts, countText),
                areasSuppressed: try whole(fields["areasSuppressed"], "\(path).areasSuppressed", in: counts, countText))
        default: throw fail("\(path): expected a count or \"[c]\"")
        }
    }

    /// Sums of values (`n`, `sumX100`, `sumSquaresX10000`), or a suppressed cell.
    func sums(_ value: JSONValue?, _ path: String) throws(PoolingError) -> PoolableSums {
        switch value {
        case .string? where exactOnly: throw fail("\(path): expected exact sums (a confidential return hides nothing)")
        case .string?: return PoolableSums(areasSuppressed: 1)
        case .object(let fields)?:
            guard fields["n"] != nil, fields["sumX100"] != nil, fields["sumSquaresX10000"] != nil else {
                throw fail("\(path): expected n, sumX100 and sumSquaresX10000")
            }
            // Whole numbers that JSON numbers hold exactly, so pooled sums stay exact.
            let exact = Double(AreaAggregate.maximumSum)
            let n = try whole(fields["n"], "\(path).n", in: PoolingSummaryReader.counts, PoolingSummaryReader.countText)
            let sum = try whole(
                fields["sumX100"], "\(path).sumX100", in: -exact...exact, "a whole number of at most 2^53 in size")
            let squares = try whole(
                fields["sumSquaresX10000"], "\(path).sumSquaresX10000", in: 0...exact, "a whole number from 0 to 2^53")
            return PoolableSums(ValueSums(count: n, sumHundredths: sum, sumOfSquaresTenThousandths: squares))
        default: throw fail("\(path): expected sums or \"[c]\"")
        }
    }

    /// An object of counts by category.
    func countSet(_ value: JSONValue?, _ path: String) throws(PoolingError) -> CountSet {
        guard case .object(let fields)? = value else { throw fail("\(path): expected an object of counts") }
        var set = CountSet()
        // JSON objects are unordered: keep a stable order (numeric for histogram bins).
        for key in fields.keys.sorted(by: { (Int($0) ?? 0, $0) < (Int($1) ?? 0, $1) }) {
            set[key] = try count(fields[key], "\(path).\(key)")
        }
        return set
    }

    func string(_ value: JSONValue?, _ path: String) throws(PoolingError) -> String {
        guard case .string(let text)? = value else { throw fail("\(path): expected a string") }
        return text
    }

    /// One group: its dimension and category, children, scales and logs.
    func group(_ value: JSONValue, _ path: String) throws(PoolingError) -> GroupAggregate {
        guard case .object(let group) = value else { throw fail("\(path): expected an object") }
        var scales: [ScaleAggregate] = []
        if case .array(let scaleValues)? = group["scales"] {
            for (index, value) in scaleValues.enumerated() {
                scales.append(try scale(value, "\(path).scales[\(index)]"))
            }
        }
        var logs: [OutcomeLogAggregate] = []
        if case .array(let logValues)? = group["logs"] {
            for (index, value) in logValues.enumerated() { logs.append(try log(value, "\(path).logs[\(index)]")) }
        }
        var aggregate = GroupAggregate(
            dimension: try string(group["dimension"], "\(path).dimension"),
            category: try string(group["category"], "\(path).category"),
            scales: scales, logs: logs)
        aggregate.children = try count(group["children"], "\(path).children")
        return aggregate
    }

    /// One scale's aggregate in a group.
    func scale(_ value: JSONValue, _ path: String) throws(PoolingError) -> ScaleAggregate {
        guard case .object(let scale) = value, case .number(let width)? = scale["binWidth"], width.isFinite, width > 0
        else {
            throw fail("\(path): expected a scale with a binWidth above 0")
        }
        var aggregate = ScaleAggregate(
            scale: ScaleID(try string(scale["scale"], "\(path).scale")), binWidth: width,
            reliable: try countSet(scale["reliableChange"], "\(path).reliableChange"),
            meaningful: try countSet(scale["meaningfulChange"], "\(path).meaningfulChange"),
            bandsAtBaseline: try countSet(scale["bandsAtBaseline"], "\(path).bandsAtBaseline"),
            bandsAtLatest: try countSet(scale["bandsAtLatest"], "\(path).bandsAtLatest"),
            bandMovement: try countSet(scale["bandMovement"] ?? .object([:]), "\(path).bandMovement"))
        aggregate.childrenWithBaseline = try count(scale["childrenWithBaseline"], "\(path).childrenWithBaseline")
        aggregate.childrenWithFollowUp = try count(scale["childrenWithFollowUp"], "\(path).childrenWithFollowUp")
        aggregate.baseline = try sums(scale["baseline"], "\(path).baseline")
        aggregate.pairedBaseline = try sums(scale["pairedBaseline"], "\(path).pairedBaseline")
        aggregate.latest = try sums(scale["latest"], "\(path).latest")
        aggregate.change = try sums(scale["change"], "\(path).change")
        // Summaries before 0.4.0 did not carry the follow-up time: not known, never 0.
        aggregate.followUpDays =
            scale["followUpDays"] == nil
            ? PoolableSums(areasSuppressed: 1) : try sums(scale["followUpDays"], "\(path).followUpDays")
        aggregate.changeHistogram = try countSet(scale["changeHistogram"], "\(path).changeHistogram")
        // A breakdown's category does not publish it (format version 5): not known, never 0.
        aggregate.scoresBelowValidatedAge =
            scale["scoresBelowValidatedAge"] == .null && !exactOnly
            ? PoolableCount(0, areasSuppressed: 1)
            : try count(scale["scoresBelowValidatedAge"], "\(path).scoresBelowValidatedAge")
        return aggregate
    }

    /// One outcome's log counts in a group.
    func log(_ value: JSONValue, _ path: String) throws(PoolingError) -> OutcomeLogAggregate {
        guard case .object(let log) = value else { throw fail("\(path): expected an object") }
        var aggregate = OutcomeLogAggregate(outcome: OutcomeID(try string(log["outcome"], "\(path).outcome")))
        aggregate.childrenWithLogs = try count(log["childrenWithLogs"], "\(path).childrenWithLogs")
        aggregate.logs = try count(log["logs"], "\(path).logs")
        aggregate.visitsHappened = try count(log["visitsHappened"], "\(path).visitsHappened")
        aggregate.positive = try count(log["positive"], "\(path).positive")
        return aggregate
    }
}
