// The real `wekaql` binary, driven as a user would: arguments, files, standard input, exit status and output.

import Foundation
import Testing

@Suite struct CLIRunningTests {
    @Test(arguments: ["-e", "-c", "--execute"])
    func executeFlags(_ flag: String) throws {
        let result = try WekaQLProcess.run(["-f", "csv", flag, "arrests where country = \"Togo\" select country, arrested"])
        #expect(result.status == 0)
        #expect(result.output == "country,arrested\nTogo,1\n")
        #expect(result.error.isEmpty)
    }

    @Test func repeatedExecuteRunsInOrderAndSharesBindings() throws {
        let result = try WekaQLProcess.run(["-f", "csv", "-e", "let a = countries where continent = \"Europe\"", "-e", "a count"])
        #expect(result.status == 0)
        #expect(result.output == "count\n2\n")
    }

    @Test func scriptFilesRunInOrder() throws {
        let dir = try TemporaryDirectory()
        let first = try dir.write("one.wql", "# the first script\nfigures where metric = \"arrests\" select value\n")
        let second = try dir.write("two.wql", "countries\n  where continent = \"South America\"\n  select country\n")
        let result = try WekaQLProcess.run(["-f", "csv", first.path, second.path])
        #expect(result.status == 0)
        #expect(result.output == "value\n300\ncountry\nBrazil\n")
    }

    @Test func shebangScriptRunsAsAProgram() throws {
        let dir = try TemporaryDirectory()
        let script = try dir.write("report.wql", "#!/usr/bin/env wekaql\nfunders count\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let path = WekaQLProcess.executable.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        // While the script was open for writing, a process that another test started at that moment may
        // have inherited the descriptor: exec then fails with "Text file busy" (ETXTBSY) until that
        // process execs in turn. That is the test's race, not wekaql's, so it tries again.
        func run() throws -> ProcessResult? {
            do {
                let result = try WekaQLProcess.run([], environment: ["PATH": path], executable: script)
                return result.error.contains("Text file busy") ? nil : result
            } catch let error as NSError where error.code == Int(ETXTBSY) || "\(error)".contains("busy") {
                return nil
            }
        }
        var attempt = try run()
        for _ in 0..<20 where attempt == nil {
            usleep(50_000)
            attempt = try run()
        }
        let result = try #require(attempt)
        #expect(result.status == 0)
        #expect(result.output.contains("│     3 │"))
    }

    @Test func standardInputIsAScript() throws {
        let result = try WekaQLProcess.run(["-f", "csv"], input: "partners count\nfunders count\n")
        #expect(result.status == 0)
        #expect(result.output == "count\n6\ncount\n3\n")
    }

    @Test func notesPrintsTheDatasNotes() throws {
        let one = try WekaQLProcess.run(["--notes", "victims"])
        #expect(one.status == 0)
        #expect(one.output.hasPrefix("victims — "))
        #expect(one.output.contains("Oman's six were rescued"))
        let all = try WekaQLProcess.run(["--notes"])
        #expect(all.status == 0)
        #expect(all.output.contains("Judgement calls"))
        #expect(all.output.contains("captions — "))
        let wrong = try WekaQLProcess.run(["--notes=victim"])
        #expect(wrong.status == 64)
        #expect(wrong.error.contains("did you mean \"victims\"?"))
    }

    @Test func dashReadsStandardInput() throws {
        let result = try WekaQLProcess.run(["-f", "csv", "-"], input: "operations count")
        #expect(result.output == "count\n3\n")
    }

    @Test func parametersAreTypedByTheirUse() throws {
        let result = try WekaQLProcess.run(["-f", "csv", "--param", "c=Togo", "-p", "n=0",
                                            "-e", "arrests where country = $c and arrested > $n select arrested"])
        #expect(result.status == 0)
        #expect(result.output == "arrested\n1\n")
    }

    @Test func parametersWhosePlaceDoesNotTypeThemKeepTheirValues() throws {
        let result = try WekaQLProcess.run(["-f", "csv", "--param", "n=5", "--param", "p=1965-07-12",
                                            "-e", "operations limit 1 select $n as n, abs($n) as a, year($p) as y"])
        #expect(result.status == 0)
        #expect(result.output == "n,a,y\n5,5,1965\n")
        let flag = try WekaQLProcess.run(["-f", "csv", "--param", "f=true", "-e", "operations where $f count"])
        #expect(flag.output == "count\n3\n")
    }

    /// Found by the DuckDB differential test: `--param n=2` was read as the decimal 2.0 for the whole
    /// script because its first use compares it with a decimal, so a later `limit $n` failed.
    @Test func aWholeNumberParameterServesADecimalPlaceAndALimit() throws {
        let directory = try TemporaryDirectory()
        let data = try directory.write("t.csv", "d\n1.5\n2.5\n3.0\n")
        let script = try directory.write("p.wql", "t where d > $n count\nt limit $n count\n")
        let arguments = ["--no-builtin", "--data", data.path, "-f", "csv", "--param", "n=2"]
        let viaScript = try WekaQLProcess.run(arguments + [script.path])
        #expect(viaScript.status == 0)
        #expect(viaScript.output == "count\n2\ncount\n2\n")
        let inOneStatement = try WekaQLProcess.run(arguments + ["-e", "t where d > $n | limit $n | count"])
        #expect(inOneStatement.output == "count\n2\n")
    }

    @Test func parameterOfTheWrongTypeIsAnError() throws {
        let result = try WekaQLProcess.run(["--param", "n=many", "-e", "arrests where arrested > $n"])
        #expect(result.status == 1)
        #expect(result.error.contains("$n") || result.error.contains("n=many"))
    }

    @Test func missingParameterIsAnError() throws {
        let result = try WekaQLProcess.run(["-e", "arrests where country = $c"])
        #expect(result.status == 1)
        #expect(result.error.contains("no value given for parameter $c"))
    }

    @Test func outputFile() throws {
        let dir = try TemporaryDirectory()
        let out = dir.url.appendingPathComponent("out.csv")
        let result = try WekaQLProcess.run(["-f", "csv", "-o", out.path, "-e", "funders count"])
        #expect(result.status == 0)
        #expect(result.output.isEmpty)
        #expect(try String(contentsOf: out, encoding: .utf8) == "count\n3\n")
    }

    @Test func versionAndHelp() throws {
        let version = try WekaQLProcess.run(["--version"])
        #expect(version.status == 0)
        #expect(version.output.hasPrefix("wekaql "))
        let help = try WekaQLProcess.run(["--help"])
        #expect(help.status == 0)
        for text in ["arrests where country = \"Togo\"", "--format", "EXIT STATUS", "summarize", "join"] {
            #expect(help.output.contains(text))
        }
    }
}

@Suite struct CLIFormatTests {
    let query = "arrests where country in (\"Togo\", \"Lesotho\") select country, arrested, nationality sort by nationality"

    @Test func jsonIsAnArrayOfObjectsInColumnOrder() throws {
        let result = try WekaQLProcess.run(["-f", "json", "-e", query])
        #expect(result.status == 0)
        let parsed = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]]
        let rows = try #require(parsed)
        #expect(rows.count == 3)
        #expect(rows[0]["nationality"] as? String == "Chinese")
        #expect(rows[0]["arrested"] is NSNull)
        #expect(rows[2]["arrested"] as? Int == 1)
        #expect(result.output.contains("{\"country\":\"Lesotho\",\"arrested\":null,\"nationality\":\"Chinese\"}"))
    }

    @Test func jsonHasOneArrayPerStatementAndDatesAsText() throws {
        let result = try WekaQLProcess.run(["-f", "json", "-e", "operations where name = \"Weka II\" select start_date; funders count"])
        #expect(result.output == "[\n  {\"start_date\":\"2022-06-12\"}\n]\n[\n  {\"count\":3}\n]\n")
    }

    @Test func jsonLines() throws {
        let result = try WekaQLProcess.run(["-f", "jsonl", "-e", "figures where value > 200 select metric, approx sort by metric"])
        #expect(result.output == "{\"metric\":\"arrests\",\"approx\":false}\n{\"metric\":\"migrants_identified\",\"approx\":true}\n{\"metric\":\"victims_rescued\",\"approx\":true}\n")
    }

    @Test func csvQuotesWhatNeedsQuoting() throws {
        let result = try WekaQLProcess.run(["-f", "csv", "-e", "arrests where country = \"Morocco\" select suspects, linked_operation"])
        #expect(result.output.hasPrefix("suspects,linked_operation\n"))
        let csv = try WekaQLProcess.run(["-f", "csv", "-e", "countries where iso2 = \"CI\" select concat(country, \", \", \"x\\\"y\") as s"])
        #expect(csv.output == "s\n\"Côte d'Ivoire, x\"\"y\"\n")
    }

    @Test func markdownTable() throws {
        let result = try WekaQLProcess.run(["-f", "markdown", "-e", "smuggling where fee_usd is not null select country, fee_usd"])
        #expect(result.output == "| country | fee_usd |\n| --- | ---: |\n| Gambia | 1000 |\n")
    }

    @Test func tableIsAlignedWithNullsAndAFooter() throws {
        let result = try WekaQLProcess.run(["-e", query])
        #expect(result.output == """
        ┌─────────┬──────────┬─────────────┐
        │ country │ arrested │ nationality │
        ├─────────┼──────────┼─────────────┤
        │ Lesotho │     null │ Chinese     │
        │ Lesotho │     null │ Pakistani   │
        │ Togo    │        1 │ null        │
        └─────────┴──────────┴─────────────┘
        3 rows, 3 columns

        """)
    }

    @Test func tableFitsTheWidthGiven() throws {
        let result = try WekaQLProcess.run(["-w", "80", "-e", "arrests"])
        for line in result.output.split(separator: "\n") { #expect(line.count <= 80) }
        #expect(result.output.contains("…"))
    }

    @Test func noEscapeCodesIntoAPipe() throws {
        let result = try WekaQLProcess.run(["-e", "arrests where contry = 1; figures"])
        #expect(!result.output.contains("\u{1B}["))
        #expect(!result.error.contains("\u{1B}["))
    }

    @Test func unknownFormatIsAUsageError() throws {
        let result = try WekaQLProcess.run(["-f", "xml", "-e", "figures"])
        #expect(result.status == 64)
        #expect(result.error.contains("unknown format \"xml\""))
    }
}

@Suite struct CLIErrorTests {
    @Test func errorNamesTheExecuteText() throws {
        let result = try WekaQLProcess.run(["-e", "arrests where contry = \"Togo\""])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(result.error == """
        -e:1:15: error[E0201]: unknown field "contry" in arrests
        arrests where contry = "Togo"
                      ^~~~~~
        help: did you mean "country"? (fields: country, arrested, suspects, nationality, offence, place, linked_operation, notice, …)

        """)
    }

    @Test func errorNamesTheFileLineAndColumn() throws {
        let dir = try TemporaryDirectory()
        let script = try dir.write("bad.wql", "figures count\n\narrests where arrested > \"two\"\n")
        let result = try WekaQLProcess.run([script.path])
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("\(script.path):3:26: error[E0300]: cannot compare integer field \"arrested\" with string \"two\""))
        #expect(result.output.isEmpty, "nothing runs when a statement does not check")
    }

    @Test func standardInputIsNamedDash() throws {
        let result = try WekaQLProcess.run([], input: "figures\nfigures where\n")
        #expect(result.error.hasPrefix("-:2:14: error[E0102]: expected an expression, found the end of the input"))
    }

    @Test func everySyntaxErrorIsReported() throws {
        let result = try WekaQLProcess.run(["-e", "arrests wher x = 1\nfiguers count\narrests | limit \"x\""])
        #expect(result.status == 1)
        let headers = result.error.split(separator: "\n").filter { $0.hasPrefix("-e:") }
        #expect(headers.count == 3)
    }

    @Test func runtimeErrorStopsTheScriptUnlessKeepGoing() throws {
        let script = "funders count\nfigures select value * 9223372036854775807\npartners count\n"
        let stopped = try WekaQLProcess.run(["-f", "csv", "-e", script])
        #expect(stopped.status == 1)
        #expect(stopped.output == "count\n3\n")
        #expect(stopped.error.contains("error[E0400]: integer overflow"))
        let kept = try WekaQLProcess.run(["-f", "csv", "--keep-going", "-e", script])
        #expect(kept.status == 1)
        #expect(kept.output == "count\n3\ncount\n6\n")
    }

    @Test func keepGoingRunsTheGoodStatementsOfABadScript() throws {
        let result = try WekaQLProcess.run(["-f", "csv", "-k", "-e", "funders count; figuers; partners count"])
        #expect(result.status == 1)
        #expect(result.output == "count\n3\ncount\n6\n")
        #expect(result.error.contains("unknown collection \"figuers\""))
    }

    @Test func checkParsesAndChecksWithoutRunning() throws {
        let good = try WekaQLProcess.run(["--check", "-e", "arrests count"])
        #expect(good.status == 0)
        #expect(good.output.isEmpty)
        let bad = try WekaQLProcess.run(["--check", "-e", "arrests count by contry"])
        #expect(bad.status == 1)
        #expect(bad.error.contains("E0201"))
    }

    @Test func jsonErrorFormat() throws {
        let result = try WekaQLProcess.run(["--error-format", "json", "-e", "arrests where contry = 1"])
        #expect(result.status == 1)
        let line = try #require(result.error.split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["code"] as? String == "E0201")
        #expect(object["file"] as? String == "-e")
        #expect(object["line"] as? Int == 1)
        #expect(object["column"] as? Int == 15)
        #expect(object["start_offset"] as? Int == 14)
        #expect(object["end_offset"] as? Int == 20)
        #expect((object["hints"] as? [String])?.first?.contains("did you mean \"country\"") == true)
    }

    @Test func badFlagIsAUsageError() throws {
        let result = try WekaQLProcess.run(["--frobnicate"])
        #expect(result.status == 64)
        #expect(result.error.contains("unknown option \"--frobnicate\""))
    }

    @Test func missingScriptIsAUsageError() throws {
        let result = try WekaQLProcess.run(["/nonexistent/report.wql"])
        #expect(result.status == 64)
        #expect(result.error.contains("cannot read \"/nonexistent/report.wql\""))
    }

    @Test func noMatchNoteSuggestsTheNearestValue() throws {
        let result = try WekaQLProcess.run(["-f", "csv", "-e", "arrests where country = \"Cote d'Ivoire\" count"])
        #expect(result.status == 0)
        #expect(result.output == "count\n0\n")
        #expect(result.error.contains("note[N0600]: no rows; \"Cote d'Ivoire\" is not a country here — did you mean \"Côte d'Ivoire\"?"))
    }
}

@Suite struct CLIDataTests {
    @Test func csvFileIsACollectionNamedAfterIt() throws {
        let dir = try TemporaryDirectory()
        let csv = try dir.write("records.csv", "\u{FEFF}id,country,arrested,day\r\n1,Togo,3,2024-01-02\r\n2,\"Côte d'Ivoire, north\",,2024-01-03\r\n")
        let result = try WekaQLProcess.run(["-f", "json", "--data", csv.path, "-e", "records where arrested is null select id, country, day"])
        #expect(result.status == 0)
        #expect(result.output == "[\n  {\"id\":2,\"country\":\"Côte d'Ivoire, north\",\"day\":\"2024-01-03\"}\n]\n")
    }

    @Test func folderLoadsEveryDataFileAndReplacesBuiltIns() throws {
        let dir = try TemporaryDirectory()
        _ = try dir.write("arrests.jsonl", "{\"country\":\"Chad\",\"arrested\":2}\n{\"country\":\"Mali\",\"arrested\":4}\n")
        _ = try dir.write("notes.txt", "ignored")
        _ = try dir.write("extra.json", "{\"people\":[{\"name\":\"A\"}],\"places\":[{\"name\":\"B\"},{\"name\":\"C\"}]}")
        let result = try WekaQLProcess.run(["-f", "csv", "--data", dir.url.path,
                                            "-e", "arrests summarize n = sum(arrested); people count; places count; funders count"])
        #expect(result.status == 0)
        #expect(result.output == "n\n6\ncount\n1\ncount\n2\ncount\n3\n")
    }

    /// A script loads only the CSV columns it names; a misspelt name still gets every field in its hint,
    /// and a script, `-e` text and standard input give the same answers.
    @Test func narrowedLoadingKeepsAnswersAndHints() throws {
        let dir = try TemporaryDirectory()
        let csv = try dir.write("records.csv", "id,country,arrested,details\n1,Togo,3,x\n2,Mali,,\"y, z\"\n3,Togo,4,\n")
        let query = "records where country = \"Togo\" summarize n = sum(arrested), c = count()"
        let script = try dir.write("q.wql", query + "\n")
        for (arguments, input) in [(["-e", query], ""), ([script.path], ""), ([], query)] {
            let result = try WekaQLProcess.run(["-f", "csv", "--data", csv.path] + arguments, input: input)
            #expect(result.status == 0 && result.output == "n,c\n7,2\n")
        }
        let typo = try WekaQLProcess.run(["--data", csv.path, "-e", "records where contry = \"Togo\" count"])
        #expect(typo.status == 1)
        #expect(typo.error.contains("did you mean \"country\"? (fields: id, country, arrested, details)"))
        let empty = try WekaQLProcess.run(["-f", "csv", "--data", csv.path, "-e", "records count"])
        #expect(empty.output == "count\n3\n")
    }

    /// A whole-row `distinct` reads every column, even when `count` follows (issue 20: it counted 1 of 3 rows).
    @Test func aWholeRowDistinctLoadsEveryColumn() throws {
        let dir = try TemporaryDirectory()
        let csv = try dir.write("p.csv", "id,g\n1,x\n2,x\n3,y\n")
        let result = try WekaQLProcess.run(["--no-builtin", "-f", "csv", "--data", csv.path,
                                            "-e", "p distinct count", "-e", "p distinct | count by g"])
        #expect(result.output == "count\n3\ng,count\nx,2\ny,1\n")
    }

    @Test func noBuiltinStartsEmpty() throws {
        let result = try WekaQLProcess.run(["--no-builtin", "-e", "figures"])
        #expect(result.status == 1)
        #expect(result.error.contains("unknown collection \"figures\""))
    }

    @Test func malformedCSVNamesFileAndLine() throws {
        let dir = try TemporaryDirectory()
        let csv = try dir.write("bad.csv", "a,b\n1,2\n3,4,5\n")
        let result = try WekaQLProcess.run(["--data", csv.path, "-e", "bad"])
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("\(csv.path):3:5: error[E0503]: line 3 has 3 fields, the header has 2"))
    }

    @Test func malformedJSONNamesFileAndLine() throws {
        let dir = try TemporaryDirectory()
        let json = try dir.write("bad.json", "[\n {\"a\": 1},\n {\"a\": 2,}\n]")
        let result = try WekaQLProcess.run(["--data", json.path, "-e", "bad"])
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("\(json.path):3:10: error[E0502]: malformed JSON"))
    }

    @Test func missingDataFileIsAUsageError() throws {
        let result = try WekaQLProcess.run(["--data", "/nonexistent.csv", "-e", "figures"])
        #expect(result.status == 64)
    }

    @Test func mixedJSONColumnLoadsAsTextWithAWarning() throws {
        let dir = try TemporaryDirectory()
        let json = try dir.write("mixed.json", "[{\"v\": 1}, {\"v\": \"two\"}]")
        let result = try WekaQLProcess.run(["-f", "csv", "--data", json.path, "-e", "mixed select v"])
        #expect(result.status == 0)
        #expect(result.output == "v\n1\ntwo\n")
        #expect(result.error.contains("warning[W0506]"))
        #expect(result.error.contains("first at row 2"))
    }
}

/// A temporary folder, removed when the value is released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("wekaql-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
