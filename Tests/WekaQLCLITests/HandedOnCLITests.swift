// The command line writes a spilled sort's or grouping's rows as its merge gives them (CSV, JSON, JSON
// lines), with the same output as without a limit, and the same as when the result is held whole
// (a dot-command follows, which could read it back); a result a later `_` reads is still held.

import Foundation
import Testing

@Suite struct HandedOnCLITests {
    static let rows: String = {
        var text = "id,k,n\n"
        for i in 0..<6_000 { text += "\(i),\(i % 53 == 0 ? "" : "Ωmega \((i * 7) % 3_001)"),\(i % 7 == 0 ? "" : String(i % 100))\n" }
        return text
    }()

    @Test(arguments: [["-f", "csv", "-e", "t sort by k desc, n select id, k"], ["-f", "json", "-e", "t count by k | where count > 1"],
                      ["-f", "jsonl", "-e", "t sort by n, id desc"], ["-f", "csv", "-e", "t where id > 9000 sort by k"],
                      ["-f", "csv", "-e", "t sort by k, id", "-e", "_ count"]])
    func aTinyMemoryLimitGivesTheSameOutput(_ arguments: [String]) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wekaql-handedon-\(UUID().uuidString)")
        let spills = folder.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: spills, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("t.csv")
        try Data(Self.rows.utf8).write(to: file)
        let plain = try WekaQLProcess.run(["--data", file.path] + arguments)
        let limited = try WekaQLProcess.run(["--memory-limit", "64KB", "--data", file.path] + arguments, environment: ["TMPDIR": spills.path])
        // A dot-command after the statements might read their result back: it is then held and rendered whole.
        let held = try WekaQLProcess.run(["--data", file.path] + arguments + ["-e", ".timer off"])
        #expect(held.output == plain.output, "\(arguments)")
        #expect(plain.status == 0, "\(plain.error)")
        #expect(limited.status == 0, "\(limited.error)")
        #expect(limited.output == plain.output, "\(arguments)")
        #expect(!plain.output.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: spills.path).isEmpty)
    }
}
