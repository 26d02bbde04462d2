// What makes `| why` on a large group cheap, checked against the plain ways: following several groups at
// once (asked out of order, one group twice), CSV and JSON written a stretch of rows at a time over
// text in several segments, and a result's origin holding only the bindings its query reads.

import Testing
@testable import WekaQL

@Suite struct WhyLargeTests {
    /// Input rows 0…7 in groups 0, 1, 2, 1, 0, none, 2, 0; the inputs are rows 10…17 of their table.
    static let groups = GroupAssignment(count: 3, groupOf: [0, 1, 2, 1, 0, -1, 2, 0], inputRows: Array(10...17))

    @Test func oneGroupAskedGivesItsRowsInInputOrder() {
        let traced = Self.groups.follow([0], tags: [5])
        #expect(traced.rows == [10, 14, 17])
        #expect(traced.tags == [5, 5, 5])
    }

    @Test func groupsAskedOutOfOrderAndTwiceGiveEachAskItsRows() {
        let traced = Self.groups.follow([2, 0, 2, 1], tags: [7, 8, 9, 6])
        #expect(traced.rows == [12, 16, 10, 14, 17, 12, 16, 11, 13])
        #expect(traced.tags == [7, 7, 8, 8, 8, 9, 9, 6, 6])
    }

    @Test func groupsAskedInOrderOfTheirRows() {
        let traced = GroupAssignment(count: 2, groupOf: [0, 0, 1, 1], inputRows: nil).follow([0, 1], tags: [0, 1])
        #expect(traced.rows == [0, 1, 2, 3])
        #expect(traced.tags == [0, 0, 1, 1])
    }

    /// Strings with a character CSV quotes at each place of an eight-byte word, and plain ones as long.
    static let strings: [String] = (0..<17).flatMap { (at: Int) -> [String] in
        let run = String(repeating: "x", count: at)
        return [run + ",", run + "\"", run + "y", run + "\n", run + "\rv", run + " "]
    }

    /// 2,600 rows (three stretches of 1,024, and enough for CSV to reserve its buffer), the text in three
    /// segments (an empty one added between adds none), nulls in each column.
    static let table: Table = {
        let rows = 2600
        func segment(_ range: Range<Int>) -> TextStorage {
            var segment = TextSegment()
            for row in range {
                if row % 97 != 0 { segment.bytes += strings[row % strings.count].utf8 }
                segment.offsets.append(segment.bytes.count)
            }
            segment.nulls = range.map { $0 % 97 == 0 }
            return TextStorage(segment)
        }
        var text = segment(0..<1000)
        text.appendContents(of: segment(1000..<1000))
        text.appendContents(of: segment(1000..<1500))
        text.appendContents(of: segment(1500..<rows))
        let columns = [
            Column(storage: .text(text)),
            Column(storage: .string((0..<rows).map { $0 % 89 == 0 ? -1 : Int32($0 % strings.count) }, StringDictionary(distinct: strings))),
            Column(storage: .integer((0..<rows).map { Int64($0) * 7_919 - 3 }, nulls: (0..<rows).map { $0 % 61 == 0 })),
            Column(type: .decimal, values: (0..<rows).map { $0 % 3 == 0 ? .null : .decimal(ExactDecimal(units: Int64($0) * 25, scale: $0 % 2)!) }),
        ]
        return Table(fields: ["text", "coded", "n", "d"].map { Field(name: $0, type: .string) }, columns: columns, rowCount: rows)
    }()

    @Test func csvOverStretchesAndSegmentsIsWhatAValuePerCellGave() {
        guard case .text(let text) = Self.table.columns[0].storage else { Issue.record("a text column"); return }
        #expect(text.segments.count == 3)
        #expect(Renderer(format: .csv).render(Self.table) == CellWriterTests.csvByValue(Self.table))
    }

    @Test func jsonOverStretchesAndSegmentsIsWhatAValuePerCellGave() {
        #expect(Renderer(format: .json).render(Self.table) == CellWriterTests.jsonByValue(Self.table))
    }

    @Test func aResultsOriginKeepsOnlyTheBindingsItsQueryReads() throws {
        var engine = Engine(dataset: LangFixtures.dataset)
        let first = try engine.run("people where city = \"Accra\"")[0]
        engine.bind("_", to: first)
        try engine.run("let ghana = cities where country = \"Ghana\"")
        let unrelated = try engine.run("people count")[0]
        #expect(unrelated.origin?.bindings.isEmpty == true)
        #expect(unrelated.origin?.origins.isEmpty == true)
        let reading = try engine.run("_ join ghana on city select id")[0]
        #expect(Set(reading.origin?.bindings.keys ?? [:].keys) == ["_", "ghana"])
        // Lineage still follows `_` back to the rows it came from.
        engine.bind("_", to: reading)
        let lineage = try engine.run("_ | why")[0]
        #expect(reading.table.rowCount == 2)
        #expect(lineage.table.rowCount == 4)   // each joined row from a person and a city
    }
}
