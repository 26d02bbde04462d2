// Lineage and explain as a library user asks for them: typed input rows behind a result row, with
// sentences for the built-in data and file lines for a loaded CSV; explain as a table.

import Foundation
import Testing
import WekaQL

@Suite struct LineageAPITests {
    @Test func aGroupsRowsComeWithTheirSentences() throws {
        var engine = Engine()
        let result = try engine.run("arrests where offence = \"migrant smuggling\" count")[0]
        let rows = try result.lineage(of: 0)
        #expect(rows.map(\.collection) == ["arrests"])
        #expect(rows.map(\.row) == [8])
        #expect(rows[0].file == nil && rows[0].line == nil)
        #expect(rows[0].sentence?.hasPrefix("Authorities in The Gambia arrested 5 suspects") == true)
    }

    @Test func aJoinedRowHasBothSidesAndLetBindingsAreFollowed() throws {
        var engine = Engine()
        let results = try engine.run("""
            let cameroon = arrests where country = "Cameroon"
            cameroon join countries on country select country, continent
            """)
        let rows = try results[1].lineage(of: 0)
        #expect(rows.map(\.collection) == ["arrests", "countries"])
        #expect(rows.map(\.row) == [5, 7])
    }

    @Test func aLoadedFilesRowsHaveTheirLines() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wekaql-lineage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cases.csv").path
        try "id,city\n1,Paris\n\n2,\"Ro\nme\"\n3,Paris\n".write(toFile: path, atomically: true, encoding: .utf8)
        var dataset = Dataset.empty
        try dataset.load(path: path)
        var engine = Engine(dataset: dataset)
        let result = try engine.run("cases count by city")[0]
        let lineage = try result.lineage()
        #expect(lineage.rowCount == 2)
        #expect(lineage.rows(of: 0).map(\.line) == [2, 6])
        #expect(lineage.rows(of: 1).map(\.line) == [4])
        #expect(lineage.rows(of: 1).map(\.file) == [path])
    }

    @Test func whatCannotBeTracedIsAnError() throws {
        var engine = Engine()
        let why = try engine.run("arrests count | why")[0]
        #expect(throws: Diagnostic.self) { try why.lineage() }
        let counted = try engine.run("arrests count")[0]
        let error = try #require(throws: Diagnostic.self) { try counted.lineage(of: 1) }
        #expect(error.code == .noSuchRow)
    }

    @Test func explainedIsATableOfStages() throws {
        var engine = Engine()
        let result = try engine.run("arrests where arrested > 2 count by offence")[0]
        let explained = try result.explained()
        #expect(explained.fields.map(\.name) == ["stage", "rows_in", "rows_out", "ms", "detail", "example"])
        #expect(explained.map { $0["stage"] } == [.string("arrests"), .string("where arrested > 2"), .string("count by offence")])
        #expect(explained.map { $0["rows_out"] } == [.integer(9), .integer(3), .integer(2)])
        #expect(explained[1]["detail"] == .string("false 4, null 2"))
    }

    @Test func anEngineExplainsEveryQueryWhenAsked() throws {
        var engine = Engine()
        engine.explainsQueries = true
        let result = try engine.run("countries where continent = \"Europe\"")[0]
        #expect(result.table.map { $0["rows_out"] } == [.integer(44), .integer(2)])
    }
}
