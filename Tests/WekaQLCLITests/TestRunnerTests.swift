// `wekaql test`: asserts and `----` blocks counted, one line per failure with a diff, the last line
// `N passed, M failed`, exit status 1 when any failed; `--accept` rewrites only the blocks. And the
// script-level behaviour of asserts: a failure stops a script unless --keep-going or --warn-asserts.

import Foundation
import Testing

@Suite struct TestRunnerTests {
    static let script = """
        # a report that checks itself
        assert countries count | select (count = 44), "44 countries took part"
        assert arrests where arrested > 30 is empty, "no report of more than 30"

        arrests count by offence sort by count desc | limit 1
        ----
        stale output

        countries count
        ----
        ┌───────┐
        │ count │
        ├───────┤
        │    44 │
        └───────┘
        1 row, 1 column
        """

    func write(_ text: String, name: String = "report.wql") throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wekaql-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func countsAssertsAndBlocksWithOneLinePerFailure() throws {
        let url = try write(Self.script)
        let result = try WekaQLProcess.run(["test", "report.wql"], environment: ["LC_ALL": "C.UTF-8"], directory: url.deletingLastPathComponent())
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.last == "2 passed, 2 failed")
        #expect(lines.contains("report.wql:3:1: error[E0801]: assertion failed: no report of more than 30"))
        #expect(lines.contains("report.wql:5:1: error[E0803]: the output differs from the expected block"))
        #expect(lines.contains("  - stale output"))
        #expect(lines.contains { $0.hasPrefix("  + │ human trafficking") })
    }

    @Test func acceptRewritesOnlyTheBlocks() throws {
        let url = try write(Self.script + "\n")
        let accepted = try WekaQLProcess.run(["test", "--accept", url.path], environment: ["LC_ALL": "C.UTF-8"])
        #expect(accepted.error.contains("accepted 1 block in"))
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(!text.contains("stale output"))
        #expect(text.hasPrefix("# a report that checks itself\nassert countries count"))
        #expect(text.hasSuffix("1 row, 1 column\n"))
        let again = try WekaQLProcess.run(["--test", url.path], environment: ["LC_ALL": "C.UTF-8"])
        #expect(again.output.hasSuffix("3 passed, 1 failed\n"))   // the failing assert still fails
    }

    @Test func allPassingExitsZero() throws {
        let url = try write("assert arrests where arrested < 0 is empty\nassert countries count | select (count = 44)\n")
        let result = try WekaQLProcess.run(["test", url.path])
        #expect(result.status == 0)
        #expect(result.output == "2 passed, 0 failed\n")
    }

    @Test func aFailedAssertStopsAScriptUnlessWarned() throws {
        let url = try write("assert countries count | select (count = 1), \"one country\"\ncountries count\n")
        let stopped = try WekaQLProcess.run([url.path])
        #expect(stopped.status == 1)
        #expect(stopped.output.isEmpty)
        #expect(stopped.error.contains(":1:1: error[E0800]: assertion failed: one country"))
        let warned = try WekaQLProcess.run(["--warn-asserts", url.path])
        #expect(warned.status == 0)
        #expect(warned.error.contains("warning[E0800]"))
        #expect(warned.output.contains("44"))
        let kept = try WekaQLProcess.run(["--keep-going", url.path])
        #expect(kept.status == 1 && kept.output.contains("44"))
    }

    @Test func chartsFollowTheFormat() throws {
        let query = "arrests count by offence | chart bar"
        let unicode = try WekaQLProcess.run(["-e", query], environment: ["LC_ALL": "C.UTF-8"])
        #expect(unicode.output.contains("│█"))
        let ascii = try WekaQLProcess.run(["-e", query], environment: ["LC_ALL": "C"])
        #expect(ascii.output.contains("|#") && !ascii.output.contains("█"))
        let csv = try WekaQLProcess.run(["-f", "csv", "-e", query])
        #expect(csv.output.hasPrefix("offence,count\n"))
        let directory = try write("").deletingLastPathComponent()
        let svg = try WekaQLProcess.run(["-o", "chart.svg", "-e", query], directory: directory)
        #expect(svg.status == 0)
        let written = try String(contentsOf: directory.appendingPathComponent("chart.svg"), encoding: .utf8)
        #expect(written.hasPrefix("<?xml") && written.contains("human trafficking"))
        let dotOutput = try WekaQLProcess.run(["-e", ".output second.svg", "-e", query], directory: directory)
        #expect(dotOutput.status == 0)
        let second = try String(contentsOf: directory.appendingPathComponent("second.svg"), encoding: .utf8)
        #expect(second.hasPrefix("<?xml") && second.contains("</svg>"))
        let html = try WekaQLProcess.run(["-f", "html", "-e", "countries count", "-e", query])
        #expect(html.output.hasPrefix("<!DOCTYPE html>") && html.output.contains("<svg") && html.output.contains("<td class=\"number\">44</td>"))
    }
}
