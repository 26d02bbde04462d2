// Loading only the columns a program names must never change an answer: which columns are chosen, and a
// differential test that runs generated programs over CSV files loaded whole and loaded narrowed.

import Foundation
import Testing
@testable import WekaQL

@Suite struct ColumnSelectionTests {
    static let columns = ["id", "country", "offence", "arrested", "nationality", "date", "details"]

    /// The columns of the collection `data` that `program` loads.
    static func chosen(_ program: String) -> [String] {
        let selection = ColumnSelection.usedBy([SourceFile(name: "t", text: program)]).forCollection("data")
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
        ("data count by country join countries on country", ["country"]),   // only the joined side is whole
        ("let t = data count\nt", []),
        ("data distinct country | count", ["country"]),
        ("data join countries on country select country, countries_details", ["country", "details"]),
        ("data extend n = arrested * 2 | select country, n", ["country", "arrested"]),
        ("data rename country as land | count by land", ["country"]),
        ("data drop details | count by offence", ["offence", "details"]),
        ("data top 3 by arrested desc | select id", ["id", "arrested"]),
    ])
    func narrowsToTheNamedColumns(_ program: String, _ expected: [String]) {
        #expect(Self.chosen(program) == expected)
    }

    @Test(arguments: [
        "data where country = \"Togo\"",                     // whole rows out
        "data select *",
        "data select *, arrested * 2 as double",
        "data sort by id limit 3",
        "data distinct",
        "data where",                                         // does not parse: load everything
        "data distinct count",                                // a whole-row distinct reads every column
        "data distinct | count by country",
        "data select * | where id > 1 | distinct | count",
        "data where id > 1 distinct select country",
        "countries join data on country | distinct | count",  // the joined side's columns reach distinct
        "countries join data on country",
        "let t = data where id > 1\nt distinct count",       // through a let name
        "let t = data where id > 1\nt count",                // a binding's table is a result too
        "let t = data select *\nlet u = t sort by id\ncountries join u on country count by continent distinct\nu distinct count",
        "data extend x = 1",                                  // every column of data, and x
        "data drop details",                                  // every other column
        "data rename country as land",
        "data top 3 by arrested",
        "data extend x = 1 | distinct | count",
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
            let csv = Renderer(format: .csv).render(try collection.table)
            try Data(csv.utf8).write(to: folder.appendingPathComponent(collection.name + ".csv"))
        }
        var whole = Dataset.empty
        try whole.load(path: folder.path)
        let grammar = try EBNFGrammar.load(from: GrammarTests.grammarURL)
        let breaks = try LineBreaks(grammar: grammar)
        var programs = Self.handWritten
        for seed in UInt64(1)...600 { programs.append(try GeneratedProgramTests.program(seed, grammar: grammar, breaks: breaks).text) }
        let shapes = Self.wholeRowShapes(count: 120)
        var compared = 0
        var comparedShapes: [WholeRowShape: Int] = [:]
        for (text, shape) in programs.map({ ($0, WholeRowShape?.none) }) + shapes.map({ ($0.text, $0.shape) }) {
            let file = SourceFile(name: "program", text: text)
            let selection = ColumnSelection.usedBy([file])
            guard selection != .all else { continue }
            var part = Dataset.empty
            try part.load(path: folder.path, columns: selection)
            // The CLI loads everything again when a program has errors, so that hints list every field.
            guard Engine(dataset: part).check(file).isEmpty else { continue }
            #expect(Self.outcome(of: file, over: part) == Self.outcome(of: file, over: whole), "\(text)")
            compared += 1
            if let shape { comparedShapes[shape, default: 0] += 1 }
        }
        #expect(compared >= 160, "only \(compared) programs narrowed and checked")
        for shape in WholeRowShape.allCases {
            #expect(comparedShapes[shape, default: 0] >= 15, "only \(comparedShapes[shape, default: 0]) programs of shape \(shape) compared")
        }
    }

    /// Programs in which columns reach a stage that does not name them: a whole-row `distinct` (then
    /// `count`, `count by` or `select`), after `select *`, a `join` or through a `let` name. Each also
    /// counts another collection by one field, so that the program narrows something.
    enum WholeRowShape: CaseIterable, Hashable {
        case distinct, distinctThenCount, joinThenDistinct, letThenDistinct
    }

    static func wholeRowShapes(count: Int) -> [(text: String, shape: WholeRowShape)] {
        let collections = Dataset.builtIn.collections.map { (name: $0.name, fields: $0.fields.map(\.name)) }
        let withCountry = collections.filter { $0.fields.contains("country") && $0.name != "countries" }
        var random = SeededRandom(seed: 20)
        func pick<T>(_ items: [T]) -> T { random.pick(items) }
        var programs: [(String, WholeRowShape)] = []
        for index in 0..<count {
            let shape = WholeRowShape.allCases[index % WholeRowShape.allCases.count]
            let source = pick(shape == .joinThenDistinct ? withCountry : collections)
            let field = "`\(pick(source.fields))`"
            let other = pick(collections.filter { $0.name != source.name })
            let prefix = pick(["", " select *", " where \(field) is not null", " sort by \(field) desc", " select * limit 5",
                               " extend x_ = 1", " top 5 by \(field) desc", " rename \(field) as \(field)",
                               " extend x_ = \(field) drop x_"])
            let after = pick([" count", " | count by \(field)", " select \(field) sort by \(field)", ""])
            let text: String
            switch shape {
            case .distinct: text = "\(source.name)\(prefix) distinct"
            case .distinctThenCount: text = "\(source.name)\(prefix) distinct\(after)"
            case .joinThenDistinct:
                let join = pick(["join", "left join"])
                text = "\(source.name)\(prefix) \(join) countries on country | distinct\(pick([" count", " count by continent", ""]))"
            case .letThenDistinct:
                text = "let t = \(source.name)\(prefix)\nlet u = t where \(field) is not null or true\nu distinct\(after)"
            }
            programs.append((text + "\n\(other.name) count by `\(pick(other.fields))`", shape))
        }
        return programs
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
        "arrests extend twice = arrested * 2 | top 3 by twice desc, country | select country, twice",
        "arrests rename country as land | drop source | count by land",
        "countries drop source, iso3",
        "arrests extend country = upper(country) distinct country",
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
            let table = try #require(try dataset["data"]?.table)
            #expect(table.fields.map(\.name) == ["code"])
            #expect(table.fields.first?.type == .string)
            #expect(table.rowCount == 3_000)
        }
    }
}
