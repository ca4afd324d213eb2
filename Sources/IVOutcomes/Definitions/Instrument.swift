/// A questionnaire or log form: its items, response scales, the scores computed from them and
/// everything a report must say about it (licence, sources, validated ages, status).
///
/// Instruments are data: they are read from JSON definition files (see `Instruments/README.md`)
/// and validated on loading, so an `Instrument` value is always consistent: every item refers
/// to a known response scale, every scale to known items, and the worked examples score as stated.
///
/// ```swift
/// let catalog = try InstrumentCatalog.builtIn
/// let wemwbs = try catalog.instrument(id: "wemwbs")
/// let sheet = wemwbs.score(Administration(childID: "C001", on: CalendarDate(iso: "2026-01-10"),
///                                         instrument: "wemwbs", answers: answers))
/// ```
public struct Instrument: Sendable, Hashable, Identifiable {
    /// Who completes the instrument.
    public enum Respondent: String, Sendable, Hashable, Codable, CaseIterable {
        /// The young person answers.
        case youngPerson = "young_person"
        /// The Independent Visitor answers (such as the contact log).
        case ivVolunteer = "iv_volunteer"
        /// Someone else answers.
        case other
    }

    /// Whether the instrument has published validation evidence.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Validated and published, with norms or thresholds from its sources.
        case validated
        /// Under trial: no published validation; scores are for learning, not for comparison.
        case pilot
    }

    /// The instrument's id, such as `wemwbs`.
    public let id: InstrumentID
    /// The definition's own version (semantic versioning); changes are listed in ``changelog``.
    public let version: String
    /// The instrument's full title.
    public let title: String
    /// A short name for tables, such as "WEMWBS".
    public let shortTitle: String
    /// Who answers.
    public let respondent: Respondent
    /// The period answers refer to, such as "the last 2 weeks"; `nil` when answers refer to a single
    /// visit, or when the published form's period is not known (see ``wordingChecks``).
    public let recallPeriod: String?
    /// The stem or instructions shown to the respondent, verbatim; empty when the definition does
    /// not have the published wording (``wordingChecks`` then says so, with
    /// ``WordingCheck/Target/instructions``).
    public let instructions: String
    /// The ages the instrument is validated for; `nil` when it is not validated for any age.
    public let validatedAges: AgeRange?
    /// Validated or pilot.
    public let status: Status
    /// The licence and copyright, shown with any output of its data.
    public let licence: Licence
    /// Every publication or page a number in the definition comes from, by id.
    public let sources: [Citation]
    /// Estimated minutes to complete, used to compare respondent burden.
    public let minutesToComplete: Double
    /// The answer options items share.
    public let responseScales: [ResponseScale]
    /// The questions, in the published order.
    public let items: [Item]
    /// The scores computed from the items, in dependency order.
    public let scales: [Scale]
    /// Response vectors with their expected scores; the validator checks each one on loading.
    public let examples: [WorkedExample]
    /// The definition's history, newest first.
    public let changelog: [ChangelogEntry]
    /// For a volunteer's contact log: how to summarise it per child and outcome; `nil` otherwise.
    public let contactLog: ContactLog?
    /// Where the definition was read from, such as `Instruments/wemwbs.json`.
    public let file: String
    /// Wordings to check against the publisher's form before printing: instructions not found,
    /// items or option labels only one source gives. Empty for a definition whose every word is
    /// confirmed.
    public let wordingChecks: [WordingCheck]

    /// An instrument from its parts (``InstrumentCatalog`` reads and validates definitions from files).
    public init(
        id: InstrumentID, version: String, title: String, shortTitle: String, respondent: Respondent,
        recallPeriod: String?, instructions: String, validatedAges: AgeRange?, status: Status,
        licence: Licence, sources: [Citation], minutesToComplete: Double, responseScales: [ResponseScale],
        items: [Item], scales: [Scale], examples: [WorkedExample], changelog: [ChangelogEntry], file: String,
        contactLog: ContactLog? = nil
    ) {
        self.init(
            id: id, version: version, title: title, shortTitle: shortTitle, respondent: respondent,
            recallPeriod: recallPeriod, instructions: instructions, validatedAges: validatedAges, status: status,
            licence: licence, sources: sources, minutesToComplete: minutesToComplete, responseScales: responseScales,
            items: items, scales: scales, examples: examples, changelog: changelog, file: file,
            contactLog: contactLog, wordingChecks: [])
    }

    /// An instrument from its parts, with the wordings still to be checked against the publisher's form.
    public init(
        id: InstrumentID, version: String, title: String, shortTitle: String, respondent: Respondent,
        recallPeriod: String?, instructions: String, validatedAges: AgeRange?, status: Status,
        licence: Licence, sources: [Citation], minutesToComplete: Double, responseScales: [ResponseScale],
        items: [Item], scales: [Scale], examples: [WorkedExample], changelog: [ChangelogEntry], file: String,
        contactLog: ContactLog?, wordingChecks: [WordingCheck]
    ) {
        self.wordingChecks = wordingChecks
        self.contactLog = contactLog
        self.id = id
        self.version = version
        self.title = title
        self.shortTitle = shortTitle
        self.respondent = respondent
        self.recallPeriod = recallPeriod
        self.instructions = instructions
        self.validatedAges = validatedAges
        self.status = status
        self.licence = licence
        self.sources = sources
        self.minutesToComplete = minutesToComplete
        self.responseScales = responseScales
        self.items = items
        self.scales = scales
        self.examples = examples
        self.changelog = changelog
        self.file = file
    }

    /// The item with this id.
    /// - Throws: ``LookupError`` naming the instrument's items.
    public func item(id: ItemID) throws(LookupError) -> Item {
        try LookupError.find(id, in: items, kind: "item", by: \.id)
    }

    /// The scale with this id.
    /// - Throws: ``LookupError`` naming the instrument's scales.
    public func scale(id: ScaleID) throws(LookupError) -> Scale {
        try LookupError.find(id, in: scales, kind: "scale", by: \.id)
    }

    /// The source cited with this id.
    /// - Throws: ``LookupError`` naming the instrument's sources.
    public func citation(id: SourceID) throws(LookupError) -> Citation {
        try LookupError.find(id, in: sources, kind: "source", by: \.id)
    }
}
