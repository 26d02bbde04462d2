// Runs query text from -e, files and standard input through the library, printing results and errors.

import WekaQL

/// Runs scripts for the command line, printing results to `output` and diagnostics to `errors`.
struct ScriptRunner {
    var engine: Engine
    let options: Options
    let output: OutputStream
    let errors: OutputStream
    private var printedResults = 0

    init(engine: Engine, options: Options, output: OutputStream, errors: OutputStream) {
        self.engine = engine
        self.options = options
        self.output = output
        self.errors = errors
    }

    var renderer: Renderer {
        let width = options.width.map { $0 == 0 ? nil : $0 } ?? (output.isTerminal ? Terminal.width(of: output.descriptor) : nil)
        return Renderer(format: options.format, colored: Terminal.wantsColor(output, allowed: options.color), maxWidth: width,
                        raw: options.raw)
    }

    var diagnosticRenderer: DiagnosticRenderer {
        DiagnosticRenderer(colored: Terminal.wantsColor(errors, allowed: options.color))
    }

    /// Prints a diagnostic to the error stream in the chosen error format.
    func report(_ diagnostic: Diagnostic) {
        if options.jsonErrors {
            errors.write(diagnosticRenderer.json(diagnostic) + "\n")
        } else {
            errors.write(diagnosticRenderer.render(diagnostic) + "\n")
        }
    }

    /// Runs (or with `--check`, only checks) one source; returns whether it succeeded.
    mutating func run(_ file: SourceFile) -> Bool {
        if options.checkOnly {
            let problems = engine.check(file)
            problems.forEach(report)
            return problems.isEmpty
        }
        guard let parameters = bindParameters(for: file) else { return false }
        let renderer = self.renderer
        var printed = printedResults
        let output = self.output
        let reporter = self
        var engine = self.engine
        let timer = options.timer
        let errors = self.errors
        var started = monotonicSeconds()
        let succeeded = engine.run(file, parameters: parameters, keepGoing: options.keepGoing) { event in
            if timer {
                let now = monotonicSeconds()
                errors.write("time: \(formatMilliseconds(now - started)) ms\n")
                started = now
            }
            switch event {
            case .result(let result):
                result.notes.forEach(reporter.report)
                guard result.binding == nil else { return }
                // Tables (and Markdown tables and vertical rows) are set apart; CSV, JSON and JSON lines are not.
                if printed > 0 && [.table, .markdown, .vertical].contains(renderer.format) { output.write("\n") }
                output.write(renderer.render(result.table))
                printed += 1
            case .failure(let diagnostic):
                output.flush()
                reporter.report(diagnostic)
            }
        }
        self.engine = engine
        printedResults = printed
        output.flush()
        errors.flush()
        return succeeded
    }

    /// `--param NAME=VALUE` texts as values of the types the script expects.
    private func bindParameters(for file: SourceFile) -> [String: Value]? {
        let expected = engine.parameters(of: file)
        var values: [String: Value] = [:]
        for (name, text) in options.parameters {
            let type = expected[name] ?? .null
            guard let value = Value(parsing: text, as: type) else {
                report(Diagnostic(code: .parameterType, message: "--param \(name)=\(text): expected \(type.rawValue)"))
                return nil
            }
            values[name] = value
        }
        return values
    }
}

/// Milliseconds with three decimals, for `--timer`.
func formatMilliseconds(_ seconds: Double) -> String {
    let micro = Int((seconds * 1_000_000).rounded())
    let fraction = String(micro % 1000)
    return "\(micro / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
}
