import IVOutcomes

/// `ivoutcomes validate`: check definition files.
enum ValidateCommand: Command {
    static let name = "validate"
    static let summary = "Check instrument definition files or folders and list every problem."
    static let synopsis = "PATH..."
    static let details = """
        Loads each definition file (or every .json file in each folder and its translations/
        folder), checks it fully, checks each translation against its instrument, scores its
        worked examples, and lists every problem with the file and JSON path. Outcome ids are checked
        against the outcome framework among the files, or the built-in one. Exits with status 65 when
        any definition is invalid.

        Example:
          ivoutcomes validate Instruments/
          ivoutcomes validate local/life-skills.json
        """
    static let options: [OptionSpec] = []

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitCode {
        guard !arguments.positionals.isEmpty else {
            throw UsageError(message: "name at least one definition file or folder")
        }
        let sources = DefinitionSource.read(arguments.positionals)
        do {
            let catalog = try InstrumentCatalog.builtIn.adding(sources)
            let names = Set(sources.map(\.name))
            for instrument in catalog.instruments where names.contains(instrument.file) {
                console.print(
                    "ok: \(instrument.file): \(instrument.id) \(instrument.version), \(instrument.items.count) items, \(instrument.scales.count) scales, \(instrument.examples.count) worked examples checked"
                )
                for check in instrument.wordingChecks {
                    console.print("  check before printing: \(check)")
                }
            }
            for translation in catalog.translations where names.contains(translation.file) {
                console.print(
                    "ok: \(translation.file): \(translation.languageName) (\(translation.language)) translation of \(translation.instrument) \(translation.instrumentVersion) by \(translation.translator), \(translation.reviewStatus.rawValue), \(translation.itemTexts.count) items"
                )
                if translation.reviewStatus == .draft {
                    console.print("  check before printing: a draft: have it reviewed before children answer it")
                }
            }
            if names.contains(catalog.framework.file) {
                console.print(
                    "ok: \(catalog.framework.file): outcome framework \(catalog.framework.id) \(catalog.framework.version), \(catalog.framework.outcomes.count) outcomes"
                )
            }
            if let schedule = catalog.schedule, names.contains(schedule.file) {
                console.print(
                    "ok: \(schedule.file): measurement schedule \(schedule.id) \(schedule.version), \(schedule.measures.count) measures"
                )
            }
            return .success
        } catch {
            let files = Set(error.problems.map(\.file)).count
            console.error(error.description)
            console.error(
                "\(error.problems.count) problem\(error.problems.count == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")"
            )
            return .invalidDefinitions
        }
    }
}
