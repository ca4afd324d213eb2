/// An id that names nothing of its kind, with the ids that do.
///
/// The lookup rule: a lookup **by id** (``InstrumentCatalog/instrument(id:)``,
/// ``Instrument/item(id:)``, ``Instrument/scale(id:)``, ``Instrument/citation(id:)``,
/// ``OutcomeFramework/outcome(id:)``, ``MeasurementSchedule/measure(id:)``) throws this error: an
/// unknown id is a mistake (a typing error, a definition of another version) to report with the
/// known ids and the closest one. A query that may rightly find nothing returns an optional:
/// ``MeasurementSchedule/measure(for:)`` (an instrument outside the schedule),
/// ``ScoreSheet/score(of:)`` (a scale not scored), ``ChildRegister/subscript(_:)`` (a child not
/// in the children file).
///
/// ```swift
/// do {
///     let scale = try wemwbs.scale(id: "wemwbs_totl")
/// } catch {
///     print(error)   // unknown scale 'wemwbs_totl'; did you mean 'wemwbs_total'? (known: ...)
/// }
/// ```
public struct LookupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of thing was looked up: `instrument`, `item`, `scale`, `source`, `outcome`, `measure`.
    public let kind: String
    /// The id looked up.
    public let id: String
    /// The ids of that kind that exist there.
    public let known: [String]

    /// The error for `id`, a `kind` not among `known`.
    public init(kind: String, id: String, known: [String]) {
        self.kind = kind
        self.id = id
        self.known = known
    }

    /// The error's stable code.
    public var code: ProblemCode { ProblemCode("lookup.unknown_\(kind)") }

    /// `unknown instrument 'wembws'; did you mean 'wemwbs'? (known: iv-log, life-skills, swemwbs, wemwbs)`.
    public var description: String {
        "unknown \(kind) '\(id)'\(suggestion(for: id, in: known)) (known: \(known.joined(separator: ", ")))"
    }

    /// Finds the element of `elements` whose id is `id`, or throws the error for a `kind`.
    static func find<Element, Kind>(
        _ id: Identifier<Kind>, in elements: [Element], kind: String, by key: (Element) -> Identifier<Kind>
    ) throws(LookupError) -> Element {
        guard let found = elements.first(where: { key($0) == id }) else {
            throw LookupError(kind: kind, id: id.rawValue, known: elements.map { key($0).rawValue })
        }
        return found
    }
}
