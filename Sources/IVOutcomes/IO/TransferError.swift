/// Why reading one file into another stopped: its input could not be read, or its output not written.
///
/// ```swift
/// do { _ = try reader.score(to: output, format: .csv) }
/// catch .input(let error) { print("input:", error) }
/// catch .output(let error) { print("output:", error) }
/// ```
public enum TransferError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The input could not be read (see ``InputError``).
    case input(InputError)
    /// The output could not be written (see ``OutputError``).
    case output(OutputError)

    /// The underlying error's description.
    public var description: String {
        switch self {
        case .input(let error): return error.description
        case .output(let error): return error.description
        }
    }

    /// Runs `body`, whose only errors are input and output errors, with them typed.
    static func typed<Result>(_ body: () throws -> Result) throws(TransferError) -> Result {
        do {
            return try body()
        } catch let error as InputError {
            throw .input(error)
        } catch let error as OutputError {
            throw .output(error)
        } catch {
            preconditionFailure("only input and output errors are thrown here: \(error)")
        }
    }
}
