import Foundation

/// A validated set of instrument definitions and the outcome framework their items map to.
///
/// The built-in catalogue holds the definitions in the package's `Instruments/` folder, embedded
/// at build time, so it needs no file path. A local area can add or override instruments with its
/// own definition files.
///
/// ```swift
/// let catalog = try InstrumentCatalog.builtIn
/// let wemwbs = try catalog.instrument(id: "wemwbs")
/// let local = try catalog.adding(contentsOf: ["local-definitions/"])
/// ```
public struct InstrumentCatalog: Sendable {
    /// The outcomes items are mapped to.
    public let framework: OutcomeFramework
    /// Every instrument, ordered by id.
    public let instruments: [Instrument]
    /// When each measure is due; `nil` when no schedule was loaded.
    public let schedule: MeasurementSchedule?
    /// The translations loaded, each checked against its instrument, ordered by instrument and language.
    public let translations: [InstrumentTranslation]

    /// A catalogue of instruments already validated (``builtIn`` and ``adding(contentsOf:)`` read and validate files).
    public init(framework: OutcomeFramework, instruments: [Instrument], schedule: MeasurementSchedule? = nil) {
        self.init(framework: framework, instruments: instruments, schedule: schedule, translations: [])
    }

    /// A catalogue of instruments and translations already validated.
    public init(
        framework: OutcomeFramework, instruments: [Instrument], schedule: MeasurementSchedule?,
        translations: [InstrumentTranslation]
    ) {
        self.framework = framework
        self.instruments = instruments.sorted { $0.id < $1.id }
        self.schedule = schedule
        self.translations = translations.sorted { ($0.instrument, $0.language) < ($1.instrument, $1.language) }
    }

    /// The translations of an instrument, in every loaded language.
    public func translations(of id: InstrumentID) -> [InstrumentTranslation] {
        translations.filter { $0.instrument == id }
    }

    /// The translation of an instrument into `language` (a BCP 47 tag, compared case-insensitively).
    /// - Throws: ``LookupError`` of kind `translation`, naming the languages loaded for it.
    public func translation(of id: InstrumentID, language: String) throws(LookupError) -> InstrumentTranslation {
        let all = translations(of: id)
        guard let found = all.first(where: { $0.language.lowercased() == language.lowercased() }) else {
            throw LookupError(kind: "translation", id: "\(id).\(language)", known: all.map { "\(id).\($0.language)" })
        }
        return found
    }

    /// The instrument with this id.
    /// - Throws: ``LookupError`` naming the known instruments and the closest.
    public func instrument(id: InstrumentID) throws(LookupError) -> Instrument {
        try LookupError.find(id, in: instruments, kind: "instrument", by: \.id)
    }

    /// The built-in definitions from `Instruments/`, validated on first use.
    public static var builtIn: InstrumentCatalog {
        get throws(DefinitionError) { try builtInResult.get() }
    }

    private static let builtInResult: Result<InstrumentCatalog, DefinitionError> = {
        let files = EmbeddedDefinitions.files.map { file in
            DefinitionSource(name: file.name, data: Data(base64Encoded: file.base64) ?? Data())
        }
        return Result { () throws(DefinitionError) in try load(files) }
    }()

    /// A catalogue of these definitions added to this one: an instrument with an id already here
    /// replaces it (a local version of a questionnaire); a framework or schedule file replaces the
    /// framework or schedule.
    public func adding(_ files: [DefinitionSource]) throws(DefinitionError) -> InstrumentCatalog {
        try InstrumentCatalog.load(files, base: self)
    }

    /// A catalogue with the definition files at these paths (files, or folders of `*.json` files) added.
    public func adding(contentsOf paths: [String]) throws(DefinitionError) -> InstrumentCatalog {
        try adding(DefinitionSource.read(paths))
    }

    /// Loads and validates definitions. Every problem in every file is reported together.
    /// - Parameters:
    ///   - files: the definition files, as bytes with their names.
    ///   - base: a catalogue that supplies the framework and the instruments not overridden.
    public static func load(_ files: [DefinitionSource], base: InstrumentCatalog? = nil) throws(DefinitionError)
        -> InstrumentCatalog
    {
        var problems: [DefinitionProblem] = []
        let tops = readTops(files, problems: &problems)
        var framework = base?.framework
        let frameworkFile = only("outcome_framework", named: "outcome framework", in: tops, problems: &problems)
        if var first = frameworkFile {
            framework = first.reader.readFramework(first.fields)
            problems.append(contentsOf: first.reader.problems)
        }
        let (byID, loadedFrom) = readInstruments(
            tops, framework: framework, hasFrameworkFile: frameworkFile != nil, base: base, problems: &problems)
        let instruments = Array(byID.values)
        problems.append(contentsOf: sharedScaleProblems(instruments, loaded: Set(loadedFrom.keys)))
        var schedule = base?.schedule
        if var first = only("measurement_schedule", named: "measurement schedule", in: tops, problems: &problems) {
            schedule = first.reader.readSchedule(first.fields, instruments: instruments)
            problems.append(contentsOf: first.reader.problems)
        }
        let translations = readTranslations(tops, instruments: byID, base: base, problems: &problems)
        guard problems.isEmpty, let framework else {
            if problems.isEmpty {
                problems.append(
                    DefinitionProblem(
                        file: files.first?.name ?? "(no files)", path: "", message: "no outcome framework found"))
            }
            throw .invalid(problems)
        }
        return InstrumentCatalog(
            framework: framework, instruments: instruments, schedule: schedule,
            translations: translations)
    }

    /// Each file read as far as its kind; a file that could not be read is a problem.
    private static func readTops(_ files: [DefinitionSource], problems: inout [DefinitionProblem]) -> [TopLevel] {
        var tops: [TopLevel] = []
        for file in files {
            if let error = file.readError {
                problems.append(DefinitionProblem(file: file.name, path: "", message: error))
                continue
            }
            var reader = DefinitionReader(file: file.name)
            if let top = reader.readTop(file.data) {
                tops.append((reader, top.kind, top.fields))
            }
            problems.append(contentsOf: reader.problems)
        }
        return tops
    }

    /// The base's instruments with the files' added or replacing them, and the file each loaded
    /// instrument came from (an id loaded twice is a problem).
    private static func readInstruments(
        _ tops: [TopLevel], framework: OutcomeFramework?, hasFrameworkFile: Bool, base: InstrumentCatalog?,
        problems: inout [DefinitionProblem]
    ) -> (byID: [InstrumentID: Instrument], loadedFrom: [InstrumentID: String]) {
        var byID: [InstrumentID: Instrument] = [:]
        for instrument in base?.instruments ?? [] { byID[instrument.id] = instrument }
        var loadedFrom: [InstrumentID: String] = [:]
        for var top in tops where top.kind == "instrument" {
            if framework == nil, !hasFrameworkFile {
                problems.append(
                    DefinitionProblem(
                        file: top.reader.file, path: "",
                        message: "no outcome framework to check the items' outcomes against (add outcomes.json)"))
            }
            let instrument = top.reader.readInstrument(top.fields, framework: framework)
            problems.append(contentsOf: top.reader.problems)
            guard let instrument else { continue }
            if let other = loadedFrom[instrument.id] {
                problems.append(
                    DefinitionProblem(
                        file: instrument.file, path: "id",
                        message: "duplicate instrument id '\(instrument.id)' (also in \(other))"))
            }
            loadedFrom[instrument.id] = instrument.file
            byID[instrument.id] = instrument
        }
        return (byID, loadedFrom)
    }

    /// The translations, each against its instrument as loaded (a local definition replaces the
    /// built-in one, so its translations must match it); one per instrument and language.
    private static func readTranslations(
        _ tops: [TopLevel], instruments byID: [InstrumentID: Instrument], base: InstrumentCatalog?,
        problems: inout [DefinitionProblem]
    ) -> [InstrumentTranslation] {
        var translations: [String: InstrumentTranslation] = [:]
        for translation in base?.translations ?? [] {
            translations["\(translation.instrument).\(translation.language.lowercased())"] = translation
        }
        let instruments = Array(byID.values)
        var translatedFrom: [String: String] = [:]
        for var top in tops where top.kind == "translation" {
            guard let translation = top.reader.readTranslation(top.fields, instruments: instruments) else {
                problems.append(contentsOf: top.reader.problems)
                continue
            }
            let key = "\(translation.instrument).\(translation.language.lowercased())"
            if let other = translatedFrom[key] {
                problems.append(
                    DefinitionProblem(
                        file: translation.file, path: "language",
                        message:
                            "a second \(translation.language) translation of \(translation.instrument) (also in \(other))"
                    ))
            }
            translatedFrom[key] = translation.file
            translations[key] = translation
        }
        // A kept translation of an instrument replaced by a new version no longer fits it.
        for (key, translation) in translations where translatedFrom[key] == nil {
            if let instrument = byID[translation.instrument], instrument.version != translation.instrumentVersion {
                translations[key] = nil
            }
        }
        return Array(translations.values)
    }

    /// A definition file read as far as its kind.
    private typealias TopLevel = (reader: DefinitionReader, kind: String, fields: [String: JSONValue])

    /// The one file of a kind that may be loaded only once (a framework, a schedule); every
    /// further file of that kind is reported.
    private static func only(
        _ kind: String, named name: String, in tops: [TopLevel], problems: inout [DefinitionProblem]
    ) -> TopLevel? {
        let files = tops.filter { $0.kind == kind }
        for extra in files.dropFirst() {
            problems.append(
                DefinitionProblem(
                    file: extra.reader.file, path: "kind",
                    message: "a second \(name) (the first is \(files[0].reader.file)); load one at a time"))
        }
        return files.first
    }

    /// A scale id used by two instruments (such as `swemwbs_metric` in WEMWBS and SWEMWBS) must mean
    /// the same thing in both, or change across them would compare different measures.
    /// Instruments in `loaded` are checked last, so a problem is reported in the file being added.
    private static func sharedScaleProblems(_ instruments: [Instrument], loaded: Set<InstrumentID>)
        -> [DefinitionProblem]
    {
        var first: [ScaleID: (Scale, Instrument)] = [:]
        var problems: [DefinitionProblem] = []
        let ordered = instruments.sorted {
            (loaded.contains($0.id) ? 1 : 0, $0.id) < (loaded.contains($1.id) ? 1 : 0, $1.id)
        }
        for instrument in ordered {
            for (index, scale) in instrument.scales.enumerated() {
                guard let (other, owner) = first[scale.id] else {
                    first[scale.id] = (scale, instrument)
                    continue
                }
                if other.minimum != scale.minimum || other.maximum != scale.maximum || other.decimals != scale.decimals
                    || other.change != scale.change || other.bands != scale.bands
                    || other.role != scale.role
                {
                    problems.append(
                        DefinitionProblem(
                            file: instrument.file, path: "scales[\(index)]",
                            message:
                                "scale '\(scale.id)' differs from the scale of the same id in \(owner.file) (range, decimals, bands, change thresholds or role); give it its own id"
                        ))
                }
            }
        }
        return problems
    }
}
