// The built-in functions: lower upper length trim substr concat coalesce abs round floor ceil year month day.

import Testing
import WekaQL

@Suite struct FunctionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var expression: String
        /// The person whose row is used (see ``LangFixtures/peopleRows``).
        var person: Int
        var value: Value
        var testDescription: String { "\(expression) on person \(person)" }
        init(_ expression: String, _ value: Value, person: Int = 1) {
            self.expression = expression
            self.value = value
            self.person = person
        }
    }

    static let cases: [Case] = [
        // Text
        Case("lower(name)", "ana"), Case("lower(\"ÉMILE\")", "émile"), Case("upper(city)", "LOMÉ"), Case("upper(\"\")", ""),
        Case("length(name)", 3), Case("length(\"\")", 0), Case("length(city)", 4), Case("length(\"Cafe\\u{301}\")", 4),
        Case("length(\"😀!\")", 2),
        Case("trim(\"  a b  \")", "a b"), Case("trim(\"\\t x \\n\")", "x"), Case("trim(\"\")", ""),
        Case("substr(\"abcdef\", 2)", "bcdef"), Case("substr(\"abcdef\", 2, 3)", "bcd"), Case("substr(\"abc\", 1, 1)", "a"),
        Case("substr(\"abc\", 5)", ""), Case("substr(\"abc\", 0)", "abc"), Case("substr(\"abc\", 2, 0)", ""),
        Case("substr(\"abc\", 2, 99)", "bc"), Case("substr(city, 4, 1)", "é"), Case("substr(city, 4)", "é"),
        Case("concat(name, \"-\", age)", "Ana-30"), Case("concat(\"a\", 1, 2.5, true)", "a12.5true"),
        Case("concat(joined)", "2022-06-12"), Case("concat(\"a\", null, \"b\")", "ab"), Case("concat(city, name)", "LoméAna"),
        Case("coalesce(null, 2)", 2), Case("coalesce(age, 0)", 0, person: 2), Case("coalesce(age, 0)", 30),
        Case("coalesce(city, \"?\")", "?", person: 3), Case("coalesce(null, null)", .null), Case("coalesce(age, 1.5)", .decimal(30)),
        Case("coalesce(score, age, -1)", -1.0, person: 6), Case("coalesce(score, age)", 25.0, person: 3),
        // Numbers
        Case("abs(-3)", 3), Case("abs(3)", 3), Case("abs(0)", 0), Case("abs(-2.5)", 2.5), Case("abs(age - 40)", 10),
        Case("round(2.5)", 3), Case("round(-2.5)", -3), Case("round(2.4)", 2), Case("round(7)", 7), Case("round(score)", 3),
        Case("round(1.25, 1)", 1.3), Case("round(1234.5678, -2)", .decimal(1200)), Case("round(3, 1)", 3), Case("round(35, -1)", 40),
        Case("round(2.0 / 3, 2)", 0.67),
        Case("floor(1.5)", 1), Case("floor(-1.5)", -2), Case("floor(3)", 3), Case("floor(score)", 2),
        Case("ceil(1.2)", 2), Case("ceil(-1.2)", -1), Case("ceil(3)", 3), Case("ceil(score)", 3),
        // Dates
        Case("year(joined)", 2022), Case("month(joined)", 6), Case("day(joined)", 12),
        Case("year(joined)", 2020, person: 5), Case("month(joined)", 2, person: 5), Case("day(joined)", 29, person: 5),
        Case("day(joined)", 31, person: 6),
        // Null arguments give null
        Case("lower(city)", .null, person: 3), Case("upper(city)", .null, person: 3), Case("length(city)", .null, person: 3),
        Case("trim(city)", .null, person: 3), Case("substr(city, 1)", .null, person: 3), Case("substr(name, null)", .null),
        Case("abs(age)", .null, person: 2), Case("round(score)", .null, person: 3), Case("round(score, 1)", .null, person: 3),
        Case("floor(score)", .null, person: 3), Case("ceil(score)", .null, person: 3), Case("year(joined)", .null, person: 3),
        Case("month(joined)", .null, person: 3), Case("day(joined)", .null, person: 3), Case("lower(null)", .null),
    ]

    @Test(arguments: cases)
    func computes(_ c: Case) throws {
        #expect(try LangFixtures.value("people where id = \(c.person) select \(c.expression) as v") == c.value)
    }

    @Test(arguments: [
        ("lower(name)", ValueType.string), ("length(name)", .integer), ("substr(name, 1)", .string), ("concat(age)", .string),
        ("coalesce(age, 1)", .integer), ("coalesce(age, 1.5)", .decimal), ("abs(age)", .integer), ("abs(score)", .decimal),
        ("round(score)", .integer), ("round(score, 1)", .decimal), ("round(age, 1)", .integer), ("floor(score)", .integer), ("ceil(score)", .integer),
        ("year(joined)", .integer), ("month(joined)", .integer), ("day(joined)", .integer),
    ])
    func resultTypes(_ expression: String, _ type: ValueType) throws {
        #expect(try LangFixtures.table("people select \(expression) as v").fields.first?.type == type)
    }

    @Test func functionsApplyToEveryRow() throws {
        #expect(try LangFixtures.column("people select upper(substr(name, 1, 1)) as initial")
                == ["A", "B", "C", "D", "É", "F"])
        #expect(try LangFixtures.column("people where year(joined) = 2022 select id") == [1, 4, 6])
        #expect(try LangFixtures.column("people sort by length(name) desc, id select id") == [3, 5, 6, 1, 2, 4])
    }

    @Test func coalesceGivesAValueOfItsUnifiedType() throws {
        // coalesce(decimal, integer) is a decimal expression, so its integer argument must widen:
        // arithmetic on it is decimal arithmetic, and its text is a decimal's.
        let prepared = try Engine(dataset: LangFixtures.dataset).prepare("numbers select coalesce(null * 1.5, i) * 2 as v")
        #expect(prepared.fields.first?.type == .decimal)
        let text = try LangFixtures.value("people where id = 3 select concat(coalesce(score, age)) as v")
        #expect(text == "25")   // an integer widened to a decimal has scale 0
        let value = try LangFixtures.value("numbers where label = \"one\" select coalesce(null * 1.5, i) * 2 as v")
        #expect(value == .decimal(2))
    }

    @Test func functionsOnTheBuiltInData() throws {
        let rows = try LangFixtures.rows(
            "operations where start_date is not null select name, year(start_date) as y, month(start_date) as m, day(end_date) as d",
            in: .builtIn)
        #expect(rows == [["Weka II", 2022, 6, 17]])
    }
}
