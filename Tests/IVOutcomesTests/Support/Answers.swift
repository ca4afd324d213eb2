import IVOutcomes

/// Helpers for building WEMWBS-family administrations in tests.
enum Answers {
    static let day = CalendarDate(year: 2026, month: 3, day: 1)!

    /// Answers `codes[i]` to `wemwbs_{i+1}`; `nil` entries are left blank.
    static func wemwbs(_ codes: [Int?]) -> [ItemID: String] {
        var answers: [ItemID: String] = [:]
        for (index, code) in codes.enumerated() {
            if let code { answers[ItemID("wemwbs_\(index + 1)")] = String(code) }
        }
        return answers
    }

    static func administration(_ instrument: InstrumentID, _ answers: [ItemID: String]) -> Administration {
        Administration(childID: "C001", administeredOn: day, instrument: instrument, answers: answers)
    }

    static func score(
        _ instrument: InstrumentID, _ answers: [ItemID: String], options: ScoringOptions = ScoringOptions()
    )
        throws -> ScoreSheet
    {
        let catalog = try InstrumentCatalog.builtIn
        return try catalog.instrument(id: instrument).score(administration(instrument, answers), options: options)
    }

    /// The WEMWBS item ids that make up SWEMWBS.
    static let swemwbsItems = [1, 2, 3, 6, 7, 9, 11]

    /// A full WEMWBS form whose SWEMWBS items sum to `raw` (7...35) and whose other items are 3.
    static func wemwbsWithSwemwbsRaw(_ raw: Int) -> [ItemID: String] {
        var codes = [Int?](repeating: 3, count: 14)
        var remaining = raw
        for (offset, item) in swemwbsItems.enumerated() {
            let itemsLeft = swemwbsItems.count - offset - 1
            let code = min(5, remaining - itemsLeft)
            codes[item - 1] = code
            remaining -= code
        }
        return wemwbs(codes)
    }
}

extension Administration {
    /// The same administration with one more answer.
    func withAnswer(_ item: ItemID, _ value: String) -> Administration {
        var all = answers
        all[item] = value
        return Administration(childID: childID, administeredOn: administeredOn, instrument: instrument, answers: all)
    }
}
