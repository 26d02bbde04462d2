// `join` and `left join`: equal keys match, null keys never do, left order then right order, the
// right key dropped when it has the left key's name, and clashing right columns renamed `C_name`.

import Testing
import WekaQL

@Suite struct JoinTests {
    static let peopleFields = ["id", "name", "city", "age", "score", "active", "joined"]

    struct Case: Sendable, CustomTestStringConvertible {
        var query: String
        var rows: [[Value]]
        var testDescription: String { query }
    }

    static let cases: [Case] = [
        Case(query: "people join cities on city select id, country, population", rows: [
            [1, "Togo", 837_437], [1, "Togo (old town)", 1], [2, "Ghana", 2_291_352],
            [4, "Togo", 837_437], [4, "Togo (old town)", 1], [6, "Ghana", 2_291_352],
        ]),
        Case(query: "people inner join cities on city select id, country", rows: [
            [1, "Togo"], [1, "Togo (old town)"], [2, "Ghana"], [4, "Togo"], [4, "Togo (old town)"], [6, "Ghana"],
        ]),
        Case(query: "people left join cities on city select id, city, country, population", rows: [
            [1, "Lomé", "Togo", 837_437], [1, "Lomé", "Togo (old town)", 1], [2, "Accra", "Ghana", 2_291_352],
            [3, nil, nil, nil], [4, "Lomé", "Togo", 837_437], [4, "Lomé", "Togo (old town)", 1],
            [5, "Dakar", nil, nil], [6, "Accra", "Ghana", 2_291_352],
        ]),
        Case(query: "people where age > 26 join cities on city select id, country", rows: [
            [1, "Togo"], [1, "Togo (old town)"], [4, "Togo"], [4, "Togo (old town)"],
        ]),
        Case(query: "people join cities on city | count by country", rows: [["Ghana", 2], ["Togo", 2], ["Togo (old town)", 2]]),
        Case(query: "people left join cities on city | where country is null | select id", rows: [[3], [5]]),
        Case(query: "people join cities on city | sort by population desc, id | select id, population", rows: [
            [2, 2_291_352], [6, 2_291_352], [1, 837_437], [4, 837_437], [1, 1], [4, 1],
        ]),
        Case(query: "let towns = cities select city as town, country\npeople join towns on city = town select id, city, town", rows: [
            [1, "Lomé", "Lomé"], [1, "Lomé", "Lomé"], [2, "Accra", "Accra"], [4, "Lomé", "Lomé"], [4, "Lomé", "Lomé"],
            [6, "Accra", "Accra"],
        ]),
        Case(query: "let big = cities where population > 1000\npeople join big on city select id", rows: [[1], [2], [4], [6]]),
        Case(query: "cities join people on city select country, id", rows: [
            ["Togo", 1], ["Togo", 4], ["Ghana", 2], ["Ghana", 6], ["Togo (old town)", 1], ["Togo (old town)", 4],
        ]),
        Case(query: "cities left join people on city select city, id", rows: [
            ["Lomé", 1], ["Lomé", 4], ["Accra", 2], ["Accra", 6], ["Abidjan", nil], ["Lomé", 1], ["Lomé", 4],
        ]),
        Case(query: "empty join people on id", rows: []),
        Case(query: "people join empty on id", rows: []),
        Case(query: "people left join empty on id select id, empty_name", rows: [
            [1, nil], [2, nil], [3, nil], [4, nil], [5, nil], [6, nil],
        ]),
    ]

    @Test(arguments: cases)
    func joins(_ c: Case) throws {
        #expect(try LangFixtures.rows(c.query) == c.rows)
    }

    @Test func theRightKeyIsDroppedWhenItHasTheLeftKeysName() throws {
        #expect(try LangFixtures.names("people join cities on city") == Self.peopleFields + ["country", "population"])
        #expect(try LangFixtures.names("people left join cities on city = city") == Self.peopleFields + ["country", "population"])
    }

    @Test func bothKeysAreKeptWhenTheyAreNamedDifferently() throws {
        #expect(try LangFixtures.names("let towns = cities select city as town, country\npeople join towns on city = town")
                == Self.peopleFields + ["town", "country"])
    }

    @Test func clashingRightColumnsAreRenamedAfterTheCollection() throws {
        #expect(try LangFixtures.names("let c2 = cities select city, country as name\npeople join c2 on city")
                == Self.peopleFields + ["c2_name"])
        #expect(try LangFixtures.names("people join people on id")
                == Self.peopleFields + ["people_name", "people_city", "people_age", "people_score", "people_active", "people_joined"])
        #expect(try LangFixtures.names("people join people on id join people on id").suffix(2) == ["people_active_2", "people_joined_2"])
    }

    @Test func renamedColumnsCanBeUsedLaterInTheQuery() throws {
        let rows = try LangFixtures.rows("people join people on id | where people_name = name | select id, people_age | limit 2")
        #expect(rows == [[1, 30], [2, nil]])
    }

    @Test func theReadmeJoinOnTheBuiltInData() throws {
        #expect(try LangFixtures.rows("arrests join countries on country | count by continent", in: .builtIn)
                == [["Africa", 8], ["Asia", 1]])
        let names = try LangFixtures.names("arrests join countries on country", in: .builtIn)
        #expect(names.suffix(4) == ["iso2", "iso3", "continent", "countries_source"])
        #expect(names.filter { $0 == "country" }.count == 1)
    }

    @Test func nullKeysNeverMatch() throws {
        let dataset = Dataset(collections: [
            Dataset.Collection(name: "l", table: try Table(columns: ["k", "lv"], rows: [[nil, "l-null"], [1, "l-1"], [2, "l-2"]])),
            Dataset.Collection(name: "r", table: try Table(columns: ["k", "rv"], rows: [[nil, "r-null"], [1, "r-1"]])),
        ])
        #expect(try LangFixtures.rows("l join r on k select lv, rv", in: dataset) == [["l-1", "r-1"]])
        #expect(try LangFixtures.rows("l left join r on k select lv, rv", in: dataset)
                == [["l-null", nil], ["l-1", "r-1"], ["l-2", nil]])
    }

    @Test func integerAndDecimalKeysMatchByValue() throws {
        let dataset = Dataset(collections: [
            Dataset.Collection(name: "l", table: try Table(columns: ["k"], rows: [[1], [2], [3]])),
            Dataset.Collection(name: "r", table: try Table(columns: ["x", "v"], rows: [[1.0, "one"], [2.5, "two and a half"], [3.0, "three"]])),
        ])
        #expect(try LangFixtures.rows("l join r on k = x select k, v", in: dataset) == [[1, "one"], [3, "three"]])
    }

    @Test func dateKeysJoin() throws {
        let dataset = Dataset(collections: [
            Dataset.Collection(name: "events", table: try Table(columns: ["day", "what"], rows: [
                [LangFixtures.date("2022-06-12"), "start"], [LangFixtures.date("2022-06-17"), "end"],
            ])),
        ])
        var merged = LangFixtures.dataset
        merged.merge(dataset)
        #expect(try LangFixtures.rows("people join events on joined = day select id, what", in: merged) == [[1, "start"], [4, "end"]])
    }
}
