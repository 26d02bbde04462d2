// `union`, `union distinct`, joins on several keys, `full`/`semi`/`anti` joins and `in (QUERY)`: the rows
// they give (order included), their null semantics, and how the fields of both sides combine.

import Testing
@testable import WekaQL

@Suite struct SetStageTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var query: String
        var rows: [[Value]]
        var testDescription: String { query }
    }

    static let cases: [Case] = [
        // union: left rows then right rows; `collection` first; a column one side lacks is null there.
        Case(query: "cities select city union (people where id < 3 select city, id)", rows: [
            ["cities", "Lomé", nil], ["cities", "Accra", nil], ["cities", "Abidjan", nil], ["cities", "Lomé", nil],
            ["people", "Lomé", 1], ["people", "Accra", 2],
        ]),
        // Integer meets decimal as decimal; the later union keeps and fills `collection`.
        Case(query: "people where id = 1 select n = id union (numbers select n = d) union (empty select n = id) where n is not null",
             rows: [["people", 1.0], ["numbers", 1.5], ["numbers", -1.5], ["numbers", 0.5]]),
        Case(query: "people where id <= 2 select city union distinct (cities select city)", rows: [["Lomé"], ["Accra"], ["Abidjan"]]),
        Case(query: "nothing union distinct nothing", rows: [[nil]]),
        Case(query: "let a = people where id = 1 select id\na union a union a count by collection", rows: [["a", 3]]),
        // Several keys: every pair equal; a null in any key never matches.
        Case(query: "people join people on city, age select id, name, people_name", rows: [
            [1, "Ana", "Ana"], [1, "Ana", "Dan"], [4, "Dan", "Ana"], [4, "Dan", "Dan"], [5, "Émile", "Émile"],
        ]),
        Case(query: "people join people on city = city and age = age and id = id select id", rows: [[1], [4], [5]]),
        // full join: left order (with its matches), then the unmatched right rows; the shared key holds theirs.
        Case(query: "people full join cities on city select id, city, country", rows: [
            [1, "Lomé", "Togo"], [1, "Lomé", "Togo (old town)"], [2, "Accra", "Ghana"], [3, nil, nil],
            [4, "Lomé", "Togo"], [4, "Lomé", "Togo (old town)"], [5, "Dakar", nil], [6, "Accra", "Ghana"],
            [nil, "Abidjan", "Côte d'Ivoire"],
        ]),
        Case(query: "empty full join cities on name = city select id, name, city", rows: [
            [nil, nil, "Lomé"], [nil, nil, "Accra"], [nil, nil, "Abidjan"], [nil, nil, "Lomé"],
        ]),
        // semi and anti: left rows once each, left columns only; a null key has no match.
        Case(query: "people semi join cities on city select id", rows: [[1], [2], [4], [6]]),
        Case(query: "people anti join cities on city select id", rows: [[3], [5]]),
        Case(query: "cities anti join people on city select city", rows: [["Abidjan"]]),
        // in (QUERY): SQL's IN; a null among the values turns a non-match into null.
        Case(query: "people where city in (cities select city) select id", rows: [[1], [2], [4], [6]]),
        Case(query: "people where city not in (cities select city) select id", rows: [[5]]),
        Case(query: "people where city not in (people where id > 2 select city) select id", rows: []),
        Case(query: "people where (city in (people where id = 3 or id = 5 select city)) is null select id", rows: [[1], [2], [3], [4], [6]]),
        Case(query: "people where id in (numbers select i) select id", rows: [[1]]),
        // Over no rows, `in` is false and `not in` true, a null subject included (SQL).
        Case(query: "people where city not in (empty select name) select id", rows: [[1], [2], [3], [4], [5], [6]]),
        Case(query: "people where (city in (empty select name)) = false count", rows: [[6]]),
        Case(query: "people where score - 1 in (numbers select d) or id in (empty select id) select id", rows: [[1], [5]]),
        Case(query: "people where city in (cities where city in (people where age = 30 select city) select city) select id", rows: [[1], [4]]),
    ]

    @Test(arguments: cases)
    func rows(_ c: Case) throws {
        #expect(try LangFixtures.rows(c.query) == c.rows)
    }

    @Test func columnsAreTheLeftsThenTheRightsNewOnes() throws {
        #expect(try LangFixtures.names("cities union people") == ["collection", "city", "country", "population", "id", "name", "age",
                                                                   "score", "active", "joined"])
        #expect(try LangFixtures.names("cities union distinct people") == ["city", "country", "population", "id", "name", "age",
                                                                            "score", "active", "joined"])
        #expect(try LangFixtures.names("people semi join cities on city") == JoinTests.peopleFields)
        let widened = try LangFixtures.table("people select n = id union (numbers select n = d)")
        #expect(widened.fields.map(\.type) == [.string, .decimal])
    }

    @Test func unionCombinesProvenance() throws {
        var engine = Engine()
        let fields = try #require(try engine.run("arrests union victims union items").last?.table.fields)
        let country = try #require(fields.first { $0.name == "country" })
        #expect(country.origin == .release && !country.aliases.isEmpty)
        // `status` means one thing in victims and another in items: its description goes.
        #expect(fields.first { $0.name == "status" }?.description == "")
        let stated = Field(name: "x", type: .integer, description: "d", origin: .release, releaseTotal: "300")
        let inferred = Field(name: "x", type: .integer, description: "d", origin: .inferred, originNote: "a guess")
        let merged = stated.unioned(with: inferred, type: .decimal)
        #expect(merged.origin == .inferred && merged.originNote == "a guess" && merged.releaseTotal == nil && merged.type == .decimal)
        #expect(stated.unioned(with: Field(name: "x", type: .integer), type: .integer).origin == nil)
    }

    @Test func joinsAndUnionsKeepToTheMemoryBudget() throws {
        var engine = Engine(dataset: LangFixtures.dataset)
        engine.memoryBudget = MemoryBudget(bytes: 64)
        for query in ["people union people", "people full join cities on city", "people join people on city, age"] {
            let error = #expect(throws: Diagnostic.self) { try engine.run(query) }
            #expect(error?.code == .memoryBudget, "\(query)")
        }
    }
}
