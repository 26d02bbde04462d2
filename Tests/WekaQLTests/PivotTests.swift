// `pivot` (values listed or from the data) and `unpivot` over the fixtures: columns, order, empty cells,
// and the errors of each misuse.

import Testing
import WekaQL

@Suite struct PivotTests {
    @Test func pivotWithValuesNamesTheColumnsBeforeItRuns() throws {
        let query = "people pivot city in (\"Lomé\", \"Accra\", \"Paris\") using count() by active"
        #expect(try LangFixtures.names(query) == ["active", "Lomé", "Accra", "Paris"])
        // Groups sorted by the key (false, true, null); a value no row has counts 0.
        #expect(try LangFixtures.rows(query) == [[false, 0, 1, 0], [true, 2, 1, 0], [nil, 0, 0, 0]])
        let sums = "people pivot city in (\"Lomé\", \"Accra\") using sum(age) by active"
        #expect(try LangFixtures.rows(sums) == [[false, nil, nil], [true, 60, nil], [nil, nil, nil]])
        #expect(try Engine(dataset: LangFixtures.dataset).prepare(sums).fields.map(\.type) == [.boolean, .integer, .integer])
    }

    /// With `in (…)`, rows of other values are not aggregated (as FILTER (WHERE …)): their overflowing sum is
    /// no error, and a group that has only such rows still gets its row.
    @Test func pivotWithValuesAggregatesOnlyTheirRows() throws {
        var dataset = Dataset.empty
        try dataset.load(text: "k,v,n\na,1,9223372036854775807\na,1,1\na,2,5\nb,1,3\n", name: "t", format: .csv,
                         options: try LoadOptions(parsing: "types=n:integer"))
        let rows = try Engine(dataset: dataset).query("t pivot v in (2, 3) using sum(n) by k").map(\.values)
        #expect(rows == [["a", 5, nil], ["b", nil, nil]])
    }

    @Test func pivotWithoutValuesTakesThemSortedFromTheRows() throws {
        let query = "people pivot city using max(id)"
        #expect(try LangFixtures.names(query) == ["Accra", "Dakar", "Lomé"])   // the null city makes no column
        #expect(try LangFixtures.rows(query) == [[6, 5, 4]])
        #expect(try LangFixtures.rows("people pivot active using count() by city | where city is not null | top 1 by city desc")
                == [["Lomé", 0, 2]])
    }

    @Test func unpivotMakesARowPerFieldAndDropsNulls() throws {
        let query = "people where id <= 3 unpivot age, score into field, value"
        #expect(try LangFixtures.names(query) == ["id", "name", "city", "active", "joined", "field", "value"])
        #expect(try LangFixtures.rows(query + " select id, field, value")
                == [[1, "age", 30.0], [1, "score", 2.5], [2, "score", 1.0], [3, "age", 25.0]])
    }

    static let misuses: [(String, Diagnostic.Code, String)] = [
        ("people pivot city using age by active", .pivotNeedsAggregate, "age"),
        ("people pivot city using round(sum(age)) by active", .pivotNeedsAggregate, "round(sum(age))"),
        ("people pivot city using count() by active | select active", .pivotColumnsAtRunTime, "select"),
        ("let p = people pivot city using count()", .pivotColumnsAtRunTime, "pivot city using count()"),
        ("people pivot city in (1) using count()", .pivotValueType, "1"),
        ("people pivot city in (name) using count()", .notConstant, "name"),
        ("people pivot city in (\"Lomé\", \"Lomé\") using count()", .duplicateColumn, "\"Lomé\""),
        ("people pivot joined in (\"2022-13-01\") using count()", .invalidDate, "\"2022-13-01\""),
        ("people pivot cty using count()", .unknownField, "cty"),
        ("people unpivot age, name into field, value", .unpivotTypes, "name"),
        ("people unpivot age, age into field, value", .duplicateColumn, "age"),
        ("people unpivot age into city, value", .duplicateColumn, "city"),
    ]

    @Test(arguments: misuses)
    func misusesArePlacedErrors(_ query: String, _ code: Diagnostic.Code, _ placed: String) throws {
        let diagnostics = LangFixtures.diagnostics(query)
        #expect(diagnostics.map(\.code) == [code])
        let range = try #require(diagnostics.first?.range)
        #expect(SourceFile(name: "-", text: query).text(in: range) == placed)
    }

    @Test func dynamicColumnsClashingWithAKeyFailWhenRun() {
        let failure = LangFixtures.failure("people extend Lomé = 1 | pivot city using count() by Lomé")
        #expect(failure?.code == .duplicateColumn)
    }
}
