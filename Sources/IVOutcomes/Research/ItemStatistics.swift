/// How one item behaves in a sample.
public struct ItemStatistics: Sendable, Hashable {
    public let item: ItemID
    public let mean: Double
    public let standardDeviation: Double
    public let floorPercent: Double
    public let ceilingPercent: Double
    /// Correlation of the item with the total of the other items; `nil` when the item (or the rest)
    /// has no variance.
    public let correctedItemTotal: Double?
    /// Alpha of the scale without this item; `nil` when undefined.
    public let alphaIfDeleted: Double?
    /// Administrations without a scored answer to the item (blank, declined or "not sure"), of all read.
    public let missing: Int
    public let missingPercent: Double
}
