/// The name `RowOrigin` had while only FHIR input gave rows an origin.
@available(*, deprecated, renamed: "RowOrigin")
public typealias FHIROrigin = RowOrigin

extension ScoredRow {
    /// For a FHIR QuestionnaireResponse, its id and subject as received: ``ScoredRow/origin``.
    @available(*, deprecated, renamed: "origin")
    public var fhirOrigin: RowOrigin? {
        get { origin }
        set { origin = newValue }
    }
}
