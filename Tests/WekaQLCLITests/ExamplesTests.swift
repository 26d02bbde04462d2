// Examples/*.wql: each script runs through the real binary and must print exactly its NAME.expected.
//
//   Examples/NAME.wql        a script over the built-in data that must run without error or warning
//   Examples/NAME.args       optional: extra command-line arguments, one a line (`--param`, `--format`)
//   Examples/NAME.expected   its standard output with `--width 100`, so that it does not depend on
//                            the terminal the tests run in
//   Examples/NAME.notes      its standard error, when the script's results come with notes (a sum of
//                            hedged figures, a total that is not the release's); without it, none
//
// To re-record after an intended change, then review the diff against the press release:
//
//   WEKAQL_RECORD=1 swift test --filter ExamplesTests

import Foundation
import Testing

@Suite struct ExamplesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = root.appendingPathComponent("Examples")
    static let recording = ProcessInfo.processInfo.environment["WEKAQL_RECORD"] == "1"
    /// A fixed width: tables are fitted to it, as they would be on an ordinary terminal.
    static let width = "100"

    /// The example scripts' names, without `.wql`, sorted.
    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".wql") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// The arguments in `NAME.args`, one a line; none when there is no such file.
    static func arguments(of name: String) -> [String] {
        let url = folder.appendingPathComponent(name + ".args")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    @Test(arguments: names)
    func exampleOutput(_ name: String) throws {
        // The path is relative to the repository so that any diagnostic names it the same way everywhere.
        let arguments = ["--width", Self.width] + Self.arguments(of: name) + ["Examples/\(name).wql"]
        // Charts draw in Unicode on a UTF-8 locale, whatever the machine running the tests has set.
        let result = try WekaQLProcess.run(arguments, environment: ["LC_ALL": "C.UTF-8"], directory: Self.root)
        #expect(result.status == 0, "\(name).wql failed:\n\(result.error)")
        let notesURL = Self.folder.appendingPathComponent(name + ".notes")
        let expectedNotes = try? String(contentsOf: notesURL, encoding: .utf8)
        #expect(!result.error.contains("error[") && !result.error.contains("warning["), "\(name).wql:\n\(result.error)")
        let expectedURL = Self.folder.appendingPathComponent(name + ".expected")
        if Self.recording {
            try result.output.write(to: expectedURL, atomically: true, encoding: .utf8)
            if result.error.isEmpty { try? FileManager.default.removeItem(at: notesURL) } else {
                try result.error.write(to: notesURL, atomically: true, encoding: .utf8)
            }
            return
        }
        #expect(result.error == (expectedNotes ?? ""), "\(name).wql wrote other notes to standard error than \(name).notes:\n\(result.error)")
        guard let expected = try? String(contentsOf: expectedURL, encoding: .utf8) else {
            Issue.record("Examples/\(name).expected is missing; run WEKAQL_RECORD=1 swift test --filter ExamplesTests")
            return
        }
        #expect(result.output == expected, "Examples/\(name).wql no longer prints its .expected output")
    }

    @Test func thereAreEnoughExamplesAndNoStrayOutputs() throws {
        #expect(Self.names.count >= 6)
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
        for file in files where file.hasSuffix(".expected") || file.hasSuffix(".args") || file.hasSuffix(".notes") {
            let stem = String(file[..<file.lastIndex(of: ".")!])
            #expect(Self.names.contains(stem), "Examples/\(file) belongs to no script")
        }
    }

    /// At least one example is a program in its own right: `#!/usr/bin/env wekaql`, executable, and it
    /// runs with the built `wekaql` first on the PATH.
    @Test func aShebangExampleRunsDirectly() throws {
        let scripts = try Self.names.filter { name in
            let text = try String(contentsOf: Self.folder.appendingPathComponent(name + ".wql"), encoding: .utf8)
            return text.hasPrefix("#!/usr/bin/env wekaql\n")
        }
        try #require(!scripts.isEmpty, "no example starts with #!/usr/bin/env wekaql")
        let path = WekaQLProcess.executable.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        for name in scripts {
            let script = Self.folder.appendingPathComponent(name + ".wql")
            #expect(FileManager.default.isExecutableFile(atPath: script.path), "Examples/\(name).wql is not executable")
            let result = try WekaQLProcess.run([], environment: ["PATH": path], executable: script)
            #expect(result.status == 0, "Examples/\(name).wql failed when run directly:\n\(result.error)")
            #expect(!result.output.isEmpty)
        }
    }
}
