// One PostgreSQL server for the whole test run, started by Scripts/postgres-test-server.sh (initdb into a
// temporary folder, a Unix socket only, trust authentication) the first time a test asks for it, and stopped
// by the script's watchdog when the test process ends. Where PostgreSQL is not installed the tests that
// need it are skipped, except in CI (CI=true), where that is a failure: `./dev.sh test` installs it.

import Foundation
import Testing

enum PostgresTestServer {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let script = root.appendingPathComponent("Scripts/postgres-test-server.sh").path

    /// The server's folder (its socket is in it), or why there is none.
    static let folder: Result<String, ServerError> = start()

    struct ServerError: Error, CustomStringConvertible { let description: String }

    /// Whether the tests that need a server run: always in CI, else where one could be started.
    static var available: Bool {
        if case .success = folder { return true }
        return ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// The libpq URI of the test database, with `userInfo` (`wekaql:PASSWORD`) when given.
    static func uri(userInfo: String = "wekaql") throws -> String {
        let folder = try folder.get()
        return "postgresql://\(userInfo)@/wekaql?host=\(folder)&port=5432"
    }

    private static func start() -> Result<String, ServerError> {
        let (status, output) = run(["start", String(getpid())])
        guard status == 0, let folder = output.split(separator: "\n").last.map(String.init), folder.hasPrefix("/") else {
            return .failure(ServerError(description: "the test server did not start: \(output)"))
        }
        return .success(folder)
    }

    /// Runs `sql` with psql on the test database (stopping at the first error).
    static func psql(_ sql: String) throws {
        let (status, output) = run(["psql", try folder.get()], input: sql)
        guard status == 0 else { throw ServerError(description: "psql failed: \(output)") }
    }

    /// Runs the script; its output goes to a file, not a pipe (the server it starts outlives it, and a
    /// pipe it inherited would never reach its end).
    private static func run(_ arguments: [String], input: String = "") -> (Int32, String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("wekaql-pg-\(UUID().uuidString).log")
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("wekaql-pg-\(UUID().uuidString).sql")
        defer { try? FileManager.default.removeItem(at: log); try? FileManager.default.removeItem(at: script) }
        guard FileManager.default.createFile(atPath: log.path, contents: nil), (try? Data(input.utf8).write(to: script)) != nil,
              let output = try? FileHandle(forWritingTo: log), let stdin = try? FileHandle(forReadingFrom: script) else {
            return (-1, "cannot make temporary files")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Self.script] + arguments
        process.standardOutput = output
        process.standardError = output
        process.standardInput = stdin
        do { try process.run() } catch { return (-1, "\(error)") }
        process.waitUntilExit()
        try? output.close()
        try? stdin.close()
        return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }
}
