// Reads the ISO 14977 subset that Grammar/wekaql.ebnf is written in, keeping the `(* e.g. … *)` examples.

import Foundation

/// Reads rules `name = a , b | [ c ] | { d } | ( e ) | "t" | ? s ? | f - g ;` and comments `(* … *)`.
///
/// A comment that starts with `e.g.` is an example of the rule before it. Rule names may contain
/// spaces, which are folded to one (the standard ignores them; the grammar uses them for reading).
struct EBNFReader {
    private enum Symbol: Equatable {
        case name(String), terminal(String), special(String), punctuation(Character), end
    }

    private struct Lexeme {
        var symbol: Symbol
        var line: Int
    }

    private var lexemes: [Lexeme] = []
    private var examples: [(afterLexeme: Int, text: String, line: Int)] = []
    private var index = 0

    static func read(_ text: String) throws -> EBNFGrammar {
        var reader = EBNFReader()
        try reader.scan(Array(text))
        var rules: [(rule: EBNFRule, end: Int)] = []
        while reader.current.symbol != .end {
            rules.append(try reader.readRule())
        }
        return EBNFGrammar(rules: try reader.attachExamples(to: rules))
    }

    /// Gives each example to the last rule that ends before it.
    private func attachExamples(to rules: [(rule: EBNFRule, end: Int)]) throws -> [EBNFRule] {
        var result = rules.map(\.rule)
        for example in examples {
            guard let owner = rules.lastIndex(where: { $0.end < example.afterLexeme }) else {
                throw EBNFError(message: "an example before any rule", line: example.line)
            }
            result[owner].examples.append(EBNFExample(rule: result[owner].name, text: example.text, line: example.line))
        }
        return result
    }

    // MARK: - Rules

    private var current: Lexeme { lexemes[index] }

    private mutating func advance() -> Lexeme {
        defer { index = min(index + 1, lexemes.count - 1) }
        return current
    }

    private mutating func expect(_ character: Character) throws {
        guard current.symbol == .punctuation(character) else {
            throw EBNFError(message: "expected \"\(character)\", found \(current.symbol)", line: current.line)
        }
        _ = advance()
    }

    // rule = name "=" choice ";"
    private mutating func readRule() throws -> (rule: EBNFRule, end: Int) {
        let start = advance()
        guard case .name(let name) = start.symbol else {
            throw EBNFError(message: "expected a rule name, found \(start.symbol)", line: start.line)
        }
        try expect("=")
        let body = try readChoice()
        let end = index
        try expect(";")
        return (EBNFRule(name: name, body: body, line: start.line), end)
    }

    // choice = sequence { "|" sequence }
    private mutating func readChoice() throws -> EBNFExpression {
        var options = [try readSequence()]
        while current.symbol == .punctuation("|") {
            _ = advance()
            options.append(try readSequence())
        }
        return options.count == 1 ? options[0] : .choice(options)
    }

    // sequence = term { "," term }
    private mutating func readSequence() throws -> EBNFExpression {
        var parts = [try readTerm()]
        while current.symbol == .punctuation(",") {
            _ = advance()
            parts.append(try readTerm())
        }
        return parts.count == 1 ? parts[0] : .sequence(parts)
    }

    // term = factor [ "-" factor ]
    private mutating func readTerm() throws -> EBNFExpression {
        let factor = try readFactor()
        guard current.symbol == .punctuation("-") else { return factor }
        _ = advance()
        return .exception(factor, try readFactor())
    }

    // factor = name | terminal | special | "[" choice "]" | "{" choice "}" | "(" choice ")"
    private mutating func readFactor() throws -> EBNFExpression {
        let lexeme = advance()
        switch lexeme.symbol {
        case .name(let name): return .rule(name)
        case .terminal(let text): return .terminal(text)
        case .special(let text): return .special(text)
        case .punctuation("["): return .optional(try readGroup(closing: "]"))
        case .punctuation("{"): return .repetition(try readGroup(closing: "}"))
        case .punctuation("("): return try readGroup(closing: ")")
        default: throw EBNFError(message: "expected a rule name, a terminal or a bracket, found \(lexeme.symbol)", line: lexeme.line)
        }
    }

    private mutating func readGroup(closing: Character) throws -> EBNFExpression {
        let inner = try readChoice()
        try expect(closing)
        return inner
    }
}

// MARK: - Characters to lexemes

extension EBNFReader {
    private mutating func scan(_ text: [Character]) throws {
        var position = 0
        var line = 1
        while position < text.count {
            let c = text[position]
            if c == "\n" { line += 1 }
            if c.isWhitespace { position += 1; continue }
            if c == "(", position + 1 < text.count, text[position + 1] == "*" {
                try scanComment(text, &position, &line)
            } else if c == "\"" || c == "'" || c == "?" {
                let body = try scanQuoted(text, &position, line: line)
                lexemes.append(Lexeme(symbol: c == "?" ? .special(body) : .terminal(body), line: line))
            } else if c.isLetter {
                lexemes.append(Lexeme(symbol: .name(scanName(text, &position)), line: line))
            } else if "=,|;[]{}()-".contains(c) {
                lexemes.append(Lexeme(symbol: .punctuation(c), line: line))
                position += 1
            } else {
                throw EBNFError(message: "unexpected \"\(c)\"", line: line)
            }
        }
        lexemes.append(Lexeme(symbol: .end, line: line))
    }

    /// A rule name: letters, digits, `_` and single spaces between words.
    private func scanName(_ text: [Character], _ position: inout Int) -> String {
        var words: [String] = []
        var word = ""
        while position < text.count, text[position].isLetter || text[position].isNumber || text[position] == "_" || text[position] == " " {
            if text[position] == " " {
                if !word.isEmpty { words.append(word); word = "" }
            } else {
                word.append(text[position])
            }
            position += 1
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: " ")
    }

    /// The text between a quote and the same quote; ISO terminals have no escapes.
    private func scanQuoted(_ text: [Character], _ position: inout Int, line: Int) throws -> String {
        let quote = text[position]
        guard let close = text[(position + 1)...].firstIndex(of: quote) else {
            throw EBNFError(message: "unterminated \(quote)", line: line)
        }
        let body = String(text[(position + 1)..<close])
        position = close + 1
        let trimmed = body.trimmingCharacters(in: .whitespaces)
        return quote == "?" ? trimmed : body
    }

    /// Skips a comment, keeping it as an example when it starts with `e.g.`.
    private mutating func scanComment(_ text: [Character], _ position: inout Int, _ line: inout Int) throws {
        let startLine = line
        var end = position + 2
        while end + 1 < text.count, !(text[end] == "*" && text[end + 1] == ")") { end += 1 }
        guard end + 1 < text.count else { throw EBNFError(message: "unterminated comment", line: startLine) }
        let body = String(text[(position + 2)..<end]).trimmingCharacters(in: .whitespacesAndNewlines)
        line += text[position..<end].filter { $0 == "\n" }.count
        position = end + 2
        if body.hasPrefix("e.g.") {
            let example = body.dropFirst(4).trimmingCharacters(in: .whitespaces)
            examples.append((lexemes.count, example.replacingOccurrences(of: "⏎", with: "\n"), startLine))
        }
    }
}
