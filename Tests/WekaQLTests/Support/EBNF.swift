// The grammar of Grammar/wekaql.ebnf as data: its rules, their examples, and questions the tests ask of them.

import Foundation
import Testing

/// The right-hand side of an ISO 14977 rule.
indirect enum EBNFExpression: Hashable, Sendable {
    /// `"where"`, `"("`: a keyword or a symbol in the syntax, characters in a token rule.
    case terminal(String)
    /// A reference to another rule by name.
    case rule(String)
    /// `? any character ?`: a set of characters described in words.
    case special(String)
    /// `[ x ]`
    case optional(EBNFExpression)
    /// `{ x }`
    case repetition(EBNFExpression)
    /// `a , b`
    case sequence([EBNFExpression])
    /// `a | b`
    case choice([EBNFExpression])
    /// `a - b`: an `a` that is not a `b`.
    case exception(EBNFExpression, EBNFExpression)
}

/// An `(* e.g. … *)` comment: a whole program, with `⏎` standing for a line break.
struct EBNFExample: Sendable, CustomTestStringConvertible {
    var rule: String
    var text: String
    var line: Int
    var testDescription: String { "wekaql.ebnf:\(line) (\(rule)): \(text.replacingOccurrences(of: "\n", with: " ⏎ "))" }
}

/// One rule, where it is written, and the examples that follow it.
struct EBNFRule: Sendable {
    var name: String
    var body: EBNFExpression
    var line: Int
    var examples: [EBNFExample] = []
}

struct EBNFError: Error, CustomStringConvertible {
    var message: String
    var line: Int
    var description: String { "wekaql.ebnf:\(line): \(message)" }
}

/// A grammar read from ISO 14977 EBNF. Rules named in capitals are tokens (see the file's header).
struct EBNFGrammar: Sendable {
    let rules: [EBNFRule]
    private let positions: [String: Int]

    init(rules: [EBNFRule]) {
        self.rules = rules
        positions = Dictionary(rules.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    subscript(name: String) -> EBNFRule? { positions[name].map { rules[$0] } }

    var examples: [EBNFExample] { rules.flatMap(\.examples) }

    /// Token rules are named in capitals: their parts are characters, not tokens.
    static func isTokenRule(_ name: String) -> Bool {
        name.contains { $0.isLetter } && name == name.uppercased()
    }

    static func load(from url: URL) throws -> EBNFGrammar {
        try EBNFReader.read(String(contentsOf: url, encoding: .utf8))
    }
}

// MARK: - Questions about the rules

extension EBNFGrammar {
    /// The names of the rules that `expression` mentions directly.
    static func references(in expression: EBNFExpression) -> Set<String> {
        switch expression {
        case .terminal, .special: return []
        case .rule(let name): return [name]
        case .optional(let e), .repetition(let e): return references(in: e)
        case .sequence(let parts), .choice(let parts): return parts.reduce(into: []) { $0.formUnion(references(in: $1)) }
        case .exception(let a, let b): return references(in: a).union(references(in: b))
        }
    }

    /// `roots` and every rule reachable from them.
    func reachable(from roots: [String]) -> Set<String> {
        var seen = Set<String>()
        var pending = roots
        while let name = pending.popLast() {
            guard seen.insert(name).inserted, let rule = self[name] else { continue }
            pending += Self.references(in: rule.body)
        }
        return seen
    }

    /// The rules that describe characters: the token rules and the rules they use.
    var lexicalRules: Set<String> { reachable(from: rules.map(\.name).filter(Self.isTokenRule)) }

    /// The terminals written in `names`' own bodies.
    func terminals(inRules names: Set<String>) -> Set<String> {
        rules.filter { names.contains($0.name) }.reduce(into: []) { $0.formUnion(Self.terminals(in: $1.body)) }
    }

    static func terminals(in expression: EBNFExpression) -> Set<String> {
        switch expression {
        case .terminal(let text): return [text]
        case .rule, .special: return []
        case .optional(let e), .repetition(let e): return terminals(in: e)
        case .sequence(let parts), .choice(let parts): return parts.reduce(into: []) { $0.formUnion(terminals(in: $1)) }
        case .exception(let a, let b): return terminals(in: a).union(terminals(in: b))
        }
    }

    /// Every string of a finite rule, such as a list of keywords (lower-cased, since keywords
    /// match in any case); the parts of a sequence are joined with `separator`.
    func language(of expression: EBNFExpression, separator: String = "",
                  special: (String) throws -> [String] = { throw EBNFError(message: "\"? \($0) ?\" in a finite rule", line: 0) }) throws -> Set<String> {
        func recurse(_ e: EBNFExpression) throws -> Set<String> { try language(of: e, separator: separator, special: special) }
        switch expression {
        case .terminal(let text): return [text.lowercased()]
        case .special(let text): return Set(try special(text).map { $0.lowercased() })
        case .rule(let name):
            guard let rule = self[name] else { throw EBNFError(message: "no rule \"\(name)\"", line: 0) }
            return try recurse(rule.body)
        case .choice(let parts): return try parts.reduce(into: []) { $0.formUnion(try recurse($1)) }
        case .sequence(let parts):
            return try parts.reduce([""]) { words, part in
                let next = try recurse(part)
                return Set(words.flatMap { w in next.map { w.isEmpty || $0.isEmpty ? w + $0 : w + separator + $0 } })
            }
        case .exception(let a, let b): return try recurse(a).subtracting(try recurse(b))
        case .optional, .repetition: throw EBNFError(message: "a rule with [ ] or { } has no finite list of strings", line: 0)
        }
    }

    func language(ofRule name: String) throws -> Set<String> { try language(of: .rule(name), separator: " ") }
}
