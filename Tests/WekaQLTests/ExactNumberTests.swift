// Integers stay exact: rounding functions, sums and means never pass an integer through a decimal,
// a sum fails only when its final value does not fit, whatever the order of the rows; and `coalesce`
// evaluates an argument only where it is reached.

import Testing
import WekaQL

@Suite struct ExactNumberTests {
    static let large: Int64 = 18_638_001_897_279_689   // past 2^53: a decimal cannot hold it

    @Test(arguments: [
        ("floor(b)", large, Value.integer(Self.large)), ("ceil(b)", large, .integer(Self.large)), ("round(b)", large, .integer(Self.large)),
        ("floor(b)", -Int64.max, .integer(-Int64.max)), ("round(b)", -Int64.max, .integer(-Int64.max)),
        ("ceil(b)", Int64.max, .integer(Int64.max)), ("floor(b)", Int64.min, .integer(Int64.min)),
        ("round(b, 2)", large, .integer(Self.large)), ("round(b, 0)", Int64.max, .integer(Int64.max)),
        ("round(b, -2)", large, .integer(18_638_001_897_279_700)), ("round(b, -1)", 15, .integer(20)),
        ("round(b, -1)", -15, .integer(-20)), ("round(b, -1)", 14, .integer(10)), ("round(b, -1)", -14, .integer(-10)),
        ("round(b, -19)", large, .integer(0)), ("round(b, -40)", Int64.max, .integer(0)),
        ("abs(b)", -Int64.max, .integer(Int64.max)), ("b % -4", -7, .integer(-3)), ("b % 3", -7, .integer(-1)),
        ("b % -1", Int64.min, .integer(0)), ("b * 1", Int64.min, .integer(Int64.min)), ("-b", -Int64.max, .integer(Int64.max)),
    ])
    func integersRoundExactly(_ expression: String, _ b: Int64, _ expected: Value) throws {
        let dataset = try LangFixtures.dataset("t", ["b"], [[.integer(b)]])
        let table = try LangFixtures.table("t select \(expression) as r", in: dataset)
        #expect(table.fields[0].type == .integer)
        #expect(table.map(\.values) == [[expected]])
    }

    @Test(arguments: [
        ("round(b, -1)", Int64.max), ("round(b, -19)", Int64.max), ("round(b, -1)", -Int64.max), ("abs(b)", Int64.min),
        ("b + 1", Int64.max), ("b - 1", Int64.min), ("b * -1", Int64.min), ("-b", Int64.min), ("b * 2", Int64.max / 2 + 1),
    ])
    func integerResultsThatDoNotFitAreOverflowErrors(_ expression: String, _ b: Int64) throws {
        let dataset = try LangFixtures.dataset("t", ["b"], [[.integer(b)]])
        let source = "t select \(expression) as r"
        let diagnostic = try #require(LangFixtures.failure(source, in: dataset))
        #expect(diagnostic.code == .integerOverflow)
        #expect(diagnostic.location?.column == ExpressionTests.column(of: expression, in: source))
    }

    @Test func decimalsRoundAsBefore() throws {
        #expect(try LangFixtures.rows("numbers where label = \"max\" select floor(d), ceil(d), round(d), round(d, 0), round(2.25, 1), round(1234.5, -2)")
                == [[1, 2, 2, 2.0, 2.3, 1200.0]])
    }

    /// Every order of the rows, the fast path over an integer column and the general one over an
    /// expression, grouped and not.
    static let sumQueries = ["t summarize s = sum(n)", "t summarize s = sum(n + 0)", "t summarize s = sum(n) by g | select s",
                             "t summarize s = sum(n * 1) by g | select s"]

    static func permutations(_ values: [Int64]) -> [[Int64]] {
        guard values.count > 1 else { return [values] }
        return values.indices.flatMap { i in
            var rest = values
            let first = rest.remove(at: i)
            return permutations(rest).map { [first] + $0 }
        }
    }

    static func dataset(_ values: [Int64]) throws -> Dataset {
        try LangFixtures.dataset("t", ["g", "n"], values.map { [1, .integer($0)] })
    }

    @Test(arguments: sumQueries)
    func aSumFailsOnlyWhenItsFinalValueDoesNotFit(_ query: String) throws {
        for order in Self.permutations([Int64.max, 1, -1]) {
            #expect(try LangFixtures.value(query, in: Self.dataset(order)) == .integer(.max), "\(order)")
        }
        for order in Self.permutations([Int64.min, -1, 1, -1]) {
            let diagnostic = try #require(LangFixtures.failure(query, in: Self.dataset(order)))
            #expect(diagnostic.code == .integerOverflow)
            #expect(diagnostic.location?.column == ExpressionTests.column(of: "sum(", in: query))
        }
    }

    @Test(arguments: sumQueries.map { $0.replacingOccurrences(of: "sum(", with: "avg(") })
    func avgIsTheNearestDecimalToTheExactMean(_ query: String) throws {
        for order in Self.permutations([Int64.max, Int64.min, 1]) {
            #expect(try LangFixtures.value(query, in: Self.dataset(order)) == .float(0), "\(order)")
        }
        // (2^53 + 1 + 2^53 + 2) / 3 is 6004799503160662.33…; through a decimal sum it would be …663.
        #expect(try LangFixtures.value(query, in: Self.dataset([9_007_199_254_740_993, 9_007_199_254_740_994, 0]))
                == .float(6_004_799_503_160_662))
        #expect(try LangFixtures.value(query, in: Self.dataset([.max, .max, .max - 1])) == .float(Double(Int64.max)))
        #expect(try LangFixtures.value(query, in: Self.dataset([-7, 0, 0])) == .float(-7.0 / 3))
    }

    @Test func minAndMaxOfLargeIntegersAreExact() throws {
        let dataset = try Self.dataset([.max, .max - 1, Self.large + 1, Self.large])
        for argument in ["n", "n + 0"] {
            #expect(try LangFixtures.rows("t summarize lo = min(\(argument)), hi = max(\(argument))", in: dataset)
                    == [[.integer(Self.large), .integer(.max)]])
        }
    }

    @Test func aDecimalSumPastTheRangeIsAnError() throws {
        let dataset = try LangFixtures.dataset("t", ["k", "d"], [[1, 1e308], [1, 1e308]])
        for query in ["t summarize s = sum(d)", "t summarize s = sum(d) by k", "t summarize a = avg(d)"] {
            #expect(try #require(LangFixtures.failure(query, in: dataset)).code == .numberOutOfRange)
        }
        #expect(try LangFixtures.value("t summarize s = sum(d * 0.5)", in: dataset) == 1e308)
    }

    @Test(arguments: [
        ("coalesce(o, 1 / 0)", [.float(1), .float(2)]), ("coalesce(1, 1 / 0)", [.float(1), .float(1)]), ("coalesce(o, 5)", [1, 2]),
        ("coalesce(o, o, 1 / 0)", [.float(1), .float(2)]),
        ("false and (1 / 0 = 1)", [false, false]), ("true or (1 / 0 = 1)", [true, true]),
        ("o = 0 and (1 / o = 1)", [false, false]), ("o != 0 or (1 / 0 = 1)", [true, true]),
    ] as [(String, [Value])])
    func laterArgumentsAreEvaluatedOnlyWhereNeeded(_ expression: String, _ expected: [Value]) throws {
        let dataset = try LangFixtures.dataset("t", ["o"], [[1], [2], [nil]])
        #expect(try LangFixtures.column("t where o is not null select (\(expression)) as r", in: dataset) == expected)
    }

    @Test func aLaterArgumentFailsWhereItIsReached() throws {
        let dataset = try LangFixtures.dataset("t", ["o"], [[1], [nil]])
        let source = "t select coalesce(o, 1 / 0) as r"
        let diagnostic = try #require(LangFixtures.failure(source, in: dataset))
        #expect(diagnostic.code == .divisionByZero)
        #expect(diagnostic.location?.column == ExpressionTests.column(of: "1 / 0", in: source))
        #expect(try LangFixtures.column("t where coalesce(o, 1 / 0) = 1 and (o = 1 or 1 / 0 = 1) select o", in: try LangFixtures.dataset("t", ["o"], [[1], [2]]))
                == [1])
    }
}
