import Foundation

/// Why a pooling summary could not be read.
public struct PoolingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The pooling summary at fault.
    public let file: String
    /// What is wrong with it, with its JSON path where there is one.
    public let message: String

    /// The error for `file`.
    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    /// `north.json: groups[2].scales[0].change.n: expected a whole number from 0`.
    public var description: String { "\(file): \(message)" }
}

extension DataQuality {
    /// The data-quality counts: the stable key JSON uses (`rows_invalid`), the label a reader
    /// sees, and the field. Summaries before format version 3 keyed them by their labels.
    static var fields: [(key: String, label: String, keyPath: WritableKeyPath<DataQuality, PoolableCount>)] {
        [
            ("rows_read", "rows read", \.rowsRead), ("rows_invalid", "rows not used: invalid", \.rowsInvalid),
            ("rows_duplicate", "rows not used: duplicates", \.rowsDuplicate),
            ("rows_out_of_range", "rows not used: dated before 2000 or after the as-of date", \.rowsOutOfRange),
            ("incomplete_forms", "incomplete forms (some scale not scored)", \.incompleteForms),
            ("forms_disagreeing", "forms of one day that disagree (shared scales not used)", \.formsDisagreeing),
            ("scores_below_validated_age", "scores below the instrument's validated age", \.scoresBelowValidatedAge),
            ("children_with_overdue_wave", "children with an overdue follow-up", \.childrenWithOverdueWave),
            (
                "children_moved_between_instruments",
                "children measured on instruments for different ages (such as SCWBS, then WEMWBS or SWEMWBS): separate series",
                \.childrenMovedBetweenInstruments
            ),
        ]
    }

    /// The label of the count with JSON key `key` (the key itself when unknown).
    static func label(ofKey key: String) -> String { fields.first { $0.key == key }?.label ?? key }
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
    ///
    /// A summary published with a threshold under 5 is refused unless `allowSmallNumbers`: the
    /// national figures minus the other areas' reports would give its small counts away. With
    /// it, the area is listed in ``unprotectedAreas``. A summary of format version 1 (written
    /// before reports were audited) is read and listed in ``unauditedAreas``. Versions 1 to 5 are read.
    public init(poolingSummary data: Data, file: String, allowSmallNumbers: Bool = false) throws(PoolingError) {
        let reader = PoolingSummaryReader(file: file)
        let top = try reader.document(
            data, expected: "a pooling summary written by 'ivoutcomes report --format summary'")
        if top["format"] == .string(ConfidentialReturn.format) {
            throw reader.fail(
                "a confidential return, not a pooling summary: read it with ConfidentialReturn(data:file:)")
        }
        guard top["format"] == .string("ivoutcomes-pooling-summary") else {
            throw reader.fail(
                "not a pooling summary: \"format\" must be \"ivoutcomes-pooling-summary\" (write one with 'ivoutcomes report --format summary')"
            )
        }
        guard case .number(let version)? = top["formatVersion"], (1...5).contains(version) else {
            throw reader.fail("unsupported formatVersion (this version reads 1 to 5)")
        }
        let threshold = try reader.whole(
            top["suppressionThreshold"], "suppressionThreshold", in: 1...Double(AreaAggregate.maximumCount),
            "a whole number from 1")
        var aggregate = try reader.aggregate(top) { version >= 3 ? $0.key : $0.label }
        guard threshold >= 5 || allowSmallNumbers else {
            throw reader.fail(
                "published with counts from \(threshold) up shown (suppressionThreshold \(threshold)): pooled, the national figures minus the other areas' reports would give its counts under 5 away; pool it only for an unpublished analysis, with --allow-small-numbers"
            )
        }
        aggregate.unprotectedAreas = threshold < 5 ? aggregate.areas : []
        aggregate.unauditedAreas = version == 1 ? aggregate.areas : []
        self = aggregate
    }

    /// Several areas combined: every count and sum added cell by cell. A cell is exact where no
    /// area suppressed it; otherwise it says how many areas did. Scales and categories absent
    /// from an area count as zero there; an area without a breakdown another area has (a summary
    /// written before `match_length`, or without the children file's column) has all its
    /// children in that breakdown's `unknown` category, so every breakdown still adds up to `all`.
    ///
    /// ```swift
    /// let national = try AreaAggregate.pooling([north, south])
    /// ```
    /// - Throws: ``PoolingError`` when the same area and period come twice (its numbers would
    ///   count twice), or two areas bin a scale's change differently.
    public static func pooling(_ areas: [AreaAggregate]) throws(PoolingError) -> AreaAggregate {
        var seen = Set<String>()
        for area in areas {
            let key = "\(area.areas.joined(separator: ", ")) as of \(area.asOf)"
            guard seen.insert(key).inserted else {
                throw PoolingError(
                    file: area.areas.joined(separator: ", "),
                    message: "the same area and period (\(key)) twice: each area's figures are pooled once")
            }
        }
        var groups: [GroupAggregate] = []
        var quality = DataQuality()
        var instruments: [InstrumentID] = []
        var dimensions: [String] = []
        for group in areas.flatMap(\.groups)
        where GroupAggregate.isBreakdown(group.dimension) && !dimensions.contains(group.dimension) {
            dimensions.append(group.dimension)
        }
        for var area in areas {
            if let all = area.groups.first(where: { $0.dimension == "all" }) {
                for dimension in dimensions where !area.groups.contains(where: { $0.dimension == dimension }) {
                    area.groups.append(
                        GroupAggregate(
                            dimension: dimension, category: "unknown", children: all.children, scales: all.scales,
                            logs: all.logs))
                }
            }
            try add(area, to: &groups, quality: &quality)
            for id in area.instruments where !instruments.contains(id) { instruments.append(id) }
        }
        // "all" first, then breakdowns in the usual order, the waiting list last.
        let order = ["all"] + AreaAggregate.dimensions + [GroupAggregate.waitingList.dimension]
        groups = groups.enumerated().sorted {
            ((order.firstIndex(of: $0.element.dimension) ?? order.count), $0.offset)
                < ((order.firstIndex(of: $1.element.dimension) ?? order.count), $1.offset)
        }.map(\.element)
        return AreaAggregate(
            areas: areas.flatMap(\.areas), asOf: areas.map(\.asOf).max() ?? .today, instruments: instruments,
            groups: groups, dataQuality: quality, unprotectedAreas: areas.flatMap(\.unprotectedAreas),
            unauditedAreas: areas.flatMap(\.unauditedAreas))
    }
}

extension AreaAggregate {
    /// Adds one area's groups and data-quality counts to the pooled ones, cell by cell.
    private static func add(_ area: AreaAggregate, to groups: inout [GroupAggregate], quality: inout DataQuality)
        throws(PoolingError)
    {
        do {
            for field in DataQuality.fields {
                quality[keyPath: field.keyPath] = try quality[keyPath: field.keyPath].adding(
                    area.dataQuality[keyPath: field.keyPath])
            }
            for group in area.groups {
                guard
                    let index = groups.firstIndex(where: {
                        $0.dimension == group.dimension && $0.category == group.category
                    })
                else {
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
                            message:
                                "\(scale.scale) is binned by \(scale.binWidth) points here but \(groups[index].scales[position].binWidth) elsewhere; use the same definitions everywhere"
                        )
                    }
                    groups[index].scales[position] = try groups[index].scales[position].adding(scale)
                }
                for log in group.logs {
                    guard let position = groups[index].logs.firstIndex(where: { $0.outcome == log.outcome }) else {
                        groups[index].logs.append(log)
                        continue
                    }
                    groups[index].logs[position] = try groups[index].logs[position].adding(log)
                }
            }
        } catch let error as PoolingError {
            throw error
        } catch {
            throw PoolingError(
                file: area.areas.joined(separator: ", "),
                message:
                    "adding this area's counts or sums overflows: a summary holds numbers far larger than any area's")
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
        result.followUpDays = try followUpDays.adding(other.followUpDays)
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

extension GroupAggregate {
    /// Both groups' children, scales and logs added (a scale or outcome only one has is kept as
    /// it is), under this group's dimension and category, or ``SumOverflow``.
    func adding(_ other: GroupAggregate) throws(SumOverflow) -> GroupAggregate {
        var result = self
        result.children = try children.adding(other.children)
        for scale in other.scales {
            if let position = result.scales.firstIndex(where: { $0.scale == scale.scale }) {
                result.scales[position] = try result.scales[position].adding(scale)
            } else {
                result.scales.append(scale)
            }
        }
        for log in other.logs {
            if let position = result.logs.firstIndex(where: { $0.outcome == log.outcome }) {
                result.logs[position] = try result.logs[position].adding(log)
            } else {
                result.logs.append(log)
            }
        }
        return result
    }
}

extension OutcomeLogAggregate {
    /// Both groups' log counts, count by count, or ``SumOverflow``.
    func adding(_ other: OutcomeLogAggregate) throws(SumOverflow) -> OutcomeLogAggregate {
        var result = self
        result.childrenWithLogs = try childrenWithLogs.adding(other.childrenWithLogs)
        result.logs = try logs.adding(other.logs)
        result.visitsHappened = try visitsHappened.adding(other.visitsHappened)
        result.positive = try positive.adding(other.positive)
        return result
    }
}
