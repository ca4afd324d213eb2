import Testing

@testable import IVOutcomes

@Suite("Response templates")
struct ResponseTemplateTests {
    static let catalog = try! InstrumentCatalog.builtIn

    @Test("a filled template scores with no problems, for each built-in instrument and for all of them together")
    func filledTemplateScores() throws {
        let sets = Self.catalog.instruments.map { [$0] } + [Self.catalog.instruments]
        for instruments in sets {
            let template = ResponseTemplate(instruments: instruments)
            let text = template.csv(exampleDate: CalendarDate(year: 2026, month: 2, day: 10))
            let reader = try ResponseFileReader(text: text, name: "template.csv", catalog: Self.catalog)
            var rows: [ScoredRow] = []
            try reader.forEachRow { rows.append($0) }
            #expect(rows.count == instruments.count)
            #expect(rows.allSatisfy { $0.status == .scored && $0.problems.isEmpty }, "\(instruments.map(\.id))")
            #expect(reader.unknownColumns.isEmpty && reader.itemsWithoutColumn.isEmpty)
            #expect(rows.map(\.instrument) == instruments.map(\.id))
        }
    }

    @Test("the header has the base columns, then each item once in the published order")
    func header() throws {
        let template = ResponseTemplate(instruments: [
            try Self.catalog.instrument(id: "wemwbs"), try Self.catalog.instrument(id: "swemwbs"),
        ])
        #expect(template.columns == ["child_id", "administered_on", "instrument"] + (1...14).map { "wemwbs_\($0)" })
        #expect(template.csv(exampleDate: nil) == template.columns.joined(separator: ",") + "\n")
    }

    @Test("example rows answer with the first worked example and leave free text blank")
    func exampleRows() throws {
        let log = try Self.catalog.instrument(id: "iv-log")
        let row = ResponseTemplate(instruments: [log]).exampleRows(
            on: try #require(CalendarDate(year: 2026, month: 2, day: 10)))[0]
        let columns = ResponseTemplate(instruments: [log]).columns
        for (column, cell) in zip(columns, row).dropFirst(3) {
            let item = try log.item(id: ItemID(column))
            if item.responseScale == nil {
                #expect(cell.isEmpty)
            } else {
                #expect(
                    cell == log.examples.first?.answers[item.id] ?? "\(item.responseScale?.options.first?.code ?? 0)")
            }
        }
    }
}
