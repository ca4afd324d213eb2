/// An age range in whole years, inclusive; `maximum` is `nil` for "and over".
public struct AgeRange: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The youngest age, in whole years.
    public let minimum: Int
    /// The oldest age, or `nil` for no upper limit.
    public let maximum: Int?
    /// The id of the citation that establishes the range.
    public let source: SourceID

    /// Ages `minimum` to `maximum`, as `source` says.
    public init(minimum: Int, maximum: Int?, source: SourceID) {
        self.minimum = minimum
        self.maximum = maximum
        self.source = source
    }

    /// Whether a child of `age` whole years is inside the range.
    public func contains(age: Int) -> Bool {
        age >= minimum && (maximum.map { age <= $0 } ?? true)
    }

    /// "13+" or "13-16".
    public var description: String {
        maximum.map { "\(minimum)-\($0)" } ?? "\(minimum)+"
    }
}
