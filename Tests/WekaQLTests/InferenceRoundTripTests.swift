// Loading never changes a value (issue 14): for generated CSV files — leading zeros, signs, long digit
// strings, decimals of mixed scale, dates and booleans in many spellings — rendering the loaded
// collection as CSV gives back the file's text exactly, whatever type each column was inferred to be.

import Foundation
import Testing
@testable import WekaQL

@Suite struct InferenceRoundTripTests {
    /// Column generators: a name and a way to make the n-th value (seeded, so runs repeat).
    static let columns: [(name: String, value: @Sendable (inout SeededRandom) -> String)] = [
        ("plain_int", { String($0.next(in: -100_000...100_000)) }),
        ("zero_padded", { r in String(format: "%05d", r.next(in: 0...99_999)) }),
        ("signed", { r in (r.next(in: 0...1) == 0 ? "+" : "-") + String(r.next(in: 0...999)) }),
        ("long_digits", { r in (0..<r.next(in: 17...24)).map { _ in String(r.next(in: 1...9)) }.joined() }),
        ("plain_decimal", { r in String(r.next(in: -999...999)) + "." + String(r.next(in: 1...9)) }),
        ("mixed_scale", { r in ["1.50", "2.5", "3", "0.125", ".5", "5.", "1e3", "-0.0", "0.00001"][r.next(in: 0...8)] }),
        ("exact_scales", { r in ["1.50", "2.5", "3", "0.125", "-7.000", "0.00001", "12345678.123456789", "-0.5", "100"][r.next(in: 0...8)] }),
        ("iso_date", { r in String(format: "2022-%02d-%02d", r.next(in: 1...12), r.next(in: 1...28)) }),
        ("other_dates", { r in ["12/06/2022", "2022-6-1", "2022-06-31", "20220612", "2022-06-12T10:00", "0000-01-01"][r.next(in: 0...5)] }),
        ("boolean", { r in r.next(in: 0...1) == 0 ? "true" : "false" }),
        ("boolean_spellings", { r in ["TRUE", "False", "yes", "no", "t", "f", "1", "0", "true"][r.next(in: 0...8)] }),
        ("with_nulls", { r in r.next(in: 0...3) == 0 ? "" : String(r.next(in: 1...50)) }),
        ("text", { r in ["Togo", "Côte d'Ivoire", "Saint-Louis", "N/A", "-"][r.next(in: 0...4)] }),
    ]

    /// A file of `rows` rows of the columns.
    static func file(columns: [(name: String, value: @Sendable (inout SeededRandom) -> String)], rows: Int, seed: UInt64) -> String {
        var random = SeededRandom(seed: seed)
        var lines = [columns.map(\.name).joined(separator: ",")]
        for _ in 0..<rows { lines.append(columns.map { $0.value(&random) }.joined(separator: ",")) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func renderedAsCSV(_ text: String) throws -> (String, [ValueType]) {
        let file = try TemporaryFile(name: "generated.csv", contents: Data(text.utf8))
        var dataset = Dataset()
        try withExtendedLifetime(file) { _ = try dataset.load(path: file.path) }
        let table = try #require(dataset.collections.first).table
        return (Renderer(format: .csv).render(table), table.fields.map(\.type))
    }

    /// Each column beside a plain one (so that an empty value is not a blank line), inferred on its own.
    @Test(arguments: 0..<columns.count)
    func eachColumnRoundTrips(_ index: Int) throws {
        for rows in [1, 5, 300] {
            let id: (name: String, value: @Sendable (inout SeededRandom) -> String) = ("id", { String($0.next(in: 1...99)) })
            let text = Self.file(columns: [id, Self.columns[index]], rows: rows, seed: UInt64(index * 1000 + rows))
            let (rendered, _) = try Self.renderedAsCSV(text)
            #expect(rendered == text, "column \(Self.columns[index].name), \(rows) rows")
        }
    }

    @Test func allColumnsTogetherRoundTripAndCanonicalOnesAreTyped() throws {
        let text = Self.file(columns: Self.columns, rows: 500, seed: 14)
        let (rendered, types) = try Self.renderedAsCSV(text)
        #expect(rendered == text)
        let typed = Dictionary(uniqueKeysWithValues: zip(Self.columns.map(\.name), types))
        #expect(typed["plain_int"] == .integer)
        #expect(typed["plain_decimal"] == .decimal)
        #expect(typed["exact_scales"] == .decimal)   // each value keeps its own scale
        #expect(typed["iso_date"] == .date)
        #expect(typed["boolean"] == .boolean)
        #expect(typed["with_nulls"] == .integer)
        for name in ["zero_padded", "signed", "long_digits", "mixed_scale", "other_dates", "boolean_spellings", "text"] {
            #expect(typed[name] == .string, "\(name) should stay text")
        }
    }

    /// A value far down the file that does not print back makes its column text (the sample saw only
    /// integers): the re-typing after the parse keeps the rule too.
    @Test func aLateNonCanonicalValueMakesTheColumnText() throws {
        let rows = (0..<3_000).map { String($0 + 1) } + ["007"]
        let text = "n\n" + rows.joined(separator: "\n") + "\n"
        let (rendered, types) = try Self.renderedAsCSV(text)
        #expect(types == [.string])
        #expect(rendered == text)
    }

    /// The decimal rule in the small: what TextScalars.decimal takes prints back as written (scale kept,
    /// `1.50` stays `1.50`), and what it refuses is negative zero or has more than 18 significant digits.
    @Test func acceptedDecimalsPrintBackAsWritten() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<20_000 {
            let whole = random.next(in: 0...3) == 0 ? "0" : String(random.next(in: 1...999_999_999))
            let zeros = String(repeating: "0", count: random.next(in: 0...9))
            let fraction = random.next(in: 0...4) == 0 ? "0" : zeros + String(random.next(in: 0...999_999_999))
            let text = (random.next(in: 0...1) == 0 ? "-" : "") + whole + "." + fraction
            let accepted = Array(text.utf8).withUnsafeBufferPointer(TextScalars.decimal)
            if let accepted { #expect(Value.decimal(accepted).description == text, "\(text) prints as \(accepted)") }
            let significant = text.filter(\.isNumber).drop { $0 == "0" }.count
            let negativeZero = text.hasPrefix("-") && !text.contains { ("1"..."9").contains($0) }
            if accepted == nil { #expect(significant > ExactDecimal.maximumDigits || negativeZero, "\(text) was refused") }
        }
        for text in ["1.5", "2.0", "0.0", "-0.5", "0.0001", "123456789012345.0", "0.125", "1.50", "0.00001", "7", "12.100"] {
            #expect(Array(text.utf8).withUnsafeBufferPointer(TextScalars.decimal) != nil, "\(text)")
        }
        for text in [".5", "5.", "1e3", "-0.0", "01.5", "+1.5", "1234567890123456789.0", "1.5.5", "-", "0.0000000000000000001"] {
            #expect(Array(text.utf8).withUnsafeBufferPointer(TextScalars.decimal) == nil, "\(text)")
        }
    }

    /// JSON numbers keep their value (1.50 is an exact decimal, equal to 1.5, and keeps its scale), while
    /// strings that look like numbers stay strings.
    @Test func jsonNumbersKeepTheirValue() throws {
        let file = try TemporaryFile(name: "j.json", contents: Data(#"[{"price": 1.50, "zip": "01234", "n": 7}]"#.utf8))
        var dataset = Dataset()
        try withExtendedLifetime(file) { _ = try dataset.load(path: file.path) }
        let row = try #require(dataset.collections.first).table[0]
        #expect(row["price"] == .decimal(1.5))
        #expect(row["zip"] == .string("01234"))
        #expect(row["n"] == .integer(7))
    }
}

extension SeededRandom {
    mutating func next(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
}
