// `count`, `count by` and `summarize`: every aggregate, nulls skipped, empty inputs, groups sorted by
// key, group fields first, and overflow reported rather than trapped.

import Testing
import WekaQL

@Suite struct AggregationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var query: String
        var names: [String]
        var rows: [[Value]]
        var testDescription: String { query }
    }

    static let cases: [Case] = [
        Case(query: "people count", names: ["count"], rows: [[6]]),
        Case(query: "empty count", names: ["count"], rows: [[0]]),
        Case(query: "people where age > 100 count", names: ["count"], rows: [[0]]),
        Case(query: "people count by city", names: ["city", "count"],
             rows: [["Accra", 2], ["Dakar", 1], ["Lomé", 2], [nil, 1]]),
        Case(query: "people count by city, active", names: ["city", "active", "count"],
             rows: [["Accra", false, 1], ["Accra", true, 1], ["Dakar", false, 1], ["Lomé", true, 2], [nil, nil, 1]]),
        Case(query: "people count by active", names: ["active", "count"], rows: [[false, 2], [true, 3], [nil, 1]]),
        Case(query: "people count by score", names: ["score", "count"], rows: [[1.0, 1], [2.5, 2], [4.0, 1], [nil, 2]]),
        Case(query: "people count by joined | limit 2", names: ["joined", "count"],
             rows: [[LangFixtures.date("2020-02-29"), 1], [LangFixtures.date("2021-01-31"), 1]]),
        Case(query: "empty count by name", names: ["name", "count"], rows: []),
        Case(query: "people summarize n = count(), c = count(age), d = count_distinct(age), s = sum(age), a = avg(age), lo = min(age), hi = max(age)",
             names: ["n", "c", "d", "s", "a", "lo", "hi"], rows: [[6, 4, 3, 126, .float(31.5), 25, 41]]),
        Case(query: "people summarize s = sum(score), a = avg(score), lo = min(score), hi = max(score), d = count_distinct(score)",
             names: ["s", "a", "lo", "hi", "d"], rows: [[10.0, 2.5, 1.0, 4.0, 3]]),
        Case(query: "people summarize lo = min(name), hi = max(name), c = count(city), d = count_distinct(city)",
             names: ["lo", "hi", "c", "d"], rows: [["Ana", "Émile", 5, 3]]),
        Case(query: "people summarize lo = min(joined), hi = max(joined), f = min(active), t = max(active)",
             names: ["lo", "hi", "f", "t"], rows: [[LangFixtures.date("2020-02-29"), LangFixtures.date("2022-12-31"), false, true]]),
        Case(query: "people summarize n = count(), s = sum(age), a = avg(score) by city", names: ["city", "n", "s", "a"],
             rows: [["Accra", 2, nil, 1.0], ["Dakar", 1, 41, 2.5], ["Lomé", 2, 60, 3.25], [nil, 1, 25, nil]]),
        Case(query: "people summarize n = count() by city, active | where n > 1", names: ["city", "active", "n"],
             rows: [["Lomé", true, 2]]),
        Case(query: "people summarize count(), sum(age), avg(score), count(age), min(name), max(name), count_distinct(city)",
             names: ["count", "sum_age", "avg_score", "count_age", "min_name", "max_name", "count_distinct_city"],
             rows: [[6, 126, 2.5, 4, "Ana", "Émile", 3]]),
        Case(query: "people summarize sum(age + 1)", names: ["sum"], rows: [[130]]),
        Case(query: "people summarize s = sum(age * 1.5), t = sum(1), u = sum(age / 2)", names: ["s", "t", "u"],
             rows: [[189.0, 6, .float(63)]]),
        Case(query: "empty summarize s = sum(id), n = count(), c = count(id), a = avg(id), m = min(name), d = count_distinct(name)",
             names: ["s", "n", "c", "a", "m", "d"], rows: [[nil, 0, 0, nil, nil, 0]]),
        Case(query: "people where age is null summarize s = sum(age), a = avg(age), lo = min(age), n = count(age), c = count()",
             names: ["s", "a", "lo", "n", "c"], rows: [[nil, nil, nil, 0, 2]]),
        Case(query: "empty summarize n = count() by name", names: ["name", "n"], rows: []),
        Case(query: "people summarize s = sum(age) by city sort by s desc", names: ["city", "s"],
             rows: [["Lomé", 60], ["Dakar", 41], [nil, 25], ["Accra", nil]]),
        // An output column named like a keyword is still a field.
        Case(query: "people count by city sort by count desc, city", names: ["city", "count"],
             rows: [["Accra", 2], ["Lomé", 2], ["Dakar", 1], [nil, 1]]),
        Case(query: "people count by city | where count > 1 | select city, count", names: ["city", "count"],
             rows: [["Accra", 2], ["Lomé", 2]]),
        Case(query: "people count | select `count` as n", names: ["n"], rows: [[6]]),
        Case(query: "people count by city | summarize total = sum(count), groups = count()", names: ["total", "groups"], rows: [[6, 4]]),
        Case(query: "people count by city | count", names: ["count"], rows: [[4]]),
    ]

    @Test(arguments: cases)
    func aggregates(_ c: Case) throws {
        let table = try LangFixtures.table(c.query)
        #expect(table.fields.map(\.name) == c.names)
        #expect(table.map(\.values) == c.rows)
    }

    @Test(arguments: [
        ("people count", ["count": ValueType.integer]),
        ("people summarize s = sum(age), a = avg(age), t = sum(score), m = min(name), x = max(joined), d = count_distinct(city)",
         ["s": .integer, "a": .float, "t": .decimal, "m": .string, "x": .date, "d": .integer]),
    ])
    func aggregateTypes(_ query: String, _ types: [String: ValueType]) throws {
        let table = try LangFixtures.table(query)
        for field in table.fields { #expect(field.type == types[field.name], "\(field.name)") }
    }

    @Test func groupsComeOutSortedByKeyWhateverTheInputOrder() throws {
        let dataset = try LangFixtures.dataset("t", ["k", "v"], [["b", 1], ["a", 2], [nil, 3], ["B", 4], ["a", 5], ["é", 6], ["b", 7]])
        #expect(try LangFixtures.rows("t summarize s = sum(v) by k", in: dataset)
                == [["B", 4], ["a", 7], ["b", 8], ["é", 6], [nil, 3]])
        #expect(try LangFixtures.rows("t sort by v desc | count by k", in: dataset)
                == [["B", 1], ["a", 2], ["b", 2], ["é", 1], [nil, 1]])
    }

    @Test func integerAndDecimalCountAsOneDistinctValue() throws {
        let dataset = try LangFixtures.dataset("t", ["x"], [[1], [1.0], [2], [nil]])
        #expect(try LangFixtures.value("t summarize d = count_distinct(x)", in: dataset) == 2)
        #expect(try LangFixtures.value("t summarize s = sum(x)", in: dataset) == 4.0)
    }

    @Test func theReadmeExamplesOnTheBuiltInData() throws {
        #expect(try LangFixtures.rows("arrests count by offence sort by count desc | limit 1", in: .builtIn)
                == [["human trafficking", 6]])
        #expect(try LangFixtures.rows("arrests summarize people = sum(arrested), reports = count() by offence", in: .builtIn) == [
            ["human trafficking", 41, 6],
            ["labour-related offences and possession of fraudulent identity documents", nil, 2],
            ["migrant smuggling", 5, 1],
        ])
        #expect(try LangFixtures.column("arrests count by country | select country", in: .builtIn) == [
            "Cameroon", "Côte d'Ivoire", "Gabon", "Gambia", "Lesotho", "Morocco", "Togo", "United Arab Emirates",
        ])
    }

    @Test func sumOverflowIsAnErrorAtTheAggregate() throws {
        let source = "numbers where label != \"min\" summarize s = sum(i)"
        let diagnostic = try #require(LangFixtures.failure(source))
        #expect(diagnostic.code == .integerOverflow)
        #expect(diagnostic.message == "integer overflow")
        #expect(diagnostic.location?.column == ExpressionTests.column(of: "sum(i)", in: source))
        #expect(LangFixtures.caretWidth(diagnostic) == 6)
    }

    @Test func sumsThatCancelOutDoNotOverflow() throws {
        #expect(try LangFixtures.value("numbers where label != \"one\" summarize s = sum(i)") == -1)
    }

    @Test func avgOfLargeIntegersDoesNotOverflow() throws {
        #expect(try LangFixtures.value("numbers where label != \"min\" summarize a = avg(i)") == .float((Double(Int64.max) + 1) / 2))
    }

    @Test func anAggregateArgumentErrorIsPlaced() throws {
        let source = "numbers summarize s = sum(1 / zero)"
        let diagnostic = try #require(LangFixtures.failure(source))
        #expect(diagnostic.code == .divisionByZero)
        #expect(diagnostic.location?.column == ExpressionTests.column(of: "1 / zero", in: source))
    }

    @Test func resultsAreDeterministic() throws {
        let query = "people summarize n = count(), s = sum(score) by city, active"
        let first = try LangFixtures.rows(query)
        for _ in 0..<5 { #expect(try LangFixtures.rows(query) == first) }
    }
}
