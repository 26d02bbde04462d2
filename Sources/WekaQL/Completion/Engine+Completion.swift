// Completion's entry point: the engine knows the dataset, the `let` bindings and how to check a query,
// so it says what may be typed at a cursor.

extension Engine {
    /// The candidates for the word before `cursor` in `text`, aware of where the cursor is.
    ///
    /// - At the start of a statement: collections, `let` names and `let`; after `join`, the same names.
    /// - After a source or a stage: the stage keywords (`where`, `sort by`, …), and the keywords that may
    ///   follow what was typed (`by` after `count`, `and` after a condition, `desc` in `sort by`).
    /// - Where a field may go: the fields of the rows at that point — the query before the stage being
    ///   typed is checked, so after `join` or `select` they are the fields that exist there — and functions.
    /// - After `country = ` or `country = "T`, and inside `country in (`: the distinct values of that field
    ///   there, quoted, matched ignoring case and accents (`"cote` finds `"Côte d'Ivoire"`).
    /// - On a line starting with `.`, when `commands` are given: command names, then the argument the
    ///   command declares (`.mode c` → `csv`), with file paths listed by `listDirectory`.
    ///
    /// ```swift
    /// let text = "arrests where country = \"T"
    /// let found = engine.completions(for: text, cursor: text.utf8.count)
    /// found.candidates.map(\.text)   // ["\"Togo\""]
    /// found.insertion                // "\"Togo\" ": what Tab puts in place of `found.range`
    /// ```
    ///
    /// - Parameters:
    ///   - text: the text typed so far; in a shell, any earlier lines of the statement and the current line.
    ///   - cursor: the cursor as a **UTF-8 byte offset** into `text`, as ``SourceRange`` counts (libedit's
    ///     `el_line` gives it this way); it is clamped to the text and moved back to a character boundary.
    ///   - commands: the shell's commands, to complete lines that start with `.`; none by default.
    ///   - listDirectory: lists a folder as typed (`"."`, `"data/"`, `"~/q/"`), to complete file paths;
    ///     the library itself reads no folders.
    /// - Returns: the candidates and the byte range of `text` that one replaces (text after the cursor is kept).
    public func completions(for text: String, cursor: Int, commands: [CommandSyntax] = [],
                            listDirectory: ((String) -> [DirectoryEntry])? = nil) -> Completions {
        let bytes = Array(text.utf8)
        var cursor = min(max(0, cursor), bytes.count)
        while cursor > 0, cursor < bytes.count, bytes[cursor] & 0xC0 == 0x80 { cursor -= 1 }
        let before = String(decoding: bytes[..<cursor], as: UTF8.self)
        if !commands.isEmpty, CommandCompleter.dot(in: before) != nil {
            return CommandCompleter(engine: self, text: before, commands: commands, listDirectory: listDirectory).completions()
        }
        return QueryCompleter(engine: self, file: SourceFile(name: "<completion>", text: before)).completions()
    }
}
