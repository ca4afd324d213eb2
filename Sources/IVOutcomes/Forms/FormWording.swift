/// The words a form shows for one instrument: the definition's, or a translation's in its language.
/// The structure (items, their order, response scales and codes) is always the definition's.
struct FormWording: Sendable {
    let instrument: Instrument
    let translation: InstrumentTranslation?

    /// The form's language: the translation's, or English for the definition's own words.
    var language: String { translation?.language ?? "en" }
    var title: String { translation?.title ?? instrument.title }
    var instructions: String { translation?.instructions ?? instrument.instructions }
    var recallPeriod: String? { translation?.recallPeriod ?? instrument.recallPeriod }

    func text(of item: Item) -> String { translation?.itemTexts[item.id] ?? item.text }

    func label(of option: ResponseOption, in scale: ResponseScale) -> String {
        translation?.optionLabels[scale.id]?[option.code] ?? option.label
    }
}
