import IVOutcomes

/// `ivoutcomes form`: a printable HTML form (or form pack) generated from the definitions.
enum FormCommand: Command {
    static let name = "form"
    static let summary = "Write a printable HTML form for one or more instruments, from their definitions."
    static let synopsis = "INSTRUMENT..."
    static let details = """
        Writes one self-contained HTML page (no scripts, fonts or files from elsewhere): each
        instrument's title, instructions and recall period, every item verbatim in the published
        order with every option, boxes for the young person's pseudonymous id and the date (never a
        name), and the copyright and licence statement; a pilot instrument says it is a pilot. It
        prints on A4 with one instrument per page and reads on a tablet. Several instruments make
        one form pack, in the order given.

        --language LANG uses each instrument's loaded translation into LANG (a BCP 47 tag such as
        cy; load translations with --definitions). Wordings still to be checked against the
        publisher's form, and draft translations, are listed on the form and on standard error.
        To look at the form as a PDF or PNG: Scripts/render-form.sh.

        Example:
          ivoutcomes form scwbs life-skills --out forms.html
          ivoutcomes form life-skills --language cy --definitions translations/ --out ffurflen.html
        """
    static let options =
        [
            SharedOptions.definitions,
            OptionSpec(
                name: "--language", value: "LANG", help: "the language of the form (default en: the definitions' words)"
            ),
        ] + SharedOptions.outputOptions
    static let positionalsAreFiles = false

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitCode {
        guard !arguments.positionals.isEmpty else {
            throw UsageError(message: "name at least one instrument, such as scwbs")
        }
        let catalog = try SharedOptions.catalog(arguments, console: console)
        let pack = try FormPack(
            instruments: arguments.positionals.map { InstrumentID($0.lowercased()) }, catalog: catalog,
            language: arguments.value("--language") ?? "en")
        for check in pack.checksBeforePrinting { console.error("check before printing: \(check)") }
        let output = try SharedOptions.output(arguments, console: console)
        try output.write(pack.html)
        try output.commit()
        return .success
    }
}
