/// The publications a reader of a national picture holds beside it: every area's own published
/// report (made again from its confidential return, exactly as the area published it), so that
/// the national picture is audited against "national minus the other areas' published numbers".
///
/// The audit's reader holds the national figures, every area's report and one area's own exact
/// return (``DisclosureAudit/Cell/owner``). What links them: each national count is the sum of
/// the areas' counts of the same group, scale and table. Where an area does not publish that
/// count as one cell (a table it leaves out, a category it merged, a breakdown it does not show),
/// its share is a count it never published: an unknown the reader can reason about through the
/// same relations its tables would have (parts adding up to the area's own published totals and
/// categories). The audit may hide only national counts; every small hidden count of the national
/// picture and of every area's report must keep `threshold` values.
struct LinkedPublications {
    /// One area: its report as published, and its exact figures.
    struct Area {
        /// The area's published counts (its designed groups, as its report shows them).
        let published: PublishedCells
        /// The area's exact aggregate, every category of every breakdown.
        let exact: AreaAggregate
    }

    let areas: [Area]

    /// Adds every area's published counts and relations, the unpublished shares the national
    /// counts add up, and a relation per national count: it is the sum of the areas' shares.
    func add(to model: inout PublishedCells.Model, national: PublishedCells) {
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
        /// The cells of the categories of a breakdown (published, or counts never published).
        private var categoryShares: [CategoryKey: Int] = [:]
        /// The breakdowns' fields whose category cells are made.
        private var categoryFields = Set<FieldKey>()

        struct TableKey: Hashable {
            let group: Int
            let scale: ScaleID
            let list: PublishedCells.CountList
            let name: String
        }

        struct FieldKey: Hashable {
            let dimension: String
            let field: Field
        }

        struct CategoryKey: Hashable {
            let dimension: String
            let category: String
            let field: Field
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

        /// A count of a category of a breakdown: its children, or a scale's size or reliable-change class.
        enum Field: Hashable {
            case children
            case size(ScaleID, PublishedCells.ScaleCount)
            case reliable(ScaleID, String)

            var family: DisclosureAudit.Family {
                switch self {
                case .children: return .children
                case .size(let scale, _), .reliable(let scale, _): return DisclosureAudit.Family(scale: scale, kind: 1)
                }
            }
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
            if GroupAggregate.isBreakdown(view.dimension) {
                guard let field = field(of: place) else { return [] }
                return view.members.compactMap { categoryCell(dimension: view.dimension, category: $0, field: field) }
            }
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

        /// The field of a national category's count.
        private func field(of place: PublishedCells.Place) -> Field? {
            switch place {
            case .children: return .children
            case .scaleCount(let group, let scale, let field):
                return .size(national.groups[group].scales[scale].scale, field)
            case .listed(let group, let scale, .reliable, let index):
                let view = national.groups[group].scales[scale]
                return .reliable(view.scale, view.reliableChange[index].name)
            default: return nil
            }
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

        /// The cell of the area's count of `field` in one category of a breakdown: the published
        /// cell of a category it shows on its own, else a count it never published; `nil` for a
        /// category it does not have.
        private mutating func categoryCell(dimension: String, category: String, field: Field) -> Int? {
            let key = CategoryKey(dimension: dimension, category: category, field: field)
            if categoryShares[key] == nil { addCategories(FieldKey(dimension: dimension, field: field)) }
            return categoryShares[key]
        }

        /// The published cell of `field` in a group, when the group publishes it.
        private func publishedCell(group: Int, field: Field) -> Int? {
            switch field {
            case .children: return cells[.children(group: group)]
            case .size(let scale, let count):
                return scalePosition(scale, in: group).flatMap {
                    cells[.scaleCount(group: group, scale: $0, field: count)]
                }
            case .reliable(let scale, let name):
                guard let position = scalePosition(scale, in: group) else { return nil }
                return area.published.groups[group].scales[position].reliableChange.firstIndex { $0.name == name }
                    .flatMap {
                        cells[.listed(group: group, scale: position, list: .reliable, position: $0)]
                    }
            }
        }

        /// The whole area's cell of `field` (published, or an unpublished count of a table it
        /// leaves out).
        private mutating func wholeAreaCell(_ field: Field) -> Int? {
            guard let all = area.published.groups.firstIndex(where: { $0.dimension == "all" }) else { return nil }
            if case .reliable(let scale, let name) = field {
                return tableCell(group: all, scale: scale, list: .reliable, name: name)
            }
            return publishedCell(group: all, field: field)
        }

        /// The area's categories of a breakdown (an area without it has all its children in `unknown`).
        private func categories(of dimension: String) -> [GroupAggregate] {
            let categories = area.exact.groups.filter { $0.dimension == dimension }
            guard categories.isEmpty, let all = area.exact.groups.first(where: { $0.dimension == "all" }) else {
                return categories
            }
            return [
                GroupAggregate(
                    dimension: dimension, category: "unknown", children: all.children, scales: all.scales,
                    logs: all.logs)
            ]
        }

        /// The cells of `field` for every category of a breakdown the area has: a category it
        /// shows on its own keeps its published cell; the others get counts never published,
        /// adding up to each merged category it shows (or, a breakdown it does not show, to the
        /// whole area). Within each category, as in any group: children with a baseline at most
        /// its children, followed up at most those with a baseline, the reliable-change classes
        /// adding up to those followed up.
        private mutating func addCategories(_ key: FieldKey) {
            guard categoryFields.insert(key).inserted else { return }
            let (dimension, field) = (key.dimension, key.field)
            let shown = area.published.groups.indices.filter { area.published.groups[$0].dimension == dimension }
            var cellOf: [String: Int] = [:]
            for category in categories(of: dimension) {
                let alone = shown.first { area.published.groups[$0].members == [category.category] }
                let cell =
                    alone.flatMap { publishedCell(group: $0, field: field) }
                    ?? audit.add(
                        value: value(of: field, in: category), shown: false, small: false, cost: .detail,
                        hideable: false, owner: owner, family: field.family)
                cellOf[category.category] = cell
                categoryShares[CategoryKey(dimension: dimension, category: category.category, field: field)] = cell
            }
            if shown.isEmpty {
                if let whole = wholeAreaCell(field) {
                    audit.relate(sum: cellOf.keys.sorted().compactMap { cellOf[$0] }, equals: whole)
                }
            } else {
                for group in shown where area.published.groups[group].members.count > 1 {
                    if let cell = publishedCell(group: group, field: field) {
                        audit.relate(sum: area.published.groups[group].members.compactMap { cellOf[$0] }, equals: cell)
                    }
                }
            }
            for (category, cell) in cellOf.sorted(by: { $0.key < $1.key }) {
                switch field {
                case .children: break
                case .size(_, .withBaseline):
                    if let children = categoryCell(dimension: dimension, category: category, field: .children) {
                        audit.relate(sum: [cell], atMost: children)
                    }
                case .size(let scale, .followedUp):
                    if let baseline = categoryCell(
                        dimension: dimension, category: category, field: .size(scale, .withBaseline))
                    {
                        audit.relate(sum: [cell], atMost: baseline)
                    }
                case .size: break
                case .reliable(let scale, let name):
                    // Once per category and scale, from its first class: the classes add up to the followed up.
                    let classes = ReliableChangeClass.reported.map(\.rawValue)
                    guard name == classes[0],
                        let followed = categoryCell(
                            dimension: dimension, category: category, field: .size(scale, .followedUp))
                    else { continue }
                    let parts = classes.compactMap {
                        categoryCell(dimension: dimension, category: category, field: .reliable(scale, $0))
                    }
                    audit.relate(sum: parts, equals: followed)
                }
            }
        }

        /// The exact count of `field` in one category.
        private func value(of field: Field, in group: GroupAggregate) -> Int {
            switch field {
            case .children: return group.children.value
            case .size(let scale, let count):
                return group.scales.first { $0.scale == scale }.map { count.exact($0).value } ?? 0
            case .reliable(let scale, let name):
                return group.scales.first { $0.scale == scale }.map { $0.reliableChange[name].value } ?? 0
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
    /// The area's children in a national group measured on `scale` (with a baseline, or followed
    /// up): how many of them are in groups of its own report that the national group holds whole
    /// and whose statistics it shows, and how many there are.
    func children(of scale: ScaleID, kind: ReportView.StatisticsKind, in national: GroupView) -> (
        published: Int, all: Int
    ) {
        let count = { (group: GroupAggregate) -> Int in
            group.scales.first { $0.scale == scale }.map {
                (kind == .baseline ? $0.childrenWithBaseline : $0.childrenWithFollowUp).value
            } ?? 0
        }
        let shows = { (index: Int) -> Bool in
            self.published.groups[index].scales.first { $0.scale == scale }.map(kind.isShown) ?? false
        }
        let groups = published.groups
        guard GroupAggregate.isBreakdown(national.dimension) else {
            guard
                let own = groups.firstIndex(where: {
                    $0.dimension == national.dimension && $0.category == national.category
                })
            else { return (0, 0) }
            let all = count(published.aggregate.groups[own])
            return (shows(own) ? all : 0, all)
        }
        var fine = exact.groups.filter { $0.dimension == national.dimension }
        if fine.isEmpty, let whole = exact.groups.first(where: { $0.dimension == "all" }) {
            fine = [
                GroupAggregate(
                    dimension: national.dimension, category: "unknown", children: whole.children, scales: whole.scales)
            ]
        }
        let inside = fine.filter { national.members.contains($0.category) }
        let all = inside.reduce(0) { $0 + count($1) }
        // The whole area, when every one of its categories is inside; else its categories inside.
        if inside.count == fine.count, let whole = groups.firstIndex(where: { $0.dimension == "all" }), shows(whole) {
            return (all, all)
        }
        let published = groups.indices.filter { index in
            groups[index].dimension == national.dimension && groups[index].members.allSatisfy(national.members.contains)
                && shows(index)
        }.reduce(0) { $0 + count(self.published.aggregate.groups[$1]) }
        return (min(published, all), all)
    }
}
