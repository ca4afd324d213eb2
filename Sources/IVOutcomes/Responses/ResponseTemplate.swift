/// The CSV a spreadsheet starts from so that ``ResponseFileReader`` reads it without a mapping:
/// the header `child_id,administered_on,instrument`, then each instrument's item ids in the
/// published order (an item several instruments ask, such as the SWEMWBS items of WEMWBS, once),
/// and optionally one example row per instrument.
///
/// An example row answers every item that takes options with the answers of the instrument's
/// first worked example (answers the definition has checked), free-text items left blank.
///
/// ```swift
/// let template = ResponseTemplate(instruments: [try catalog.instrument(id: "scwbs")])
/// print(template.csv(exampleDate: nil))   // child_id,administered_on,instrument,scwbs_1,...
/// ```
public struct ResponseTemplate: Sendable {
    /// The instruments, in the order given.
    public let instruments: [Instrument]

    /// A template for `instruments`.
    public init(instruments: [Instrument]) {
        self.instruments = instruments
    }

    /// The header's columns.
    public var columns: [String] {
        var seen: Set<ItemID> = []
        let items = instruments.flatMap(\.items).filter { seen.insert($0.id).inserted }.map(\.id.rawValue)
        return [ResponseColumns.child, ResponseColumns.date, ResponseColumns.instrument]
            + items
    }

    /// One example row per instrument, as cells under ``columns``: the child id `EXAMPLE1`,
    /// `EXAMPLE2`, ..., `date`, the instrument, its first worked example's answers (or, without
    /// one, each item's first option), blank elsewhere.
    public func exampleRows(on date: CalendarDate) -> [[String]] {
        let columns = self.columns
        return instruments.enumerated().map { index, instrument in
            let answers = instrument.examples.first?.answers ?? [:]
            return columns.enumerated().map { position, column in
                switch position {
                case 0: return "EXAMPLE\(index + 1)"
                case 1: return date.description
                case 2: return instrument.id.rawValue
                default:
                    guard let item = instrument.items.first(where: { $0.id.rawValue == column }),
                        let scale = item.responseScale
                    else { return "" }
                    return answers[item.id] ?? scale.options.first.map { String($0.code) } ?? ""
                }
            }
        }
    }

    /// The template as CSV text: the header, and the example rows dated `exampleDate` when it is given.
    public func csv(exampleDate: CalendarDate?) -> String {
        let rows = [columns] + (exampleDate.map(exampleRows(on:)) ?? [])
        return rows.map { $0.map(CSVCell.field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}
