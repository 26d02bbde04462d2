// The one way statements run, however they arrive — the shell, script files, standard input, `-e` text,
// `.read` files and `~/.wekaqlrc`: the engine, the output mode and its settings, `--param` values,
// timers, `.output` redirection, and how results, notes and errors are printed.

import WekaQL

/// Runs statements and dot-commands against one engine, and prints what they produce.
final class StatementRunner {
    var engine: Engine
    let options: Options
    /// Whether a person is at the shell: Ctrl-C cancels a statement instead of ending wekaql, tall
    /// results go through the pager and informative lines go to the terminal.
    let interactive: Bool
    var format: OutputFormat
    /// The most rows a table shows on the terminal (head and tail); `nil` for all.
    var maxRows: Int?
    var timer: Bool
    /// Show values in the human formats exactly as they are (`.raw on`, `--raw`), not with escapes.
    var raw: Bool
    /// What nulls show as (`.nullvalue`, `--nullvalue`); `nil` for each format's own.
    var nullText: String?
    /// Whether tables end with their `N rows, M columns` line (`.footer`, `--no-footer`).
    var footer: Bool
    /// Where results go after `.output FILE`; `nil` for the standard place.
    var redirect: (stream: OutputStream, path: String)?
    /// The last result printed, for `.last`.
    var lastResult: Table?
    /// The statement result behind it, for `.why` and `.explain`.
    var lastStatement: StatementResult?
    /// The statements run last, for `.sql`.
    var lastStatements: SourceFile?
    /// How deep `.read` files are nested, to stop a file that reads itself.
    var readDepth = 0
    /// Whether what runs after the statements running now may read their last result (`_`, `.last`):
    /// then their results are held whole (see StatementRunner+Pieces.swift).
    var resultsReadLater = true
    /// Whether a script after the one running (another `-e` or file) may read its last result.
    var laterScriptsReadLast = true
    /// Whether the running dot-command has reported an error.
    var commandFailed = false
    /// Results printed since `beginInput()`, to set tables apart.
    private var resultsPrinted = 0
    /// With `--format html`, the report being gathered for the current output, written by `writeReport()`.
    var report = HTMLReport()
    /// SVG documents written to the current output: a file holds one.
    var svgDocuments = 0
    /// The asserts that held and that failed, for `wekaql test`.
    var assertsPassed = 0, assertsFailed = 0

    /// Standard output, or the `--output` file: results go here unless `.output` says otherwise, and
    /// listings (`.tables`, `.schema`) always.
    let primary: OutputStream
    let errors: ErrorReporter

    init(engine: Engine, options: Options, interactive: Bool, primary: OutputStream, errors: OutputStream) {
        self.engine = engine
        self.engine.assertionSeverity = options.warnAsserts || options.testMode ? .warning : .error
        self.options = options
        self.interactive = interactive
        self.format = options.format
        self.maxRows = interactive ? 40 : nil
        self.timer = options.timer
        self.raw = options.raw
        self.nullText = options.nullText
        self.footer = options.footer
        self.primary = primary
        self.errors = ErrorReporter(stream: errors, options: options)
    }

    /// Where results go now.
    var output: OutputStream { redirect?.stream ?? primary }

    /// Whether results are shown to a person: on the terminal, not into a file.
    var toTerminal: Bool { redirect == nil && primary.isTerminal }

    var colorsPrimary: Bool { Terminal.wantsColor(primary, allowed: options.color) }

    /// The terminal's width for tables, unless `--width` says otherwise (0: no limit).
    var width: Int? { options.width.map { $0 == 0 ? nil : $0 } ?? (primary.isTerminal ? Terminal.width(of: primary.descriptor) : nil) }

    /// The name of the last result in queries: `_ count by offence`.
    static let lastResultName = "_"

    /// `text` as it runs at the shell: a statement that starts with a stage (or `|`) continues from
    /// the last result, so `where country = "Togo"` after `arrests` refines it.
    func continuingLastResult(_ text: String) -> String {
        guard lastResult != nil else { return text }
        let tokens = Lexer.tokenize(SourceFile(name: "<shell>", text: text)).tokens
        guard let first = tokens.first(where: { $0.kind != .newline }) else { return text }
        let startsWithStage = first.kind == .pipe || (first.kind == .word && first.keyword.map(Keyword.stageStarts.contains) == true)
        return startsWithStage ? Self.lastResultName + " " + text : text
    }

    /// Starts a new input of the shell: its first table is not set apart from what came before.
    func beginInput() { resultsPrinted = 0 }

    // MARK: - Messages

    /// Prints a diagnostic on standard error, after any output waiting.
    func report(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .error { commandFailed = true }
        primary.flush()
        errors.report(diagnostic)
    }

    /// Prints a problem of a dot-command or of the command itself (see ``ErrorReporter/warn``).
    func warn(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .error { commandFailed = true }
        primary.flush()
        errors.warn(diagnostic)
    }

    /// Prints an informative line (dim when coloured), never into an `.output` file: on the terminal at
    /// the shell, else on standard error, so that a script's output holds only its results.
    /// Control characters in it (a collection named after a file) are shown as escapes.
    func note(_ text: String) {
        let text = DisplayText.escaping(text)
        let stream = interactive ? primary : errors.stream
        stream.write((Terminal.wantsColor(stream, allowed: options.color) ? "\u{1B}[2m\(text)\u{1B}[0m" : text) + "\n")
        stream.flush()
    }

    // MARK: - Statements

    /// Runs (or with `--check`, only checks) the statements of `file`, printing each result as it comes;
    /// at the shell, Ctrl-C cancels them. Returns whether every statement succeeded.
    @discardableResult
    func run(_ file: SourceFile) -> Bool {
        lastStatements = file
        if let dialect = options.sqlDialect { return printSQL(of: file, in: dialect) }
        if options.checkOnly {
            let problems = engine.check(file)
            problems.forEach(report)
            return problems.isEmpty
        }
        guard let parameters = bindParameters(for: file) else { return false }
        guard interactive else {
            var engine = self.engine
            var started = monotonicSeconds()
            let writer = pieceWriter()
            let pieces = writer.map { writer in { (piece: Table) in writer.write(piece) } }
            let succeeded = engine.run(file, parameters: parameters, keepGoing: options.keepGoing, pieces: pieces) { event in
                if case .result(let result) = event, result.rowsHandedOn { writer?.end(result) }
                handle(event, seconds: monotonicSeconds() - started, file: file)
                started = monotonicSeconds()   // after printing: the next statement's time is its own, as in the shell
            }
            self.engine = engine
            nameLastResult()
            output.flush()
            return succeeded
        }
        let outcome = QueryRunner.run(file, engine: &engine, parameters: parameters, keepGoing: options.keepGoing)
        if outcome.cancelled { errors.stream.write("\n") }   // after the terminal's own "^C"
        outcome.events.forEach { handle($0.event, seconds: $0.seconds, file: file) }
        nameLastResult()
        output.flush()
        return outcome.succeeded
    }

    /// Binds `_` to the last result, for the statements that follow.
    private func nameLastResult() {
        if let lastStatement { engine.bind(Self.lastResultName, to: lastStatement) }
    }

    /// Prints one statement's notes and result, or its error; with the timer on, how long a statement
    /// that succeeded took.
    private func handle(_ event: StatementEvent, seconds: Double, file: SourceFile) {
        switch event {
        case .result(let result):
            result.notes.forEach(report)
            if result.isAssertion {
                assertsPassed += 1
                if interactive { note("the assertion holds") }
            } else if result.rowsHandedOn {
                resultsPrinted += 1   // its rows were written as they came
            } else if result.binding == nil {
                // Tables (and Markdown tables and vertical rows) are set apart; CSV, JSON and JSON lines are not.
                if resultsPrinted > 0 && [.table, .markdown, .vertical].contains(outputFormat) { output.write("\n") }
                lastResult = result.table
                lastStatement = result
                if outputFormat == .html && report.isEmpty && !["-e", "-"].contains(file.name) { report.title = "wekaql: " + file.name }
                show(result.table, chart: result.chart, statement: file.text(in: result.range), whole: false)
                resultsPrinted += 1
            }
            if timer { showTime(seconds) }
        case .failure(let diagnostic):
            if diagnostic.isAssertionFailure { assertsFailed += 1 }
            if outputFormat == .html { report.add(message: DiagnosticRenderer().render(diagnostic)) }
            report(diagnostic)
        }
    }

    private func showTime(_ seconds: Double) {
        output.flush()
        let line = "time: \(formatMilliseconds(seconds)) ms"
        errors.stream.write((errors.colored ? "\u{1B}[2m\(line)\u{1B}[0m" : line) + "\n")
        errors.stream.flush()
    }

    /// Prints `table` in the current mode. On the terminal: within `.maxrows` (unless `whole`), fitted to
    /// its width — vertically when a row is too wide — and, at the shell, through the pager when taller
    /// than the terminal (then whole: the pager scrolls).
    func show(_ table: Table, chart: ChartSpec? = nil, statement: String = "", whole: Bool) {
        if showChart(table, chart: chart, statement: statement) { return }
        let onTerminal = toTerminal
        if onTerminal && interactive, let pager = Pager.command, let rows = Pager.rows(of: primary.descriptor) {
            let text = renderer(maxRows: nil, onTerminal: true).render(table)
            if text.utf8.lazy.filter({ $0 == UInt8(ascii: "\n") }).count >= rows {
                primary.flush()
                if Pager.show(text, command: pager) { return }
            }
        }
        let limit = onTerminal && !whole ? maxRows : nil
        output.write(renderer(maxRows: limit, onTerminal: onTerminal).render(table))
        output.flush()
        if let limit, [.table, .vertical].contains(format), table.rowCount > max(2, limit) {
            let hidden = table.rowCount - max(2, limit)
            note("\(hidden) row\(hidden == 1 ? "" : "s") not shown: .last shows them all, .maxrows 0 shows every row from now on")
        }
    }

    func renderer(maxRows: Int?, onTerminal: Bool) -> Renderer {
        Renderer(format: outputFormat, colored: Terminal.wantsColor(output, allowed: options.color),
                 maxWidth: redirect == nil ? width : nil, maxRows: maxRows,
                 verticalWhenTooWide: onTerminal, raw: raw, ascii: asciiCharts, footer: footer, nullText: nullText)
    }

    /// `--param NAME=VALUE` texts as values of the types `file` expects; `nil`, after reporting it,
    /// when a value cannot be read as its type.
    func bindParameters(for file: SourceFile) -> [String: Value]? {
        let expected = engine.parameters(of: file)
        var values: [String: Value] = [:]
        for (name, text) in options.parameters {
            let type = expected[name] ?? .null
            // A whole number stays an integer where a decimal is expected (which takes it), so one script
            // may compare a decimal with $n and also write `limit $n`.
            guard let value = (type == .decimal ? Value(parsing: text, as: .integer) : nil) ?? Value(parsing: text, as: type) else {
                report(Diagnostic.badParameterOption(name, text, expected: type))
                return nil
            }
            values[name] = value
        }
        return values
    }
}

/// Milliseconds with three decimals, for `--timer` and `.timer`.
func formatMilliseconds(_ seconds: Double) -> String {
    let micro = Int((seconds * 1_000_000).rounded())
    let fraction = String(micro % 1000)
    return "\(micro / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
}
