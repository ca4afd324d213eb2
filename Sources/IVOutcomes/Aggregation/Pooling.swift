import Foundation

/// Why a pooling summary could not be read.
public struct PoolingError: Error, Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}

extension DataQuality {
    /// The data-quality counts by the names reports and summaries use.
    static var fields: [(name: String, keyPath: WritableKeyPath<DataQuality, PoolableCount>)] {
        [
        ("rows read", \.rowsRead), ("rows not used: invalid", \.rowsInvalid), ("rows not used: duplicates", \.rowsDuplicate),
        ("rows not used: dated before 2000 or after the as-of date", \.rowsOutOfRange),
        ("incomplete forms (some scale not scored)", \.incompleteForms),
        ("forms of one day that disagree (shared scales not used)", \.formsDisagreeing),
        ("scores below the instrument's validated age", \.scoresBelowValidatedAge),
        ("children with an overdue follow-up", \.childrenWithOverdueWave),
        ]
    }
}

/// A JSON value as a message shows it: a number in full, anything else by kind.
private func shown(_ value: JSONValue) -> String {
    switch value {
    case .number(let number): return number == number.rounded() && abs(number) < 1e18 ? String(Int(number)) : String(number)
    case .string(let text): return "\"\(text.prefix(40))\""
    case .null: return "null"
    case .bool(let flag): return String(flag)
    case .array: return "a list"
    case .object: return "an object"
    }
}

extension AreaAggregate {
    /// The largest count a pooling summary may hold: far more children than any area or nation
    /// has (pooled sums are still added with overflow checks).
    public static let maximumCount = 100_000_000
    /// The largest sum a pooling summary may hold: 2^53, the largest whole number every JSON
    /// reader holds exactly.
    public static let maximumSum = 9_007_199_254_740_992

    /// Reads a pooling summary written by ``ReportView/poolingSummary()``. Cells the area
    /// suppressed are counted in `areasSuppressed`, never guessed.
    public init(poolingSummary data: Data, file: String) throws(PoolingError) {
        func fail(_ message: String) -> PoolingError { PoolingError(file: file, message: message) }
        if let encoding = UTF8Check.problem(in: [UInt8](data)) { throw fail(encoding) }
        guard case .success(let root) = JSONValue.parse(data), case .object(let top) = root else {
            throw fail("not a JSON object (expected a pooling summary written by 'ivoutcomes report --format summary')")
        }
        guard top["format"] == .string("ivoutcomes-pooling-summary") else {
            throw fail("not a pooling summary: \"format\" must be \"ivoutcomes-pooling-summary\" (write one with 'ivoutcomes report --format summary')")
        }
        guard top["formatVersion"] == .number(1) else { throw fail("unsupported formatVersion (this version reads 1)") }
        /// A whole number in `range`: every number a summary holds is checked before use.
        func whole(_ value: JSONValue?, _ path: String, in range: ClosedRange<Double>, _ expected: String) throws(PoolingError) -> Int {
            guard case .number(let number)? = value, number == number.rounded(), range.contains(number) else {
                throw fail("\(path): expected \(expected)\(value.map { ", found \(shown($0))" } ?? "")")
            }
            return Int(number)
        }
        let counts = 0...Double(AreaAggregate.maximumCount)
        let countText = "a whole number from 0 to \(AreaAggregate.maximumCount)"
        func count(_ value: JSONValue?, _ path: String) throws(PoolingError) -> PoolableCount {
            switch value {
            case .number?: return PoolableCount(try whole(value, path, in: counts, countText))
            case .string?: return PoolableCount(0, areasSuppressed: 1)
            case .object(let fields)?:
                guard fields["atLeast"] != nil, fields["areasSuppressed"] != nil else {
                    throw fail("\(path): expected atLeast and areasSuppressed")
                }
                return PoolableCount(
                    try whole(fields["atLeast"], "\(path).atLeast", in: counts, countText),
                    areasSuppressed: try whole(fields["areasSuppressed"], "\(path).areasSuppressed", in: counts, countText))
            default: throw fail("\(path): expected a count or \"under 5\"")
            }
        }
        func sums(_ value: JSONValue?, _ path: String) throws(PoolingError) -> PoolableSums {
            switch value {
            case .string?: return PoolableSums(areasSuppressed: 1)
            case .object(let fields)?:
                guard fields["n"] != nil, fields["sumX100"] != nil, fields["sumSquaresX10000"] != nil else {
                    throw fail("\(path): expected n, sumX100 and sumSquaresX10000")
                }
                // Whole numbers that JSON numbers hold exactly, so pooled sums stay exact.
                let exact = Double(AreaAggregate.maximumSum)
                let n = try whole(fields["n"], "\(path).n", in: counts, countText)
                let sum = try whole(fields["sumX100"], "\(path).sumX100", in: -exact...exact, "a whole number of at most 2^53 in size")
                let squares = try whole(fields["sumSquaresX10000"], "\(path).sumSquaresX10000", in: 0...exact, "a whole number from 0 to 2^53")
                return PoolableSums(ValueSums(count: n, sumHundredths: sum, sumOfSquaresTenThousandths: squares))
            default: throw fail("\(path): expected sums or \"suppressed\"")
            }
        }
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
        guard case .array(let areaValues)? = top["areas"] else { throw fail("areas: expected a list of area names") }
        var areas: [String] = []
        for (index, value) in areaValues.enumerated() { areas.append(try string(value, "areas[\(index)]")) }
        guard let asOf = CalendarDate(iso: try string(top["asOf"], "asOf")) else { throw fail("asOf: expected YYYY-MM-DD") }
        var instruments: [InstrumentID] = []
        if case .array(let values)? = top["instruments"] {
            for value in values { if case .string(let id) = value { instruments.append(InstrumentID(id)) } }
        }
        var quality = DataQuality()
        if case .object(let fields)? = top["dataQuality"] {
            for field in DataQuality.fields where fields[field.name] != nil {
                quality[keyPath: field.keyPath] = try count(fields[field.name], "dataQuality.\(field.name)")
            }
        }
        guard case .array(let groupValues)? = top["groups"] else { throw fail("groups: expected a list") }
        var groups: [GroupAggregate] = []
        for (groupIndex, groupValue) in groupValues.enumerated() {
            let path = "groups[\(groupIndex)]"
            guard case .object(let group) = groupValue else { throw fail("\(path): expected an object") }
            var scales: [ScaleAggregate] = []
            if case .array(let scaleValues)? = group["scales"] {
                for (scaleIndex, scaleValue) in scaleValues.enumerated() {
                    let scalePath = "\(path).scales[\(scaleIndex)]"
                    guard case .object(let scale) = scaleValue, case .number(let width)? = scale["binWidth"], width.isFinite,
                        width > 0
                    else {
                        throw fail("\(scalePath): expected a scale with a binWidth above 0")
                    }
                    var aggregate = ScaleAggregate(
                        scale: ScaleID(try string(scale["scale"], "\(scalePath).scale")), binWidth: width,
                        reliable: try countSet(scale["reliableChange"], "\(scalePath).reliableChange"),
                        meaningful: try countSet(scale["meaningfulChange"], "\(scalePath).meaningfulChange"),
                        bandsAtBaseline: try countSet(scale["bandsAtBaseline"], "\(scalePath).bandsAtBaseline"),
                        bandsAtLatest: try countSet(scale["bandsAtLatest"], "\(scalePath).bandsAtLatest"),
                        bandMovement: try countSet(scale["bandMovement"] ?? .object([:]), "\(scalePath).bandMovement"))
                    aggregate.childrenWithBaseline = try count(scale["childrenWithBaseline"], "\(scalePath).childrenWithBaseline")
                    aggregate.childrenWithFollowUp = try count(scale["childrenWithFollowUp"], "\(scalePath).childrenWithFollowUp")
                    aggregate.baseline = try sums(scale["baseline"], "\(scalePath).baseline")
                    aggregate.pairedBaseline = try sums(scale["pairedBaseline"], "\(scalePath).pairedBaseline")
                    aggregate.latest = try sums(scale["latest"], "\(scalePath).latest")
                    aggregate.change = try sums(scale["change"], "\(scalePath).change")
                    aggregate.changeHistogram = try countSet(scale["changeHistogram"], "\(scalePath).changeHistogram")
                    aggregate.scoresBelowValidatedAge = try count(scale["scoresBelowValidatedAge"], "\(scalePath).scoresBelowValidatedAge")
                    scales.append(aggregate)
                }
            }
            var logs: [OutcomeLogAggregate] = []
            if case .array(let logValues)? = group["logs"] {
                for (logIndex, logValue) in logValues.enumerated() {
                    let logPath = "\(path).logs[\(logIndex)]"
                    guard case .object(let log) = logValue else { throw fail("\(logPath): expected an object") }
                    var aggregate = OutcomeLogAggregate(outcome: OutcomeID(try string(log["outcome"], "\(logPath).outcome")))
                    aggregate.childrenWithLogs = try count(log["childrenWithLogs"], "\(logPath).childrenWithLogs")
                    aggregate.logs = try count(log["logs"], "\(logPath).logs")
                    aggregate.visitsHappened = try count(log["visitsHappened"], "\(logPath).visitsHappened")
                    aggregate.positive = try count(log["positive"], "\(logPath).positive")
                    logs.append(aggregate)
                }
            }
            var aggregate = GroupAggregate(
                dimension: try string(group["dimension"], "\(path).dimension"), category: try string(group["category"], "\(path).category"),
                scales: scales, logs: logs)
            aggregate.children = try count(group["children"], "\(path).children")
            groups.append(aggregate)
        }
        self.init(areas: areas, asOf: asOf, instruments: instruments, groups: groups, dataQuality: quality)
    }

    /// Several areas combined: every count and sum added cell by cell. A cell is exact where no
    /// area suppressed it; otherwise it says how many areas did. Groups, scales and categories
    /// absent from an area count as zero there.
    ///
    /// ```swift
    /// let national = try AreaAggregate.pooling([north, south])
    /// ```
    /// - Throws: ``PoolingError`` when two areas bin a scale's change differently.
    public static func pooling(_ areas: [AreaAggregate]) throws(PoolingError) -> AreaAggregate {
        var groups: [GroupAggregate] = []
        var quality = DataQuality()
        var instruments: [InstrumentID] = []
        for area in areas {
            try add(area, to: &groups, quality: &quality)
            for id in area.instruments where !instruments.contains(id) { instruments.append(id) }
        }
        // "all" first, then breakdowns in the usual order.
        let order = ["all"] + AreaAggregate.dimensions
        groups = groups.enumerated().sorted {
            ((order.firstIndex(of: $0.element.dimension) ?? order.count), $0.offset)
                < ((order.firstIndex(of: $1.element.dimension) ?? order.count), $1.offset)
        }.map(\.element)
        return AreaAggregate(
            areas: areas.flatMap(\.areas), asOf: areas.map(\.asOf).max() ?? .today, instruments: instruments, groups: groups,
            dataQuality: quality)
    }
}

extension AreaAggregate {
    /// Adds one area's groups and data-quality counts to the pooled ones, cell by cell.
    private static func add(_ area: AreaAggregate, to groups: inout [GroupAggregate], quality: inout DataQuality) throws(PoolingError) {
        do {
            for field in DataQuality.fields {
                quality[keyPath: field.keyPath] = try quality[keyPath: field.keyPath].adding(area.dataQuality[keyPath: field.keyPath])
            }
            for group in area.groups {
                guard let index = groups.firstIndex(where: { $0.dimension == group.dimension && $0.category == group.category }) else {
                    groups.append(group)
                    continue
                }
                groups[index].children = try groups[index].children.adding(group.children)
                for scale in group.scales {
                    guard let position = groups[index].scales.firstIndex(where: { $0.scale == scale.scale }) else {
                        groups[index].scales.append(scale)
                        continue
                    }
                    guard groups[index].scales[position].binWidth == scale.binWidth else {
                        throw PoolingError(
                            file: area.areas.joined(separator: ", "),
                            message: "\(scale.scale) is binned by \(scale.binWidth) points here but \(groups[index].scales[position].binWidth) elsewhere; use the same definitions everywhere")
                    }
                    groups[index].scales[position] = try groups[index].scales[position].adding(scale)
                }
                for log in group.logs {
                    guard let position = groups[index].logs.firstIndex(where: { $0.outcome == log.outcome }) else {
                        groups[index].logs.append(log)
                        continue
                    }
                    var merged = groups[index].logs[position]
                    merged.childrenWithLogs = try merged.childrenWithLogs.adding(log.childrenWithLogs)
                    merged.logs = try merged.logs.adding(log.logs)
                    merged.visitsHappened = try merged.visitsHappened.adding(log.visitsHappened)
                    merged.positive = try merged.positive.adding(log.positive)
                    groups[index].logs[position] = merged
                }
            }
        } catch let error as PoolingError {
            throw error
        } catch {
            throw PoolingError(
                file: area.areas.joined(separator: ", "),
                message: "adding this area's counts or sums overflows: a summary holds numbers far larger than any area's")
        }
    }
}

extension ScaleAggregate {
    /// Both areas' counts and sums, cell by cell, or ``SumOverflow``.
    func adding(_ other: ScaleAggregate) throws(SumOverflow) -> ScaleAggregate {
        var result = self
        result.childrenWithBaseline = try childrenWithBaseline.adding(other.childrenWithBaseline)
        result.childrenWithFollowUp = try childrenWithFollowUp.adding(other.childrenWithFollowUp)
        result.baseline = try baseline.adding(other.baseline)
        result.pairedBaseline = try pairedBaseline.adding(other.pairedBaseline)
        result.latest = try latest.adding(other.latest)
        result.change = try change.adding(other.change)
        result.reliableChange = try reliableChange.adding(other.reliableChange)
        result.meaningfulChange = try meaningfulChange.adding(other.meaningfulChange)
        result.bandsAtBaseline = try bandsAtBaseline.adding(other.bandsAtBaseline)
        result.bandsAtLatest = try bandsAtLatest.adding(other.bandsAtLatest)
        result.bandMovement = try bandMovement.adding(other.bandMovement)
        result.changeHistogram = try changeHistogram.adding(other.changeHistogram)
        result.scoresBelowValidatedAge = try scoresBelowValidatedAge.adding(other.scoresBelowValidatedAge)
        return result
    }
}
