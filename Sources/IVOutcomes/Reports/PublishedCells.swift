/// Every count a report is about to publish, with its true value and what a reader knows of how
/// the counts fit together, so that ``DisclosureAudit`` can check them and hide more.
///
/// The relations, per group and scale: bands at baseline add up to the children with a
/// baseline; bands at latest, the change classes and the histogram bins add up to the children
/// followed up; band movement's columns add up to the bands at latest and its rows to at most the
/// bands at baseline; children followed up are at most those with a baseline, who are at most the
/// group's children. Per outcome of the logs: children with logs at most the group's children,
/// positive and visited logs at most the logs. Across each breakdown, every count of the
/// categories adds up to the whole area's. Data quality: rows not used are at most the rows read,
/// children with an overdue wave, and children who moved between instruments for different
/// ages, at most the area's children. Histogram bins the whole area
/// lists are at least 1 (bins with no child are not listed).
struct PublishedCells {
    /// Where a count sits in a report.
    enum Place: Hashable {
        case children(group: Int)
        case scaleCount(group: Int, scale: Int, field: ScaleCount)
        case listed(group: Int, scale: Int, list: CountList, position: Int)
        case log(group: Int, log: Int, field: LogCount)
        case dataQuality(position: Int)
    }

    enum ScaleCount: CaseIterable {
        case withBaseline, followedUp, belowValidatedAge

        var keyPath: WritableKeyPath<ScaleView, ReportedCount> {
            switch self {
            case .withBaseline: return \.childrenWithBaseline
            case .followedUp: return \.childrenWithFollowUp
            case .belowValidatedAge: return \.scoresBelowValidatedAge
            }
        }

        func exact(_ aggregate: ScaleAggregate) -> PoolableCount {
            switch self {
            case .withBaseline: return aggregate.childrenWithBaseline
            case .followedUp: return aggregate.childrenWithFollowUp
            case .belowValidatedAge: return aggregate.scoresBelowValidatedAge
            }
        }
    }

    enum CountList: CaseIterable {
        case reliable, meaningful, bandsAtBaseline, bandsAtLatest, bandMovement, histogram

        var keyPath: WritableKeyPath<ScaleView, [ReportedCell]> {
            switch self {
            case .reliable: return \.reliableChange
            case .meaningful: return \.meaningfulChange
            case .bandsAtBaseline: return \.bandsAtBaseline
            case .bandsAtLatest: return \.bandsAtLatest
            case .bandMovement: return \.bandMovement
            case .histogram: return \.changeHistogram
            }
        }

        func exact(_ aggregate: ScaleAggregate) -> CountSet {
            switch self {
            case .reliable: return aggregate.reliableChange
            case .meaningful: return aggregate.meaningfulChange
            case .bandsAtBaseline: return aggregate.bandsAtBaseline
            case .bandsAtLatest: return aggregate.bandsAtLatest
            case .bandMovement: return aggregate.bandMovement
            case .histogram: return aggregate.changeHistogram
            }
        }
    }

    enum LogCount: CaseIterable {
        case childrenWithLogs, logs, visitsHappened, positive

        var keyPath: WritableKeyPath<OutcomeLogView, ReportedCount> {
            switch self {
            case .childrenWithLogs: return \.childrenWithLogs
            case .logs: return \.logs
            case .visitsHappened: return \.visitsHappened
            case .positive: return \.positive
            }
        }

        func exact(_ aggregate: OutcomeLogAggregate) -> PoolableCount {
            switch self {
            case .childrenWithLogs: return aggregate.childrenWithLogs
            case .logs: return aggregate.logs
            case .visitsHappened: return aggregate.visitsHappened
            case .positive: return aggregate.positive
            }
        }
    }

    var groups: [GroupView]
    var dataQuality: [ReportedCell]
    let aggregate: AreaAggregate

    subscript(place: Place) -> ReportedCount {
        get {
            switch place {
            case .children(let group): return groups[group].children
            case .scaleCount(let group, let scale, let field):
                return groups[group].scales[scale][keyPath: field.keyPath]
            case .listed(let group, let scale, let list, let position):
                return groups[group].scales[scale][keyPath: list.keyPath][position].count
            case .log(let group, let log, let field): return groups[group].logs[log][keyPath: field.keyPath]
            case .dataQuality(let position): return dataQuality[position].count
            }
        }
        set {
            switch place {
            case .children(let group): groups[group].children = newValue
            case .scaleCount(let group, let scale, let field):
                groups[group].scales[scale][keyPath: field.keyPath] = newValue
            case .listed(let group, let scale, let list, let position):
                let name = groups[group].scales[scale][keyPath: list.keyPath][position].name
                groups[group].scales[scale][keyPath: list.keyPath][position] = ReportedCell(
                    name: name, count: newValue)
            case .log(let group, let log, let field): groups[group].logs[log][keyPath: field.keyPath] = newValue
            case .dataQuality(let position):
                dataQuality[position] = ReportedCell(name: dataQuality[position].name, count: newValue)
            }
        }
    }

    /// The true count of a place.
    func exact(_ place: Place) -> PoolableCount {
        switch place {
        case .children(let group): return aggregate.groups[group].children
        case .scaleCount(let group, let scale, let field): return field.exact(groups[group].scales[scale].aggregate)
        case .listed(let group, let scale, let list, let position):
            let view = groups[group].scales[scale]
            return list.exact(view.aggregate)[view[keyPath: list.keyPath][position].name]
        case .log(let group, let log, let field):
            let outcome = groups[group].logs[log].outcome.id
            return aggregate.groups[group].logs.first { $0.outcome == outcome }.map(field.exact) ?? PoolableCount()
        case .dataQuality(let position):
            return aggregate.dataQuality[keyPath: DataQuality.fields[position].keyPath]
        }
    }

    /// How many counts are hidden, for whatever reason.
    var hiddenCount: Int {
        var count = dataQuality.filter(\.count.isHidden).count
        for group in groups {
            if group.children.isHidden { count += 1 }
            for scale in group.scales {
                count += ScaleCount.allCases.filter { scale[keyPath: $0.keyPath].isHidden }.count
                for list in CountList.allCases { count += scale[keyPath: list.keyPath].filter(\.count.isHidden).count }
            }
            for log in group.logs { count += LogCount.allCases.filter { log[keyPath: $0.keyPath].isHidden }.count }
        }
        return count
    }

    /// What the audit found and did.
    struct AuditResult: Sendable, Hashable {
        /// Counts hidden beyond the first pattern, to protect small ones.
        let cellsHiddenByAudit: Int
        /// Small hidden counts, every one with an interval of at least the threshold's values.
        let smallCellsProtected: Int
    }

    /// Audits the counts and hides more until every small hidden count is protected.
    mutating func audit(threshold: Int) -> AuditResult {
        let merged = self.merged()
        var (audit, places) = merged.cells.relations(threshold: threshold, members: merged.members, of: self)
        let hidden = audit.protect()
        for cell in hidden {
            // Only shown cells are hidden, and a merged group has none.
            guard let place = merged.place(places[cell]) else { continue }
            self[place] = .secondary
        }
        let small = relations(threshold: threshold).audit.cells.filter(\.isSmall).count
        return AuditResult(cellsHiddenByAudit: hidden.count, smallCellsProtected: small)
    }

    /// The counts as an audit, and where each of its cells sits. `members` (with `original`)
    /// names the groups a merged group stands for.
    func relations(threshold: Int, members: [Int: [Int]] = [:], of original: PublishedCells? = nil) -> (
        audit: DisclosureAudit, places: [Place]
    ) {
        var builder = Builder(cells: self, threshold: threshold, members: members, original: original ?? self)
        builder.relateEverything()
        return (builder.audit, builder.places)
    }

    /// Whether every count of a group is hidden (a group whose size is hidden shows nothing).
    func isConcealed(_ group: Int) -> Bool {
        let view = groups[group]
        guard view.children.isHidden else { return false }
        return view.scales.allSatisfy { scale in
            ScaleCount.allCases.allSatisfy { scale[keyPath: $0.keyPath].isHidden }
                && CountList.allCases.allSatisfy { list in scale[keyPath: list.keyPath].allSatisfy(\.count.isHidden) }
        } && view.logs.allSatisfy { log in LogCount.allCases.allSatisfy { log[keyPath: $0.keyPath].isHidden } }
    }

    /// The counts with each breakdown's concealed groups merged into one: an exact reduction.
    /// Concealed groups of one breakdown are interchangeable (every count hidden, the same
    /// relations), so a reader learns only their sum, and each small count in them can be
    /// anything from 0 to the sum's largest value (all of it in that group, or none).
    struct Merged {
        let cells: PublishedCells
        /// The original group of each group of `cells`; `nil` for a merged one.
        let original: [Int?]
        /// The groups each merged group stands for.
        let members: [Int: [Int]]

        func place(_ place: Place) -> Place? {
            switch place {
            case .children(let group): return original[group].map { .children(group: $0) }
            case .scaleCount(let group, let scale, let field):
                return original[group].map { .scaleCount(group: $0, scale: scale, field: field) }
            case .listed(let group, let scale, let list, let position):
                return original[group].map { .listed(group: $0, scale: scale, list: list, position: position) }
            case .log(let group, let log, let field):
                return original[group].map { .log(group: $0, log: log, field: field) }
            case .dataQuality: return place
            }
        }
    }

    func merged() -> Merged {
        let concealed = GroupAggregate.breakdownPositions(groups.map(\.dimension)).mapValues { $0.filter(isConcealed) }
        let merging = concealed.filter { $0.value.count >= 2 }
        let dropped = Set(merging.values.flatMap { $0 })
        guard !dropped.isEmpty else {
            return Merged(cells: self, original: groups.indices.map { $0 }, members: [:])
        }
        var views: [GroupView] = []
        var aggregates: [GroupAggregate] = []
        var original: [Int?] = []
        for index in groups.indices where !dropped.contains(index) {
            views.append(groups[index])
            aggregates.append(aggregate.groups[index])
            original.append(index)
        }
        var members: [Int: [Int]] = [:]
        for dimension in merging.keys.sorted() {
            let group = merging[dimension] ?? []
            guard let first = group.first else { continue }
            var sum = aggregate.groups[first]
            var view = groups[first]
            for other in group.dropFirst() {
                let next = aggregate.groups[other]
                sum.children = sum.children + next.children
                for (position, scale) in sum.scales.enumerated() {
                    if let match = next.scales.first(where: { $0.scale == scale.scale }),
                        let total = try? scale.adding(match)
                    {
                        sum.scales[position] = total
                    }
                }
                for (position, log) in sum.logs.enumerated() {
                    if let match = next.logs.first(where: { $0.outcome == log.outcome }),
                        let total = try? log.adding(match)
                    {
                        sum.logs[position] = total
                    }
                }
            }
            for position in view.scales.indices {
                if let merged = sum.scales.first(where: { $0.scale == view.scales[position].scale }) {
                    view.scales[position].aggregate = merged
                }
            }
            members[views.count] = group
            views.append(view)
            aggregates.append(sum)
            original.append(nil)
        }
        var reduced = aggregate
        reduced.groups = aggregates
        return Merged(
            cells: PublishedCells(groups: views, dataQuality: dataQuality, aggregate: reduced), original: original,
            members: members)
    }

    /// Puts the report's counts and relations into an audit.
    private struct Builder {
        let cells: PublishedCells
        var audit: DisclosureAudit
        var places: [Place] = []
        var number: [Place: Int] = [:]

        /// The groups a merged group stands for, and the counts they come from.
        let members: [Int: [Int]]
        let original: PublishedCells

        init(cells: PublishedCells, threshold: Int, members: [Int: [Int]], original: PublishedCells) {
            self.cells = cells
            self.members = members
            self.original = original
            audit = DisclosureAudit(threshold: threshold)
        }

        /// For a merged group's count: the value its largest must reach, when any group it stands
        /// for has a small count there.
        private func mustReach(_ place: Place) -> Int? {
            let group: Int
            switch place {
            case .children(let g), .scaleCount(let g, _, _), .listed(let g, _, _, _), .log(let g, _, _): group = g
            case .dataQuality: return nil
            }
            guard let stands = members[group] else { return nil }
            let threshold = audit.threshold
            let small = stands.contains { member in
                let value: PoolableCount
                switch place {
                case .children: value = original.exact(.children(group: member))
                case .scaleCount(_, let scale, let field):
                    value = original.exact(.scaleCount(group: member, scale: scale, field: field))
                case .listed(_, let scale, let list, let position):
                    guard position < original.groups[member].scales[scale][keyPath: list.keyPath].count else {
                        return false
                    }
                    value = original.exact(.listed(group: member, scale: scale, list: list, position: position))
                case .log(_, let log, let field): value = original.exact(.log(group: member, log: log, field: field))
                case .dataQuality: return false
                }
                return value.isComplete && value.value > 0 && value.value < threshold
            }
            return small ? threshold - 1 : nil
        }

        /// The audit's cell for a place, added on first use.
        mutating func cell(_ place: Place) -> Int {
            if let known = number[place] { return known }
            let reported = cells[place]
            let exact = cells.exact(place)
            var known = 0
            // The whole area's and the waiting list's histograms list only bins with a child.
            if case .listed(let group, _, .histogram, _) = place,
                !GroupAggregate.isBreakdown(cells.groups[group].dimension)
            {
                known = 1
            }
            var total = false
            switch place {
            case .children, .scaleCount(_, _, .withBaseline), .scaleCount(_, _, .followedUp): total = true
            default: break
            }
            let id: Int
            switch reported {
            case .count(let value): id = audit.add(value: value, shown: true, total: total)
            case .incomplete(let partial, _):
                id = audit.add(value: partial, shown: false, known: partial, small: false)
            case .underThreshold, .secondary:
                let reach = mustReach(place)
                id = audit.add(
                    value: exact.value, shown: false, known: known,
                    small: reach == nil && exact.isComplete && exact.value > 0 && exact.value < audit.threshold,
                    mustReach: reach)
            }
            places.append(place)
            number[place] = id
            return id
        }

        mutating func relateEverything() {
            for group in cells.groups.indices { relateWithin(group) }
            let byDimension = GroupAggregate.breakdownPositions(cells.groups.map(\.dimension))
            if let all = cells.groups.firstIndex(where: { $0.dimension == "all" }) {
                for dimension in byDimension.keys.sorted() {
                    relateAcross(byDimension[dimension] ?? [], all: all)
                }
                let waiting = cells.groups.indices.filter { cells.groups[$0].isWaitingList }
                relateDataQuality(everyone: [all] + waiting)
            }
        }

        private mutating func relateWithin(_ group: Int) {
            let children = cell(.children(group: group))
            for (position, view) in cells.groups[group].scales.enumerated() {
                let count = { (field: ScaleCount) in Place.scaleCount(group: group, scale: position, field: field) }
                let baseline = cell(count(.withBaseline))
                let followed = cell(count(.followedUp))
                _ = cell(count(.belowValidatedAge))
                audit.relate(sum: [baseline], atMost: children)
                audit.relate(sum: [followed], atMost: baseline)
                let listed = { (list: CountList) in
                    view[keyPath: list.keyPath].indices.map {
                        Place.listed(group: group, scale: position, list: list, position: $0)
                    }
                }
                for list in CountList.allCases where list != .bandMovement {
                    let parts = listed(list).map { cell($0) }
                    guard !parts.isEmpty else { continue }
                    audit.relate(sum: parts, equals: list == .bandsAtBaseline ? baseline : followed)
                }
                // Band movement: columns add up to bands at latest, rows to at most bands at baseline.
                let movement = view.bandMovement.map(\.name)
                let bands = view.bandsAtLatest.map { BandID($0.name) }
                let moved = { (test: (String) -> Bool) in
                    movement.indices.filter { test(movement[$0]) }.map {
                        Place.listed(group: group, scale: position, list: .bandMovement, position: $0)
                    }
                }
                for (index, band) in bands.enumerated() {
                    let into = moved { name in bands.contains { ScaleAggregate.movement(from: $0, to: band) == name } }
                    let from = moved { name in bands.contains { ScaleAggregate.movement(from: band, to: $0) == name } }
                    let latest = cell(.listed(group: group, scale: position, list: .bandsAtLatest, position: index))
                    audit.relate(sum: into.map { cell($0) }, equals: latest)
                    if let atBaseline = view.bandsAtBaseline.firstIndex(where: { $0.name == band.rawValue }) {
                        let baselineCell = cell(
                            .listed(group: group, scale: position, list: .bandsAtBaseline, position: atBaseline))
                        audit.relate(sum: from.map { cell($0) }, atMost: baselineCell)
                    }
                }
            }
            for position in cells.groups[group].logs.indices {
                let place = { (field: LogCount) in Place.log(group: group, log: position, field: field) }
                let logs = cell(place(.logs))
                audit.relate(sum: [cell(place(.childrenWithLogs))], atMost: children)
                audit.relate(sum: [cell(place(.positive))], atMost: logs)
                audit.relate(sum: [cell(place(.visitsHappened))], atMost: logs)
            }
        }

        /// Every count of a breakdown's categories adds up to the whole area's.
        private mutating func relateAcross(_ members: [Int], all: Int) {
            audit.relate(sum: members.map { cell(.children(group: $0)) }, equals: cell(.children(group: all)))
            let groups = cells.groups
            for (allPosition, allView) in groups[all].scales.enumerated() {
                let positions = members.map { member in
                    (member, groups[member].scales.firstIndex { $0.scale == allView.scale })
                }
                for field in ScaleCount.allCases {
                    let parts = positions.compactMap { member, position in
                        position.map { cell(.scaleCount(group: member, scale: $0, field: field)) }
                    }
                    audit.relate(sum: parts, equals: cell(.scaleCount(group: all, scale: allPosition, field: field)))
                }
                for list in CountList.allCases {
                    for (index, allCell) in allView[keyPath: list.keyPath].enumerated() {
                        let parts = positions.compactMap { member, position -> Int? in
                            guard let position,
                                let found = groups[member].scales[position][keyPath: list.keyPath].firstIndex(where: {
                                    $0.name == allCell.name
                                })
                            else { return nil }
                            return cell(.listed(group: member, scale: position, list: list, position: found))
                        }
                        audit.relate(
                            sum: parts,
                            equals: cell(.listed(group: all, scale: allPosition, list: list, position: index)))
                    }
                }
            }
            for (allPosition, allLog) in groups[all].logs.enumerated() {
                for field in LogCount.allCases {
                    let parts = members.compactMap { member -> Int? in
                        groups[member].logs.firstIndex { $0.outcome.id == allLog.outcome.id }.map {
                            cell(.log(group: member, log: $0, field: field))
                        }
                    }
                    audit.relate(sum: parts, equals: cell(.log(group: all, log: allPosition, field: field)))
                }
            }
        }

        /// Rows not used are at most the rows read; children with an overdue wave, or who moved
        /// between instruments for different ages, at most all children: the matched children
        /// and the waiting list (`everyone`).
        private mutating func relateDataQuality(everyone: [Int]) {
            let fields = DataQuality.fields.map(\.keyPath)
            let position = { (keyPath: WritableKeyPath<DataQuality, PoolableCount>) in
                fields.firstIndex(of: keyPath) ?? 0
            }
            for index in cells.dataQuality.indices { _ = cell(.dataQuality(position: index)) }
            let notUsed = [\DataQuality.rowsInvalid, \.rowsDuplicate, \.rowsOutOfRange].map {
                cell(.dataQuality(position: position($0)))
            }
            audit.relate(sum: notUsed, atMost: cell(.dataQuality(position: position(\.rowsRead))))
            for children in [\DataQuality.childrenWithOverdueWave, \.childrenMovedBetweenInstruments] {
                let total = everyone.map { cell(.children(group: $0)) }
                audit.relate(sum: [cell(.dataQuality(position: position(children)))], atMostSumOf: total)
            }
        }
    }
}
