// Semantic tokens: each token of a document classified from the lexer's own kinds and keywords, so a
// keyword the language gains is highlighted as one with no change here.

import WekaQL

/// A document's tokens in LSP's relative encoding: per token, the line and start delta, the length
/// (in UTF-16 units), the type's index in ``types``, and no modifiers.
struct SemanticTokens {
    /// The legend's token types, in the order their indexes refer to.
    static let types = ["keyword", "namespace", "property", "function", "string", "number", "comment", "parameter",
                        "variable", "operator"]

    /// The functions and aggregates, some of which are keywords too (`count(`, `left(`).
    static let callable = Set(Vocabulary.functions.map(\.name) + Vocabulary.aggregates.map(\.name))

    let document: DocumentText
    let engine: Engine
    let program: Program

    var encoded: [Int] {
        let tokens = Lexer.tokenize(document.file, keepComments: true).tokens
        let bindings = Set(program.statements.compactMap { statement -> String? in
            if case .binding(let name, _) = statement.kind { return name.text }
            return nil
        })
        var data: [Int] = []
        var lastLine = 0, lastCharacter = 0
        for (index, token) in tokens.enumerated() {
            let next = tokens[(index + 1)...].first { $0.kind != .newline && $0.kind != .comment }
            guard let type = classify(token, next: next, bindings: bindings) else { continue }
            // A token never spans lines in LSP: a string with a line break is sent a line at a time.
            for piece in pieces(of: token.range) {
                let start = document.position(of: piece.start), end = document.position(of: piece.end)
                guard let line = start["line"]?.int, let character = start["character"]?.int,
                      let endCharacter = end["character"]?.int, endCharacter > character else { continue }
                data += [line - lastLine, line == lastLine ? character - lastCharacter : character,
                         endCharacter - character, type, 0]
                (lastLine, lastCharacter) = (line, character)
            }
        }
        return data
    }

    /// The index in ``types`` of `token`'s type, or `nil` for punctuation and line breaks.
    func classify(_ token: Token, next: Token?, bindings: Set<String>) -> Int? {
        func type(_ name: String) -> Int? { Self.types.firstIndex(of: name) }
        switch token.kind {
        case .comment: return type("comment")
        case .string: return type("string")
        case .integer, .decimal: return type("number")
        case .parameter: return type("parameter")
        case .quotedName: return type(name(token.text, bindings: bindings))
        case .word:
            if next?.kind == .leftParen, token.keyword == nil || Self.callable.contains(token.text.lowercased()) {
                return type("function")
            }
            if token.keyword != nil { return type("keyword") }
            return type(name(token.text, bindings: bindings))
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .fuzzyEqual, .plus, .minus, .slash,
             .percent, .concatenate, .pipe, .star:
            return type("operator")
        default: return nil
        }
    }

    private func name(_ text: String, bindings: Set<String>) -> String {
        if bindings.contains(text) { return "variable" }
        if engine.dataset[text] != nil { return "namespace" }
        return "property"
    }

    /// `range` cut at its line breaks.
    private func pieces(of range: SourceRange) -> [SourceRange] {
        let bytes = document.file.bytes
        var pieces: [SourceRange] = [], start = range.start
        for offset in range.start..<min(range.end, bytes.count) where bytes[offset] == UInt8(ascii: "\n") {
            pieces.append(SourceRange(start, offset))
            start = offset + 1
        }
        pieces.append(SourceRange(start, range.end))
        return pieces
    }
}
