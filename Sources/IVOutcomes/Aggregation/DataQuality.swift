/// Counts about the data itself, for the report's data-quality notes. JSON keys them by stable
/// snake_case keys (`rows_read`, `rows_invalid`, ...).
///
/// ```swift
/// var quality = DataQuality()
/// quality.rowsRead = PoolableCount(1_250)
/// ```
public struct DataQuality: Sendable, Hashable {
    /// Rows read (`rows_read`).
    public var rowsRead = PoolableCount()
    /// Rows not used because they are invalid (`rows_invalid`).
    public var rowsInvalid = PoolableCount()
    /// Rows not used because they repeat another (`rows_duplicate`).
    public var rowsDuplicate = PoolableCount()
    /// Rows not used because their date is before the earliest date or after the as-of date (`rows_out_of_range`).
    public var rowsOutOfRange = PoolableCount()
    /// Forms with some scale not scored (`incomplete_forms`).
    public var incompleteForms = PoolableCount()
    /// Forms of one child and day that disagree: neither counts for the scales they share (`forms_disagreeing`).
    public var formsDisagreeing = PoolableCount()
    /// Scores of children below the instrument's validated age (`scores_below_validated_age`).
    public var scoresBelowValidatedAge = PoolableCount()
    /// Children with a follow-up wave overdue (`children_with_overdue_wave`).
    public var childrenWithOverdueWave = PoolableCount()
    /// Children scored on instruments of two age rules of one measure, such as SCWBS at 12 and
    /// WEMWBS or SWEMWBS at 13 (`children_moved_between_instruments`): each instrument's scales
    /// are a series of their own, never compared with the other's.
    public var childrenMovedBetweenInstruments = PoolableCount()

    /// All counts zero; set the ones known.
    public init() {}
}
