// Rendering diagnostics: `file:line:col: error[CODE]: message`, the source line, a caret sized in
// characters, and `help:` lines; plus the JSON form for tools.

import Testing
import WekaQL

@Suite struct DiagnosticRenderingTests {
    static func first(_ text: String, name: String = "-e", in dataset: Dataset = LangFixtures.dataset) throws -> Diagnostic {
        try #require(Engine(dataset: dataset).check(SourceFile(name: name, text: text)).first)
    }

    @Test func theReadmeExampleRendersExactly() throws {
        let diagnostic = try Self.first("arrests where contry = \"Togo\"", in: .builtIn)
        #expect(DiagnosticRenderer().render(diagnostic) == """
            -e:1:15: error[E0201]: unknown field "contry" in arrests
            arrests where contry = "Togo"
                          ^~~~~~
            help: did you mean "country"? (fields: country, arrested, suspects, nationality, offence, place, linked_operation, notice, …)
            """)
        #expect(diagnostic.description == DiagnosticRenderer().render(diagnostic))
    }

    @Test func aDiagnosticWithSeveralHints() throws {
        let diagnostic = try Self.first("peple count", name: "script.wql")
        #expect(DiagnosticRenderer().render(diagnostic) == """
            script.wql:1:1: error[E0200]: unknown collection "peple"
            peple count
            ^~~~~
            help: did you mean "people"?
            help: collections: people, cities, numbers, empty, nothing
            """)
    }

    @Test func aDiagnosticWithoutHints() throws {
        let diagnostic = try Self.first("people where name @ 2")
        #expect(DiagnosticRenderer().render(diagnostic) == """
            -e:1:19: error[E0001]: unexpected character "@"
            people where name @ 2
                              ^
            """)
    }

    @Test func caretsCountCharactersNotBytes() throws {
        let diagnostic = try Self.first("people where city = \"Lomé\" and nme = \"Émile\"")
        #expect(DiagnosticRenderer().render(diagnostic) == """
            -e:1:32: error[E0201]: unknown field "nme" in people
            people where city = "Lomé" and nme = "Émile"
            \(String(repeating: " ", count: 31))^~~
            help: did you mean "name"? (fields: id, name, city, age, score, active, joined)
            """)
    }

    @Test func aCaretUnderAccentedTextIsAsWideAsItsCharacters() throws {
        let diagnostic = try Self.first("people where age = \"Émile\"")
        let lines = DiagnosticRenderer().render(diagnostic).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "people where age = \"Émile\"")
        #expect(lines[2] == String(repeating: " ", count: 19) + "^~~~~~~")
    }

    @Test func tabsBeforeTheCaretAreKept() throws {
        let diagnostic = try Self.first("people count\n\tpeople wher x")
        let lines = DiagnosticRenderer().render(diagnostic).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "-e:2:9: error[E0103]: unknown stage \"wher\"")
        #expect(lines[1] == "\tpeople wher x")
        #expect(lines[2] == "\t       ^~~~")
    }

    @Test func aLineEndingInCRLFIsShownWithoutTheCarriageReturn() throws {
        let diagnostic = try Self.first("people count\r\npeople wher x\r\n")
        let lines = DiagnosticRenderer().render(diagnostic).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "-e:2:8: error[E0103]: unknown stage \"wher\"")
        #expect(lines[1] == "people wher x")
        #expect(lines[2] == "       ^~~~")
    }

    @Test func anErrorAtTheEndOfTheInputPointsJustAfterTheText() throws {
        let diagnostic = try Self.first("people where")
        #expect(DiagnosticRenderer().render(diagnostic) == """
            -e:1:13: error[E0102]: expected an expression, found the end of the input
            people where
                        ^
            """)
    }

    @Test func aRangeOverSeveralLinesIsUnderlinedToTheEndOfItsFirstLine() throws {
        let diagnostic = try Self.first("people select name,\n  name")
        #expect(diagnostic.code == .duplicateColumn)
        let multi = try Self.first("people count by city,\n  city")
        #expect(multi.code == .duplicateColumn)
        let lines = DiagnosticRenderer().render(multi).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "-e:1:8: error[E0203]: column \"city\" appears twice in the result")
        #expect(lines[1] == "people count by city,")
        #expect(lines[2] == String(repeating: " ", count: 7) + "^" + String(repeating: "~", count: 13))
    }

    @Test func aRuntimeErrorRendersWithItsPlace() throws {
        let diagnostic = try #require(LangFixtures.failure("numbers select i + 1 as v"))
        #expect(DiagnosticRenderer().render(diagnostic) == """
            <query>:1:16: error[E0400]: integer overflow
            numbers select i + 1 as v
                           ^~~~~
            help: integers are 64-bit; use a decimal (for example 1.0 * x) for larger results
            """)
    }

    @Test func aNoteRendersAsANote() throws {
        var engine = Engine()
        let note = try #require(try engine.run("countries where country = \"Cote d'Ivoire\"").first?.notes.first)
        #expect(DiagnosticRenderer().render(note) == """
            <query>:1:27: note[N0600]: no rows; "Cote d'Ivoire" is not a country here — did you mean "Côte d'Ivoire"?
            countries where country = "Cote d'Ivoire"
                                      ^~~~~~~~~~~~~~~
            """)
    }

    @Test func aDiagnosticWithoutAPlace() {
        let bare = Diagnostic(code: .cannotRead, message: "cannot read \"x.csv\": no such file")
        #expect(DiagnosticRenderer().render(bare) == "wekaql: error[E0500]: cannot read \"x.csv\": no such file")
        let unplaced = Diagnostic(code: .unboundParameter, message: "no value given for parameter $c",
                                  file: SourceFile(name: "-e", text: "x"), hints: ["pass it"])
        #expect(DiagnosticRenderer().render(unplaced) == "-e: error[E0204]: no value given for parameter $c\nhelp: pass it")
    }

    @Test func coloursAreOffByDefaultAndOnWhenAsked() throws {
        let diagnostic = try Self.first("peple count")
        let plain = DiagnosticRenderer().render(diagnostic)
        let colored = DiagnosticRenderer(colored: true).render(diagnostic)
        #expect(!plain.contains("\u{1B}["))
        #expect(colored.contains("\u{1B}[31merror[E0200]\u{1B}[0m"))
        #expect(colored.contains("\u{1B}[32m^~~~~\u{1B}[0m"))
        #expect(colored.contains("\u{1B}[36mhelp\u{1B}[0m: did you mean \"people\"?"))
    }

    @Test func theJSONFormCarriesEveryPart() throws {
        let diagnostic = try Self.first("people where nme = 1")
        #expect(DiagnosticRenderer().json(diagnostic) == """
            {"code":"E0201","severity":"error","message":"unknown field \\"nme\\" in people","file":"-e",\
            "line":1,"column":14,"end_line":1,"end_column":17,"start_offset":13,"end_offset":16,\
            "hints":["did you mean \\"name\\"? (fields: id, name, city, age, score, active, joined)"]}
            """)
        let bare = Diagnostic(code: .cannotRead, message: "cannot read")
        #expect(DiagnosticRenderer().json(bare)
                == #"{"code":"E0500","severity":"error","message":"cannot read","file":null,"line":null,"column":null,"hints":[]}"#)
    }

    @Test func everyCodeIsStableAndUnique() {
        let codes = Diagnostic.Code.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.count == 5 && ["E", "W", "N"].contains($0.prefix(1)) })
        #expect(Diagnostic.Code.unknownField.rawValue == "E0201")
        #expect(Diagnostic.Code.unterminatedString.rawValue == "E0002")
        #expect(Diagnostic.Code.integerOverflow.rawValue == "E0400")
        #expect(Diagnostic.Code.noMatch.rawValue == "N0600")
    }

    @Test(arguments: [
        "people where name = \"a\\qb\"", "people where", "peple count", "people where nme = 1", "people select sum(age)",
        "people where (age", "people sort name", "people where name @ 1", "people where age = \"x\"",
    ])
    func everyMessageIsOneLowerCaseLine(_ source: String) throws {
        for diagnostic in LangFixtures.diagnostics(source) {
            #expect(!diagnostic.message.contains("\n"))
            #expect(diagnostic.message.first?.isLowercase == true || diagnostic.message.first == "\"")
            #expect(diagnostic.location != nil)
        }
    }
}
