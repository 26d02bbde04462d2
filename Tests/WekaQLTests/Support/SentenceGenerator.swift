// Random programs and tokens generated from the grammar; seeded, so that a failure can be replayed.

/// SplitMix64: the same numbers for the same seed on every platform and run.
struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
}

/// A token of a generated program, and what made it: the line-break rules depend on it.
struct GeneratedToken: Sendable {
    enum Kind: Sendable { case keyword, symbol, token, lineBreak }
    var text: String
    var kind: Kind
}

/// The characters that `? … ?` sequences of the grammar stand for, found by a phrase of their text.
enum SpecialSamples {
    static let table: [(phrase: String, samples: [String])] = [
        ("Alphabetic", ["a", "z", "A", "Z", "é", "ß", "ж", "日"]),
        ("numeric type", ["²", "٣", "Ⅻ"]),
        ("combining mark", ["\u{301}", "\u{308}", "\u{327}"]),
        ("any character", ["a", "Z", "0", " ", "#", "$", "'", "`", "\"", "\\", "\n", "\t", "é", "日", "🙂", "{", "}", "(", "*", ")", ";", "|"]),
        ("ASCII letter", ["a", "m", "z", "A", "Q", "Z"]),
        ("hex digits", ["0", "41", "e9", "F4", "D7FF", "E000", "1F642", "10FFFF", "00000041"]),
        ("line feed", ["\n"]),
        ("a tab", ["\t", "\r", "\u{0C}"]),
    ]

    static func samples(for text: String) throws -> [String] {
        let found = table.filter { text.contains($0.phrase) }
        guard found.count == 1 else {
            throw EBNFError(message: "no one sample set for \"? \(text) ?\"; add one to SpecialSamples", line: 0)
        }
        return found[0].samples
    }
}

/// Expands grammar rules at random, depth-bounded: past `maxDepth` it takes the shortest way out.
struct SentenceGenerator {
    let grammar: EBNFGrammar
    /// Texts used for a rule instead of expanding it, with probability `overrideChance`: real
    /// collection, field and function names, so that programs read like queries.
    var overrides: [String: [String]] = [:]
    var overrideChance = 0.8
    /// Conditions that the grammar states in words, such as "a decimal is finite", by token rule.
    var tokenConditions: [String: (String) -> Bool] = [:]
    var maxDepth = 22
    /// Rules up to this depth repeat at least once: programs of several statements and stages.
    var shallowDepth = 6
    var random: SeededRandom
    private let heights: [String: Int]
    /// The strings each `- b` rules out, worked out once.
    private var exclusions: [EBNFExpression: Set<String>] = [:]

    init(grammar: EBNFGrammar, seed: UInt64, overrides: [String: [String]] = [:]) {
        self.grammar = grammar
        self.random = SeededRandom(seed: seed)
        self.overrides = overrides
        self.heights = Self.heights(of: grammar)
    }

    /// The tokens of a program generated from rule `start`.
    mutating func pieces(of start: String) throws -> [GeneratedToken] { try pieces(.rule(start), depth: 0, in: start) }

    /// A string generated from a token rule, with no overrides.
    mutating func characters(of rule: String) throws -> String { try characters(.rule(rule), depth: 0) }

    // MARK: - Tokens of the syntax

    /// The tokens for `expression`, a part of the body of `rule`.
    private mutating func pieces(_ expression: EBNFExpression, depth: Int, in rule: String) throws -> [GeneratedToken] {
        switch expression {
        case .terminal(let text): return [keywordOrSymbol(text)]
        case .rule(let name): return try expand(name, depth: depth)
        case .special(let text): throw EBNFError(message: "\"? \(text) ?\" outside a token rule", line: 0)
        case .optional(let inner): return depth < maxDepth && random.chance(0.5) ? try pieces(inner, depth: depth, in: rule) : []
        case .repetition(let inner):
            var result: [GeneratedToken] = []
            for _ in 0..<repeatCount(depth) { result += try pieces(inner, depth: depth, in: rule) }
            return result
        case .sequence(let parts):
            var result: [GeneratedToken] = []
            for part in parts { result += try pieces(part, depth: depth, in: rule) }
            return result
        case .choice(let options): return try pieces(choose(options, depth: depth, in: rule), depth: depth, in: rule)
        case .exception(let allowed, let excluded):
            let ruledOut = try exclusion(excluded)
            for _ in 0..<100 {
                let result = try pieces(allowed, depth: depth, in: rule)
                if !ruledOut.contains(result.map(\.text).joined(separator: " ").lowercased()) { return result }
            }
            throw EBNFError(message: "cannot generate \(allowed) that is not \(excluded)", line: 0)
        }
    }

    private mutating func expand(_ name: String, depth: Int) throws -> [GeneratedToken] {
        if let texts = overrides[name], random.chance(overrideChance) {
            return [GeneratedToken(text: random.pick(texts), kind: .token)]
        }
        guard let rule = grammar[name] else { throw EBNFError(message: "no rule \"\(name)\"", line: 0) }
        guard EBNFGrammar.isTokenRule(name) else { return try pieces(rule.body, depth: depth + 1, in: name) }
        var text = try characters(rule.body, depth: depth + 1)
        var tries = 0
        while tokenConditions[name]?(text) == false, tries < 100 {
            text = try characters(rule.body, depth: depth + 1)
            tries += 1
        }
        return [GeneratedToken(text: text, kind: text == "\n" ? .lineBreak : .token)]
    }

    /// A keyword now and then in capitals, since keywords match in any case.
    private mutating func keywordOrSymbol(_ text: String) -> GeneratedToken {
        guard text.allSatisfy(\.isLetter) else { return GeneratedToken(text: text, kind: .symbol) }
        return GeneratedToken(text: random.chance(0.1) ? text.uppercased() : text, kind: .keyword)
    }

    // MARK: - Characters of a token

    private mutating func characters(_ expression: EBNFExpression, depth: Int) throws -> String {
        switch expression {
        case .terminal(let text): return text
        case .special(let text): return random.pick(try SpecialSamples.samples(for: text))
        case .rule(let name):
            guard let rule = grammar[name] else { throw EBNFError(message: "no rule \"\(name)\"", line: 0) }
            return try characters(rule.body, depth: depth + 1)
        case .optional(let inner): return depth < maxDepth && random.chance(0.5) ? try characters(inner, depth: depth) : ""
        case .repetition(let inner):
            var result = ""
            // Twice the rolls of the syntax: tokens such as strings want a few more characters.
            for _ in 0..<repeatCount(depth) + repeatCount(depth) { result += try characters(inner, depth: depth) }
            return result
        case .sequence(let parts):
            var result = ""
            for part in parts { result += try characters(part, depth: depth) }
            return result
        case .choice(let options): return try characters(choose(options, depth: depth, in: ""), depth: depth)
        case .exception(let allowed, let excluded):
            let ruledOut = try exclusion(excluded)
            for _ in 0..<100 {
                let result = try characters(allowed, depth: depth)
                if !ruledOut.contains(result.lowercased()) { return result }
            }
            throw EBNFError(message: "cannot generate \(allowed) that is not \(excluded)", line: 0)
        }
    }

    /// The exceptions of the grammar rule out single tokens or characters, so no separator is needed.
    private mutating func exclusion(_ excluded: EBNFExpression) throws -> Set<String> {
        if let known = exclusions[excluded] { return known }
        let strings = try grammar.language(of: excluded, special: SpecialSamples.samples)
        exclusions[excluded] = strings
        return strings
    }

    // MARK: - Choices

    /// Near the top (statements, stages, select items) one to three; deeper mostly none, since
    /// repetitions at every level of an expression make huge programs.
    private mutating func repeatCount(_ depth: Int) -> Int {
        guard depth < maxDepth else { return 0 }
        if depth < shallowDepth { return Int.random(in: 1...3, using: &random) }
        let roll = Int.random(in: 0..<10, using: &random)
        return roll < 6 ? 0 : (roll < 9 ? 1 : 2)
    }

    /// Past `maxDepth` the shortest way out; before it, an option that recurses into `rule` itself
    /// (`not not …`, `- - …`) a quarter as often as the others.
    private mutating func choose(_ options: [EBNFExpression], depth: Int, in rule: String) -> EBNFExpression {
        guard depth < maxDepth else {
            let shortest = options.map { Self.height(of: $0, heights) ?? Int.max }.min()
            return random.pick(options.filter { Self.height(of: $0, heights) ?? Int.max == shortest })
        }
        let weighted = options.flatMap { option in
            Array(repeating: option, count: EBNFGrammar.references(in: option).contains(rule) ? 1 : 4)
        }
        return random.pick(weighted)
    }

    /// The fewest rule expansions each rule needs to finish, found by iterating to a fixed point.
    private static func heights(of grammar: EBNFGrammar) -> [String: Int] {
        var heights: [String: Int] = [:]
        var changed = true
        while changed {
            changed = false
            for rule in grammar.rules {
                if let h = height(of: rule.body, heights), h + 1 < heights[rule.name] ?? Int.max {
                    heights[rule.name] = h + 1
                    changed = true
                }
            }
        }
        return heights
    }

    private static func height(of expression: EBNFExpression, _ heights: [String: Int]) -> Int? {
        switch expression {
        case .terminal, .special, .optional, .repetition: return 0
        case .rule(let name): return heights[name]
        case .sequence(let parts):
            let each = parts.map { height(of: $0, heights) }
            return each.contains { $0 == nil } ? nil : each.compactMap { $0 }.max()
        case .choice(let options): return options.compactMap { height(of: $0, heights) }.min()
        case .exception(let allowed, _): return height(of: allowed, heights)
        }
    }
}
