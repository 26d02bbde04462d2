// Line editing with libedit's native API: emacs keys, UTF-8, history, Ctrl-R, redraw on resize,
// Tab completion and Ctrl-C. Callbacks reach their state through EL_CLIENTDATA, not globals.

import CEditLine
import WekaQL
#if canImport(Glibc)
import Glibc
#endif

/// What libedit's C callbacks need, handed to them through `EL_CLIENTDATA`.
final class EditorState {
    /// The prompt libedit shows, as a C string it reads on every redraw.
    private(set) var prompt: UnsafeMutablePointer<CChar>?
    /// Set by Ctrl-C while editing.
    var interrupted = false
    /// Candidates for the line and cursor (a UTF-8 byte offset); ranges are relative to the line.
    let complete: (String, Int) -> Completions?

    init(complete: @escaping (String, Int) -> Completions?) {
        self.complete = complete
    }

    func setPrompt(_ text: String) {
        free(prompt)
        prompt = strdup(text)
    }

    deinit { free(prompt) }

    /// The state of the editor `editLine`, from its client data.
    static func of(_ editLine: OpaquePointer?) -> EditorState? {
        guard let editLine, let raw = wekaql_el_get_clientdata(editLine) else { return nil }
        return Unmanaged<EditorState>.fromOpaque(raw).takeUnretainedValue()
    }
}

/// An interactive line editor on the terminal, over libedit.
final class LineEditor: LineReader {
    private let editLine: OpaquePointer
    private let state: EditorState
    /// The character libedit is told marks the start and end of the prompt's invisible colour codes.
    private static let promptMarker: UInt8 = 1

    /// Sets up libedit on the standard streams, with `history` for up/down and Ctrl-R.
    /// `nil` if libedit cannot start (it then falls back to plain reading).
    init?(history: ShellHistory?, complete: @escaping (String, Int) -> Completions?) {
        guard let editLine = wekaql_el_init("wekaql", wekaql_stdin(), wekaql_stdout(), wekaql_stderr()) else { return nil }
        self.editLine = editLine
        self.state = EditorState(complete: complete)
        wekaql_el_set_clientdata(editLine, Unmanaged.passUnretained(state).toOpaque())
        wekaql_el_set_editor(editLine, "emacs")
        wekaql_el_set_signal(editLine, 1)   // libedit redraws on SIGWINCH and restores the terminal on SIGTSTP
        wekaql_el_set_prompt_esc(editLine, Self.promptFunction, CChar(Self.promptMarker))
        if let history { wekaql_el_set_hist(editLine, history.handle) }
        // Ctrl-C as a key, not SIGINT: a signal while editing was lost now and then and discarded type-ahead.
        wekaql_el_setty(editLine, "-d", "-isig")
        bind("wekaql-complete", "complete the word before the cursor", Self.completeFunction, keys: ["^I"])
        bind("wekaql-interrupt", "drop the line being typed", Self.interruptFunction, keys: ["^C"])
        bind("wekaql-suspend", "suspend wekaql", Self.suspendFunction, keys: ["^Z"])
        let builtIn = [("^R", "em-inc-search-prev"), ("\\e[1;5C", "em-next-word"), ("\\e[1;5D", "ed-prev-word"),
                       ("\\e[H", "ed-move-to-beg"), ("\\e[F", "ed-move-to-end"), ("\\e[3~", "ed-delete-next-char")]
        for (key, command) in builtIn { wekaql_el_bind(editLine, key, command) }
    }

    private func bind(_ name: String, _ help: String, _ function: wekaql_command_fn, keys: [String]) {
        wekaql_el_addfn(editLine, name, help, function)
        for key in keys { wekaql_el_bind(editLine, key, name) }
    }

    func readLine(prompt: Prompt) -> LineInput {
        state.setPrompt(prompt.marked(Character(Unicode.Scalar(Self.promptMarker))))
        state.interrupted = false
        var count: Int32 = 0
        let line = wekaql_el_gets(editLine, &count)
        if state.interrupted {
            return .interrupted
        }
        guard let line, count > 0 else { return count < 0 && errno == EINTR ? .interrupted : .endOfInput }
        var text = String(decoding: UnsafeRawBufferPointer(start: line, count: Int(count)), as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return .line(text)
    }

    /// Restores the terminal; libedit's own cleanup does not run at exit otherwise.
    func close() {
        wekaql_el_end(editLine)
    }

    // MARK: - Callbacks (C functions: no captures; state comes from the client data)

    private static let promptFunction: wekaql_prompt_fn = { editLine in
        EditorState.of(editLine)?.prompt
    }

    /// Ctrl-C: shows `^C` at the end of the line and ends it with a pushed newline, so that libedit
    /// moves below the line itself; the flag then tells `readLine` to drop it.
    private static let interruptFunction: wekaql_command_fn = { editLine, _ in
        guard let editLine, let state = EditorState.of(editLine), let info = wekaql_el_line(editLine)?.pointee,
              let cursor = info.cursor, let end = info.lastchar else { return UInt8(CC_ERROR) }
        state.interrupted = true
        let after = String(decoding: UnsafeRawBufferPointer(start: cursor, count: end - cursor), as: UTF8.self)
        wekaql_el_cursor(editLine, Int32(after.unicodeScalars.count))
        _ = wekaql_el_insertstr(editLine, "^C")
        wekaql_el_push(editLine, "\n")
        return UInt8(CC_REFRESH)
    }

    private static let suspendFunction: wekaql_command_fn = { _, _ in
        kill(0, SIGTSTP)   // libedit's SIGTSTP handler restores the terminal, and redraws on SIGCONT
        return UInt8(CC_REDISPLAY)
    }

    private static let completeFunction: wekaql_command_fn = { editLine, _ in
        guard let editLine, let state = EditorState.of(editLine), let info = wekaql_el_line(editLine)?.pointee,
              let buffer = info.buffer, let cursor = info.cursor, let end = info.lastchar else { return UInt8(CC_ERROR) }
        // The buffer is not NUL-terminated at `lastchar`: read up to it only.
        let bytes = UnsafeRawBufferPointer(start: buffer, count: end - buffer)
        let line = String(decoding: bytes, as: UTF8.self)
        let cursorOffset = cursor - buffer
        guard let found = state.complete(line, cursorOffset), !found.candidates.isEmpty else {
            return UInt8(CC_REFRESH_BEEP)
        }
        if let insertion = found.insertion, insertion != found.word {
            // libedit counts characters (wide), not bytes, when deleting.
            let start = min(max(0, found.range.start), cursorOffset)
            let removed = String(decoding: bytes[start..<cursorOffset], as: UTF8.self).unicodeScalars.count
            if removed > 0 { wekaql_el_deletestr(editLine, Int32(removed)) }
            _ = wekaql_el_insertstr(editLine, insertion)
            return UInt8(CC_REFRESH)
        }
        CandidateList(found.candidates).print()
        return UInt8(CC_REDISPLAY)
    }
}

/// Writes straight to the terminal from inside a libedit callback, after what libedit has buffered.
func writeToTerminal(_ text: String) {
    fflush(wekaql_stdout())
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let written = bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return }
        bytes = bytes.dropFirst(written)
    }
}
