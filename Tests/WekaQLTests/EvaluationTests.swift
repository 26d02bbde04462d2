// The stages end to end: select, limit, distinct, let, and the notes that explain an empty result.

import Testing
import WekaQL

@Suite struct EvaluationTests {
    static let peopleFields = ["id", "name", "city", "age", "score", "active", "joined"]

    // MARK: - select

    @Test func selectStarKeepsEveryColumnInOrder() throws {
        let table = try LangFixtures.table("people select *")
        #expect(table.fields.map(\.name) == Self.peopleFields)
        #expect(table.map(\.values) == LangFixtures.peopleRows)
    }

    @Test(arguments: [
        ("people select name", ["name"]),
        ("people select name as n, age as `count`", ["n", "count"]),
        ("people select lower(name)", ["lower(name)"]),
        ("people select age + 1", ["age + 1"]),
        ("people select age+1, (score)", ["age+1", "score"]),
        ("people select `name`", ["name"]),
        ("people select *, age * 2 as double", peopleFields + ["double"]),
        ("people select id, *", nil),
        ("people select 1 as one, \"x\" as x", ["one", "x"]),
    ])
    func selectNamesColumns(_ query: String, _ names: [String]?) throws {
        if let names {
            #expect(try LangFixtures.names(query) == names)
        } else {
            #expect(LangFixtures.diagnostics(query).map(\.code) == [.duplicateColumn])
        }
    }

    @Test func selectComputesValuesPerRow() throws {
        let rows = try LangFixtures.rows("people where id <= 3 select id, upper(name) as n, age * 2 as a, score > 2 as high, 7 as seven")
        #expect(rows == [[1, "ANA", 60, true, 7], [2, "BOB", nil, false, 7], [3, "CHLOÉ", 50, nil, 7]])
    }

    @Test func selectKeepsTypesAndDescriptions() throws {
        let table = try LangFixtures.table("people select name, age, score, joined, active, null as nothing")
        #expect(table.fields.map(\.type) == [.string, .integer, .decimal, .date, .boolean, .null])
    }

    @Test func selectThenWhereUsesTheNewNames() throws {
        #expect(try LangFixtures.column("people select id, age * 2 as double | where double > 60 | select id") == [5])
    }

    // MARK: - limit

    @Test(arguments: [
        ("limit 2", [1, 2]), ("limit 0", []), ("limit 10", [1, 2, 3, 4, 5, 6]), ("limit 2 offset 3", [4, 5]),
        ("limit 2 offset 5", [6]), ("limit 2 offset 6", []), ("limit 2 offset 10", []), ("limit 1 offset 0", [1]),
        ("LIMIT 1 OFFSET 1", [2]),
    ] as [(String, [Value])])
    func limitTakesTheFirstRowsAfterTheOffset(_ stage: String, _ ids: [Value]) throws {
        #expect(try LangFixtures.column("people \(stage) select id") == ids)
    }

    @Test func limitTakesParameters() throws {
        var engine = Engine(dataset: LangFixtures.dataset)
        let results = try engine.run("people limit $n offset $m select id", parameters: ["n": 2, "m": 1])
        #expect(results.first?.table.map(\.values) == [[2], [3]])
    }

    @Test func aNegativeLimitParameterIsAnError() {
        var engine = Engine(dataset: LangFixtures.dataset)
        let diagnostic = #expect(throws: Diagnostic.self) {
            try engine.run("people limit $n", parameters: ["n": -1])
        }
        #expect(diagnostic?.code == .invalidArgument)
        #expect(diagnostic?.message == "limit and offset need a whole number of 0 or more")
        #expect(diagnostic?.location?.column == 14)
    }

    // MARK: - distinct

    @Test(arguments: [
        ("people distinct city", [["Lomé"], ["Accra"], [nil], ["Dakar"]]),
        ("people select city distinct", [["Lomé"], ["Accra"], [nil], ["Dakar"]]),
        ("people select age distinct", [[30], [nil], [25], [41]]),
        ("people distinct city, active", [["Lomé", true], ["Accra", false], [nil, nil], ["Dakar", false], ["Accra", true]]),
        ("people select active distinct", [[true], [false], [nil]]),
        ("people select score distinct sort by score", [[1.0], [2.5], [4.0], [nil]]),
        ("empty distinct", []),
    ] as [(String, [[Value]])])
    func distinctKeepsFirstAppearances(_ query: String, _ rows: [[Value]]) throws {
        #expect(try LangFixtures.rows(query) == rows)
    }

    @Test func distinctWithoutFieldsComparesWholeRows() throws {
        #expect(try LangFixtures.table("people distinct").count == 6)
        #expect(try LangFixtures.rows("people select city, active | distinct | count") == [[5]])
        #expect(try LangFixtures.names("people distinct city, active") == ["city", "active"])
    }

    // MARK: - let

    @Test func letBindsAResultForLaterStatements() throws {
        var engine = Engine(dataset: LangFixtures.dataset)
        let results = try engine.run("let older = people where age > 26\nolder count\nolder select id")
        #expect(results.count == 3)
        #expect(results[0].binding == "older")
        #expect(results[0].table.count == 3)
        #expect(results[1].binding == nil)
        #expect(results[1].table.map(\.values) == [[3]])
        #expect(results[2].table.map(\.values) == [[1], [4], [5]])
    }

    @Test func bindingsLastAcrossRuns() throws {
        var engine = Engine(dataset: LangFixtures.dataset)
        try engine.run("let lome = people where city = \"Lomé\"")
        #expect(engine.bindings["lome"]?.count == 2)
        #expect(try engine.run("lome join cities on city count").first?.table.map(\.values) == [[4]])
        try engine.run("let lome = people where city = \"Accra\" select id")
        #expect(try engine.run("lome").first?.table.map(\.values) == [[2], [6]])
    }

    @Test func aBindingCanBeJoined() throws {
        #expect(try LangFixtures.rows("let c = cities where country = \"Ghana\"\npeople join c on city select id") == [[2], [6]])
    }

    // MARK: - Results and notes

    @Test func resultsCarryTheirStatementRange() throws {
        var engine = Engine(dataset: LangFixtures.dataset)
        let text = "people count\n  cities count"
        let results = try engine.run(text)
        let file = SourceFile(name: "-e", text: text)
        #expect(results.map { file.text(in: $0.range) } == ["people count", "cities count"])
    }

    @Test func anEmptyStringComparisonExplainsItself() throws {
        var engine = Engine()
        let result = try #require(try engine.run("countries where country = \"Cote d'Ivoire\"").first)
        #expect(result.table.count == 0)
        #expect(result.notes.count == 1)
        let note = try #require(result.notes.first)
        #expect(note.code == .noMatch)
        #expect(note.severity == .note)
        #expect(note.message == "no rows; \"Cote d'Ivoire\" is not a country here — did you mean \"Côte d'Ivoire\"?")
        #expect(note.location?.line == 1)
        #expect(note.location?.column == 27)
        #expect(LangFixtures.caretWidth(note) == 15)
    }

    struct NoteCase: Sendable, CustomTestStringConvertible {
        var query: String
        var notes: [String]
        var testDescription: String { query }
    }

    static let noteCases: [NoteCase] = [
        NoteCase(query: "people where city = \"Lome\"", notes: ["no rows; \"Lome\" is not a city here — did you mean \"Lomé\"?"]),
        NoteCase(query: "people where city = \"Atlantis\"", notes: ["no rows; \"Atlantis\" is not a city here"]),
        NoteCase(query: "people where city =~ \"acra\"", notes: ["no rows; \"acra\" is not a city here — did you mean \"Accra\"?"]),
        NoteCase(query: "people where city in (\"Dakkar\")", notes: ["no rows; \"Dakkar\" is not a city here — did you mean \"Dakar\"?"]),
        NoteCase(query: "people where age > 1 and name = \"Anna\"", notes: ["no rows; \"Anna\" is not a name here — did you mean \"Ana\"?"]),
        NoteCase(query: "people where city = \"Lome\" or city = \"Acra\"", notes: [
            "no rows; \"Lome\" is not a city here — did you mean \"Lomé\"?",
            "no rows; \"Acra\" is not a city here — did you mean \"Accra\"?",
        ]),
        NoteCase(query: "people where city = \"Lome\" | select id", notes: ["no rows; \"Lome\" is not a city here — did you mean \"Lomé\"?"]),
        // The value exists, or rows came back: nothing to explain.
        NoteCase(query: "people where city = \"Lomé\" and age > 99", notes: []),
        NoteCase(query: "people where city =~ \"LOME\" and age > 99", notes: []),
        NoteCase(query: "people where city = \"Lomé\"", notes: []),
        NoteCase(query: "people where city in (\"Lomé\", \"Nowhere\")", notes: []),
        NoteCase(query: "people where age = 99", notes: []),
        NoteCase(query: "empty where name = \"x\"", notes: []),   // the input was empty already: nothing to explain
    ]

    @Test func aNoteUsesTheArticleAnBeforeAVowel() throws {
        var engine = Engine()
        let note = try #require(try engine.run("arrests where offence = \"theft\"").first?.notes.first)
        #expect(note.message == "no rows; \"theft\" is not an offence here")
    }

    @Test(arguments: noteCases)
    func notesExplainEmptyResults(_ c: NoteCase) throws {
        var engine = Engine(dataset: LangFixtures.dataset)
        let result = try #require(try engine.run(c.query).last)
        #expect(result.notes.map(\.message) == c.notes)
        #expect(result.notes.allSatisfy { $0.severity == .note && $0.code == .noMatch })
    }

    // MARK: - The engine

    @Test func checkReportsEveryProblemWithoutRunning() {
        let diagnostics = Engine(dataset: LangFixtures.dataset).check(SourceFile(name: "script.wql", text: "people count\npeple count\npeople wher x"))
        #expect(diagnostics.map(\.code) == [.unknownCollection, .unknownStage])
        #expect(diagnostics.allSatisfy { $0.file?.name == "script.wql" })
    }

    @Test func runningAFileReportsEventsInOrder() {
        var engine = Engine(dataset: LangFixtures.dataset)
        var events: [String] = []
        let succeeded = engine.run(SourceFile(name: "s.wql", text: "people count\nnumbers select i + 1 as v\ncities count")) { event in
            switch event {
            case .result(let result): events.append("result \(result.table.count)")
            case .failure(let diagnostic): events.append("failure \(diagnostic.code.rawValue) \(diagnostic.file?.name ?? "")")
            }
        }
        #expect(!succeeded)
        #expect(events == ["result 1", "failure E0400 s.wql"])
    }

    @Test func keepGoingRunsTheGoodStatementsAndReportsTheBadInPlace() {
        var engine = Engine(dataset: LangFixtures.dataset)
        var events: [String] = []
        let succeeded = engine.run(SourceFile(name: "s.wql", text: "people count\npeple count\nnumbers select i + 1 as v\ncities count"),
                                   keepGoing: true) { event in
            switch event {
            case .result(let result): events.append("result \(result.table.map(\.values))")
            case .failure(let diagnostic): events.append("failure \(diagnostic.code.rawValue)")
            }
        }
        #expect(!succeeded)
        #expect(events == ["result [[6]]", "failure E0200", "failure E0400", "result [[4]]"])
    }

    @Test func keepGoingDoesNotRunAStatementWithALexicalError() {
        var engine = Engine(dataset: LangFixtures.dataset)
        var events: [String] = []
        engine.run(SourceFile(name: "s.wql", text: "people where name = \"a\\qb\" select id\ncities count"), keepGoing: true) { event in
            switch event {
            case .result(let result): events.append("result \(result.table.count)")
            case .failure(let diagnostic): events.append("failure \(diagnostic.code.rawValue)")
            }
        }
        #expect(events == ["failure E0003", "result 1"])
    }

    @Test func enginesAreIndependentValues() throws {
        var first = Engine(dataset: LangFixtures.dataset)
        try first.run("let a = people count")
        var second = first
        try second.run("let a = cities limit 1")
        #expect(first.bindings["a"]?.fields.map(\.name) == ["count"])
        #expect(second.bindings["a"]?.fields.map(\.name) == ["city", "country", "population"])
    }
}
