/// The columns of a response row: the three base columns every file has, and the fields a row
/// that names its answers (JSON Lines, a FHIR QuestionnaireResponse) is laid out into, so that
/// every rule after reading is the CSV path's.
///
/// ```swift
/// let fields = ResponseColumns.laidOut(for: try .builtIn)  // ["child_id", "administered_on", "instrument", "wemwbs_1", ...]
/// ```
enum ResponseColumns {
    /// The child's pseudonymous id.
    static let child = "child_id"
    /// The date the form was completed.
    static let date = "administered_on"
    /// The instrument's id (or `--instrument` for the whole file).
    static let instrument = "instrument"

    /// The base columns, then every item id of the catalogue once (an item two instruments
    /// share is one field).
    static func laidOut(for catalog: InstrumentCatalog) -> [String] {
        var seen: Set<String> = []
        var columns = [child, date, instrument]
        for instrument in catalog.instruments {
            for item in instrument.items where seen.insert(item.id.rawValue).inserted {
                columns.append(item.id.rawValue)
            }
        }
        return columns
    }
}
