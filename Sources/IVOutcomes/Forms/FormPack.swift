/// A printable form for one or more instruments, generated from their definitions: every item
/// verbatim and in the published order, every option, the instructions and recall period, boxes
/// for the child's pseudonymous id and the date (never a name), and the copyright and licence
/// statement. One self-contained HTML page (no scripts, fonts or files from elsewhere) that
/// prints on A4, one instrument per page, and reads on a tablet.
///
/// Several instruments make a pack, in the order given. In another language, each instrument's
/// words come from its loaded translation (``InstrumentCatalog/translation(of:language:)``) and
/// the page's `lang` is that language; scoring is unchanged, as it rests on codes.
///
/// ```swift
/// let pack = try FormPack(instruments: ["scwbs", "life-skills"], catalog: catalog)
/// try pack.html.write(toFile: "forms.html", atomically: true, encoding: .utf8)
/// let welsh = try FormPack(instruments: ["life-skills"], catalog: catalog, language: "cy")
/// ```
public struct FormPack: Sendable {
    /// The instruments, in the order given, each with the words it is shown in.
    let forms: [FormWording]
    /// The language asked for (`en` for the definitions' own words).
    public let language: String

    /// The instruments as they are in the definitions, in English.
    public init(instruments: [Instrument]) {
        forms = instruments.map { FormWording(instrument: $0, translation: nil) }
        language = "en"
    }

    /// The catalogue's instruments with these ids, in `language` (`en`, or the language of a
    /// loaded translation of each).
    /// - Throws: ``LookupError`` for an unknown instrument, or one with no translation in `language`.
    public init(instruments ids: [InstrumentID], catalog: InstrumentCatalog, language: String = "en")
        throws(LookupError)
    {
        var forms: [FormWording] = []
        for id in ids {
            let instrument = try catalog.instrument(id: id)
            let english = language.lowercased() == "en" || language.lowercased().hasPrefix("en-")
            let translation = english ? nil : try catalog.translation(of: instrument.id, language: language)
            forms.append(FormWording(instrument: instrument, translation: translation))
        }
        self.forms = forms
        self.language = language
    }

    /// The instruments of the pack, in order.
    public var instruments: [Instrument] { forms.map(\.instrument) }

    /// The wordings to check before printing, per instrument (``Instrument/wordingChecks``), and
    /// a note for a translation still in draft.
    public var checksBeforePrinting: [String] {
        forms.flatMap { form -> [String] in
            var checks = form.instrument.wordingChecks.map { "\(form.instrument.id): \($0.description)" }
            if let translation = form.translation, translation.reviewStatus == .draft {
                checks.append(
                    "\(form.instrument.id): the \(translation.languageName) translation (\(translation.file)) is a draft: have it reviewed before children answer it"
                )
            }
            return checks
        }
    }
}
