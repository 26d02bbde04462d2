// Folding for `=~`, `contains`, `starts with`, `ends with` and hints: every Unicode letter by its
// canonical decomposition without marks, lower-cased (DuckDB's lower(strip_accents(x))), from the
// generated table; with the documented differences (ß, ς, ﬁ, full-width forms, stroked letters).

import Foundation
import Testing
@testable import WekaQL

@Suite struct FoldingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var expression: String
        var expected: Bool
        init(_ expression: String, _ expected: Bool) { (self.expression, self.expected) = (expression, expected) }
        var testDescription: String { expression }
    }

    static let cases: [Case] = [
        // Vietnamese: stacked accents, in NFC and NFD.
        Case("\"Phở\" contains \"pho\"", true), Case("\"Nguyễn\" =~ \"NGUYEN\"", true),
        Case("\"Pho\\u{31B}\\u{309}\" =~ \"phở\"", true), Case("\"Đà Nẵng\" =~ \"da nang\"", true),
        // Latin Extended-B and Extended Additional.
        Case("\"Ǎngel\" =~ \"angel\"", true), Case("\"Ǖ Ș Ț\" =~ \"u s t\"", true), Case("\"Ẩm Ḑ\" =~ \"am d\"", true),
        Case("\"Łódź\" =~ \"lodz\"", true), Case("\"Øresund\" starts with \"ore\"", true), Case("\"İstanbul\" =~ \"istanbul\"", true),
        // Greek with tonos and dialytika; final sigma is its own letter (lower case, not case folding).
        Case("\"Αθήνα\" contains \"αθηνα\"", true), Case("\"ΑΘΉΝΑ\" =~ \"αθηνα\"", true), Case("\"Ϊΰ\" =~ \"ιυ\"", true),
        Case("\"ΟΔΟΣ\" =~ \"οδοσ\"", true), Case("\"οδος\" =~ \"οδοσ\"", false),
        // Cyrillic: й and ё lose their marks, as in DuckDB's strip_accents.
        Case("\"Йошкар-Ола\" =~ \"иошкар-ола\"", true), Case("\"Ёлка\" =~ \"елка\"", true), Case("\"Москва\" ends with \"ВА\"", true),
        // ß is lower case already (no "ss"); ligatures and full-width forms have no canonical decomposition.
        Case("\"STRAßE\" =~ \"straße\"", true), Case("\"Straße\" =~ \"strasse\"", false),
        Case("\"ﬁle\" =~ \"file\"", false), Case("\"ＡＢＣ\" =~ \"ａｂｃ\"", true), Case("\"ＡＢＣ\" =~ \"abc\"", false),
        // Hangul syllables decompose to jamo, so NFC and NFD Korean match either way.
        Case("\"한국\" contains \"\\u{1112}\\u{1161}\\u{11AB}\"", true), Case("\"\\u{1112}\\u{1161}\\u{11AB}국\" =~ \"한국\"", true),
        Case("\"Côte d’Ivoire\" =~ \"cote d'ivoire\"", true), Case("\"Lomé\" =~ \"Lome \"", false),
    ]

    @Test(arguments: cases)
    func foldsForTheTextOperators(_ c: Case) throws {
        #expect(try LangFixtures.value("people where id = 1 select \(c.expression) as x") == .boolean(c.expected))
    }

    /// The same rows through the column scans (byte loops for ASCII rows, folding for others).
    @Test func columnScansFold() throws {
        let names = ["Phở Hà Nội", "Αθήνα", "Йошкар-Ола", "Ǎngel", "plain ascii"]
        let rows = (0..<5_000).map { [Value.string(names[$0 % names.count] + " \($0)")] }
        let dataset = try LangFixtures.dataset("t", ["s"], rows)
        for (needle, expected) in [("ha noi", 1_000), ("αθηνα", 1_000), ("иошкар", 1_000), ("angel", 1_000), ("ASCII", 1_000), ("o", 1_000)] {
            #expect(try LangFixtures.value("t where s contains \"\(needle)\" count", in: dataset) == .integer(Int64(expected)), "\(needle)")
        }
        #expect(try LangFixtures.value("t where s starts with \"ΑΘΗ\" count", in: dataset) == .integer(1_000))
    }

    @Test func hintsFoldTheSameWay() {
        #expect(Suggestions.nearest(to: "αθηνα", in: ["Αθήνα", "Lomé"]) == "Αθήνα")
        #expect(Suggestions.nearest(to: "pho", in: ["Phở", "Lomé"]) == "Phở")
    }

    /// Latin-1 has a table-free path in ``Folding``; it must say what the table says.
    @Test func latin1PathAgreesWithTheTable() {
        for v in UInt32(0)...0xFF {
            let scalar = Unicode.Scalar(v)!
            var fromTable = String.UnicodeScalarView()
            FoldingTable.shared.append(scalar, to: &fromTable)
            #expect(Folding.fold(String(scalar)) == String(fromTable), "U+\(String(v, radix: 16))")
        }
    }

    /// The checked-in table is the one this toolchain's Unicode data gives (re-run the script if not):
    /// the generator's rule, recomputed here for the Basic Multilingual Plane.
    @Test func tableMatchesThisToolchain() {
        let extras: [UInt32: String] = [0xF8: "o", 0x142: "l", 0x111: "d", 0x127: "h", 0x131: "i", 0x167: "t", 0x140: "l",
                                        0x2018: "'", 0x2019: "'", 0x2BC: "'"]
        func step(_ text: String) -> String {
            var out = ""
            for d in text.decomposedStringWithCanonicalMapping.unicodeScalars
            where d.properties.generalCategory != .nonspacingMark && d.properties.canonicalCombiningClass == .notReordered {
                for l in d.properties.lowercaseMapping.unicodeScalars { out += extras[l.value] ?? String(l) }
            }
            return out
        }
        var mismatches: [String] = []
        for v in UInt32(0)...0xFFFF {
            guard let s = Unicode.Scalar(v), s.properties.generalCategory != .unassigned, s.properties.generalCategory != .privateUse else { continue }
            var expected = String(s)
            for _ in 0..<4 { expected = step(expected) }
            if !Folding.fold(String(s)).unicodeScalars.elementsEqual(expected.unicodeScalars) { mismatches.append(String(v, radix: 16)) }
        }
        #expect(mismatches.isEmpty, "differ at U+\(mismatches.prefix(10))")
    }

    @Test(arguments: ["Phở Hà Nội", "ΑΘΉΝΑ", "Йошкар-Ола", "Straße ﬁ ＡＢＣ", "한국어", "Ǆ ǅ ǆ"])
    func foldingIsIdempotent(_ text: String) {
        #expect(Folding.fold(Folding.fold(text)) == Folding.fold(text))
    }
}
