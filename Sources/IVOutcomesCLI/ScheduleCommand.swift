import IVOutcomes

/// `ivoutcomes schedule`: which waves each child has done and which are overdue.
enum ScheduleCommand: Command {
    static let name = "schedule"
    static let summary = "Waves done, due and overdue for each child, against the measurement schedule."
    static let synopsis = "FILE... --as-of DATE"
    static let details = """
        Places every administration on the schedule (Instruments/schedule.json: wellbeing and
        life-skills questionnaires at match start and every 6 months, within 6 weeks either side;
        contact logs monthly). Wave 0 is due at the match start from --children; without one, at
        the child's first administration (and the row says so). Each administration counts for
        the wave whose due date is nearest, if within the tolerance; otherwise it is outside any
        window. Writes one row per child and measure: child_id, measure, anchor_on, anchor,
        waves_expected (windows opened by --as-of), waves_done, waves_overdue, overdue_waves,
        due_now_on, next_due_on, outside_window, problems. No wave is expected after match_end.

        Example:
          ivoutcomes schedule questionnaires.csv logs.csv --children children.csv --as-of 2026-11-22
        """
    static let options =
        [OptionSpec(name: "--as-of", value: "DATE", help: "the date to report as of, YYYY-MM-DD (required)")]
        + FollowUpInput.common

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitCode {
        let format = try SharedOptions.choice(arguments, "--format", default: OutputFormat.csv)
        guard let asOf = try FollowUpInput.date(arguments, "--as-of") else {
            throw UsageError(message: "--as-of DATE is required: overdue depends on the date")
        }
        let tracker = try FollowUpInput.track(arguments, console: console, asOf: asOf)
        guard let schedule = tracker.catalog.schedule else {
            throw UsageError(message: "no measurement schedule is loaded (add one with --definitions)")
        }
        let output = try SharedOptions.output(arguments, console: console)
        try tracker.writeSchedule(to: output, format: format)
        try output.commit()
        let statuses = tracker.schedule()
        let overdue = Set(statuses.filter { !$0.overdueWaves.isEmpty }.map(\.childID))
        console.error(
            "note: schedule \(schedule.id) \(schedule.version) as of \(asOf): \(overdue.count) of \(Set(statuses.map(\.childID)).count) children have an overdue wave"
        )
        return .success
    }
}
