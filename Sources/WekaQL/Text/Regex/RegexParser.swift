// Parses a `matches` pattern into a ``RegexNode``: the syntax of RE2 and Go's regexp, less what needs
// backtracking (backreferences, lookaround, atomic groups, possessive quantifiers), which is refused
// with a placed error so that matching stays linear in the length of the text.

struct RegexParser {
    /// Groups nested deeper than this are refused (the parser and compiler recurse per level).
    static let maximumDepth = 200
    /// The largest count in `{m,n}`, as in RE2.
    static let maximumRepeat = 1_000

    private struct Flags {
        var ignoresCase = false, multiline = false, dotAll = false
    }

    private let scalars: [Unicode.Scalar]
    /// The UTF-8 offset of each scalar, and of the end.
    private let offsets: [Int]
    private var position = 0
    private var flags = Flags()
    private var depth = 0
    private(set) var captureCount = 0

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
        var offsets = [0]
        offsets.reserveCapacity(scalars.count + 1)
        for s in scalars { offsets.append(offsets[offsets.count - 1] + UTF8.width(s)) }
        self.offsets = offsets
    }

    /// The whole pattern as a tree.
    mutating func parse() throws(RegexSyntaxError) -> RegexNode {
        let node = try alternation()
        if position < scalars.count {   // only a `)` stops an alternation early
            throw failure("unmatched \")\"", hint: "remove it, or write \\) for a literal parenthesis", at: position)
        }
        return node
    }

    // alternation -> concatenation ("|" concatenation)*
    private mutating func alternation() throws(RegexSyntaxError) -> RegexNode {
        var branches = [try concatenation()]
        while peek == "|" {
            position += 1
            branches.append(try concatenation())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    // concatenation -> (atom quantifier?)*
    private mutating func concatenation() throws(RegexSyntaxError) -> RegexNode {
        var items: [RegexNode] = []
        while let s = peek, s != "|", s != ")" {
            let start = position
            guard var atom = try atom() else { continue }
            atom = try quantified(atom, atomStart: start)
            items.append(atom)
        }
        return items.count == 1 ? items[0] : (items.isEmpty ? .empty : .concatenation(items))
    }

    // atom -> "(" group ")" | "[" class "]" | "." | "^" | "$" | "\" escape | scalar
    /// `nil` for a flag group such as `(?i)`, which changes the flags and matches nothing.
    private mutating func atom() throws(RegexSyntaxError) -> RegexNode? {
        let start = position
        let s = scalars[position]
        let countsRepetition = s == "{" && repetitionBounds() != nil
        position += 1
        switch s {
        case "(": return try group(openedAt: start)
        case "[": return .set(try characterClass(openedAt: start))
        case ".": return .any(dotAll: flags.dotAll)
        case "^": return .assertion(flags.multiline ? .lineStart : .textStart)
        case "$": return .assertion(flags.multiline ? .lineEnd : .textEnd)
        case "\\": return try escape(startingAt: start)
        case "*", "+", "?":
            throw failure("\"\(s)\" has nothing to repeat", hint: "put it after what it repeats, or write \\\(s) for the character", at: start)
        case "{" where countsRepetition:
            throw failure("\"{\" has nothing to repeat", hint: "put the count after what it repeats, or write \\{ for the character", at: start)
        default: return literal(s)
        }
    }

    private func literal(_ s: Unicode.Scalar) -> RegexNode {
        guard flags.ignoresCase else { return .scalar(s) }
        let variants = CaseVariants.of(s)
        if variants.count == 1 { return .scalar(s) }
        var set = ScalarSet()
        for v in variants { set.insert(v.value...v.value) }
        set.finish()
        return .set(set)
    }

    // group -> "?:" alternation | "?" flags (":" alternation)? | ("?<" name ">" | "?P<" name ">")? alternation
    private mutating func group(openedAt start: Int) throws(RegexSyntaxError) -> RegexNode? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw failure("groups nested more than \(Self.maximumDepth) deep", hint: "simplify the pattern", at: start)
        }
        var capture: Int?
        let saved = flags
        if peek == "?" {
            position += 1
            switch peek {
            case ":": position += 1
            case "=", "!": throw unsupported("lookahead", at: start, through: position + 1)
            case "<" where lookingAt("<=") || lookingAt("<!"): throw unsupported("lookbehind", at: start, through: position + 2)
            case ">": throw unsupported("atomic groups", at: start, through: position + 1)
            case "<", "P", "'":
                try skipGroupName(groupStart: start)
                captureCount += 1
                capture = captureCount
            default:
                if try flagGroup(groupStart: start) { return nil }   // `(?i)`: flags for the rest of the enclosing group
            }
        } else {
            captureCount += 1
            capture = captureCount
        }
        let body = try alternation()
        guard peek == ")" else {
            throw failure("\"(\" is not closed", hint: "add \")\" where the group ends, or write \\( for a literal parenthesis", at: start)
        }
        position += 1
        flags = saved
        return .group(body, capture: capture)
    }

    /// Reads `<name>`, `P<name>` or `'name'` after `(?`.
    private mutating func skipGroupName(groupStart: Int) throws(RegexSyntaxError) {
        if peek == "P" { position += 1 }
        let close: Unicode.Scalar = peek == "'" ? "'" : ">"
        guard peek == "<" || peek == "'" else { throw failure("unknown group \"(?P\"", hint: "a named group is written (?<name>…)", at: groupStart) }
        position += 1
        let nameStart = position
        while let s = peek, s != close {
            guard s.properties.isAlphabetic || s.properties.numericType != nil || s == "_" else {
                throw failure("a group name has letters, digits and \"_\" only", hint: "a named group is written (?<name>…)", at: position)
            }
            position += 1
        }
        guard peek == close, position > nameStart else {
            throw failure("the group name is not closed", hint: "a named group is written (?<name>…)", at: groupStart)
        }
        position += 1
    }

    /// Reads flags after `(?`: `i` (ignore case), `m` (`^ $` at line ends), `s` (`.` matches `\n`), `-` to
    /// clear. Returns whether the group ended there (`(?i)`); otherwise it was `(?i:` and a body follows.
    private mutating func flagGroup(groupStart: Int) throws(RegexSyntaxError) -> Bool {
        var on = true, any = false
        while let s = peek {
            position += 1
            switch s {
            case "i": flags.ignoresCase = on; any = true
            case "m": flags.multiline = on; any = true
            case "s": flags.dotAll = on; any = true
            case "-" where on: on = false
            case ")" where any: return true
            case ":" where any: return false
            default:
                throw failure("unknown group or flag \"(?\(String(s))\"",
                              hint: "groups are (…), (?:…) and (?<name>…); flags are (?i), (?m), (?s), (?-i), (?i:…)", at: groupStart)
            }
        }
        throw failure("\"(\" is not closed", hint: "add \")\" where the group ends", at: groupStart)
    }

    // quantifier -> ("*" | "+" | "?" | "{" m ("," n?)? "}") "?"?
    private mutating func quantified(_ atom: RegexNode, atomStart: Int) throws(RegexSyntaxError) -> RegexNode {
        let start = position
        var bounds: (Int, Int?)
        switch peek {
        case "*": bounds = (0, nil); position += 1
        case "+": bounds = (1, nil); position += 1
        case "?": bounds = (0, 1); position += 1
        case "{":
            guard let (m, n, length) = repetitionBounds() else { return atom }
            guard m <= Self.maximumRepeat, (n ?? 0) <= Self.maximumRepeat else {
                throw failure("a repetition count above \(Self.maximumRepeat)", hint: "the most {m,n} allows is \(Self.maximumRepeat)", at: start, length: length)
            }
            guard n.map({ $0 >= m }) ?? true else {
                throw failure("{\(m),\(n!)}: the upper count is below the lower one", hint: "write the smaller count first", at: start, length: length)
            }
            bounds = (m, n)
            position += length
        default: return atom
        }
        var lazy = false
        if peek == "?" { lazy = true; position += 1 }
        else if peek == "+" { throw unsupported("possessive quantifiers", at: start, through: position + 1) }
        if let s = peek, s == "*" || s == "+" || s == "?" || (s == "{" && repetitionBounds() != nil) {
            throw failure("a repetition of a repetition", hint: "put the inner one in a group: (a*)*", at: position)
        }
        if case .assertion = atom { return atom }   // repeating an empty-width test changes nothing
        return .repetition(atom, min: bounds.0, max: bounds.1, lazy: lazy)
    }

    /// `{m}`, `{m,}`, `{m,n}` or `{,n}` at the position: the bounds and its length; `nil` if a `{` is a literal.
    private func repetitionBounds() -> (Int, Int?, Int)? {
        var i = position + 1
        func number() -> Int? {
            var value: Int?
            while i < scalars.count, scalars[i].value &- 0x30 < 10 {
                value = min((value ?? 0) * 10 + Int(scalars[i].value - 0x30), 100_000)
                i += 1
            }
            return value
        }
        guard position < scalars.count, scalars[position] == "{" else { return nil }
        let low = number()
        var high: Int? = low
        if i < scalars.count, scalars[i] == "," {
            i += 1
            high = number()
            if low == nil && high == nil { return nil }
        } else if low == nil {
            return nil
        }
        guard i < scalars.count, scalars[i] == "}" else { return nil }
        return (low ?? 0, high, i + 1 - position)
    }

    // class -> "^"? "]"? item* "]";  item -> (scalar | escape) ("-" (scalar | escape))?
    private mutating func characterClass(openedAt start: Int) throws(RegexSyntaxError) -> ScalarSet {
        var set = ScalarSet()
        set.ignoresCase = flags.ignoresCase
        if peek == "^" { set.negated = true; position += 1 }
        var first = true
        while let s = peek, s != "]" || first {
            first = false
            let itemStart = position
            if lookingAt("[:") { throw unsupported("POSIX classes such as [:alpha:]", at: itemStart, through: itemStart + 2, hint: "use \\d, \\w, \\s or a range such as [a-zA-Z]") }
            if lookingAt("&&") { throw unsupported("class intersections (&&)", at: itemStart, through: itemStart + 2, hint: "write the class out in full") }
            let low = try classMember()
            guard case .scalar(let lo) = low else {
                if case .named(let named, let negated) = low { set.insert(named, negated: negated) }
                continue
            }
            if peek == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                position += 1
                guard case .scalar(let hi) = try classMember() else {
                    throw failure("a range must end at a character", hint: "write \\- for a literal \"-\"", at: itemStart, length: position - itemStart)
                }
                guard lo.value <= hi.value else {
                    throw failure("the range \(String(lo))-\(String(hi)) is backwards", hint: "write the smaller end first: \(String(hi))-\(String(lo))", at: itemStart, length: position - itemStart)
                }
                set.insert(lo.value...hi.value)
            } else {
                set.insert(lo.value...lo.value)
            }
        }
        guard peek == "]" else {
            throw failure("\"[\" is not closed", hint: "add \"]\" where the class ends, or write \\[ for a literal bracket", at: start)
        }
        position += 1
        set.finish()
        return set
    }

    private enum ClassMember { case scalar(Unicode.Scalar), named(ScalarSet.Named, Bool) }

    private mutating func classMember() throws(RegexSyntaxError) -> ClassMember {
        let start = position
        let s = scalars[position]
        position += 1
        guard s == "\\" else { return .scalar(s) }
        switch try escape(startingAt: start, inClass: true) {
        case .scalar(let c): return .scalar(c)
        case .set(let set): return .named(set.named[0].0, set.named[0].negated)
        default: preconditionFailure("a class escape is a scalar or a named class")
        }
    }

    // escape -> "\" (d|D|w|W|s|S|b|B|A|z|n|t|r|f|v|a|e|0|x hex|x{hex}|u hex4|u{hex}|punctuation)
    private mutating func escape(startingAt start: Int, inClass: Bool = false) throws(RegexSyntaxError) -> RegexNode {
        guard let s = peek else {
            throw failure("the pattern ends with \"\\\"", hint: "write \\\\ for a literal backslash", at: start)
        }
        position += 1
        switch s {
        case "d", "D": return .set(ScalarSet(.digit, negated: s == "D"))
        case "w", "W": return .set(ScalarSet(.word, negated: s == "W"))
        case "s", "S": return .set(ScalarSet(.space, negated: s == "S"))
        case "n": return .scalar("\n")
        case "t": return .scalar("\t")
        case "r": return .scalar("\r")
        case "f": return .scalar("\u{0C}")
        case "v": return .scalar("\u{0B}")
        case "a": return .scalar("\u{07}")
        case "e": return .scalar("\u{1B}")
        case "0": return .scalar("\u{0}")
        case "x", "u": return .scalar(try hexScalar(escapeStart: start, fixed: s == "x" ? 2 : 4))
        case "b" where !inClass: return .assertion(.wordBoundary)
        case "B" where !inClass: return .assertion(.notWordBoundary)
        case "A" where !inClass: return .assertion(.textStart)
        case "z" where !inClass: return .assertion(.textEnd)
        case "1"..."9", "k", "g": throw unsupported("backreferences", at: start, through: position)
        case "p", "P": throw unsupported("Unicode property classes (\\p{…})", at: start, through: position, hint: "use \\d, \\w, \\s or a range such as [a-zA-Z]")
        default:
            if s.value < 0x80 && !(s.properties.isAlphabetic || s.properties.numericType != nil) { return inClass ? .scalar(s) : literal(s) }
            throw failure("unknown escape \"\\\(String(s))\"",
                          hint: "escapes are \\d \\w \\s \\D \\W \\S \\b \\B \\A \\z \\n \\t \\r \\xHH \\u{…}, or \\ before punctuation",
                          at: start, length: position - start)
        }
    }

    /// The scalar of `\xHH`, `\uHHHH`, `\x{…}` or `\u{…}`.
    private mutating func hexScalar(escapeStart: Int, fixed: Int) throws(RegexSyntaxError) -> Unicode.Scalar {
        let braced = peek == "{"
        if braced { position += 1 }
        var value: UInt32 = 0, digits = 0
        while let s = peek, let d = Self.hexDigit(s) {
            if !braced && digits == fixed { break }
            value = value > 0x10FFFF ? value : value * 16 + d
            digits += 1
            position += 1
        }
        let closed = !braced || peek == "}"
        if braced && closed { position += 1 }
        guard closed, digits > 0, braced || digits == fixed, let scalar = Unicode.Scalar(value) else {
            throw failure("a bad hexadecimal escape", hint: "write \\x41, \\u00E9 or \\u{1F600}", at: escapeStart, length: position - escapeStart)
        }
        return scalar
    }

    private static func hexDigit(_ s: Unicode.Scalar) -> UInt32? {
        switch s.value {
        case 0x30...0x39: return s.value - 0x30
        case 0x41...0x46, 0x61...0x66: return (s.value | 0x20) - 0x61 + 10
        default: return nil
        }
    }

    // MARK: - Helpers

    private var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private func lookingAt(_ text: String) -> Bool {
        var i = position
        for s in text.unicodeScalars {
            guard i < scalars.count, scalars[i] == s else { return false }
            i += 1
        }
        return true
    }

    /// An error at the scalar `scalar`, covering `length` scalars.
    private func failure(_ problem: String, hint: String, at scalar: Int, length: Int = 1) -> RegexSyntaxError {
        let start = min(scalar, scalars.count), end = min(scalar + length, scalars.count)
        return RegexSyntaxError(kind: .invalid, problem: problem, hint: hint, offset: offsets[start], length: offsets[end] - offsets[start])
    }

    private func unsupported(_ feature: String, at scalar: Int, through end: Int,
                             hint: String = "matching is linear-time, so what needs backtracking is left out (README.md, \"Regular expressions\"); combine conditions instead: x matches \"a\" and not (x matches \"b\")") -> RegexSyntaxError {
        let end = min(end, scalars.count)
        return RegexSyntaxError(kind: .unsupported, problem: "\(feature): not supported", hint: hint,
                                offset: offsets[scalar], length: offsets[end] - offsets[scalar])
    }
}
