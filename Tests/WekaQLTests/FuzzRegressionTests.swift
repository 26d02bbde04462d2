// Inputs that once crashed or hung wekaql, kept in Fuzz/regressions/ and replayed through the same steps
// as the fuzz targets (Fuzz/QueryFuzzer.swift, Fuzz/DataFuzzer.swift). A crash here takes the test run down
// with it, so reaching the expectations at all is half the test.
//
// Names say which target an input belongs to: `query-*` is query text, `data-*` a data file (loaded as
// CSV, JSON and JSON lines). The rest of the name says what it found.

import Foundation
import Testing
@testable import WekaQL

@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fuzz/regressions").standardizedFileURL

    static func inputs(_ prefix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix(prefix) }.sorted()
    }

    @Test func regressionsAreThere() {
        #expect(!Self.inputs("query-").isEmpty && !Self.inputs("data-").isEmpty, "no inputs in \(Self.folder.path)")
    }

    /// Each query input runs to results or positioned errors, renders, and checks the same way twice.
    @Test(arguments: inputs("query-"))
    func query(_ name: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
        let file = SourceFile(name: name, text: String(decoding: data, as: UTF8.self))
        var engine = Engine()
        let problems = engine.check(file)
        #expect(problems.count <= Engine.maximumErrors)
        #expect(problems.allSatisfy { $0.location != nil }, "an error without a position: \(problems.filter { $0.location == nil })")
        #expect(engine.check(file).map(\.description) == problems.map(\.description), "checking is not deterministic")
        engine.run(file, parameters: ["c": "Togo", "n": 3], keepGoing: true) { event in
            switch event {
            case .result(let result):
                for format in OutputFormat.allCases { _ = Renderer(format: format, maxWidth: 40, maxRows: 5).render(result.table) }
            case .failure(let diagnostic):
                _ = diagnostic.description
                _ = DiagnosticRenderer().json(diagnostic)
            }
        }
    }

    /// Each data input loads, or fails with an error naming the file, under every data file extension.
    @Test(arguments: inputs("data-"))
    func data(_ name: String) throws {
        let bytes = try Data(contentsOf: Self.folder.appendingPathComponent(name))
        let stem = (name as NSString).deletingPathExtension
        for ext in ["csv", "json", "jsonl"] {
            let file = try TemporaryFile(name: "\(stem).\(ext)", contents: bytes)
            var dataset = Dataset()
            do {
                _ = try withExtendedLifetime(file) { try dataset.load(path: file.path) }
            } catch let diagnostic as Diagnostic {
                #expect(diagnostic.file?.name == file.path || diagnostic.message.contains(file.path), "\(diagnostic)")
                _ = diagnostic.description
                continue
            }
            var engine = Engine(dataset: dataset)
            for collection in dataset.collections {
                let results = try? engine.run("`\(collection.name)` distinct limit 20")
                for result in results ?? [] { for format in OutputFormat.allCases { _ = Renderer(format: format).render(result.table) } }
            }
        }
    }
}
