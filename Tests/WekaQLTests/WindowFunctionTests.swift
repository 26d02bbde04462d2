// Window functions over the `people` fixture: frames with and without `sort by`, peers, ties, nulls,
// partitions, lag and lead at the edges, the input order kept; and the errors each misuse gives.

import Testing
import WekaQL

@Suite struct WindowFunctionTests {
    static func column(_ query: String) throws -> [Value] { try LangFixtures.column(query) }

    @Test func withoutSortTheFrameIsThePartition() throws {
        #expect(try Self.column("people select n = count() over ()") == [6, 6, 6, 6, 6, 6])
        // Partitions by city (null is one partition); sum skips the null ages.
        #expect(try Self.column("people select s = sum(age) over (by city)") == [60, nil, 25, 60, 41, nil])
        #expect(try Self.column("people select c = count(age) over (by city)") == [2, 0, 1, 2, 1, 0])
    }

    @Test func withSortTheFrameRunsToTheLastPeer() throws {
        // Ages in order: 25, 30, 30, 41, null, null; rows 1 and 4 (30) are peers and share their total.
        #expect(try Self.column("people select s = sum(age) over (sort by age)") == [85, 126, 25, 85, 126, 126])
        #expect(try Self.column("people select s = sum(id) over (sort by id desc)") == [21, 20, 18, 15, 11, 6])
        #expect(try Self.column("people select m = max(name) over (sort by id)") == ["Ana", "bob", "bob", "bob", "Émile", "Émile"])
    }

    @Test func ranksShareTiesAsInSQL() throws {
        // score: 2.5, 1.0, null, 4.0, 2.5, null — desc, nulls last.
        #expect(try Self.column("people select r = rank() over (sort by score desc)") == [2, 4, 5, 1, 2, 5])
        #expect(try Self.column("people select r = dense_rank() over (sort by score desc)") == [2, 3, 4, 1, 2, 4])
        #expect(try Self.column("people select r = row_number() over (sort by score desc)") == [2, 4, 5, 1, 3, 6])
        #expect(try Self.column("people select r = rank() over ()") == [1, 1, 1, 1, 1, 1])
        #expect(try Self.column("people select r = row_number() over (by city sort by id)") == [1, 1, 1, 2, 1, 2])
    }

    @Test func lagAndLeadAreNullPastTheEdges() throws {
        #expect(try Self.column("people select x = lag(id) over (sort by id)") == [nil, 1, 2, 3, 4, 5])
        #expect(try Self.column("people select x = lead(name, 2) over (sort by id)") == ["Chloé", "Dan", "Émile", "Faye", nil, nil])
        #expect(try Self.column("people select x = lag(id, 0) over ()") == [1, 2, 3, 4, 5, 6])
        #expect(try Self.column("people select x = lag(id) over (by city sort by id)") == [nil, nil, nil, 1, nil, 2])
    }

    @Test func runningStatisticsMatchTheWholeFrame() throws {
        #expect(try Self.column("people select m = median(age) over (sort by id)") == [30.0, 30.0, 27.5, 30.0, 30.0, 30.0].map(Value.float))
        #expect(try Self.column("people select p = percentile(id, 0.25) over (sort by id)") == [1.0, 1.25, 1.5, 1.75, 2.0, 2.25].map(Value.float))
        #expect(try Self.column("people select t = string_agg(name, \"+\") over (sort by id) | limit 3") == ["Ana", "Ana+bob", "Ana+bob+Chloé"])
        #expect(try Self.column("people select d = count_distinct(city) over (sort by id)") == [1, 2, 2, 2, 3, 3])
    }

    @Test func windowsInExpressionsAndTheOrderKept() throws {
        #expect(try Self.column("people where id <= 4 select share = id / sum(id) over ()") == [0.1, 0.2, 0.3, 0.4].map(Value.float))
        #expect(try LangFixtures.names("people extend r = rank() over (sort by id desc)") == LangFixtures.peopleColumns + ["r"])
        #expect(try LangFixtures.names("people select *, rank() over (sort by id)") == LangFixtures.peopleColumns + ["rank() over (sort by id)"])
        // The rows stay in their order: the window's sort does not leak into the result.
        #expect(try Self.column("people select id, r = rank() over (sort by name desc) select id") == [1, 2, 3, 4, 5, 6])
    }

    @Test func windowsSeeOnlyTheRowsSelected() throws {
        #expect(try Self.column("people where city = \"Lomé\" select n = count() over (), r = row_number() over () select r") == [1, 2])
        #expect(try Self.column("people sort by id desc | limit 3 | select r = row_number() over (sort by id)") == [3, 2, 1])
    }

    /// (query, code, the text the caret is under)
    static let misuses: [(String, Diagnostic.Code, String)] = [
        ("people where rank() over (sort by age) <= 2", .misplacedWindow, "rank() over (sort by age)"),
        ("people sort by row_number() over ()", .misplacedWindow, "row_number() over ()"),
        ("people summarize s = sum(age) over ()", .misplacedWindow, "sum(age) over ()"),
        ("people summarize s = max(rank() over (sort by age))", .misplacedWindow, "rank() over (sort by age)"),
        ("people count by rank() over ()", .misplacedWindow, "rank() over ()"),
        ("people extend x = sum(rank() over ()) over ()", .misplacedWindow, "rank() over ()"),
        ("people extend r = rank()", .windowNeedsOver, "rank()"),
        ("people where lag(age) > 1", .windowNeedsOver, "lag(age)"),
        ("people extend x = lower(name) over ()", .notWindowFunction, "lower"),
        ("people extend x = rank(age) over ()", .argumentCount, "rank(age) over ()"),
        ("people extend x = lag(age, id) over ()", .notConstant, "id"),
        ("people extend x = lag(age, -1) over ()", .notConstant, "-1"),
        ("people extend x = sum(name) over ()", .argumentType, "name"),
        ("people extend x = sum(age)", .misplacedAggregate, "sum(age)"),
        ("people extend x = rank() over (by nme)", .unknownField, "nme"),
    ]

    @Test(arguments: misuses)
    func misusesArePlacedErrors(_ query: String, _ code: Diagnostic.Code, _ placed: String) throws {
        let diagnostics = LangFixtures.diagnostics(query)
        #expect(diagnostics.map(\.code) == [code])
        let range = try #require(diagnostics.first?.range)
        #expect(SourceFile(name: "-", text: query).text(in: range) == placed)
        #expect(!(diagnostics.first?.hints.isEmpty ?? true) || code == .notConstant || code == .unknownField || code == .argumentType)
    }

    @Test func overParsesWithItsParts() {
        #expect(LangFixtures.diagnostics("people extend r = rank() over (by city, active order by age desc, id)").isEmpty)
        let missing = LangFixtures.diagnostics("people extend r = rank() over (by city age)")
        #expect(missing.map(\.code) == [.expected])
        #expect(LangFixtures.diagnostics("people extend r = rank() over by city").map(\.code) == [.expected])
    }
}
