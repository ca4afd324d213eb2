/// Where IVOutcomes' FHIR resources say they come from: one base URL for the canonical URLs of
/// its Questionnaires and code systems, and the identifier system of children's pseudonymous ids.
///
/// The default base, ``defaultBase``, is a placeholder under `example.org` (a domain reserved for
/// examples), because the project has no published FHIR home yet: an area or network that
/// publishes its own Questionnaires replaces it (`--fhir-base`), and every URL follows from it.
///
/// ```swift
/// let settings = FHIRSettings(base: "https://fhir.example-network.org.uk")
/// settings.questionnaireURL(for: "wemwbs")   // https://fhir.example-network.org.uk/Questionnaire/wemwbs
/// ```
public struct FHIRSettings: Sendable, Hashable {
    /// The base used unless another is given.
    public static let defaultBase = "http://ivoutcomes.example.org/fhir"

    /// The base of every canonical URL, without a trailing `/`.
    public let base: String
    /// The identifier system of a child's id in `Observation.subject` when the input carried
    /// none (CSV input): `--subject-system`, or `<base>/sid/child-id`.
    public let subjectSystem: String

    /// Settings under `base`, with the subject identifier system `subjectSystem` (or the base's own).
    public init(base: String = FHIRSettings.defaultBase, subjectSystem: String? = nil) {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        self.base = base
        self.subjectSystem = subjectSystem ?? "\(base)/sid/child-id"
    }

    /// The canonical URL of an instrument's Questionnaire.
    public func questionnaireURL(for instrument: InstrumentID) -> String { "\(base)/Questionnaire/\(instrument)" }

    /// The code system of an instrument's response scale: its codes are the options' codes.
    public func answerSystem(instrument: InstrumentID, scale: ResponseScaleID) -> String {
        "\(base)/CodeSystem/\(instrument)/\(scale)"
    }

    /// The project's code system for scores that have no confirmed code elsewhere; its codes are scale ids.
    public var scoreSystem: String { "\(base)/CodeSystem/scores" }
}
