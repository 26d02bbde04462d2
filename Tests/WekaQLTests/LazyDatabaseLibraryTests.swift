// The database client libraries are loaded only when a database is opened: the binary links neither
// libsqlite3 nor libpq (ldd), and a run on the built-in data opens neither (strace), so start-up stays as
// it was. With a PostgreSQL `--db`, libpq is opened.

import Foundation
import Testing

@Suite(.enabled(if: TraceTools.available, "needs a working strace and a built wekaql"))
struct LazyDatabaseLibraryTests {
    static let libraries = ["libsqlite3", "libpq"]

    @Test func notLinked() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        process.arguments = [try #require(TraceTools.wekaql)]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(!text.isEmpty)
        for library in Self.libraries { #expect(!text.contains(library), "\(library) is linked:\n\(text)") }
    }

    @Test func notOpenedOnBuiltInData() throws {
        let folder = try NoNetworkTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, calls) = try NoNetworkTests.trace(["-e", "figures count"], in: folder)
        #expect(status == 0)
        #expect(!calls.isEmpty)
        for library in Self.libraries {
            #expect(!calls.contains { $0.contains(library) }, "\(library) opened: \(calls.filter { $0.contains(library) })")
        }
    }

    /// A PostgreSQL location loads libpq (and no SQLite): here one that cannot be reached.
    @Test func openedForAPostgresDatabase() throws {
        let folder = try NoNetworkTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, calls) = try NoNetworkTests.trace(["--db", "postgresql:///none?host=\(folder.path)", "-e", "figures count"], in: folder)
        #expect(status != 0)
        #expect(calls.contains { $0.contains("libpq") })
        #expect(!calls.contains { $0.contains("libsqlite3") })
    }
}
