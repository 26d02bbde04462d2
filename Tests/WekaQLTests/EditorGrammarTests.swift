// Editors/: the TextMate grammar's keywords are the lexer's (Keyword), and VS Code's copy is the same file.

import Foundation
import Testing
@testable import WekaQL

@Suite struct EditorGrammarTests {
    static let editors = GrammarTests.folder.deletingLastPathComponent().appendingPathComponent("Editors")
    static let grammarURL = editors.appendingPathComponent("wekaql.tmLanguage.json")
    static let vscodeCopyURL = editors.appendingPathComponent("vscode/syntaxes/wekaql.tmLanguage.json")

    /// The words of the grammar's `repository.keyword.match`, `(?i)\b(?:where|select|…)\b`.
    static func grammarKeywords() throws -> [String] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: grammarURL)) as? [String: Any]
        let repository = json?["repository"] as? [String: Any]
        let match = (repository?["keyword"] as? [String: Any])?["match"] as? String ?? ""
        guard let open = match.range(of: "(?:"), let close = match.range(of: ")", range: open.upperBound..<match.endIndex) else { return [] }
        return match[open.upperBound..<close.lowerBound].split(separator: "|").map(String.init)
    }

    @Test func keywordsAreTheLexers() throws {
        let grammar = Set(try Self.grammarKeywords()), lexer = Set(Keyword.allCases.map(\.rawValue))
        let missing = lexer.subtracting(grammar).sorted(), extra = grammar.subtracting(lexer).sorted()
        #expect(missing.isEmpty, """
            Editors/wekaql.tmLanguage.json lacks keywords the lexer has: add \(missing.joined(separator: ", ")) to \
            repository.keyword.match, in both Editors/wekaql.tmLanguage.json and Editors/vscode/syntaxes/wekaql.tmLanguage.json
            """)
        #expect(extra.isEmpty, "Editors/wekaql.tmLanguage.json has words that are no keyword: remove \(extra.joined(separator: ", ")) from repository.keyword.match")
    }

    @Test func vscodeHasTheSameGrammar() throws {
        #expect(try Data(contentsOf: Self.grammarURL) == Data(contentsOf: Self.vscodeCopyURL),
                "Editors/vscode/syntaxes/wekaql.tmLanguage.json differs from Editors/wekaql.tmLanguage.json: copy it over")
    }

    @Test func vscodeManifestNamesTheLanguageAndServer() throws {
        let url = Self.editors.appendingPathComponent("vscode/package.json")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let contributes = manifest?["contributes"] as? [String: Any]
        let languages = contributes?["languages"] as? [[String: Any]] ?? []
        #expect(languages.first?["id"] as? String == "wekaql")
        #expect((languages.first?["extensions"] as? [String]) == [".wql"])
        let grammars = contributes?["grammars"] as? [[String: Any]] ?? []
        #expect(grammars.first?["path"] as? String == "./syntaxes/wekaql.tmLanguage.json")
        for name in ["language-configuration.json", "extension.js"] {
            #expect(FileManager.default.fileExists(atPath: Self.editors.appendingPathComponent("vscode/" + name).path), "\(name) is missing")
        }
    }
}
