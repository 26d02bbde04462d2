// Files opened lazily (`Dataset.open`): before a program is checked, the engine reads the columns its
// statements may use from each opened file they name, so that checking sees the columns' true types
// and running finds their rows.

extension Engine {
    /// Reads, from each lazily opened collection that `file` names, the columns its statements may use
    /// (``ColumnSelection/usedBy(_:)``: every name written counts, and a collection whose whole rows
    /// reach a result is read whole). A program that does not parse reads nothing, as it will not run,
    /// unless `keepGoing` runs its good statements: then every opened file is read whole.
    ///
    /// - Returns: the reads' warnings (rows `bad_rows=skip` left out).
    /// - Throws: the ``Diagnostic`` of a file that cannot be read.
    mutating func readOpenedFiles(for file: SourceFile, keepGoing: Bool) throws(Diagnostic) -> [Diagnostic] {
        guard dataset.collections.contains(where: \.isOpenedLazily) else { return [] }
        let selection = ColumnSelection.usedBy([file])
        guard selection != .all || keepGoing else { return [] }
        var warnings: [Diagnostic] = []
        // `includes` of a program's selection holds every word it writes, collection names among them.
        _ = try dataset.materializeOpenedFiles(selection, named: selection.includes, warnings: &warnings)
        return warnings
    }

    /// ``readOpenedFiles(for:keepGoing:)`` for ``run(_:parameters:cancellation:keepGoing:report:)``: each warning
    /// and a read's error are reported; `false` when a file could not be read.
    mutating func readOpenedFiles(for file: SourceFile, keepGoing: Bool, report: (StatementEvent) -> Void) -> Bool {
        do {
            try readOpenedFiles(for: file, keepGoing: keepGoing).forEach { report(.failure($0)) }
            return true
        } catch {
            report(.failure(error))
            return false
        }
    }
}
