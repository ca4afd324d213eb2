import IVOutcomes

/// `ivoutcomes instruments`: the instruments the tool knows.
enum InstrumentsCommand: Command {
    static let name = "instruments"
    static let summary = "List the built-in instruments (id, version, items, scales, validated ages, status)."
    static let synopsis = ""
    static let details = """
        Lists every instrument with its version, number of items, scales, the ages it is validated for,
        and whether it is validated or a pilot; then each instrument's licence, and any wording the
        definition flags to be checked against the publisher's form before printing. With
        --definitions, local definitions are included.

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
        console.print("\nLicences (every copy must carry the copyright statement):")
        for instrument in catalog.instruments {
            console.print("  \(instrument.id): \(instrument.licence.name). \(instrument.licence.terms)")
        }
        let checks = catalog.instruments.flatMap { instrument in instrument.wordingChecks.map { (instrument.id, $0) } }
        if !checks.isEmpty {
            console.print("\nWordings to check against the publisher's form before printing:")
            for (id, check) in checks { console.print("  \(id): \(check)") }
        }
        return .success
    }
}
