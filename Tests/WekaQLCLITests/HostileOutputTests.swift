// The command on a file written to attack the terminal: the escape sequences of issue 21 are shown as
// escapes in the human formats, `--raw` passes them as they are, and the machine formats keep them exact.

import Foundation
import Testing

@Suite struct HostileOutputTests {
    /// The example of the issue: an OSC title, a colour, and a C1 CSI.
    static let csv = "a,b\n\"x\u{1B}]0;pwned\u{07}y\",2\n\"\u{1B}[31mred\",3\n\"\u{9B}2J\u{202E}cba\",4\n"

    static func run(_ arguments: [String]) throws -> ProcessResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wekaql-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("esc.csv")
        try Data(csv.utf8).write(to: file)
        return try WekaQLProcess.run(["--data", file.path] + arguments)
    }

    /// Whether `text` holds a C0 (but a line feed) or C1 control, DEL, or a bidirectional override.
    static func hasControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" }
    }

    @Test(arguments: ["table", "vertical", "markdown"])
    func humanFormatsShowEscapes(_ format: String) throws {
        let result = try Self.run(["-f", format, "-e", "esc"])
        #expect(result.status == 0)
        #expect(!Self.hasControls(result.output))
        #expect(result.output.contains(#"x\x1b]0;pwned\x07y"#))
        #expect(result.output.contains(#"\x9b2J\u{202E}cba"#))
        #expect(result.output.contains("3 values shown with escapes (control characters, bidirectional controls)"))
    }

    @Test func rawPassesTheValuesThrough() throws {
        let result = try Self.run(["--raw", "-e", "esc"])
        #expect(result.output.contains("x\u{1B}]0;pwned\u{07}y"))
        #expect(!result.output.contains("shown with escapes"))
    }

    @Test func csvWritesTheBytes() throws {
        let result = try Self.run(["-f", "csv", "-e", "esc"])
        #expect(result.output == Self.csv.replacingOccurrences(of: "\"", with: ""))
    }

    @Test(arguments: ["json", "jsonl"])
    func jsonEscapesAndParsesBack(_ format: String) throws {
        let result = try Self.run(["-f", format, "-e", "esc select a"])
        #expect(!Self.hasControls(result.output))
        let text = format == "json" ? result.output : "[" + result.output.split(separator: "\n").joined(separator: ",") + "]"
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: String]])
        #expect(rows.map { $0["a"] } == ["x\u{1B}]0;pwned\u{07}y", "\u{1B}[31mred", "\u{9B}2J\u{202E}cba"])
    }

    @Test func anErrorQuotingAHostileValueIsEscaped() throws {
        let result = try Self.run(["-e", "esc where b = \"\u{1B}]0;t\u{07}\""])
        #expect(result.status == 1)
        #expect(!Self.hasControls(result.error))
        #expect(result.error.contains(#"\x1b]0;t\x07"#))
    }

    @Test func helpListsRaw() throws {
        #expect(try WekaQLProcess.run(["--help"]).output.contains("--raw"))
    }
}
