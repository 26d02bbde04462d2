// Casts (README "Casts"): each conversion rule, the run-time error that names the value, the check-time
// error for a constant, and the try_ forms that give null instead.

import Testing
@testable import WekaQL

@Suite struct CastTests {
    static func value(_ expression: String) throws -> Value {
        try LangFixtures.value("people where id = 1 select \(expression) as v")
    }

    @Test(arguments: [
        ("int(42)", Value.integer(42)), ("int(2.5)", 3), ("int(-2.5)", -3), ("int(float(1.49))", 1), ("int(true)", 1),
        ("int(\"007\")", 7), ("int(\" +5 \")", 5), ("int(\"1.5\")", 2), ("int(null)", .null),
        ("decimal(3)", .decimal(3)), ("decimal(\"1.50\")", .decimal(ExactDecimal("1.50")!)), ("decimal(\".5\")", .decimal(0.5)),
        ("decimal(\"1.5e3\")", .decimal(ExactDecimal("1500.0")!)), ("decimal(float(0.1))", .decimal(0.1)), ("decimal(false)", .decimal(0)),
        ("float(1.25)", .float(1.25)), ("float(\"1e3\")", .float(1000)), ("float(7)", .float(7)), ("float(true)", .float(1)),
        ("string(42)", "42"), ("string(1.50)", "1.50"), ("string(true)", "true"), ("string(date(\"2022-06-12\"))", "2022-06-12"),
        ("string(float(1.5e-7))", "1.5e-07"),
        ("date(\" 2022-06-12 \")", .date(LocalDate(year: 2022, month: 6, day: 12)!)),
        ("bool(\"yes\")", true), ("bool(\"F\")", false), ("bool(0)", false), ("bool(-3)", true), ("bool(0.0)", false), ("bool(\"1\")", true),
    ])
    func convertsByTheRules(_ expression: String, _ expected: Value) throws {
        let value = try Self.value(expression)
        #expect(value == expected, "\(expression)")
        #expect(value.description == expected.description, "\(expression)")
    }

    @Test(arguments: ["int", "decimal", "float", "bool", "date"])
    func aValueThatDoesNotConvertIsAnErrorNamingIt(_ function: String) throws {
        let diagnostic = try #require(LangFixtures.failure("people select \(function)(name) as v"))
        #expect(diagnostic.code == .doesNotConvert)
        #expect(diagnostic.message.contains("\"Ana\""), "\(diagnostic.message)")
        #expect(diagnostic.location?.column == 15)
        #expect(diagnostic.hints.contains { $0.contains("try_\(function)(x) gives null instead") })
    }

    @Test(arguments: ["int(\"12x\")", "decimal(\"abc\")", "float(\"1e400\")", "bool(\"maybe\")", "date(\"2022-02-30\")", "int(1e300)",
                      "decimal(\"1234567890123456789.5\")"])
    func aConstantThatDoesNotConvertIsACheckTimeError(_ expression: String) throws {
        let diagnostic = try #require(LangFixtures.failure("empty select \(expression) as v"))
        #expect(diagnostic.code == .constantDoesNotConvert, "\(expression)")
    }

    @Test(arguments: [
        ("try_int(\"12x\")", Value.null), ("try_int(\"12\")", 12), ("try_decimal(\"abc\")", .null), ("try_decimal(\"2.50\")", .decimal(ExactDecimal("2.50")!)),
        ("try_float(\"x\")", .null), ("try_float(\"2\")", .float(2)), ("try_bool(\"maybe\")", .null), ("try_bool(\"no\")", false),
        ("try_date(\"2022-02-30\")", .null), ("try_date(\"2022-02-28\")", .date(LocalDate(year: 2022, month: 2, day: 28)!)),
        ("try_string(5)", "5"), ("try_int(9.3e18)", .null), ("try_int(null)", .null),
    ])
    func tryFormsGiveNullInstead(_ expression: String, _ expected: Value) throws {
        #expect(try Self.value(expression) == expected, "\(expression)")
    }

    @Test func tryFormsGiveNullForTheRowsThatDoNotConvert() throws {
        let dataset = try LangFixtures.dataset("t", ["s"], [["42"], ["x"], [" 7 "], [.null], ["1.5"]])
        #expect(try LangFixtures.column("t select try_int(s) as v", in: dataset) == [42, .null, 7, .null, 2])
        #expect(try LangFixtures.table("t select try_int(s) as v", in: dataset).fields[0].type == .integer)
    }

    @Test(arguments: ["int(date(\"2022-06-12\"))", "date(5)", "bool(date(\"2022-06-12\"))"])
    func typesThatNeverConvertAreCheckErrors(_ expression: String) throws {
        let diagnostic = try #require(LangFixtures.failure("people select \(expression) as v"))
        #expect(diagnostic.code == .argumentType)
    }

    @Test func castResultsHaveTheirTypes() throws {
        let table = try LangFixtures.table("people limit 0 select a = int(name), b = try_decimal(name), c = float(age), d = string(age), e = try_date(name), f = try_bool(name)")
        #expect(table.fields.map(\.type) == [.integer, .decimal, .float, .string, .date, .boolean])
    }
}
