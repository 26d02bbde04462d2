// The one error type of wekaql: every lexical, syntax, name, type, runtime and data error is a value.

/// A problem found in a query or a data file, with a stable code, a position and hints.
///
/// Diagnostics are values: the lexer, parser, checker, evaluator and loaders return them rather than
/// printing, and ``DiagnosticRenderer`` renders them in one place. The messages themselves live in
/// one catalogue (`Diagnostic+Catalogue.swift`); each code is documented in `Grammar/ERRORS.md`.
///
/// ```swift
/// do { _ = try engine.run("arrests where contry = 1") }
/// catch let diagnostic as Diagnostic { print(diagnostic.code) }   // unknownField (E0201)
/// ```
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Hashable, Sendable, Codable {
        /// The statement cannot run.
        case error
        /// The statement ran, but something deserves attention (a lossy type, an empty result).
        case warning
        /// Extra information attached to a result.
        case note
    }

    /// The stable code, such as `E0201`; documented in `Grammar/ERRORS.md`.
    public var code: Code
    /// How serious it is.
    public var severity: Severity
    /// One lower-case sentence that quotes the offending text.
    public var message: String
    /// Where in ``file`` it is, or `nil` when the problem has no place (a missing file).
    public var range: SourceRange?
    /// The text the range points into, used to show line, column and caret.
    public var file: SourceFile?
    /// Suggestions, such as `did you mean "country"?`.
    public var hints: [String]

    /// Creates a diagnostic. Prefer the catalogue's named constructors.
    public init(code: Code, severity: Severity = .error, message: String,
                range: SourceRange? = nil, file: SourceFile? = nil, hints: [String] = []) {
        self.code = code
        self.severity = severity
        self.message = message
        self.range = range
        self.file = file
        self.hints = hints
    }

    /// The 1-based line and column where it starts, when it has a place.
    public var location: SourceLocation? {
        guard let range, let file else { return nil }
        return file.location(of: range.start)
    }

    /// The same diagnostic, placed in `file` if it has no file yet.
    func located(in file: SourceFile) -> Diagnostic {
        var copy = self
        if copy.file == nil { copy.file = file }
        return copy
    }

    /// The diagnostic rendered as the CLI prints it, without colour.
    public var description: String { DiagnosticRenderer().render(self) }
}
