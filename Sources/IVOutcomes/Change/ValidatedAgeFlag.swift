/// Whether a child's administrations were taken below the instrument's validated age.
public enum ValidatedAgeFlag: String, Sendable, Hashable, Codable, CaseIterable {
    /// At least one administration was taken below the validated age: interpret with care.
    case yes
    /// Every administration was within the validated ages.
    case no
    /// The child's birth month is not known (no children file, or no birth month in it).
    case unknown
    /// The instrument is not validated for any age (a pilot): there is no age to be below.
    case notValidated = "not_validated"
}
