// How every error of the command reaches standard error: a query's, a data file's, a script file's, a bad
// `--param` value's, a dot-command's — as text, or as one JSON object a line with `--error-format json`.

import WekaQL

/// Prints diagnostics and the command's own problems in the chosen error format.
struct ErrorReporter {
    let stream: OutputStream
    let json: Bool
    let colored: Bool

    init(stream: OutputStream, options: Options) {
        self.stream = stream
        self.json = options.jsonErrors
        self.colored = Terminal.wantsColor(stream, allowed: options.color)
    }

    /// Prints `diagnostic` with its place, line and caret (or as JSON).
    func report(_ diagnostic: Diagnostic) {
        let renderer = DiagnosticRenderer(colored: colored)
        stream.write((json ? renderer.json(diagnostic) : renderer.render(diagnostic)) + "\n")
        stream.flush()
    }

    /// Prints a problem of the command itself (a bad dot-command, a file it cannot write) as
    /// `wekaql: error: …` with an optional `help:` line, or as JSON with code `code`.
    /// Control characters in it (a file name, an argument) are shown as escapes.
    func warn(_ message: String, hint: String? = nil, severity: Diagnostic.Severity = .error, code: Diagnostic.Code = .command) {
        if json {
            return report(Diagnostic(code: code, severity: severity, message: message, hints: hint.map { [$0] } ?? []))
        }
        let (message, hint) = (DisplayText.escaping(message), hint.map(DisplayText.escaping))
        let color = severity == .error ? "31" : "33"
        let label = colored ? "\u{1B}[\(color)m\(severity.rawValue)\u{1B}[0m" : severity.rawValue
        stream.write("wekaql: \(label): \(message)\n")
        if let hint { stream.write((colored ? "\u{1B}[36mhelp\u{1B}[0m" : "help") + ": \(hint)\n") }
        stream.flush()
    }
}
