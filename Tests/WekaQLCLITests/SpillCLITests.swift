// `--memory-limit` reaches the spilling stages: a sort and a many-group `count by` over a generated
// file give the same output under a 64 KB budget as without one, and leave nothing in $TMPDIR.

import Foundation
import Testing

@Suite struct SpillCLITests {
    static let csv: String = {
        var text = "id,name,amount\n"
        for i in 0..<20_000 { text += "\(i),\(["Ωmega", "éclair", "Togo", ""][i % 4]) \(i % 301),\(i % 7 == 0 ? "" : String((i * 37) % 1000))\n" }
        return text
    }()

    @Test(arguments: ["big sort by name desc, amount", "big where id % 3 = 0 sort by amount", "big count by id % 5000", "big summarize s = sum(amount) by name"])
    func aTinyMemoryLimitSpillsAndGivesTheSameOutput(_ query: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wekaql-spillcli-\(UUID().uuidString)")
        let spills = folder.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: spills, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("big.csv")
        try Data(Self.csv.utf8).write(to: file)
        let plain = try WekaQLProcess.run(["--data", file.path, "-f", "csv", "-e", query])
        let limited = try WekaQLProcess.run(["--memory-limit", "64KB", "--data", file.path, "-f", "csv", "-e", query],
                                            environment: ["TMPDIR": spills.path])
        #expect(plain.status == 0, "\(plain.error)")
        #expect(limited.status == 0, "\(limited.error)")
        #expect(limited.output == plain.output)
        #expect(plain.output.split(separator: "\n").count > 300)
        #expect(try FileManager.default.contentsOfDirectory(atPath: spills.path).isEmpty)
    }
}
