// CSV and JSON written as bytes a column at a time (CellWriter.swift) give the text a value per cell
// gave: strings that need quoting or escaping, text and dictionary columns, nulls, integers at the ends.

import Testing
@testable import WekaQL

@Suite struct CellWriterTests {
    /// Strings each format treats specially, and some it does not; the last row of each column is null.
    static let strings = ["a,b", " lead", "trail ", "quo\"te", "é", "line\nbreak", "tab\there", "back\\slash",
                          "rtl\u{202E}mark", "\"\u{301}x", " \u{301}x", "x \u{301}", "cr\rx", "del\u{7F}x", "c1\u{85}x",
                          "plain", "", "日本", "ls\u{2028}x", "  "]
    static let integers: [Int64?] = [0, -1, 7, Int64.min, Int64.max, 1_000_000, nil] + Array(repeating: 42, count: strings.count - 7) + [nil]

    static let table: Table = {
        var segment = TextSegment()
        for text in strings {
            segment.bytes += text.utf8
            segment.offsets.append(segment.bytes.count)
        }
        segment.offsets.append(segment.bytes.count)
        segment.nulls = Array(repeating: false, count: strings.count) + [true]
        let rows = strings.count + 1
        let columns = [
            Column(storage: .text(TextStorage(segment))),
            Column(storage: .string(Array(0..<Int32(strings.count)).reversed() + [-1], StringDictionary(distinct: strings))),
            Column(storage: .integer(integers.map { $0 ?? 0 }, nulls: integers.map { $0 == nil })),
            Column(type: .decimal, values: (0..<rows).map { $0 % 3 == 0 ? .null : .decimal(ExactDecimal(units: Int64($0) * 25, scale: $0 % 2)!) }),
            Column(type: .date, values: (0..<rows).map { $0 == 4 ? .null : .date(LocalDate(days: Int32($0))) }),
        ]
        return Table(fields: ["text", "coded", "n", "d", "day"].map { Field(name: $0, type: .string) }, columns: columns, rowCount: rows)
    }()

    /// CSV as it was written before: a `Value` and a `String` per cell.
    static func csvByValue(_ table: Table) -> String {
        var out = table.fields.map { CSVRenderer.quote($0.name) }.joined(separator: ",") + "\n"
        for row in table {
            out += row.values.map { $0.isNull ? "" : CSVRenderer.quote($0.listJSON ?? $0.description) }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// A JSON array as it was written before.
    static func jsonByValue(_ table: Table) -> String {
        let objects = table.map { row in
            "  {" + zip(table.fields, row.values).map { JSONText.quote($0.name) + ":" + JSONRenderer.value($1) }.joined(separator: ",") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    @Test func csvIsWhatAValuePerCellGave() {
        #expect(Renderer(format: .csv).render(Self.table) == Self.csvByValue(Self.table))
    }

    @Test func jsonIsWhatAValuePerCellGave() {
        #expect(Renderer(format: .json).render(Self.table) == Self.jsonByValue(Self.table))
        let lines = Self.jsonByValue(Self.table).split(separator: "\n").dropFirst().dropLast()
            .map { $0.dropFirst(2).hasSuffix(",") ? String($0.dropFirst(2).dropLast()) : String($0.dropFirst(2)) }
        #expect(Renderer(format: .jsonl).render(Self.table) == lines.map { $0 + "\n" }.joined())
    }

    @Test func anEmptyTable() {
        let empty = Table(fields: [Field(name: "a", type: .string)], columns: [Column(type: .string, values: [])], rowCount: 0)
        #expect(Renderer(format: .csv).render(empty) == "a\n")
        #expect(Renderer(format: .json).render(empty) == "[]\n")
        #expect(Renderer(format: .jsonl).render(empty) == "")
    }
}
