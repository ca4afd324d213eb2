/// An area's (or a pooled set of areas') aggregates: exact counts and sufficient statistics per
/// group and scale, before suppression. Never holds a child's id or any free text.
///
/// ```swift
/// let aggregate = AreaAggregate(tracker: tracker, area: "Pilotshire")
/// let report = ReportView(aggregate: aggregate, catalog: catalog, policy: SuppressionPolicy())
/// ```
public struct AreaAggregate: Sendable, Hashable {
    /// The breakdowns reports show, in order: age band at the as-of date, match length (see
    /// ``MatchLength``), then the children file's columns.
    public static let dimensions = ["age_band", MatchLength.dimension] + ChildRegister.demographicColumns
    /// National reporting's age bands (IV national data, 2022).
    public static let ageBands: [(label: String, range: ClosedRange<Int>)] = [
        ("under 8", 0...7), ("8-11", 8...11), ("12-14", 12...14), ("15-17", 15...17), ("18+", 18...200),
    ]

    /// The areas included (one for a local report).
    public var areas: [String]
    /// The date the picture is drawn on: ages, waves due and the latest administrations are taken as of it.
    public var asOf: CalendarDate
    /// The instruments whose data is included (for the licence notices).
    public var instruments: [InstrumentID]
    /// `all` (the matched children) first, then each breakdown's categories of them, then the
    /// children waiting for an IV (``GroupAggregate/waitingList``) when there are any.
    public var groups: [GroupAggregate]
    /// Counts about the data itself (rows read and not used, incomplete forms, overdue waves).
    public var dataQuality: DataQuality
    /// Pooled areas whose summary was published with a threshold under 5.
    public var unprotectedAreas: [String]
    /// Pooled areas whose summary predates audited disclosure control (format version 1).
    public var unauditedAreas: [String]

    /// An aggregate from its parts, such as one read back from elsewhere.
    public init(
        areas: [String], asOf: CalendarDate, instruments: [InstrumentID], groups: [GroupAggregate],
        dataQuality: DataQuality, unprotectedAreas: [String] = [], unauditedAreas: [String] = []
    ) {
        self.unprotectedAreas = unprotectedAreas
        self.unauditedAreas = unauditedAreas
        self.areas = areas
        self.asOf = asOf
        self.instruments = instruments
        self.groups = groups
        self.dataQuality = dataQuality
    }

    /// The age band of an age in whole years.
    public static func ageBand(_ age: Int) -> String {
        ageBands.first { $0.range.contains(age) }?.label ?? "unknown"
    }

    /// Aggregates everything `tracker` has seen, with breakdowns by the children file's columns
    /// (those with at least one value), by age band when birth months are known and by match
    /// length whenever there is a children file. Children the children file lists as waiting for
    /// an IV are a group of their own, in no other group.
    ///
    /// - Parameters:
    ///   - tracker: the tracker, with every row added.
    ///   - area: the area's name, as reports and pooling summaries show it.
    ///   - rowsRead: the rows read, when some were read elsewhere (the tracker's count otherwise).
    ///   - breakdowns: the dimensions to break results down by, in order: `age_band` and
    ///     columns of the children file (read with the same names as
    ///     ``ChildRegister/init(path:today:encoding:delimiter:breakdownColumns:)``'s
    ///     `breakdownColumns`); a dimension no child has a value for is left out, except
    ///     `match_length`, whose `unknown` category holds children without a match start.
    public init(
        tracker: FollowUpTracker, area: String, rowsRead: Int? = nil, breakdowns: [String] = AreaAggregate.dimensions
    ) {
        let logSummaries = tracker.logSummaries()
        // Children's ids are needed only to place them in the children file's categories.
        let children = tracker.register == nil ? [] : tracker.childOrder.map(\.id)
        var builder = Builder(
            scales: tracker.scalesUsed, catalog: tracker.catalog,
            outcomes: tracker.catalog.framework.outcomes.map(\.id),
            logSummaries: logSummaries, children: children,
            details: { tracker.register?[ChildID(checked: $0)] }, knownDetails: tracker.register?.children,
            breakdowns: breakdowns, asOf: tracker.options.asOf)
        if tracker.register == nil { builder.groups[0].children.value = tracker.sortedChildren.count }
        // Changes are taken one at a time, never all held.
        tracker.forEachChange { builder.add($0) }
        for summary in logSummaries { builder.add(summary) }
        var quality = DataQuality()
        let counts = tracker.counts
        quality.rowsRead.value = rowsRead ?? counts.total
        quality.rowsInvalid.value = counts.invalid
        quality.rowsDuplicate.value = counts.duplicates
        quality.rowsOutOfRange.value = counts.outOfRange
        quality.incompleteForms.value = counts.incomplete
        quality.formsDisagreeing.value = counts.conflicting
        var overdue = Set<String>()
        tracker.forEachScheduleStatus { if !$0.overdueWaves.isEmpty { overdue.insert($0.childID.rawValue) } }
        quality.childrenWithOverdueWave.value = overdue.count
        self.init(
            areas: [area], asOf: tracker.options.asOf, instruments: tracker.instrumentsUsed.map(\.id),
            groups: builder.groups, dataQuality: builder.finished(quality))
    }

    /// Aggregates change results, contact-log summaries and child details a caller already has
    /// (from its own records, or several trackers), broken down by any dimensions it names.
    ///
    /// A child in `children` is placed in each breakdown by its details: `age_band` from its
    /// birth month at `asOf`, `match_length` from its match dates (``MatchLength``), any other
    /// dimension from ``ChildDetails/attributes`` (so an app can break results down by its own
    /// attributes, such as `placement_type`). A child of the changes or summaries without details
    /// is in every breakdown's `unknown` category. A child whose ``ChildDetails/status`` is
    /// waiting is only in the waiting-list group. Without any `children`, there are no breakdowns
    /// and every child is in `all`.
    ///
    /// ```swift
    /// let aggregate = AreaAggregate(
    ///     area: "Pilotshire", asOf: asOf, catalog: catalog, changes: changes,
    ///     children: details, breakdowns: ["age_band", "placement_type"])
    /// ```
    /// - Parameters:
    ///   - area: the area's name, as reports and pooling summaries show it.
    ///   - asOf: the date ages are taken on.
    ///   - catalog: the instruments the changes' scales belong to.
    ///   - changes: one per child and scale, such as ``FollowUpTracker/changes()`` gives.
    ///   - logSummaries: contact-log summaries, such as ``FollowUpTracker/logSummaries()`` gives.
    ///   - children: what is known of the children: birth months and breakdown attributes.
    ///   - breakdowns: the dimensions to break results down by, in order (`age_band`,
    ///     `match_length` and any attribute); a dimension no child has a value for is left out,
    ///     except `match_length`.
    ///   - dataQuality: the counts of rows read and not used, as the caller knows them
    ///     (``DataQuality/scoresBelowValidatedAge`` is counted from `changes`).
    ///   - instruments: the instruments the data comes from, for the licence notices; the
    ///     catalogue's instruments with a scale in `changes` when `nil` (SWEMWBS as well as
    ///     WEMWBS for `swemwbs_metric`, which both have).
    public init(
        area: String, asOf: CalendarDate, catalog: InstrumentCatalog, changes: [ScaleChange],
        logSummaries: [LogSummary] = [], children: [ChildDetails] = [],
        breakdowns: [String] = AreaAggregate.dimensions, dataQuality: DataQuality = DataQuality(),
        instruments: [InstrumentID]? = nil
    ) {
        let used = Set(changes.map(\.scale))
        var scales: [Scale] = []
        for instrument in catalog.instruments {
            for scale in instrument.scales
            where used.contains(scale.id) && !scales.contains(where: { $0.id == scale.id }) {
                scales.append(scale)
            }
        }
        var ids = children.map(\.id.rawValue)
        var seen = Set(ids)
        for id in changes.map(\.childID.rawValue) + logSummaries.map(\.childID.rawValue) where seen.insert(id).inserted
        {
            ids.append(id)
        }
        let register = ChildRegister(children: children)
        var builder = Builder(
            scales: scales, catalog: catalog, outcomes: catalog.framework.outcomes.map(\.id),
            logSummaries: logSummaries,
            children: children.isEmpty ? [] : ids, details: { register[ChildID(checked: $0)] },
            knownDetails: children.isEmpty ? nil : children, breakdowns: breakdowns, asOf: asOf)
        if children.isEmpty { builder.groups[0].children.value = ids.count }
        for change in changes { builder.add(change) }
        for summary in logSummaries { builder.add(summary) }
        let instrumentIDs =
            instruments
            ?? catalog.instruments.filter { instrument in instrument.scales.contains { used.contains($0.id) } }.map(
                \.id)
        self.init(
            areas: [area], asOf: asOf, instruments: instrumentIDs, groups: builder.groups,
            dataQuality: builder.finished(dataQuality))
    }

    /// Places children in groups and adds their changes and log summaries: the one way an area's
    /// aggregate is built, from a tracker or from values.
    private struct Builder {
        var groups: [GroupAggregate]
        /// Each child's groups; empty without child details, when every child is only in `all`.
        private var memberships: [String: [Int]] = [:]
        /// The waiting-list group's position, when some child is waiting.
        private var waitingGroup: Int?
        private let scaleIndex: [ScaleID: Int]
        private let outcomes: [OutcomeID]
        /// Per scale held by the instruments of one age rule of a measure: the measure's index and
        /// the rule's (SCWBS's scales under 8-12, WEMWBS's and SWEMWBS's under 13+).
        private let ageRules: [ScaleID: AgeRuleKey]
        /// Per child, the age rules of its scales with a baseline; only children with one.
        private var rulesMeasured: [String: Set<AgeRuleKey>] = [:]

        struct AgeRuleKey: Hashable {
            let measure: Int
            let rule: Int
        }

        init(
            scales: [Scale], catalog: InstrumentCatalog, outcomes allOutcomes: [OutcomeID], logSummaries: [LogSummary],
            children: [String], details: (String) -> ChildDetails?, knownDetails: [ChildDetails]?,
            breakdowns: [String], asOf: CalendarDate
        ) {
            let outcomes = allOutcomes.filter { outcome in logSummaries.contains { $0.outcome == outcome } }
            self.outcomes = outcomes
            ageRules = Builder.ageRules(of: catalog)
            scaleIndex = Dictionary(scales.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
            func category(_ child: String, _ dimension: String) -> String {
                Builder.category(of: details(child), in: dimension, asOf: asOf)
            }
            func waiting(_ child: String) -> Bool { details(child)?.isWaiting ?? false }
            // Waiting children are the comparison group: in no breakdown of the matched children.
            let matched = children.filter { !waiting($0) }
            let breakdowns = breakdowns.filter(GroupAggregate.isBreakdown)
            let groupKeys = Builder.groupKeys(
                breakdowns: breakdowns, knownDetails: knownDetails, matched: matched, category: category)
            var index: [String: [Int]] = [:]
            for (position, key) in groupKeys.enumerated() {
                index["\(key.0)\u{1F}\(key.1)", default: []].append(position)
            }
            groups = groupKeys.map { key in
                GroupAggregate(
                    dimension: key.0, category: key.1, scales: scales.map { ScaleAggregate(scale: $0) },
                    logs: outcomes.map { OutcomeLogAggregate(outcome: $0) })
            }
            waitingGroup = groups.indices.last.flatMap { groups[$0].isWaitingList ? $0 : nil }
            for child in children {
                let member =
                    waiting(child)
                    ? waitingGroup.map { [$0] } ?? []
                    : [0] + breakdowns.compactMap { index["\($0)\u{1F}\(category(child, $0))"]?.first }
                memberships[child] = member
                for group in member { groups[group].children.value += 1 }
            }
        }

        /// The category of a child in a breakdown: its age band, match length or column value,
        /// or `unknown`.
        private static func category(of details: ChildDetails?, in dimension: String, asOf: CalendarDate) -> String {
            guard let details else { return "unknown" }
            switch dimension {
            case "age_band": return details.age(on: asOf).map(AreaAggregate.ageBand) ?? "unknown"
            case MatchLength.dimension: return MatchLength(of: details, asOf: asOf).rawValue
            default: return details.attributes[dimension] ?? "unknown"
            }
        }

        /// The groups, as (dimension, category): the whole area, then each breakdown the
        /// children file knows (its categories among the matched children, in their order), then
        /// the waiting list when the file has waiting children.
        private static func groupKeys(
            breakdowns: [String], knownDetails: [ChildDetails]?, matched: [String],
            category: (String, String) -> String
        ) -> [(String, String)] {
            var groupKeys: [(String, String)] = [("all", "all")]
            guard let knownDetails else { return groupKeys }
            let knownMatched = knownDetails.filter { !$0.isWaiting }
            for dimension in breakdowns {
                let known: Bool
                switch dimension {
                case "age_band": known = knownMatched.contains { $0.birthMonth != nil }
                case MatchLength.dimension: known = true
                default: known = knownMatched.contains { $0.attributes[dimension] != nil }
                }
                guard known else { continue }
                var seen: Set<String> = []
                let categories = matched.map { category($0, dimension) }.filter { seen.insert($0).inserted }
                groupKeys += sorted(categories, of: dimension).map { (dimension, $0) }
            }
            if knownDetails.contains(where: \.isWaiting) {
                groupKeys.append((GroupAggregate.waitingList.dimension, GroupAggregate.waitingList.category))
            }
            return groupKeys
        }

        /// A breakdown's categories in their order: age bands and match lengths by their own,
        /// others by name with `unknown` last.
        private static func sorted(_ categories: [String], of dimension: String) -> [String] {
            let order: [String]? =
                switch dimension {
                case "age_band": AreaAggregate.ageBands.map(\.label) + ["unknown"]
                case MatchLength.dimension: MatchLength.allCases.map(\.rawValue)
                default: nil
                }
            if let order {
                return categories.sorted { (order.firstIndex(of: $0) ?? 99) < (order.firstIndex(of: $1) ?? 99) }
            }
            return categories.sorted { ($0 == "unknown" ? 1 : 0, $0) < ($1 == "unknown" ? 1 : 0, $1) }
        }

        /// The followed scales of each age rule's instruments; a scale that instruments of two
        /// rules share belongs to neither (a child measured on it has not moved).
        private static func ageRules(of catalog: InstrumentCatalog) -> [ScaleID: AgeRuleKey] {
            var keys: [ScaleID: AgeRuleKey?] = [:]
            for (measureIndex, measure) in (catalog.schedule?.measures ?? []).enumerated() {
                for (ruleIndex, rule) in measure.byAge.enumerated() {
                    let key = AgeRuleKey(measure: measureIndex, rule: ruleIndex)
                    for id in rule.instruments {
                        for scale in (try? catalog.instrument(id: id))?.scales ?? [] where scale.isFollowedOverTime {
                            if let known = keys[scale.id], known != key {
                                keys[scale.id] = .some(nil)
                            } else {
                                keys[scale.id] = key
                            }
                        }
                    }
                }
            }
            return keys.compactMapValues { $0 }
        }

        mutating func add(_ change: ScaleChange) {
            if change.baseline != nil, let rule = ageRules[change.scale] {
                rulesMeasured[change.childID.rawValue, default: []].insert(rule)
            }
            guard let scale = scaleIndex[change.scale] else { return }
            for group in memberships[change.childID.rawValue] ?? [0] { groups[group].scales[scale].add(change) }
        }

        mutating func add(_ summary: LogSummary) {
            guard let outcome = outcomes.firstIndex(of: summary.outcome) else { return }
            for group in memberships[summary.childID.rawValue] ?? [0] {
                var log = groups[group].logs[outcome]
                if summary.logs > 0 { log.childrenWithLogs.value += 1 }
                log.logs.value += summary.logs
                log.visitsHappened.value += summary.visitsHappened
                log.positive.value += summary.positive
                groups[group].logs[outcome] = log
            }
        }

        /// `quality` with the scores below the validated age and the children who moved between
        /// instruments for different ages counted from the changes.
        func finished(_ quality: DataQuality) -> DataQuality {
            var quality = quality
            // Every child's scores: the matched children's (`all`) and the waiting children's.
            quality.scoresBelowValidatedAge.value = ([0] + (waitingGroup.map { [$0] } ?? [])).reduce(0) {
                total, group in
                groups[group].scales.reduce(total) { $0 + $1.scoresBelowValidatedAge.value }
            }
            quality.childrenMovedBetweenInstruments.value = rulesMeasured.values.count { rules in
                Set(rules.map(\.measure)).contains { measure in rules.count { $0.measure == measure } > 1 }
            }
            return quality
        }
    }
}
