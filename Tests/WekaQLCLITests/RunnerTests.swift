// Statements and dot-commands run the same way from -e, standard input and script files, and every
// error — a data file's, a script file's, a parameter's, a command's — honours --error-format json.

import Foundation
import Testing

@Suite struct DotCommandsEverywhereTests {
    @Test func dotCommandsRunFromExecuteText() throws {
        let result = try WekaQLProcess.run(["-e", ".schema funders"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("funders — who funded the operation"))
        #expect(result.error.isEmpty)
    }

    @Test func dotCommandsRunFromStandardInput() throws {
        let result = try WekaQLProcess.run([], input: ".mode csv\nfunders count\n.tables\n")
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("count\n3\n"))
        #expect(result.output.contains("│ funders "))
    }

    @Test func dotCommandsRunFromAScriptFile() throws {
        let dir = try TemporaryDirectory()
        let script = try dir.write("report.wql", "# csv for a spreadsheet\n.mode csv\n.maxrows 0\npartners count\nfunders\n  | count\n")
        let result = try WekaQLProcess.run([script.path])
        #expect(result.status == 0)
        #expect(result.output == "count\n6\ncount\n3\n")
    }

    @Test func aBadCommandStopsTheScriptWithStatusOne() throws {
        let result = try WekaQLProcess.run(["-f", "csv"], input: "funders count\n.mode tsv\nfunders count\n")
        #expect(result.status == 1)
        #expect(result.output == "count\n3\n")
        #expect(result.error.contains("wekaql: error: unknown mode \"tsv\""))
    }

    @Test func quitEndsTheScript() throws {
        let result = try WekaQLProcess.run(["-f", "csv", "-e", "funders count\n.quit\npartners count"])
        #expect(result.status == 0)
        #expect(result.output == "count\n3\n")
    }

    @Test func theTimerTimesOnlyTheStatementsThatSucceed() throws {
        let result = try WekaQLProcess.run(["--timer", "-k", "-f", "csv", "-e", "funders count", "-e", "arrests select arrested / 0"])
        #expect(result.status == 1)
        #expect(result.error.split(separator: "\n").filter { $0.hasPrefix("time: ") }.count == 1)
        #expect(result.error.contains("error[E0401]"))
    }

    @Test func theLastResultIsNamedUnderscoreForLaterInputs() throws {
        let result = try WekaQLProcess.run(["-f", "csv", "-e", "countries where continent = \"Europe\"", "-e", "_ count"])
        #expect(result.status == 0)
        #expect(result.output.hasSuffix("count\n2\n"))
    }

    @Test func readRunsAFileAsTheStartupFileIsRun() throws {
        let dir = try TemporaryDirectory()
        let inner = try dir.write("inner.wql", ".mode csv\nfunders count\n")
        let result = try WekaQLProcess.run(["-e", ".read \(inner.path)"])
        #expect(result.status == 0)
        #expect(result.output == "count\n3\n")
    }
}

@Suite struct JSONErrorsEverywhereTests {
    /// Each line of standard error as a JSON object.
    static func objects(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not JSON: \(line)")
        }
    }

    @Test func aDataFileThatCannotBeRead() throws {
        let result = try WekaQLProcess.run(["--error-format", "json", "--data", "/nonexistent/x.csv", "-e", "x count"])
        #expect(result.status == 64)
        let errors = try Self.objects(result.error)
        #expect(errors.count == 1)
        #expect(errors.first?["code"] as? String == "E0500")
    }

    @Test func aScriptFileThatIsNotUTF8() throws {
        let dir = try TemporaryDirectory()
        let url = dir.url.appendingPathComponent("latin1.wql")
        try Data([0x66, 0x75, 0x6E, 0x64, 0x65, 0x72, 0x73, 0x20, 0xE9, 0x0A]).write(to: url)
        let result = try WekaQLProcess.run(["--error-format", "json", url.path])
        #expect(result.status == 1)
        let errors = try Self.objects(result.error)
        #expect(errors.first?["code"] as? String == "E0501")
        #expect(errors.first?["line"] as? Int == 1)
    }

    @Test func aScriptFileThatCannotBeRead() throws {
        let result = try WekaQLProcess.run(["--error-format", "json", "/nonexistent/script.wql"])
        #expect(result.status == 64)
        #expect(try Self.objects(result.error).first?["code"] as? String == "E0500")
    }

    @Test func aBadParameterValue() throws {
        let result = try WekaQLProcess.run(["--error-format", "json", "-p", "n=many", "-e", "arrests where arrested > $n"])
        #expect(result.status == 1)
        let errors = try Self.objects(result.error)
        #expect(errors.first?["code"] as? String == "E0308")
        #expect((errors.first?["message"] as? String)?.contains("--param n=many") == true)
    }

    @Test func aBadDotCommand() throws {
        let result = try WekaQLProcess.run(["--error-format", "json", "-e", ".mode tsv"])
        #expect(result.status == 1)
        let errors = try Self.objects(result.error)
        #expect(errors.first?["code"] as? String == "E0700")
        #expect(errors.first?["hints"] as? [String] == ["modes: table, csv, json, jsonl, markdown, vertical, svg, html"])
    }
}
