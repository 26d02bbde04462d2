// The errors of spilling a stage's rows to temporary files (Evaluation/Spill).

extension Diagnostic {
    /// A spill directory or file could not be made, written or read: names the stage, the directory and why.
    static func spillFailed(stage: String, what: String, reason: String, directory: String, range: SourceRange?) -> Diagnostic {
        Diagnostic(code: .spillFailed,
                   message: "this \(stage) is over the memory budget and spills to disk, but \(what) in \(directory): \(reason)",
                   range: range,
                   hints: ["set TMPDIR to a writable directory with free space, or raise the memory budget: Engine.memoryBudget, or in wekaql --memory-limit SIZE or .limit memory SIZE"])
    }
}
