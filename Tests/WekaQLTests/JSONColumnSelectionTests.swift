// JSON and JSON lines loaded with a column selection, parsed straight into columns (JSONColumnParser):
// a selected load is the whole load restricted to the columns kept — the same fields in the same
// order, types, values and warnings — and the column parser agrees with the tree reader on every file,
// in one part or several.

import Foundation
import Testing
@testable import WekaQL

@Suite struct JSONColumnSelectionTests {
    /// A load's fields, each column's values, and its warnings (rendered).
    struct Loaded: Equatable, CustomStringConvertible {
        var fields: [Field]
        var values: [[Value]]
        var warnings: [String]

        init(_ table: Table, warnings: [Diagnostic]) {
            fields = table.fields
            values = table.fields.indices.map { table.values(ofColumn: $0) }
            self.warnings = warnings.map(\.description)
        }

        /// Only the columns named `names`, and the warnings about them (or about no field).
        func restricted(to names: Set<String>) -> Loaded {
            var copy = self
            let kept = fields.indices.filter { names.contains(fields[$0].name) }
            copy.fields = kept.map { fields[$0] }
            copy.values = kept.map { values[$0] }
            copy.warnings = warnings.filter { warning in
                guard let field = Self.field(in: warning) else { return true }
                return names.contains(field)
            }
            return copy
        }

        private static func field(in warning: String) -> String? {
            guard let start = warning.range(of: "field \"") else { return nil }
            let rest = warning[start.upperBound...]
            return rest.range(of: "\" of \"").map { String(rest[..<$0.lowerBound]) }
        }

        var description: String { "\(fields.map { "\($0.name): \($0.type)" })\n\(values)\n\(warnings)" }
    }

    // MARK: - Loading four ways

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// Through `Dataset.load`, as the command loads a file.
    static func load(_ name: String, _ text: String, names: Set<String>?) throws -> Loaded {
        let file = try TemporaryFile(name: name, contents: Data(text.utf8))
        var dataset = Dataset()
        let warnings = try withExtendedLifetime(file) {
            try dataset.load(path: file.path, columns: ColumnSelection(names: names))
        }
        let collection = try #require(dataset.collections.last)
        var loaded = Loaded(try collection.table, warnings: warnings.filter { $0.code != .renamedCollection })
        loaded.warnings = loaded.warnings.map { $0.replacingOccurrences(of: file.path, with: name) }
        return loaded
    }

    /// JSON lines through the tree reader only (what the column parser must agree with).
    static func treeLines(_ text: String, names: Set<String>?) throws -> Loaded {
        try bytes(text).withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer)
            var rows: [JSON] = []
            reader.skipSpace()
            while reader.position < buffer.count {
                rows.append(try reader.readValue())
                reader.skipSpace()
            }
            var loader = JSONLoader(path: "t.jsonl", bytes: buffer)
            let table = try loader.table(rows, collection: "t", selection: ColumnSelection(names: names))
            return Loaded(table, warnings: loader.warnings)
        }
    }

    /// JSON lines through the column parser, split into up to `parts` parts whatever the size.
    static func columnLines(_ text: String, names: Set<String>?, parts: Int) -> Loaded? {
        bytes(text).withUnsafeBufferPointer { buffer in
            let selection = ColumnSelection(names: names)
            guard let parsed = JSONLoader.parseLines(buffer, selection: selection, file: nil, threads: parts, parallelAbove: 0) else { return nil }
            var loader = JSONLoader(path: "t.jsonl", bytes: buffer)
            return loader.table(of: parsed, collection: "t", selection: selection).map { Loaded($0, warnings: loader.warnings) }
        }
    }

    // MARK: - The files

    static let people = [
        #"{"name": "Ama", "address": {"city": "Lomé", "geo": {"lat": 6.5, "lon": 1}}, "tags": ["gold", "ivory"]}"#,
        #"{"name": "Kofi", "address": null, "tags": []}"#,
        #"{"name": "Efua", "address": {"city": "Accra", "zip": "00233"}}"#,
    ]

    /// JSON lines files of the other tests and more: nulls, Unicode, escapes, nested objects, lists,
    /// numbers that mix integers and decimals, missing keys, mixed kinds.
    static let lineFiles: [[String]] = [
        people,
        [#"{"a": 1, "b": "x"}"#, #"{"a": 2.5, "c": true}"#, #"{"b": null, "a": -0}"#],
        [#"{"n": 1}"#, #"{"n": "one"}"#, #"{"n": 2}"#],
        [#"{"d": "2024-06-14"}"#, #"{"d": null}"#, #"{"d": "2024-02-30"}"#],
        [#"{"d": "2024-06-14"}"#, #"{"d": "2024-06-15"}"#, #"{}"#],
        [#"{"s": "caf\u00e9 \"q\" \\ \/ \n\t", "k\u00e9y": 1}"#, #"{"s": "\ud83d\ude00 😀 Côte d'Ivoire", "kéy": 2}"#],
        [#"{"big": 12345678901234567890, "e": 1e3, "long": 1.2345678901234567890, "neg": -12}"#, #"{"big": 1, "e": 2, "long": 3, "neg": 007}"#],
        [#"{"x": [1, 2.5]}"#, #"{"x": [3]}"#, #"{"x": null}"#],
        [#"{"x": [{"a": 1}]}"#, #"{"x": [[1]]}"#, #"{"y": [1, "a"]}"#],
        [#"{"a": {"b": 1}, "a.b": 2}"#, #"{"a": {"b": 3}}"#],
        [#"{"a": {"b": 1}}"#, #"{"a": "text"}"#],
        [#"{"dup": 1, "dup": 2, "other": 3}"#, #"{"dup": 4, "other": 5}"#],
        [#"{"t": true}"#, #"{"t": false}"#, #"{"t": 1}"#],
        [#"{"f": 1.5e-3}"#, #"{"f": 2}"#, #"{"f": 0.25}"#],
        ["{\"multi\":\n 1, \"line\": \"x\"}", "{\"multi\": 2,\n\"line\": \"y\"}"],
        [#"{"a":1}  {"a":2}"#, #"   {"a": 3}   "#],
        [],
    ]

    /// Every selection to try on a file: each field alone, each key alone, pairs, none, and a name no column has.
    static func selections(of loaded: Loaded, keys: [String]) -> [Set<String>] {
        let names = loaded.fields.map(\.name)
        var all: [Set<String>] = [[], ["nothing here"], Set(names), Set(keys)]
        all += names.map { [$0] } + keys.map { [$0] }
        for (i, a) in names.enumerated() { for b in names.dropFirst(i + 1) { all.append([a, b]) } }
        return all
    }

    static func topLevelKeys(_ text: String) -> [String] {
        bytes(text).withUnsafeBufferPointer { buffer in
            JSONLoader.parseLines(buffer, selection: ColumnSelection(names: []), file: nil, threads: 1).map { $0.flatMap(\.keys) } ?? []
        }
    }

    @Test(arguments: lineFiles.indices)
    func selectedLinesAreTheWholeLoadRestricted(_ index: Int) throws {
        let text = Self.lineFiles[index].joined(separator: "\n") + "\n"
        let whole = try Self.treeLines(text, names: nil)
        #expect(try Self.load("t.jsonl", text, names: nil) == whole)
        for names in Self.selections(of: whole, keys: Self.topLevelKeys(text)) {
            let expected = whole.restricted(to: names)
            #expect(try Self.treeLines(text, names: names) == expected, "tree reader, \(names)")
            #expect(try Self.load("t.jsonl", text, names: names) == expected, "load, \(names)")
            for parts in [1, 2, 3] {
                if let columns = Self.columnLines(text, names: names, parts: parts) {
                    #expect(columns == expected, "column parser in \(parts) parts, \(names)")
                }
            }
        }
    }

    @Test(arguments: lineFiles.indices)
    func selectedJSONArraysAreTheWholeLoadRestricted(_ index: Int) throws {
        // The multi-line rows and rows without commas are JSON lines only.
        guard ![14, 15].contains(index) else { return }
        let text = "[" + Self.lineFiles[index].joined(separator: ",\n") + "]"
        let whole = try Self.load("t.json", text, names: nil)
        #expect(whole == (try Self.treeLines(Self.lineFiles[index].joined(separator: "\n"), names: nil)).renamed())
        for names in Self.selections(of: whole, keys: Self.topLevelKeys(Self.lineFiles[index].joined(separator: "\n"))) {
            #expect(try Self.load("t.json", text, names: names) == whole.restricted(to: names), "\(names)")
        }
    }

    @Test func aDatasetObjectKeepsTheSelectedColumnsOfEachCollection() throws {
        let text = #"{"a": [{"x": 1, "y": "p"}, {"x": 2}], "b": [{"y": "q", "z": [1, 2]}]}"#
        let file = try TemporaryFile(name: "two.json", contents: Data(text.utf8))
        var dataset = Dataset()
        try withExtendedLifetime(file) { _ = try dataset.load(path: file.path, columns: ColumnSelection(names: ["y", "z"])) }
        #expect(dataset["a"]?.fields.map(\.name) == ["y"])
        #expect(try dataset["a"]?.table.values(ofColumn: 0) == ["p", nil])
        #expect(dataset["b"]?.fields.map(\.name) == ["y", "z"])
        #expect(try dataset["b"]?.table.values(ofColumn: 1) == [.list([1, 2])])
    }

    /// Random JSON lines: keys from a small pool (some rows lack some), values of every kind.
    static func generated(seed: UInt64, rows: Int) -> String {
        var random = SeededRandom(seed: seed)
        let keys = ["id", "country", "n", "when", "addr", "tags", "x.y", "x", "note"]
        let values: [String] = [
            "null", "1", "-7", "0", "42", "1.50", "-0.25", "1e2", "123456789012345678901", "true", "false",
            #""Togo""#, #""Côte d'Ivoire""#, #""2024-06-14""#, #""caf\u00e9""#, #""a\"b""#, #""""#,
            #"{"city": "Lomé", "zip": "001"}"#, #"{"city": null}"#, "[1, 2]", #"["a", null]"#, "[]", #"[{"k": 1}]"#,
        ]
        var lines: [String] = []
        for _ in 0..<rows {
            var pairs: [String] = []
            for key in keys where random.next() % 3 != 0 {
                // Most keys keep to a few kinds, so that many columns have one type.
                let pool = key == "id" ? values[1...4] : (key == "country" ? values[11...12] : values[...])
                pairs.append("\"\(key)\": " + pool.randomElement(using: &random)!)
            }
            lines.append("{" + pairs.joined(separator: ", ") + "}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: 0..<40)
    func generatedLinesAgreeWithTheTreeReader(_ seed: Int) throws {
        let text = Self.generated(seed: UInt64(seed), rows: 5 + seed % 17)
        let whole = try Self.treeLines(text, names: nil)
        #expect(try Self.load("t.jsonl", text, names: nil) == whole)
        var random = SeededRandom(seed: UInt64(seed) &+ 99)
        let names = whole.fields.map(\.name) + ["x", "addr"]
        for _ in 0..<6 {
            let chosen = Set(names.filter { _ in random.next() % 2 == 0 })
            let expected = whole.restricted(to: chosen)
            #expect(try Self.load("t.jsonl", text, names: chosen) == expected, "\(chosen)")
            if let columns = Self.columnLines(text, names: chosen, parts: 2) { #expect(columns == expected, "2 parts, \(chosen)") }
        }
    }

    @Test func theColumnParserTakesTheCommonFilesWhole() {
        // The ordinary cases must not fall back on the tree reader (that would be correct, but slow).
        for index in [0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 14, 15] {
            let text = Self.lineFiles[index].joined(separator: "\n")
            #expect(Self.columnLines(text, names: nil, parts: 2) != nil, "file \(index)")
        }
    }

    @Test func aRowThatSpansThePartsEdgeIsParsedOnce() throws {
        // Each object spans two lines: a part that starts between them is found out and parsed again.
        let text = (0..<50).map { "{\"i\": \($0),\n \"s\": \"r\($0)\"}" }.joined(separator: "\n")
        let expected = try Self.treeLines(text, names: nil)
        for parts in [2, 3, 7] {
            #expect(Self.columnLines(text, names: nil, parts: parts) == expected)
        }
    }

    @Test(arguments: [
        "{\"a\": 1}\n{\"a\": 2,}\n", "{\"a\": 1}\n{\"a\" 2}\n", "{\"a\": \"\u{01}\"}\n", "{\"a\": 1e999}\n",
        "{\"a\": \"\\x\"}\n", "{\"a\": \"\\ud800\"}\n", "{\"a\": 1}\n[1]\n", "{\"a\": tru}\n", "{\"a\": -}\n",
        "{\"a\": 1}\n{\"b\": {\"c\": [1, }}\n",
    ])
    func errorsAreTheTreeReadersWithOrWithoutASelection(_ text: String) throws {
        let file = try TemporaryFile(name: "bad.jsonl", contents: Data(text.utf8))
        func failure(_ names: Set<String>?) -> String {
            var dataset = Dataset()
            do { _ = try dataset.load(path: file.path, columns: ColumnSelection(names: names)); return "no error" } catch { return "\(error)" }
        }
        let whole = failure(nil)
        #expect(whole != "no error")
        #expect(failure(["a"]) == whole)
        #expect(failure(["zzz"]) == whole)
        let tree = (try? Self.treeLines(text, names: nil)) == nil
        #expect(tree)
        withExtendedLifetime(file) {}
    }

    @Test func invalidUTF8InASkippedColumnIsStillAnError() throws {
        var bytes = Self.bytes("{\"a\": 1, \"b\": \"C")
        bytes += [0xF4, 0x90]
        bytes += Self.bytes("te\"}\n")
        let file = try TemporaryFile(name: "latin.jsonl", contents: Data(bytes))
        var dataset = Dataset()
        #expect(throws: Diagnostic.self) {
            try withExtendedLifetime(file) { _ = try dataset.load(path: file.path, columns: ColumnSelection(names: ["a"])) }
        }
    }
}

extension JSONColumnSelectionTests.Loaded {
    /// The same load as named after a `.json` file rather than `t.jsonl` (the warnings name the path).
    func renamed() -> Self {
        var copy = self
        copy.warnings = warnings.map { $0.replacingOccurrences(of: "t.jsonl", with: "t.json") }
        return copy
    }
}
