// `sort by` / `order by`: stable, several keys, asc and desc, nulls last in both directions, strings by
// code point, numbers by value whatever their type.

import Testing
import WekaQL

@Suite struct SortTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var keys: String
        var ids: [Value]
        var testDescription: String { "sort by \(keys)" }
        init(_ keys: String, _ ids: [Value]) {
            self.keys = keys
            self.ids = ids
        }
    }

    /// People: 1 Ana 30 2.5 Lomé · 2 bob null 1.0 Accra · 3 Chloé 25 null null · 4 Dan 30 4.0 Lomé ·
    /// 5 Émile 41 2.5 Dakar · 6 Faye null null Accra.
    static let cases: [Case] = [
        Case("id", [1, 2, 3, 4, 5, 6]),
        Case("id desc", [6, 5, 4, 3, 2, 1]),
        Case("age", [3, 1, 4, 5, 2, 6]),
        Case("age asc", [3, 1, 4, 5, 2, 6]),
        Case("age desc", [5, 1, 4, 3, 2, 6]),
        Case("score", [2, 1, 5, 4, 3, 6]),
        Case("score desc", [4, 1, 5, 2, 3, 6]),
        Case("name", [1, 3, 4, 6, 2, 5]),
        Case("name desc", [5, 2, 6, 4, 3, 1]),
        Case("city", [2, 6, 5, 1, 4, 3]),
        Case("city desc", [1, 4, 5, 2, 6, 3]),
        Case("city, age desc", [2, 6, 5, 1, 4, 3]),
        Case("city desc, id desc", [4, 1, 5, 6, 2, 3]),
        Case("city, score desc", [2, 6, 5, 4, 1, 3]),
        Case("joined", [5, 2, 1, 4, 6, 3]),
        Case("joined desc", [6, 4, 1, 2, 5, 3]),
        Case("active", [2, 5, 1, 4, 6, 3]),
        Case("active desc", [1, 4, 6, 2, 5, 3]),
        Case("-age", [5, 1, 4, 3, 2, 6]),
        Case("length(name), id desc", [4, 2, 1, 6, 5, 3]),
        Case("lower(name)", [1, 2, 3, 4, 6, 5]),
        Case("age * 1.0 desc", [5, 1, 4, 3, 2, 6]),
        Case("coalesce(age, 0)", [2, 6, 3, 1, 4, 5]),
        Case("age is null, name desc", [5, 4, 3, 1, 2, 6]),
        Case("`city`", [2, 6, 5, 1, 4, 3]),
    ]

    @Test(arguments: cases)
    func sorts(_ c: Case) throws {
        #expect(try LangFixtures.column("people sort by \(c.keys) select id") == c.ids)
        #expect(try LangFixtures.column("people order by \(c.keys) select id") == c.ids)
        #expect(try LangFixtures.column("people | SORT BY \(c.keys) | select id") == c.ids)
    }

    @Test func sortingIsStableOverManyRows() throws {
        let rows: [[Value]] = (0..<200).map { [.integer(Int64($0)), .integer(Int64(($0 * 7) % 5))] }
        let dataset = try LangFixtures.dataset("t", ["id", "k"], rows)
        let expected = (0..<200).sorted { ($0 * 7) % 5 < ($1 * 7) % 5 || (($0 * 7) % 5 == ($1 * 7) % 5 && $0 < $1) }
        #expect(try LangFixtures.column("t sort by k select id", in: dataset) == expected.map { .integer(Int64($0)) })
        let descending = (0..<200).sorted { ($0 * 7) % 5 > ($1 * 7) % 5 || (($0 * 7) % 5 == ($1 * 7) % 5 && $0 < $1) }
        #expect(try LangFixtures.column("t sort by k desc select id", in: dataset) == descending.map { .integer(Int64($0)) })
    }

    @Test func stringsSortByCodePoint() throws {
        let words: [Value] = ["b", "B", "a", "A", "é", "e", "Z", "ä", "", "ab", "Ω", "😀", "aa"]
        let dataset = try LangFixtures.dataset("t", ["w"], words.map { [$0] })
        #expect(try LangFixtures.column("t sort by w", in: dataset)
                == ["", "A", "B", "Z", "a", "aa", "ab", "b", "e", "ä", "é", "Ω", "😀"])
        #expect(try LangFixtures.column("t sort by w desc", in: dataset)
                == ["😀", "Ω", "é", "ä", "e", "b", "ab", "aa", "a", "Z", "B", "A", ""])
    }

    @Test func integersAndDecimalsSortByValue() throws {
        let dataset = try LangFixtures.dataset("t", ["id", "x"], [[1, 1], [2, 2.5], [3, 2], [4, -1], [5, 1.0], [6, nil], [7, -0.5]])
        #expect(try LangFixtures.column("t sort by x select id", in: dataset) == [4, 7, 1, 5, 3, 2, 6])
        #expect(try LangFixtures.column("t sort by x desc select id", in: dataset) == [2, 3, 1, 5, 7, 4, 6])
    }

    @Test func nullsSortLastForEveryKeyType() throws {
        let rows: [[Value]] = [
            [1, nil, nil, nil, nil, nil],
            [2, "b", 2, 2.5, true, LangFixtures.date("2022-01-02")],
            [3, nil, nil, nil, nil, nil],
            [4, "a", 1, 1.5, false, LangFixtures.date("2022-01-01")],
        ]
        let dataset = try LangFixtures.dataset("t", ["id", "s", "i", "d", "b", "day"], rows)
        for key in ["s", "i", "d", "b", "day", "lower(s)", "i + 1", "-d"] {
            let ascending = try LangFixtures.column("t sort by \(key) select id", in: dataset)
            let descending = try LangFixtures.column("t sort by \(key) desc select id", in: dataset)
            #expect(Array(ascending.suffix(2)) == [1, 3], "\(key)")
            #expect(Array(descending.suffix(2)) == [1, 3], "\(key) desc")
            #expect(Set(ascending.prefix(2)) == [2, 4], "\(key)")
        }
    }

    @Test func sortThenLimitAndLimitThenSort() throws {
        #expect(try LangFixtures.column("people sort by age desc limit 2 select id") == [5, 1])
        #expect(try LangFixtures.column("people limit 3 sort by name desc select id") == [2, 3, 1])
        #expect(try LangFixtures.column("people sort by age limit 2 offset 3 select id") == [5, 2])
    }

    @Test func sortingAnEmptyInputGivesNoRows() throws {
        #expect(try LangFixtures.table("empty sort by name desc").count == 0)
        #expect(try LangFixtures.table("people where id > 99 sort by name").count == 0)
    }

    @Test func sortingTheBuiltInData() throws {
        let rows = try LangFixtures.rows("arrests sort by arrested desc select country, arrested", in: .builtIn)
        #expect(rows == [
            ["United Arab Emirates", 34], ["Gambia", 5], ["Cameroon", 3], ["Morocco", 1], ["Côte d'Ivoire", 1],
            ["Gabon", 1], ["Togo", 1], ["Lesotho", nil], ["Lesotho", nil],
        ])
    }
}
