// The formatter: one canonical layout of a script, made from its tokens and its statement and stage
// boundaries, keeping every comment and never changing what the script means.

/// Lays a script out one canonical way: `wekaql fmt` and the language server's formatting.
///
/// - A statement that fits in ``maximumWidth`` columns and holds no comment stays on one line, with its
///   `|`s as written; a longer one puts its source on the first line and each stage on its own line,
///   started by `|` and indented by two spaces. A stage line still too long breaks after its commas.
/// - One space between tokens, none inside brackets, before a comma or after a unary minus, and none
///   between a function's name and its `(`; keywords in lower case (`count` is left as written: it is
///   also a field's name).
/// - Every comment is kept, on its own line or after the code it followed; runs of blank lines become one;
///   dot-command lines (`.mode csv`) are kept as written.
///
/// The rules work on tokens only, so a stage the parser learns later is formatted like the others. A
/// script with syntax errors is not formatted: `format(_:)` throws them. Formatting is idempotent, and
/// the result is checked to be the same statements, stages and tokens as the input before it is returned.
///
/// ```swift
/// try Formatter.format("arrests  WHERE country=\"Togo\"|count\n")   // "arrests where country = \"Togo\" | count\n"
/// ```
public enum Formatter {
    /// The widest line a statement may take before its stages go on lines of their own.
    public static let maximumWidth = 100

    /// `text` laid out canonically, ending with one line break (empty text stays empty).
    ///
    /// - Throws: the syntax errors of `text` (nothing is formatted then), or ``Diagnostic/Code/formatChangesMeaning``
    ///   should the layout found differ in meaning from the input (a bug of the formatter; the text is to be kept).
    public static func format(_ text: String, name: String = "<format>") throws(Diagnostic) -> String {
        let script = ScriptText(text)
        let file = SourceFile(name: name, text: script.masked)
        let (program, errors) = Parser.parse(file)
        if let first = errors.first { throw first }
        let tokens = Lexer.tokenize(file, keepComments: true).tokens
        let output = FormattedScript(file: file, tokens: tokens, program: program, commands: script.commands).text
        try verify(output, against: file, name: name)
        return output
    }

    /// Checks that `output` holds the same statements, stages and tokens as `file`: only layout, `|`s
    /// before stages, `;`s between statements and the case of keywords may differ.
    private static func verify(_ output: String, against file: SourceFile, name: String) throws(Diagnostic) {
        let formatted = SourceFile(name: name, text: ScriptText(output).masked)
        let before = Parser.parse(file).program, (after, errors) = Parser.parse(formatted)
        let same = errors.isEmpty && before.statements.count == after.statements.count
            && zip(before.statements, after.statements).allSatisfy { old, new in
                old.query.stages.count == new.query.stages.count
                    && meaningfulTokens(of: old, in: file) == meaningfulTokens(of: new, in: formatted)
            }
        if !same { throw Diagnostic.formatChangesMeaning(file: file) }
    }

    /// The tokens of `statement` that carry meaning: without line breaks, `|` and `;`, keywords folded.
    private static func meaningfulTokens(of statement: Statement, in file: SourceFile) -> [String] {
        let tokens = Lexer.tokenize(SourceFile(name: file.name, text: file.text(in: statement.range))).tokens
        return tokens.filter { ![.newline, .pipe, .semicolon, .end].contains($0.kind) }.map {
            $0.keyword != nil ? $0.text.lowercased() : "\($0.kind.rawValue) \($0.text)"
        }
    }
}

/// A script's text with its dot-command lines found and blanked out (spaces in their place, so that
/// offsets stay those of the text), as the command reads a script: a line starting with `.` is a command
/// when the statements before it are complete.
public struct ScriptText: Sendable {
    /// The text with each command line's characters replaced by spaces: what the parser and checker read.
    public let masked: String
    /// The command lines as written, by the byte offset where each starts.
    public let commands: [Int: String]

    /// Finds the command lines of `text`.
    public init(_ text: String) {
        var masked = "", commands: [Int: String] = [:], chunk = "", offset = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(".") && Layout.isComplete(chunk) {
                commands[offset] = String(line)
                masked += String(repeating: " ", count: line.utf8.count)
                chunk = ""
            } else {
                masked += line
                chunk += line + "\n"
            }
            masked += "\n"
            offset += line.utf8.count + 1
        }
        self.masked = String(masked.dropLast())
        self.commands = commands
    }
}
