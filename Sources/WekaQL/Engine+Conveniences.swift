// Conveniences for tools that embed wekaql: the engine's checking entry points over plain text.

extension Engine {
    /// Parses and checks `text` without running it: every problem found, in source order.
    ///
    /// ```swift
    /// let problems = Engine().check("arrests where contry = 1")
    /// problems.map(\.code)   // [.unknownField]
    /// ```
    ///
    /// - Parameters:
    ///   - text: the program.
    ///   - name: the name diagnostics give the text, as a path is given for a file.
    public func check(_ text: String, name: String = "<query>") -> [Diagnostic] {
        check(SourceFile(name: name, text: text))
    }

    /// The `$parameters` that `text` uses, with the type each must have (``ValueType/null`` when any fits).
    ///
    /// ```swift
    /// Engine().parameters(of: "arrests where arrested > $n")   // ["n": .integer]
    /// ```
    public func parameters(of text: String) -> [String: ValueType] {
        parameters(of: SourceFile(name: "<query>", text: text))
    }
}
