/// Counts about the data itself, for the report's data-quality notes.
public struct DataQuality: Sendable, Hashable {
    public var rowsRead = PoolableCount()
    public var rowsInvalid = PoolableCount()
    public var rowsDuplicate = PoolableCount()
    public var rowsOutOfRange = PoolableCount()
    public var incompleteForms = PoolableCount()
    /// Forms of one child and day that disagree: neither counts for the scales they share.
    public var formsDisagreeing = PoolableCount()
    public var scoresBelowValidatedAge = PoolableCount()
    public var childrenWithOverdueWave = PoolableCount()
}
