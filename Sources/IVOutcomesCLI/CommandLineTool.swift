import IVOutcomes

/// Parses the command line, runs a command, and turns every error into a message and an exit status.
enum CommandLineTool {
    static let version = "0.6.0"

    static let commands: [any Command.Type] = [
        InstrumentsCommand.self, ValidateCommand.self, FormCommand.self, TemplateCommand.self, FHIRCommand.self,
        ScoreCommand.self,
        CoverageCommand.self,
        PsychometricsCommand.self,
        ChangeCommand.self, ScheduleCommand.self, LogsCommand.self, ReportCommand.self, PoolCommand.self,
        DemoCommand.self,
    ]

    static func run(_ arguments: [String], console: Console) -> ExitCode {
        guard let first = arguments.first else {
            console.error(overview)
            return .usage
        }
        switch first {
        case "--help", "-h":
            console.print(overview)
            return .success
        case "--version", "version":
            console.print("ivoutcomes \(version)")
            return .success
        case "help":
            guard arguments.count > 1 else {
                console.print(overview)
                return .success
            }
            guard let command = command(named: arguments[1]) else {
                return unknownCommand(arguments[1], console: console)
            }
            console.print(help(for: command))
            return .success
        default:
            break
        }
        guard let command = command(named: first) else { return unknownCommand(first, console: console) }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            console.print(help(for: command))
            return .success
        }
        return run(command, rest, console: console)
    }

    /// Runs one command, turning each kind of error into its message and exit status.
    private static func run(_ command: any Command.Type, _ rest: [String], console: Console) -> ExitCode {
        do {
            let parsed = try ParsedArguments.parse(rest, options: command.options)
            try OutputSafety.check(parsed, command: command)
            return try command.run(parsed, console: console)
        } catch let error as UsageError {
            console.error("error: \(error.message)\nusage: \(command.usage)\nSee 'ivoutcomes help \(command.name)'.")
            return .usage
        } catch let error as DefinitionError {
            console.error(error.description)
            return .invalidDefinitions
        } catch let error as LookupError {
            console.error(error.description)
            return .invalidDefinitions
        } catch let error as InputError {
            console.error("error: \(error.description)")
            return .unreadableInput
        } catch let error as OutputError {
            console.error("error: \(error.description)")
            return .cannotWrite
        } catch let error as TransferError {
            console.error("error: \(error.description)")
            if case .output = error { return .cannotWrite }
            return .unreadableInput
        } catch let error as PoolingError {
            console.error("error: \(error.description)")
            return .unreadableInput
        } catch let error as DateFormatError {
            console.error("error: --date-format \(error.description)")
            return .usage
        } catch {
            console.error("error: \(error)")
            return .unreadableInput
        }
    }

    static func command(named name: String) -> (any Command.Type)? {
        commands.first { $0.name == name }
    }

    private static func unknownCommand(_ name: String, console: Console) -> ExitCode {
        console.error(
            "error: unknown command '\(name)'\(suggestion(for: name, in: commands.map { $0.name }))\nSee 'ivoutcomes --help'."
        )
        return .usage
    }

    static var overview: String {
        let width = commands.map { $0.name.count }.max() ?? 0
        let list = commands.map {
            "  \($0.name.padding(toLength: width + 2, withPad: " ", startingAt: 0))\($0.summary)"
        }
        let codes = ExitCode.allCases.map {
            "  \(String($0.rawValue).padding(toLength: 5, withPad: " ", startingAt: 0))\($0.meaning)"
        }
        return """
            ivoutcomes \(version): measure what changes for children in care who have an Independent Visitor.

            USAGE: ivoutcomes COMMAND [ARGUMENTS] [OPTIONS]

            COMMANDS:
            \(list.joined(separator: "\n"))

            Run 'ivoutcomes help COMMAND' for a command's options and an example.

            EXIT STATUS:
            \(codes.joined(separator: "\n"))
            """
    }

    static func help(for command: any Command.Type) -> String {
        let width = command.options.map { $0.name.count + ($0.value.map { $0.count + 1 } ?? 0) }.max() ?? 0
        let options = command.options.map { option in
            let left = option.name + (option.value.map { " \($0)" } ?? "")
            return "  \(left.padding(toLength: width + 2, withPad: " ", startingAt: 0))\(option.help)"
        }
        return """
            \(command.summary)

            USAGE: \(command.usage)

            \(command.details)
            """ + (options.isEmpty ? "" : "\n\nOPTIONS:\n" + options.joined(separator: "\n"))
    }
}
