/// Where a row came from when its sender gave it an identity, such as a FHIR QuestionnaireResponse:
/// its id and its subject as received, so that what is written from it (an Observation) can
/// point back at it.
///
/// ```swift
/// if case .reference(let patient)? = row.origin?.subject { print(patient) }  // "Patient/PA-0001"
/// ```
public struct RowOrigin: Sendable, Hashable {
    /// How the sender named the child.
    public enum Subject: Sendable, Hashable {
        /// A logical reference by identifier (system, value), such as a FHIR `subject.identifier`.
        case identifier(system: String?, value: String)
        /// A literal reference, such as `Patient/PA-0001`.
        case reference(String)
    }

    /// The record's id (a QuestionnaireResponse's `id`), or `nil` when it had none.
    public let resourceID: String?
    /// The subject as received, or `nil` when it had none.
    public let subject: Subject?

    /// An origin with the record's id and subject.
    public init(resourceID: String?, subject: Subject?) {
        self.resourceID = resourceID
        self.subject = subject
    }
}
