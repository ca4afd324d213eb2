/// A typed, string-backed identifier, so an item id can't be passed where a scale id is meant.
///
/// Ids in definition files are lower-case with `_` or `-` (`wemwbs_total`, `life-skills`) and are
/// stable forever once published.
///
/// ```swift
/// let item: ItemID = "wemwbs_1"
/// let scale: ScaleID = "wemwbs_total"
/// ```
public struct Identifier<Kind>: RawRepresentable, Hashable, Comparable, Codable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The id's text.
    public let rawValue: String

    /// An id from its text.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// An id from its text.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// An id written in code.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Decodes the id from a string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the id as a string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The id's text.
    public var description: String { rawValue }

    /// Orders ids by their text.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Whether `text` is a well-formed id: lower-case letters, digits, `_` and `-`, starting with a letter.
    public static func isWellFormed(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
    }
}

/// The id of an instrument definition, such as `wemwbs` or `life-skills`.
public typealias InstrumentID = Identifier<IdentifierKind.Instrument>
/// The id of a question, such as `wemwbs_1`; also the CSV column that carries its answers.
public typealias ItemID = Identifier<IdentifierKind.Item>
/// The id of a score computed from items, such as `wemwbs_total` or `swemwbs_metric`.
public typealias ScaleID = Identifier<IdentifierKind.Scale>
/// The id of one of the framework's outcomes, such as `life_skills`.
public typealias OutcomeID = Identifier<IdentifierKind.Outcome>
/// The id of a band of a scale's scores, such as `low`.
public typealias BandID = Identifier<IdentifierKind.Band>
/// The id of an instrument's response scale (its answer options), such as `frequency5`.
public typealias ResponseScaleID = Identifier<IdentifierKind.ResponseScale>
/// The id of a source a definition cites, such as `tennant2007`.
public typealias SourceID = Identifier<IdentifierKind.Source>
/// The id of a measure of the measurement schedule, such as `wellbeing`.
public typealias MeasureID = Identifier<IdentifierKind.Measure>
