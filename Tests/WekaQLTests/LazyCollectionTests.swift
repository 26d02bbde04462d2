// Files opened lazily (`Dataset.open`): opening reads no column; a query reads the columns it uses and
// they are kept; results, types, warnings and errors are those of the eager load.

import Foundation
import Testing
@testable import WekaQL

@Suite struct LazyCollectionTests {
    static let text = "id,country,arrested,day\n1,Togo,3,2022-03-01\n2,Ghana,,2022-03-02\n3,\"Côte d'Ivoire\",12,2022-03-03\n"

    static func opened(_ text: String, name: String = "data.csv", options: [String] = []) throws -> (Engine, TemporaryFile) {
        let file = try TemporaryFile(name: name, contents: Data(text.utf8))
        var dataset = Dataset()
        try dataset.open(path: file.path, options: try LoadOptions(options))
        return (Engine(dataset: dataset), file)
    }

    static func loaded(_ file: TemporaryFile, options: [String] = []) throws -> Engine {
        var dataset = Dataset()
        try dataset.load(path: file.path, options: try LoadOptions(options))
        return Engine(dataset: dataset)
    }

    @Test func openingReadsNoColumnAndAQueryOnlyThoseItUses() throws {
        var (engine, file) = try Self.opened(Self.text)
        try withExtendedLifetime(file) {
            let collection = try #require(engine.dataset["data"])
            #expect(collection.isOpenedLazily)
            #expect(collection.knownRowCount == nil)
            #expect(collection.file?.columnsRead == [])
            #expect(collection.fields.map(\.name) == ["id", "country", "arrested", "day"])
            #expect(collection.fields.map(\.type) == [.integer, .string, .integer, .date])

            let first = try engine.run("data where arrested > 2 select country")
            #expect(first[0].table.values(ofColumn: 0) == ["Togo", "Côte d'Ivoire"])
            #expect(engine.dataset["data"]?.file?.columnsRead == ["country", "arrested"])
            #expect(engine.dataset["data"]?.knownRowCount == 3)

            _ = try engine.run("data count")
            #expect(engine.dataset["data"]?.file?.columnsRead == ["country", "arrested"], "counting reads no column")
            _ = try engine.run("data sort by day desc limit 1 select id")
            #expect(engine.dataset["data"]?.file?.columnsRead == ["id", "country", "arrested", "day"])
        }
    }

    /// Every query gives what it gives over the file loaded whole.
    @Test(arguments: [
        "data", "data count", "data where arrested > 2", "data select country, arrested * 2 as double",
        "data summarize total = sum(arrested), first = min(day)", "data count by country", "data distinct",
        "data sort by country limit 2", "data where country contains \"o\" select id",
        "data join countries on country", "data extend n = id + 1 drop day",
    ])
    func resultsAreThoseOfTheEagerLoad(_ query: String) throws {
        let countries = try TemporaryFile(name: "countries.csv", contents: Data("country,region\nTogo,West\nGhana,West\n".utf8))
        var (lazy, file) = try Self.opened(Self.text)
        try withExtendedLifetime((file, countries)) {
            var eager = try Self.loaded(file)
            try eager.dataset.load(path: countries.path)
            try lazy.dataset.open(path: countries.path)
            let expected = try eager.run(query).map(\.table)
            let got = try lazy.run(query).map(\.table)
            #expect(got.map(CSVChunksTests.rendered) == expected.map(CSVChunksTests.rendered), "\(query)")
        }
    }

    /// A value past the type sample: checking sees the column's true type, read before the statement is checked.
    @Test func aMisleadingSampleIsCorrectedBeforeChecking() throws {
        let text = "id,code\n" + (0..<2_500).map { "\($0),\($0 == 2_400 ? "X9" : String($0))\n" }.joined()
        var (engine, file) = try Self.opened(text)
        try withExtendedLifetime(file) {
            #expect(engine.dataset["data"]?.fields.map(\.type) == [.integer, .integer])
            let rows = try engine.run("data where code = \"X9\" select id")
            #expect(rows[0].table.values(ofColumn: 0) == [.integer(2_400)])
            #expect(engine.dataset["data"]?.fields.map(\.type) == [.integer, .string])

            let (fresh, again) = try Self.opened(text)
            var collection = try #require(fresh.dataset["data"])
            defer { withExtendedLifetime(again) {} }
            #expect(try collection.materialize(ColumnSelection(names: ["id"])) == false)
            #expect(try collection.materialize(ColumnSelection(names: ["code"])) == true)
        }
    }

    /// An error past the sample is the eager load's, when a query first reads the file.
    @Test(arguments: [
        ("short.csv", "a,b\n1,2\n3\n", [String]()),
        ("given.csv", "a,b\n1,2\n3,x\n", ["types=b:integer"]),
        ("quote.csv", "a,b\n1,2\n3,\"4\n", []),
        ("late.csv", "a,b\n" + String(repeating: "1,2\n", count: 2_100) + "3\n", []),
    ])
    func errorsAreThoseOfTheEagerLoad(_ name: String, _ text: String, _ options: [String]) throws {
        let file = try TemporaryFile(name: name, contents: Data(text.utf8))
        try withExtendedLifetime(file) {
            var eager = Dataset()
            let expected = #expect(throws: Diagnostic.self) { try eager.load(path: file.path, options: try LoadOptions(options)) }
            var dataset = Dataset()
            do throws(Diagnostic) {
                try dataset.open(path: file.path, options: try LoadOptions(options))
            } catch {
                let diagnostic = error   // typed: `catch let … as Diagnostic` here crashes Swift 6.3.1 (SILGen)
                #expect(diagnostic.description == expected?.description, "an error in the type sample is found on opening")
                return
            }
            var engine = Engine(dataset: dataset)
            let stem = String(name.dropLast(4))
            let got = #expect(throws: Diagnostic.self) { try engine.run("\(stem) select a, b") }
            #expect(got?.description == expected?.description)
            #expect(throws: Diagnostic.self) { try engine.query("\(stem) where b > 0 count") }
            var collection = try #require(dataset[stem])
            #expect(throws: Diagnostic.self) { try collection.materialize(.all) }
        }
    }

    @Test func skippedRowsAreToldOnTheFirstRead() throws {
        var (engine, file) = try Self.opened("a,b\n1,2\n3\n4,5\n", options: ["bad_rows=skip"])
        try withExtendedLifetime(file) {
            var warnings: [Diagnostic] = []
            var rows: [Table] = []
            for _ in 0..<2 {
                engine.run(SourceFile(name: "<query>", text: "data select a")) { event in
                    switch event {
                    case .result(let result): rows.append(result.table)
                    case .failure(let diagnostic): warnings.append(diagnostic)
                    }
                }
            }
            #expect(warnings.map(\.code) == [.skippedRows], "told once")
            #expect(rows.map { $0.values(ofColumn: 0) } == [[1, 4], [1, 4]])
        }
    }

    /// `prepare` and `query` on an engine that is not changed read the columns for the run they make.
    @Test func preparedQueriesReadTheirColumns() throws {
        let (engine, file) = try Self.opened(Self.text)
        try withExtendedLifetime(file) {
            let prepared = try engine.prepare("data where id = $n select country")
            #expect(try prepared.run(["n": 2]).values(ofColumn: 0) == ["Ghana"])
            #expect(try engine.query("data where arrested > 10 count")[0, 0] == .integer(1))
        }
    }

    @Test func theWholeTableAfterMaterializingIsTheEagerOne() throws {
        let (engine, file) = try Self.opened(Self.text)
        try withExtendedLifetime(file) {
            var collection = try #require(engine.dataset["data"])
            try collection.materialize(.all)
            let eager = try #require(try Self.loaded(file).dataset["data"]).table
            #expect(CSVChunksTests.rendered(try collection.table) == CSVChunksTests.rendered(eager))
            #expect(collection.file?.columnsRead == ["id", "country", "arrested", "day"])
        }
    }

    /// A file rewritten after it was opened is an error when read, never the new bytes under the old header.
    @Test func aFileChangedAfterOpeningIsAnError() throws {
        var (engine, file) = try Self.opened(Self.text)
        try withExtendedLifetime(file) {
            try Data("a\n1\n".utf8).write(to: file.url)
            let error = #expect(throws: Diagnostic.self) { try engine.run("data select id") }
            #expect(error?.code == .cannotRead && error?.message.contains("changed") == true)
        }
    }

    /// Folders, JSON and files in another encoding are loaded now, as `load` loads them.
    @Test func otherFilesAreLoadedNow() throws {
        let json = try TemporaryFile(name: "rows.json", contents: Data("[{\"a\": 1}]".utf8))
        let latin = try TemporaryFile(name: "latin.csv", contents: Data([0x61, 0x0A, 0xF4, 0x0A]))
        try withExtendedLifetime((json, latin)) {
            var dataset = Dataset()
            try dataset.open(path: json.path)
            try dataset.open(path: latin.path, options: try LoadOptions(["encoding=latin-1"]))
            try dataset.open(path: json.folder.path)
            #expect(dataset.collections.allSatisfy { !$0.isOpenedLazily && $0.knownRowCount == 1 })
        }
    }
}
