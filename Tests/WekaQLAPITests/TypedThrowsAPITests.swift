// The public loading and query API throws `Diagnostic` by type: each call below sits in a `do` whose
// `catch` binds `error` as a `Diagnostic` without a cast, so an untyped `throws` fails to compile. And a
// file opened lazily that can no longer be read gives its error from `table`, never a stop.

import Foundation
import Testing
import WekaQL

@Suite struct TypedThrowsAPITests {
    /// A file in a fresh temporary folder, removed with its folder at the end of the test.
    final class TemporaryFile {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wekaql-typed-\(UUID().uuidString)")
        let url: URL
        var path: String { url.path }

        init(name: String, contents: Data) throws {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            url = folder.appendingPathComponent(name)
            try contents.write(to: url)
        }

        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    static let csv = "id,country\n1,Togo\n2,Ghana\n"

    /// The error of `body`, typed: this line compiles only while `body` throws `Diagnostic`.
    static func failure<T>(_ body: () throws(Diagnostic) -> T) -> Diagnostic? {
        do {
            _ = try body()
            return nil
        } catch {
            let diagnostic: Diagnostic = error
            return diagnostic
        }
    }

    @Test func loadingAPIsThrowDiagnostics() throws {
        let file = try TemporaryFile(name: "cases.csv", contents: Data(Self.csv.utf8))
        defer { withExtendedLifetime(file) {} }
        var dataset = Dataset()
        var rows = 0
        // In the function's body, not a closure: a closure's `do` would not take the calls' error type.
        do {
            let options = try LoadOptions(["header=true"])
            let parsed = try LoadOptions(parsing: "delim=,")
            _ = try LoadOptions.split(dataArgument: file.path + ":header=true")
            _ = try LoadOptions.split(shellArgument: file.path + " header=true")
            try dataset.load(path: file.path, options: options)
            try dataset.open(path: file.path, options: parsed)
            try dataset.load(bytes: Array(Self.csv.utf8), name: "bytes", format: .csv)
            try dataset.load(text: Self.csv, name: "text", format: .csv)
            guard var collection = dataset["cases"] else { Issue.record("no collection cases"); return }
            try collection.materialize(.all)
            var warnings: [Diagnostic] = []
            try collection.materialize(.all, warnings: &warnings)
            rows = try collection.table.rowCount
        } catch {
            let diagnostic: Diagnostic = error
            Issue.record("unexpected \(diagnostic.message)")
        }
        #expect(rows == 2)
        #expect(dataset.collectionNames == ["cases", "bytes", "text"])
    }

    @Test func queryAPIsThrowDiagnostics() {
        struct Row: Decodable { var count: Int }
        struct Filter: Encodable { var c = "Togo" }
        var engine = Engine()
        do {
            _ = try engine.run("arrests count")
            _ = try engine.query("arrests count")
            _ = try engine.query("arrests where country = $c count", with: Filter())
            _ = try engine.prepare("arrests count").run(as: Row.self)
            _ = try SourceFile.read(path: "/nonexistent/wekaql-typed-throws.wql")
            Issue.record("reading a missing script succeeded")
        } catch {
            let diagnostic: Diagnostic = error
            #expect(diagnostic.code == .cannotRead)
        }
    }

    @Test(arguments: [
        ("delim=;;", Diagnostic.Code.badLoadOption), ("colour=red", .badLoadOption), ("header=maybe", .badLoadOption),
    ])
    func badOptionsAreTypedDiagnostics(_ text: String, _ code: Diagnostic.Code) {
        #expect(Self.failure { () throws(Diagnostic) in try LoadOptions(parsing: text) }?.code == code)
    }

    @Test func aMissingFileIsATypedDiagnostic() {
        var dataset = Dataset()
        let path = "/nonexistent/wekaql-typed-throws.csv"
        #expect(Self.failure { () throws(Diagnostic) in try dataset.load(path: path) }?.code == .cannotRead)
        #expect(Self.failure { () throws(Diagnostic) in try dataset.open(path: path) }?.code == .cannotRead)
    }

    /// `table` of a file opened lazily, then removed or rewritten before any read: error E0500, not a stop.
    @Test(arguments: [false, true])
    func tableOfAnOpenedFileThatChangedThrows(rewritten: Bool) throws {
        let file = try TemporaryFile(name: "cases.csv", contents: Data(Self.csv.utf8))
        var dataset = Dataset()
        try withExtendedLifetime(file) {
            try dataset.open(path: file.path)
            if rewritten {
                try Data("id,country\n1,Togo\n2,Ghana\n3,Niger\n".utf8).write(to: file.url)
            } else {
                try FileManager.default.removeItem(at: file.url)
            }
            let collection = try #require(dataset["cases"])
            #expect(collection.isOpenedLazily)
            let error = Self.failure { () throws(Diagnostic) in try collection.table }
            #expect(error?.code == .cannotRead)
            #expect(error?.message.contains(file.path) == true)
            var copy = collection
            #expect(Self.failure { () throws(Diagnostic) in try copy.materialize(.all) }?.code == .cannotRead)
        }
    }

    /// A query over the changed file fails with the same error, reported, as the engine reads the columns first.
    @Test func aQueryOverARemovedOpenedFileFails() throws {
        let file = try TemporaryFile(name: "cases.csv", contents: Data(Self.csv.utf8))
        var engine = Engine(dataset: Dataset())
        try withExtendedLifetime(file) {
            try engine.dataset.open(path: file.path)
            try FileManager.default.removeItem(at: file.url)
            #expect(Self.failure { () throws(Diagnostic) in try engine.run("cases count") }?.code == .cannotRead)
        }
    }

    @Test func tableOfAReadFileStillWorksAfterItIsRemoved() throws {
        let file = try TemporaryFile(name: "cases.csv", contents: Data(Self.csv.utf8))
        var dataset = Dataset()
        try withExtendedLifetime(file) {
            try dataset.open(path: file.path)
            var collection = try #require(dataset["cases"])
            try collection.materialize(.all)
            try FileManager.default.removeItem(at: file.url)
            #expect(try collection.table.values(ofColumn: 1) == ["Togo", "Ghana"], "the columns read are kept")
        }
    }
}
