// `--explain` and `why` on the command line, in every output format: the same table as data.

import Foundation
import Testing

@Suite struct ExplainCLITests {
    @Test func explainGivesARowPerStageAsJSON() throws {
        let result = try WekaQLProcess.run(["--explain", "--format", "json", "-e", "arrests where arrested > 2 count by offence"])
        #expect(result.status == 0, "\(result.error)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["stage"] as? String } == ["arrests", "where arrested > 2", "count by offence"])
        #expect(rows.map { $0["rows_out"] as? Int } == [9, 3, 2])
        #expect(rows[1]["detail"] as? String == "false 4, null 2")
        #expect(rows[1]["ms"] is NSNumber)
    }

    @Test func explainShowsTheLoadOfAFileAndTheColumnsRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wekaql-explain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cases.csv").path
        try "id,city,n\n1,Paris,3\n2,Rome,4\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try WekaQLProcess.run(["--data", path, "--format", "csv", "-e", "explain cases where n > 3 count"])
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "stage,rows_in,rows_out,ms,detail,example")
        #expect(lines[1].hasPrefix("load \(path),,2,"))
        #expect(lines[1].hasSuffix(",1 of 3 columns read: n,"))
        #expect(lines[2].hasPrefix("where n > 3,2,1,"))
        #expect(lines[2].hasSuffix(",\"false 1, null 0\",\(path):2"))
    }

    @Test func whyIsOneRowPerResultAndInputRowInCSV() throws {
        let result = try WekaQLProcess.run(["--format", "csv", "-e", "arrests where offence = \"labour-related offences and possession of fraudulent identity documents\" count | why"])
        #expect(result.status == 0, "\(result.error)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0] == "count,from,row,source")
        #expect(lines[1].hasPrefix("2,arrests,4,\"Lesotho police raided supermarkets,"))
        #expect(lines[2].hasPrefix("2,arrests,5,\"Lesotho police raided supermarkets,"))
    }
}
