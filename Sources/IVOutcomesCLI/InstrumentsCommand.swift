import IVOutcomes

/// `ivoutcomes instruments`: the instruments the tool knows.
enum InstrumentsCommand: Command {
    static let name = "instruments"
    static let summary = "List the built-in instruments (id, version, items, scales, validated ages, status)."
    static let synopsis = ""
    static let details = """
        Lists every instrument with its version, number of items, scales, the ages it is validated for,
        and whether it is validated or a pilot. With --definitions, local definitions are included.

        Example:
          ivoutcomes instruments
        """
    static let options = [SharedOptions.definitions]

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitCode {
        guard arguments.positionals.isEmpty else {
            throw UsageError(message: "unexpected argument '\(arguments.positionals[0])'")
        }
        let catalog = try SharedOptions.catalog(arguments, console: console)
        let rows = catalog.instruments.map { instrument in
            [
                instrument.id.rawValue, instrument.version, String(instrument.items.count),
                instrument.scales.isEmpty ? "-" : instrument.scales.map(\.id.rawValue).joined(separator: " "),
                instrument.validatedAges.map { "\($0)" } ?? "not validated",
                instrument.status.rawValue, instrument.respondent.rawValue,
            ]
        }
        console.print(
            TextTable.render(
                header: ["id", "version", "items", "scales", "validated ages", "status", "respondent"], rows: rows))
        let licensed = catalog.instruments.filter { $0.status == .validated }.map(\.shortTitle)
        if !licensed.isEmpty {
            console.print(
                "\n\(licensed.joined(separator: " and ")): you need your own licence from the University of Warwick to administer these scales."
            )
        }
        return .success
    }
}
