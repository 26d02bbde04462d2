// The fast paths of `sort by`/`top`/windows (sort keys as words, a radix sort, a heap) and of `pivot`
// (one pass, codes to cells, typed sums), held to the plain definitions: a stable sort by
// `Value.sortOrder` with nulls last both ways, and a pivot as `summarize` filtered per value.

import Foundation
import Testing
import WekaQL

@Suite struct SortKeyTests {
    /// 240 rows over every kind of key: integers spanning all 64 bits with nulls (two lanes), dates,
    /// booleans, coded text, decimals of mixed scales (some too wide for one scale: ranked), floats
    /// with -0, infinities and nulls, and an all-null column. Many ties, so stability shows.
    static let table: Dataset = {
        let integers: [Value] = [.integer(.min), .integer(.max), .integer(0), .integer(-1), nil, .integer(7), .integer(.max), nil]
        let decimals: [Value] = [(15, 1), (150, 2), (-1, 3), (225, 2), (0, 0), (-3, 0), (15, 1)].map { .decimal(ExactDecimal(units: $0, scale: $1)!) } + [nil]
        let wide: [Value] = [.decimal(ExactDecimal(units: 9_000_000_000_000_000_000, scale: 0)!), .decimal(ExactDecimal(units: 1, scale: 5)!), nil, .integer(3)]
        let floats: [Value] = [.float(-0.0), .float(0.0), .float(.infinity), .float(-.infinity), nil, .float(2.5), .float(-2.5)]
        let texts: [Value] = ["b", "a", "B", "é", "e\u{301}", nil, "", "ab"]
        let rows: [[Value]] = (0..<240).map { i in
            [.integer(Int64(i)), integers[(i * 7) % integers.count], .date(LocalDate(days: Int32((i * 13) % 5) - 2)),
             [.boolean(true), .boolean(false), nil][i % 3], texts[(i * 5) % texts.count], decimals[(i * 3) % decimals.count],
             wide[i % wide.count], floats[(i * 11) % floats.count], nil, .integer(Int64(i % 4))]
        }
        return try! LangFixtures.dataset("t", ["id", "i", "d", "b", "s", "m", "w", "f", "z", "small"], rows)
    }()

    static let orders: [[String]] = [
        ["i"], ["i desc"], ["d desc", "i"], ["b", "s desc"], ["s"], ["s desc", "m"], ["m"], ["m desc", "id desc"], ["w"],
        ["w desc"], ["f"], ["f desc"], ["z", "small desc"], ["small", "f desc", "s"], ["i desc", "d", "b desc"], ["-small"],
        ["lower(s) desc"], ["m * 2"], ["coalesce(i, 5)"], ["small = 1 desc", "w"], ["if(small = 2, 1.5, small)"],
    ]

    /// The ids in the order of the keys, by a plain stable sort of the rows' values.
    static func expected(_ parts: [String], limit: Int? = nil) throws -> [Value] {
        let descending = parts.map { $0.hasSuffix(" desc") }
        let expressions = parts.map { $0.hasSuffix(" desc") ? String($0.dropLast(5)) : $0 }
        let selected = expressions.enumerated().map { "(\($1)) as k\($0)" }.joined(separator: ", ")
        let rows = try LangFixtures.rows("t select id, \(selected)", in: table)
        let sorted = rows.enumerated().sorted { a, b in
            for (index, isDescending) in descending.enumerated() {
                let x = a.element[index + 1], y = b.element[index + 1]
                if x.isNull != y.isNull { return y.isNull }
                let c = Value.sortOrder(x, y)
                if c != 0 { return isDescending ? c > 0 : c < 0 }
            }
            return a.offset < b.offset
        }
        return sorted.prefix(limit ?? rows.count).map { $0.element[0] }
    }

    @Test(arguments: orders)
    func sortsAsThePlainDefinition(_ parts: [String]) throws {
        let keys = parts.joined(separator: ", ")
        #expect(try LangFixtures.column("t sort by \(keys) select id", in: Self.table) == Self.expected(parts))
        // The first rows, through the heap (5 < 240 / 8), and `top`, the same rows in the same order.
        #expect(try LangFixtures.column("t sort by \(keys) | limit 5 | select id", in: Self.table) == Self.expected(parts, limit: 5))
        #expect(try LangFixtures.column("t top 7 by \(keys) | select id", in: Self.table) == Self.expected(parts, limit: 7))
        #expect(try LangFixtures.column("t where id % 3 = 1 sort by \(keys) select id", in: Self.table)
                == Self.expected(parts).filter { ($0.integerValue ?? 0) % 3 == 1 })
    }

    @Test func emptyAndSingleRowsSort() throws {
        #expect(try LangFixtures.column("t where id < 0 sort by i desc, s select id", in: Self.table) == [])
        #expect(try LangFixtures.column("t where id < 0 top 3 by f select id", in: Self.table) == [])
        #expect(try LangFixtures.column("t where id = 9 sort by f desc select id", in: Self.table) == [9])
        #expect(try LangFixtures.column("t sort by i | limit 0 | select id", in: Self.table) == [])
    }

    /// Ranks in windows read where partitions and peers start from the same keys: a row's rank is one
    /// more than the rows of its partition ahead of it (f desc, nulls last; -0 and 0 are peers).
    @Test func windowRanksFollowTheSortKeys() throws {
        let ranks = try LangFixtures.rows("t extend r = rank() over (by small sort by f desc) | select id, small, f, r", in: Self.table)
        for row in ranks {
            let ahead = ranks.filter { $0[1] == row[1] && !$0[2].isNull && (row[2].isNull || Value.sortOrder($0[2], row[2]) > 0) }
            #expect(row[3] == .integer(Int64(ahead.count + 1)), "row \(row)")
        }
    }
}

@Suite struct PivotCellTests {
    /// 300 rows: coded text keys and values with nulls, an integer key, integers near the 64-bit edge
    /// only under the value "big", decimals that sum exactly, nulls in every column.
    static let table: Dataset = {
        let groups: [Value] = ["x", "y", nil, "z"]
        let values: [Value] = ["a", "b", "c", nil, "big"]
        let rows: [[Value]] = (0..<300).map { i in
            let value = values[(i * 7) % values.count]
            let n: Value = value == "big" ? .integer(.max - 10) : (i % 6 == 0 ? nil : .integer(Int64(i % 13) - 4))
            return [groups[i % groups.count], value, n, i % 5 == 0 ? nil : .decimal(ExactDecimal(units: Int64(i % 9) + 1, scale: 1 + i % 2)!),
                    .integer(Int64(i % 3)), .string("t\(i % 4)")]
        }
        return try! LangFixtures.dataset("t", ["g", "v", "n", "m", "k", "label"], rows)
    }()

    /// The pivot's cell for group `key` and value `value`, as `summarize` over the value's rows gives it.
    static func expectedRows(keys: [String], values: [String], aggregate: String, empty: Value) throws -> [[Value]] {
        let by = keys.joined(separator: ", ")
        let groups = try LangFixtures.rows("t count by \(by) | select \(by)", in: table)
        var columns: [[Value]] = []
        for value in values {
            let cells = try LangFixtures.rows("t where v = \(value) summarize x = \(aggregate) by \(by)", in: table)
            let cellOf = Dictionary(cells.map { (Array($0.dropLast()), $0.last!) }, uniquingKeysWith: { a, _ in a })
            columns.append(groups.map { cellOf[$0] ?? empty })
        }
        return groups.indices.map { row in groups[row] + columns.map { $0[row] } }
    }

    static let aggregates: [(String, Value)] = [
        ("count()", 0), ("count(n)", 0), ("sum(m)", nil), ("avg(n)", nil), ("min(n)", nil), ("max(m)", nil),
        ("string_agg(label, \"\")", nil), ("count_distinct(m)", 0), ("sum(k)", nil),
    ]

    @Test(arguments: aggregates)
    func pivotIsSummarizePerValue(_ aggregate: String, _ empty: Value) throws {
        for keys in [["g"], ["g", "label"], ["k"], ["k", "g"]] {
            let query = "t pivot v in (\"a\", \"c\", \"none\") using \(aggregate) by \(keys.joined(separator: ", "))"
            let expected = try Self.expectedRows(keys: keys, values: ["\"a\"", "\"c\"", "\"none\""], aggregate: aggregate, empty: empty)
            #expect(try LangFixtures.rows(query, in: Self.table) == expected, "\(query)")
        }
    }

    @Test func sumsAreExactDecimals() throws {
        let rows = try LangFixtures.rows("t pivot v in (\"c\") using sum(m) | select c", in: Self.table)
        let exact = try LangFixtures.value("t where v = \"c\" summarize s = sum(m)", in: Self.table)
        #expect(rows == [[exact]])
        guard case .decimal = exact else { Issue.record("not a decimal: \(exact)"); return }
    }

    /// The integers near the edge overflow only in the column of "big": listed, it is an error; left
    /// out of the list, no error; without a list, every value has a column, so it is an error.
    @Test func overflowIsAnErrorOnlyInAColumnThatIsMade() throws {
        #expect(LangFixtures.failure("t pivot v in (\"a\", \"big\") using sum(n) by g", in: Self.table)?.code == .integerOverflow)
        #expect(LangFixtures.failure("t pivot v using sum(n) by g", in: Self.table)?.code == .integerOverflow)
        #expect(try LangFixtures.rows("t pivot v in (\"a\", \"b\") using sum(n) by g", in: Self.table).count == 4)
        // avg of the same integers is exact in 128 bits before dividing: no overflow.
        #expect(try LangFixtures.rows("t pivot v using avg(n) by g", in: Self.table).count == 4)
    }

    @Test func withoutAListTheColumnsAreTheSortedValues() throws {
        #expect(try LangFixtures.names("t pivot v using count() by g", in: Self.table) == ["g", "a", "b", "big", "c"])
        #expect(try LangFixtures.names("t pivot k using count() by g", in: Self.table) == ["g", "0", "1", "2"])
        #expect(try LangFixtures.rows("t pivot v using count() by g", in: Self.table).map { $0[0] } == ["x", "y", "z", nil])
    }

    @Test func integerPivotFieldsMatchEqualNumbers() throws {
        let listed = try LangFixtures.rows("t pivot k in (2.0, 0) using count() by g", in: Self.table)
        let expected = try Self.expectedRowsByK(["2", "0"])
        #expect(listed == expected)
    }

    static func expectedRowsByK(_ values: [String]) throws -> [[Value]] {
        let groups = try LangFixtures.rows("t count by g | select g", in: table)
        return try groups.map { group in
            try [group[0]] + values.map { k in
                let condition = group[0].isNull ? "g is null" : "g = \"\(group[0])\""
                return try LangFixtures.value("t where k = \(k) and \(condition) count", in: table)
            }
        }
    }

    @Test func emptyInput() throws {
        #expect(try LangFixtures.rows("t where k > 5 pivot v in (\"a\") using sum(n) by g", in: Self.table) == [])
        #expect(try LangFixtures.rows("t where k > 5 pivot v in (\"a\", \"b\") using count()", in: Self.table) == [[0, 0]])
        #expect(try LangFixtures.rows("t where k > 5 pivot v in (\"a\") using sum(n)", in: Self.table) == [[nil]])
        #expect(try LangFixtures.names("t where k > 5 pivot v using count() by g", in: Self.table) == ["g"])
    }
}
