extension ReportView {
    /// One design of a report's tables with its counts suppressed and audited: counts under the
    /// threshold hidden, then the audit (``PublishedCells/audit(threshold:linked:)``) hides the
    /// cheapest further counts until none of them can be worked out.
    struct Protection {
        /// The tables' design.
        let design: TableDesign
        /// The counts as the audit left them.
        var published: PublishedCells
        /// The places the audit hid, and whether it passed.
        let audit: (hidden: Set<PublishedCells.Place>, passed: Bool)

        init(
            aggregate: AreaAggregate, leavingOut: [TableDesign.OmittedBreakdown], catalog: InstrumentCatalog,
            policy: SuppressionPolicy, linked: LinkedPublications?
        ) {
            design = TableDesign(aggregate, threshold: policy.threshold, leavingOut: leavingOut)
            var designed = aggregate
            designed.groups = design.groups
            let scales = Dictionary(
                catalog.instruments.flatMap(\.scales).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let design = design
            let groups = designed.groups.enumerated().map { index, group in
                let children = policy.primary(group.children)
                // A group whose size is hidden shows nothing else: its statistics would give the size away.
                let detail = TableDesign.carriesDetailTables(group.dimension)
                return GroupView(
                    dimension: group.dimension, category: group.category, members: design.members[index],
                    children: children,
                    scales: group.scales.compactMap { aggregate in
                        scales[aggregate.scale].map {
                            ReportView.view(
                                of: aggregate, scale: $0, policy: policy, hidden: children.isHidden, detail: detail,
                                fine: linked == nil)
                        }
                    },
                    logs: !detail
                        ? []
                        : group.logs.compactMap { log in
                            (try? catalog.framework.outcome(id: log.outcome)).map {
                                ReportView.view(of: log, outcome: $0, policy: policy, hidden: children.isHidden)
                            }
                        })
            }
            published = PublishedCells(
                groups: groups,
                dataQuality: DataQuality.fields.compactMap { field in
                    // A national picture shows a data-quality count only where every area shows its own:
                    // the sum of the areas' hidden ones would tie them to each other.
                    if let linked, !linked.areas.allSatisfy({ $0.published.shows(dataQuality: field.key) }) {
                        return nil
                    }
                    return ReportedCell(
                        name: field.key, count: policy.primary(aggregate.dataQuality[keyPath: field.keyPath]))
                }, aggregate: designed)
            audit = published.audit(threshold: policy.threshold, linked: linked)
        }

        /// Whether the audit hid the whole area's children, or its children with a baseline or
        /// followed up on some scale.
        var hidWholeAreaSize: Bool { audit.hidden.contains { published.cost($0) == .headline } }
    }
}
