/// How one item behaves in a sample.
public struct ItemStatistics: Sendable, Hashable {
    /// The item.
    public let item: ItemID
    /// The mean answer code.
    public let mean: Double
    /// The standard deviation of the codes.
    public let standardDeviation: Double
    /// The share of answers at the lowest code, in percent.
    public let floorPercent: Double
    /// The share of answers at the highest code, in percent.
    public let ceilingPercent: Double
    /// Correlation of the item with the total of the other items; `nil` when the item (or the rest)
    /// has no variance.
    public let correctedItemTotal: Double?
    /// Alpha of the scale without this item; `nil` when undefined.
    public let alphaIfDeleted: Double?
    /// Administrations without a scored answer to the item (blank, declined or "not sure"), of all read.
    public let missing: Int
    /// The share of administrations read without a scored answer to the item, in percent.
    public let missingPercent: Double
}
