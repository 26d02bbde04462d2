// Golden files: scripts beside the output they must produce, readable without reading Swift.
//
//   Golden/queries/NAME.wql   a script over the built-in data that must run without error
//   Golden/errors/NAME.wql    a script that must fail
//   NAME.expected             what running it prints: for each statement that ran, "> " and its text,
//                             the result in the `table` format (for `let`, the size of the bound
//                             table) and any notes; for each error, the
//                             diagnostic as the CLI renders it without colour. Blocks are separated by
//                             a blank line.
//
// To add a case, write NAME.wql and record its output. To re-record after an intended change:
//
//   WEKAQL_RECORD=1 swift test --filter GoldenFileTests
//
// With WEKAQL_RECORD=1 the runner rewrites every .expected file instead of comparing (and records no
// failure); review the diff before committing. Without it, a missing .expected file is a failure.

import Foundation
import Testing
import WekaQL

@Suite struct GoldenFileTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let recording = ProcessInfo.processInfo.environment["WEKAQL_RECORD"] == "1"

    /// The `.wql` files of a folder, by name.
    static func scripts(in folder: String) -> [String] {
        let directory = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".wql") }.sorted().map { "\(folder)/\($0)" }
    }

    /// Runs a script the way the CLI does and renders everything it reports.
    static func output(of path: String, text: String) -> (text: String, failures: Int) {
        var engine = Engine()
        let file = SourceFile(name: (path as NSString).lastPathComponent, text: text)
        var blocks: [String] = []
        var failures = 0
        engine.run(file) { event in
            switch event {
            case .result(let result):
                var block = "> " + file.text(in: result.range) + "\n"
                if let name = result.binding {
                    // Like the CLI, a `let` prints no table; its size is enough to review.
                    block += "bound \(name): \(result.table.count) rows, \(result.table.fields.count) columns\n"
                } else {
                    block += Renderer(format: .table).render(result.table)
                }
                for note in result.notes { block += DiagnosticRenderer().render(note) + "\n" }
                blocks.append(block.hasSuffix("\n") ? String(block.dropLast()) : block)
            case .failure(let diagnostic):
                failures += 1
                blocks.append(DiagnosticRenderer().render(diagnostic))
            }
        }
        return (blocks.joined(separator: "\n\n") + "\n", failures)
    }

    /// Compares the output of `path` with its `.expected` file, or rewrites that file when recording.
    static func check(_ path: String) throws -> Int {
        let script = root.appendingPathComponent(path)
        let expectedURL = script.deletingPathExtension().appendingPathExtension("expected")
        let (actual, failures) = output(of: path, text: try String(contentsOf: script, encoding: .utf8))
        if recording {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            return failures
        }
        guard let expected = try? String(contentsOf: expectedURL, encoding: .utf8) else {
            Issue.record("\(path): no .expected file; run WEKAQL_RECORD=1 swift test --filter GoldenFileTests")
            return failures
        }
        #expect(actual == expected, "\(path) differs from its .expected file")
        return failures
    }

    @Test(arguments: scripts(in: "queries"))
    func queryOutput(_ path: String) throws {
        #expect(try Self.check(path) == 0, "\(path) reported an error")
    }

    @Test(arguments: scripts(in: "errors"))
    func errorOutput(_ path: String) throws {
        #expect(try Self.check(path) > 0, "\(path) reported no error")
    }

    @Test func theGoldenFoldersAreFound() {
        #expect(Self.scripts(in: "queries").count >= 10)
        #expect(Self.scripts(in: "errors").count >= 10)
    }

    @Test func everyExpectedFileHasAScript() throws {
        for folder in ["queries", "errors"] {
            let directory = Self.root.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            for name in names where name.hasSuffix(".expected") {
                let script = String(name.dropLast(".expected".count)) + ".wql"
                #expect(names.contains(script), "\(folder)/\(name) has no \(script)")
            }
        }
    }
}
