// How many terminal columns a text takes, as terminals (and wcwidth) count them: East Asian wide and
// fullwidth characters and emoji two, combining marks and zero-width characters none, the rest one.

extension DisplayText {
    /// The columns `text` takes on a terminal, counted per character (grapheme cluster) from its first
    /// scalar: a base letter and its combining marks is one column, an emoji sequence joined with U+200D
    /// two, a control character none (escaped text has none).
    public static func width(of text: String) -> Int {
        var ascii = true
        for byte in text.utf8 where byte >= 0x80 || byte < 0x20 || byte == 0x7F {
            ascii = false
            break
        }
        if ascii { return text.utf8.count }
        return text.reduce(0) { $0 + width(of: $1) }
    }

    /// The columns one character takes.
    static func width(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.isASCII { return first.value < 0x20 || first.value == 0x7F ? 0 : 1 }
        if isZeroWidth(first) { return 0 }
        if isWide(first) { return 2 }
        // A text-style symbol followed by VARIATION SELECTOR-16 is drawn as an emoji.
        if scalars.count > 1, scalars.contains("\u{FE0F}"), first.properties.isEmoji { return 2 }
        return 1
    }

    /// Combining marks, format characters (U+200B, U+200D, U+2060, U+FEFF …), Hangul medial and final
    /// jamo, and controls: drawn over the character before, or not at all.
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        if (0x1160...0x11FF).contains(scalar.value) || (0xD7B0...0xD7FF).contains(scalar.value) { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return scalar.value != 0x00AD
        default: return false
        }
    }

    /// East Asian Wide and Fullwidth characters (Unicode 15, UAX #11) and emoji shown as emoji.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard value >= 0x1100 else { return false }
        if scalar.properties.isEmojiPresentation { return true }
        var low = 0, high = wideRanges.count
        while low < high {
            let middle = (low + high) / 2
            if wideRanges[middle].upperBound < value { low = middle + 1 } else { high = middle }
        }
        return low < wideRanges.count && wideRanges[low].contains(value)
    }

    /// The wide ranges that are not emoji, in order (from EastAsianWidth.txt, W and F).
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5,
        0x2FF0...0x2FFF, 0x3000...0x303E, 0x3041...0x3096, 0x3099...0x30FF, 0x3105...0x312F,
        0x3131...0x318E, 0x3190...0x31E3, 0x31EF...0x321E, 0x3220...0x3247, 0x3250...0x4DBF,
        0x4E00...0xA48C, 0xA490...0xA4C6, 0xA960...0xA97C, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE10...0xFE19, 0xFE30...0xFE52, 0xFE54...0xFE66, 0xFE68...0xFE6B, 0xFF01...0xFF60,
        0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x16FF0...0x16FF1, 0x17000...0x187F7, 0x18800...0x18CD5,
        0x18D00...0x18D08, 0x1AFF0...0x1AFFE, 0x1B000...0x1B122, 0x1B132...0x1B132, 0x1B150...0x1B152,
        0x1B155...0x1B155, 0x1B164...0x1B167, 0x1B170...0x1B2FB, 0x1F200...0x1F202, 0x1F210...0x1F23B,
        0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
