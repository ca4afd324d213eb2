import Foundation

extension ReportView {
    /// The area's confidential return for the national network: the exact figures this report
    /// was made from, with the report's fingerprint (see ``ConfidentialReturn``).
    public func confidentialReturn() -> ConfidentialReturn {
        ConfidentialReturn(
            aggregate: source, suppressionThreshold: policy.threshold,
            publishedReportDigest: TextDigest.of(jsonSummary()))
    }

    /// The counts this report publishes, with the exact aggregate of its groups.
    var publishedCells: PublishedCells {
        var designed = source
        designed.groups = designedGroups
        return PublishedCells(groups: groups, dataQuality: dataQuality, aggregate: designed)
    }

    /// The national picture from areas' confidential returns: the national tables exactly (the
    /// same numbers a single report on all the areas' files together gives), designed and
    /// protected like an area's, and audited against a reader who holds them, every area's
    /// published report and one area's own return.
    ///
    /// Each area's report is made again from its return and checked against the return's
    /// fingerprint, so the audit sees exactly what the area published.
    ///
    /// ```swift
    /// let returns = try files.map { try ConfidentialReturn(data: Data(contentsOf: $0), file: $0.path) }
    /// let national = try ReportView(nationalFrom: returns, catalog: catalog, policy: .standard)
    /// ```
    /// - Throws: ``PoolingError`` for an area pooled twice, a return whose report does not match
    ///   its fingerprint (made by another version or with other definitions), or a return
    ///   published with a threshold under 5 without `allowSmallNumbers`.
    public init(
        nationalFrom returns: [ConfidentialReturn], catalog: InstrumentCatalog, policy: SuppressionPolicy,
        title: String? = nil, allowSmallNumbers: Bool = false
    ) throws(PoolingError) {
        for sent in returns where sent.suppressionThreshold < 5 && !allowSmallNumbers {
            throw PoolingError(
                file: sent.aggregate.areas.joined(separator: ", "),
                message:
                    "published with counts from \(sent.suppressionThreshold) up shown: the national figures minus its report would give its counts under 5 away; pool it only for an unpublished analysis, with --allow-small-numbers"
            )
        }
        let national = try AreaAggregate.pooling(returns.map(\.aggregate))
        let areas = returns.concurrentMap { sent -> ReportView in
            ReportView(
                aggregate: sent.aggregate, catalog: catalog,
                policy: (try? SuppressionPolicy(threshold: sent.suppressionThreshold, allowSmallNumbers: true))
                    ?? .standard)
        }
        for (sent, view) in zip(returns, areas) where TextDigest.of(view.jsonSummary()) != sent.publishedReportDigest {
            throw PoolingError(
                file: sent.aggregate.areas.joined(separator: ", "),
                message:
                    "the report made again from this return is not the one the area published (its fingerprint differs): it was written by another version of IVOutcomes or with other definitions; write the report and the return again with this version and the same definitions"
            )
        }
        var pooled = national
        pooled.unprotectedAreas = returns.filter { $0.suppressionThreshold < 5 }.flatMap(\.aggregate.areas)
        let linked = LinkedPublications(
            areas: zip(returns, areas).map {
                LinkedPublications.Area(published: $1.publishedCells)
            })
        // The whole nation and the waiting list only: a national breakdown's category adds up
        // every area's category of the same name, most of which the areas merge or hide.
        let breakdowns = Set(pooled.groups.map(\.dimension).filter(GroupAggregate.isBreakdown)).sorted().map {
            TableDesign.OmittedBreakdown(
                dimension: $0,
                reason:
                    "the national picture shows the whole nation and the waiting list: its categories would add up the areas' own, most of which their reports merge or hide"
            )
        }
        self.init(
            aggregate: pooled, catalog: catalog, policy: policy,
            title: title ?? "Independent Visitor outcomes: \(national.areas.count) areas pooled", linked: linked,
            leavingOut: breakdowns)
    }
}
