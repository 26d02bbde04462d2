// Streamed and in-memory execution agree on the whole query corpus: every golden script and example
// over the built-in data, its collections read as chunks of 1, 3, 7 and 1000 rows, prints exactly what it
// prints in memory (tables, notes and errors).

import Foundation
import Testing
@testable import WekaQL

@Suite struct StreamingCorpusTests {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let examples = tests.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples")

    /// The corpus: golden scripts over the built-in data and the examples, by path.
    static let scripts: [URL] = {
        let golden = ["queries", "charts", "errors", "lineage"].flatMap { folder in
            wql(in: tests.appendingPathComponent("Golden").appendingPathComponent(folder))
        }
        return golden + wql(in: examples)
    }()

    static func wql(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".wql") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// The built-in dataset with every collection read in chunks of `rows` rows.
    static func chunked(_ dataset: Dataset, rows: Int) throws -> Dataset {
        var result = Dataset(name: dataset.name, notes: dataset.notes)
        for collection in dataset.collections {
            var streamed = Dataset.Collection(name: collection.name, description: collection.description, notes: collection.notes,
                                              chunks: TableChunks(try collection.table, rowsPerChunk: rows))
            streamed.formerNames = collection.formerNames
            result.add(streamed)
        }
        return result
    }

    /// `--param NAME=VALUE` lines of an example's `.args` file.
    static func parameters(for script: URL) -> [String: Value] {
        let args = script.deletingPathExtension().appendingPathExtension("args")
        guard let text = try? String(contentsOf: args, encoding: .utf8) else { return [:] }
        let lines = text.split(separator: "\n").map(String.init)
        var result: [String: Value] = [:]
        for (index, line) in lines.enumerated() where line == "--param" && index + 1 < lines.count {
            let pair = lines[index + 1].split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { result[pair[0]] = .string(pair[1]) }
        }
        return result
    }

    /// Everything running `text` reports, rendered.
    static func output(_ engine: Engine, _ name: String, _ text: String, parameters: [String: Value]) -> String {
        var engine = engine
        let file = SourceFile(name: name, text: text)
        var blocks: [String] = []
        engine.run(file, parameters: parameters, keepGoing: true) { event in
            switch event {
            case .result(let result):
                // An explain never streams, and its table holds the time each stage took.
                if file.text(in: result.range).hasPrefix("explain") { return }
                var block = file.text(in: result.range) + "\n" + Renderer(format: .table).render(result.table)
                for note in result.notes { block += DiagnosticRenderer().render(note) + "\n" }
                blocks.append(block)
            case .failure(let diagnostic):
                blocks.append(DiagnosticRenderer().render(diagnostic))
            }
        }
        return blocks.joined(separator: "\n")
    }

    @Test(arguments: [1, 3, 7, 1000])
    func corpusStreamsAsInMemory(_ rows: Int) throws {
        let dataset = try Self.chunked(.builtIn, rows: rows)
        var streaming = Engine(dataset: dataset)
        streaming.streamsFiles = true
        #expect(!Self.scripts.isEmpty)
        for script in Self.scripts {
            let text = try String(contentsOf: script, encoding: .utf8)
            let parameters = Self.parameters(for: script)
            let expected = Self.output(Engine(), script.lastPathComponent, text, parameters: parameters)
            let actual = Self.output(streaming, script.lastPathComponent, text, parameters: parameters)
            #expect(actual == expected, "\(script.lastPathComponent) in chunks of \(rows) rows differs from in memory")
        }
    }

    /// The corpus exercises streaming, not only the in-memory fallback: most of its queries stream.
    @Test func mostOfTheCorpusStreams() throws {
        let dataset = try Self.chunked(.builtIn, rows: 3)
        let engine = Engine(dataset: dataset)
        var streamed = 0, total = 0
        var sinks: Set<String> = []
        for script in Self.scripts {
            let (plans, _) = engine.compile(SourceFile(name: "", text: try String(contentsOf: script, encoding: .utf8)))
            for plan in plans where plan.binding == nil {
                total += 1
                guard let split = StreamPlan(plan.query, dataset: dataset, parameters: [:]) else { continue }
                streamed += 1
                sinks.insert("\(split.sink)".prefix { $0 != "(" }.description)
            }
        }
        #expect(streamed * 2 > total, "only \(streamed) of \(total) corpus queries stream")
        #expect(sinks.isSuperset(of: ["aggregate", "distinct", "top", "first", "rows"]), "sinks streamed: \(sinks)")
    }
}
