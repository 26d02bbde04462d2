// The messages of editor support: the formatter (E0900) and the language server's settings (E0901).

extension Diagnostic {
    static func formatChangesMeaning(file: SourceFile) -> Diagnostic {
        Diagnostic(code: .formatChangesMeaning,
                   message: "formatting \(quoted(file.name)) would change what it means; it is left as it is",
                   file: file, hints: ["this is a bug in wekaql's formatter: please report it with the file"])
    }

    /// A `wekaql.toml` line (1-based) that the language server cannot read.
    public static func badEditorSettings(_ problem: String, line: Int, in file: SourceFile) -> Diagnostic {
        let start = file.offset(ofLine: line)
        return Diagnostic(code: .badEditorSettings, message: problem, range: SourceRange(start, start + file.line(line).utf8.count),
                          file: file, hints: ["wekaql.toml holds lines such as: data = [\"cases.csv\", \"more/\"] and builtin = false"])
    }
}

extension SourceFile {
    /// The byte offset where the 1-based line `number` starts (the text's end past its last line).
    public func offset(ofLine number: Int) -> Int {
        var line = 1, offset = 0
        while line < number, let next = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) {
            offset = next + 1
            line += 1
        }
        return line == number ? offset : bytes.count
    }
}
