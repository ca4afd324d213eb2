/// Scores as HL7 FHIR R4 `Observation`s, one NDJSON line per scored outcome scale of each fully
/// scored administration, for systems that keep assessments as FHIR resources.
///
/// - `status` `final`, category `survey`, `code` the scale's confirmed code (SNOMED CT 718426000
///   for the WEMWBS total) or the project's score code system (``FHIRSettings/scoreSystem``, code
///   the scale id), with the scale's title as text.
/// - `valueInteger` for a whole-number scale, else `valueQuantity` with the scale's decimals
///   (unit `{score}`, UCUM).
/// - `effectiveDateTime` the administration's date; `subject` as the QuestionnaireResponse gave it,
///   or for CSV and JSON Lines input an `identifier` of ``FHIRSettings/subjectSystem`` and the
///   child's pseudonymous id; `derivedFrom` the QuestionnaireResponse when it had an id.
/// - The band as an `interpretation` where the scale has bands (the project's band code system).
/// - Only outcome scales: an intermediate step (the SWEMWBS raw score, to be converted before any
///   use) and a validity check are left out. An incomplete or invalid administration gives no
///   Observation; it is counted and its problems reported as for any output.
///
/// ```swift
/// let summary = try FHIRObservations(catalog: catalog).score(reader, to: output)
/// ```
public struct FHIRObservations: Sendable {
    /// The instruments whose scales are written.
    public let catalog: InstrumentCatalog
    /// The base and systems of the URLs.
    public let settings: FHIRSettings

    /// A writer of Observations for the catalogue's scales.
    public init(catalog: InstrumentCatalog, settings: FHIRSettings = FHIRSettings()) {
        self.catalog = catalog
        self.settings = settings
    }

    /// Scores every row of `reader` and writes its Observations to `output`, reporting problems
    /// as ``ResponseFileReader/score(to:format:reportLimit:onProblem:)`` does.
    /// - Throws: ``TransferError`` when the input can't be read or the output written.
    public func score(
        _ reader: some ScoredRowSource, to output: ByteWriter, reportLimit: Int = .max,
        onProblem: (RowProblem) -> Void = { _ in }
    ) throws(TransferError) -> ScoringSummary {
        try TransferError.typed {
            var summary = ScoringSummary()
            // Each instrument's scales, with what never changes written once: the start of each
            // scale's Observations and its bands' interpretations.
            let scales = Dictionary(
                catalog.instruments.map { instrument in
                    (instrument.id, instrument.scales.map { PreparedScale(scale: $0, writer: self) })
                }, uniquingKeysWith: { first, _ in first })
            try reader.forEachRow { row in
                summary.count(row.status)
                for problem in row.problems {
                    if summary.problems < reportLimit { onProblem(problem) }
                    summary.problems += 1
                }
                guard row.status == .scored, let date = row.administeredOn, let scales = scales[row.instrument] else {
                    return
                }
                // The row's own fields, the same in each of its Observations.
                let subject = FHIRObservations.fields([
                    ("subject", subject(of: row)), ("effectiveDateTime", .string(date.description)),
                ])
                let derivedFrom = row.origin?.resourceID.map { id in
                    ","
                        + FHIRObservations.fields([
                            ("derivedFrom", .array([.object([("reference", .string("QuestionnaireResponse/\(id)"))])]))
                        ])
                }
                for (prepared, score) in zip(scales, row.scores) {
                    guard prepared.scale.isFollowedOverTime, let value = score.value else { continue }
                    let interpretation = score.band.flatMap { prepared.interpretations[$0] }.map { "," + $0 } ?? ""
                    try output.write(
                        prepared.start + "," + subject + ","
                            + FHIRObservations.fields([self.value(value, of: prepared.scale)])
                            + interpretation + (derivedFrom ?? "") + "}\n")
                }
            }
            summary.blankRowsSkipped = reader.blankRowsSkipped
            summary.unknownColumns = reader.unknownColumns
            return summary
        }
    }

    /// The fields every Observation of a scale has: type, status, category and code.
    private func shared(_ scale: Scale) -> [(String, JSONNode)] {
        let coding: JSONNode =
            scale.codes.first.map { code in
                .object([
                    ("system", .string(code.system)), ("code", .string(code.code)), ("display", .string(code.display)),
                ])
            }
            ?? .object([
                ("system", .string(settings.scoreSystem)), ("code", .string(scale.id.rawValue)),
                ("display", .string(scale.title)),
            ])
        return [
            ("resourceType", .string("Observation")),
            ("status", .string("final")),
            (
                "category",
                .array([
                    .object([
                        (
                            "coding",
                            .array([
                                .object([
                                    ("system", .string(FHIRVocabulary.observationCategory)),
                                    ("code", .string("survey")),
                                    ("display", .string("Survey")),
                                ])
                            ])
                        )
                    ])
                ])
            ),
            ("code", .object([("coding", .array([coding])), ("text", .string(scale.title))])),
        ]
    }

    /// What every Observation of a scale shares, written once: the start of its object (type,
    /// status, category and code) and the `interpretation` field of each band.
    private struct PreparedScale {
        let scale: Scale
        let start: String
        let interpretations: [BandID: String]

        init(scale: Scale, writer: FHIRObservations) {
            self.scale = scale
            start = "{" + FHIRObservations.fields(writer.shared(scale))
            var interpretations: [BandID: String] = [:]
            for band in scale.bands?.bands ?? [] where interpretations[band.id] == nil {
                interpretations[band.id] = FHIRObservations.fields([writer.interpretation(band, of: scale)])
            }
            self.interpretations = interpretations
        }
    }

    /// Fields as they are written inside an object: `"a":1,"b":2`.
    private static func fields(_ fields: [(String, JSONNode)]) -> String {
        String(JSONNode.object(fields).compact().dropFirst().dropLast())
    }

    /// The value: `valueInteger` for a whole number of a whole-number scale, else `valueQuantity`.
    private func value(_ value: Double, of scale: Scale) -> (String, JSONNode) {
        if scale.decimals == 0, !scale.isMean, value == value.rounded() {
            return ("valueInteger", .integer(Int(value)))
        }
        return (
            "valueQuantity",
            .object([
                ("value", .number(scale.format(value))), ("unit", .string("score")),
                ("system", .string(FHIRVocabulary.ucum)), ("code", .string("{score}")),
            ])
        )
    }

    /// A band as the Observation's `interpretation` (the project's band code system).
    private func interpretation(_ band: Band, of scale: Scale) -> (String, JSONNode) {
        (
            "interpretation",
            .array([
                .object([
                    (
                        "coding",
                        .array([
                            .object([
                                ("system", .string("\(settings.base)/CodeSystem/bands/\(scale.id)")),
                                ("code", .string(band.id.rawValue)), ("display", .string(band.label)),
                            ])
                        ])
                    ), ("text", .string(band.label)),
                ])
            ])
        )
    }

    /// The subject as the response gave it, or the child's id under the subject system.
    private func subject(of row: ScoredRow) -> JSONNode {
        switch row.origin?.subject {
        case .reference(let reference)?:
            return .object([("reference", .string(reference))])
        case .identifier(let system, let value)?:
            return .object([
                (
                    "identifier",
                    .object([("system", .string(system ?? settings.subjectSystem)), ("value", .string(value))])
                )
            ])
        case nil:
            return .object([
                (
                    "identifier",
                    .object([("system", .string(settings.subjectSystem)), ("value", .string(row.childIDText))])
                )
            ])
        }
    }
}
