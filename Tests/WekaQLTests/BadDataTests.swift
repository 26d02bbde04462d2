// Bad data files: truncated, not UTF-8, empty, binary, a folder where a file should be. Each is a clear
// error naming the file (and the line, where there is one) or a well-defined result, never a crash, and
// nothing of a failed load is kept.

import Foundation
import Testing
@testable import WekaQL

@Suite struct BadDataTests {
    /// The error of loading `bytes` saved as `name`, which must fail; checks that it names the file.
    static func loadError(_ name: String, _ bytes: [UInt8]) throws -> Diagnostic {
        let file = try TemporaryFile(name: name, contents: Data(bytes))
        var dataset = Dataset.builtIn
        let before = dataset.collectionNames
        do {
            try dataset.load(path: file.path)
        } catch {
            let diagnostic = error   // typed: `catch let … as Diagnostic` here crashes Swift 6.3.1 (SILGen)
            #expect(dataset.collectionNames == before, "a failed load changed the dataset")
            #expect(diagnostic.file?.name == file.path || diagnostic.message.contains(file.path),
                    "\(name): the error does not name the file: \(diagnostic)")
            let rendered = diagnostic.description
            #expect(!rendered.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" },
                    "\(name): the rendered error has control characters")
            #expect(rendered.split(separator: "\n").allSatisfy { $0.count < 400 }, "\(name): a rendered line is too long")
            return diagnostic
        }
        throw TestFailure(message: "\(name) loaded")
    }

    /// The one collection of loading `bytes` saved as `name`, which must succeed.
    static func load(_ name: String, _ bytes: [UInt8]) throws -> (Dataset.Collection, [Diagnostic]) {
        let file = try TemporaryFile(name: name, contents: Data(bytes))
        var dataset = Dataset()
        let warnings = try withExtendedLifetime(file) { try dataset.load(path: file.path) }
        return (try #require(dataset.collections.first), warnings)
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    // MARK: - Truncated

    @Test(arguments: [
        ("cut.csv", "country,arrested\nTogo,3\n\"Ghana", Diagnostic.Code.malformedCSV, 3),
        ("cut.csv", "country,arrested\nTogo,3\nGhana", .malformedCSV, 3),
        ("cut.json", "[{\"country\": \"Togo\"},\n {\"country\": ", .malformedJSON, 2),
        ("cut.json", "[{\"country\": \"To", .malformedJSON, 1),
        ("cut.json", "{\"arrests\": [{\"n\": 1}", .malformedJSON, 1),
        ("cut.jsonl", "{\"a\": 1}\n{\"a\": 2}\n{\"a\"", .malformedJSON, 3),
    ])
    func truncatedFiles(_ name: String, _ text: String, _ code: Diagnostic.Code, _ line: Int) throws {
        let diagnostic = try Self.loadError(name, Self.bytes(text))
        #expect(diagnostic.code == code)
        #expect(diagnostic.location?.line == line)
    }

    /// A file cut in the middle of a multi-byte character.
    @Test(arguments: ["cut.csv", "cut.json", "cut.jsonl"])
    func truncatedInsideACharacter(_ name: String) throws {
        let text = name.hasSuffix(".csv") ? "name\nC\u{F4}te" : (name.hasSuffix(".jsonl") ? "{\"name\": \"C\u{F4}te\"}" : "[{\"name\": \"C\u{F4}te\"}]")
        let utf8 = Self.bytes(text)
        let cut = Array(utf8[..<(utf8.firstIndex(of: 0xC3)! + 1)])
        let diagnostic = try Self.loadError(name, cut)
        #expect([.invalidUTF8, .malformedJSON, .malformedCSV].contains(diagnostic.code))
    }

    // MARK: - Not files, not text

    /// A folder loads the data files in it; a folder named like a data file inside one is not a file.
    @Test func directoryWhereAFileShouldBe() throws {
        let folder = try TemporaryFile(name: "good.csv", contents: Data("a\n1\n".utf8))
        try FileManager.default.createDirectory(at: folder.folder.appendingPathComponent("nested.csv"), withIntermediateDirectories: true)
        var dataset = Dataset()
        do {
            try dataset.load(path: folder.folder.path)
            Issue.record("a folder holding a folder named nested.csv loaded")
        } catch {
            let diagnostic = error   // typed: `catch let … as Diagnostic` here crashes Swift 6.3.1 (SILGen)
            #expect(diagnostic.code == .cannotRead)
            #expect(diagnostic.message.contains("nested.csv") && diagnostic.message.contains("directory"))
            #expect(dataset.collections.isEmpty, "good.csv was kept from a failed load")
        }
        #expect(throws: Diagnostic.self) { try SourceFile.read(path: folder.folder.path) }
    }

    @Test func missingFileAndUnknownKind() throws {
        var dataset = Dataset()
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("wekaql-missing-\(UUID().uuidString).csv").path
        #expect(throws: Diagnostic.self) { try dataset.load(path: missing) }
        let text = try TemporaryFile(name: "notes.pdf", contents: Data("a,b\n".utf8))
        do {
            try dataset.load(path: text.path)
            Issue.record("notes.pdf loaded")
        } catch {
            let diagnostic = error   // typed: `catch let … as Diagnostic` here crashes Swift 6.3.1 (SILGen)
            #expect(diagnostic.code == .unsupportedFile)
            #expect(diagnostic.message.contains(text.path))
        }
    }

    /// Latin-1 text: "Côte" with ô as the single byte 0xF4.
    @Test(arguments: [
        ("latin1.csv", "country,n\nTogo,1\nC\u{F4}te,2\n", Diagnostic.Code.invalidUTF8, 3),
        ("latin1.csv", "pa\u{ED}s,n\nTogo,1\n", .invalidUTF8, 1),
        ("latin1.json", "[{\"country\": \"Togo\"},\n {\"country\": \"C\u{F4}te\"}]", .invalidUTF8, 2),
        ("latin1.json", "[{\"pa\u{ED}s\": 1}]", .invalidUTF8, 1),
        ("latin1.jsonl", "{\"country\": \"Togo\"}\n{\"country\": \"C\u{F4}te\"}\n", .invalidUTF8, 2),
    ])
    func notUTF8(_ name: String, _ text: String, _ code: Diagnostic.Code, _ line: Int) throws {
        let latin1 = text.unicodeScalars.map { UInt8($0.value) }
        let diagnostic = try Self.loadError(name, latin1)
        #expect(diagnostic.code == code)
        #expect(diagnostic.location?.line == line)
        #expect(diagnostic.message.contains("UTF-8"))
        #expect(diagnostic.hints.first?.contains("encoding=latin-1") == true, "the hint names the option that reads it")
    }

    /// The first bytes of an executable, and random bytes, under each data extension.
    @Test(arguments: ["binary.csv", "binary.json", "binary.jsonl"])
    func binaryFiles(_ name: String) throws {
        var random = SeededRandom(seed: 8)
        var elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 0, count: 8)
        elf += (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }
        _ = try Self.loadError(name, elf)
        // NUL bytes are valid UTF-8: a CSV of them loads, and renders.
        if name.hasSuffix(".csv") {
            let (collection, _) = try Self.load("nul.csv", [UInt8(ascii: "a"), 0x0A, 0, 0, 0x0A])
            #expect(try collection.table.rowCount == 1)
            _ = Renderer().render(try collection.table)
        }
    }

    // MARK: - Empty and nearly empty

    @Test(arguments: [("empty.csv", ""), ("empty.json", ""), ("blank.json", " \n\t\n"), ("bom.csv", "\u{FEFF}"), ("blank.csv", "\n\n\r\n")])
    func emptyFiles(_ name: String, _ text: String) throws {
        let diagnostic = try Self.loadError(name, Self.bytes(text))
        #expect([.malformedCSV, .malformedJSON].contains(diagnostic.code))
        #expect(diagnostic.location?.line != nil)
    }

    /// An empty JSON-lines file or array is a collection with no rows: nothing to report.
    @Test(arguments: [("empty.jsonl", ""), ("blank.jsonl", "\n\n"), ("none.json", "[]"), ("none.json", "{\"t\": []}")])
    func emptyCollections(_ name: String, _ text: String) throws {
        let (collection, _) = try Self.load(name, Self.bytes(text))
        #expect(try collection.table.rowCount == 0)
        var engine = Engine(dataset: Dataset(collections: [collection]))
        #expect(try engine.run("\(collection.name) count")[0].table[0]["count"] == .integer(0))
    }

    @Test func csvWithOnlyAHeader() throws {
        let (collection, _) = try Self.load("header.csv", Self.bytes("country,arrested\n"))
        #expect(collection.fields.map(\.name) == ["country", "arrested"])
        #expect(try collection.table.rowCount == 0)
        var engine = Engine(dataset: Dataset(collections: [collection]))
        let result = try engine.run("header where arrested > 1 select country sort by country")
        #expect(result[0].table.rowCount == 0)
        for format in OutputFormat.allCases { _ = Renderer(format: format).render(result[0].table) }
    }

    // MARK: - Shapes

    /// Objects and arrays inside a row load as their JSON text, with a warning.
    @Test func jsonWithNestedValues() throws {
        let text = "[{\"a\": {\"b\": [1, 2.5, null]}, \"c\": [true, {\"d\": \"é\"}]}, {\"a\": \"plain\", \"c\": 7}]"
        let (collection, warnings) = try Self.load("nested.json", Self.bytes(text))
        #expect(try collection.table[0]["a"] == .string("{\"b\":[1,2.5,null]}"))
        #expect(try collection.table[0]["c"] == .string("[true,{\"d\":\"é\"}]"))
        #expect(try collection.table[1]["c"] == .string("7"))
        #expect(warnings.contains { $0.code == .mixedTypes })
    }

    @Test(arguments: [("scalar.json", "42"), ("strings.json", "[\"Togo\", \"Ghana\"]"), ("object.json", "{\"arrests\": 3}")])
    func jsonOfTheWrongShape(_ name: String, _ text: String) throws {
        let diagnostic = try Self.loadError(name, Self.bytes(text))
        #expect(diagnostic.code == .jsonShape)
    }

    /// A key written twice in one row: the last value wins, and the next row keeps its own (it used to
    /// receive the repeated value).
    @Test(arguments: ["dup.json", "dup.jsonl"])
    func repeatedKeyInARow(_ name: String) throws {
        let rows = ["{\"a\": 1, \"a\": 2, \"a\": 3}", "{\"b\": 4}"]
        let text = name.hasSuffix(".jsonl") ? rows.joined(separator: "\n") : "[" + rows.joined(separator: ",") + "]"
        let (collection, _) = try Self.load(name, Self.bytes(text))
        #expect(try collection.table.rowCount == 2)
        #expect(try collection.table[0]["a"] == .integer(3))
        #expect(try collection.table[1]["a"] == .null)
        #expect(try collection.table[1]["b"] == .integer(4))
    }

    @Test func csvRowsOfTheWrongWidth() throws {
        let long = try Self.loadError("long.csv", Self.bytes("a,b\n1,2\n3,4,5\n"))
        #expect(long.code == .malformedCSV)
        #expect(long.message.contains("line 3"))
        #expect(long.location?.column == 5, "the caret is on the first extra field")
        let short = try Self.loadError("short.csv", Self.bytes("a,b,c\n1,2,3\n4,5\n"))
        #expect(short.message == "line 3 has 2 fields, the header has 3")
        #expect(short.hints.contains { $0.contains("bad_rows=pad") && $0.contains("bad_rows=skip") })
        #expect(!short.hints.contains { $0.contains("quote") }, "a short row is not a quoting problem")
        #expect(long.hints.contains { $0.contains("quote fields") })
    }

    /// A quote inside an unquoted field is a character of it, as in DuckDB and Python's csv module (it
    /// used to be error E0503).
    @Test func aQuoteInsideAnUnquotedFieldIsKept() throws {
        let (collection, _) = try Self.load("quote.csv", Self.bytes("place,height\n37°36'37.8\"N,5'10\"\n"))
        #expect(try collection.table[0]["place"] == .string("37°36'37.8\"N"))
        #expect(try collection.table[0]["height"] == .string("5'10\""))
    }
}
