import Foundation

/// Every count a report is about to publish, with its true value and what a reader knows of how
/// the counts fit together, so that ``DisclosureAudit`` can check them and hide more.
///
/// The relations, per group and scale: bands at baseline add up to the children with a
/// baseline; bands at latest, the change classes and the histogram bins add up to the children
/// followed up; band movement's columns add up to the bands at latest and its rows to at most the
/// bands at baseline; children followed up are at most those with a baseline, who are at most the
/// group's children. Per outcome of the logs: children with logs at most the group's children,
/// positive and visited logs at most the logs. Across each breakdown, every count of the
/// categories adds up to the whole area's (to at most it, for a table some categories do not
/// publish: their share is then anything that fits). Data quality: rows not used are at most the
/// rows read, children with an overdue wave, and children who moved between instruments for
/// different ages, at most the area's children. A histogram lists every bin a change can fall in,
/// so a hidden bin may be empty: every hidden count is anything from 0 up. A table a group does not publish (``TableDesign``) has no
/// cells and no relations: whatever its cells, they fit any published totals.
struct PublishedCells {
    /// Where a count sits in a report.
    enum Place: Hashable {
        case children(group: Int)
        case scaleCount(group: Int, scale: Int, field: ScaleCount)
        case listed(group: Int, scale: Int, list: CountList, position: Int)
        case log(group: Int, log: Int, field: LogCount)
        case dataQuality(position: Int)

        var group: Int? {
            switch self {
            case .children(let group), .scaleCount(let group, _, _), .listed(let group, _, _, _), .log(let group, _, _):
                return group
            case .dataQuality: return nil
            }
        }
    }

    /// A scale's single counts.
    enum ScaleCount: CaseIterable {
        case withBaseline, followedUp, belowValidatedAge

        /// The two group sizes every scale of every group publishes.
        static var sizes: [WritableKeyPath<ScaleView, ReportedCount>] {
            [\.childrenWithBaseline, \.childrenWithFollowUp]
        }

        /// The property of ``ScaleView`` that publishes it.
        var name: String {
            switch self {
            case .withBaseline: return "childrenWithBaseline"
            case .followedUp: return "childrenWithFollowUp"
            case .belowValidatedAge: return "scoresBelowValidatedAge"
            }
        }

        /// The count as published; `nil` when the group does not publish it.
        func reported(in view: ScaleView) -> ReportedCount? {
            switch self {
            case .withBaseline: return view.childrenWithBaseline
            case .followedUp: return view.childrenWithFollowUp
            case .belowValidatedAge: return view.scoresBelowValidatedAge
            }
        }

        func set(_ count: ReportedCount, in view: inout ScaleView) {
            switch self {
            case .withBaseline: view.childrenWithBaseline = count
            case .followedUp: view.childrenWithFollowUp = count
            case .belowValidatedAge: view.scoresBelowValidatedAge = count
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

    /// A scale's tables of named counts.
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

        /// The property of ``ScaleView`` that publishes it.
        var name: String {
            switch self {
            case .reliable: return "reliableChange"
            case .meaningful: return "meaningfulChange"
            case .bandsAtBaseline: return "bandsAtBaseline"
            case .bandsAtLatest: return "bandsAtLatest"
            case .bandMovement: return "bandMovement"
            case .histogram: return "changeHistogram"
            }
        }

        /// Whether its total is the children with a baseline (else those followed up).
        var isOfBaseline: Bool { self == .bandsAtBaseline }

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

    /// An outcome's contact-log counts.
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

        /// The property of ``OutcomeLogView`` that publishes it.
        var name: String {
            switch self {
            case .childrenWithLogs: return "childrenWithLogs"
            case .logs: return "logs"
            case .visitsHappened: return "visitsHappened"
            case .positive: return "positive"
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

    /// The properties, by type, whose counts the audit sees: every count a report publishes
    /// must be one of them (a test reads the published types and fails on any other).
    static let registeredProperties: [String: Set<String>] = [
        "GroupView": ["children"],
        "ScaleView": Set(ScaleCount.allCases.map(\.name) + CountList.allCases.map(\.name)),
        "OutcomeLogView": Set(LogCount.allCases.map(\.name)),
        "ReportView": ["dataQuality"],
    ]

    var groups: [GroupView]
    var dataQuality: [ReportedCell]

    /// Whether the data-quality count `name` is published and shown.
    func shows(dataQuality name: String) -> Bool {
        dataQuality.first { $0.name == name }?.count.exactValue != nil
    }

    /// The exact aggregate, its groups those of ``groups`` (as designed).
    let aggregate: AreaAggregate

    subscript(place: Place) -> ReportedCount {
        get {
            switch place {
            case .children(let group): return groups[group].children
            case .scaleCount(let group, let scale, let field):
                return field.reported(in: groups[group].scales[scale]) ?? .count(0)
            case .listed(let group, let scale, let list, let position):
                return groups[group].scales[scale][keyPath: list.keyPath][position].count
            case .log(let group, let log, let field): return groups[group].logs[log][keyPath: field.keyPath]
            case .dataQuality(let position): return dataQuality[position].count
            }
        }
        set {
            switch place {
            case .children(let group): groups[group].children = newValue
            case .scaleCount(let group, let scale, let field): field.set(newValue, in: &groups[group].scales[scale])
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

    /// Every place a count is published, in the report's order.
    var places: [Place] {
        var places: [Place] = []
        for (group, view) in groups.enumerated() {
            places.append(.children(group: group))
            for (scale, scaleView) in view.scales.enumerated() {
                for field in ScaleCount.allCases where field.reported(in: scaleView) != nil {
                    places.append(.scaleCount(group: group, scale: scale, field: field))
                }
                for list in CountList.allCases {
                    for position in scaleView[keyPath: list.keyPath].indices {
                        places.append(.listed(group: group, scale: scale, list: list, position: position))
                    }
                }
            }
            for log in view.logs.indices {
                places += LogCount.allCases.map { .log(group: group, log: log, field: $0) }
            }
        }
        return places + dataQuality.indices.map { .dataQuality(position: $0) }
    }

    /// How many counts are hidden, for whatever reason.
    var hiddenCount: Int { places.filter { self[$0].isHidden }.count }

    /// Audits the counts and hides more until every small hidden count is protected; returns
    /// the places it hid and whether it passed. `linked` adds other publications a reader holds
    /// with this one (each area's report, for a national picture).
    mutating func audit(threshold: Int, linked: LinkedPublications? = nil) -> (hidden: Set<Place>, passed: Bool) {
        var model = Model(threshold: threshold)
        model.add(self, owner: nil, hideable: true)
        linked?.add(to: &model, national: self)
        let outcome = model.audit.protect()
        var hidden = Set<Place>()
        for cell in outcome.hidden {
            guard case .published(let place)? = model.places[cell] else { continue }
            self[place] = .secondary
            hidden.insert(place)
        }
        return (hidden, outcome.passed)
    }

    /// Takes out the tables whose total ends up hidden (bands at baseline under the children
    /// with a baseline, the follow-up tables under those followed up), so that which tables a
    /// group shows depends only on what it shows. Fewer published counts can only leave a
    /// reader less to work with.
    mutating func dropTablesOfHiddenTotals() {
        for group in groups.indices {
            for scale in groups[group].scales.indices {
                let view = groups[group].scales[scale]
                for list in CountList.allCases
                where (list.isOfBaseline ? view.childrenWithBaseline : view.childrenWithFollowUp).isHidden {
                    groups[group].scales[scale][keyPath: list.keyPath] = []
                }
            }
        }
    }

    /// Shows again the hidden counts a reader can work out exactly (``DisclosureAudit/derivableCells()``):
    /// a number hidden in one place is never shown in another. Returns how many.
    mutating func showDerivable(threshold: Int) -> Int {
        let (audit, places) = relations(threshold: threshold)
        let derivable = audit.derivableCells()
        for cell in derivable { self[places[cell]] = .count(exact(places[cell]).value) }
        return derivable.count
    }

    /// The hidden counts of 1 to `threshold - 1`.
    func smallHiddenCount(threshold: Int) -> Int {
        places.filter { place in
            let value = exact(place)
            return self[place].isHidden && value.isComplete && value.value > 0 && value.value < threshold
        }.count
    }

    /// The counts as an audit, and where each of its cells sits.
    func relations(threshold: Int) -> (audit: DisclosureAudit, places: [Place]) {
        var model = Model(threshold: threshold)
        let number = model.add(self, owner: nil, hideable: true)
        var places = [Place](repeating: .dataQuality(position: 0), count: model.audit.cells.count)
        for (place, cell) in number { places[cell] = place }
        return (model.audit, places)
    }

    /// An audit under construction: the cells of one or more publications and what each is.
    struct Model {
        /// What a cell of the audit is.
        enum Origin {
            /// A count of the publication audited.
            case published(Place)
            /// A count another publication (an area's report) publishes, of its owner.
            case linked(owner: Int, place: Place)
        }

        var audit: DisclosureAudit
        /// The origin of each cell, by number.
        var places: [Int: Origin] = [:]
        /// The cell of each place of the publication audited.
        var published: [Place: Int] = [:]

        init(threshold: Int) { audit = DisclosureAudit(threshold: threshold) }

        /// Adds a publication's counts and their relations; returns each place's cell. Counts of
        /// an `owner`'s publication may be held exactly by a reader (its own area's return).
        @discardableResult
        mutating func add(_ cells: PublishedCells, owner: Int?, hideable: Bool) -> [Place: Int] {
            var builder = Builder(cells: cells, audit: audit, owner: owner, hideable: hideable)
            builder.relateEverything()
            audit = builder.audit
            if let owner {
                for (place, cell) in builder.number { places[cell] = .linked(owner: owner, place: place) }
            } else {
                for (place, cell) in builder.number { places[cell] = .published(place) }
                published = builder.number
            }
            return builder.number
        }
    }

    /// What a count is of (``DisclosureAudit/Family``).
    func family(_ place: Place) -> DisclosureAudit.Family {
        switch place {
        case .children: return .children
        case .scaleCount(let group, let scale, let field):
            return DisclosureAudit.Family(
                scale: groups[group].scales[scale].scale, kind: field == .belowValidatedAge ? 2 : 1)
        case .listed(let group, let scale, let list, _):
            return DisclosureAudit.Family(scale: groups[group].scales[scale].scale, kind: list == .reliable ? 1 : 2)
        case .log: return DisclosureAudit.Family(scale: nil, kind: 3)
        case .dataQuality: return .other
        }
    }

    /// What hiding a count costs the report's users (``DisclosureAudit/Cost``).
    func cost(_ place: Place) -> DisclosureAudit.Cost {
        let group = place.group.map { groups[$0] }
        let kind: (whole: DisclosureAudit.Cost, size: DisclosureAudit.Cost) =
            group.map { GroupAggregate.isBreakdown($0.dimension) } == true
            ? (.breakdown, .breakdown) : group?.isWaitingList == true ? (.table, .waitingSize) : (.table, .headline)
        switch place {
        case .children, .scaleCount(_, _, .withBaseline), .scaleCount(_, _, .followedUp): return kind.size
        case .listed(let group, let scale, let list, let position):
            if list == .histogram || list == .bandMovement { return .detail }
            let name = groups[group].scales[scale][keyPath: list.keyPath][position].name
            if kind.whole == .table, list == .reliable, name == ReliableChangeClass.reliablyImproved.rawValue {
                return .keyTable
            }
            return kind.whole
        case .scaleCount, .log, .dataQuality: return kind.whole
        }
    }

    /// Puts one publication's counts and relations into an audit.
    private struct Builder {
        let cells: PublishedCells
        var audit: DisclosureAudit
        let owner: Int?
        let hideable: Bool
        var number: [Place: Int] = [:]

        init(cells: PublishedCells, audit: DisclosureAudit, owner: Int?, hideable: Bool) {
            self.cells = cells
            self.audit = audit
            self.owner = owner
            self.hideable = hideable
        }

        /// The audit's cell for a place, added on first use.
        mutating func cell(_ place: Place) -> Int {
            if let known = number[place] { return known }
            let reported = cells[place]
            let exact = cells.exact(place)
            let cost = cells.cost(place)
            let family = cells.family(place)
            let id: Int
            switch reported {
            case .count(let value):
                id = audit.add(value: value, shown: true, cost: cost, hideable: hideable, owner: owner, family: family)
            case .incomplete(let partial, _):
                id = audit.add(
                    value: partial, shown: false, known: partial, small: false, cost: cost, hideable: false,
                    owner: owner, family: family)
            case .underThreshold, .secondary:
                id = audit.add(
                    value: exact.value, shown: false,
                    small: exact.isComplete && exact.value > 0 && exact.value < audit.threshold, cost: cost,
                    hideable: hideable, owner: owner, family: family)
            }
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
                if view.scoresBelowValidatedAge != nil { _ = cell(count(.belowValidatedAge)) }
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
                    audit.relate(sum: parts, equals: list.isOfBaseline ? baseline : followed)
                }
                // Band movement: columns add up to bands at latest, rows to at most bands at baseline.
                guard !view.bandMovement.isEmpty else { continue }
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

        /// Every count of a breakdown's categories adds up to the whole area's: exactly where
        /// every category publishes it, to at most it where some do not (their share is then
        /// anything that fits).
        private mutating func relateAcross(_ members: [Int], all: Int) {
            audit.relate(sum: members.map { cell(.children(group: $0)) }, equals: cell(.children(group: all)))
            let groups = cells.groups
            for (allPosition, allView) in groups[all].scales.enumerated() {
                let positions = members.map { member in
                    (member, groups[member].scales.firstIndex { $0.scale == allView.scale })
                }
                for field in ScaleCount.allCases where field.reported(in: allView) != nil {
                    var every = true
                    let parts = positions.compactMap { member, position -> Int? in
                        guard let position else { return nil }
                        guard field.reported(in: groups[member].scales[position]) != nil else {
                            every = false
                            return nil
                        }
                        return cell(.scaleCount(group: member, scale: position, field: field))
                    }
                    relate(parts, every: every, to: cell(.scaleCount(group: all, scale: allPosition, field: field)))
                }
                for list in CountList.allCases {
                    for (index, allCell) in allView[keyPath: list.keyPath].enumerated() {
                        var every = true
                        let parts = positions.compactMap { member, position -> Int? in
                            guard let position else { return nil }
                            let view = groups[member].scales[position]
                            guard !view[keyPath: list.keyPath].isEmpty else {
                                every = false
                                return nil
                            }
                            return view[keyPath: list.keyPath].firstIndex { $0.name == allCell.name }.map {
                                cell(.listed(group: member, scale: position, list: list, position: $0))
                            }
                        }
                        relate(
                            parts, every: every,
                            to: cell(.listed(group: all, scale: allPosition, list: list, position: index)))
                    }
                }
            }
            for (allPosition, allLog) in groups[all].logs.enumerated() {
                for field in LogCount.allCases {
                    var every = true
                    let parts = members.compactMap { member -> Int? in
                        guard let log = groups[member].logs.firstIndex(where: { $0.outcome.id == allLog.outcome.id })
                        else {
                            every = false
                            return nil
                        }
                        return cell(.log(group: member, log: log, field: field))
                    }
                    relate(parts, every: every, to: cell(.log(group: all, log: allPosition, field: field)))
                }
            }
        }

        /// `parts` add up to `total` when `every` part is published, else to at most it.
        private mutating func relate(_ parts: [Int], every: Bool, to total: Int) {
            if every {
                audit.relate(sum: parts, equals: total)
            } else if !parts.isEmpty {
                audit.relate(sum: parts, atMost: total)
            }
        }

        /// Rows not used are at most the rows read; children with an overdue wave, or who moved
        /// between instruments for different ages, at most all children: the matched children
        /// and the waiting list (`everyone`).
        private mutating func relateDataQuality(everyone: [Int]) {
            // By name: a national picture publishes only the counts every area shows.
            let published = cells.dataQuality.map(\.name)
            let position = { (keyPath: WritableKeyPath<DataQuality, PoolableCount>) -> Int? in
                DataQuality.fields.first { $0.keyPath == keyPath }.flatMap { published.firstIndex(of: $0.key) }
            }
            for index in cells.dataQuality.indices { _ = cell(.dataQuality(position: index)) }
            let notUsed = [\DataQuality.rowsInvalid, \.rowsDuplicate, \.rowsOutOfRange].compactMap(position).map {
                cell(.dataQuality(position: $0))
            }
            if let read = position(\.rowsRead) {
                audit.relate(sum: notUsed, atMost: cell(.dataQuality(position: read)))
            }
            for children in [\DataQuality.childrenWithOverdueWave, \.childrenMovedBetweenInstruments] {
                guard let index = position(children) else { continue }
                let total = everyone.map { cell(.children(group: $0)) }
                audit.relate(sum: [cell(.dataQuality(position: index))], atMostSumOf: total)
            }
        }
    }
}
