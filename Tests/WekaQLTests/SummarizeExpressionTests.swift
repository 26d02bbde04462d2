// Expressions over aggregates in summarize (`round(sum(a) / sum(b), 2)`), and grouping by expressions.

import Testing
import WekaQL

@Suite struct SummarizeExpressionTests {
    @Test func anItemMayBeAnExpressionOverAggregates() throws {
        // Ages 30, null, 25, 30, 41, null; scores 2.5, 1.0, null, 4.0, 2.5, null.
        let rows = try LangFixtures.rows("people summarize spread = max(age) - min(age), mean = round(sum(score) / count(score), 2), n = count()")
        #expect(rows == [[16, 2.5, 6]])
    }

    @Test func keysMayBeUsedBesideAggregates() throws {
        let rows = try LangFixtures.rows("people summarize label = city || \": \" || count(), n = count() by city")
        #expect(rows == [["Accra", "Accra: 2", 2], ["Dakar", "Dakar: 1", 1], ["Lomé", "Lomé: 2", 2], [.null, .null, 1]])
    }

    @Test func plainAggregatesAndExpressionsMix() throws {
        let table = try LangFixtures.table("people summarize total = sum(age), if(count(age) > 1, \"many\", \"few\"), max(age) by active")
        #expect(table.fields.map(\.name) == ["active", "total", "if(count(age) > 1, \"many\", \"few\")", "max_age"])
        #expect(table.map(\.values) == [[false, 41, "few", 41], [true, 60, "many", 30], [.null, 25, "few", 25]])
    }

    @Test func groupsByExpressions() throws {
        #expect(try LangFixtures.rows("people count by year(joined)") == [[2020, 1], [2021, 1], [2022, 3], [.null, 1]])
        let table = try LangFixtures.table("people summarize n = count() by decade = floor(age / 10) * 10")
        #expect(table.fields.map(\.name) == ["decade", "n"])
        #expect(table.map(\.values) == [[20, 1], [30, 2], [40, 1], [.null, 2]])
        #expect(try LangFixtures.rows("people summarize n = count() by city, older = age > 28 sort by city limit 2")
                == [["Accra", .null, 2], ["Dakar", true, 1]])
    }

    @Test func anExpressionKeyIsComputedOnlyForTheRowsThatReachIt() throws {
        // Only the row with zero = 0 reaches `count by`; the division is never done on the others… and
        // here no row survives the filter, so there is no group and no division.
        #expect(try LangFixtures.rows("numbers where zero != 0 count by i / zero") == [])
    }

    static let errors: [ExpectedDiagnostic] = [
        ExpectedDiagnostic(source: "people summarize x = age + sum(age) by city", code: .notGrouped, line: 1, column: 22, width: 3,
                           message: "field \"age\" is neither a key of \"by\" nor inside an aggregate",
                           hints: ["use it inside an aggregate such as sum(age) or max(age), or add it to the keys of \"by\" (now: city)"]),
        ExpectedDiagnostic(source: "people summarize x = name || \"!\"", code: .notAggregate, line: 1, column: 22, width: 11,
                           message: "\"summarize\" needs an aggregate such as sum(arrested)", hints: ["aggregates:"]),
        ExpectedDiagnostic(source: "people where sum(age) > 1", code: .misplacedAggregate, line: 1, column: 14, width: 8,
                           message: "aggregate \"sum\" can only be used in \"summarize\"", hints: ["for example:"]),
        ExpectedDiagnostic(source: "people count by sum(age)", code: .misplacedAggregate, line: 1, column: 17, width: 8,
                           message: "aggregate \"sum\" can only be used in \"summarize\"", hints: ["for example:"]),
        ExpectedDiagnostic(source: "people summarize s = sum(name) + 1", code: .argumentType, line: 1, column: 26, width: 4,
                           message: "sum(number) needs a number here, found string"),
        ExpectedDiagnostic(source: "people summarize n = count() by y = year(joined), y = 1", code: .duplicateColumn, line: 1, column: 51, width: 1,
                           message: "column \"y\" appears twice in the result", hints: ["name one of them"]),
    ]

    @Test(arguments: errors)
    func misusesArePlacedErrors(_ expected: ExpectedDiagnostic) {
        let diagnostics = LangFixtures.diagnostics(expected.source)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.description))")
        expected.check(diagnostics.first)
    }
}
