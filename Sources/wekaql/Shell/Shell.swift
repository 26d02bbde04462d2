// The interactive shell: a welcome, `~/.wekaqlrc`, then read a statement (over several lines if it is
// not complete), run it or a dot-command, and again, until `.quit` or Ctrl-D. An error never ends it.

import CEditLine
import WekaQL
#if canImport(Glibc)
import Glibc
#endif

/// The shell `wekaql` starts when standard input is a terminal.
struct Shell {
    let runner: StatementRunner

    /// Loads libedit, saying once why editing is off if it cannot be loaded.
    private static func editLineLoads(_ runner: StatementRunner) -> Bool {
        if wekaql_editline_available() != 0 { return true }
        runner.warn(.lineEditingOff())
        return false
    }

    func run() -> ExitStatus {
        Self.useUTF8()
        QueryRunner.takeSignals()
        let session = ShellSession(runner: runner)
        welcome()
        if runner.runStartupFile() == .quit { return .success }
        // libedit only when both ends are a terminal (and it can be loaded); otherwise lines are read plainly.
        let editing = isatty(1) == 1 && Self.editLineLoads(runner)
        let history = editing ? ShellHistory(path: ShellHistory.defaultPath(environment: Terminal.environment),
                                             warn: { runner.warn($0) }) : nil
        let editor = editing ? LineEditor(history: history) { line, cursor in session.completions(line: line, cursor: cursor) } : nil
        let reader: LineReader = editor ?? PlainLineReader()
        defer {
            reader.close()
            history?.close()
            runner.writeReport()
            runner.redirect?.stream.close()
        }
        while true {
            let prompt = Prompt(text: session.pendingInput.isEmpty ? Prompt.first : Prompt.continuation(of: session.pendingInput),
                                colored: runner.colorsPrimary)
            switch reader.readLine(prompt: prompt) {
            case .endOfInput where !session.pendingInput.isEmpty:
                // Ctrl-D on a continuation line gives up that statement, not the shell.
                session.pendingInput = ""
                runner.primary.write("\n")
                runner.note("statement abandoned (Ctrl-D again on an empty line leaves)")
            case .endOfInput:
                // End the prompt's line; the prompt is on standard error when output is redirected.
                let stream = editing ? runner.primary : runner.errors.stream
                if stream.isTerminal {
                    stream.write("\n")
                    stream.flush()
                }
                return .success
            case .interrupted:
                session.pendingInput = ""
            case .line(let line):
                if handle(line, in: session, history: history) == .quit { return .success }
            }
        }
    }

    /// Takes one line: a command, the end of a statement (which then runs), or a line of one.
    private func handle(_ line: String, in session: ShellSession, history: ShellHistory?) -> CommandOutcome {
        if session.pendingInput.isEmpty && line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(".") {
            history?.add(PostgresLocation.redacted(line))   // `.open postgresql://user:SECRET@…` keeps no password
            return runner.runCommand(line)
        }
        let text = session.pendingInput.isEmpty ? line : session.pendingInput + "\n" + line
        guard text.contains(where: { !$0.isWhitespace }) else {
            session.pendingInput = ""
            return .proceed
        }
        guard Layout.isComplete(text) else {
            session.pendingInput = text
            return .proceed
        }
        session.pendingInput = ""
        history?.add(text)   // a statement over several lines is one entry
        session.run(text)
        return .proceed
    }

    /// One line on the version and the data, and a query to try; only on a terminal.
    private func welcome() {
        guard runner.primary.isTerminal else { return }
        let dataset = runner.engine.dataset
        let count = dataset.collections.count
        let data = dataset.name.isEmpty ? "\(count) collection\(count == 1 ? "" : "s")" : "\(dataset.name) (\(count) collections)"
        runner.note("\(Help.version) — \(data). Enter .help for help.")
        if dataset["arrests"] != nil {
            runner.note("Try: arrests where country = \"Togo\"   (Tab completes names and values)")
        } else if let first = dataset.collections.first {
            runner.note("Try: \(first.name) limit 5   (Tab completes names and values)")
        }
    }

    /// Makes libedit read UTF-8: the locale's character set if it is UTF-8, else C.UTF-8 (without
    /// this, "Côte" was read as "Cte").
    private static func useUTF8() {
        setlocale(LC_CTYPE, "")
        let codeset = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } ?? ""
        if codeset != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
    }
}
