/// The exit statuses of `ivoutcomes`, documented in `ivoutcomes help` and the README.
enum ExitCode: Int32, CaseIterable {
    /// Everything ran. Rows with problems are reported in the output and still count as success.
    case success = 0
    /// The command line is wrong: an unknown command or option, or a missing argument.
    case usage = 64
    /// An input file could not be read, or its header lacks a required column.
    case unreadableInput = 66
    /// An instrument definition is invalid.
    case invalidDefinitions = 65
    /// An output file could not be written.
    case cannotWrite = 73
    /// The terminal was closed (SIGHUP); no partial output file is left behind.
    case hungUp = 129
    /// Stopped by Ctrl-C (SIGINT); no partial output file is left behind.
    case interrupted = 130
    /// Stopped by SIGTERM (`kill`, a scheduler's time limit); no partial output file is left behind.
    case terminated = 143

    var meaning: String {
        switch self {
        case .success: return "success (rows with problems are reported, not failures)"
        case .usage: return "bad usage: unknown command or option, missing argument"
        case .unreadableInput: return "an input file can't be read or lacks a required column"
        case .invalidDefinitions: return "an instrument definition is invalid"
        case .cannotWrite: return "an output file can't be written"
        case .hungUp: return "the terminal was closed (SIGHUP); no partial output is left"
        case .interrupted: return "interrupted (Ctrl-C); no partial output is left"
        case .terminated: return "terminated (SIGTERM); no partial output is left"
        }
    }
}
