// The join index finds, for each left row, the right rows whose keys equal its keys as values do
// (normalised: 2 = 2.0, nulls never match), whichever way it looks them up: dates and integers by
// their raw values through a table over a small range or as values past it, combined keys through a
// table or a dictionary.

import Testing
@testable import WekaQL

@Suite struct JoinIndexTests {
    static func column(_ type: ValueType, _ values: [Value]) -> Column { Column(type: type, values: values) }

    static func date(_ days: Int32) -> Value { .date(LocalDate(days: days)) }
    static func decimal(_ units: Int64, _ scale: Int) -> Value { .decimal(ExactDecimal(units: units, scale: scale)!) }

    /// The right rows of each left row, found by comparing every pair of rows.
    static func reference(_ left: [Column], _ right: [Column], rows: (left: Int, right: Int)) -> [[Int32]] {
        (0..<rows.left).map { l in
            let key = left.map { $0[l].normalizedForDistinct }
            if key.contains(where: \.isNull) { return [] }
            return (0..<rows.right).filter { r in right.map { $0[r].normalizedForDistinct } == key }.map(Int32.init)
        }
    }

    static func expectMatches(_ left: [Column], _ right: [Column], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let rows = (left: left[0].count, right: right[0].count)
        let fields = right.indices.map { Field(name: "k\($0)", type: right[$0].type) }
        let index = try JoinIndex(right: Table(fields: fields, columns: right, rowCount: rows.right), keys: Array(right.indices)) {}
        let matcher = index.matcher(left)
        let found = (0..<rows.left).map { matcher($0) ?? [] }
        #expect(found == reference(left, right, rows: rows), sourceLocation: sourceLocation)
    }

    static let integers: [Value] = [3, -2, .null, 3, 9, 0, -2, 4_000, .integer(.max), .integer(.min), 7]

    @Test func integersMatchThroughATableAndPastItsRange() throws {
        let near = Self.column(.integer, [3, -2, .null, 3, 9, 0, 7])
        try Self.expectMatches([Self.column(.integer, Self.integers)], [near])
        // A range far wider than the values' count: looked up as values.
        try Self.expectMatches([Self.column(.integer, Self.integers)], [Self.column(.integer, [.integer(.max), 3, .integer(.min), .null])])
    }

    @Test func datesMatchByTheirDays() throws {
        let left = Self.column(.date, [Self.date(19_876), .null, Self.date(19_880), Self.date(-5), Self.date(19_876), Self.date(30_000)])
        try Self.expectMatches([left], [Self.column(.date, [Self.date(19_880), Self.date(19_876), .null, Self.date(19_876)])])
        try Self.expectMatches([left], [Self.column(.date, [Self.date(-5), Self.date(2_000_000), Self.date(19_880)])])
    }

    @Test func anIntegerMatchesTheDecimalsAndFloatsEqualToIt() throws {
        let left = Self.column(.integer, [2, 3, .null, -1, 5])
        try Self.expectMatches([left], [Self.column(.decimal, [Self.decimal(20, 1), Self.decimal(25, 1), Self.decimal(-100, 2), Self.decimal(3, 0)])])
        try Self.expectMatches([left], [Self.column(.float, [.float(2), .float(2.5), .float(-1), .null])])
    }

    @Test func twoKeysMatchThroughATableAndThroughADictionary() throws {
        let countries: [Value] = ["Togo", "Benin", .null, "Mali", "Togo", "Ghana"]
        let left = [Self.column(.string, countries), Self.column(.date, countries.indices.map { Self.date(Int32(19_870 + $0 % 3)) })]
        let right = [Self.column(.string, ["Togo", "Mali", "Togo", "Benin", "Niger"]),
                     Self.column(.date, [Self.date(19_870), Self.date(19_870), Self.date(19_870), Self.date(19_871), .null])]
        try Self.expectMatches(left, right)
        // Many distinct values on both keys: more combinations than a table would hold for the rows.
        let wide = (0..<300).map { Value.integer(Int64($0 * 7)) }
        let leftWide = [Self.column(.integer, wide + [.null]), Self.column(.integer, wide.reversed() + [1])]
        try Self.expectMatches(leftWide, [Self.column(.integer, wide), Self.column(.integer, wide.reversed())])
    }
}
