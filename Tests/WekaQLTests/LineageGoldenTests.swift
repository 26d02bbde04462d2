// Golden files of `why`, `why not` and `explain`: Golden/lineage/NAME.wql beside NAME.expected, run over
// the built-in data with Golden/lineage/people.csv loaded as `people`. Lineage is shown as exact rows
// (positions, or file:line for the CSV) with their sentences; `explain`'s `ms` column is masked, since
// timings vary. Record again with WEKAQL_RECORD=1 swift test --filter LineageGoldenTests.

import Foundation
import Testing
import WekaQL

@Suite struct LineageGoldenTests {
    static let folder = GoldenFileTests.root.appendingPathComponent("lineage")

    static var scripts: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".wql") }.sorted()
    }

    @Test(arguments: scripts)
    func lineageOutput(_ name: String) throws {
        let script = Self.folder.appendingPathComponent(name)
        let expectedURL = script.deletingPathExtension().appendingPathExtension("expected")
        let actual = try Self.output(of: name, text: try String(contentsOf: script, encoding: .utf8))
        if GoldenFileTests.recording {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected, "\(name) differs from its .expected file")
    }

    /// Every result as a table with its notes, and every error, as the golden files of queries show them.
    static func output(of name: String, text: String) throws -> String {
        var dataset = Dataset.builtIn
        let csv = folder.appendingPathComponent("people.csv").path
        try dataset.load(path: csv)
        var engine = Engine(dataset: dataset)
        let file = SourceFile(name: name, text: text)
        var blocks: [String] = []
        engine.run(file) { event in
            switch event {
            case .result(let result):
                var block = "> " + file.text(in: result.range) + "\n"
                if let binding = result.binding {
                    block += "bound \(binding): \(result.table.count) rows\n"
                } else {
                    block += Renderer(format: .table).render(masked(result.table))
                }
                for note in result.notes { block += DiagnosticRenderer().render(note) + "\n" }
                blocks.append(String(block.dropLast()))
            case .failure(let diagnostic):
                blocks.append(DiagnosticRenderer().render(diagnostic))
            }
        }
        // The CSV's place is machine-dependent: shown from the golden folder.
        return (blocks.joined(separator: "\n\n") + "\n").replacingOccurrences(of: folder.path + "/", with: "")
    }

    /// The table with its `ms` column (explain's timings) shown as "…", and the CSV's path from the golden folder.
    static func masked(_ table: Table) -> Table {
        let ms = table.columnIndex("ms").flatMap { table.fields[$0].type == .decimal ? $0 : nil }
        let rows = table.map { row in
            row.values.enumerated().map { column, value -> Value in
                if column == ms { return .string("…") }
                guard case .string(let text) = value else { return value }
                return .string(text.replacingOccurrences(of: folder.path + "/", with: ""))
            }
        }
        return (try? Table(columns: table.fields.map(\.name), rows: rows)) ?? table
    }
}
