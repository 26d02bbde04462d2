// A CSV file written to attack the reader's terminal, rendered in every format: the human formats show
// its control and bidirectional characters as escapes and stay aligned (golden files in Golden/hostile/);
// CSV, JSON and JSON lines keep every value exact (parsed back and compared).
//
// To re-record the golden files after an intended change: WEKAQL_RECORD=1 swift test --filter HostileDataTests

import Foundation
import Testing
@testable import WekaQL

/// The hostile values, one per row, each with a label saying what it tries.
enum HostileData {
    static let rows: [(label: String, value: String)] = [
        ("OSC title", "x\u{1B}]0;pwned\u{07}y"),
        ("OSC 52 clipboard", "\u{1B}]52;c;cm0gLXJmIH4=\u{07}"),
        ("CSI clear", "\u{1B}[2J\u{1B}[H"),
        ("CSI colour", "\u{1B}[31mred"),
        ("C1 CSI", "\u{9B}31mred"),
        ("C1 OSC, ST", "\u{9D}0;t\u{9C}"),
        ("C1 NEL, PAD", "a\u{85}b\u{80}"),
        ("DEL", "a\u{7F}b"),
        ("NUL, BEL", "a\u{00}b\u{07}"),
        ("BiDi RLO", "invoice\u{202E}fdp.exe"),
        ("BiDi isolates", "\u{2066}admin\u{2069} \u{2067}x\u{2069} \u{2068}y\u{2069}"),
        ("BiDi marks", "\u{200E}a\u{200F}b\u{061C}c\u{202A}d\u{202B}e\u{202C}\u{202D}"),
        ("line separators", "a\u{2028}b\u{2029}c"),
        ("tab, LF, CR", "tab\there\ntwo\rthree"),
        ("backslashes", #"C:\temp"#),
        ("backslash, ESC", "\\x1b\u{1B}"),
        ("ZWJ emoji", "👨\u{200D}👩\u{200D}👧 family"),
        ("ZWJ, ZWNJ", "a\u{200D}b\u{200C}c"),
        ("combining", "e\u{301}te\u{301} Z\u{335}\u{321}a\u{308}"),
        ("wide", "東京 ｆｕｌｌ"),
        ("plain", "Togo"),
    ]

    /// The rows as a CSV file: label, value, and a number to see right alignment.
    static var csv: String {
        "label,value,n\n" + rows.enumerated().map { index, row in
            "\(CSVRenderer.quote(row.label)),\(CSVRenderer.quote(row.value)),\(index + 1)\n"
        }.joined()
    }

    /// The data loaded from the CSV file as a user loads it, as the collection `hostile`.
    static func dataset() throws -> Dataset {
        let file = try TemporaryFile(name: "hostile.csv", contents: Data(csv.utf8))
        var dataset = Dataset()
        try withExtendedLifetime(file) { _ = try dataset.load(path: file.path) }
        return dataset
    }

    static func table() throws -> Table {
        try #require(try dataset()["hostile"]).table
    }

    /// Whether `text` holds a character that drives or misleads a terminal (a line feed ends lines).
    static func hasControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 != "\n" && (DisplayText.isControl($0) || DisplayText.isBidirectionalControl($0)) }
    }
}

@Suite struct HostileDataTests {
    static let folder = GoldenFileTests.root.appendingPathComponent("hostile")

    /// Compares `actual` with `Golden/hostile/NAME.expected`, or records it.
    static func checkGolden(_ name: String, _ actual: String) throws {
        let url = folder.appendingPathComponent(name + ".expected")
        if GoldenFileTests.recording {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from Golden/hostile/\(name).expected")
    }

    static let humanFormats: [(String, Renderer)] = [
        ("table", Renderer(format: .table)),
        ("table-narrow", Renderer(format: .table, maxWidth: 40)),
        ("table-colored", Renderer(format: .table, colored: true)),
        ("vertical", Renderer(format: .vertical, maxWidth: 50)),
        ("markdown", Renderer(format: .markdown)),
    ]

    @Test(arguments: humanFormats.map(\.0))
    func humanFormatsShowEscapes(_ name: String) throws {
        let renderer = try #require(Self.humanFormats.first { $0.0 == name }).1
        let rendered = renderer.rendering(try HostileData.table())
        #expect(!HostileData.hasControls(rendered.text.replacingOccurrences(of: "\u{1B}[2m", with: "")
            .replacingOccurrences(of: "\u{1B}[22m", with: "").replacingOccurrences(of: "\u{1B}[1m", with: "")
            .replacingOccurrences(of: "\u{1B}[0m", with: "")), "\(name): a control character reached the output")
        #expect(rendered.escapes.values == 15)
        #expect(rendered.escapes.kinds == [.control, .bidirectional])
        #expect(rendered.text.contains("15 values shown with escapes (control characters, bidirectional controls)"))
        try Self.checkGolden(name, renderer.colored ? rendered.text.replacingOccurrences(of: "\u{1B}", with: "<ESC>") : rendered.text)
    }

    /// Every line of the grid is as wide as its top rule, in display columns: escapes, wide characters,
    /// combining marks and joiners are all counted as a terminal draws them.
    @Test(arguments: [nil, 40])
    func tableLinesStayAligned(_ maxWidth: Int?) throws {
        let text = Renderer(format: .table, maxWidth: maxWidth).render(try HostileData.table())
        let grid = text.split(separator: "\n").map(String.init).filter { "┌│├└".contains($0.first!) }
        let width = DisplayText.width(of: grid[0])
        #expect(grid.count == HostileData.rows.count + 4)
        for line in grid { #expect(DisplayText.width(of: line) == width, "misaligned: \(line)") }
        if let maxWidth { #expect(width <= maxWidth) }
    }

    @Test func verticalLinesFitTheWidth() throws {
        let text = Renderer(format: .vertical, maxWidth: 50).render(try HostileData.table())
        let values = text.split(separator: "\n").filter { !$0.contains("shown with escapes") }
        for line in values { #expect(DisplayText.width(of: String(line)) <= 50, "too wide: \(line)") }
    }

    @Test func rawShowsTheValuesAsTheyAre() throws {
        let rendered = Renderer(format: .table, raw: true).rendering(try HostileData.table())
        #expect(rendered.text.contains("x\u{1B}]0;pwned\u{07}y"))
        #expect(rendered.escapes.isEmpty)
        #expect(!rendered.text.contains("shown with escapes"))
    }

    @Test func aFieldNameIsEscapedAndCounted() throws {
        let table = try Table(columns: ["na\u{1B}[1mme"], rows: [["ok"]])
        let rendered = Renderer(format: .table).rendering(table)
        #expect(rendered.text.contains("│ na\\x1b[1mme │"))
        #expect(rendered.escapes.names == 1 && rendered.escapes.values == 0)
        #expect(rendered.text.contains("1 field name shown with escapes (control characters)"))
    }

    // MARK: - Machine formats keep the data exact

    @Test func csvRoundTripsEveryValue() throws {
        let csv = Renderer(format: .csv).render(try HostileData.table())
        let file = try TemporaryFile(name: "again.csv", contents: Data(csv.utf8))
        var dataset = Dataset()
        try withExtendedLifetime(file) { _ = try dataset.load(path: file.path) }
        let again = try #require(dataset["again"]).table
        #expect(again.rowCount == HostileData.rows.count)
        for (index, row) in HostileData.rows.enumerated() {
            #expect(again[index, 1] == .string(row.value), "row \(index + 1), \(row.label)")
        }
    }

    @Test(arguments: [OutputFormat.json, .jsonl])
    func jsonRoundTripsEveryValue(_ format: OutputFormat) throws {
        let text = Renderer(format: format).render(try HostileData.table())
        #expect(!HostileData.hasControls(text.replacingOccurrences(of: "\n", with: "")), "JSON output holds a raw control")
        let lines = format == .json ? [text] : text.split(separator: "\n").map(String.init)
        var values: [String] = []
        for line in lines {
            let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
            let objects = try (parsed as? [[String: Any]]) ?? [#require(parsed as? [String: Any])]
            values += try objects.map { try #require($0["value"] as? String) }
        }
        #expect(values == HostileData.rows.map(\.value))
    }

    @Test func jsonEscapesDelC1BidiAndSeparators() {
        #expect(JSONText.quote("\u{7F}\u{9B}\u{202E}\u{2028}\u{2029}\u{1B}") == #""\u007f\u009b\u202e\u2028\u2029\u001b""#)
        #expect(JSONText.quote("é東👨\u{200D}👩") == "\"é東👨\u{200D}👩\"")
    }

    @Test func csvQuotesWhatRFC4180Needs() {
        #expect(CSVRenderer.quote("a\rb") == "\"a\rb\"")
        #expect(CSVRenderer.quote("a\nb") == "\"a\nb\"")
        #expect(CSVRenderer.quote("a,b") == "\"a,b\"")
        #expect(CSVRenderer.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVRenderer.quote(" padded ") == "\" padded \"")
        #expect(CSVRenderer.quote("x\u{1B}[2Jy") == "x\u{1B}[2Jy")   // bytes kept: CSV is for programs
    }
}
