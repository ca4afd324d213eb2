import Testing

@testable import IVOutcomes

@Suite("Change: age from birth month")
struct BirthMonthTests {
    /// A birthday is taken as the last day of the birth month, so age is never overstated.
    @Test(
        "age in whole years, counted from the end of the birth month",
        arguments: [
            ("2014-03", "2027-03-30", 12),
            ("2014-03", "2027-03-31", 13),
            ("2014-03", "2027-04-01", 13),
            ("2014-03", "2027-02-28", 12),
            ("2014-12", "2028-01-01", 13),
            ("2014-12", "2027-12-31", 13),
            ("2014-12", "2027-12-30", 12),
            ("2013-01", "2026-01-31", 13),
            ("2008-01", "2026-01-31", 18),
            ("2012-02", "2024-02-28", 11),
            ("2012-02", "2024-02-29", 12),
            ("2014-03", "2014-03-15", 0),
            ("2014-03", "2014-03-31", 0),
        ])
    func age(birth: String, on date: String, expected: Int) throws {
        let month = try #require(BirthMonth(text: birth))
        #expect(month.age(on: try #require(CalendarDate(iso: date))) == expected)
    }

    @Test(
        "only YYYY-MM is a birth month",
        arguments: ["2014-3", "2014-13", "14-03", "2014/03", "2014-03-01", "", "abcd-ef"])
    func rejects(text: String) {
        #expect(BirthMonth(text: text) == nil)
    }
}
