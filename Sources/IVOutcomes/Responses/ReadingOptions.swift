/// How response files are read and scored.
///
/// ```swift
/// var options = ReadingOptions()
/// options.instrument = "wemwbs"                       // for files without an instrument column
/// options.dateFormat = try DateFormat(pattern: "DD/MM/YYYY")
/// options.columns = try ColumnMapping(path: "columns.csv")   // for a survey tool's export
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
    /// The file's encoding when it is not UTF-8; `nil` for UTF-8 (or UTF-16 with a byte-order mark).
    public var encoding: TextEncoding?
    /// Dates outside this range get a problem but the row is still scored; `nil` to accept any
    /// real date. `ivoutcomes score` uses ``FollowUpOptions/defaultEarliestDate`` to today, the
    /// range `change` and `report` use, so a mistyped year is pointed out before it is dropped there.
    public var expectedDates: ClosedRange<CalendarDate>?
    /// The CSV delimiter; `nil` for a comma, or a semicolon or tab when the header has no comma but one of those.
    public var delimiter: CSVDelimiter?
    /// Which field a survey export's headers hold, for headers that are neither a field name nor
    /// an item's question text (`--columns`); `nil` for none.
    public var columns: ColumnMapping?

    /// Options for reading; the defaults read ISO dates and comma-separated UTF-8.
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
