import IVOutcomes

/// `ivoutcomes fhir`: the instruments as FHIR R4 resources.
enum FHIRCommand: Command {
    static let name = "fhir"
    static let summary = "Write an instrument as an HL7 FHIR R4 Questionnaire, with its scores as calculated items."
    static let synopsis = "questionnaire INSTRUMENT"
    static let details = """
        Writes the Questionnaire generated from the definition: its canonical url (under
        --fhir-base, default \(FHIRSettings.defaultBase), a placeholder to replace with the base
        your network publishes under), version, status (active when validated, draft for a
        pilot), copyright, one choice item per question with coded answer options carrying each
        option's score (ordinalValue and itemWeight), free-text questions as text items, and each
        scale as a read-only item with an SDC calculatedExpression in FHIRPath and its code
        (SNOMED CT where confirmed). Loaded translations are added with the translation extension.
        score --input-format fhir reads QuestionnaireResponses to it; score --format fhir writes
        Observations.

        Example:
          ivoutcomes fhir questionnaire wemwbs --out wemwbs.questionnaire.json
        """
    static let options =
        [
            SharedOptions.definitions,
            OptionSpec(
                name: "--fhir-base", value: "URL",
                help: "the base of canonical URLs (default \(FHIRSettings.defaultBase))"),
        ] + SharedOptions.outputOptions
    static let positionalsAreFiles = false

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitCode {
        guard arguments.positionals.first == "questionnaire" else {
            throw UsageError(
                message: "the fhir command writes a questionnaire: ivoutcomes fhir questionnaire INSTRUMENT")
        }
        guard arguments.positionals.count == 2 else { throw UsageError(message: "name one instrument, such as wemwbs") }
        let catalog = try SharedOptions.catalog(arguments, console: console)
        let instrument = try catalog.instrument(id: InstrumentID(arguments.positionals[1].lowercased()))
        let questionnaire = FHIRQuestionnaire(
            instrument: instrument, translations: catalog.translations(of: instrument.id),
            settings: try settings(arguments))
        let output = try SharedOptions.output(arguments, console: console)
        try output.write(questionnaire.json)
        try output.commit()
        return .success
    }

    /// `--fhir-base` and `--subject-system`, checked to be absolute URIs.
    static func settings(_ arguments: ParsedArguments) throws -> FHIRSettings {
        for name in ["--fhir-base", "--subject-system"] {
            if let value = arguments.value(name), !(value.contains(":") && !value.contains(" ")) {
                throw UsageError(
                    message: "\(name) '\(value)' is not an absolute URI (such as https://fhir.example.org)")
            }
        }
        return FHIRSettings(
            base: arguments.value("--fhir-base") ?? FHIRSettings.defaultBase,
            subjectSystem: arguments.value("--subject-system"))
    }
}
