// replace, left, right and the || operator.

import Testing
import WekaQL

@Suite struct TextFunctionTests {
    /// Each value is DuckDB's for the same SQL (`select replace('banana', 'an', 'AN')`, …).
    @Test(arguments: [
        ("replace(\"banana\", \"an\", \"AN\")", "bANANa"), ("replace(\"abc\", \"\", \"x\")", "abc"), ("replace(\"aaa\", \"a\", \"aa\")", "aaaaaa"),
        ("replace(\"Côte d'Ivoire\", \"ô\", \"o\")", "Cote d'Ivoire"),
        ("left(\"hello\", 2)", "he"), ("left(\"hello\", -2)", "hel"), ("left(\"hello\", 0)", ""), ("left(\"abc\", 10)", "abc"),
        ("right(\"hello\", 2)", "lo"), ("right(\"hello\", -2)", "llo"), ("right(\"abc\", -5)", ""), ("left(\"Côte\", 2)", "Cô"),
        ("right(\"Côte\", 3)", "ôte"),
        ("\"a\" || 1 + 2", "a3"), ("1 || 2", "12"), ("\"x\" || true", "xtrue"), ("\"x\" || 2.5", "x2.5"),
        ("\"x\" || joined", "x2022-06-12"), ("name || \"/\" || city", "Ana/Lomé"),
        ("\"a\" || null", .null), ("\"a\" || \"b\" || null", .null), ("left(null, 2)", .null), ("replace(name, null, \"x\")", .null),
    ] as [(String, Value)])
    func computesAsDuckDB(_ expression: String, _ value: Value) throws {
        #expect(try LangFixtures.value("people where id = 1 select \(expression) as v") == value)
    }

    @Test func concatenationBindsTighterThanComparison() throws {
        #expect(try LangFixtures.value("people where id = 1 select \"x\" || \"y\" = \"xy\" as v") == true)
        #expect(try LangFixtures.column("people where name || city = \"AnaLomé\" select id") == [1])
        // A null side is null, so `where` drops the row (Chloé has no city).
        #expect(try LangFixtures.column("people where name || city is null select id") == [3])
    }

    @Test func concatenationMayEndALine() throws {
        #expect(try LangFixtures.value("people where id = 1 select name ||\n city as v") == "AnaLomé")
    }

    static let errors: [ExpectedDiagnostic] = [
        ExpectedDiagnostic(source: "people select replace(name, 1, \"x\")", code: .argumentType, line: 1, column: 29, width: 1,
                           message: "replace(text, from, to) needs text here, found integer"),
        ExpectedDiagnostic(source: "people select left(name, \"2\")", code: .argumentType, line: 1, column: 26, width: 3,
                           message: "left(text, count) needs an integer here, found string"),
        ExpectedDiagnostic(source: "people select right(age, 2)", code: .argumentType, line: 1, column: 21, width: 3,
                           message: "right(text, count) needs text here, found integer"),
        ExpectedDiagnostic(source: "people select left(name)", code: .argumentCount, line: 1, column: 15, width: 10,
                           message: "wrong number of arguments (1) to left(text, count)", hints: ["call it as left(text, count)"]),
        ExpectedDiagnostic(source: "people select name + \"!\"", code: .typeMismatch, line: 1, column: 15, width: 4,
                           message: "\"+\" needs a number, found string", hints: ["join text with a || b"]),
    ]

    @Test(arguments: errors)
    func misusesArePlacedErrors(_ expected: ExpectedDiagnostic) {
        let diagnostics = LangFixtures.diagnostics(expected.source)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.description))")
        expected.check(diagnostics.first)
    }
}
