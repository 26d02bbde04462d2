// `--data PATH:key=value,…`, `--data -` and `--format-in` from the command line, as a new user meets them
// (issue 14): values kept as written, options, warnings on stderr, and the exit statuses.

import Foundation
import Testing

@Suite struct CLILoadOptionsTests {
    @Test func valuesLoadAsWritten() throws {
        let dir = try TemporaryDirectory()
        let csv = try dir.write("contacts.csv", "zip,phone,code,n\n01234,+33123,007,+5\n")
        let result = try WekaQLProcess.run(["--no-builtin", "-f", "csv", "--data", csv.path, "-e", "contacts"])
        #expect(result.status == 0)
        #expect(result.output == "zip,phone,code,n\n01234,+33123,007,+5\n")
    }

    @Test func optionsFollowThePath() throws {
        let dir = try TemporaryDirectory()
        let csv = try dir.write("raw.txt", "exported today\n1;12/06/2022;NA\n2;13/06/2022;4\n")
        let result = try WekaQLProcess.run(["--no-builtin", "-f", "csv",
                                            "--data", csv.path + ":skip=1,header=false,delim=;,nulls=NA,dateformat=%d/%m/%Y,name=cases",
                                            "-e", "cases where column3 is null select column1, column2"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output == "column1,column2\n1,2022-06-12\n")
    }

    @Test func standardInputIsData() throws {
        let csv = try WekaQLProcess.run(["--no-builtin", "-f", "csv", "--data", "-", "-e", "stdin count"], input: "a;b\n1;2\n3;4\n")
        #expect(csv.status == 0 && csv.output == "count\n2\n")
        let lines = try WekaQLProcess.run(["--no-builtin", "-f", "csv", "--data", "-:name=rows", "-e", "rows select a"],
                                          input: "{\"a\": 1}\n{\"a\": 2}\n")
        #expect(lines.status == 0 && lines.output == "a\n1\n2\n")
        let forced = try WekaQLProcess.run(["--no-builtin", "-f", "csv", "--format-in", "csv", "--data", "-", "-e", "stdin"],
                                           input: "{x}\n1\n")
        #expect(forced.status == 0 && forced.output == "{x}\n1\n")
        let noProgram = try WekaQLProcess.run(["--data", "-"], input: "a\n1\n")
        #expect(noProgram.status == 64 && noProgram.error.contains("give the program with -e or a script file"))
    }

    @Test func renamedAndReplacedCollectionsWarn() throws {
        let dir = try TemporaryDirectory()
        let keys = try dir.write("my-keys.csv", "key\n1\n")
        let arrests = try dir.write("arrests.csv", "country,arrested\nTogo,1\n")
        let result = try WekaQLProcess.run(["-f", "csv", "--data", keys.path, "--data", arrests.path, "-e", "my_keys count; arrests count"])
        #expect(result.status == 0)
        #expect(result.output == "count\n1\ncount\n1\n")
        #expect(result.error.contains("warning[W0510]") && result.error.contains("named my_keys"))
        #expect(result.error.contains("warning[W0511]") && result.error.contains("replaces the built-in one"))
    }

    @Test func aBadOptionIsAUsageError() throws {
        let dir = try TemporaryDirectory()
        let csv = try dir.write("cases.csv", "a\n1\n")
        let result = try WekaQLProcess.run(["--data", csv.path + ":bad_rows=drop", "-e", "cases count"])
        #expect(result.status == 64)
        #expect(result.error.contains("error[E0509]") && result.error.contains("bad_rows is error, skip or pad"))
    }

    @Test func skippedRowsAreAWarning() throws {
        let dir = try TemporaryDirectory()
        let csv = try dir.write("ragged.csv", "a,b\n1,2\n3\n4,5\n")
        let result = try WekaQLProcess.run(["--no-builtin", "-f", "csv", "--data", csv.path + ":bad_rows=skip", "-e", "ragged select a"])
        #expect(result.status == 0 && result.output == "a\n1\n4\n")
        #expect(result.error.contains("skipped 1 row of the wrong length (line 3)"))
    }
}
