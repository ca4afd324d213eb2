/// The wording of an instrument in another language: data beside the definition (such as
/// `Instruments/translations/life-skills.cy.json`), never a change to it. Scoring always rests on
/// the definition's codes: a translation only gives the words, so an answer given as a label in
/// a translation's language scores to the same code as the English label.
///
/// The validator checks a translation against the definition it names: exactly its items and
/// every option of every response scale an item uses, and the definition's version (a translation
/// made for another version must be reviewed against the changes first).
///
/// ```swift
/// let welsh = try catalog.translation(of: "life-skills", language: "cy")
/// welsh.itemTexts["life_skills_travel"]   // the Welsh question
/// ```
public struct InstrumentTranslation: Sendable, Hashable {
    /// How far a translation has been checked.
    public enum ReviewStatus: String, Sendable, Hashable, Codable, CaseIterable {
        /// Translated but not yet reviewed: fine to try out, not to give to children.
        case draft
        /// Reviewed by a second fluent speaker against the definition.
        case reviewed
        /// The licence holder's own published translation.
        case official
    }

    /// The instrument translated.
    public let instrument: InstrumentID
    /// The definition version it translates (``Instrument/version``).
    public let instrumentVersion: String
    /// The language, as a BCP 47 tag (`cy` for Welsh), used as the form's `lang`.
    public let language: String
    /// The language's name in that language, such as "Cymraeg", for headings and lists.
    public let languageName: String
    /// Who translated it.
    public let translator: String
    /// How far it has been checked.
    public let reviewStatus: ReviewStatus
    /// Who reviewed it, when it was reviewed (`nil` for a draft).
    public let reviewer: String?
    /// The title.
    public let title: String
    /// The instructions; `nil` when the definition has none to translate.
    public let instructions: String?
    /// The recall period; `nil` when the definition has none.
    public let recallPeriod: String?
    /// Every item's text, by item id.
    public let itemTexts: [ItemID: String]
    /// Every option's label, by response scale and code.
    public let optionLabels: [ResponseScaleID: [Int: String]]
    /// Where the translation was read from.
    public let file: String

    /// A translation from its parts (``InstrumentCatalog`` reads and validates translation files).
    public init(
        instrument: InstrumentID, instrumentVersion: String, language: String, languageName: String,
        translator: String, reviewStatus: ReviewStatus, reviewer: String?, title: String, instructions: String?,
        recallPeriod: String?, itemTexts: [ItemID: String], optionLabels: [ResponseScaleID: [Int: String]],
        file: String
    ) {
        self.instrument = instrument
        self.instrumentVersion = instrumentVersion
        self.language = language
        self.languageName = languageName
        self.translator = translator
        self.reviewStatus = reviewStatus
        self.reviewer = reviewer
        self.title = title
        self.instructions = instructions
        self.recallPeriod = recallPeriod
        self.itemTexts = itemTexts
        self.optionLabels = optionLabels
        self.file = file
    }
}
