// Where statements end: the line-break rules, and whether typed text is a complete statement.

/// Decides which line breaks end a statement.
///
/// A statement ends at `;` or at a line break, except that it goes on when the break is inside
/// brackets that close later, when the line ends after `,`, `|`, an operator or a keyword that needs
/// more (`where`, `and`, `by`, …), or when the next line starts with `|` or a keyword other than `let`.
public enum Layout {
    /// `tokens` with the line breaks that do not end a statement removed, and runs of breaks folded.
    static func statementTokens(_ tokens: [Token]) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(tokens.count)
        var depth = 0
        // A "(" that is never closed does not hold the lines after it: its statement ends at the line
        // break, so that one missing ")" is one error, not a statement swallowing the rest of the file.
        let unclosed = unclosedParentheses(tokens)
        // The token after the current run of line breaks, found once per run: looking ahead from every
        // break would be quadratic in a run of empty lines.
        var upcoming = 0
        for (index, token) in tokens.enumerated() {
            switch token.kind {
            case .leftParen: if !unclosed.contains(index) { depth += 1 }
            case .rightParen: depth = max(0, depth - 1)
            case .semicolon: depth = 0
            case .newline:
                if upcoming <= index { upcoming = next(after: index, in: tokens) }
                if depth > 0 || continuesAfter(result.last, before: result.dropLast().last)
                    || continuesBefore(upcoming < tokens.count ? tokens[upcoming] : nil) {
                    continue
                }
                if let last = result.last, last.kind == .newline || last.kind == .semicolon { continue }
                if result.isEmpty { continue }
            default: break
            }
            result.append(token)
        }
        return result
    }

    /// The indexes of the "(" that no ")" closes before the statement's `;` or the end of the text.
    private static func unclosedParentheses(_ tokens: [Token]) -> Set<Int> {
        var open: [Int] = [], unclosed: Set<Int> = []
        for (index, token) in tokens.enumerated() {
            switch token.kind {
            case .leftParen: open.append(index)
            case .rightParen: _ = open.popLast()
            case .semicolon: unclosed.formUnion(open); open.removeAll()
            default: break
            }
        }
        return unclosed.union(open)
    }

    /// The index of the first token after `index` that is not a line break or a comment (`tokens.count` if none).
    private static func next(after index: Int, in tokens: [Token]) -> Int {
        tokens[(index + 1)...].firstIndex { $0.kind != .newline && $0.kind != .comment } ?? tokens.count
    }

    /// Whether a line ending with `token` (after `before`) must go on. A `*` is multiplication unless it
    /// follows `select` or `,`, where it means every column.
    static func continuesAfter(_ token: Token?, before: Token? = nil) -> Bool {
        guard let token else { return false }
        switch token.kind {
        case .star:
            return !(before?.kind == .comma || before?.isKeyword(.select) == true)
        case .comma, .pipe, .leftParen, .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual,
             .fuzzyEqual, .plus, .minus, .slash, .percent, .concatenate:
            return true
        case .word:
            return token.keyword.map { Keyword.needsMore.contains($0) } ?? false
        default:
            return false
        }
    }

    /// Whether a line starting with `token` continues the statement above: `|`, or any keyword but
    /// `let` and `assert`, which start statements — no statement can start with another (`by offence`,
    /// `offset 2`, `and x = 1` go on).
    static func continuesBefore(_ token: Token?) -> Bool {
        guard let token else { return false }
        if token.kind == .pipe { return true }
        guard token.kind == .word, let keyword = token.keyword else { return false }
        return keyword != .let && keyword != .assert && keyword != .explain
    }

    /// Whether `text` holds only complete statements, so that a shell can run it rather than
    /// prompt for a continuation line: no open bracket or string, and no trailing `|`, `,`,
    /// operator or keyword that needs more.
    ///
    /// ```swift
    /// Layout.isComplete("arrests |")          // false
    /// Layout.isComplete("arrests count")      // true
    /// ```
    public static func isComplete(_ text: String) -> Bool {
        let (tokens, diagnostics) = Lexer.tokenize(SourceFile(name: "<input>", text: text))
        if diagnostics.contains(where: { $0.code == Diagnostic.Code.unterminatedString }) { return false }
        var depth = 0
        var last: Token?, beforeLast: Token?
        for token in tokens where token.kind != .newline && token.kind != .end {
            switch token.kind {
            case .leftParen: depth += 1
            case .rightParen: depth = max(0, depth - 1)
            case .semicolon: depth = 0
            default: break
            }
            (beforeLast, last) = (last, token)
        }
        return depth == 0 && !continuesAfter(last, before: beforeLast)
    }
}
