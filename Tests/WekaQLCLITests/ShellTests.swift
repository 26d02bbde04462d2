// The interactive shell driven as a person drives it: the real binary on a pseudo-terminal, keys in,
// screen text out. Each key sequence is sent only once the prompt is shown and the terminal has left
// canonical mode, so the kernel never echoes keys typed too early; waits are generous, never timed.

import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

// MARK: - Keys

enum Key {
    static let tab = "\t"
    static let enter = "\r"
    static let up = "\u{1B}[A"
    static let ctrlC = "\u{03}"
    static let ctrlD = "\u{04}"
}

// MARK: - The shell on a pseudo-terminal

/// A `wekaql` process whose standard streams are a pseudo-terminal that the test reads and types into.
final class TerminalSession {
    private let master: Int32
    /// Kept open to read the terminal's mode (`tcgetattr`) as the shell sets it.
    private let slave: Int32
    private let pid: pid_t
    private var bytes: [UInt8] = []
    /// Where the next wait starts looking: past what earlier waits found.
    private var mark = 0
    private var status: Int32?
    /// Every wait gives up after this long; a healthy shell answers in milliseconds.
    static let timeout: Double = 30

    init(home: URL, columns: UInt16 = 120, arguments: [String] = [], environment extra: [String: String] = [:]) throws {
        var master: Int32 = -1, slave: Int32 = -1
        var size = winsize(ws_row: 40, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw SessionError("openpty failed") }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        self.master = master
        self.slave = slave
        var environment = ProcessInfo.processInfo.environment
        for name in ["NO_COLOR", "XDG_STATE_HOME", "LESS", "WEKAQL_HISTORY"] { environment[name] = nil }
        environment["HOME"] = home.path
        environment["TERM"] = "xterm"
        environment["LANG"] = "C.UTF-8"
        environment["NO_COLOR"] = "1"
        environment["PAGER"] = ""
        environment["WEKAQL_PAGER"] = ""
        for (name, value) in extra { environment[name] = value }
        pid = try Self.spawn(WekaQLProcess.executable.path, arguments: arguments, environment: environment, terminal: slave)
    }

    /// Starts the program in a new session with the terminal as its controlling terminal and standard
    /// streams, with the default signal mask and dispositions (a test thread may block SIGINT).
    private static func spawn(_ path: String, arguments: [String], environment: [String: String], terminal: Int32) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let name = String(cString: ttyname(terminal))
        posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        let setsid: Int32 = 0x80   // POSIX_SPAWN_SETSID, not exported to Swift on Glibc
        posix_spawnattr_setflags(&attributes, Int16(setsid | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { (text: String) in strdup(text) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { (pair: (key: String, value: String)) in strdup("\(pair.key)=\(pair.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard result == 0 else { throw SessionError("cannot start \(path): \(String(cString: strerror(result)))") }
        return pid
    }

    deinit {
        if status == nil {
            kill(pid, SIGKILL)
            var ignored: Int32 = 0
            waitpid(pid, &ignored, 0)
        }
        close(master)
        close(slave)
    }

    /// All the bytes the shell wrote so far, escape sequences and all.
    var rawBytes: [UInt8] { bytes }

    /// All the text the shell wrote so far, without carriage returns and terminal control sequences
    /// (libedit redraws with cursor moves, so an edited line is not its plain text: tests look at results).
    var screen: String { Self.plain(bytes[...]) }

    private static func plain(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r", with: "")
        return text.replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
    }

    /// Types `keys` (one write: the shell reads them in order once it is in its editing mode).
    func type(_ keys: String) {
        var rest = Array(keys.utf8)[...]
        while !rest.isEmpty {
            let written = rest.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            rest = rest.dropFirst(written)
        }
    }

    /// Waits until the shell shows a prompt (`wekaql> `, or a continuation — `   ...> `, `   (..> `,
    /// `   "..> ` — when asked for) and edits in non-canonical mode.
    func waitForPrompt(continuation: Bool = false, _ sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let shown = waitFor { $0.contains(continuation ? "..> " : "wekaql> ") }
        let editing = shown && waitUntil { self.isNonCanonical }
        if !editing { Issue.record("no prompt; the screen:\n\(screen)", sourceLocation: sourceLocation) }
        return editing
    }

    /// Waits until `text` appears after what earlier waits found, and moves past it.
    @discardableResult
    func waitFor(_ text: String, _ sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let found = waitFor { $0.contains(text) }
        if !found { Issue.record("\"\(text)\" never appeared; the screen:\n\(screen)", sourceLocation: sourceLocation) }
        return found
    }

    /// Waits until the process ends; its exit status, or `nil` if it did not end (or was killed).
    func waitForExit() -> Int32? {
        _ = waitUntil {
            var raw: Int32 = 0
            if self.status == nil, waitpid(self.pid, &raw, WNOHANG) == self.pid {
                self.status = (raw & 0x7F) == 0 ? (raw >> 8) & 0xFF : -1
            }
            return self.status != nil
        }
        return status
    }

    private var isNonCanonical: Bool {
        var mode = termios()
        return tcgetattr(slave, &mode) == 0 && mode.c_lflag & tcflag_t(ICANON) == 0
    }

    private func waitFor(_ matches: @escaping (String) -> Bool) -> Bool {
        var found = false
        _ = waitUntil {
            guard matches(Self.plain(self.bytes[self.mark...])) else { return false }
            found = true
            // Move just past the match: what came after it in the same read (a prompt) is still unread.
            var low = self.mark, high = self.bytes.count
            while low < high {
                let middle = (low + high) / 2
                if matches(Self.plain(self.bytes[self.mark..<middle])) { high = middle } else { low = middle + 1 }
            }
            self.mark = low
            return true
        }
        return found
    }

    /// Reads output until `done` holds or the timeout passes.
    private func waitUntil(_ done: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(Self.timeout)
        while true {
            if done() { return true }
            if Date() > deadline { return false }
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 50) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count > 0 { bytes += chunk[..<count] } else { usleep(20_000) }
        }
    }
}

struct SessionError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A fresh home folder (no `~/.wekaqlrc`) with a history file path in it, removed after the test.
final class TemporaryHome {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("wekaql-shell-\(UUID().uuidString)")
    var history: URL { url.appendingPathComponent("history") }

    init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// A shell with this home and history file, at its first prompt.
    func startShell() throws -> TerminalSession {
        let shell = try TerminalSession(home: url, environment: ["WEKAQL_HISTORY": history.path])
        try #require(shell.waitForPrompt())
        return shell
    }
}

// MARK: - Tests

@Suite(.serialized) struct ShellTests {
    @Test func completesAKeyword() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        let shell = try temporary.startShell()
        shell.type("arrests cou" + Key.tab + Key.enter)   // count, count by: the shared "count"
        shell.waitFor("│ count │")   // "arrests cou" alone is an error
        shell.waitFor("1 row, 1 column")
        #expect(!shell.screen.contains("error"))
    }

    @Test func completesAField() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        let shell = try temporary.startShell()
        shell.type("arrests select natio" + Key.tab + "| limit 1" + Key.enter)
        shell.waitFor("│ nationality │")
        shell.waitFor("1 row, 1 column")
        #expect(!shell.screen.contains("error"))
    }

    @Test func completesValuesIgnoringCaseAndAccents() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        let shell = try temporary.startShell()
        shell.type("arrests where country = \"Tog" + Key.tab + "select suspects" + Key.enter)
        shell.waitFor("suspected trafficker")   // Togo's arrest: the string was closed and the query ran
        shell.waitFor("1 row, 1 column")
        try #require(shell.waitForPrompt())
        shell.type("arrests where country = \"cote" + Key.tab + "select place" + Key.enter)
        shell.waitFor("airport in Abidjan")   // "cote" completed to "Côte d'Ivoire"
        #expect(!shell.screen.contains("error"))
    }

    @Test func recallsHistoryInTheNextSession() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        let (home, history) = (temporary.url, temporary.history)
        do {
            let first = try TerminalSession(home: home, environment: ["WEKAQL_HISTORY": history.path])
            try #require(first.waitForPrompt())
            first.type("figures count" + Key.enter)
            first.waitFor("1 row, 1 column")
            // A statement over two lines, entered twice: one entry.
            for _ in 0..<2 {
                try #require(first.waitForPrompt())
                first.type("arrests |" + Key.enter)
                try #require(first.waitForPrompt(continuation: true))
                first.type("select suspects | limit 1" + Key.enter)
                first.waitFor("34-year old man")
            }
            try #require(first.waitForPrompt())
            first.type(".quit" + Key.enter)
            #expect(first.waitForExit() == 0)
        }
        let saved = try String(contentsOf: history, encoding: .utf8)
        #expect(saved.components(separatedBy: "\n").filter { $0.contains("suspects") }.count == 1)
        let second = try TerminalSession(home: home, environment: ["WEKAQL_HISTORY": history.path])
        try #require(second.waitForPrompt())
        second.type(Key.up + Key.up + Key.enter)   // past ".quit" to the two-line statement
        second.waitFor("34-year old man")
        #expect(!second.screen.contains("error"))
    }

    @Test func continuesAnIncompleteStatement() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        let shell = try temporary.startShell()
        shell.type("arrests where country in (\"Togo\"," + Key.enter)
        try #require(shell.waitForPrompt(continuation: true))
        shell.type("\"Gabon\") |" + Key.enter)
        try #require(shell.waitForPrompt(continuation: true))
        shell.type("count" + Key.enter)
        shell.waitFor("│     2 │")
        shell.waitFor("1 row, 1 column")
    }

    @Test func continuationPromptsSayWhatIsOpen() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        let shell = try temporary.startShell()
        shell.type("countries where country in (\"Togo\"," + Key.enter)
        try #require(shell.waitForPrompt(continuation: true))
        shell.type("\"Ga" + Key.enter)
        try #require(shell.waitForPrompt(continuation: true))
        shell.type("bon\") |" + Key.enter)
        try #require(shell.waitForPrompt(continuation: true))
        shell.type("count" + Key.enter)
        shell.waitFor("1 row, 1 column")
        let screen = shell.screen
        let opened = ["   (..> ", "   \"..> ", "   ...> "].map { screen.range(of: $0)?.lowerBound }
        #expect(opened.allSatisfy { $0 != nil })
        #expect(opened.compactMap { $0 } == opened.compactMap { $0 }.sorted())
    }

    @Test func ctrlDOnAContinuationLineAbandonsTheStatement() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        let shell = try temporary.startShell()
        shell.type("arrests |" + Key.enter)
        try #require(shell.waitForPrompt(continuation: true))
        shell.type(Key.ctrlD)
        shell.waitFor("statement abandoned")
        try #require(shell.waitForPrompt())
        shell.type("figures count" + Key.enter)
        shell.waitFor("1 row, 1 column")
        shell.type(".quit" + Key.enter)
        #expect(shell.waitForExit() == 0)
    }

    @Test func aStatementStartingWithAStageRefinesTheLastResult() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        let shell = try temporary.startShell()
        shell.type("arrests" + Key.enter)
        shell.waitFor("11 columns")
        try #require(shell.waitForPrompt())
        shell.type("where country = \"Togo\"" + Key.enter)
        shell.waitFor("continuing from the last result, _; to go on with a statement instead, end its line with |")
        shell.waitFor("1 row, 11 columns")
        try #require(shell.waitForPrompt())
        shell.type("count by offence" + Key.enter)
        shell.waitFor("│ human trafficking │     1 │")
        try #require(shell.waitForPrompt())
        shell.type("arrests join _ on offence count" + Key.enter)   // `_` is the last result, in any query
        shell.waitFor("1 row, 1 column")
        #expect(!shell.screen.contains("error"))
    }

    @Test func ctrlCDropsTheLine() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        let shell = try temporary.startShell()
        shell.type("nonsense here" + Key.ctrlC)
        shell.waitFor("^C")
        try #require(shell.waitForPrompt())
        shell.type("figures count" + Key.enter)
        shell.waitFor("1 row, 1 column")
        #expect(!shell.screen.contains("error"))   // "nonsense here" never ran
    }

    @Test func ctrlCCancelsALargeJoinAndTheShellAnswersTheNextQuery() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        // 10,000 rows of one key: a self-join of 100 million rows, each read by the `where`, tens of seconds of
        // work (a bare `count` of the join is counted a piece at a time without reading a row).
        let data = temporary.url.appendingPathComponent("cases.csv")
        try Data(("id,country\n" + (0..<10_000).map { "\($0),x\n" }.joined()).utf8).write(to: data)
        let shell = try TerminalSession(home: temporary.url, arguments: ["--data", data.path, "--memory-limit", "1TB"],
                                        environment: ["WEKAQL_HISTORY": temporary.history.path])
        try #require(shell.waitForPrompt())
        shell.type("cases join cases on country where id + cases_id < 0 count" + Key.enter)
        usleep(300_000)
        let pressed = Date()
        shell.type(Key.ctrlC)
        shell.waitFor("query cancelled")
        // Generous for a loaded machine; the join itself runs for far longer than this.
        #expect(Date().timeIntervalSince(pressed) < 5)
        try #require(shell.waitForPrompt())
        shell.type("figures count" + Key.enter)
        shell.waitFor("1 row, 1 column")
    }

    @Test func ctrlDOnAnEmptyLineExitsWithZero() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        let shell = try temporary.startShell()
        shell.type(Key.ctrlD)
        #expect(shell.waitForExit() == 0)
    }

    @Test func runsMetaCommands() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        let shell = try temporary.startShell()
        shell.type(".tables" + Key.enter)
        shell.waitFor("funders")
        shell.waitFor("12 rows, 3 columns")
        try #require(shell.waitForPrompt())
        shell.type(".schema operations" + Key.enter)
        shell.waitFor("year")
        shell.waitFor("inferred")
        shell.waitFor("why: the release dates Weka II")
        try #require(shell.waitForPrompt())
        shell.type(".notes victims" + Key.enter)
        shell.waitFor("Oman's six were rescued")
        try #require(shell.waitForPrompt())
        shell.type(".mo" + Key.tab + "cs" + Key.tab + Key.enter)   // .mode csv, both completed
        shell.type(".mode" + Key.enter)
        shell.waitFor("mode: csv")
        try #require(shell.waitForPrompt())
        shell.type("arrests count" + Key.enter)
        shell.waitFor("count\n9\n")
        try #require(shell.waitForPrompt())
        shell.type(".tabls" + Key.enter)
        shell.waitFor("did you mean .tables?")
    }

    /// `.data PATH key=value …` takes the same options as `--data PATH:key=value,…`, says which delimiter
    /// it found, and warns when a loaded collection replaces a built-in one.
    @Test func dataTakesLoadOptions() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        try Data("title\nzip;n\n01234;NA\n00042;7\n".utf8).write(to: temporary.url.appendingPathComponent("cases file.csv"))
        try Data("country,arrested\nTogo,1\n".utf8).write(to: temporary.url.appendingPathComponent("arrests.csv"))
        let shell = try temporary.startShell()
        shell.type(".data \(temporary.url.path)/cases file.csv skip=1 nulls=NA name=cases" + Key.enter)
        shell.waitFor("loaded cases (2 columns; from ")
        shell.waitFor("fields separated by \";\")")
        try #require(shell.waitForPrompt())
        shell.type(".mode csv" + Key.enter)
        try #require(shell.waitForPrompt())
        shell.type("cases" + Key.enter)
        shell.waitFor("zip,n\n01234,\n00042,7\n")
        try #require(shell.waitForPrompt())
        shell.type(".data \(temporary.url.path)/arrests.csv" + Key.enter)
        shell.waitFor("replaces the built-in one")
        try #require(shell.waitForPrompt())
        shell.type(".data \(temporary.url.path)/arrests.csv delim=; heder=false" + Key.enter)
        shell.waitFor("unknown load option \"heder\"")
        shell.waitFor("did you mean \"header\"?")
    }

    @Test func anErrorKeepsTheShellAndQuitEndsIt() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        let shell = try temporary.startShell()
        shell.type("arrests where contry = 1" + Key.enter)
        shell.waitFor("unknown field \"contry\"")
        try #require(shell.waitForPrompt())
        shell.type("figures count" + Key.enter)
        shell.waitFor("1 row, 1 column")
        try #require(shell.waitForPrompt())
        shell.type(".quit" + Key.enter)
        #expect(shell.waitForExit() == 0)
    }

    @Test func runsTheStartupFile() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        let (home, history) = (temporary.url, temporary.history)
        try ".mode csv\n".write(to: home.appendingPathComponent(".wekaqlrc"), atomically: true, encoding: .utf8)
        let shell = try TerminalSession(home: home, environment: ["WEKAQL_HISTORY": history.path])
        try #require(shell.waitForPrompt())
        shell.type("figures count" + Key.enter)
        shell.waitFor("count\n9\n")
    }

    @Test func aStartupFileThatIsNotUTF8IsReportedAsReadReportsIt() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        let (home, history) = (temporary.url, temporary.history)
        try Data(".mode csv\nfunders where name = \"\u{E9}\"\n".utf8.map { $0 == 0xC3 ? 0xE9 : $0 }.filter { $0 != 0xA9 })
            .write(to: home.appendingPathComponent(".wekaqlrc"))
        let shell = try TerminalSession(home: home, environment: ["WEKAQL_HISTORY": history.path])
        shell.waitFor("error[E0501]")   // not decoded lossily into a query that runs
        try #require(shell.waitForPrompt())
        shell.type("figures count" + Key.enter)
        shell.waitFor("1 row, 1 column")   // the file stopped at its error, before its statements
    }

    @Test func longResultsShowHeadAndTailAndLastShowsAll() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        let shell = try temporary.startShell()
        shell.type(".maxrows 4" + Key.enter)
        try #require(shell.waitForPrompt())
        shell.type("countries select country" + Key.enter)
        shell.waitFor("44 rows (4 shown), 1 column")
        shell.waitFor("40 rows not shown: .last shows them all, .maxrows 0 shows every row from now on")
        try #require(shell.waitForPrompt())
        shell.type(".last" + Key.enter)
        shell.waitFor("Zimbabwe")
        shell.waitFor("44 rows, 1 column")
    }

    @Test func tallResultsGoThroughThePager() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        let (home, history) = (temporary.url, temporary.history)
        let paged = home.appendingPathComponent("paged.txt")
        let shell = try TerminalSession(home: home, environment: ["WEKAQL_HISTORY": history.path,
                                                                  "WEKAQL_PAGER": "cat > '\(paged.path)'"])
        try #require(shell.waitForPrompt())
        shell.type("figures count" + Key.enter)   // short: straight to the terminal
        shell.waitFor("1 row, 1 column")
        try #require(shell.waitForPrompt())
        shell.type("countries select country" + Key.enter)   // 44 rows and a frame: taller than 40 lines
        try #require(shell.waitForPrompt())
        let text = try String(contentsOf: paged, encoding: .utf8)
        #expect(text.contains("44 rows, 1 column"))   // the pager scrolls: every row goes to it
        #expect(!text.contains("1 row, 1 column"))
    }

    @Test func wideRowsTurnVertical() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        let (home, history) = (temporary.url, temporary.history)
        let shell = try TerminalSession(home: home, columns: 50, environment: ["WEKAQL_HISTORY": history.path])
        try #require(shell.waitForPrompt())
        shell.type("arrests where country = \"Togo\"" + Key.enter)   // eleven columns in fifty characters
        shell.waitFor("─[ row 1 ]")
        shell.waitFor("linked_operation:")
        shell.waitFor("1 row, 11 columns")
        try #require(shell.waitForPrompt())
        shell.type("arrests where country = \"Togo\" select country, arrested" + Key.enter)
        shell.waitFor("│ Togo    │        1 │")   // two columns fit as a table
    }

    @Test func keepsABoundedHistory() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        let (home, history) = (temporary.url, temporary.history)
        // A history file from an earlier session, in libedit's format (spaces written \040), over the bound.
        let old = (1...1005).map { "figures\\040limit\\040\($0)" }
        try ("_HiStOrY_V2_\n" + old.joined(separator: "\n") + "\n").write(to: history, atomically: true, encoding: .utf8)
        let shell = try TerminalSession(home: home, environment: ["WEKAQL_HISTORY": history.path])
        try #require(shell.waitForPrompt())
        shell.type(Key.up + Key.enter)   // the newest entry of the file
        shell.waitFor("9 rows, 5 columns")
        try #require(shell.waitForPrompt())
        shell.type(".quit" + Key.enter)
        #expect(shell.waitForExit() == 0)
        let entries = try String(contentsOf: history, encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(entries.count == 1000)
        #expect(entries.last == ".quit")
        #expect(!entries.contains("figures\\040limit\\0401"))   // the oldest went first
        let files = try FileManager.default.contentsOfDirectory(atPath: home.path)
        #expect(files.allSatisfy { !$0.contains(".tmp") })   // the temporary file was renamed into place
    }

    @Test func setsACorruptHistoryFileAside() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        let (home, history) = (temporary.url, temporary.history)
        try Data([0x00, 0xFF, 0x41]).write(to: history)
        let shell = try TerminalSession(home: home, environment: ["WEKAQL_HISTORY": history.path])
        shell.waitFor("moved it to")
        try #require(shell.waitForPrompt())
        shell.type("figures count" + Key.enter)
        shell.waitFor("1 row, 1 column")
        try #require(shell.waitForPrompt())
        shell.type(".quit" + Key.enter)
        #expect(shell.waitForExit() == 0)
        #expect(FileManager.default.fileExists(atPath: history.path + ".corrupt"))
        #expect(try String(contentsOf: history, encoding: .utf8).hasPrefix("_HiStOrY_V2_\n"))
    }

    // MARK: - Untrusted data

    /// A value with an OSC title sequence, one with a colour, one with a C1 CSI and a BiDi override.
    static let hostileCSV = "a,b\n\"x\u{1B}]0;pwned\u{07}y\",2\n\"\u{1B}[31mred\",3\n\"\u{9B}2J\u{202E}cba\",4\n"

    @Test func aHostileValueLeavesTheScreenIntact() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        let data = temporary.url.appendingPathComponent("esc.csv")
        try Data(Self.hostileCSV.utf8).write(to: data)
        let shell = try TerminalSession(home: temporary.url, arguments: ["--data", data.path],
                                        environment: ["WEKAQL_HISTORY": temporary.history.path])
        try #require(shell.waitForPrompt())
        shell.type("esc" + Key.enter)
        shell.waitFor(#"│ x\x1b]0;pwned\x07y │"#)
        shell.waitFor("3 values shown with escapes (control characters, bidirectional controls)")
        try #require(shell.waitForPrompt())
        shell.type("esc where a = \"" + Key.tab)   // three values: listed as escaped literals
        shell.waitFor(#""\u{9B}2J\u{202E}cba""#)
        shell.type(Key.ctrlC)
        try #require(shell.waitForPrompt())
        shell.type("esc where a = \"x" + Key.tab + Key.enter)   // one value: inserted as a literal that finds it
        shell.waitFor("1 row, 2 columns")
        try #require(shell.waitForPrompt())
        shell.type(".raw" + Key.enter)
        shell.waitFor("raw: off")
        let raw = shell.rawBytes
        for sequence in ["\u{1B}]", "\u{1B}[31m", "\u{9B}", "\u{202E}"] {
            #expect(!raw.contains(Array(sequence.utf8)), "\(sequence.debugDescription) from the data reached the terminal")
        }
        #expect(!shell.screen.contains("error"))
    }

    /// A collection is named after its file, and a file name can hold escape sequences too.
    @Test func aHostileFileNameIsEscapedInNotesAndListings() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        let data = temporary.url.appendingPathComponent("t\u{1B}]0;pwned\u{07}.csv")
        try Data("a\n1\n".utf8).write(to: data)
        let shell = try TerminalSession(home: temporary.url, arguments: ["--no-builtin", "--data", data.path],
                                        environment: ["WEKAQL_HISTORY": temporary.history.path])
        // The collection gets a plain name, and the warning that says so quotes the file name escaped.
        shell.waitFor(#"as "t\x1b]0;pwned\x07" is not a plain name"#)
        shell.waitFor("Try: t__0_pwned_ limit 5")   // the welcome's note
        try #require(shell.waitForPrompt())
        shell.type(".tables" + Key.enter)
        shell.waitFor("│ t__0_pwned_ │")
        try #require(shell.waitForPrompt())
        shell.type(".schema" + Key.enter)
        shell.waitFor("  a  integer  -")
        #expect(!shell.rawBytes.contains(Array("\u{1B}]".utf8)))
    }

    @Test func whatGoesToThePagerIsEscapedToo() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        let data = temporary.url.appendingPathComponent("tall.csv")
        try Data(("a\n" + String(repeating: "\"x\u{1B}]0;pwned\u{07}\u{202E}y\"\n", count: 45)).utf8).write(to: data)
        let paged = temporary.url.appendingPathComponent("paged.txt")
        let shell = try TerminalSession(home: temporary.url, arguments: ["--data", data.path],
                                        environment: ["WEKAQL_HISTORY": temporary.history.path,
                                                      "WEKAQL_PAGER": "cat > '\(paged.path)'"])
        try #require(shell.waitForPrompt())
        shell.type("tall" + Key.enter)   // 45 rows and a frame: taller than the terminal
        try #require(shell.waitForPrompt())
        let text = try String(contentsOf: paged, encoding: .utf8)
        #expect(text.contains(#"│ x\x1b]0;pwned\x07\u{202E}y │"#))
        #expect(text.contains("45 values shown with escapes (control characters, bidirectional controls)"))
        #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" })
    }

    @Test func theHistoryFileIsPrivateWhateverTheUmask() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        let old = umask(0o022)
        let shell = try TerminalSession(home: temporary.url, environment: ["WEKAQL_HISTORY": temporary.history.path])
        umask(old)
        try #require(shell.waitForPrompt())
        shell.type("figures count" + Key.enter)
        shell.waitFor("1 row, 1 column")
        try #require(shell.waitForPrompt())
        shell.type(".quit" + Key.enter)
        #expect(shell.waitForExit() == 0)
        #expect(try Self.mode(of: temporary.history) == 0o600)
    }

    @Test func aHistoryFileOthersCanReadIsMadePrivate() throws {
        let temporary = try TemporaryHome()
        defer { withExtendedLifetime(temporary) {} }
        try "_HiStOrY_V2_\nfigures\\040count\n".write(to: temporary.history, atomically: true, encoding: .utf8)
        chmod(temporary.history.path, 0o644)
        let shell = try TerminalSession(home: temporary.url, environment: ["WEKAQL_HISTORY": temporary.history.path])
        shell.waitFor("it is now private (mode 600)")
        try #require(shell.waitForPrompt())
        #expect(try Self.mode(of: temporary.history) == 0o600)
        shell.type(Key.up + Key.enter)   // the history was kept
        shell.waitFor("1 row, 1 column")
    }

    static func mode(of url: URL) throws -> mode_t {
        var info = stat()
        try #require(stat(url.path, &info) == 0)
        return info.st_mode & 0o777
    }
}
