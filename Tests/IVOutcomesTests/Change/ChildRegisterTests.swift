import Testing

@testable import IVOutcomes

@Suite("Children file")
struct ChildRegisterTests {
    @Test("reads ids, birth months, match dates and demographics; keeps no other column")
    func reads() throws {
        let folder = TemporaryFolder()
        let path = folder.write(
            "children.csv",
            "\u{FEFF}Child_ID , birth_month,match_start,match_end,Gender,name\r\nC1,2014-03,2026-01-15,,female,Amy\r\nC2,,,,,\r\n"
        )
        let register = try ChildRegister(path: path, today: CalendarDate(iso: "2026-11-22")!)
        #expect(register.children.map(\.id) == ["C1", "C2"])
        #expect(register["C1"]?.birthMonth == BirthMonth(text: "2014-03"))
        #expect(register["C1"]?.matchStart == CalendarDate(iso: "2026-01-15"))
        #expect(register["C1"]?.attributes == ["gender": "female"])
        #expect(register["C2"]?.birthMonth == nil)
        #expect(register.unknownColumns == ["name"])
        #expect(register.problems.isEmpty)
    }

    @Test("every bad cell is reported with file, line and column, and the child kept")
    func problems() throws {
        let folder = TemporaryFolder()
        let path = folder.write(
            "children.csv",
            """
            child_id,birth_month,match_start,match_end
            C1,2027-01,2026-01-15,2025-01-01
            C2,03/2014,15/01/2026,
            ,2014-01,,
            C3,2014-01
            C1,2014-01,,

            """)
        let register = try ChildRegister(path: path, today: CalendarDate(iso: "2026-11-22")!)
        #expect(register.children.map(\.id) == ["C1", "C2"])
        #expect(
            register.problems.map(\.description) == [
                "\(path):2: column birth_month: \"2027-01\" is in the future; age unknown",
                "\(path):2: column match_end: 2025-01-01 is before match_start 2026-01-15; read as unknown",
                "\(path):3: column birth_month: \"03/2014\" is not a year and month (expected YYYY-MM, such as 2014-03); age unknown",
                "\(path):3: column match_start: \"15/01/2026\" is not a date (expected YYYY-MM-DD); read as unknown",
                "\(path):4: column child_id: empty (every row needs a child's pseudonymous id); row not used",
                "\(path):5: 2 fields, but the header has 4 columns; row not used (check for an unquoted comma)",
                "\(path):6: column child_id: \"C1\" is already on line 2; this row is not used",
            ])
        #expect(register["C1"]?.birthMonth == nil)
        #expect(register["C1"]?.matchEnd == nil)
    }

    @Test("a file without child_id or birth_month is an error that says how to fix it")
    func missingColumn() {
        let folder = TemporaryFolder()
        let path = folder.write("children.csv", "child_id,birthmonth\nC1,2014-01\n")
        #expect(
            throws: InputError.missingColumn(
                file: path, column: "birth_month", hint: "; found 'birthmonth': rename it to 'birth_month'")
        ) {
            try ChildRegister(path: path)
        }
    }
}
