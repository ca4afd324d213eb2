import IVOutcomes

/// `ivoutcomes logs`: per child and outcome, what the volunteers' contact logs said.
enum LogsCommand: Command {
    static let name = "logs"
    static let summary = "Per child and outcome, counts of the contact logs' 'what has changed?' answers."
    static let synopsis = "FILE..."
    static let details = """
        Summarises the contact logs in the period (all of them by default): for each child and
        outcome, the number of logs, visits that happened, and how many logs answered each option
        (less, no change, a little more, a lot more, not sure), declined or left it blank, and
        positive (a little more or a lot more). Free-text examples are never read into the output.

        Example:
          ivoutcomes logs logs.csv --from 2026-04-01 --to 2026-09-30
        """
    static let options =
        [
            OptionSpec(name: "--from", value: "DATE", help: "first day of the period, YYYY-MM-DD"),
            OptionSpec(name: "--to", value: "DATE", help: "last day of the period, YYYY-MM-DD (default today)"),
        ] + FollowUpInput.common

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitCode {
        let format = try SharedOptions.choice(arguments, "--format", default: OutputFormat.csv)
        let from = try FollowUpInput.date(arguments, "--from")
        let to = try FollowUpInput.date(arguments, "--to")
        let asOf = CalendarDate.today
        let end = to ?? asOf
        if let from, from > end { throw UsageError(message: "--from \(from) is after --to \(end)") }
        let period = (from != nil || to != nil) ? (from ?? FollowUpOptions.defaultEarliestDate)...end : nil
        let tracker = try FollowUpInput.track(arguments, console: console, asOf: asOf, logPeriod: period)
        if !tracker.instrumentsUsed.contains(where: { $0.contactLog != nil }) {
            console.error(
                "note: no contact logs found in the files (rows of an instrument with a contactLog, such as iv-log)")
        }
        let output = try SharedOptions.output(arguments, console: console)
        try tracker.writeLogSummaries(to: output, format: format)
        try output.commit()
        return .success
    }
}
