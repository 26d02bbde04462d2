// `--memory-limit` reaches a join: a join whose right side would index past a 64 KB budget spills both
// sides in partitions and gives the same output as without a limit (the left side streamed from its
// file), and leaves nothing in $TMPDIR.

import Foundation
import Testing

@Suite struct JoinSpillCLITests {
    static let left: String = {
        var text = "id,k,n\n"
        for i in 0..<4_000 { text += "\(i),\(i % 53 == 0 ? "" : "Ωmega \(i % 3_001)"),\(i % 7 == 0 ? "" : String(i % 100))\n" }
        return text
    }()
    static let right: String = {
        var text = "k,w\n"
        for i in 0..<6_000 { text += "\(i % 61 == 0 ? "" : "Ωmega \((i * 7) % 3_500)"),w\(i % 6)\n" }
        return text
    }()

    @Test(arguments: ["l join r on k count", "l left join r on k | count by w", "l full join r on k | where n = 5 | sort by id, w",
                      "l anti join r on k | where n > 90", "l join r on k | top 10 by n desc, id"])
    func aTinyMemoryLimitSpillsTheJoinAndGivesTheSameOutput(_ query: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wekaql-joinspillcli-\(UUID().uuidString)")
        let spills = folder.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: spills, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let l = folder.appendingPathComponent("l.csv"), r = folder.appendingPathComponent("r.csv")
        try Data(Self.left.utf8).write(to: l)
        try Data(Self.right.utf8).write(to: r)
        let files = ["--data", l.path, "--data", r.path, "-f", "csv", "-e", query]
        let plain = try WekaQLProcess.run(files)
        let limited = try WekaQLProcess.run(["--memory-limit", "64KB"] + files, environment: ["TMPDIR": spills.path])
        #expect(plain.status == 0, "\(plain.error)")
        #expect(limited.status == 0, "\(limited.error)")
        #expect(limited.output == plain.output)
        #expect(plain.output.split(separator: "\n").count > 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: spills.path).isEmpty)
    }
}
