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

    /// Prints a problem of the command itself (a bad dot-command, a file it cannot write: a diagnostic
    /// of the catalogue, Diagnostic+Commands.swift) as `wekaql: error: …` with its `help:` lines, or as
    /// JSON. Control characters in it (a file name, an argument) are shown as escapes.
    func warn(_ diagnostic: Diagnostic) {
        if json { return report(diagnostic) }
        let message = DisplayText.escaping(diagnostic.message)
        let color = diagnostic.severity == .error ? "31" : "33"
        let label = colored ? "\u{1B}[\(color)m\(diagnostic.severity.rawValue)\u{1B}[0m" : diagnostic.severity.rawValue
        stream.write("wekaql: \(label): \(message)\n")
        for hint in diagnostic.hints.map(DisplayText.escaping) {
            stream.write((colored ? "\u{1B}[36mhelp\u{1B}[0m" : "help") + ": \(hint)\n")
        }
        stream.flush()
    }
}
