// One statement laid out by the formatter: on one line when it fits, else a stage a line after `|`.
//
// A line break is put only where it cannot end the statement (see `Layout`): before a stage's `|`,
// after a comma, or where the text already had one (after a comment), between the same two tokens.

/// The lines of one statement.
struct FormattedStatement {
    let file: SourceFile
    /// The statement's tokens, comments included, line breaks left out.
    let tokens: [Token]
    /// The index in ``tokens`` where each stage starts: its `|`, or its keyword.
    let stageStarts: Set<Int>

    static let stageIndent = "  "
    static let continuationIndent = "    "

    init(file: SourceFile, tokens: [Token], stages: [Stage]) {
        self.file = file
        self.tokens = tokens
        var starts = Set<Int>()
        for stage in stages {
            guard var index = tokens.firstIndex(where: { $0.range.start == stage.range.start }) else { continue }
            if let pipe = tokens[..<index].lastIndex(where: { $0.kind != .comment }), tokens[pipe].kind == .pipe { index = pipe }
            starts.insert(index)
        }
        self.stageStarts = starts
    }

    var lines: [String] {
        let code = tokens.indices.filter { tokens[$0].kind != .comment }
        if code.count == tokens.count {
            let line = render(code)
            if line.count <= Formatter.maximumWidth { return [line] }
        }
        return brokenLines()
    }

    /// The statement a stage a line, with comments where they were.
    private func brokenLines() -> [String] {
        var lines: [String] = [], line = ""
        var previous: Token?, beforePrevious: Token?
        var depth = 0
        func flush() {
            if !line.isEmpty { lines.append(line) }
            line = ""
        }
        for (index, token) in tokens.enumerated() {
            let text = Self.written(token, in: file)
            if token.kind == .comment {
                if line.isEmpty || startsLine(index) {
                    flush()
                    let beforeStage = tokens[index...].firstIndex { $0.kind != .comment }.map(stageStarts.contains) ?? false
                    lines.append((beforeStage ? Self.stageIndent : lines.isEmpty ? "" : Self.continuationIndent) + text)
                } else {
                    line += " " + text
                    flush()
                }
                continue
            }
            if stageStarts.contains(index) {
                flush()
                depth = 0
                line = Self.stageIndent + "|" + (token.kind == .pipe ? "" : " " + text)
            } else if line.isEmpty {
                line = (lines.isEmpty ? "" : Self.continuationIndent) + text
            } else if previous?.kind == .comma, depth == 0, line.count + 1 + itemWidth(from: index) > Formatter.maximumWidth {
                flush()
                line = Self.continuationIndent + text
            } else {
                line += (Self.space(between: previous, and: token, after: beforePrevious, adjacent: previous?.range.end == token.range.start) ? " " : "") + text
            }
            if token.kind == .leftParen { depth += 1 }
            if token.kind == .rightParen { depth = max(0, depth - 1) }
            (beforePrevious, previous) = (previous, token)
        }
        flush()
        return lines
    }

    /// Whether the comment at `index` had a line of its own (a line break between it and the token before).
    private func startsLine(_ index: Int) -> Bool {
        index == 0 || file.lineIndex(of: tokens[index - 1].range.end) != file.lineIndex(of: tokens[index].range.start)
    }

    /// The width of the list item starting at `index`: up to and with the next comma outside brackets,
    /// or the end of the stage.
    private func itemWidth(from index: Int) -> Int {
        var end = index, depth = 0
        while end < tokens.count, !stageStarts.contains(end) || end == index, tokens[end].kind != .comment {
            if tokens[end].kind == .leftParen { depth += 1 }
            if tokens[end].kind == .rightParen { depth -= 1 }
            end += 1
            if depth == 0, tokens[end - 1].kind == .comma { break }
        }
        return render(Array(index..<end)).count
    }

    /// The tokens at `indexes` on one line.
    private func render(_ indexes: [Int]) -> String {
        var out = ""
        var previous: Token?, beforePrevious: Token?
        for index in indexes {
            let token = tokens[index]
            if let previous, Self.space(between: previous, and: token, after: beforePrevious, adjacent: previous.range.end == token.range.start) {
                out += " "
            }
            out += Self.written(token, in: file)
            (beforePrevious, previous) = (previous, token)
        }
        return out
    }

    /// A token as the formatter writes it: as in the text, a keyword in lower case. `count` is kept as
    /// written, since it may name a field (`Count` and `count` are two names).
    static func written(_ token: Token, in file: SourceFile) -> String {
        if token.kind == .comment { return FormattedScript.commentText(token, in: file) }
        let text = file.text(in: token.range)
        if token.kind == .word, let keyword = token.keyword, keyword != .count { return keyword.rawValue }
        return text
    }

    /// Whether one space goes between `a` and `b` (`before` is the token before `a`; `adjacent`, whether
    /// the text had none). None inside brackets, before `,` and `;`, after a unary minus, nor between a
    /// function's name and `(`; after another keyword, `(` keeps the text's spacing (`in (…)`).
    static func space(between a: Token?, and b: Token, after before: Token?, adjacent: Bool) -> Bool {
        guard let a else { return false }
        switch b.kind {
        case .comma, .rightParen, .semicolon: return false
        default: break
        }
        if a.kind == .leftParen { return false }
        if a.kind == .dot || b.kind == .dot { return !adjacent }
        if b.kind == .leftParen, a.kind == .word { return a.keyword == nil || callable.contains(a.text.lowercased()) ? false : !adjacent }
        if a.kind == .minus, isOperand(before) == false { return false }
        return true
    }

    /// The functions and aggregates, some of which are keywords too (`count(`, `left(`).
    private static let callable = Set(Vocabulary.functions.map(\.name) + Vocabulary.aggregates.map(\.name))

    /// Whether `token` ends an operand, so that a `-` after it subtracts rather than negates.
    private static func isOperand(_ token: Token?) -> Bool {
        guard let token else { return false }
        switch token.kind {
        case .quotedName, .parameter, .string, .integer, .decimal, .rightParen: return true
        case .word:
            guard let keyword = token.keyword else { return true }
            return [.null, .true, .false, .end, .count].contains(keyword)
        default: return false
        }
    }
}
