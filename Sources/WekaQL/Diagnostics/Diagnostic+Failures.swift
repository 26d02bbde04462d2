// The catalogue's messages for the library's own failures: an error that is no catalogued diagnostic.

extension Diagnostic {
    /// A statement stopped on `error`, which the library did not expect: reported, never swallowed.
    static func unexpectedFailure(_ error: any Error, range: SourceRange?) -> Diagnostic {
        Diagnostic(code: .unexpectedFailure, message: "the statement stopped on an unexpected error: \(error)", range: range,
                   hints: ["this is a defect of wekaql; please report it with the statement"])
    }
}

extension Diagnostic {
    /// The result of `body`, for a public function that throws only ``Diagnostic``s: a diagnostic goes
    /// through, a failure of the library's own becomes its first diagnostic, and anything else is
    /// ``unexpectedFailure(_:range:)`` rather than an error the caller cannot name.
    static func catching<T>(_ body: () throws -> T) throws(Diagnostic) -> T {
        do {
            return try body()
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch StatementFailure.syntax(let diagnostic) {
            throw diagnostic
        } catch StatementFailure.check(let diagnostics) where !diagnostics.isEmpty {
            throw diagnostics[0]
        } catch {
            throw unexpectedFailure(error, range: nil)
        }
    }
}
