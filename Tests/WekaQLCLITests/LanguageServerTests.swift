// `wekaql lsp` against golden transcripts: Transcripts/NAME.requests holds the messages a client sends,
// one a line (a line starting with `RAW ` is sent as it is, header and all, to test broken framing);
// Transcripts/NAME.expected holds every message the server writes, one a line. The built binary runs.
//
// To re-record after an intended change, then review the diff:
//
//   WEKAQL_RECORD=1 swift test --filter LanguageServerTests

import Foundation
import Testing

@Suite struct LanguageServerTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Transcripts")

    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".requests") }.map { String($0.dropLast(9)) }.sorted()
    }

    /// The requests of a transcript, framed as a client sends them.
    static func framed(_ requests: String) -> String {
        requests.split(separator: "\n").filter { !$0.isEmpty && !$0.hasPrefix("//") }.map { line in
            if line.hasPrefix("RAW ") { return line.dropFirst(4).replacingOccurrences(of: "\\r\\n", with: "\r\n") }
            return "Content-Length: \(line.utf8.count)\r\n\r\n" + line
        }.joined()
    }

    /// The bodies of the messages in `output`, which must be nothing but framed messages.
    static func messages(in output: String) -> [String]? {
        var rest = Substring(output), bodies: [String] = []
        while !rest.isEmpty {
            guard let end = rest.range(of: "\r\n\r\n") else { return nil }
            let header = rest[..<end.lowerBound]
            guard header.hasPrefix("Content-Length: "), let length = Int(header.dropFirst(16)) else { return nil }
            let body = rest.utf8[end.upperBound...].prefix(length)
            guard body.count == length else { return nil }
            bodies.append(String(decoding: body, as: UTF8.self))
            rest = Substring(String(decoding: rest.utf8[end.upperBound...].dropFirst(length), as: UTF8.self))
        }
        return bodies
    }

    static func serve(_ requests: String, arguments: [String] = []) throws -> (messages: [String], result: ProcessResult) {
        let result = try WekaQLProcess.run(["lsp"] + arguments, input: framed(requests))
        let messages = Self.messages(in: result.output)
        #expect(messages != nil, "standard output holds more than protocol messages:\n\(result.output)")
        return (messages ?? [], result)
    }

    @Test(arguments: names)
    func transcript(_ name: String) throws {
        let requests = try String(contentsOf: Self.folder.appendingPathComponent(name + ".requests"), encoding: .utf8)
        let (messages, result) = try Self.serve(requests)
        #expect(result.status == 0, "\(name): exit status \(result.status)\n\(result.error)")
        let output = messages.joined(separator: "\n") + "\n"
        let expectedURL = Self.folder.appendingPathComponent(name + ".expected")
        if ProcessInfo.processInfo.environment["WEKAQL_RECORD"] == "1" {
            try output.write(to: expectedURL, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        let (got, want) = (output.split(separator: "\n"), expected.split(separator: "\n"))
        for (index, (line, wanted)) in zip(got, want).enumerated() where line != wanted {
            Issue.record("\(name).expected, message \(index + 1):\n  got  \(line)\n  want \(wanted)")
        }
        #expect(got.count == want.count, "\(name): \(got.count) messages, \(want.count) expected")
    }

    /// The first diagnostic's position counts UTF-16 units: "🇹🇬" is one character, 4 units, 8 bytes.
    @Test func diagnosticColumnsCountUTF16() throws {
        let text = #"countries where country = "🇹🇬 é" and contry = 1"#
        let open = ##"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///u.wql","languageId":"wekaql","version":1,"text":"# ✓\n"##
            + text.replacingOccurrences(of: "\"", with: "\\\"") + #""}}}"#
        // Hover on "and", given in UTF-16 units too: its range comes back in them.
        let andAt = "countries where country = \"🇹🇬 é\" ".utf16.count
        let hover = #"{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///u.wql"},"position":{"line":1,"character":\#(andAt + 1)}}}"#
        let (messages, _) = try Self.serve([Self.initialize, open, hover, Self.shutdown].joined(separator: "\n"))
        let published = try #require(messages.first { $0.contains("publishDiagnostics") })
        let units = "countries where country = \"🇹🇬 é\" and ".utf16.count
        #expect(published.contains(#""range":{"start":{"line":1,"character":\#(units)},"end":{"line":1,"character":\#(units + 6)}}"#), "\(published)")
        let hovered = try #require(messages.first { $0.contains(#""id":2"#) })
        #expect(hovered.contains("`and`") && hovered.contains(#""range":{"start":{"line":1,"character":\#(andAt)},"end":{"line":1,"character":\#(andAt + 3)}}"#), "\(hovered)")
    }

    /// Data from a wekaql.toml in the workspace folder: its collection is known, checked and completed.
    @Test func workspaceSettingsLoadData() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wekaql-lsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "place,cases\nLomé,3\n".write(to: folder.appendingPathComponent("cases.csv"), atomically: true, encoding: .utf8)
        try "# the data of this folder\ndata = [\"cases.csv\"]   # relative to this file\n".write(
            to: folder.appendingPathComponent("wekaql.toml"), atomically: true, encoding: .utf8)
        let initialize = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":"file://\#(folder.path)","capabilities":{}}}"#
        let open = #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///c.wql","languageId":"wekaql","version":1,"text":"cases where ca"}}}"#
        let complete = #"{"jsonrpc":"2.0","id":2,"method":"textDocument/completion","params":{"textDocument":{"uri":"file:///c.wql"},"position":{"line":0,"character":14}}}"#
        let (messages, result) = try Self.serve([initialize, open, complete, Self.shutdown].joined(separator: "\n"))
        #expect(!result.error.contains("error"), "\(result.error)")
        #expect(messages.contains { $0.contains("publishDiagnostics") && $0.contains("unknown field \\\"ca\\\" in cases") }, "\(messages)")
        #expect(messages.contains { $0.contains(#""id":2"#) && $0.contains(#""label":"cases""#) }, "\(messages)")
    }

    /// `wekaql lsp --data FILE --no-builtin`: the file's collection only.
    @Test func commandLineData() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wekaql-lsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("cases.csv")
        try "place,cases\nLomé,3\n".write(to: csv, atomically: true, encoding: .utf8)
        let text = "arrests count\\ncases where cases > 1"
        let open = #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///d.wql","languageId":"wekaql","version":1,"text":"\#(text)"}}}"#
        let (messages, _) = try Self.serve([Self.initialize, open, Self.shutdown].joined(separator: "\n"),
                                          arguments: ["--data", csv.path, "--no-builtin"])
        let published = try #require(messages.first { $0.contains("publishDiagnostics") })
        #expect(published.contains("E0200") && published.contains(#""line":0"#), "\(published)")   // arrests: no such collection
        #expect(!published.contains(#""line":1"#), "\(published)")
    }

    @Test func badSettingsAreShownAndTheServerGoesOn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wekaql-lsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "data = cases.csv\n".write(to: folder.appendingPathComponent("wekaql.toml"), atomically: true, encoding: .utf8)
        let initialize = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":"file://\#(folder.path)","capabilities":{}}}"#
        let (messages, result) = try Self.serve(initialize + "\n" + Self.shutdown)
        #expect(messages.contains { $0.contains("window/showMessage") && $0.contains("E0901") }, "\(messages)")
        #expect(result.status == 0)
    }

    static let initialize = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":null,"capabilities":{}}}"#
    static let shutdown = #"{"jsonrpc":"2.0","id":99,"method":"shutdown"}"# + "\n" + #"{"jsonrpc":"2.0","method":"exit"}"#
}
