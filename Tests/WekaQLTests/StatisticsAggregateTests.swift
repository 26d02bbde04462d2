// median, percentile, stddev, variance, count_if, string_agg, first and last, checked against DuckDB.

import Testing
import WekaQL

@Suite struct StatisticsAggregateTests {
    /// DuckDB's value for the SQL in the comment, over the same `people` rows in id order
    /// (ages 30, null, 25, 30, 41, null; scores 2.5, 1.0, null, 4.0, 2.5, null).
    @Test(arguments: [
        ("median(age)", 30.0),  // DuckDB: median(age)
        ("median(score)", 2.5),  // DuckDB: median(score)
        ("percentile(age, 0.25)", 28.75),  // DuckDB: quantile_cont(age, 0.25)
        ("percentile(score, 0.9)", 3.5500000000000003),  // DuckDB: quantile_cont(score, 0.9)
        ("percentile(age, 0)", 25.0),  // DuckDB: quantile_cont(age, 0)
        ("percentile(age, 1)", 41.0),  // DuckDB: quantile_cont(age, 1)
        ("stddev(age)", 6.757711644237764),  // DuckDB: stddev_samp(age)
        ("variance(age)", 45.666666666666664),  // DuckDB: var_samp(age)
        ("stddev(score)", 1.224744871391589),  // DuckDB: stddev_samp(score)
        ("variance(score)", 1.5),  // DuckDB: var_samp(score)
        ("count_if(age > 26)", 3),  // DuckDB: count_if(age > 26)
        ("count_if(active)", 3),  // DuckDB: count_if(active)
        ("string_agg(name, \", \")", "Ana, bob, Chloé, Dan, Émile, Faye"),  // DuckDB: string_agg(name, ', ')
        ("string_agg(city)", "Lomé,Accra,Lomé,Dakar,Accra"),  // DuckDB: string_agg(city)
        ("first(city)", "Lomé"),  // DuckDB: first(city)
        ("last(age)", .null),  // DuckDB: last(age)
        ("first(age)", 30),  // DuckDB: first(age)
        ("last(name)", "Faye"),  // DuckDB: last(name)
    ] as [(String, Value)])
    func computesAsDuckDB(_ aggregate: String, _ value: Value) throws {
        #expect(try LangFixtures.value("people summarize v = \(aggregate)").asFloat == value.asFloat)
    }

    @Test func oneRowHasNoSampleSpread() throws {
        // DuckDB: stddev_samp and var_samp of one value are null; its median is the value.
        #expect(try LangFixtures.rows("people where id = 1 summarize stddev(age), variance(age), median(age)") == [[.null, .null, .float(30)]])
        #expect(try LangFixtures.rows("empty summarize median(id), count_if(id > 1), string_agg(name), first(name)") == [[.null, 0, .null, .null]])
    }

    @Test func theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() throws {
        #expect(try LangFixtures.value("people where age is not null and id != 5 summarize v = median(age)") == .float(30))
        #expect(try LangFixtures.value("people where id in (1, 3) summarize v = median(age)") == .float(27.5))
    }

    @Test func perGroupAndInExpressions() throws {
        #expect(try LangFixtures.rows("people summarize m = median(age), n = count_if(active) by city")
                == [["Accra", .null, 1], ["Dakar", .float(41), 0], ["Lomé", .float(30), 2], [.null, .float(25), 0]])
        #expect(try LangFixtures.value("people summarize v = round(percentile(age, 0.9) - percentile(age, 0.1), 1)") == .float(11.2))  // DuckDB: 11.200000000000003 before rounding
    }

    @Test(arguments: [("median(age)", ValueType.float), ("percentile(age, 0.5)", .float), ("stddev(age)", .float),
                      ("variance(score)", .float), ("count_if(active)", .integer), ("string_agg(age)", .string),
                      ("first(joined)", .date), ("last(name)", .string)])
    func resultTypes(_ aggregate: String, _ type: ValueType) throws {
        #expect(try LangFixtures.table("people summarize v = \(aggregate)").fields.first?.type == type)
    }

    static let errors: [ExpectedDiagnostic] = [
        ExpectedDiagnostic(source: "people summarize percentile(age, score)", code: .notConstant, line: 1, column: 34, width: 5,
                           message: "expected a fraction from 0 to 1, such as 0.9 (a constant) here"),
        ExpectedDiagnostic(source: "people summarize percentile(age, 1.5)", code: .notConstant, line: 1, column: 34, width: 3,
                           message: "expected a fraction from 0 to 1, such as 0.9 (a constant) here"),
        ExpectedDiagnostic(source: "people summarize percentile(age)", code: .argumentCount, line: 1, column: 18, width: 15,
                           message: "wrong number of arguments (1) to percentile(number, fraction)",
                           hints: ["call it as percentile(number, fraction)"]),
        ExpectedDiagnostic(source: "people summarize median(name)", code: .argumentType, line: 1, column: 25, width: 4,
                           message: "median(number) needs a number here, found string"),
        ExpectedDiagnostic(source: "people summarize count_if(age)", code: .argumentType, line: 1, column: 27, width: 3,
                           message: "count_if(condition) needs a condition here, found integer"),
        ExpectedDiagnostic(source: "people summarize string_agg(name, city)", code: .notConstant, line: 1, column: 35, width: 4,
                           message: "expected a separator in double quotes, such as \", \" here"),
        ExpectedDiagnostic(source: "people where median(age) > 1", code: .misplacedAggregate, line: 1, column: 14, width: 11,
                           message: "aggregate \"median\" can only be used in \"summarize\"", hints: ["for example:"]),
    ]

    @Test(arguments: errors)
    func misusesArePlacedErrors(_ expected: ExpectedDiagnostic) {
        let diagnostics = LangFixtures.diagnostics(expected.source)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.description))")
        expected.check(diagnostics.first)
    }
}

private extension Value {
    /// A number as a float (the statistics are floats; the table writes their expected values as literals).
    var asFloat: Value {
        switch self {
        case .integer, .decimal, .float: return .float(doubleValue!)
        default: return self
        }
    }
}
