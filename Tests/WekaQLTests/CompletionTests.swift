// Completion and statement completeness, through the public API a shell uses: text and cursor in, candidates out.

import Testing
import WekaQL

/// The cursor marker in test texts; without one, the cursor is at the end.
private let caret: Character = "‸"

/// Completions for `text`, whose `‸` (or end) is the cursor, on the built-in data unless given an engine.
private func complete(_ text: String, engine: Engine = Engine(), commands: [CommandSyntax] = [],
                      files: [String: [DirectoryEntry]] = [:]) -> Completions {
    let cursor = text.firstIndex(of: caret).map { text[..<$0].utf8.count } ?? text.utf8.count
    let plain = text.filter { $0 != caret }
    return engine.completions(for: plain, cursor: cursor, commands: commands) { files[$0] ?? [] }
}

private func texts(_ text: String, engine: Engine = Engine()) -> [String] {
    complete(text, engine: engine).candidates.map(\.text)
}

private let arrestsFields = ["country", "arrested", "suspects", "nationality", "offence", "place", "linked_operation",
                             "notice", "notice_published_by", "allegation", "source"]

/// The shell's commands, as the shell declares them.
private let commands = [
    CommandSyntax(name: "schema", argument: .collection), CommandSyntax(name: "mode", argument: .choices(["table", "csv", "json"])),
    CommandSyntax(name: "read", argument: .path(extensions: [])), CommandSyntax(name: "data", argument: .path(extensions: ["csv"])),
    CommandSyntax(name: "quit"), CommandSyntax(name: "maxrows", argument: .text),
]

@Suite struct CompletionTests {
    // MARK: - Names and keywords

    /// (text with cursor, the candidates expected exactly)
    static let exact: [(String, [String])] = [
        ("arr", ["arrests"]),
        ("  a", ["arrests"]),
        ("le", ["let"]),
        ("let x = vic", ["victims"]),
        ("arrests wh", ["where", "why", "why not"]),
        ("arrests whe", ["where"]),
        ("arrests WH", ["where", "why", "why not"]),
        ("arrests WHE", ["where"]),
        ("arrests | so", ["sort by"]),
        ("arrests | where arrested > 1 | cou", ["count", "count by"]),
        ("arrests where arrested > 1 li", ["limit"]),
        ("arrests where arr", ["arrested"]),
        ("arrests where coun", ["country"]),
        ("arrests where lo", ["lower("]),
        ("arrests where country a", ["and", "anti join"]),
        ("arrests where country st", ["starts with"]),
        ("arrests where place is ", ["null", "not null"]),
        ("arrests where place is not ", ["null"]),
        ("arrests where country starts ", ["with"]),
        ("arrests sort ", ["by"]),
        ("arrests sort by arrested d", ["desc", "drop", "distinct"]),
        ("arrests ex", ["extend"]),
        ("arrests extend twice = arr", ["arrested"]),
        ("arrests rename offence ", ["as"]),
        ("arrests rename offence as crime, nat", ["nationality"]),
        ("arrests drop sus", ["suspects"]),
        ("arrests top 3 ", ["by"]),
        ("arrests top 3 by arrested de", ["desc"]),
        ("arrests rename country as land | where la", ["land"]),
        ("arrests count ", ["by"] + Vocabulary.stages),
        ("arrests count by ", arrestsFields),
        ("arrests count by offence, na", ["nationality"]),
        ("arrests limit 3 ", ["offset"] + Vocabulary.stages),
        ("arrests limit 3 offset ", []),
        ("arrests select country as ", []),
        ("arrests select country as c ", Vocabulary.stages),
        ("arrests join ", ["operations", "figures", "countries", "arrests", "victims", "smuggling", "items", "other_crimes",
                           "partners", "funders", "statements", "captions"]),
        ("arrests join cou", ["countries"]),
        ("arrests join countries ", ["on"]),
        ("arrests left ", ["join"]),
        ("arrests left join countries on coun", ["country"]),
        ("arrests u", ["union", "union distinct", "unnest", "unpivot"]),
        ("arrests f", ["full join"]),
        ("arrests s", ["select", "sort by", "summarize", "semi join"]),
        ("arrests union vic", ["victims"]),
        ("arrests union distinct vic", ["victims"]),
        ("arrests union d", ["distinct"]),
        ("arrests union victims w", ["where", "why", "why not"]),
        ("arrests semi join countries ", ["on"]),
        ("arrests anti join countries on coun", ["country"]),
        ("arrests full join countries on country, nat", ["nationality"]),
        ("arrests join countries on country and nat", ["nationality"]),
        ("arrests join countries on country = country a", ["and", "anti join"]),
        ("arrests join countries on country, country = is", ["iso2", "iso3"]),
        ("arrests join countries on country = is", ["iso2", "iso3"]),
        ("arrests summarize n = su", ["sum("]),
        ("arrests summarize n = sum(arrested) ", ["by"] + Vocabulary.stages),
        ("arrests summarize n = sum(arrested) by off", ["offence"]),
        ("arrests summarize n = sum(ar", ["arrested"]),
        ("arrests # where co", []),
        ("arrests limit 1", []),
        ("nowhere wh", ["where", "why", "why not"]),
        ("arrests wh‸ere", ["where", "why", "why not"]),
        ("arrests whe‸re", ["where"]),
        // why ends the query; why not's condition is over the source's fields, with the source's values
        ("arrests count by offence | wh", ["where", "why", "why not"]),
        ("arrests count by offence why ", ["not"]),
        ("arrests count by offence | why w", []),
        ("arrests count by offence | why not coun", ["country"]),
        ("arrests count by offence | why not country = \"Tog", ["\"Togo\""]),
        ("arrests count | why not arrested > 3 ", ["and", "or", "not", "in", "is", "between", "contains", "starts with", "ends with", "matches"]),
    ]

    @Test(arguments: exact)
    func candidates(_ text: String, _ expected: [String]) {
        #expect(texts(text) == expected, "\(text)")
    }

    @Test func startOfStatementOffersSourcesAndLet() {
        let names = texts("")
        #expect(names.prefix(3) == ["operations", "figures", "countries"])
        #expect(names.last == "let")
        #expect(texts("arrests count; ").contains("arrests"))
        #expect(texts("arrests count\n").contains("victims"))
    }

    @Test func afterSourceOffersTheStages() {
        #expect(texts("arrests ") == Vocabulary.stages)
        #expect(texts("arrests | ") == Vocabulary.stages)
    }

    @Test func operandOffersFieldsThenFunctions() {
        let names = texts("arrests where ")
        #expect(Array(names.prefix(arrestsFields.count)) == arrestsFields)
        #expect(names.contains("lower(") && names.contains("year("))
        #expect(!names.contains("sum("))
        #expect(texts("arrests summarize ").allSatisfy { $0.hasSuffix("(") })
        #expect(texts("arrests summarize ").contains("count_distinct("))
    }

    @Test func afterAConditionOffersConnectivesAndStages() {
        let names = texts("arrests where country = \"Togo\" ")
        #expect(names.prefix(2) == ["and", "or"])
        #expect(names.contains("select") && names.contains("sort by"))
    }

    // MARK: - Fields where the cursor is

    @Test func fieldsAfterSelectAreTheSelectedOnes() {
        #expect(texts("arrests select country, arrested | where ").prefix(3) == ["country", "arrested", "abs("])
        #expect(texts("arrests select country as land | sort by l") == ["land", "left(", "length(", "lower("])
    }

    @Test func fieldsAfterCountAndSummarize() {
        #expect(texts("arrests count by offence | where ").prefix(2) == ["offence", "count"])
        #expect(texts("arrests summarize people = sum(arrested) by offence | sort by p") == ["people"])
    }

    @Test func fieldsAfterJoinIncludeTheJoinedOnes() {
        #expect(texts("arrests join countries on country | where conti") == ["continent"])
        #expect(texts("arrests join countries on country select iso") == ["iso2", "iso3"])
    }

    @Test func fieldsOfALetBinding() {
        var engine = Engine()
        _ = try? engine.run("let togo = arrests where country = \"Togo\" select country, arrested")
        #expect(complete("to", engine: engine).candidates.map(\.kind) == [.binding])
        #expect(texts("togo where ", engine: engine).prefix(2) == ["country", "arrested"])
        // A binding made earlier in the same text counts too.
        #expect(texts("let a = arrests count by offence; a where o").first == "offence")
    }

    @Test func fieldsWhenAnEarlierStageIsWrong() {
        // The stage before does not check: fall back to the fields before it.
        #expect(texts("arrests where nosuch > 1 | where arr") == ["arrested"])
    }

    @Test func namesThatAreNotBareAreBackQuoted() throws {
        let table = try Table(columns: ["first name", "where", "count"], rows: [[.string("Ada"), .integer(1), .integer(2)]])
        let engine = Engine(dataset: Dataset(collections: [.init(name: "people", table: table)]))
        #expect(texts("people where ", engine: engine).prefix(3) == ["`first name`", "`where`", "count"])
        #expect(texts("people where fir", engine: engine) == ["`first name`"])
        #expect(texts("people where `fi", engine: engine) == ["`first name`"])
    }

    // MARK: - Values

    @Test func valuesOfTheComparedField() {
        let found = complete("arrests where country = \"T")
        #expect(found.candidates.map(\.text) == ["\"Togo\""])
        #expect(found.candidates.map(\.kind) == [.value])
        #expect(found.insertion == "\"Togo\" ")
        #expect(found.range == SourceRange(24, 26))
        #expect(found.word == "\"T")
    }

    @Test func valuesIgnoreCaseAndAccents() {
        #expect(texts("arrests where country = \"t") == ["\"Togo\""])
        #expect(texts("arrests where country = \"cote") == ["\"Côte d'Ivoire\""])
        #expect(texts("arrests where country =~ \"CÔTE") == ["\"Côte d'Ivoire\""])
        #expect(texts("arrests where country = cote") == ["\"Côte d'Ivoire\""])
    }

    @Test func valuesWithoutAQuoteYet() {
        let names = texts("arrests where country = ")
        #expect(names.first == "\"Cameroon\"")
        #expect(names.count == 8)
        #expect(texts("arrests where country != \"G") == ["\"Gabon\"", "\"Gambia\""])
        #expect(complete("arrests where country != \"G").insertion == "\"Ga")
    }

    @Test func valuesInAnInList() {
        let found = complete("arrests where country in (\"Togo\", \"Mo")
        #expect(found.candidates.map(\.text) == ["\"Morocco\""])
        #expect(found.insertion == "\"Morocco\"")
        #expect(texts("arrests where country not in (\"Ga") == ["\"Gabon\"", "\"Gambia\""])
        #expect(texts("countries where country in (\"T") == ["\"Tanzania\"", "\"Togo\"", "\"Tunisia\""])
    }

    /// A value from a hostile file completes to a literal with its controls as `\u{…}` escapes: the same
    /// value when run, and nothing that drives the terminal on the line or in the list of candidates.
    @Test func valuesWithControlCharactersAreEscapedLiterals() throws {
        let table = try Table(columns: ["v"], rows: [["x\u{1B}]0;pwned\u{07}y"], ["\u{202E}abc"], ["x\u{9B}2J"]])
        let engine = Engine(dataset: Dataset(collections: [.init(name: "t", table: table)]))
        #expect(texts("t where v = \"x", engine: engine) == [#""x\u{1B}]0;pwned\u{7}y""#, #""x\u{9B}2J""#])
        #expect(texts("t where v = ", engine: engine).contains(#""\u{202E}abc""#))
        let result = try LangFixtures.table(#"t where v = "x\u{1B}]0;pwned\u{7}y" count"#, in: engine.dataset)
        #expect(result[0, 0] == .integer(1))
    }

    @Test func valuesAreThoseAtThatPoint() {
        // Only the countries of Africa are left when the value is typed.
        let names = texts("countries where continent = \"Africa\" | where country = \"")
        #expect(names.contains("\"Togo\""))
        #expect(!names.contains("\"Brazil\""))
        #expect(texts("countries where country starts with \"Tu") == ["\"Tunisia\""])
    }

    @Test func numbersHaveNoValues() {
        #expect(texts("arrests where arrested = ").first == "country")
    }

    // MARK: - Insertion

    @Test func insertionIsTheSharedPrefixOrTheOnlyCandidate() {
        #expect(complete("arr").insertion == "arrests ")
        #expect(complete("arrests where lo").insertion == "lower(")
        #expect(complete("arrests | cou").insertion == "count")
        #expect(complete("arrests where ").insertion == nil)
        #expect(complete("arrests where zzz").insertion == nil)
        // A shared prefix that says no more than the word (here only its case) is not inserted: list them.
        #expect(complete("countries where country = \"t").insertion == nil)
        #expect(complete("countries where country = \"tu").insertion == "\"Tunisia\" ")
    }

    @Test func rangeIsInBytesUpToTheCursor() {
        let text = "countries where country = \"Côte\" and continent = \"Af"
        let found = complete(text)
        #expect(found.range.end == text.utf8.count)
        #expect(found.candidates.map(\.text) == ["\"Africa\""])
        let middle = complete("arrests wh‸ere country")
        #expect(middle.range == SourceRange(8, 10))
        #expect(middle.word == "wh")
    }

    // MARK: - Shell commands

    @Test func commandNames() {
        let found = complete(".sch", commands: commands)
        #expect(found.candidates.map(\.text) == [".schema"])
        #expect(found.insertion == ".schema ")
        #expect(complete(".q", commands: commands).insertion == ".quit")
        #expect(complete(".", commands: commands).candidates.count == commands.count)
        #expect(complete(".sch").candidates.isEmpty)   // without commands, no command completion
    }

    @Test func commandArguments() {
        #expect(complete(".mode c", commands: commands).candidates.map(\.text) == ["csv"])
        #expect(complete(".schema vi", commands: commands).candidates.map(\.text) == ["victims"])
        #expect(complete(".maxrows 4", commands: commands).candidates.isEmpty)
        #expect(complete(".nosuch x", commands: commands).candidates.isEmpty)
    }

    @Test func filePaths() {
        let files = [
            ".": [DirectoryEntry(name: "data", isDirectory: true), DirectoryEntry(name: "notes.txt", isDirectory: false),
                  DirectoryEntry(name: ".hidden", isDirectory: false)],
            "data/": [DirectoryEntry(name: "arrests.csv", isDirectory: false), DirectoryEntry(name: "a.json", isDirectory: false)],
        ]
        let folder = complete(".read d", commands: commands, files: files)
        #expect(folder.candidates.map(\.text) == ["data/"])
        #expect(folder.insertion == "data/")
        #expect(complete(".read ", commands: commands, files: files).candidates.map(\.text) == ["data/", "notes.txt"])
        #expect(complete(".read .h", commands: commands, files: files).candidates.map(\.text) == [".hidden"])
        let file = complete(".data data/a", commands: commands, files: files)
        #expect(file.candidates.map(\.text) == ["data/arrests.csv"])
        #expect(file.range == SourceRange(6, 12))
    }

    // MARK: - Statement completeness

    static let completeness: [(String, Bool)] = [
        ("arrests count", true),
        ("arrests |", false),
        ("arrests where", false),
        ("arrests where country = \"Togo", false),
        ("arrests where country = \"Togo\"", true),
        ("arrests where country in (\"Togo\",", false),
        ("arrests where country in (\"Togo\"", false),
        ("arrests where arrested >", false),
        ("arrests select country,", false),
        ("arrests |\ncount", true),
        ("arrests count; victims |", false),
        ("arrests count # a comment |", true),
        ("", true),
    ]

    @Test(arguments: completeness)
    func statementCompleteness(_ text: String, _ complete: Bool) {
        #expect(Layout.isComplete(text) == complete, "\(text)")
    }
}
