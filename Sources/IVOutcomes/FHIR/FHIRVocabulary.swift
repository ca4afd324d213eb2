/// The FHIR R4 URLs IVOutcomes reads and writes, in one place. Sources: HL7 FHIR R4 core
/// extensions (`ordinalValue`, `translation`; hl7.org/fhir/R4/extensibility-registry.html), the FHIR
/// Extensions Pack (`itemWeight`, the newer name of `ordinalValue`; hl7.org/fhir/extensions), the
/// Structured Data Capture implementation guide (`sdc-questionnaire-calculatedExpression`;
/// hl7.org/fhir/uv/sdc), HL7 Terminology (the `observation-category` code system;
/// terminology.hl7.org) and UCUM (unitsofmeasure.org).
enum FHIRVocabulary {
    static let ordinalValue = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
    static let itemWeight = "http://hl7.org/fhir/StructureDefinition/itemWeight"
    static let calculatedExpression =
        "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression"
    static let translation = "http://hl7.org/fhir/StructureDefinition/translation"
    static let observationCategory = "http://terminology.hl7.org/CodeSystem/observation-category"
    static let ucum = "http://unitsofmeasure.org"
}
