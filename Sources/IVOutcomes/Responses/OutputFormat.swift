/// The formats scores can be written in.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    /// One row per input row: `child_id`, `administered_on`, `instrument`, `status`, a column per
    /// scale (and `<scale>_band` columns), then `problems`.
    case csv
    /// One JSON object per input row, with `scores`, `bands` and `problems`.
    case jsonl
}
