/// A wording in a definition that only one source gives (or that is missing), to be checked
/// against the publisher's form before the instrument is printed: a licence such as the Stirling
/// scale's forbids altering the wording, so an unconfirmed word must not reach a child unchecked.
///
/// ```swift
/// let scwbs = try InstrumentCatalog.builtIn.instrument(id: "scwbs")
/// for check in scwbs.wordingChecks { print("\(check.target): \(check.note)") }
/// // item scwbs_14: Unconfirmed wording: ...
/// ```
public struct WordingCheck: Sendable, Hashable, CustomStringConvertible {
    /// What the note is about.
    public enum Target: Sendable, Hashable, CustomStringConvertible {
        /// The instructions (and recall period) shown before the items.
        case instructions
        /// An item's text.
        case item(ItemID)
        /// The label of one option of a response scale.
        case option(ResponseScaleID, code: Int)

        /// `instructions`, `item scwbs_14`, `option 4 of scwbs_frequency`.
        public var description: String {
            switch self {
            case .instructions: return "instructions"
            case .item(let id): return "item \(id)"
            case .option(let scale, let code): return "option \(code) of \(scale)"
            }
        }
    }

    /// What the note is about.
    public let target: Target
    /// What to check and why, as the definition says it.
    public let note: String

    /// A check on `target`.
    public init(target: Target, note: String) {
        self.target = target
        self.note = note
    }

    /// `item scwbs_14: Unconfirmed wording: ...`.
    public var description: String { "\(target): \(note)" }
}
