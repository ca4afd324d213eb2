import Foundation
import Testing

@testable import IVOutcomes

/// No count a report publishes may skip the disclosure audit: every count-typed property of the
/// published types must be registered with ``PublishedCells``, and the comparison's counts must
/// be counts the report shows.
@Suite("Disclosure control: every published count is registered with the audit")
struct PublishedCellsRegistrationTests {
    /// The names of the stored properties of `value` that hold counts (a `ReportedCount`, an
    /// optional one, or a list of `ReportedCell`).
    static func countProperties(of value: Any) -> Set<String> {
        Set(
            Mirror(reflecting: value).children.compactMap { child in
                guard let label = child.label else { return nil }
                // By exact type: an empty array of any element would pass an `is [ReportedCell]` cast.
                let type = Swift.type(of: child.value)
                return type == ReportedCount.self || type == ReportedCount?.self || type == [ReportedCell].self
                    ? label : nil
            })
    }

    static func view() throws -> ReportView {
        let tracker = try WaitingListData.tracker()
        return ReportView(
            aggregate: AreaAggregate(tracker: tracker, area: "Registered"), catalog: tracker.catalog,
            policy: .standard)
    }

    @Test("each count-typed property of the report's views is one the audit knows")
    func everyCountRegistered() throws {
        let view = try Self.view()
        let group = try #require(view.groups.first)
        let scale = try #require(group.scales.first)
        var published: [String: Set<String>] = [
            "ReportView": Self.countProperties(of: view), "GroupView": Self.countProperties(of: group),
            "ScaleView": Self.countProperties(of: scale),
        ]
        if let log = view.groups.flatMap(\.logs).first { published["OutcomeLogView"] = Self.countProperties(of: log) }
        #expect(published["ScaleView"]?.isEmpty == false)
        for (type, properties) in published {
            let registered = PublishedCells.registeredProperties[type] ?? []
            #expect(
                properties.isSubset(of: registered),
                "\(type): \(properties.subtracting(registered).sorted()) published but not registered with PublishedCells"
            )
        }
    }

    @Test("the comparison's numbers of children are counts the report shows")
    func comparisonCountsAreShown() throws {
        let view = try Self.view()
        let matched = try #require(view.groups.first { $0.dimension == "all" })
        let waiting = try #require(view.groups.first { $0.isWaitingList })
        var compared = 0
        for comparison in view.comparisons {
            guard let result = comparison.result else { continue }
            let id = comparison.scale.id
            let shown = { (group: GroupView) in group.scales.first { $0.scale == id }?.childrenWithFollowUp.exactValue }
            #expect(shown(matched) == result.matchedCount)
            #expect(shown(waiting) == result.waitingCount)
            compared += 1
        }
        #expect(compared > 0)
    }

    @Test("auditPassed is the audit's result: false when no cell may be hidden to protect a small one")
    func auditPassedIsReal() {
        // A 2×2 table whose small cell cannot be protected: none of its neighbours may be hidden.
        var audit = DisclosureAudit(threshold: 5)
        let small = audit.add(value: 3, shown: false, hideable: false)
        let other = audit.add(value: 7, shown: true, hideable: false)
        let total = audit.add(value: 10, shown: true, hideable: false)
        audit.relate(sum: [small, other], equals: total)
        let outcome = audit.protect()
        #expect(!outcome.passed)
        #expect(outcome.hidden.isEmpty)
    }
}
