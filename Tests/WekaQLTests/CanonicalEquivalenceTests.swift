// One rule for canonically equivalent strings: data values are equal only when their bytes are
// (`=`, `in`, `distinct`, grouping, `count_distinct`, joins, sorting), while the folded operators
// (`=~`, `contains`, …) see a precomposed "é" and "e" + U+0301 as the same text.

import Foundation
import Testing
@testable import WekaQL

@Suite struct CanonicalEquivalenceTests {
    static let nfc = "Caf\u{E9}"
    static let nfd = "Cafe\u{301}"

    /// `t`: the two spellings (rows 1 and 2) and plain "Cafe" (row 3); `u`: one NFC row. Loaded from
    /// CSV, so strings are dictionary-coded by their bytes, as real data is.
    static func dataset() throws -> Dataset {
        var dataset = Dataset()
        for (name, text) in [("t.csv", "s,n\n\(nfc),1\n\(nfd),2\nCafe,3\n"), ("u.csv", "s,k\n\(nfc),10\n")] {
            let file = try TemporaryFile(name: name, contents: Data(text.utf8))
            _ = try withExtendedLifetime(file) { try dataset.load(path: file.path) }
        }
        return dataset
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var query: String
        var expected: [Value]
        var testDescription: String { query }
    }

    static let cases: [Case] = [
        Case(query: "t where s = \"\(nfc)\" select n", expected: [1]),
        Case(query: "t where s = \"\(nfd)\" select n", expected: [2]),
        Case(query: "t where s != \"\(nfc)\" select n", expected: [2, 3]),
        Case(query: "t where s in (\"\(nfd)\") select n", expected: [2]),
        Case(query: "t where s not in (\"\(nfc)\") select n", expected: [2, 3]),
        Case(query: "t distinct s count", expected: [3]),
        Case(query: "t count by s count", expected: [3]),
        Case(query: "t summarize d = count_distinct(s)", expected: [3]),
        Case(query: "t summarize d = count_distinct(concat(s, \"\"))", expected: [3]),
        Case(query: "t select concat(s, \"\") as x distinct x count", expected: [3]),
        Case(query: "t select concat(s, \"\") as x count by x count", expected: [3]),
        Case(query: "t join u on s select n", expected: [1]),
        // By code point: "e" (U+0065) before "é" (U+00E9); "Cafe" is a prefix of the NFD spelling.
        Case(query: "t sort by s select n", expected: [3, 2, 1]),
        Case(query: "t sort by concat(s, \"\") select n", expected: [3, 2, 1]),
        Case(query: "t sort by s desc select n", expected: [1, 2, 3]),
        Case(query: "t summarize m = max(s) select (m = \"\(nfc)\") as n", expected: [true]),
        // Folded operators decompose, so both spellings match either way.
        Case(query: "t where s =~ \"\(nfc)\" select n", expected: [1, 2, 3]),
        Case(query: "t where s =~ \"\(nfd)\" select n", expected: [1, 2, 3]),
        Case(query: "t where s contains \"\(nfd)\" select n", expected: [1, 2, 3]),
        Case(query: "t where s ends with \"\u{E9}\" select n", expected: [1, 2, 3]),
        Case(query: "t where s starts with \"caf\" select n", expected: [1, 2, 3]),
    ]

    @Test(arguments: cases)
    func followsOneRule(_ c: Case) throws {
        #expect(try LangFixtures.column(c.query, in: Self.dataset()) == c.expected)
    }

    @Test func valuesCompareAndHashByBytes() {
        #expect(Value.string(Self.nfc) != Value.string(Self.nfd))
        #expect(Set([Value.string(Self.nfc), .string(Self.nfd)]).count == 2)
        #expect(Value.compare(.string(Self.nfd), .string(Self.nfc)) == -1)
        #expect(Value.compare(.string(Self.nfc), .string(Self.nfc)) == 0)
        #expect(Value.compare(.integer(1), .decimal(1)) == 0)
    }

    /// Rows built in memory go through ``ColumnBuilder``, whose dictionary once merged the two spellings.
    @Test func columnsBuiltFromValuesKeepBothSpellings() throws {
        let dataset = try LangFixtures.dataset("t", ["s"], [[.string(Self.nfc)], [.string(Self.nfd)]])
        #expect(try LangFixtures.column("t count by s count", in: dataset) == [2])
        #expect(try LangFixtures.column("t where s = \"\(Self.nfd)\" count", in: dataset) == [1])
        #expect(try LangFixtures.column("t select s", in: dataset) == [.string(Self.nfc), .string(Self.nfd)])
    }

    /// A column with too many distinct strings to dictionary-code is stored as plain text; same rule.
    @Test func plainTextColumnsFollowTheRule() throws {
        let rows = (0..<6_000).map { [Value.string("row \($0)")] } + [[.string(Self.nfc)], [.string(Self.nfd)]]
        let text = "s\n" + rows.map { $0[0].description }.joined(separator: "\n") + "\n"
        let file = try TemporaryFile(name: "p.csv", contents: Data(text.utf8))
        var dataset = Dataset()
        _ = try withExtendedLifetime(file) { try dataset.load(path: file.path) }
        guard case .text = try #require(dataset["p"]).table.columns[0].storage else {
            Issue.record("expected plain text storage")
            return
        }
        #expect(try LangFixtures.column("p distinct s count", in: dataset) == [6_002])
        #expect(try LangFixtures.column("p count by s count", in: dataset) == [6_002])
        #expect(try LangFixtures.column("p where s = \"\(Self.nfc)\" count", in: dataset) == [1])
        #expect(try LangFixtures.column("p where s =~ \"\(Self.nfc)\" count", in: dataset) == [2])
    }
}
