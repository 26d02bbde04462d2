// The shell's history: kept across sessions in a file private to the user (mode 0600: it can hold names
// and parameters), bounded, without duplicates, written atomically; a file that cannot be read is
// reported once and set aside, never fatal.

import CEditLine
import WekaQL
#if canImport(Glibc)
import Glibc
#endif

/// The statements typed in the shell, oldest first, mirrored into libedit's history (its C type is
/// `History`, hence this name) for up/down and Ctrl-R.
final class ShellHistory {
    /// libedit's history, which the line editor browses.
    let handle: OpaquePointer
    /// The entries, oldest first, each once; a multi-line statement is one entry.
    private(set) var entries: [String] = []
    /// The file, or `nil` when history is kept for this session only.
    let path: String?
    /// The most entries kept.
    let limit: Int
    private var saving: Bool
    private var reportedSaveFailure = false
    private let warn: (Diagnostic) -> Void

    /// libedit's history file format starts with this line.
    private static let cookie = "_HiStOrY_V2_\n"

    /// The history file: `$WEKAQL_HISTORY` (empty disables it), else `$XDG_STATE_HOME/wekaql/history`,
    /// else `~/.local/state/wekaql/history`.
    static func defaultPath(environment: (String) -> String?) -> String? {
        if let explicit = environment("WEKAQL_HISTORY") { return explicit.isEmpty ? nil : explicit }
        if let state = environment("XDG_STATE_HOME"), state.hasPrefix("/") { return state + "/wekaql/history" }
        guard let home = environment("HOME"), !home.isEmpty else { return nil }
        return home + "/.local/state/wekaql/history"
    }

    init?(path: String?, limit: Int = 1000, warn: @escaping (Diagnostic) -> Void) {
        guard let handle = wekaql_history_init() else { return nil }
        self.handle = handle
        self.path = path
        self.limit = limit
        self.saving = path != nil
        self.warn = warn
        var event = HistEvent()
        wekaql_history_setsize(handle, &event, Int32(limit))
        wekaql_history_setunique(handle, &event, 1)
        load()
    }

    /// Adds a statement as the newest entry, dropping an older copy, and saves the file.
    func add(_ entry: String) {
        var text = Substring(entry)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        guard !text.isEmpty else { return }
        entries.removeAll { $0 == text }
        entries.append(String(text))
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        mirror()
        save()
    }

    /// Releases libedit's history.
    func close() { wekaql_history_end(handle) }

    // MARK: - The file

    private func load() {
        guard let path else { return }
        tightenPermissions(of: path)
        let bytes: [UInt8]
        switch FileContents.read(path) {
        case .missing: return
        case .failed(let reason): return setAside(path, reason: reason)
        case .read(let content): bytes = content
        }
        guard !bytes.isEmpty else { return }
        guard bytes.starts(with: Self.cookie.utf8), !bytes.contains(0), String(validating: bytes, as: UTF8.self) != nil else {
            return setAside(path, reason: "it is not a history file")
        }
        var event = HistEvent()
        guard wekaql_history_load(handle, &event, path) >= 0 else { return setAside(path, reason: "it does not load") }
        entries = Self.unique(libeditEntries())
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        mirror()
    }

    /// The entries in libedit's history, oldest first.
    private func libeditEntries() -> [String] {
        var event = HistEvent()
        var found: [String] = []
        guard wekaql_history_last(handle, &event) >= 0 else { return [] }
        repeat {
            if let text = event.str { found.append(String(cString: text)) }
        } while wekaql_history_prev(handle, &event) >= 0
        return found
    }

    /// The last copy of each entry, in order.
    private static func unique(_ entries: [String]) -> [String] {
        var seen = Set<String>()
        return entries.reversed().filter { seen.insert($0).inserted }.reversed()
    }

    /// Makes libedit's history hold `entries`.
    private func mirror() {
        var event = HistEvent()
        wekaql_history_clear(handle, &event)
        for entry in entries { wekaql_history_enter(handle, &event, entry) }
    }

    /// The mode of the history file whatever the umask: read and write for the user only.
    static let mode: mode_t = 0o600

    /// Makes an existing history file that others may read or write private (mode 0600), and says so:
    /// an earlier version, or a copy, may have left it so.
    private func tightenPermissions(of path: String) {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_mode & 0o077 != 0 else { return }
        let old = String(info.st_mode & 0o777, radix: 8)
        if chmod(path, Self.mode) == 0 {
            warn(.historyMadePrivate(path, mode: old))
        } else {
            warn(.historyNotPrivate(path, mode: old, reason: String(cString: strerror(errno))))
        }
    }

    /// Writes the file atomically: a temporary file in the same folder, renamed over the old one, so a
    /// kill mid-write leaves the old file whole. The temporary file is created private before libedit
    /// writes into it (fopen would use the umask), so the history is never readable by others.
    private func save() {
        guard saving, let path else { return }
        FileContents.makeParentFolders(of: path)
        let temporary = path + ".tmp-\(getpid())"
        unlink(temporary)
        let created = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, Self.mode)
        if created >= 0 { Glibc.close(created) }
        var event = HistEvent()
        if created < 0 || wekaql_history_save(handle, &event, temporary) < 0 || chmod(temporary, Self.mode) != 0
            || rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            if !reportedSaveFailure {
                reportedSaveFailure = true
                warn(.historyNotSaved(path, reason: reason))
            }
        }
    }

    /// Moves an unreadable file to `PATH.corrupt`, once, and says so; history starts empty.
    private func setAside(_ path: String, reason: String) {
        let aside = path + ".corrupt"
        if rename(path, aside) == 0 {
            warn(.historyMovedAside(path, reason: reason, aside: aside))
        } else {
            saving = false   // never overwrite a file the user may want back
            warn(.historyUnreadable(path, reason: reason))
        }
        var event = HistEvent()
        wekaql_history_clear(handle, &event)
        entries = []
    }
}
