// Tokens: what the lexer makes of query text, each with its kind and source range.

/// The kind of a ``Token``.
public enum TokenKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A name or a keyword: `arrests`, `where`, `country`. See ``Token/keyword``.
    case word
    /// A back-quoted name, for fields named like keywords (`count` in back-quotes).
    case quotedName
    /// A parameter placeholder: `$country`.
    case parameter
    /// A double-quoted string literal.
    case string
    /// An integer literal.
    case integer
    /// A decimal literal: `1.5`, `2e3`.
    case decimal
    /// A comment from `#` to the end of the line (only when asked for; see ``Lexer/tokenize(_:keepComments:)``).
    case comment
    case pipe, comma, semicolon, dot, star, leftParen, rightParen
    case equal, notEqual, less, lessEqual, greater, greaterEqual, fuzzyEqual
    case plus, minus, slash, percent
    /// `||`, text concatenation.
    case concatenate
    /// A line end; the layout rules decide whether it ends a statement.
    case newline
    /// Text that is no token; its ``Token/diagnostics`` say why.
    case invalid
    /// The end of the text.
    case end
}

/// A token with its place in the source.
public struct Token: Hashable, Sendable {
    /// What it is.
    public var kind: TokenKind
    /// Where it is.
    public var range: SourceRange
    /// Its text, decoded: a string literal without quotes and escapes, a name without back-quotes.
    public var text: String
    /// The keyword this word is, if it is one (keywords are case-insensitive).
    public var keyword: Keyword?
    /// The lexical problems found in it: why an `.invalid` token is no token, or a string's bad escapes.
    public var diagnostics: [Diagnostic]

    /// Creates a token.
    public init(kind: TokenKind, range: SourceRange, text: String, keyword: Keyword? = nil, diagnostics: [Diagnostic] = []) {
        self.kind = kind
        self.range = range
        self.text = text
        self.keyword = keyword
        self.diagnostics = diagnostics
    }

    func isKeyword(_ k: Keyword) -> Bool { kind == .word && keyword == k }
}

/// Every reserved word of the language. Keywords are case-insensitive; back-quote a field named like one.
public enum Keyword: String, Hashable, Sendable, CaseIterable, Codable {
    case `where`, select, `as`, sort, order, by, asc, desc, limit, offset, distinct, count
    case summarize, join, left, inner, on, `let`
    case and, or, not, `in`, `is`, null, `true`, `false`, between
    case contains, starts, ends, with, matches
    case `case`, when, then, `else`, end
    case extend, rename, drop, top
    case chart, assert
    case unnest
    case union, full, semi, anti
    case over, pivot, unpivot, using, into
    case why, explain

    /// Keywords that begin a stage; a line that starts with one continues the statement above it.
    /// Read from ``StageWord/all``, the one list of stages.
    public static let stageStarts: Set<Keyword> = Set(StageWord.all.flatMap(\.keywords))

    /// Keywords after which a statement cannot end, so a line break after them continues it.
    static let needsMore: Set<Keyword> = Set(allCases).subtracting([.asc, .desc, .count, .distinct, .null, .true, .false, .end, .why])
}
