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
