// Nothing leaves the machine: the `wekaql` binary, traced by strace, makes no network system call and
// opens for writing only the file `--output` names. Skipped when strace or the binary is not there
// (`apt-get install strace`; `swift build` makes the binary, and `swift test` builds it for the CLI tests).

import Foundation
import Testing

/// What the tracing needs, found once.
enum TraceTools {
    static let strace = ["/usr/bin/strace", "/bin/strace", "/usr/local/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The binary beside the test bundle (as WekaQLCLITests finds it).
    static let wekaql: String? = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("wekaql").path
        return FileManager.default.isExecutableFile(atPath: beside) ? beside : nil
    }()

    /// Whether strace can trace here at all (a container may forbid ptrace).
    static let straceWorks: Bool = {
        guard let strace else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: strace)
        process.arguments = ["-qq", "-o", "/dev/null", "/bin/true"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    static var available: Bool { wekaql != nil && straceWorks }
}

@Suite(.enabled(if: TraceTools.available, "needs a working strace and a built wekaql"))
struct NoNetworkTests {

    /// The system calls that strace logs for `arguments`, run in a fresh folder with HOME pointing into it.
    static func trace(_ arguments: [String], input: String = "", in folder: URL) throws -> (status: Int32, calls: [String]) {
        let log = folder.appendingPathComponent("strace.log")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(TraceTools.strace))
        process.arguments = ["-f", "-qq", "-o", log.path,
                             "-e", "trace=%network,open,openat,creat,rename,renameat,renameat2,link,symlink,mkdir,mkdirat,truncate",
                             try #require(TraceTools.wekaql)] + arguments
        process.currentDirectoryURL = folder
        // HOME is the fresh folder, so that any file written in it would show up below.
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("XDG_") }
        environment["HOME"] = folder.path
        environment["NO_COLOR"] = "1"
        // LeakSanitizer cannot run under ptrace (a sanitized build would exit 1 here).
        environment["ASAN_OPTIONS"] = (environment["ASAN_OPTIONS"].map { $0 + ":" } ?? "") + "detect_leaks=0"
        process.environment = environment
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        let calls = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
        return (process.terminationStatus, calls)
    }

    /// The files a traced run opened for writing or created (other than the trace log itself).
    static func written(_ calls: [String]) -> [String] {
        calls.filter { call in
            let writes = ["O_WRONLY", "O_RDWR", "O_CREAT"].contains { call.contains($0) } || call.contains("creat(")
                || call.contains("rename") || call.contains("mkdir") || call.contains("link(") || call.contains("truncate(")
            // A ThreadSanitizer build's runtime writes a scratch file of its own (/tmp/tsan.rodata.PID).
            return writes && !call.contains("= -1") && !call.contains("/tsan.rodata.")
        }
    }

    static func networkCalls(_ calls: [String]) -> [String] {
        let names = ["socket(", "connect(", "bind(", "listen(", "accept", "sendto(", "sendmsg(", "sendmmsg(", "recvfrom(", "socketpair("]
        return calls.filter { call in names.contains { call.contains($0) } }
    }

    @Test(arguments: [
        ["-e", "arrests where arrested > 2 select country sort by arrested desc"],
        ["-f", "json", "--data", "data.csv", "-e", "data join countries on country | count by continent"],
        ["--data", ".", "-f", "csv", "-e", "data count; countries count"],
        ["script.wql"],
        ["-e", "arrests wher x"],
        ["--data", "missing.csv", "-e", "arrests"],
    ])
    func noNetworkAndNoWrites(_ arguments: [String]) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (_, calls) = try Self.trace(arguments, in: folder)
        #expect(!calls.isEmpty, "strace logged nothing")
        #expect(Self.networkCalls(calls).isEmpty, "network calls: \(Self.networkCalls(calls))")
        #expect(Self.written(calls).isEmpty, "writes: \(Self.written(calls))")
    }

    @Test func outputWritesOnlyTheNamedFile() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, calls) = try Self.trace(["-f", "jsonl", "-o", "out.jsonl", "-e", "countries where continent = \"Africa\""],
                                             in: folder)
        #expect(status == 0)
        #expect(Self.networkCalls(calls).isEmpty)
        let written = Self.written(calls)
        #expect(written.count == 1 && written.allSatisfy { $0.contains("\"out.jsonl\"") }, "\(written)")
        let lines = try String(contentsOf: folder.appendingPathComponent("out.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count > 10)
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(entries == ["data.csv", "out.jsonl", "script.wql", "strace.log"])
    }

    /// Statements from standard input (not a terminal, so no shell and no history file).
    @Test func standardInputWritesNothing() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, calls) = try Self.trace([], input: "arrests count\ncountries count by continent\n", in: folder)
        #expect(status == 0)
        #expect(Self.networkCalls(calls).isEmpty)
        #expect(Self.written(calls).isEmpty, "\(Self.written(calls))")
    }

    /// A folder with a data file and a script, as the arguments above expect.
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wekaql-strace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("country,n\nTogo,1\nGambia,2\n".utf8).write(to: folder.appendingPathComponent("data.csv"))
        try Data("arrests count\nfigures where approx\n".utf8).write(to: folder.appendingPathComponent("script.wql"))
        return folder
    }
}
