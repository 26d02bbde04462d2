// Runs a script of statements and dot-commands: `-e` text, a script file, standard input, a `.read`
// file or `~/.wekaqlrc`, all alike.

import WekaQL

/// What running a script or a command came to.
enum CommandOutcome {
    case proceed
    /// Something failed: an error was reported.
    case failed
    /// `.quit` or `.exit`: leave wekaql, as sqlite3 does even from a file.
    case quit
}

extension StatementRunner {
    /// Runs the statements and commands of `file` in order. The statements between two commands run as
    /// one source (checked whole before any runs). The first error stops the script unless `--keep-going`.
    func runScript(_ file: SourceFile) -> CommandOutcome {
        var outcome = CommandOutcome.proceed
        let pieces = file.pieces
        for (index, piece) in pieces.enumerated() {
            let step: CommandOutcome
            switch piece {
            case .statements(let source):
                // Results nothing after reads back may be written as they come (StatementRunner+Pieces.swift).
                resultsReadLater = readDepth > 0 || laterScriptsReadLast || pieces[(index + 1)...].contains(where: \.readsLastResult)
                defer { resultsReadLater = true }
                step = run(source) ? .proceed : .failed
            case .command(let line): step = runCommand(line)
            }
            if step == .quit { return .quit }
            if step == .failed {
                outcome = .failed
                if !options.keepGoing { break }
            }
        }
        return outcome
    }

    /// Runs `~/.wekaqlrc` when there is one, as sqlite3 runs `~/.sqliterc`, read as `.read` reads a file.
    func runStartupFile() -> CommandOutcome {
        guard let home = Terminal.environment("HOME"), !home.isEmpty else { return .proceed }
        let path = home + "/.wekaqlrc"
        guard FileContents.exists(path) else { return .proceed }
        return read(path, name: path)
    }

    /// Reads and runs the script at `path` (a `.read` file, the startup file), named `name` in errors.
    func read(_ path: String, name: String) -> CommandOutcome {
        guard readDepth < 16 else {
            warn(.readNestsTooDeep())
            return .failed
        }
        let file: SourceFile
        do {
            file = try SourceFile.read(path: path)
        } catch {
            report(error)
            return .failed
        }
        readDepth += 1
        defer { readDepth -= 1 }
        return runScript(SourceFile(name: name, text: file.text))
    }
}
