// The parsed form of a `matches` pattern, and the parse error that points into the pattern.

/// A pattern as a tree, before it is compiled to a ``RegexProgram``.
indirect enum RegexNode: Sendable {
    case empty
    /// One scalar, matched exactly.
    case scalar(Unicode.Scalar)
    /// Any scalar but `\n`; any at all with the `s` flag.
    case any(dotAll: Bool)
    case set(ScalarSet)
    case concatenation([RegexNode])
    case alternation([RegexNode])
    /// `max` is `nil` for no upper bound.
    case repetition(RegexNode, min: Int, max: Int?, lazy: Bool)
    /// `capture` is the group's number (1 for the first `(`), `nil` for `(?:…)`.
    case group(RegexNode, capture: Int?)
    case assertion(RegexAssertion)
}

/// A test of the position between two scalars, consuming nothing.
enum RegexAssertion: Sendable {
    case textStart, textEnd, lineStart, lineEnd, wordBoundary, notWordBoundary
}

/// A pattern that cannot be compiled: what is wrong, a hint, and where in the pattern (UTF-8 offsets).
struct RegexSyntaxError: Error, Sendable {
    enum Kind: Sendable {
        /// Not a regular expression at all (`(` unclosed, `*` with nothing before it, …).
        case invalid
        /// A feature that needs backtracking (backreferences, lookaround): refused to keep matching linear.
        case unsupported
    }

    var kind: Kind
    var problem: String
    var hint: String
    /// Where the problem is: UTF-8 offsets into the pattern.
    var offset: Int
    var length: Int
}
