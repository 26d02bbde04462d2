// Where statements end: `;`, line breaks, and the rules by which a line continues the statement above.

import Testing
import WekaQL

@Suite struct LayoutTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var source: String
        /// The text of each statement, in order.
        var statements: [String]
        var testDescription: String { source.replacingOccurrences(of: "\n", with: "⏎") }
    }

    /// The text of each statement `text` parses into; requires no diagnostics.
    static func statements(_ text: String) throws -> [String] {
        let file = SourceFile(name: "-e", text: text)
        let (program, diagnostics) = Parser.parse(file)
        try #require(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        return program.statements.map { file.text(in: $0.range) }
    }

    static let cases: [Case] = [
        Case(source: "people count\ncities count", statements: ["people count", "cities count"]),
        Case(source: "people count; cities count", statements: ["people count", "cities count"]),
        Case(source: "people count;;\n;cities count;", statements: ["people count", "cities count"]),
        Case(source: "people count\n\n\ncities count\n", statements: ["people count", "cities count"]),
        Case(source: "\n\npeople count", statements: ["people count"]),
        Case(source: "# a comment\npeople count # trailing\n# another\ncities count", statements: ["people count", "cities count"]),
        // A line starting with `|` or a stage keyword continues.
        Case(source: "people\n| where age > 2\n| count", statements: ["people\n| where age > 2\n| count"]),
        Case(source: "people\nwhere age > 2\ncount", statements: ["people\nwhere age > 2\ncount"]),
        Case(source: "people\n  sort by age\n  limit 2", statements: ["people\n  sort by age\n  limit 2"]),
        Case(source: "people\n  select name\n  distinct\n  order by name", statements: ["people\n  select name\n  distinct\n  order by name"]),
        Case(source: "people\n  summarize n = count()\n  select n", statements: ["people\n  summarize n = count()\n  select n"]),
        Case(source: "people\n  join cities on city\n  left join cities on city = city", statements: ["people\n  join cities on city\n  left join cities on city = city"]),
        Case(source: "people\n  inner join cities on city", statements: ["people\n  inner join cities on city"]),
        Case(source: "people where age > 2\nORDER BY age", statements: ["people where age > 2\nORDER BY age"]),
        Case(source: "people\n# why\n| count", statements: ["people\n# why\n| count"]),
        Case(source: "people\n\n  | count", statements: ["people\n\n  | count"]),
        Case(source: "people where age > 2\n  and name = \"Ana\"", statements: ["people where age > 2\n  and name = \"Ana\""]),
        Case(source: "people where age > 2\n  or name = \"Ana\"", statements: ["people where age > 2\n  or name = \"Ana\""]),
        // A line ending inside brackets, after `,`, `|` or an operator continues.
        Case(source: "people where age in (1,\n 2\n)", statements: ["people where age in (1,\n 2\n)"]),
        Case(source: "people select lower(\nname\n)", statements: ["people select lower(\nname\n)"]),
        Case(source: "people select name,\n age", statements: ["people select name,\n age"]),
        Case(source: "people |\n count", statements: ["people |\n count"]),
        Case(source: "people where age >\n 2", statements: ["people where age >\n 2"]),
        Case(source: "people where age =\n 2", statements: ["people where age =\n 2"]),
        Case(source: "people where age !=\n 2", statements: ["people where age !=\n 2"]),
        Case(source: "people where age <=\n 2", statements: ["people where age <=\n 2"]),
        Case(source: "people where name =~\n \"ana\"", statements: ["people where name =~\n \"ana\""]),
        Case(source: "people select age +\n 1 as n", statements: ["people select age +\n 1 as n"]),
        Case(source: "people select age -\n 1 as n", statements: ["people select age -\n 1 as n"]),
        Case(source: "people select age /\n 2 as n", statements: ["people select age /\n 2 as n"]),
        Case(source: "people select age %\n 2 as n", statements: ["people select age %\n 2 as n"]),
        // … or after a keyword that needs more.
        Case(source: "people where\n age > 2", statements: ["people where\n age > 2"]),
        Case(source: "people where age > 2 and\n age < 9", statements: ["people where age > 2 and\n age < 9"]),
        Case(source: "people sort by\n age", statements: ["people sort by\n age"]),
        Case(source: "people count by\n city", statements: ["people count by\n city"]),
        Case(source: "people where name contains\n \"a\"", statements: ["people where name contains\n \"a\""]),
        Case(source: "people where age between 1 and\n 40", statements: ["people where age between 1 and\n 40"]),
        Case(source: "people where age is not\n null", statements: ["people where age is not\n null"]),
        Case(source: "people select name as\n n", statements: ["people select name as\n n"]),
        Case(source: "people join cities on\n city", statements: ["people join cities on\n city"]),
        Case(source: "let a =\n people", statements: ["let a =\n people"]),
        // Words that can end a statement do end it.
        Case(source: "people select *\ncities count", statements: ["people select *", "cities count"]),
        Case(source: "people distinct\ncities count", statements: ["people distinct", "cities count"]),
        Case(source: "people sort by age desc\ncities count", statements: ["people sort by age desc", "cities count"]),
        Case(source: "people sort by age asc\ncities count", statements: ["people sort by age asc", "cities count"]),
        Case(source: "people where age is null\ncities count", statements: ["people where age is null", "cities count"]),
        Case(source: "people where active = true\ncities count", statements: ["people where active = true", "cities count"]),
        Case(source: "people count\ncities count", statements: ["people count", "cities count"]),
        Case(source: "let a = people\n  where age > 2\na count", statements: ["let a = people\n  where age > 2", "a count"]),
    ]

    @Test(arguments: cases)
    func splitsStatements(_ c: Case) throws {
        #expect(try Self.statements(c.source) == c.statements)
    }

    @Test func aLineEndingInMultiplicationContinues() {
        // `*` is a binary operator here (after an operand), not `select *`.
        let file = SourceFile(name: "-e", text: "people select age *\n 2 as n")
        let (program, diagnostics) = Parser.parse(file)
        #expect(diagnostics.isEmpty)
        #expect(program.statements.map { file.text(in: $0.range) } == ["people select age *\n 2 as n"])
    }

    @Test func aSemicolonClosesOpenBrackets() {
        let file = SourceFile(name: "-e", text: "people where (age > 2; people count")
        let (program, diagnostics) = Parser.parse(file)
        #expect(diagnostics.map(\.code) == [.unclosedParenthesis])
        #expect(program.statements.map { file.text(in: $0.range) } == ["people count"])
    }

    @Test func positionsAfterASemicolonAndOnLaterLines() {
        let sameLine = LangFixtures.diagnostics("people count; people wher x")
        #expect(sameLine.first?.location?.line == 1)
        #expect(sameLine.first?.location?.column == 22)
        let laterLine = LangFixtures.diagnostics("people count\n\n  people wher x")
        #expect(laterLine.first?.location?.line == 3)
        #expect(laterLine.first?.location?.column == 10)
    }

    @Test func aContinuedStatementRunsAsOne() throws {
        let rows = try LangFixtures.rows("people\n  where age > 26\n  | sort by age desc, id\n  select id, age")
        #expect(rows == [[5, 41], [1, 30], [4, 30]])
    }

    @Test func eachStatementHasItsOwnResult() throws {
        var engine = Engine(dataset: LangFixtures.dataset)
        let results = try engine.run("people count\ncities count; empty count")
        #expect(results.map { $0.table.map(\.values) } == [[[6]], [[4]], [[0]]])
    }

    // MARK: - Completeness, for the shell

    @Test(arguments: [
        ("people count", true),
        ("", true),
        ("people count;", true),
        ("people select *", true),
        ("people sort by age desc", true),
        ("people where x = 1 # (", true),
        ("people | # more to come", false),
        ("people count\ncities count", true),
        ("people |", false),
        ("people where", false),
        ("people where age >", false),
        ("people where age > 2 and", false),
        ("people where (age > 2", false),
        ("people select name,", false),
        ("people count by", false),
        ("people where name = \"abc", false),
        ("let a =", false),
    ])
    func knowsWhetherTextIsComplete(_ text: String, _ complete: Bool) {
        #expect(Layout.isComplete(text) == complete)
    }
}
