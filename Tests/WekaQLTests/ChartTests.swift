// Charts: golden files of every kind in the terminal (Unicode and ASCII, with nulls and negatives), the
// SVG and HTML documents parsed as XML with their labels and values present, and the chart checks.
//
//   Golden/charts/NAME.wql       statements over the built-in data, some ending in `chart`
//   Golden/charts/NAME.expected  for each statement: "> " and its text, then its chart drawn in Unicode
//                                and in ASCII at 64 cells (or its table, for a statement without one)
//
// Re-record after an intended change with WEKAQL_RECORD=1 swift test --filter ChartTests.

import Foundation
import Testing
import WekaQL

@Suite struct ChartTests {
    static let folder = GoldenFileTests.root.appendingPathComponent("charts")

    static var scripts: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".wql") }.sorted()
    }

    static func drawn(_ text: String, name: String) throws -> String {
        var engine = Engine()
        let file = SourceFile(name: name, text: text)
        var blocks: [String] = []
        var failures: [String] = []
        engine.run(file) { event in
            switch event {
            case .result(let result):
                var block = "> " + file.text(in: result.range) + "\n"
                if let chart = result.chart {
                    let unicode = TerminalChart(width: 64).render(chart, of: result.table)
                    let ascii = TerminalChart(width: 64, ascii: true).render(chart, of: result.table)
                    for line in (unicode + ascii).split(separator: "\n") where DisplayText.width(of: String(line)) > 64 {
                        failures.append("wider than 64 cells: \(line)")
                    }
                    #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII || !"█▏▎▍▌▋▊▉▁▂▃▄▅▆▇│─┤└●◆".unicodeScalars.contains($0) })
                    block += unicode + "-- ascii\n" + ascii
                } else {
                    block += Renderer(format: .table).render(result.table)
                }
                blocks.append(block)
            case .failure(let diagnostic):
                if diagnostic.severity == .error { failures.append(diagnostic.description) }
            }
        }
        #expect(failures.isEmpty, "\(name): \(failures)")
        return blocks.joined(separator: "\n")
    }

    @Test(arguments: scripts)
    func chartsDrawAsRecorded(_ name: String) throws {
        let script = Self.folder.appendingPathComponent(name)
        let expectedURL = script.deletingPathExtension().appendingPathExtension("expected")
        let actual = try Self.drawn(try String(contentsOf: script, encoding: .utf8), name: name)
        if GoldenFileTests.recording { return try actual.write(to: expectedURL, atomically: true, encoding: .utf8) }
        let expected = try #require(try? String(contentsOf: expectedURL, encoding: .utf8), "\(name): no .expected file")
        #expect(actual == expected, "\(name) differs from its .expected file")
    }

    @Test func everyKindHasAGoldenFile() {
        for kind in ChartKind.allCases { #expect(Self.scripts.contains(kind.rawValue + ".wql"), "no golden file for \(kind)") }
    }

    /// The result of one query that ends in `chart`.
    static func chartResult(_ query: String) throws -> StatementResult {
        var engine = Engine()
        let result = try #require(try engine.run(query).first)
        _ = try #require(result.chart)
        return result
    }

    @Test(arguments: ["bar", "column", "line", "hist x = arrested bins = 3", "spark"])
    func svgIsWellFormedWithLabelsAndValues(_ kind: String) throws {
        let result = try Self.chartResult("arrests select country, arrested | chart \(kind) title \"Weka <II> & co\"")
        let svg = SVGChart().render(result.chart!, of: result.table)
        let texts = try XMLText.texts(of: svg)
        #expect(texts.contains("Weka <II> & co"))
        if !kind.hasPrefix("hist") && kind != "spark" {
            #expect(texts.contains { $0.contains("United Arab Emirates") })
        }
        if kind == "bar" || kind == "column" { #expect(texts.contains("34")) }
        #expect(texts.contains { $0.contains("null") })   // the footnote on Lesotho's two nulls
    }

    @Test func htmlReportIsWellFormedAndEscapesHostileText() throws {
        var engine = Engine()
        let hostile = try Table(columns: ["name", "n"],
                            rows: [[.string("<script>alert(1)</script>\u{1B}]0;x\u{07}"), .integer(-2)], [.string("ok & fine"), .integer(3)]])
        engine.bind("hostile", to: hostile)
        var report = HTMLReport(title: "Report <1>")
        for result in try engine.run("hostile chart bar; hostile") {
            report.add(statement: "hostile & <more>", table: result.table, chart: result.chart)
        }
        let html = report.render()
        #expect(!html.contains("<script>"))
        #expect(!html.contains("\u{1B}"))
        let texts = try XMLText.texts(of: html)
        #expect(texts.contains("Report <1>"))
        #expect(texts.contains("<script>alert(1)</script>\\x1b]0;x\\x07"))
        #expect(texts.contains("-2") && texts.contains("3"))
        #expect(texts.contains("hostile & <more>"))
    }

    @Test(arguments: [
        ("arrests count by offence | chart pie", Diagnostic.Code.unknownChartKind),
        ("arrests chart bar y = country", .chartNotNumeric),
        ("arrests count by offence | chart bar bins = 3", .chartOption),
        ("arrests chart hist x = arrested bins = 0", .chartOption),
        ("arrests chart hist y = arrested", .chartOption),
        ("arrests chart bar title \"a\" title \"b\"", .chartOption),
        ("arrests chart bar | limit 3", .chartNotLast),
        ("arrests select country | chart bar", .nothingToChart),
        ("arrests chart bar x = contry", .unknownField),
    ])
    func badChartsAreErrors(_ query: String, _ code: Diagnostic.Code) {
        let problems = Engine().check(SourceFile(name: "-e", text: query))
        #expect(problems.map(\.code) == [code], "\(query): \(problems.map(\.description))")
    }

    @Test func tableFormatsPassTheTableThrough() throws {
        let result = try Self.chartResult("arrests count by offence | chart bar")
        for format in [OutputFormat.csv, .json, .jsonl, .markdown] {
            #expect(Renderer(format: format).render(result.table, chart: result.chart) == Renderer(format: format).render(result.table))
        }
        #expect(Renderer(format: .table).render(result.table, chart: result.chart).contains("█"))
    }

    @Test(arguments: [
        ("arrests chart ", ["bar", "column", "line", "hist", "spark"]),
        ("arrests chart bar ", ["x", "y", "by", "title", "bins"]),
        ("arrests chart bar x = ", ["country"]),
        ("arrests count by offence chart bar y = ", ["count"]),
    ])
    func completionKnowsCharts(_ text: String, _ expected: [String]) {
        let candidates = Engine().completions(for: text, cursor: text.utf8.count).candidates.map(\.text)
        #expect(Set(expected).isSubset(of: Set(candidates)), "\(text): \(candidates)")
    }

    @Test func seriesAreColouredWhenColourIsOn() throws {
        let result = try Self.chartResult("arrests count by offence, country | chart bar x = country y = count by offence")
        let coloured = TerminalChart(width: 60, colored: true).render(result.chart!, of: result.table)
        #expect(coloured.contains("\u{1B}[36m█") && coloured.contains("\u{1B}[33m█"))
        let plain = TerminalChart(width: 60).render(result.chart!, of: result.table)
        #expect(!plain.contains("\u{1B}") && plain.contains("▓"))   // without colour, a shade tells series apart
        #expect(plain.split(separator: "\n").allSatisfy { DisplayText.width(of: String($0)) <= 60 })
    }

    @Test func sparkIsATextPerGroup() throws {
        var engine = Engine()
        let table = try engine.run("arrests where offence = \"migrant smuggling\" summarize s = spark(arrested) by offence")[0].table
        #expect(table[0, 1] == .string("█"))
        #expect(Engine().check(SourceFile(name: "-e", text: "arrests summarize spark(country)")).map(\.code) == [.argumentType])
    }
}
