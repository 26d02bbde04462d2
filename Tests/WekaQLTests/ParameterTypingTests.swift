// A `$parameter` keeps its value in every place: where the place gives it a type (`year($p)` takes a
// date, `x > $n` the type of x) and where it does not (`select $n`, `abs($n)`), the value's own type
// decides, as DuckDB binds a prepared statement's untyped parameters when it runs.

import Testing
import WekaQL

@Suite struct ParameterTypingTests {
    static let values: [String: Value] = ["n": 5, "p": "1965-07-12", "d": 2.5, "s": "x"]

    @Test(arguments: [
        ("$n", Value.integer(5)), ("abs($n)", 5), ("abs(-$n)", 5), ("year($p)", 1965), ("month($p)", 7), ("$n + 1", 6),
        ("$n * 2.5", 12.5), ("$d", 2.5), ("abs($d)", 2.5), ("floor($d)", 2), ("round($n, 1)", 5), ("$s", "x"), ("$p", "1965-07-12"),
        ("coalesce($n, 1)", 5), ("concat($s, $n)", "x5"), ("upper($s)", "X"), ("length($s)", 1), ("substr(\"abc\", $n - 3)", "bc"),
        ("$n = 5", true), ("$n > id", true), ("$n in (4, 5)", true), ("id in ($n, 1)", true), ("$n between 1 and 9", true),
        ("id between 0 and $n", true), ("$n is null", false), ("-$n", -5), ("$n % 3", 2), ("$d > $n", false),
    ])
    func aParameterKeepsItsValue(_ expression: String, _ expected: Value) throws {
        let dataset = try LangFixtures.dataset("t", ["id"], [[1]])
        let query = "t select \(expression) as r"
        var engine = Engine(dataset: dataset)
        let viaText = try engine.run(query, parameters: Self.values).last?.table.map(\.values)
        #expect(viaText == [[expected]], "run")
        let viaPrepared = try Engine(dataset: dataset).prepare(query).run(Self.values).map(\.values)
        #expect(viaPrepared == [[expected]], "prepare")
    }

    @Test func parametersWorkInSortKeysLimitsAndFilters() throws {
        let dataset = try LangFixtures.dataset("t", ["id"], [[1], [2], [3], [4]])
        let query = "t where id < $n and id not in ($s2) sort by $n, id desc limit $k"
        let values: [String: Value] = ["n": 4, "s2": 2, "k": 1]
        var engine = Engine(dataset: dataset)
        #expect(try engine.run(query, parameters: values).last?.table.map(\.values) == [[3]])
        #expect(try Engine(dataset: dataset).prepare(query).run(values).map(\.values) == [[3]])
    }

    /// Found by the DuckDB differential test: `$p between false and true` declared `p` untyped, so the
    /// command line read `--param p=true` as the text "true" and no row was kept.
    @Test(arguments: [
        ("$b between false and true", ["b": ValueType.boolean]), ("$n in (1, 2)", ["n": .integer]),
        ("$d not between 1.5 and id", ["d": .decimal]), ("$s in (null, \"x\")", ["s": .string]),
    ])
    func theSubjectOfInOrBetweenIsTypedByTheOthers(_ condition: String, _ expected: [String: ValueType]) throws {
        let dataset = try LangFixtures.dataset("t", ["id"], [[1]])
        #expect(try Engine(dataset: dataset).prepare("t where \(condition)").parameters == expected)
    }

    @Test func aPreparedQueryTypesAnOpenParameterByEachValue() throws {
        let dataset = try LangFixtures.dataset("t", ["id"], [[1]])
        let prepared = try Engine(dataset: dataset).prepare("t select $v as v, abs($v) as a")
        #expect(prepared.parameters == ["v": .null])
        #expect(try prepared.run(["v": 5]).map(\.values) == [[5, 5]])
        #expect(try prepared.run(["v": -2.5]).map(\.values) == [[-2.5, 2.5]])
        #expect(try prepared.run(["v": .null]).map(\.values) == [[nil, nil]])
        // A value the place cannot take is an error at the place, as when the query is written out.
        let error = #expect(throws: Diagnostic.self) { try prepared.run(["v": "text"]) }
        #expect(error?.code == .argumentType)
        #expect(error?.location?.column == 23)
    }
}
