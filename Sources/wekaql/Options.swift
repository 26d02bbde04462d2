// The command line: flags, their meaning, and the help text. Parsed by hand to keep start-up small.
import WekaQL

/// What the command line asked for.
struct Options {
    var statements: [String] = []
    var files: [String] = []
    var format: OutputFormat = .table
    /// `--data` arguments as given: `PATH` or `PATH:key=value,…` (split when loading, see LoadOptions.split).
    var dataPaths: [String] = []
    /// How standard input is read as data (`--data -`), when its content cannot tell.
    var formatIn: LoadOptions.Format?
    var builtin = true
    var parameters: [(name: String, text: String)] = []
    var outputPath: String?
    var color = true
    var keepGoing = false
    var checkOnly = false
    var jsonErrors = false
    var width: Int?
    var timer = false
    /// `--explain`: every query answers with what its stages did.
    var explain = false
    /// `--memory-limit SIZE`: the memory budget of a join, sort or grouping (default: half the machine's memory).
    var memoryBudget: MemoryBudget?
    /// Show values in table, vertical and markdown exactly as they are, not with escapes.
    var raw = false
    /// `--nullvalue TEXT`: what a null shows as in table, vertical and markdown output.
    var nullText: String?
    /// `--no-footer`: no `N rows, M columns` line after a table.
    var footer = true
    var showVersion = false
    var showHelp = false
    /// `--notes [COLLECTION]`: print the data's notes (`""` for all of them) and exit.
    var showNotes: String?
    /// `--ascii`: draw charts with ASCII only (also when the locale is not UTF-8).
    var ascii = false
    /// `--warn-asserts`: a failed assert is a warning, and the script goes on.
    var warnAsserts = false
    /// `wekaql test FILE…` or `--test`: run scripts as tests, counting asserts and expected blocks.
    var testMode = false
    /// `--accept` (with `test`): write the actual output into the expected blocks.
    var accept = false
    /// Whether `--format` was given: `-o chart.svg` otherwise chooses the format by its extension.
    private var formatGiven = false
    /// `--sql DIALECT`: print each query's SQL instead of running it.
    var sqlDialect: SQLDialect?
    /// `--db` arguments: SQLite files and PostgreSQL URIs whose tables become collections.
    var databasePaths: [String] = []

    /// A bad command line: the message, printed with a pointer to `--help`; exit status 64.
    struct UsageError: Error { var message: String }

    init(arguments: [String]) throws(UsageError) {
        var rest = arguments[...]
        if rest.first == "test" {
            testMode = true
            rest = rest.dropFirst()
        }
        func value(for flag: String) throws(UsageError) -> String {
            guard let next = rest.popFirst() else { throw UsageError(message: "\(flag) needs a value") }
            return next
        }
        while let argument = rest.popFirst() {
            var flag = argument
            var inline: String?
            if argument.hasPrefix("--"), let eq = argument.firstIndex(of: "=") {
                flag = String(argument[..<eq])
                inline = String(argument[argument.index(after: eq)...])
            }
            func take() throws(UsageError) -> String { if let inline { return inline }; return try value(for: flag) }
            switch flag {
            case "-e", "-c", "--execute": statements.append(try take())
            case "-f", "--format":
                let name = try take()
                guard let format = OutputFormat(rawValue: name) else {
                    throw UsageError(message: "unknown format \"\(name)\" (formats: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                self.format = format
                formatGiven = true
            case "--data", "-d": dataPaths.append(try take())
            case "--format-in":
                let name = try take()
                guard let format = LoadOptions.Format(rawValue: name) else {
                    throw UsageError(message: "--format-in is csv, json or jsonl, got \"\(name)\"")
                }
                formatIn = format
            case "--no-builtin": builtin = false
            case "--param", "-p":
                let pair = try take()
                guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                    throw UsageError(message: "--param needs NAME=VALUE, got \"\(pair)\"")
                }
                parameters.append((String(pair[..<eq]), String(pair[pair.index(after: eq)...])))
            case "-o", "--output": outputPath = try take()
            case "--no-color", "--no-colour": color = false
            case "--keep-going", "-k": keepGoing = true
            case "--check": checkOnly = true
            case "--error-format":
                let name = try take()
                guard name == "json" || name == "text" else { throw UsageError(message: "--error-format is text or json, got \"\(name)\"") }
                jsonErrors = name == "json"
            case "--width", "-w":
                let text = try take()
                guard let n = Int(text), n >= 0 else { throw UsageError(message: "--width needs a number of columns, got \"\(text)\"") }
                width = n
            case "--timer": timer = true
            case "--explain": explain = true
            case "--memory-limit":
                let text = try take()
                guard let budget = MemoryBudget(parsing: text) else {
                    throw UsageError(message: "--memory-limit needs a size such as 4GB or 512MB, got \"\(text)\"")
                }
                memoryBudget = budget
            case "--raw": raw = true
            case "--nullvalue": nullText = try take()
            case "--no-footer": footer = false
            case "--ascii": ascii = true
            case "--warn-asserts": warnAsserts = true
            case "--test": testMode = true
            case "--accept": accept = true
            case "--notes":
                // The collection is optional: a next argument is taken only if it reads as a name, not a file or flag.
                if let inline { showNotes = inline } else if let next = rest.first, Self.isCollectionName(next) {
                    showNotes = next
                    rest = rest.dropFirst()
                } else {
                    showNotes = ""
                }
            case "--sql":
                let name = try take()
                guard let dialect = SQLDialect(rawValue: name) else {
                    throw UsageError(message: "unknown SQL dialect \"\(name)\" (dialects: \(SQLDialect.allCases.map(\.name).joined(separator: ", ")))")
                }
                sqlDialect = dialect
            case "--db": databasePaths.append(try take())
            case "--version", "-V": showVersion = true
            case "--help", "-h": showHelp = true
            case "--":
                files += rest
                rest = []
            default:
                if argument.hasPrefix("-") && argument != "-" {
                    throw UsageError(message: "unknown option \"\(argument)\"")
                }
                files.append(argument)
            }
        }
        if !formatGiven, let path = outputPath, let chosen = OutputFormat.chosen(byExtensionOf: path) { format = chosen }
        if accept && !testMode { throw UsageError(message: "--accept belongs to wekaql test: wekaql test --accept FILE.wql") }
    }
}

extension OutputFormat {
    /// `svg` for a `.svg` path and `html` for `.html` or `.htm`: what `-o` and `.output` choose.
    static func chosen(byExtensionOf path: String) -> OutputFormat? {
        let lower = path.lowercased()
        if lower.hasSuffix(".svg") { return .svg }
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return .html }
        return nil
    }
}

extension Options {
    /// Whether a `--data -` (or `-:OPTIONS`) reads the data from standard input.
    var dataFromStandardInput: Bool {
        dataPaths.contains { $0 == "-" || $0.hasPrefix("-:") }
    }

    /// Whether `text` can be a collection's name rather than a script file: letters, digits and `_` only.
    static func isCollectionName(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
    }
}

enum Help {
    static let version = "wekaql \(Engine.version)"

    /// Names in lines of about 80 columns, continued under the first (the list is Vocabulary's, the one
    /// declaration of the language's words).
    static func wrapped(_ names: [String]) -> String {
        var lines: [String] = [], line = ""
        for name in names {
            if !line.isEmpty && line.count + 1 + name.count > 64 { lines.append(line); line = "" }
            line += (line.isEmpty ? "" : " ") + name
        }
        return (lines + [line]).joined(separator: "\n" + String(repeating: " ", count: 15))
    }

    static let text = """
    wekaql — a query language over the data of INTERPOL's Operation Weka II

    USAGE
      wekaql                          interactive shell (when standard input is a terminal; .help inside)
      wekaql -e 'QUERY' [-e …]        run statements and exit
      wekaql FILE.wql [FILE …]        run script files ('-' is standard input)
      wekaql test FILE.wql [FILE …]   run scripts as tests: asserts and ---- expected blocks
                                      (--accept writes the actual output into the blocks)
      echo 'figures' | wekaql         run statements read from standard input
      wekaql fmt [--check] FILE …     lay scripts out one canonical way (fmt --help)
      wekaql lsp [--data PATH …]      language server for editors (LSP on stdin/stdout)
      Dot-commands (.mode csv, .schema arrests, .help) work in all of these, as in the shell.

    THE LANGUAGE AT A GLANCE
      arrests where country = "Togo"
      arrests | where arrested > 2 | select country, arrested | sort by arrested desc | limit 3
      arrests count by offence sort by count desc
      arrests summarize people = sum(arrested), reports = count() by offence
      victims where origin is not null select country, victims, origin
      countries where continent in ("Europe", "Asia") count
      countries where country =~ "cote d'ivoire"        # ignores case and accents
      arrests join countries on country | count by continent
      let africa = countries where continent = "Africa"; africa count

      stages       where, select … as, sort by … [asc|desc], limit N [offset M], distinct,
                   count [by …], summarize NAME = AGG(…) [by …], [left] join C on F [= G],
                   extend NAME = …, rename OLD as NEW, drop FIELD, top N by … [asc|desc],
                   chart bar|column|line|hist|spark [x = F] [y = F, …] [by F] [title "…"] (last)
      asserts      assert QUERY [, "message"]   assert QUERY is empty [, "message"]
                   then why | why not COND (the rows behind a result); explain QUERY
      operators    = != < <= > >= =~  and or not  in (…)  is [not] null  between … and …
                   contains, starts with, ends with (case- and accent-insensitive), matches "regex"
                   + - * / %  a || b (join text)  case when C then A [else B] end  if(C, A, B)
      functions    \(wrapped(Vocabulary.functions.map(\.name)))
      aggregates   \(wrapped(Vocabulary.aggregates.map(\.name)))
      collections  operations figures countries arrests victims smuggling items other_crimes partners
                   funders statements captions (.schema shows each field's origin; --notes the notes)

    OPTIONS
      -e, -c, --execute TEXT    run TEXT (repeatable)
      -f, --format FORMAT       table (default), csv, json, jsonl, markdown, vertical, svg (a result's
                                chart), html (a report of every table and chart); -o FILE.svg or
                                FILE.html chooses svg or html
      -d, --data PATH[:OPTIONS] load a .csv, .tsv, .txt, .json or .jsonl file, a folder of them, or '-'
                                (standard input); repeatable. OPTIONS are key=value pairs joined by ',':
                                delim=;  header=false  name=NAME  nulls=NA|-  types=zip:string,n:integer
                                dateformat=%d/%m/%Y  skip=N  bad_rows=error|skip|pad  format=csv|json|jsonl
                                encoding=utf-8|latin-1|utf-16   e.g. --data 'cases.csv:delim=;,name=cases'
          --format-in FORMAT    csv, json or jsonl: how to read --data - when its content cannot tell
          --no-builtin          start without the built-in Operation Weka II data
      -p, --param NAME=VALUE    bind $NAME in queries (repeatable)
      -o, --output FILE         write results to FILE instead of standard output
          --no-color            no colour (also when NO_COLOR is set, or output is not a terminal)
      -k, --keep-going          run the remaining statements after an error
          --check               parse and check only; run nothing
          --ascii               draw charts with ASCII only (the default when the locale is not UTF-8)
          --warn-asserts        a failed assert is a warning, and the script goes on
          --error-format FORMAT text (default) or json, for editors and tools
      -w, --width N             fit tables into N columns (0: no limit; default: the terminal's)
          --timer               print each statement's run time to standard error
          --explain             answer each query with a row per stage: rows in and out, time
          --memory-limit SIZE   the most memory a join, sort or grouping may take (4GB, 512MB;
                                default: half the machine's memory)
          --raw                 show values in table, vertical and markdown as they are: without it,
                                control and bidirectional characters show as escapes (\\x1b, \\u{202E})
          --nullvalue TEXT      show nulls as TEXT in table, vertical and markdown (default: null, empty)
          --no-footer           no "N rows, M columns" line after a table
          --notes [COLLECTION]  print the notes on how the data was transcribed (of one collection) and exit
          --sql DIALECT         print each query's SQL (sqlite, postgres, duckdb, spark) instead of running it
          --db PATH.db          open a SQLite file read-only: its tables and views become collections, and
                                a query over them runs in it as one SQL statement (repeatable)
          --db postgresql://…   the same for a PostgreSQL database (a libpq URI; postgres: alone for the
                                one the PG* environment variables name)
      -V, --version             print the version
      -h, --help                print this help

    EXIT STATUS
      0 success; 1 an error in a query or a data file; 64 a bad command line or a file that cannot be opened

    A script is parsed and checked whole before it runs: if any statement is wrong, every error is
    reported and nothing runs. At run time the first error stops the script unless --keep-going.
    """
}
