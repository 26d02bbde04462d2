// `--sql DIALECT` from the command line: the SQL of each query, and with `--keep-going` the SQL of every
// query that has it and the error of each that has not (as the cross-engine test reads a whole script).

import Foundation
import Testing

@Suite struct SQLCLITests {
    @Test func withoutKeepGoingTheFirstErrorStopsTheCompile() throws {
        let result = try WekaQLProcess.run(["--sql", "spark", "-e", "arrests count\narrests select length(country)\narrests count"])
        #expect(result.status != 0)
        #expect(result.output.isEmpty)
        #expect(result.error.contains("error[E1000]: no SQL yet for length() in spark"))
    }

    @Test func keepGoingCompilesEveryQueryAndReportsEachError() throws {
        let text = "arrests count\narrests select length(country)\narrests where arrested > $n select country\nnope\narrests count"
        let result = try WekaQLProcess.run(["--sql", "spark", "--keep-going", "--param", "n=2", "-e", text])
        #expect(result.status != 0)
        let statements = result.output.components(separatedBy: ";\n").dropLast()
        #expect(statements.count == 3, "\(result.output)")
        #expect(result.output.contains("-- :p1 = 2\n"))
        #expect(result.error.contains("-e:2:16: error[E1000]: no SQL yet for length() in spark"))
        #expect(result.error.contains("-e:4:1: error[E0"))
        #expect(result.error.range(of: "E1000")!.lowerBound < result.error.range(of: "-e:4:1")!.lowerBound)
    }
}
