/// An ordered set of answer options, defined once per instrument and shared by its items.
///
/// Answers may be given as an option's code (`4`) or its exact label, compared case-insensitively
/// after trimming spaces (`"often"` and `" Often "` both mean 4).
public struct ResponseScale: Sendable, Hashable, Identifiable {
    /// The response scale's id, such as `frequency5`.
    public let id: ResponseScaleID
    /// The options in order.
    public let options: [ResponseOption]

    /// A response scale of `options`.
    public init(id: ResponseScaleID, options: [ResponseOption]) {
        self.id = id
        self.options = options
    }

    /// The option whose code is `code`, or `nil`.
    public func option(code: Int) -> ResponseOption? { options.first { $0.code == code } }

    /// The option an answer text means: its code written as a whole number (`CellText`: `4`,
    /// `04`, `+4` or `4.0`), or its label (case-insensitive, trimmed). `nil` when the text is neither.
    public func option(matching text: String) -> ResponseOption? {
        if let code = CellText.wholeNumber(text) { return option(code: code) }
        let folded = text.trimmingSpaces.lowercased()
        return options.first { $0.label.lowercased() == folded }
    }

    /// What a valid answer looks like, for error messages: `1-5 or a label such as "Often"`.
    public var expectation: String {
        let codes = options.map(\.code)
        let consecutive = codes == Array((codes.min() ?? 0)...(codes.max() ?? 0)) && codes.count > 2
        let codeText =
            consecutive
            ? "\(codes.first ?? 0)-\(codes.last ?? 0)"
            : codes.map(String.init).joined(separator: ", ")
        let example = options.count > 3 ? options[options.count - 2] : options.last
        return "\(codeText) or a label such as \"\(example?.label ?? "")\""
    }
}
