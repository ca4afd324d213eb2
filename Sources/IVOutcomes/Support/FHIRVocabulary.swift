/// The FHIR R4 URLs IVOutcomes reads and writes, from the HL7 specifications and the SDC
/// implementation guide (see `../shared/reference/fhir-r4.md` in the project's notes), in one place.
enum FHIRVocabulary {
    static let ordinalValue = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
    static let itemWeight = "http://hl7.org/fhir/StructureDefinition/itemWeight"
    static let calculatedExpression =
        "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression"
    static let translation = "http://hl7.org/fhir/StructureDefinition/translation"
    static let observationCategory = "http://terminology.hl7.org/CodeSystem/observation-category"
    static let ucum = "http://unitsofmeasure.org"
}
