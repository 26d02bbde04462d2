// The script level of the formatter: statements, comments between them, dot-command lines and blank lines.

/// A parsed script laid out by ``Formatter``: each statement by ``FormattedStatement``, the rest around it.
struct FormattedScript {
    let file: SourceFile
    let program: Program
    /// Dot-command lines as written, by the offset of their line.
    let commands: [Int: String]
    /// The tokens of each statement, comments included, line breaks left out.
    private let statementTokens: [[Token]]
    /// The comments outside every statement.
    private let looseComments: [Token]

    init(file: SourceFile, tokens: [Token], program: Program, commands: [Int: String]) {
        self.file = file
        self.program = program
        self.commands = commands
        // One sweep: statements and tokens are both in source order.
        var statementTokens = Array(repeating: [Token](), count: program.statements.count)
        var looseComments: [Token] = []
        var index = 0
        for token in tokens where token.kind != .newline && token.kind != .end {
            while index < program.statements.count, program.statements[index].range.end <= token.range.start { index += 1 }
            if index < program.statements.count, program.statements[index].range.start <= token.range.start {
                statementTokens[index].append(token)
            } else if token.kind == .comment {
                looseComments.append(token)
            }
        }
        self.statementTokens = statementTokens
        self.looseComments = looseComments
    }

    /// One thing that takes lines of its own, in source order.
    private enum Item {
        case statement(Int)
        case comment(Token)
        case command(offset: Int, text: String)
    }

    var text: String {
        var lines: [String] = []
        var lastLine: Int?
        for (start, end, item) in items() {
            let line = file.lineIndex(of: start)
            if case .comment(let token) = item, let lastLine, line == lastLine, !lines.isEmpty {
                lines[lines.count - 1] += " " + Self.commentText(token, in: file)   // a comment after code
                continue
            }
            if let lastLine, line - lastLine >= 2, !lines.isEmpty { lines.append("") }
            switch item {
            case .statement(let index):
                var statementLines = FormattedStatement(file: file, tokens: statementTokens[index],
                                                        stages: program.statements[index].query.stages).lines
                if needsSemicolon(after: index) { statementLines[statementLines.count - 1] += ";" }
                lines += statementLines
            case .comment(let token): lines.append(Self.commentText(token, in: file))
            case .command(_, let text): lines.append(text)
            }
            lastLine = file.lineIndex(of: end)
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// The statements, the comments outside them and the commands, with where each starts and ends.
    private func items() -> [(start: Int, end: Int, item: Item)] {
        var items: [(start: Int, end: Int, item: Item)] = program.statements.indices.map {
            (program.statements[$0].range.start, program.statements[$0].range.end, .statement($0))
        }
        for token in looseComments { items.append((token.range.start, token.range.end, .comment(token))) }
        for (offset, text) in commands { items.append((offset, offset, .command(offset: offset, text: text))) }
        return items.sorted { $0.start < $1.start }
    }

    /// Whether the statement at `index` must end with `;`: a line break would not end it, because the next
    /// statement starts with a word that continues a statement (a stage keyword, `|`) or it ends with one
    /// that needs more.
    private func needsSemicolon(after index: Int) -> Bool {
        guard index + 1 < program.statements.count else { return false }
        let code = statementTokens[index].filter { $0.kind != .comment }
        let next = statementTokens[index + 1].first { $0.kind != .comment }
        return Layout.continuesBefore(next) || Layout.continuesAfter(code.last, before: code.dropLast().last)
    }

    /// A comment's text without trailing white space.
    static func commentText(_ token: Token, in file: SourceFile) -> String {
        var text = Substring(file.text(in: token.range))
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
