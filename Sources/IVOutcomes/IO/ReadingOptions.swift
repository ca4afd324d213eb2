/// How response files are read and scored.
///
/// ```swift
/// var options = ReadingOptions()
/// options.instrument = "wemwbs"                       // for files without an instrument column
/// options.dateFormat = try DateFormat(pattern: "DD/MM/YYYY")
/// ```
public struct ReadingOptions: Sendable {
    /// The instrument of rows whose file has no `instrument` column, or whose cell is blank.
    public var instrument: InstrumentID?
    /// How `administered_on` is written; ISO `YYYY-MM-DD` unless chosen explicitly.
    public var dateFormat: DateFormat
    /// Choices that override the definitions' scoring defaults.
    public var scoring: ScoringOptions
    /// The input format; `nil` to decide from the file name (`.jsonl` or `.ndjson` is JSON Lines).
    public var format: InputFormat?

    public init(
        instrument: InstrumentID? = nil, dateFormat: DateFormat = .iso, scoring: ScoringOptions = ScoringOptions(),
        format: InputFormat? = nil
    ) {
        self.instrument = instrument
        self.dateFormat = dateFormat
        self.scoring = scoring
        self.format = format
    }
}

/// The formats administrations can be read from.
public enum InputFormat: String, Sendable, Hashable, CaseIterable {
    /// One row per administration: `child_id`, `administered_on`, `instrument`, one column per item id.
    case csv
    /// One JSON object per line: `{"child_id": ..., "administered_on": ..., "instrument": ..., "answers": {...}}`.
    case jsonl

    /// The format a file name suggests: JSON Lines for `.jsonl` and `.ndjson`, otherwise CSV.
    public static func guess(from path: String) -> InputFormat {
        let lower = path.lowercased()
        return lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") ? .jsonl : .csv
    }
}
