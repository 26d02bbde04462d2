// The shell's state between statements — engine, output mode, row limit, timer, output file, last
// result — and how a statement's results and errors reach the screen.

import WekaQL
#if canImport(Glibc)
import Glibc
#endif

/// One interactive session: what the meta-commands change and what statements run against.
final class ShellSession {
    var engine: Engine
    let options: Options
    var format: OutputFormat
    /// The most rows a table shows on the terminal (head and tail); `nil` for all.
    var maxRows: Int? = 40
    var timer = false
    /// Show values in the human formats exactly as they are (`.raw on`, `--raw`), not with escapes.
    var raw: Bool
    /// Where results go after `.output FILE`; `nil` for the terminal.
    var redirect: (stream: OutputStream, path: String)?
    /// The last result printed, for `.last`.
    var lastResult: Table?
    /// The lines typed so far of a statement that is not complete yet.
    var pendingInput = ""
    /// How deep `.read` files are nested, to stop a file that reads itself.
    var readDepth = 0

    let terminal = OutputStream(descriptor: 1)
    let errors = OutputStream(descriptor: 2)

    init(engine: Engine, options: Options) {
        self.engine = engine
        self.options = options
        self.format = options.format
        self.raw = options.raw
    }

    /// Where results go now.
    var output: OutputStream { redirect?.stream ?? terminal }

    var colorsErrors: Bool { Terminal.wantsColor(errors, allowed: options.color) }
    var colorsTerminal: Bool { Terminal.wantsColor(terminal, allowed: options.color) }

    // MARK: - Messages

    /// Prints a diagnostic on standard error.
    func report(_ diagnostic: Diagnostic) {
        terminal.flush()
        errors.write(DiagnosticRenderer(colored: colorsErrors).render(diagnostic) + "\n")
        errors.flush()
    }

    /// Prints a problem of the shell itself (a bad command, a file it cannot read) as `wekaql: error: …`,
    /// or as a warning when the shell carries on as asked all the same (a history file set aside).
    /// Control characters in it (a file name, an argument) are shown as escapes.
    func warn(_ message: String, hint: String? = nil, severity: Diagnostic.Severity = .error) {
        let (message, hint) = (DisplayText.escaping(message), hint.map(DisplayText.escaping))
        terminal.flush()
        let color = severity == .error ? "31" : "33"
        let label = colorsErrors ? "\u{1B}[\(color)m\(severity.rawValue)\u{1B}[0m" : severity.rawValue
        errors.write("wekaql: \(label): \(message)\n")
        if let hint { errors.write((colorsErrors ? "\u{1B}[36mhelp\u{1B}[0m" : "help") + ": \(hint)\n") }
        errors.flush()
    }

    /// Prints an informative line on the terminal (dim when coloured), never into an `.output` file.
    /// Control characters in it (a collection named after a file) are shown as escapes.
    func note(_ text: String) {
        let text = DisplayText.escaping(text)
        terminal.write((colorsTerminal ? "\u{1B}[2m\(text)\u{1B}[0m" : text) + "\n")
        terminal.flush()
    }

    // MARK: - Statements

    /// Runs the statements of `file`; Ctrl-C cancels them. Errors are printed; none ends the shell.
    func run(_ file: SourceFile) {
        let outcome = QueryRunner.run(file, engine: &engine, parameters: parameters(for: file), keepGoing: options.keepGoing)
        if outcome.cancelled { errors.write("\n") }   // after the terminal's own "^C"
        var printed = 0
        for event in outcome.events {
            switch event {
            case .result(let result):
                result.notes.forEach(report)
                guard result.binding == nil else { continue }
                if printed > 0 { output.write("\n") }
                lastResult = result.table
                show(result.table, whole: false)
                printed += 1
            case .failure(let diagnostic):
                report(diagnostic)
            }
        }
        if timer { note("time: " + Self.duration(outcome.seconds)) }
    }

    /// Prints `table` in the current mode: on the terminal within `.maxrows` (unless `whole`), fitted
    /// to its width — vertically when a row is too wide — and through the pager when taller than it.
    func show(_ table: Table, whole: Bool) {
        let toTerminal = redirect == nil && terminal.isTerminal
        let width = options.width.map { $0 == 0 ? nil : $0 } ?? (toTerminal ? Terminal.width(of: 1) : nil)
        let renderer = Renderer(format: format, colored: Terminal.wantsColor(output, allowed: options.color),
                                maxWidth: toTerminal ? width : nil, maxRows: toTerminal && !whole ? maxRows : nil,
                                verticalWhenTooWide: toTerminal, raw: raw)
        let text = renderer.render(table)
        if toTerminal, let pager = Pager.command, let rows = Pager.rows(of: 1),
           text.utf8.lazy.filter({ $0 == UInt8(ascii: "\n") }).count >= rows {
            terminal.flush()
            if Pager.show(text, command: pager) { return }
        }
        output.write(text)
        output.flush()
    }

    /// `seconds` for people: `12.3 ms` or `1.25 s`.
    static func duration(_ seconds: Double) -> String {
        if seconds < 1 {
            let tenths = Int((seconds * 10_000).rounded())
            return "\(tenths / 10).\(tenths % 10) ms"
        }
        let hundredths = Int((seconds * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) s"
    }

    /// Values for the `$parameters` given with `--param`, typed as `file` expects them.
    private func parameters(for file: SourceFile) -> [String: Value] {
        let expected = engine.parameters(of: file)
        var values: [String: Value] = [:]
        for (name, text) in options.parameters {
            values[name] = Value(parsing: text, as: expected[name] ?? .null) ?? .string(text)
        }
        return values
    }

    // MARK: - Completion

    /// Candidates for the line being edited, with earlier lines of a pending statement as context;
    /// the range is relative to the line.
    func completions(line: String, cursor: Int) -> Completions? {
        let before = pendingInput.isEmpty ? "" : pendingInput + "\n"
        let offset = before.utf8.count
        var found = engine.completions(for: before + line, cursor: offset + cursor,
                                       commands: pendingInput.isEmpty ? MetaCommand.syntax : [],
                                       listDirectory: FileContents.list)
        guard found.range.start >= offset else { return nil }
        found.range = SourceRange(found.range.start - offset, found.range.end - offset)
        return found
    }
}
