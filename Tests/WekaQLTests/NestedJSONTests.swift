// Nested JSON: object fields flatten into dotted fields, arrays of scalars load as lists, and deeper
// nesting stays JSON text with warning W0514 — in JSON arrays, JSON lines and `.json` files of JSON lines.

import Foundation
import Testing
@testable import WekaQL

@Suite struct NestedJSONTests {
    static func load(_ name: String, _ text: String) throws -> (Dataset.Collection, [Diagnostic]) {
        let file = try TemporaryFile(name: name, contents: Data(text.utf8))
        var dataset = Dataset()
        let warnings = try withExtendedLifetime(file) { try dataset.load(path: file.path) }
        return (try #require(dataset.collections.last), warnings)
    }

    static let people = """
    [{"name": "Ama", "address": {"city": "Lomé", "geo": {"lat": 6.5, "lon": 1}}, "tags": ["gold", "ivory"]},
     {"name": "Kofi", "address": null, "tags": []},
     {"name": "Efua", "address": {"city": "Accra", "zip": "00233"}}]
    """

    @Test func objectsFlattenIntoDottedFieldsInFirstSeenOrder() throws {
        let (people, warnings) = try Self.load("people.json", Self.people)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(people.fields.map(\.name) == ["name", "address.city", "address.geo.lat", "address.geo.lon", "address.zip", "tags"])
        #expect(people.fields.map(\.type) == [.string, .string, .decimal, .integer, .string, .list(of: .string)])
        let table = try people.table
        #expect(table.values(ofColumn: 1) == ["Lomé", nil, "Accra"])
        #expect(table.values(ofColumn: 4) == [nil, nil, "00233"])   // a string stays a string: no value changed
        #expect(table.values(ofColumn: 5) == [.list(["gold", "ivory"]), .list([]), nil])
    }

    @Test func flattenedFieldsAndListsAreQueried() throws {
        let (people, _) = try Self.load("people.json", Self.people)
        let data = Dataset(collections: [people])
        #expect(try LangFixtures.rows("people where tags contains \"gold\" select name, `address.city`", in: data) == [["Ama", "Lomé"]])
        #expect(try LangFixtures.rows("people unnest tags select name, tags", in: data) == [["Ama", "gold"], ["Ama", "ivory"]])
        #expect(try LangFixtures.rows("people where `address.geo.lat` > 6 select name", in: data) == [["Ama"]])
    }

    @Test func completionBackQuotesDottedFields() throws {
        let (people, _) = try Self.load("people.json", Self.people)
        let engine = Engine(dataset: Dataset(collections: [people]))
        let found = engine.completions(for: "people where addr", cursor: 17, commands: []) { _ in [] }
        #expect(found.candidates.map(\.text).prefix(2) == ["`address.city`", "`address.geo.lat`"])
    }

    @Test(arguments: [
        (#"[{"x": [1, 2.5]}, {"x": [3]}]"#, ValueType.list(of: .decimal), [Value.list([1.0, 2.5]), .list([3.0])]),
        (#"[{"x": [true, null]}, {"x": null}]"#, .list(of: .boolean), [.list([true, nil]), nil]),
        (#"[{"x": ["2022-06-12"]}]"#, .list(of: .string), [.list(["2022-06-12"])]),
        (#"[{"x": []}, {"x": [null]}]"#, .list(of: .null), [.list([]), .list([nil])]),
    ])
    func arraysOfScalarsLoadAsLists(_ text: String, _ type: ValueType, _ values: [Value]) throws {
        let (collection, warnings) = try Self.load("a.json", text)
        #expect(warnings.isEmpty)
        #expect(collection.fields[0].type == type)
        #expect(try collection.table.values(ofColumn: 0) == values)
    }

    @Test(arguments: [
        (#"[{"x": [{"a": 1}]}, {"x": []}]"#, "arrays of objects", [Value.string(#"[{"a":1}]"#), "[]"]),
        (#"[{"x": [1]}, {"x": [[2]]}]"#, "arrays of arrays", ["[1]", "[[2]]"]),
        (#"[{"x": [1, "a"]}]"#, "arrays that mix kinds of value", [#"[1,"a"]"#]),
        (#"[{"a": {"b": 1}, "a.b": 2}]"#, "objects whose field \"a.b\" is already a field", [#"{"b":1}"#]),
    ])
    func deeperNestingStaysJSONTextWithAWarning(_ text: String, _ what: String, _ values: [Value]) throws {
        let (collection, warnings) = try Self.load("deep.json", text)
        #expect(warnings.map(\.code) == [.nestedJSONAsText])
        #expect(warnings.first?.message.contains("holds \(what) (first at row") == true, "\(warnings)")
        #expect(warnings.first?.severity == .warning)
        #expect(collection.fields[0].type == .string)
        #expect(try collection.table.values(ofColumn: 0) == values)
    }

    @Test func anObjectBesideScalarsIsAMixedField() throws {
        let (collection, warnings) = try Self.load("m.json", #"[{"a": {"b": 1}}, {"a": 2}]"#)
        #expect(warnings.map(\.code) == [.mixedTypes])
        #expect(collection.fields.map(\.name) == ["a"])
        #expect(try collection.table.values(ofColumn: 0) == [#"{"b":1}"#, "2"])
    }

    @Test(arguments: ["lines.json", "lines.jsonl"])
    func jsonLinesFlattenToo(_ name: String) throws {
        let text = "{\"id\": 1, \"who\": {\"name\": \"Ama\"}, \"tags\": [\"a\"]}\n{\"id\": 2, \"who\": {\"name\": \"Kofi\"}, \"tags\": null}\n"
        let (collection, warnings) = try Self.load(name, text)
        #expect(warnings.isEmpty)
        #expect(collection.fields.map(\.name) == ["id", "who.name", "tags"])
        #expect(try collection.table.values(ofColumn: 2) == [.list(["a"]), nil])
    }

    @Test func listsRoundTripThroughJSONOutput() throws {
        let (collection, _) = try Self.load("r.json", #"[{"t": ["a\"b", "", null]}, {"t": []}]"#)
        var engine = Engine(dataset: Dataset(collections: [collection]))
        let table = try #require(try engine.run("r").last?.table)
        #expect(Renderer(format: .jsonl).render(table) == "{\"t\":[\"a\\\"b\",\"\",null]}\n{\"t\":[]}\n")
    }
}
