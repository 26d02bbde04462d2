// The library's one internal failure type: why parsing, checking or running a statement stopped.
// The public API reports `Diagnostic`s; each case here says what happened, so a catch can name it.

/// Why a statement stopped before it gave a result, inside the library.
enum StatementFailure: Error {
    /// A syntax error: recorded where it was found, then the parser skips ahead and goes on.
    case syntax(Diagnostic)
    /// Checking the statement found these errors (several when a stage that keeps its input's fields
    /// failed and checking could go on after it).
    case check([Diagnostic])
    /// The statement uses the `let` binding `name`, whose own statement failed and was reported there:
    /// nothing more to say.
    case failedBinding(String)
}
