// The catalogue's messages of the command and its dot-commands (`wekaql`, the shell, scripts): a
// dot-command given a bad argument (E0700), an output file that cannot be written, the history file,
// line editing, a chart an SVG file cannot hold. The command reports them; the text is written here.

extension Diagnostic {
    // MARK: - Dot-commands (E0700)

    package static func unknownDotCommand(_ name: String, nearest: String?) -> Diagnostic {
        command("unknown command \".\(name)\"", hint: nearest.map { "did you mean .\($0)? (.help lists the commands)" } ?? ".help lists the commands")
    }

    package static func noCollectionNamed(_ name: String, nearest: String?) -> Diagnostic {
        command("no collection named \"\(name)\"", hint: nearest.map { "did you mean \"\($0)\"?" } ?? ".tables lists them")
    }

    package static func unknownMode(_ argument: String, modes: [String]) -> Diagnostic {
        command("unknown mode \"\(argument)\"", hint: "modes: \(modes.joined(separator: ", "))")
    }

    package static func notOnOrOff(_ name: String, _ argument: String) -> Diagnostic {
        command("\(name) is on or off, not \"\(argument)\"")
    }

    package static func badMaxRows(_ argument: String) -> Diagnostic {
        command(".maxrows needs a number of rows, got \"\(argument)\"")
    }

    package static func limitUsage() -> Diagnostic {
        command(".limit sets the memory budget: .limit memory SIZE, for example .limit memory 4GB")
    }

    package static func badMemorySize(_ text: String) -> Diagnostic {
        command(".limit memory needs a size such as 4GB or 512MB, got \"\(text)\"")
    }

    package static func dataNeedsPath() -> Diagnostic {
        command(".data needs a file or folder: .data PATH [key=value …]")
    }

    package static func dataFromStandardInput() -> Diagnostic {
        command(".data cannot read standard input in the shell; give a file")
    }

    package static func readNeedsFile() -> Diagnostic {
        command(".read needs a file: .read FILE")
    }

    package static func readNestsTooDeep() -> Diagnostic {
        command(".read nests too deep (does a file read itself?)")
    }

    package static func whyNeedsRow(rows: Int) -> Diagnostic {
        command(".why needs a row number: the last result has \(rows) rows", hint: "for example .why 1")
    }

    package static func whyBadRow(_ argument: String) -> Diagnostic {
        command(".why needs a row number, got \"\(argument)\"", hint: "for example .why 1")
    }

    package static func noHelpTopic(_ topic: String, nearest: String?, topics: [String]) -> Diagnostic {
        command("no help on \"\(topic)\"", hint: nearest.map { "did you mean .help \($0)?" } ?? "topics: \(topics.joined(separator: ", "))")
    }

    package static func unknownSQLDialect(_ name: String, dialects: [String]) -> Diagnostic {
        command("unknown SQL dialect \"\(name)\"", hint: "dialects: \(dialects.joined(separator: ", "))")
    }

    package static func noStatementForSQL() -> Diagnostic {
        command("no statement yet", hint: "run a query, then .sql shows the SQL it compiles to")
    }

    package static func openNeedsDatabase() -> Diagnostic {
        command("which database?", hint: ".open PATH.db opens a SQLite file read-only; .open postgresql://… (or postgres:) a PostgreSQL database")
    }

    package static func acceptNeedsFile(standardInput: Bool) -> Diagnostic {
        command("--accept cannot rewrite \(standardInput ? "standard input" : "-e text"): give a file")
    }

    private static func command(_ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(code: .command, message: message, hints: hint.map { [$0] } ?? [])
    }

    // MARK: - Files and the terminal

    /// `--output`, `.output` or `--accept` cannot open the file for writing.
    package static func cannotWrite(_ path: String, reason: String) -> Diagnostic {
        Diagnostic(code: .cannotWrite, message: "cannot write \"\(path)\": \(reason)")
    }

    package static func historyMadePrivate(_ path: String, mode: String) -> Diagnostic {
        history("the history file \(path) could be read by others (mode \(mode)); it is now private (mode 600)")
    }

    package static func historyNotPrivate(_ path: String, mode: String, reason: String) -> Diagnostic {
        history("the history file \(path) can be read by others (mode \(mode)) and cannot be made private: \(reason)")
    }

    package static func historyNotSaved(_ path: String, reason: String) -> Diagnostic {
        history("cannot save the history to \(path): \(reason)")
    }

    package static func historyMovedAside(_ path: String, reason: String, aside: String) -> Diagnostic {
        history("cannot read the history file \(path) (\(reason)); moved it to \(aside)")
    }

    package static func historyUnreadable(_ path: String, reason: String) -> Diagnostic {
        history("cannot read the history file \(path) (\(reason)); history will not be saved")
    }

    private static func history(_ message: String) -> Diagnostic {
        Diagnostic(code: .historyFile, severity: .warning, message: message)
    }

    package static func lineEditingOff() -> Diagnostic {
        Diagnostic(code: .lineEditingOff, severity: .warning,
                   message: "libedit could not be loaded (install libedit2): line editing and history are off")
    }

    package static func chartNotWritten(_ statement: String) -> Diagnostic {
        Diagnostic(code: .chartNotWritten, severity: .warning,
                   message: "an SVG file holds one chart: the chart of \"\(statement)\" is not written",
                   hints: ["write each chart to its own file, or all of them with --format html"])
    }
}
