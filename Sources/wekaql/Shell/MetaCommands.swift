// The shell's dot-commands in the sqlite3 style: their table (usage, summary, argument for completion)
// and what each one does.

import WekaQL

/// A dot-command of the shell.
struct MetaCommand {
    let name: String
    let usage: String
    let summary: String
    let argument: CommandSyntax.Argument

    /// Every command, in the order `.help` lists them.
    static let all: [MetaCommand] = [
        MetaCommand(name: "help", usage: ".help [TOPIC]", summary: "show this help, or help on a topic or a command",
                    argument: .choices(HelpText.topics + ["help", "tables", "schema", "notes", "mode", "read", "timer", "raw", "nullvalue", "footer", "output", "data", "maxrows", "limit", "sql", "open", "last", "why", "explain", "quit"])),
        MetaCommand(name: "tables", usage: ".tables", summary: "list the collections and let bindings", argument: .none),
        MetaCommand(name: "schema", usage: ".schema [COLLECTION]", summary: "show fields, types, origins and descriptions", argument: .collection),
        MetaCommand(name: "notes", usage: ".notes [COLLECTION]", summary: "show the notes on how the data was transcribed", argument: .collection),
        MetaCommand(name: "mode", usage: ".mode [FORMAT]", summary: "output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: " "))",
                    argument: .choices(OutputFormat.allCases.map(\.rawValue))),
        MetaCommand(name: "read", usage: ".read FILE", summary: "run the statements and commands of FILE", argument: .path(extensions: [])),
        MetaCommand(name: "timer", usage: ".timer on|off", summary: "print each query's elapsed time", argument: .choices(["on", "off"])),
        MetaCommand(name: "raw", usage: ".raw on|off", summary: "show control characters as they are, not as escapes",
                    argument: .choices(["on", "off"])),
        MetaCommand(name: "nullvalue", usage: ".nullvalue [TEXT]", summary: "show nulls as TEXT (no TEXT: each format's own)",
                    argument: .text),
        MetaCommand(name: "footer", usage: ".footer on|off", summary: "end tables with their \"N rows, M columns\" line", argument: .choices(["on", "off"])),
        MetaCommand(name: "output", usage: ".output [FILE]", summary: "write results to FILE (no FILE: back to the terminal)",
                    argument: .path(extensions: [])),
        MetaCommand(name: "data", usage: ".data PATH [key=value …]",
                    summary: "load a .csv, .tsv, .txt, .json or .jsonl file, or a folder of them (options: delim= header= name= nulls= types= dateformat= skip= bad_rows= format= encoding=)",
                    argument: .path(extensions: ["csv", "tsv", "txt", "json", "jsonl", "ndjson"])),
        MetaCommand(name: "maxrows", usage: ".maxrows [N]", summary: "show at most N rows of a table, head and tail (0: all)", argument: .text),
        MetaCommand(name: "limit", usage: ".limit memory [SIZE]", summary: "the most memory a join, sort or grouping may take (4GB)",
                    argument: .choices(["memory"])),
        MetaCommand(name: "sql", usage: ".sql [DIALECT]", summary: "show the SQL of the last statement (sqlite, postgres, duckdb, spark)",
                    argument: .choices(SQLDialect.allCases.map(\.name))),
        MetaCommand(name: "open", usage: ".open PATH.db | postgresql://…", summary: "open a SQLite file or a PostgreSQL database read-only: its tables and views become collections",
                    argument: .path(extensions: ["db", "sqlite", "sqlite3"])),
        MetaCommand(name: "last", usage: ".last", summary: "print the previous result whole", argument: .none),
        MetaCommand(name: "why", usage: ".why [N]", summary: "the input rows and sentences behind row N of the last result",
                    argument: .text),
        MetaCommand(name: "explain", usage: ".explain", summary: "what each stage of the last statement did", argument: .none),
        MetaCommand(name: "quit", usage: ".quit", summary: "leave wekaql (also .exit, or Ctrl-D)", argument: .none),
        MetaCommand(name: "exit", usage: ".exit", summary: "leave wekaql", argument: .none),
    ]

    /// The commands as completion knows them.
    static let syntax = all.map { CommandSyntax(name: $0.name, argument: $0.argument, summary: $0.summary) }
}

extension StatementRunner {
    /// Runs a line that starts with `.`, wherever it was written.
    func runCommand(_ line: String) -> CommandOutcome {
        commandFailed = false
        let outcome = perform(line)
        return outcome == .proceed && commandFailed ? .failed : outcome
    }

    private func perform(_ line: String) -> CommandOutcome {
        var text = Substring(line.drop { $0 == " " || $0 == "\t" }.dropFirst())
        while let last = text.last, last.isWhitespace { text.removeLast() }
        let name = String(text.prefix { !$0.isWhitespace })
        let argument = String(text.dropFirst(name.count).drop { $0.isWhitespace })
        switch name {
        case "help": showHelp(argument)
        case "tables": showTables()
        case "schema": showSchema(argument)
        case "notes": showNotes(argument)
        case "mode": setMode(argument)
        case "read": return readFile(argument)
        case "timer": setTimer(argument)
        case "raw": setRaw(argument)
        case "nullvalue": nullText = argument.isEmpty ? nil : argument
        case "footer": setSwitch(&footer, named: "footer", to: argument)
        case "output": setOutput(argument)
        case "data": loadData(argument)
        case "maxrows": setMaxRows(argument)
        case "limit": setLimit(argument)
        case "sql": showSQL(argument)
        case "open": openDatabase(argument)
        case "last": showLast()
        case "why": showWhy(argument)
        case "explain": showExplain()
        case "quit", "exit": return .quit
        default:
            let suggestion = Vocabulary.nearest(to: name, in: MetaCommand.all.map(\.name))
            warn(.unknownDotCommand(name, nearest: suggestion))
        }
        return .proceed
    }

    private func showTables() {
        var rows: [[Value]] = engine.bindings.keys.sorted().map { name in
            [.string(name), .integer(Int64(engine.bindings[name]!.rowCount)), .string(name == Self.lastResultName ? "the last result" : "let binding")]
        }
        // An opened file's rows are counted when a query first reads it.
        rows += engine.dataset.collections.map { [.string($0.name), $0.knownRowCount.map { .integer(Int64($0)) } ?? .null, .string($0.description)] }
        guard !rows.isEmpty, let table = try? Table(columns: ["name", "rows", "description"], rows: rows) else {
            return note("no collections (load some with .data PATH)")
        }
        showListing(table)
    }

    private func showSchema(_ name: String) {
        let names = name.isEmpty ? engine.bindings.keys.sorted() + engine.dataset.collectionNames : [name]
        for (index, name) in names.enumerated() {
            let text: String
            if let table = engine.bindings[name] {
                text = schemaText.schema(of: table.fields, title: "\(name) — let binding, \(table.rowCount) rows")
            } else if let collection = engine.dataset[name] {
                text = schemaText.schema(of: collection)
            } else {
                return warnNoCollection(name)
            }
            if index > 0 { primary.write("\n") }
            primary.write(text)
        }
        primary.flush()
    }

    private func showNotes(_ name: String) {
        if name.isEmpty {
            primary.write(schemaText.notes(of: engine.dataset))
        } else if let collection = engine.dataset[name] {
            primary.write(schemaText.notes(of: collection))
        } else {
            return warnNoCollection(name)
        }
        primary.flush()
    }

    private var schemaText: SchemaText {
        SchemaText(width: options.width.map { $0 == 0 ? Int.max / 2 : $0 } ?? Terminal.width(of: primary.descriptor) ?? 100)
    }

    private func warnNoCollection(_ name: String) {
        let suggestion = Vocabulary.nearest(to: name, in: engine.bindings.keys.sorted() + engine.dataset.collectionNames)
        warn(.noCollectionNamed(name, nearest: suggestion))
    }

    /// Prints a listing of the shell (tables, schemas) as a table on the terminal, whatever the mode.
    private func showListing(_ table: Table) {
        primary.write(Renderer(format: .table, colored: colorsPrimary, maxWidth: width).render(table))
        primary.flush()
    }

    private func setMode(_ argument: String) {
        guard !argument.isEmpty else { return note("mode: \(format.rawValue)") }
        guard let mode = OutputFormat(rawValue: argument.lowercased()) else {
            return warn(.unknownMode(argument, modes: OutputFormat.allCases.map(\.rawValue)))
        }
        format = mode
    }

    private func setTimer(_ argument: String) {
        setSwitch(&timer, named: "timer", to: argument)
    }

    private func setRaw(_ argument: String) {
        setSwitch(&raw, named: "raw", to: argument)
    }

    /// `.timer`, `.raw`: `on` or `off` sets the switch; no argument shows it.
    private func setSwitch(_ value: inout Bool, named name: String, to argument: String) {
        switch argument.lowercased() {
        case "on": value = true
        case "off": value = false
        case "": note("\(name): \(value ? "on" : "off")")
        default: warn(.notOnOrOff(name, argument))
        }
    }

    private func setMaxRows(_ argument: String) {
        guard !argument.isEmpty else { return note("maxrows: \(maxRows.map(String.init) ?? "0 (all)")") }
        guard let number = Int(argument), number >= 0 else { return warn(.badMaxRows(argument)) }
        maxRows = number == 0 ? nil : max(2, number)
    }

    private func setLimit(_ argument: String) {
        let words = argument.split(whereSeparator: \.isWhitespace)
        guard words.first?.lowercased() == "memory", words.count <= 2 else {
            return warn(.limitUsage())
        }
        guard words.count == 2 else { return note("memory: \(MemoryBudget.describe(engine.memoryBudget.bytes))") }
        guard let budget = MemoryBudget(parsing: String(words[1])) else {
            return warn(.badMemorySize(String(words[1])))
        }
        engine.memoryBudget = budget
    }

    private func setOutput(_ argument: String) {
        writeReport()
        svgDocuments = 0
        redirect?.stream.close()
        redirect = nil
        guard !argument.isEmpty else { return }
        let path = FileContents.expandingHome(argument)
        let opened = OutputStream.open(path: path)
        guard let stream = opened.stream else { return warn(.cannotWrite(argument, reason: opened.reason)) }
        redirect = (stream, path)
    }

    private func showLast() {
        guard let lastResult else { return note("no result yet") }
        show(lastResult, whole: true)
    }

    private func loadData(_ argument: String) {
        guard !argument.isEmpty else { return warn(.dataNeedsPath()) }
        var loaded = Dataset.empty
        let path: String
        do {
            let options: LoadOptions
            (path, options) = try LoadOptions.split(shellArgument: argument)
            guard path != "-" else { return warn(.dataFromStandardInput()) }
            let warnings = try loaded.open(path: FileContents.expandingHome(path), options: options)
            warnings.forEach(report)
        } catch {
            return report(error)
        }
        engine.dataset.merge(loaded, loadedFrom: path).forEach(report)
        let names = loaded.collections.map { collection in
            let size = collection.knownRowCount.map { "\($0) rows" } ?? "\(collection.fields.count) columns"
            return "\(collection.name) (\(size)\(collection.description.isEmpty ? "" : "; " + collection.description))"
        }
        note(names.isEmpty ? "no data files in \(path)" : "loaded " + names.joined(separator: ", "))
    }

    /// Runs a file's statements and commands; its `.quit` leaves wekaql, as in sqlite3.
    private func readFile(_ argument: String) -> CommandOutcome {
        guard !argument.isEmpty else { warn(.readNeedsFile()); return .failed }
        return read(FileContents.expandingHome(argument), name: argument)
    }
}
