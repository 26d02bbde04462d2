// `wekaql fmt`: in place, --check, standard input, and files with syntax errors, through the binary.

import Foundation
import Testing

@Suite struct FormatCommandTests {
    static func temporaryFile(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wekaql-fmt-\(UUID().uuidString).wql")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func examplesAreFormatted() throws {
        let names = ExamplesTests.names.map { "Examples/\($0).wql" }
        let result = try WekaQLProcess.run(["fmt", "--check"] + names, directory: ExamplesTests.root)
        #expect(result.status == 0, "wekaql fmt --check lists: \(result.output)\(result.error)")
        #expect(result.output.isEmpty)
    }

    @Test func checkListsWhatWouldChangeAndChangesNothing() throws {
        let messy = try Self.temporaryFile("arrests  WHERE country=\"Togo\"\n"), tidy = try Self.temporaryFile("arrests count\n")
        defer { try? FileManager.default.removeItem(at: messy); try? FileManager.default.removeItem(at: tidy) }
        let result = try WekaQLProcess.run(["fmt", "--check", messy.path, tidy.path])
        #expect(result.status == 1)
        #expect(result.output == messy.path + "\n")
        #expect(try String(contentsOf: messy, encoding: .utf8) == "arrests  WHERE country=\"Togo\"\n")
    }

    @Test func formatsInPlace() throws {
        let file = try Self.temporaryFile("# kept\narrests|where arrested>2 # also kept\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try WekaQLProcess.run(["fmt", file.path])
        #expect(result.status == 0, "\(result.error)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "# kept\narrests | where arrested > 2 # also kept\n")
    }

    @Test func standardInputToStandardOutput() throws {
        let result = try WekaQLProcess.run(["fmt"], input: "countries   count\n")
        #expect(result.status == 0)
        #expect(result.output == "countries count\n")
    }

    @Test func syntaxErrorsLeaveTheFileAsItIs() throws {
        let file = try Self.temporaryFile("arrests where\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try WekaQLProcess.run(["fmt", file.path])
        #expect(result.status == 1)
        #expect(result.error.contains("error[E0102]"), "\(result.error)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "arrests where\n")
    }

    @Test func unknownOptionIsAUsageError() throws {
        let result = try WekaQLProcess.run(["fmt", "--inplace"])
        #expect(result.status == 64)
        #expect(result.error.contains("unknown option \"--inplace\""))
    }
}
