// Runs a script of statements and dot-commands: a `.read` file, or `~/.wekaqlrc` at start.

import WekaQL

extension ShellSession {
    /// Runs `text`, named `name` in diagnostics. A line starting with `.` between statements is a
    /// command; the statements between commands run as one source, so a line starting with `|`
    /// continues the statement above it as in a script file, and errors point at the file's own lines.
    func runScript(_ text: String, name: String) -> CommandOutcome {
        var chunk = ""
        var chunkStart = 1
        func flush() {
            defer { chunk = "" }
            guard chunk.contains(where: { !$0.isWhitespace }) else { return }
            // Blank lines in front keep line numbers those of the file.
            run(SourceFile(name: name, text: String(repeating: "\n", count: chunkStart - 1) + chunk))
        }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let isCommand = line.drop { $0 == " " || $0 == "\t" }.hasPrefix(".") && Layout.isComplete(chunk)
            guard isCommand else {
                chunk += line + "\n"
                continue
            }
            flush()
            chunkStart = index + 2
            if runCommand(String(line)) == .quit { return .quit }
        }
        flush()
        return .proceed
    }
}
