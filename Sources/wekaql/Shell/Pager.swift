// Shows results taller than the terminal through `$WEKAQL_PAGER` or `$PAGER`, when one is set.

import CEditLine
#if canImport(Glibc)
import Glibc
#endif

enum Pager {
    /// The pager command: `$WEKAQL_PAGER`, else `$PAGER`; `nil` when neither is set (an empty
    /// `WEKAQL_PAGER` turns paging off even if `PAGER` is set).
    static var command: String? {
        if let own = getenv("WEKAQL_PAGER").map({ String(cString: $0) }) { return own.isEmpty ? nil : own }
        let shared = getenv("PAGER").map { String(cString: $0) } ?? ""
        return shared.isEmpty ? nil : shared
    }

    /// The terminal's height in lines, if `descriptor` is a terminal.
    static func rows(of descriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 else { return nil }
        return Int(size.ws_row)
    }

    /// Pipes `text` through `command` run by `/bin/sh`, and waits for it; `false` if it could not start.
    /// `LESS=FRX` is set for it unless `LESS` is set: colours pass, and a short text does not page.
    static func show(_ text: String, command: String) -> Bool {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return false }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_adddup2(&actions, readEnd, 0)
        posix_spawn_file_actions_addclose(&actions, writeEnd)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        // The shell blocks SIGINT and ignores SIGPIPE; the pager gets the defaults back.
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGINT, SIGPIPE, SIGUSR1] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let arguments: [UnsafeMutablePointer<CChar>?] = ["sh", "-c", command].map { (text: String) in strdup(text) } + [nil]
        var environment = environmentStrings()
        if getenv("LESS") == nil { environment.append("LESS=FRX") }
        let environmentPointers: [UnsafeMutablePointer<CChar>?] = environment.map { (text: String) in strdup(text) } + [nil]
        defer { (arguments + environmentPointers).forEach { free($0) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, "/bin/sh", &actions, &attributes, arguments, environmentPointers)
        close(readEnd)
        guard spawned == 0 else {
            close(writeEnd)
            return false
        }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { break }   // the pager quit early
            bytes = bytes.dropFirst(written)
        }
        close(writeEnd)
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        return true
    }

    private static func environmentStrings() -> [String] {
        var strings: [String] = []
        guard var entry = wekaql_environ() else { return strings }
        while let text = entry.pointee {
            strings.append(String(cString: text))
            entry += 1
        }
        return strings
    }
}
