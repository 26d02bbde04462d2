// The SQL each query compiles to, per dialect, as snapshot files: Golden/sql/DIALECT/NAME.sql holds, for
// each query of Golden/queries/NAME.wql (and Golden/sql/constructs.wql, one query per construct), "> " and
// the query, then its SQL with the values bound to it, or the error for a construct with no SQL there.
//
//   WEKAQL_RECORD=1 swift test --filter SQLSnapshotTests     re-records them after an intended change

import Foundation
import Testing
@testable import WekaQL

@Suite struct SQLSnapshotTests {
    static let golden = GoldenFileTests.root
    /// Values for the `$parameters` the golden queries use.
    static let parameters: [String: Value] = ["country": .string("Togo"), "n": .integer(2)]

    static var scripts: [String] {
        GoldenFileTests.scripts(in: "queries") + ["sql/constructs.wql", "sql/types.wql"]
    }

    /// Every query of `text`, each with its SQL in `dialect` or its error.
    static func snapshot(_ text: String, name: String, dialect: SQLDialect) -> String {
        let engine = Engine()
        let file = SourceFile(name: name, text: text)
        let (plans, errors) = engine.compile(file, parameterTypes: parameters.mapValues(\.type))
        var blocks: [String] = errors.map { DiagnosticRenderer().render($0) }
        var bindings: [String: QueryPlan] = [:]
        for plan in plans {
            if let binding = plan.binding { bindings[binding] = plan.query; continue }
            var block = "> " + file.text(in: plan.range) + "\n"
            do throws(Diagnostic) {
                let compiled = try engine.sql(for: plan.query, dialect: dialect, parameters: parameters, bindings: bindings)
                block += compiled.text + ";\n"
                for (index, value) in compiled.parameters.enumerated() { block += "-- \(index + 1): \(value.type.rawValue) \(value)\n" }
            } catch {
                block += DiagnosticRenderer().render(error.located(in: file)) + "\n"
            }
            blocks.append(block)
        }
        return blocks.joined(separator: "\n")
    }

    @Test(arguments: SQLDialect.allCases)
    func snapshots(_ dialect: SQLDialect) throws {
        for script in Self.scripts {
            let source = Self.golden.appendingPathComponent(script)
            let text = try String(contentsOf: source, encoding: .utf8)
            let name = source.deletingPathExtension().lastPathComponent
            let actual = Self.snapshot(text, name: name + ".wql", dialect: dialect)
            let expected = Self.golden.appendingPathComponent("sql/\(dialect.name)/\(name).sql")
            if GoldenFileTests.recording {
                try FileManager.default.createDirectory(at: expected.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: expected, atomically: true, encoding: .utf8)
                continue
            }
            let recorded = try? String(contentsOf: expected, encoding: .utf8)
            #expect(recorded == actual, "\(dialect.name)/\(name).sql differs (WEKAQL_RECORD=1 re-records it)")
        }
    }

    /// Every construct compiles in the sqlite dialect but the aggregates SQLite 3.40 has no faithful form of,
    /// and wekaql's exact decimals, which have no translation yet.
    @Test func sqliteCompilesEveryConstructButSomeAggregates() throws {
        let text = try String(contentsOf: Self.golden.appendingPathComponent("sql/constructs.wql"), encoding: .utf8)
        let snapshot = Self.snapshot(text, name: "constructs.wql", dialect: .sqlite)
        let refused = snapshot.components(separatedBy: "error[E1000]: no SQL yet for ").dropFirst().map { $0.prefix { $0 != "\n" } }
        #expect(refused == ["median() in sqlite", "string_agg() in sqlite", "an exact decimal in sqlite", "an exact decimal in sqlite"])
    }

    /// A construct with no faithful SQL is an error placed on it, naming it and the dialect.
    @Test func noFaithfulSQLIsAPlacedError() {
        #expect(throws: Diagnostic.self) { try Engine().sql(for: "arrests select length(country)", dialect: .postgres) }
        do {
            _ = try Engine().sql(for: "arrests select length(country)", dialect: .spark)
            Issue.record("compiled")
        } catch {
            #expect(error.code == .noSQL)
            #expect(error.message == "no SQL yet for length() in spark")
            #expect(error.location?.column == 16)
        }
    }

    /// A query over the shell's last result (a table in memory) has no SQL.
    @Test func resultInMemoryHasNoSQL() {
        var engine = Engine()
        engine.bind("_", to: try! engine.run("arrests limit 1")[0].table)
        do {
            _ = try engine.sql(for: "_ count", dialect: .duckdb)
            Issue.record("compiled")
        } catch {
            #expect(error.code == .noSQLForResult)
        }
    }
}
