// A script as sqlite3 reads one: statements, and lines starting with `.` between them that are
// dot-commands. The same for `-e` text, script files, standard input, `.read` files and `~/.wekaqlrc`.

import WekaQL

/// One piece of a script, in order: statements that run as one source, or a dot-command line.
enum ScriptPiece {
    /// The statements between two commands. Blank lines in front keep the line numbers those of the
    /// file, so that errors point at its own lines.
    case statements(SourceFile)
    /// A line starting with `.`, without its line break.
    case command(String)
}

extension SourceFile {
    /// The statements and commands of the text. A line starting with `.` is a command only between
    /// statements, so a line starting with `|` still continues the statement above it, and a `.` inside
    /// an open string or bracket is text.
    var pieces: [ScriptPiece] {
        var pieces: [ScriptPiece] = []
        var chunk = ""
        var chunkStart = 1
        func flush() {
            defer { chunk = "" }
            guard chunk.contains(where: { !$0.isWhitespace }) else { return }
            pieces.append(.statements(SourceFile(name: name, text: String(repeating: "\n", count: chunkStart - 1) + chunk)))
        }
        // `----` expected-output blocks are not statements: blanked, keeping the line numbers.
        let text = ExpectedBlocks(text).blanked
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(".") && Layout.isComplete(chunk) else {
                chunk += line + "\n"
                continue
            }
            flush()
            chunkStart = index + 2
            pieces.append(.command(String(line)))
        }
        flush()
        return pieces
    }
}
