// Character classes: `[a-z]`, `[^…]`, `\d \w \s` and their negations, optionally ignoring case.

/// The scalars a class matches: ranges and named classes, then negation; case variants when ignoring case.
struct ScalarSet: Sendable {
    /// `\d`, `\w`, `\s` (Unicode-aware: any decimal digit, letter or mark, white space).
    enum Named: Sendable {
        case digit, word, space

        func contains(_ s: Unicode.Scalar) -> Bool {
            let v = s.value
            switch self {
            case .digit:
                if v < 0x80 { return v &- 0x30 < 10 }
                return s.properties.generalCategory == .decimalNumber
            case .word:
                if v < 0x80 { return v &- 0x30 < 10 || (v | 0x20) &- 0x61 < 26 || v == 0x5F }
                switch s.properties.generalCategory {
                case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark, .connectorPunctuation: return true
                default: return s.properties.isAlphabetic
                }
            case .space:
                if v < 0x80 { return v == 0x20 || v &- 0x09 < 5 }
                return s.properties.isWhitespace
            }
        }
    }

    private(set) var ranges: [ClosedRange<UInt32>] = []
    private(set) var named: [(Named, negated: Bool)] = []
    var negated = false
    var ignoresCase = false
    /// The answer for each ASCII scalar, worked out once: bit `v` of `ascii.0` (v < 64) or `ascii.1`.
    private var ascii: (UInt64, UInt64) = (0, 0)

    init() {}

    /// One named class, such as `\d` or `\W`.
    init(_ named: Named, negated: Bool) {
        self.named = [(named, negated)]
        finish()
    }

    mutating func insert(_ range: ClosedRange<UInt32>) { ranges.append(range) }
    mutating func insert(_ class: Named, negated: Bool) { named.append((`class`, negated)) }

    /// Call after the last insertion: fills the ASCII table.
    mutating func finish() {
        ascii = (0, 0)
        for v in 0..<UInt32(128) where slowContains(Unicode.Scalar(v)!) {
            if v < 64 { ascii.0 |= 1 << UInt64(v) } else { ascii.1 |= 1 << UInt64(v - 64) }
        }
    }

    @inline(__always)
    func contains(_ v: UInt32) -> Bool {
        if v < 64 { return ascii.0 & (1 << UInt64(v)) != 0 }
        if v < 128 { return ascii.1 & (1 << UInt64(v - 64)) != 0 }
        return slowContains(Unicode.Scalar(v) ?? "\u{FFFD}")
    }

    private func slowContains(_ s: Unicode.Scalar) -> Bool {
        // Ignoring case, the class is closed under case first, then negated: `(?i)[^a]` refuses "A" too.
        var inside = test(s)
        if !inside && ignoresCase { inside = CaseVariants.of(s).contains { $0 != s && test($0) } }
        return inside != negated
    }

    private func test(_ s: Unicode.Scalar) -> Bool {
        for range in ranges where range.contains(s.value) { return true }
        for (named, negated) in named where named.contains(s) != negated { return true }
        return false
    }
}

/// A scalar's simple case variants: itself, its lower and upper case (when each is one scalar).
enum CaseVariants {
    static func of(_ s: Unicode.Scalar) -> [Unicode.Scalar] {
        if s.value < 0x80 {
            let v = s.value
            if (v | 0x20) &- 0x61 < 26 { return [Unicode.Scalar(v | 0x20)!, Unicode.Scalar(v & ~0x20)!] }
            return [s]
        }
        var variants = [s]
        for mapped in [s.properties.lowercaseMapping, s.properties.uppercaseMapping, s.properties.titlecaseMapping] {
            let scalars = mapped.unicodeScalars
            if scalars.count == 1, let m = scalars.first, !variants.contains(m) { variants.append(m) }
        }
        return variants
    }
}
