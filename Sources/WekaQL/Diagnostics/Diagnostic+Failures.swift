// The catalogue's messages for the library's own failures: an error that is no catalogued diagnostic.

extension Diagnostic {
    /// A statement stopped on `error`, which the library did not expect: reported, never swallowed.
    static func unexpectedFailure(_ error: any Error, range: SourceRange?) -> Diagnostic {
        Diagnostic(code: .unexpectedFailure, message: "the statement stopped on an unexpected error: \(error)", range: range,
                   hints: ["this is a defect of wekaql; please report it with the statement"])
    }
}
