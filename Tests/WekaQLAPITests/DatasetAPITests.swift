// Datasets made by the embedding program: from Swift values with `Table(columns:rows:)`, or from files.

import Foundation
import Testing
import WekaQL

@Suite struct DatasetAPITests {
    static func cases() throws -> Table {
        try Table(columns: ["id", "country", "opened", "victims", "closed"], rows: [
            [1, "Togo", .date(LocalDate(year: 2022, month: 6, day: 13)!), 4, false],
            [2, "Niger", .date(LocalDate(year: 2022, month: 6, day: 15)!), nil, true],
            [3, "Togo", .date(LocalDate(year: 2022, month: 6, day: 16)!), 2.5, false],
        ])
    }

    @Test func aTableFromSwiftValuesInfersColumnTypes() throws {
        let table = try Self.cases()
        #expect(table.fields.map(\.type) == [.integer, .string, .date, .decimal, .boolean])
        #expect(table[1, 3].isNull)
        #expect(table[0, 3] == .decimal(4))
    }

    @Test func aTableRejectsRaggedRowsAndMixedColumns() {
        let ragged = #expect(throws: Diagnostic.self) { try Table(columns: ["a", "b"], rows: [[1, 2], [3]]) }
        #expect(ragged?.code == .invalidArgument)
        let mixed = #expect(throws: Diagnostic.self) { try Table(columns: ["a"], rows: [[1], ["one"]]) }
        #expect(mixed?.code == .typeMismatch)
    }

    @Test func anEngineOverSwiftValuesJoinsTheBuiltInData() throws {
        var dataset = Dataset.builtIn
        dataset.add(Dataset.Collection(name: "cases", description: "our own case files", table: try Self.cases()))
        var engine = Engine(dataset: dataset)
        let open = try engine.run("cases where not closed join countries on country select id, country, iso3, opened")
        #expect(open[0].table.map(\.values) == [[1, "Togo", "TGO", .date(LocalDate(year: 2022, month: 6, day: 13)!)],
                                                [3, "Togo", "TGO", .date(LocalDate(year: 2022, month: 6, day: 16)!)]])
        let onlyOurs = Engine(dataset: Dataset(name: "ours", collections: [.init(name: "cases", table: try Self.cases())]))
        #expect(onlyOurs.dataset.collectionNames == ["cases"])
        #expect(try onlyOurs.prepare("cases summarize total = sum(victims)").run()[0, 0] == .decimal(6.5))
        #expect(throws: Diagnostic.self) { try onlyOurs.prepare("arrests") }
    }

    @Test func aCollectionLoadsFromACSVFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wekaql-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("followups.csv")
        try "country,due,people\nTogo,2022-07-01,2\nGambia,2022-07-15,\n".write(to: csv, atomically: true, encoding: .utf8)

        var dataset = Dataset.builtIn
        let warnings = try dataset.load(path: csv.path)
        #expect(warnings.isEmpty)
        let followups = try #require(dataset["followups"])
        #expect(followups.fields.map(\.type) == [.string, .date, .integer])
        let table = try Engine(dataset: dataset).prepare("followups join arrests on country select country, due, people, offence").run()
        #expect(table.map { $0["offence"]?.stringValue } == ["human trafficking", "migrant smuggling"])
        #expect(table[1, 2].isNull)
    }

    @Test func aBadFileIsADiagnosticAndLoadsNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wekaql-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("broken.json")
        try "[{\"a\": 1}, {\"a\": ".write(to: json, atomically: true, encoding: .utf8)
        var dataset = Dataset.empty
        let error = try #require(throws: Diagnostic.self) { try dataset.load(path: json.path) }
        #expect(error.code == .malformedJSON)
        #expect(dataset.collections.isEmpty)
        let missing = try #require(throws: Diagnostic.self) { try dataset.load(path: folder.appendingPathComponent("nope.csv").path) }
        #expect(missing.code == .cannotRead)
    }
}
