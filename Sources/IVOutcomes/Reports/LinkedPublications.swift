/// The publications a reader of a national picture holds beside it: every area's own published
/// report (made again from its confidential return, exactly as the area published it), so that
/// the national picture is audited against "national minus the other areas' published numbers".
///
/// The audit's reader holds the national figures, every area's report and one area's own exact
/// return (``DisclosureAudit/Cell/owner``). What links them: each national count is the sum of
/// the areas' counts of the same group (the whole nation is every area's `all`, the waiting list
/// every area's), scale and table. Where an area does not publish that count (a table it leaves
/// out), its share is a count it never published: an unknown the reader can reason about through
/// the same relations its table would have (parts adding up to the area's own published total).
/// The audit may hide only national counts; every small hidden count of the national picture and
/// of every area's report must keep `threshold` values.
///
/// A national picture has no breakdowns (``ReportView/init(nationalFrom:catalog:policy:title:allowSmallNumbers:)``
/// leaves them out): a national category would add up areas' categories that their reports merge
/// or leave out, which these links do not model.
struct LinkedPublications {
    /// One area: its report as published (its designed groups, as its report shows them, with
    /// their exact aggregates).
    struct Area {
        let published: PublishedCells
    }

    let areas: [Area]

    /// Adds every area's published counts and relations, the unpublished shares the national
    /// counts add up, and a relation per national count: it is the sum of the areas' shares.
    func add(to model: inout PublishedCells.Model, national: PublishedCells) {
        precondition(
            !national.groups.contains { GroupAggregate.isBreakdown($0.dimension) },
            "a national picture links only the whole nation and the waiting list")
        let nationalCells = model.published
        let places = national.places
        var shares: [Int: [Int]] = [:]
        for (owner, area) in areas.enumerated() {
            let cells = model.add(area.published, owner: owner, hideable: false)
            var linker = Linker(area: area, owner: owner, cells: cells, audit: model.audit, national: national)
            for place in places {
                guard let nationalCell = nationalCells[place] else { continue }
                let parts = linker.share(of: place)
                if !parts.isEmpty { shares[nationalCell, default: []] += parts }
            }
            model.audit = linker.audit
        }
        for place in places {
            guard let nationalCell = nationalCells[place], let parts = shares[nationalCell] else { continue }
            model.audit.relate(sum: parts, equals: nationalCell)
        }
    }

    /// One area's shares of the national counts: its published cells where it publishes the
    /// same count, otherwise counts it never published, added on first use with the relations a
    /// reader knows they keep.
    private struct Linker {
        let area: Area
        let owner: Int
        /// The area's published cells.
        let cells: [PublishedCells.Place: Int]
        var audit: DisclosureAudit
        let national: PublishedCells
        /// Unpublished counts of the whole area's or the waiting list's tables.
        private var tableShares: [TableKey: Int] = [:]

        struct TableKey: Hashable {
            let group: Int
            let scale: ScaleID
            let list: PublishedCells.CountList
            let name: String
        }

        init(
            area: Area, owner: Int, cells: [PublishedCells.Place: Int], audit: DisclosureAudit,
            national: PublishedCells
        ) {
            self.area = area
            self.owner = owner
            self.cells = cells
            self.audit = audit
            self.national = national
        }

        /// The area's cells whose sum is its share of a national count (empty: none).
        mutating func share(of place: PublishedCells.Place) -> [Int] {
            guard let group = place.group else {
                if case .dataQuality(let position) = place {
                    let name = national.dataQuality[position].name
                    guard let own = area.published.dataQuality.firstIndex(where: { $0.name == name }) else { return [] }
                    return cells[.dataQuality(position: own)].map { [$0] } ?? []
                }
                return []
            }
            let view = national.groups[group]
            guard
                let own = area.published.groups.firstIndex(where: {
                    $0.dimension == view.dimension && $0.category == view.category
                })
            else { return [] }
            switch place {
            case .children: return [cells[.children(group: own)]].compactMap { $0 }
            case .scaleCount(_, let scale, let field):
                guard let position = scalePosition(view.scales[scale].scale, in: own) else { return [] }
                return [cells[.scaleCount(group: own, scale: position, field: field)]].compactMap { $0 }
            case .listed(_, let scale, let list, let index):
                let name = view.scales[scale][keyPath: list.keyPath][index].name
                return tableCell(group: own, scale: view.scales[scale].scale, list: list, name: name).map { [$0] } ?? []
            case .log(_, let log, let field):
                let outcome = view.logs[log].outcome.id
                guard let position = area.published.groups[own].logs.firstIndex(where: { $0.outcome.id == outcome })
                else { return [] }
                return [cells[.log(group: own, log: position, field: field)]].compactMap { $0 }
            case .dataQuality: return []
            }
        }

        private func scalePosition(_ scale: ScaleID, in group: Int) -> Int? {
            area.published.groups[group].scales.firstIndex { $0.scale == scale }
        }

        /// The cell of one count of the whole area's or the waiting list's table: published, or
        /// (the table left out) an unpublished count with its table's relations; `nil` for a count
        /// that is 0 by what the area publishes (a scale it did not measure, a bin outside its
        /// histogram's range).
        private mutating func tableCell(group: Int, scale id: ScaleID, list: PublishedCells.CountList, name: String)
            -> Int?
        {
            guard let position = scalePosition(id, in: group) else { return nil }
            let view = area.published.groups[group].scales[position]
            let listed = view[keyPath: list.keyPath]
            if !listed.isEmpty {
                return listed.firstIndex { $0.name == name }.map {
                    cells[.listed(group: group, scale: position, list: list, position: $0)]
                } ?? nil
            }
            let key = TableKey(group: group, scale: id, list: list, name: name)
            if tableShares[key] == nil { addTable(group: group, scale: position, list: list) }
            return tableShares[key]
        }

        /// The unpublished counts of a table the area leaves out (every name the national table
        /// or the area's own counts have), adding up to the area's published total; band
        /// movement's also adding up, by column, to the bands at latest and, by row, to at most
        /// the bands at baseline.
        private mutating func addTable(group: Int, scale position: Int, list: PublishedCells.CountList) {
            let view = area.published.groups[group].scales[position]
            let exact = list.exact(view.aggregate)
            var names = exact.names
            for nationalGroup in national.groups where !GroupAggregate.isBreakdown(nationalGroup.dimension) {
                for scale in nationalGroup.scales where scale.scale == view.scale {
                    for cell in scale[keyPath: list.keyPath] where !names.contains(cell.name) {
                        names.append(cell.name)
                    }
                }
            }
            if list == .bandMovement {
                let bands = view.definition.bands?.bands.map(\.id) ?? []
                for from in bands {
                    for to in bands where !names.contains(ScaleAggregate.movement(from: from, to: to)) {
                        names.append(ScaleAggregate.movement(from: from, to: to))
                    }
                }
            }
            var parts: [Int] = []
            for name in names {
                let cell = audit.add(
                    value: exact[name].value, shown: false, small: false, cost: .detail, hideable: false, owner: owner,
                    family: DisclosureAudit.Family(scale: view.scale, kind: list == .reliable ? 1 : 2))
                tableShares[TableKey(group: group, scale: view.scale, list: list, name: name)] = cell
                parts.append(cell)
            }
            let total = PublishedCells.Place.scaleCount(
                group: group, scale: position, field: list.isOfBaseline ? .withBaseline : .followedUp)
            if let totalCell = cells[total] { audit.relate(sum: parts, equals: totalCell) }
            guard list == .bandMovement else { return }
            for band in view.definition.bands?.bands.map(\.id) ?? [] {
                let cell = { (name: String) in
                    tableShares[TableKey(group: group, scale: view.scale, list: list, name: name)]
                }
                let into = names.filter { $0.hasSuffix(">\(band)") }.compactMap(cell)
                let from = names.filter { $0.hasPrefix("\(band)>") }.compactMap(cell)
                if let latest = tableCell(group: group, scale: view.scale, list: .bandsAtLatest, name: band.rawValue) {
                    audit.relate(sum: into, equals: latest)
                }
                if let baseline = tableCell(
                    group: group, scale: view.scale, list: .bandsAtBaseline, name: band.rawValue)
                {
                    audit.relate(sum: from, atMost: baseline)
                }
            }
        }
    }

    /// Statistics of the national picture that, less the same statistics of the areas' groups
    /// inside it that publish them, would leave those of 1 to `threshold - 1` children, with no
    /// area's own figures or with any one area's (``Area/children(of:kind:in:)``): withdrawn,
    /// with a note. Returns how many.
    func protectStatistics(_ groups: inout [GroupView], threshold: Int) -> Int {
        var withheld = 0
        for group in groups.indices {
            for scale in groups[group].scales.indices {
                for kind in ReportView.StatisticsKind.allCases where kind.isShown(groups[group].scales[scale]) {
                    let view = groups[group].scales[scale]
                    // Each area's children in the group whose statistics its own report does not show.
                    let unpublished = areas.map { area in
                        let counted = area.children(of: view.scale, kind: kind, in: groups[group])
                        return counted.all - counted.published
                    }
                    let leftOver = unpublished.reduce(0, +)
                    let small = { (count: Int) in count > 0 && count < threshold }
                    guard small(leftOver) || unpublished.contains(where: { small(leftOver - $0) }) else { continue }
                    kind.withdraw(from: &groups[group].scales[scale])
                    groups[group].scales[scale].notes.append(
                        "statistics withheld: with the areas' own reports, they would give away the scores of fewer than \(threshold) children"
                    )
                    withheld += 1
                }
            }
        }
        return withheld
    }
}

extension LinkedPublications.Area {
    /// The area's children in a national group (the whole nation or the waiting list) measured on
    /// `scale` (with a baseline, or followed up): how many of them are in the area's own group of
    /// the same kind if its report shows that group's statistics, and how many there are.
    func children(of scale: ScaleID, kind: ReportView.StatisticsKind, in national: GroupView) -> (
        published: Int, all: Int
    ) {
        guard
            let own = published.groups.firstIndex(where: {
                $0.dimension == national.dimension && $0.category == national.category
            }),
            let counted = published.aggregate.groups[own].scales.first(where: { $0.scale == scale })
        else { return (0, 0) }
        let all = (kind == .baseline ? counted.childrenWithBaseline : counted.childrenWithFollowUp).value
        let shows = published.groups[own].scales.first { $0.scale == scale }.map(kind.isShown) ?? false
        return (shows ? all : 0, all)
    }
}
