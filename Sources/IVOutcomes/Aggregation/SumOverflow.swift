/// A count or sum too large to add exactly (only from numbers read from a file).
public struct SumOverflow: Error, Sendable, Hashable {}
