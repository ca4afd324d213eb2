/// One problem in a definition file, located by file and JSON path.
public struct DefinitionProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file, as given (such as `Instruments/life-skills.json`).
    public let file: String
    /// The JSON path (such as `items[3].responseScale`); empty for the file as a whole.
    public let path: String
    /// What is wrong and what to do, in English.
    public let message: String

    /// A problem at `path` of `file`.
    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    /// `Instruments/life-skills.json: items[3].responseScale: unknown response scale 'yes-no'; did you mean 'yes_no'?`
    public var description: String {
        path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)"
    }
}
