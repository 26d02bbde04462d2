// Dates: days between dates, days added, date_trunc, date_diff, today, and ISO date literals.

import Testing
import WekaQL

@Suite struct DateTests {
    struct DateCase: Sendable, CustomTestStringConvertible {
        var expression: String
        var value: Value
        var person: Int
        var testDescription: String { expression }
        init(_ expression: String, _ value: Value, person: Int) {
            self.expression = expression
            self.value = value
            self.person = person
        }
    }

    /// Each value is DuckDB's for the SQL in the comment (DuckDB's date_trunc gives a timestamp; cast to a date).
    static let cases: [DateCase] = [
        DateCase("date_diff(\"day\", \"2022-01-31\", \"2022-02-01\")", 1, person: 1),  // date_diff('day', DATE '2022-01-31', DATE '2022-02-01')
        DateCase("date_diff(\"month\", \"2022-01-31\", \"2022-02-01\")", 1, person: 1),  // date_diff('month', DATE '2022-01-31', DATE '2022-02-01')
        DateCase("date_diff(\"month\", \"2022-03-01\", \"2022-01-31\")", -2, person: 1),  // date_diff('month', DATE '2022-03-01', DATE '2022-01-31')
        DateCase("date_diff(\"year\", \"2021-12-31\", \"2022-01-01\")", 1, person: 1),  // date_diff('year', DATE '2021-12-31', DATE '2022-01-01')
        DateCase("date_diff(\"YEAR\", \"2022-06-01\", \"2020-01-01\")", -2, person: 1),  // date_diff('year', DATE '2022-06-01', DATE '2020-01-01')
        DateCase("date_diff(\"quarter\", \"2022-03-31\", \"2022-04-01\")", 1, person: 1),  // date_diff('quarter', DATE '2022-03-31', DATE '2022-04-01')
        DateCase("date_diff(\"week\", \"2022-01-02\", \"2022-01-03\")", 0, person: 1),  // date_diff('week', DATE '2022-01-02', DATE '2022-01-03')
        DateCase("date_diff(\"week\", \"2022-01-15\", \"2022-01-02\")", -1, person: 1),  // date_diff('week', DATE '2022-01-15', DATE '2022-01-02')
        DateCase("date_diff(\"day\", \"2020-02-28\", \"2020-03-01\")", 2, person: 1),  // date_diff('day', DATE '2020-02-28', DATE '2020-03-01')
        DateCase("\"2022-06-14\" - joined + 2", 4, person: 1),  // DATE '2022-06-14' - DATE '2022-06-12' + 2
        DateCase("joined + 3", LangFixtures.date("2022-06-15"), person: 1),  // DATE '2022-06-12' + 3
        DateCase("3 + joined", LangFixtures.date("2022-06-15"), person: 1),  // 3 + DATE '2022-06-12'
        DateCase("date_trunc(\"day\", \"2022-03-01\") - 1", LangFixtures.date("2022-02-28"), person: 1),  // DATE '2022-03-01' - 1
        DateCase("joined + 365", LangFixtures.date("2021-02-28"), person: 5),  // DATE '2020-02-29' + 365
        DateCase("date_trunc(\"month\", joined)", LangFixtures.date("2022-06-01"), person: 1),  // date_trunc('month', DATE '2022-06-12')::date
        DateCase("date_trunc(\"week\", joined)", LangFixtures.date("2022-06-06"), person: 1),  // date_trunc('week', DATE '2022-06-12')::date
        DateCase("date_trunc(\"week\", \"2022-01-03\")", LangFixtures.date("2022-01-03"), person: 1),  // date_trunc('week', DATE '2022-01-03')::date
        DateCase("date_trunc(\"quarter\", \"2022-12-31\")", LangFixtures.date("2022-10-01"), person: 1),  // date_trunc('quarter', DATE '2022-12-31')::date
        DateCase("date_trunc(\"year\", joined)", LangFixtures.date("2022-01-01"), person: 1),  // date_trunc('year', DATE '2022-06-12')::date
        DateCase("date_trunc(\"day\", joined)", LangFixtures.date("2022-06-12"), person: 1),  // date_trunc('day', DATE '2022-06-12')::date
    ]

    @Test(arguments: cases)
    func computesAsDuckDB(_ c: DateCase) throws {
        #expect(try LangFixtures.value("people where id = \(c.person) select \(c.expression) as v") == c.value)
    }

    @Test(arguments: [
        ("joined - joined", ValueType.integer), ("joined + 1", .date), ("joined - 1", .date), ("date_trunc(\"month\", joined)", .date),
        ("date_diff(\"day\", joined, joined)", .integer), ("today()", .date), ("joined + null", .date),
    ])
    func resultTypes(_ expression: String, _ type: ValueType) throws {
        #expect(try LangFixtures.table("people select \(expression) as v").fields.first?.type == type)
    }

    @Test func nullsGiveNull() throws {
        // Chloé (3) has no date.
        for expression in ["joined + 1", "joined - joined", "date_trunc(\"year\", joined)", "date_diff(\"day\", joined, \"2022-01-01\")", "joined + null"] {
            #expect(try LangFixtures.value("people where id = 3 select \(expression) as v") == .null, "\(expression)")
        }
    }

    @Test func todayIsOneDayForEveryRow() throws {
        let days = try LangFixtures.column("people select today() - joined as v")
        let today = try LangFixtures.value("people where id = 1 select today() as v")
        guard case .date(let date) = today else { Issue.record("today() is \(today)"); return }
        #expect(date > LocalDate("2026-01-01")!)
        #expect(days[0] == .integer(Int64(date.days) - Int64(LocalDate("2022-06-12")!.days)))
    }

    @Test func aStringBesideADateIsADate() throws {
        #expect(try LangFixtures.column("people where joined >= \"2022-06-12\" select id") == [1, 4, 6])
        #expect(try LangFixtures.column("people where joined in (\"2022-06-12\", \"2020-02-29\") select id") == [1, 5])
    }

    @Test func aDatePastTheCalendarIsAnError() {
        #expect(LangFixtures.failure("people where id = 1 select joined + 3000000 as v")?.code == .dateOutOfRange)
        #expect(LangFixtures.failure("people where id = 1 select joined - 9223372036854775807 as v")?.code == .dateOutOfRange)
    }

    static let errors: [ExpectedDiagnostic] = [
        ExpectedDiagnostic(source: "people where joined >= 2022-06-01", code: .typeMismatch, line: 1, column: 24, width: 10,
                           message: "cannot compare date field \"joined\" with integer \"2022-06-01\"",
                           hints: ["put the date in double quotes: \"2022-06-01\""]),
        ExpectedDiagnostic(source: "people select date_diff(\"day\", 2022-6-1, joined)", code: .argumentType, line: 1, column: 32, width: 8,
                           message: "date_diff(unit, start, end) needs a date here, found integer",
                           hints: ["put the date in double quotes: \"2022-6-1\""]),
        ExpectedDiagnostic(source: "people where joined < \"2022-02-30\"", code: .invalidDate, line: 1, column: 23, width: 12,
                           message: "\"2022-02-30\" is not a date", hints: ["a date is written \"YYYY-MM-DD\""]),
        ExpectedDiagnostic(source: "people select joined - \"June\"", code: .invalidDate, line: 1, column: 24, width: 6,
                           message: "\"June\" is not a date", hints: ["a date is written"]),
        ExpectedDiagnostic(source: "people select date_trunc(\"mnth\", joined)", code: .unknownUnit, line: 1, column: 26, width: 6,
                           message: "unknown unit \"mnth\" in date_trunc(unit, date)",
                           hints: ["did you mean \"month\"?", "units: day, week, month, quarter, year"]),
        ExpectedDiagnostic(source: "people select date_diff(name, joined, joined)", code: .notConstant, line: 1, column: 25, width: 4,
                           message: "expected a unit in double quotes (day, week, month, quarter, year) here"),
        ExpectedDiagnostic(source: "people select joined + joined", code: .typeMismatch, line: 1, column: 15, width: 6,
                           message: "\"+\" needs a whole number of days, found date", hints: ["date + n adds n days"]),
        ExpectedDiagnostic(source: "people select joined * 2", code: .typeMismatch, line: 1, column: 15, width: 6,
                           message: "\"*\" needs a number, found date"),
        ExpectedDiagnostic(source: "people select joined + 1.5", code: .typeMismatch, line: 1, column: 24, width: 3,
                           message: "\"+\" needs a whole number of days, found decimal", hints: ["date + n adds n days"]),
        ExpectedDiagnostic(source: "people select today(1)", code: .argumentCount, line: 1, column: 15, width: 8,
                           message: "wrong number of arguments (1) to today()", hints: ["call it as today()"]),
    ]

    @Test(arguments: errors)
    func misusesArePlacedErrors(_ expected: ExpectedDiagnostic) {
        let diagnostics = LangFixtures.diagnostics(expected.source)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.description))")
        expected.check(diagnostics.first)
    }
}
