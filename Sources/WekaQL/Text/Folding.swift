// Case- and accent-insensitive text: what `=~`, `contains`, `starts with`, `ends with` and completion use.

/// Folds text for comparison that ignores case and accents: `"Côte d'Ivoire"` and `"cote d’ivoire"`
/// fold to the same string, as do `"Phở"` and `"pho"`, `"Αθήνα"` and `"αθηνα"`.
///
/// Each scalar folds to its canonical decomposition without combining marks, lower-cased — what
/// DuckDB's `lower(strip_accents(x))` gives — from a table generated from the standard library's Unicode
/// data (`FoldingTable`, made by `Scripts/generate-folding-table.swift`; no Foundation at run time).
/// So canonically equivalent spellings (NFC and NFD) fold alike. Deliberate choices:
/// - `й` folds to `и` and `ё` to `е` (the breve and diaeresis are marks), as in DuckDB.
/// - Lower case is the full lowercase mapping, not case folding: `ß` stays `ß` (not `ss`), final `ς`
///   stays `ς`; compatibility forms are kept: `ﬁ` is not `fi`, full-width `Ａ` folds to `ａ`, not `a`.
/// - Beyond DuckDB, letters with a stroke or bar fold to their base (`ø ł đ ħ ŧ ı ŀ` to `o l d h t i l`)
///   and typographic apostrophes (`‘ ’ ʼ`) to `'`, as wekaql always did.
public enum Folding {
    /// `text` lower-cased, without accents, with curly apostrophes made straight.
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiLowercased(text) }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let quick = latin1Fold(scalar) { out.append(quick) }
            else { FoldingTable.shared.append(scalar, to: &out) }
        }
        return String(out)
    }

    /// The fold of a Latin-1 scalar without the table (`nil` for anything else); the table agrees.
    private static func latin1Fold(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s.value {
        case 0x41...0x5A: return Unicode.Scalar(s.value + 0x20)
        case 0xC0...0xC5, 0xE0...0xE5: return "a"
        case 0xC7, 0xE7: return "c"
        case 0xC8...0xCB, 0xE8...0xEB: return "e"
        case 0xCC...0xCF, 0xEC...0xEF: return "i"
        case 0xD1, 0xF1: return "n"
        case 0xD2...0xD6, 0xD8, 0xF2...0xF6, 0xF8: return "o"
        case 0xD9...0xDC, 0xF9...0xFC: return "u"
        case 0xDD, 0xFD, 0xFF: return "y"
        case 0xC6, 0xD0, 0xDE: return Unicode.Scalar(s.value + 0x20)   // æ ð þ
        case 0...0xFF: return s
        default: return nil
        }
    }

    private static func asciiLowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
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
