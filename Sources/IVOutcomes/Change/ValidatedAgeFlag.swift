/// Whether a child's administrations were taken outside the instrument's validated ages: below the
/// youngest (``ScaleChange/belowValidatedAge``) or above the oldest (``ScaleChange/aboveValidatedAge``).
public enum ValidatedAgeFlag: String, Sendable, Hashable, Codable, CaseIterable {
    /// At least one administration was taken outside the validated ages: interpret with care.
    case yes
    /// Every administration was within the validated ages (or, for the upper limit, the
    /// instrument has none).
    case no
    /// The child's birth month is not known (no children file, or no birth month in it).
    case unknown
    /// The instrument is not validated for any age (a pilot): there is no age to be outside.
    case notValidated = "not_validated"
}
