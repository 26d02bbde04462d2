// Joins generated tokens into text, breaking lines only where section 5 of the grammar says a statement goes on.

/// The grammar's line-break rules, read from its `continues after`, `ends a line` and `continues before` rules.
///
/// Joining with line breaks where these allow them, and then parsing, checks `Layout` against the
/// grammar's prose: a break the grammar allows but `Layout` takes as a statement end fails the parse.
struct LineBreaks {
    let after: Set<String>
    /// Pairs such as `select *`, after which a line may end.
    let endings: Set<String>
    let before: Set<String>
    /// How often a place that may take a line break gets one.
    var breakChance = 0.15

    init(grammar: EBNFGrammar) throws {
        after = try grammar.language(ofRule: "continues after")
        endings = try grammar.language(ofRule: "ends a line")
        before = try grammar.language(ofRule: "continues before")
    }

    func join(_ pieces: [GeneratedToken], random: inout SeededRandom) -> String {
        var text = ""
        var depth = 0
        for (index, piece) in pieces.enumerated() {
            if index > 0 {
                let ending = index > 1 && endings.contains("\(key(pieces[index - 2]) ?? "") \(key(pieces[index - 1]) ?? "")")
                text += gap(between: pieces[index - 1], and: piece, depth: depth, ending: ending, random: &random)
            }
            text += piece.text
            if piece.kind == .symbol, piece.text == "(" { depth += 1 }
            if piece.kind == .symbol, piece.text == ")" { depth -= 1 }
        }
        return text
    }

    /// A space, or a line break (sometimes after a comment) where the statement must go on.
    /// `ending`: the last two tokens are a pair of `ends a line`.
    private func gap(between previous: GeneratedToken, and next: GeneratedToken, depth: Int, ending: Bool, random: inout SeededRandom) -> String {
        if next.kind == .lineBreak { return random.chance(0.2) ? " # end of a statement" : "" }
        if previous.kind == .lineBreak { return random.chance(0.2) ? "\n" : "" }
        let goesOn = !ending && key(previous).map(after.contains) == true
        let mayBreak = depth > 0 || goesOn || key(next).map(before.contains) == true
        guard mayBreak, random.chance(breakChance) else { return " " }
        return (random.chance(0.3) ? " # goes on" : "") + "\n  "
    }

    /// Keywords and symbols as the grammar's rules list them; names and literals never continue a line.
    private func key(_ piece: GeneratedToken) -> String? {
        switch piece.kind {
        case .keyword: return piece.text.lowercased()
        case .symbol: return piece.text
        case .token, .lineBreak: return nil
        }
    }
}
