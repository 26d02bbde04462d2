// SQL null logic: comparisons with null are unknown, `where` keeps only true rows, and/or/not are
// three-valued, nulls pass through arithmetic and functions, and `is null` is the way to find them.

import Testing
import WekaQL

@Suite struct NullSemanticsTests {
    /// Every pair of true, false and null, as rows of booleans `a` and `b`.
    static let truth: Dataset = {
        let values: [Value] = [true, false, nil]
        var rows: [[Value]] = []
        for a in values {
            for b in values { rows.append([a, b]) }
        }
        do {
            return try LangFixtures.dataset("truth", ["a", "b"], rows)
        } catch {
            fatalError("\(error)")
        }
    }()

    @Test func andOrNotAreThreeValued() throws {
        let rows = try LangFixtures.rows("truth select a and b as x, a or b as y, not a as z", in: Self.truth)
        let t: Value = true, f: Value = false, n: Value = nil
        #expect(rows == [
            [t, t, f], [f, t, f], [n, t, f],   // a = true;  b = true, false, null
            [f, t, t], [f, f, t], [f, n, t],   // a = false
            [n, t, n], [f, n, n], [n, n, n],   // a = null
        ])
    }

    @Test func whereKeepsOnlyTrue() throws {
        #expect(try LangFixtures.table("truth where a and b", in: Self.truth).count == 1)
        #expect(try LangFixtures.table("truth where a or b", in: Self.truth).count == 5)
        #expect(try LangFixtures.table("truth where not a", in: Self.truth).count == 3)
        #expect(try LangFixtures.table("truth where a", in: Self.truth).count == 3)
        #expect(try LangFixtures.table("truth where not (a and b)", in: Self.truth).count == 5)
        #expect(try LangFixtures.table("truth where a = b", in: Self.truth).count == 2)
        #expect(try LangFixtures.table("truth where a != b", in: Self.truth).count == 2)
        #expect(try LangFixtures.table("truth where (a = b) is null", in: Self.truth).count == 5)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var query: String
        var ids: [Value]
        var testDescription: String { query }
        init(_ query: String, _ ids: [Value]) {
            self.query = query
            self.ids = ids
        }
    }

    /// Ages: 1→30, 2→null, 3→25, 4→30, 5→41, 6→null. Cities: 3 has none.
    static let filters: [Case] = [
        Case("people where age > 0", [1, 3, 4, 5]),
        Case("people where not (age > 0)", []),
        Case("people where not (age > 100)", [1, 3, 4, 5]),
        Case("people where age > 100 or true", [1, 2, 3, 4, 5, 6]),
        Case("people where age > 0 or id = 2", [1, 2, 3, 4, 5]),
        Case("people where age = null", []),
        Case("people where age != null", []),
        Case("people where null = null", []),
        Case("people where null", []),
        Case("people where not null", []),
        Case("people where age is null", [2, 6]),
        Case("people where age is not null", [1, 3, 4, 5]),
        Case("people where (age > 0) is null", [2, 6]),
        Case("people where city is null", [3]),
        Case("people where age + 1 is null", [2, 6]),
        Case("people where age in (30, null)", [1, 4]),
        Case("people where age not in (30, null)", []),
        Case("people where age not in (30)", [3, 5]),
        Case("people where age in (null)", []),
        Case("people where age between 20 and null", []),
        Case("people where age not between 35 and null", [1, 3, 4]),
        Case("people where age between null and 100", []),
        Case("people where city contains \"o\"", [1, 4]),
        Case("people where not (city contains \"x\")", [1, 2, 4, 5, 6]),
        Case("people where city =~ \"lome\"", [1, 4]),
        Case("people where not (city =~ \"lome\")", [2, 5, 6]),
        Case("people where city starts with \"\"", [1, 2, 4, 5, 6]),
        Case("people where city matches \".\"", [1, 2, 4, 5, 6]),
        Case("people where not (city matches \"^L\")", [2, 5, 6]),
        Case("people where active", [1, 4, 6]),
        Case("people where not active", [2, 5]),
        Case("people where active = false or active is null", [2, 3, 5]),
        Case("people where active != true", [2, 5]),
        Case("people where score >= 2.5", [1, 4, 5]),
        Case("people where joined < \"2022-01-01\"", [2, 5]),
        Case("people where not (joined < \"2022-01-01\")", [1, 4, 6]),
        Case("people where coalesce(age, 0) = 0", [2, 6]),
    ]

    @Test(arguments: filters)
    func filtersWithNulls(_ c: Case) throws {
        #expect(try LangFixtures.column(c.query + " select id") == c.ids)
    }

    static let values: [Case] = [
        Case("people where id = 2 select age + 1", [nil]),
        Case("people where id = 2 select age * 2.5", [nil]),
        Case("people where id = 2 select -age", [nil]),
        Case("people where id = 2 select age / 0", [nil]),
        Case("people where id = 2 select 1 / age", [nil]),
        Case("people where id = 2 select age % 0", [nil]),
        Case("people where id = 1 select null * 2", [nil]),
        Case("people where id = 2 select (age = 1)", [nil]),
        Case("people where id = 2 select age < 1", [nil]),
        Case("people where id = 2 select (age = null)", [nil]),
        Case("people where id = 2 select age is null", [true]),
        Case("people where id = 1 select age is null", [false]),
        Case("people where id = 2 select age in (1, 2)", [nil]),
        Case("people where id = 1 select age in (1, null)", [nil]),
        Case("people where id = 1 select age in (30, null)", [true]),
        Case("people where id = 1 select age not in (1, null)", [nil]),
        Case("people where id = 2 select age between 1 and 2", [nil]),
        Case("people where id = 1 select age between 40 and null", [false]),
        Case("people where id = 3 select city contains \"a\"", [nil]),
        Case("people where id = 3 select city =~ \"a\"", [nil]),
        Case("people where id = 3 select city matches \"a\"", [nil]),
        Case("people where id = 3 select city ends with \"a\"", [nil]),
        Case("people where id = 3 select not active", [nil]),
        Case("people where id = 3 select active and false", [false]),
        Case("people where id = 3 select active or true", [true]),
        Case("people where id = 3 select concat(name, city)", ["Chloé"]),
        Case("people where id = 3 select coalesce(city, name)", ["Chloé"]),
    ]

    @Test(arguments: values)
    func nullsPassThroughExpressions(_ c: Case) throws {
        #expect(try LangFixtures.column(c.query) == c.ids)
    }

    @Test func anAllNullColumnBehaves() throws {
        #expect(try LangFixtures.table("nothing").fields.first?.type == .null)
        #expect(try LangFixtures.value("nothing where x is null count") == 2)
        #expect(try LangFixtures.value("nothing where x = 1 count") == 0)
        #expect(try LangFixtures.value("nothing where x = \"a\" count") == 0)
        #expect(try LangFixtures.column("nothing sort by x select x") == [nil, nil])
        #expect(try LangFixtures.column("nothing distinct x") == [nil])
        #expect(try LangFixtures.rows("nothing count by x") == [[nil, 2]])
        #expect(try LangFixtures.rows("nothing summarize s = sum(x), n = count(x), c = count(), m = max(x)") == [[nil, 0, 2, nil]])
    }

    @Test func distinctAndGroupingTreatNullsAsOneValue() throws {
        #expect(try LangFixtures.column("people distinct city") == ["Lomé", "Accra", nil, "Dakar"])
        #expect(try LangFixtures.rows("people count by age") == [[25, 1], [30, 2], [41, 1], [nil, 2]])
    }

    @Test func theBuiltInDataHasNulls() throws {
        #expect(try LangFixtures.column("arrests where arrested is null select country", in: .builtIn) == ["Lesotho", "Lesotho"])
        // `arrested != 1` is unknown for the two Lesotho rows, so they are dropped.
        #expect(try LangFixtures.column("arrests where arrested != 1 select country", in: .builtIn)
                == ["Cameroon", "United Arab Emirates", "Gambia"])
        #expect(try LangFixtures.rows("victims where origin is not null select country, victims", in: .builtIn)
                == [["Morocco", nil], ["Côte d'Ivoire", nil], ["Oman", 6]])
    }
}
