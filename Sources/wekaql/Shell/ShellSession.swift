// What the shell keeps between lines beyond what the runner keeps: the lines typed so far of a
// statement that is not complete, and completion over them.

import WekaQL

/// One interactive session: a runner, and the statement being typed.
final class ShellSession {
    let runner: StatementRunner
    /// The lines typed so far of a statement that is not complete yet.
    var pendingInput = ""

    init(runner: StatementRunner) {
        self.runner = runner
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
