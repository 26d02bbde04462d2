// Case- and accent-insensitive text: what `=~`, `contains`, `starts with`, `ends with` and completion use.

/// Folds text for comparison that ignores case and accents: `"Côte d'Ivoire"` and `"cote d’ivoire"`
/// fold to the same string.
///
/// Without Foundation (kept out for start-up time), folding lower-cases with the standard
/// library's Unicode tables and drops accents by mapping the Latin letters with diacritics to
/// their base letter, and removing combining marks. Typographic apostrophes fold to `'`.
public enum Folding {
    /// `text` lower-cased, without accents, with curly apostrophes made straight.
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiLowercased(text) }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let quick = quickLowercase(scalar) {
                out.append(baseLetter(quick) ?? quick)
                continue
            }
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                if lower.properties.canonicalCombiningClass != .notReordered { continue }   // a combining accent
                out.append(baseLetter(lower) ?? lower)
            }
        }
        return String(out)
    }

    /// The lower case of ASCII and Latin-1 letters without a table lookup (`nil` for anything else).
    private static func quickLowercase(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s.value {
        case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE: return Unicode.Scalar(s.value + 0x20)
        case 0...0x7F, 0xDF...0xFF: return s
        default: return nil
        }
    }

    private static func asciiLowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// The base letter of a lower-case Latin letter with a diacritic, or a straight apostrophe.
    private static func baseLetter(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s.value {
        case 0x2018, 0x2019, 0x02BC: return "'"
        case 0xE0...0xE5, 0x101, 0x103, 0x105: return "a"
        case 0xE7, 0x107, 0x109, 0x10B, 0x10D: return "c"
        case 0x10F, 0x111: return "d"
        case 0xE8...0xEB, 0x113, 0x115, 0x117, 0x119, 0x11B: return "e"
        case 0x11D, 0x11F, 0x121, 0x123: return "g"
        case 0x125, 0x127: return "h"
        case 0xEC...0xEF, 0x129, 0x12B, 0x12D, 0x12F, 0x131: return "i"
        case 0x135: return "j"
        case 0x137: return "k"
        case 0x13A, 0x13C, 0x13E, 0x140, 0x142: return "l"
        case 0xF1, 0x144, 0x146, 0x148: return "n"
        case 0xF2...0xF6, 0xF8, 0x14D, 0x14F, 0x151: return "o"
        case 0x155, 0x157, 0x159: return "r"
        case 0x15B, 0x15D, 0x15F, 0x161, 0x219: return "s"
        case 0x163, 0x165, 0x167, 0x21B: return "t"
        case 0xF9...0xFC, 0x169, 0x16B, 0x16D, 0x16F, 0x171, 0x173: return "u"
        case 0x175: return "w"
        case 0xFD, 0xFF, 0x177: return "y"
        case 0x17A, 0x17C, 0x17E: return "z"
        default: return nil
        }
    }
}

/// "Did you mean" candidates, by edit distance over folded names.
enum Suggestions {
    /// The candidate nearest to `name`, if it is close enough to be a likely typo.
    static func nearest(to name: String, in candidates: [String]) -> String? {
        let target = Array(Folding.fold(name))
        let allowed = target.count >= 4 ? max(2, min(3, target.count / 3)) : 1
        var best: (String, Int)?
        for candidate in candidates {
            let folded = Array(Folding.fold(candidate))
            if folded == target { return candidate }
            // The distance is at least the difference in length: skipping those too far apart keeps a
            // long literal (a 10 MB string) from costing length × length per candidate.
            guard abs(folded.count - target.count) <= allowed else { continue }
            let distance = editDistance(target, folded)
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        return distance <= allowed ? candidate : nil
    }

    /// Levenshtein distance, with a transposition counting as one edit.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }

    /// A short list for a hint: the first few names, then "…".
    static func list(_ names: [String], limit: Int = 8) -> String {
        names.count <= limit ? names.joined(separator: ", ") : names.prefix(limit).joined(separator: ", ") + ", …"
    }
}
