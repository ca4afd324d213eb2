/// A code that names what a scale's score is in a terminology other systems share, such as
/// SNOMED CT 718426000 "Warwick-Edinburgh Mental Well-being Scale score": read from a scale's
/// `codes` in its definition, each citing the source that confirms it. A scale without a
/// confirmed code has none, and FHIR output uses the project's own code system for it.
///
/// ```swift
/// let total = try wemwbs.scale(id: "wemwbs_total")
/// total.codes.first?.code   // "718426000"
/// ```
public struct ScaleCode: Sendable, Hashable, Codable {
    /// The terminology's canonical URI, such as `http://snomed.info/sct`.
    public let system: String
    /// The code.
    public let code: String
    /// The code's display text in that terminology.
    public let display: String
    /// The citation that confirms the code.
    public let source: SourceID

    /// A code of `system`, confirmed by `source`.
    public init(system: String, code: String, display: String, source: SourceID) {
        self.system = system
        self.code = code
        self.display = display
        self.source = source
    }
}
