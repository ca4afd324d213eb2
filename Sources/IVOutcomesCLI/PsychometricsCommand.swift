import Foundation
import IVOutcomes

/// `ivoutcomes psychometrics`: does a scale hold together in pilot data?
enum PsychometricsCommand: Command {
    static let name = "psychometrics"
    static let summary = "Check a scale's reliability and items in pilot data (alpha, item-total, floor/ceiling)."
    static let synopsis = "FILE --instrument ID"
    static let details = """
        From the complete administrations of one instrument in FILE (the first per child, so no child
        counts twice, unless --all-administrations): n, mean and SD of the scale; Cronbach's alpha
        with a 95% confidence interval (Feldt); alpha if each item is deleted; corrected item-total
        correlations; item means and SDs; floor and ceiling percentages; missingness per item (from
        every administration); and the SEM and reliable-change threshold the data implies beside the
        threshold the definition declares. At least 10 complete administrations are needed.

        Example:
          ivoutcomes psychometrics pilot.csv --instrument life-skills
        """
    static let options = [
        OptionSpec(name: "--instrument", value: "ID", help: "the instrument to analyse (required)"),
        OptionSpec(name: "--scale", value: "ID", help: "the scale (default: the instrument's first sum or mean)"),
        OptionSpec(
            name: "--all-administrations", value: nil,
            help: "use every complete administration, not the first per child"),
        SharedOptions.definitions, SharedOptions.inputFormat, SharedOptions.dateFormat, SharedOptions.columns,
        SharedOptions.encoding, SharedOptions.delimiter,
        OptionSpec(
            name: "--as-of", value: "DATE",
            help: "leave out rows dated after DATE (default today) or before 2000-01-01, as change does"),
    ]

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitCode {
        guard arguments.positionals.count == 1 else { throw UsageError(message: "name one response file") }
        guard let id = arguments.value("--instrument") else { throw UsageError(message: "--instrument ID is required") }
        let catalog = try SharedOptions.catalog(arguments, console: console)
        let instrument = try catalog.instrument(id: InstrumentID(id.lowercased()))
        let options = try ResponseReading.readingOptions(arguments, catalog: catalog, console: console)
        let asOf = try FollowUpInput.date(arguments, "--as-of") ?? .today
        let stats: ScaleStatistics
        do {
            stats = try Psychometrics.analyse(
                file: arguments.positionals[0], instrument: instrument,
                scale: arguments.value("--scale").map { ScaleID($0) },
                catalog: catalog, options: options, firstPerChild: !arguments.has("--all-administrations"),
                dates: FollowUpOptions.defaultEarliestDate...max(asOf, FollowUpOptions.defaultEarliestDate))
        } catch .input(let error) {
            throw error
        } catch {
            console.error("error: \(arguments.positionals[0]): \(instrument.id): \(error.description)")
            return .unreadableInput
        }
        console.print(report(stats, instrument: instrument))
        return .success
    }

    static func report(_ stats: ScaleStatistics, instrument: Instrument) -> String {
        func number(_ value: Double?, _ decimals: Int = 2) -> String {
            value.map { String(format: "%.\(decimals)f", $0) } ?? "n/a"
        }
        var lines = [
            "\(instrument.shortTitle) \(stats.scale): n = \(stats.n) complete administrations (of \(stats.administrationsRead) read), \(stats.itemCount) items",
            "mean \(number(stats.mean)), SD \(number(stats.standardDeviation)); floor \(number(stats.floorPercent, 1))%, ceiling \(number(stats.ceilingPercent, 1))%",
            "Cronbach's alpha \(number(stats.alpha, 3))"
                + (stats.alphaInterval.map {
                    " (95% CI \(number($0.lowerBound, 3)) to \(number($0.upperBound, 3)), Feldt)"
                } ?? " (the total has no variance)"),
            "SEM \(number(stats.standardErrorOfMeasurement)); reliable change implied by these data: more than \(number(stats.impliedReliableChange)) points"
                + "; declared in the definition: "
                + (stats.declaredReliableChange.map { "\(number($0)) points" } ?? "none (thresholds not established)"),
            "",
        ]
        let header = ["item", "mean", "SD", "floor %", "ceiling %", "item-total r", "alpha if deleted", "missing %"]
        let rows = stats.items.map { item in
            [
                item.item.rawValue, number(item.mean), number(item.standardDeviation), number(item.floorPercent, 1),
                number(item.ceilingPercent, 1),
                item.correctedItemTotal.map { number($0, 3) } ?? "n/a (no variance)", number(item.alphaIfDeleted, 3),
                number(item.missingPercent, 1),
            ]
        }
        lines.append(TextTable.render(header: header, rows: rows))
        if instrument.status == .pilot {
            lines.append(
                "\n\(instrument.shortTitle) is a pilot instrument: treat these figures as evidence for developing it, not as validation."
            )
        }
        return lines.joined(separator: "\n")
    }
}
