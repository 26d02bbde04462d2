// A pattern compiled to instructions for the Pike VM (Thompson's construction, as in RE2 and Go's regexp).

/// One step of a compiled pattern.
enum RegexInstruction: Sendable {
    /// Consume this scalar.
    case scalar(UInt32)
    /// Consume any scalar but `\n`.
    case anyButNewline
    /// Consume any scalar.
    case any
    /// Consume a scalar of `sets[index]`.
    case set(Int)
    /// Go on at both, preferring the first (the order matters only for captures).
    case split(Int, Int)
    case jump(Int)
    /// Record the position in capture slot `n` (group g starts at slot 2g, ends at 2g + 1).
    case save(Int)
    case assert(RegexAssertion)
    case match
}

/// A compiled pattern: immutable, so one program serves every task that runs the query.
struct RegexProgram: Sendable {
    /// The most instructions a pattern may compile to: matching costs at most this much per scalar of text.
    static let maximumSize = 20_000

    private(set) var instructions: [RegexInstruction] = []
    private(set) var sets: [ScalarSet] = []
    /// The number of capture groups, not counting the whole match (group 0).
    let captureCount: Int
    /// Whether a match can only start at the beginning of the text (the pattern starts with `^` or `\A`).
    let anchoredAtStart: Bool
    /// The first UTF-8 byte of every match, when the pattern starts with one fixed scalar: the matcher
    /// skips to it with `memchr`.
    let firstByte: UInt8?

    /// Parses and compiles `pattern`.
    init(_ pattern: String) throws(RegexSyntaxError) {
        var parser = RegexParser(pattern)
        let node = try parser.parse()
        captureCount = parser.captureCount
        anchoredAtStart = Self.startsAnchored(node)
        firstByte = Self.firstScalar(node).flatMap { String($0).utf8.first }
        try emit(.save(0))
        try compile(node)
        try emit(.save(1))
        try emit(.match)
    }

    private mutating func emit(_ instruction: RegexInstruction) throws(RegexSyntaxError) {
        guard instructions.count < Self.maximumSize else {
            throw RegexSyntaxError(kind: .invalid, problem: "the pattern is too large once its repetitions are written out",
                                   hint: "use smaller counts in {m,n} (it must compile to at most \(Self.maximumSize) steps)",
                                   offset: 0, length: 0)
        }
        instructions.append(instruction)
    }

    private var next: Int { instructions.count }

    private mutating func compile(_ node: RegexNode) throws(RegexSyntaxError) {
        switch node {
        case .empty: break
        case .scalar(let s): try emit(.scalar(s.value))
        case .any(let dotAll): try emit(dotAll ? .any : .anyButNewline)
        case .set(let set):
            sets.append(set)
            try emit(.set(sets.count - 1))
        case .assertion(let assertion): try emit(.assert(assertion))
        case .concatenation(let items):
            for item in items { try compile(item) }
        case .group(let body, let capture):
            if let capture { try emit(.save(2 * capture)) }
            try compile(body)
            if let capture { try emit(.save(2 * capture + 1)) }
        case .alternation(let branches):
            // split L1, next; L1: a; jump end; next: split L2, … ; last branch falls through.
            var jumps: [Int] = []
            for (index, branch) in branches.enumerated() {
                if index < branches.count - 1 {
                    let split = next
                    try emit(.split(split + 1, -1))
                    try compile(branch)
                    jumps.append(next)
                    try emit(.jump(-1))
                    instructions[split] = .split(split + 1, next)
                } else {
                    try compile(branch)
                }
            }
            for jump in jumps { instructions[jump] = .jump(next) }
        case .repetition(let body, let min, let max, let lazy):
            try repetition(body, min: min, max: max, lazy: lazy)
        }
    }

    /// `x{m,n}` as m copies of x, then n - m optional copies (or a loop when there is no upper bound).
    private mutating func repetition(_ body: RegexNode, min: Int, max: Int?, lazy: Bool) throws(RegexSyntaxError) {
        for _ in 0..<min { try compile(body) }
        func split(_ a: Int, _ b: Int) -> RegexInstruction { lazy ? .split(b, a) : .split(a, b) }
        guard let max else {
            // loop: split body, end; body; jump loop
            let loop = next
            try emit(.split(-1, -1))
            try compile(body)
            try emit(.jump(loop))
            instructions[loop] = split(loop + 1, next)
            return
        }
        var splits: [Int] = []
        for _ in min..<max {
            splits.append(next)
            try emit(.split(-1, -1))
            try compile(body)
        }
        for s in splits { instructions[s] = split(s + 1, next) }
    }

    private static func startsAnchored(_ node: RegexNode) -> Bool {
        switch node {
        case .assertion(.textStart): return true
        case .concatenation(let items): return items.first.map(startsAnchored) ?? false
        case .group(let body, _): return startsAnchored(body)
        case .alternation(let branches): return branches.allSatisfy(startsAnchored)
        default: return false
        }
    }

    /// The scalar every match starts with, if the pattern fixes one.
    private static func firstScalar(_ node: RegexNode) -> Unicode.Scalar? {
        switch node {
        case .scalar(let s): return s
        case .concatenation(let items): return items.first.flatMap(firstScalar)
        case .group(let body, _): return firstScalar(body)
        case .repetition(let body, let min, _, _) where min > 0: return firstScalar(body)
        default: return nil
        }
    }
}
