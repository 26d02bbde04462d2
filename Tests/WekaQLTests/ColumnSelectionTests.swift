// Loading only the columns a program names must never change an answer: which columns are chosen, and a
// differential test that runs generated programs over CSV files loaded whole and loaded narrowed.

import Foundation
import Testing
@testable import WekaQL

@Suite struct ColumnSelectionTests {
    static let columns = ["id", "country", "offence", "arrested", "nationality", "date", "details"]

    static func chosen(_ program: String) -> [String] {
        let selection = ColumnSelection.usedBy([SourceFile(name: "t", text: program)])
        return columns.filter(selection.includes)
    }

    @Test(arguments: [
        ("data where country = \"Togo\" count", ["country"]),
        ("data count by offence", ["offence"]),
        ("data summarize total = sum(arrested) by country sort by total desc limit 5", ["country", "arrested"]),
        ("data select id, `date` sort by id", ["id", "date"]),
        ("data where contry = \"Togo\" count", []),          // a misspelt name loads nothing (see the CLI test)
        ("data count; data count by nationality", ["nationality"]),
        ("data count", []),
    ])
    func narrowsToTheNamedColumns(_ program: String, _ expected: [String]) {
        #expect(Self.chosen(program) == expected)
    }

    @Test(arguments: [
        "data where country = \"Togo\"",                     // whole rows out
        "data select *",
        "data select *, arrested * 2 as double",
        "data count by country join countries on country",   // the joined rows are whole
        "data sort by id limit 3",
        "data distinct",
        "data where",                                         // does not parse: load everything
        "let t = data count\nt",
    ])
    func wholeRowsNeedEveryColumn(_ program: String) {
        #expect(Self.chosen(program) == Self.columns)
    }

    /// Every built-in collection written out as CSV, then loaded whole and loaded for each generated
    /// program alone: the results must be the same.
    @Test func generatedProgramsAnswerTheSameOverNarrowedData() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wekaql-narrow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for collection in Dataset.builtIn.collections {
            let csv = Renderer(format: .csv).render(collection.table)
            try Data(csv.utf8).write(to: folder.appendingPathComponent(collection.name + ".csv"))
        }
        var whole = Dataset.empty
        try whole.load(path: folder.path)
        let grammar = try EBNFGrammar.load(from: GrammarTests.grammarURL)
        let breaks = try LineBreaks(grammar: grammar)
        var programs = Self.handWritten
        for seed in UInt64(1)...600 { programs.append(try GeneratedProgramTests.program(seed, grammar: grammar, breaks: breaks).text) }
        var compared = 0
        for text in programs {
            let file = SourceFile(name: "program", text: text)
            let selection = ColumnSelection.usedBy([file])
            guard selection != .all else { continue }
            var part = Dataset.empty
            try part.load(path: folder.path, columns: selection)
            // The CLI loads everything again when a program has errors, so that hints list every field.
            guard Engine(dataset: part).check(file).isEmpty else { continue }
            #expect(Self.outcome(of: file, over: part) == Self.outcome(of: file, over: whole), "\(text)")
            compared += 1
        }
        #expect(compared >= 60, "only \(compared) programs narrowed and checked")
    }

    static let handWritten = [
        "arrests where country = \"Togo\" count",
        "arrests count by country sort by count desc, country",
        "arrests summarize n = sum(arrested), m = max(arrested) by country",
        "arrests where arrested > 2 select country, arrested * 2 as twice sort by twice desc limit 3",
        "victims select country, victims where victims is not null",
        "countries where continent = \"Africa\" | count",
        "arrests select country, arrested | join countries on country | select country, continent, arrested",
        "seizures distinct country; seizures count by country",
        "figures select metric, value sort by value desc limit 4 offset 1",
        "let t = arrests select country, arrested\nt where arrested > 1 count",
    ]

    /// Each statement's result as CSV, or its error.
    static func outcome(of file: SourceFile, over dataset: Dataset) -> [String] {
        var engine = Engine(dataset: dataset)
        var outcomes: [String] = []
        engine.run(file, parameters: ["c": "Togo", "n": 2, "d": 1.5], keepGoing: true) { event in
            switch event {
            case .result(let result): outcomes.append(Renderer(format: .csv).render(result.table))
            case .failure(let diagnostic): outcomes.append(diagnostic.description)
            }
        }
        return outcomes
    }

    @Test func aMisfitColumnIsRetypedWhenLoadedAlone() throws {
        // The first 2,048 rows of `code` look like integers; a later one does not.
        var csv = "code,n\n"
        for i in 0..<3_000 { csv += "\(i == 2_500 ? "X1" : String(i)),\(i)\n" }
        let file = try TemporaryFile(name: "data.csv", contents: Data(csv.utf8))
        try withExtendedLifetime(file) {
            var dataset = Dataset.empty
            try dataset.load(path: file.path, columns: .usedBy([SourceFile(name: "t", text: "data count by code")]))
            let table = try #require(dataset["data"]?.table)
            #expect(table.fields.map(\.name) == ["code"])
            #expect(table.fields.first?.type == .string)
            #expect(table.rowCount == 3_000)
        }
    }
}
