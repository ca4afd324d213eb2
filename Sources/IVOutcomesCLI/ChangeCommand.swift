import IVOutcomes

/// `ivoutcomes change`: each child's change on each scale, from baseline to latest.
enum ChangeCommand: Command {
    static let name = "change"
    static let summary = "Each child's change on each scale: baseline, latest, reliable and meaningful change."
    static let synopsis = "FILE..."
    static let details = """
        Groups the scored administrations of every file by child and scale. Baseline is a child's
        first scored administration of a scale, latest the most recent. Writes one row per child and
        scale: child_id, scale, baseline_on, baseline, latest_on, latest, change, administrations,
        reliable_change (Jacobson & Truax, with the scale's declared threshold), meaningful_change
        (the scale's declared threshold, such as 3 points on WEMWBS), band_from, band_to,
        below_validated_age, problems, days_between. A child with one administration is kept as
        no_follow_up_yet; a scale without declared thresholds says thresholds_not_established.

        There is one observation per child, scale and date, whatever the row order: forms of one
        day that share items (two WEMWBS forms; a WEMWBS and a SWEMWBS form; two logs) are compared
        item by item. When one holds all the other's answers, the fuller is used and the other is a
        duplicate; when they disagree, neither counts for the scales they share that day. Both are
        reported after the rows. Dates before 2000 or after --as-of are not used. With --children,
        administrations taken below an instrument's validated age are flagged (a birthday is taken
        as the last day of the birth month).

        Example:
          ivoutcomes change questionnaires.csv --children children.csv --out change.csv
        """
    static let options = [FollowUpInput.asOf] + FollowUpInput.common

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitCode {
        let format = try SharedOptions.choice(arguments, "--format", default: OutputFormat.csv)
        let asOf = try FollowUpInput.date(arguments, FollowUpInput.asOf.name) ?? .today
        let tracker = try FollowUpInput.track(arguments, console: console, asOf: asOf)
        let output = try SharedOptions.output(arguments, console: console)
        try tracker.writeChanges(to: output, format: format)
        try output.commit()
        for line in FollowUpInput.thresholds(of: tracker.scalesUsed) { console.error("note: \(line)") }
        return .success
    }
}
