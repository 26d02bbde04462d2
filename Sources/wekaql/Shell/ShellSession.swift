// What the shell keeps between lines beyond what the runner keeps: the lines typed so far of a
// statement that is not complete, and completion over them.

import WekaQL

/// One interactive session: a runner, and the statement being typed.
final class ShellSession {
    let runner: StatementRunner
    /// The lines typed so far of a statement that is not complete yet.
    var pendingInput = ""
    /// Whether the shell has said how refining works (once a session, the first time it happens).
    private var toldAboutRefining = false

    init(runner: StatementRunner) {
        self.runner = runner
    }

    /// Runs a complete statement typed at the prompt. One that starts with a stage refines the last result;
    /// the first time, the shell says so, and how to write one statement over several lines instead.
    func run(_ text: String) {
        runner.beginInput()
        let continued = runner.continuingLastResult(text)
        if continued != text && !toldAboutRefining {
            toldAboutRefining = true
            runner.note("(continuing from the last result, _; to go on with a statement instead, end its line with |)")
        }
        runner.run(SourceFile(name: "<shell>", text: continued))
    }

    // MARK: - Completion

    /// Candidates for the line being edited, with earlier lines of a pending statement as context;
    /// the range is relative to the line.
    func completions(line: String, cursor: Int) -> Completions? {
        let before = pendingInput.isEmpty ? "" : pendingInput + "\n"
        let offset = before.utf8.count
        var found = runner.engine.completions(for: before + line, cursor: offset + cursor,
                                              commands: pendingInput.isEmpty ? MetaCommand.syntax : [],
                                              listDirectory: FileContents.list)
        guard found.range.start >= offset else { return nil }
        found.range = SourceRange(found.range.start - offset, found.range.end - offset)
        return found
    }
}
