// Shared by the language tests: small hand-built datasets, running queries, and reading diagnostics.

import Testing
import WekaQL

/// Small tables for the cases the built-in data does not exercise: nulls in keys, ties, accents,
/// decimals, dates, duplicate join keys. Every suite reads the same rows, so expectations can be
/// checked against this one listing.
enum LangFixtures {
    /// `people`: ids 1–6; nulls in `city`, `age` and `score`; ties on `age` and `score`;
    /// names that sort differently by code point (`bob`, `Émile`) than alphabetically.
    static let peopleColumns = ["id", "name", "city", "age", "score", "active", "joined"]
    static let peopleRows: [[Value]] = [
        [1, "Ana", "Lomé", 30, 2.5, true, date("2022-06-12")],
        [2, "bob", "Accra", nil, 1.0, false, date("2021-01-31")],
        [3, "Chloé", nil, 25, nil, nil, nil],
        [4, "Dan", "Lomé", 30, 4.0, true, date("2022-06-17")],
        [5, "Émile", "Dakar", 41, 2.5, false, date("2020-02-29")],
        [6, "Faye", "Accra", nil, nil, true, date("2022-12-31")],
    ]

    /// `cities`: `Lomé` twice (a duplicate join key), `Abidjan` that no person lives in, a null population.
    static let citiesColumns = ["city", "country", "population"]
    static let citiesRows: [[Value]] = [
        ["Lomé", "Togo", 837_437],
        ["Accra", "Ghana", 2_291_352],
        ["Abidjan", "Côte d'Ivoire", nil],
        ["Lomé", "Togo (old town)", 1],
    ]

    /// `numbers`: extremes for overflow, zeros for division, integers and decimals side by side.
    static let numbersColumns = ["label", "i", "d", "zero"]
    static let numbersRows: [[Value]] = [
        ["max", .integer(.max), 1.5, 0],
        ["min", .integer(.min), -1.5, 0],
        ["one", 1, 0.5, 0],
    ]

    /// A date value from `YYYY-MM-DD`.
    static func date(_ text: String) -> Value { .date(LocalDate(text)!) }

    /// The fixture dataset: `people`, `cities`, `numbers`, `empty` (`id`, `name`, no rows) and
    /// `nothing` (one all-null column `x`, two rows).
    static let dataset: Dataset = {
        do {
            return Dataset(name: "fixtures", collections: [
                Dataset.Collection(name: "people", table: try Table(columns: peopleColumns, rows: peopleRows)),
                Dataset.Collection(name: "cities", table: try Table(columns: citiesColumns, rows: citiesRows)),
                Dataset.Collection(name: "numbers", table: try Table(columns: numbersColumns, rows: numbersRows)),
                Dataset.Collection(name: "empty", table: try Table(columns: ["id", "name"], rows: [])),
                Dataset.Collection(name: "nothing", table: try Table(columns: ["x"], rows: [[nil], [nil]])),
            ])
        } catch {
            fatalError("the fixture tables are malformed: \(error)")
        }
    }()

    /// A dataset of one collection built from rows.
    static func dataset(_ name: String, _ columns: [String], _ rows: [[Value]]) throws -> Dataset {
        Dataset(collections: [Dataset.Collection(name: name, table: try Table(columns: columns, rows: rows))])
    }

    /// Runs `query` (one or more statements) and returns the last result's table.
    static func table(_ query: String, in dataset: Dataset = LangFixtures.dataset) throws -> Table {
        var engine = Engine(dataset: dataset)
        return try #require(try engine.run(query).last?.table)
    }

    /// The rows of the last result of `query`.
    static func rows(_ query: String, in dataset: Dataset = LangFixtures.dataset) throws -> [[Value]] {
        try table(query, in: dataset).map(\.values)
    }

    /// The one column of the last result of `query`, top to bottom.
    static func column(_ query: String, in dataset: Dataset = LangFixtures.dataset) throws -> [Value] {
        let table = try table(query, in: dataset)
        try #require(table.fields.count == 1, "expected one column, got \(table.fields.map(\.name))")
        return table.values(ofColumn: 0)
    }

    /// The single value of a one-row, one-column result.
    static func value(_ query: String, in dataset: Dataset = LangFixtures.dataset) throws -> Value {
        let values = try column(query, in: dataset)
        try #require(values.count == 1, "expected one row, got \(values.count)")
        return values[0]
    }

    /// The column names of the last result of `query`.
    static func names(_ query: String, in dataset: Dataset = LangFixtures.dataset) throws -> [String] {
        try table(query, in: dataset).fields.map(\.name)
    }

    /// The error `engine.run` throws for `query`, or `nil` (recorded as an issue) if it runs.
    static func failure(_ query: String, in dataset: Dataset = LangFixtures.dataset,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
        var engine = Engine(dataset: dataset)
        do {
            let results = try engine.run(query)
            Issue.record("expected an error, got \(results.count) result(s)", sourceLocation: sourceLocation)
            return nil
        } catch {
            let diagnostic = error   // typed: `catch let … as Diagnostic` here crashes Swift 6.3.1 (SILGen)
            return diagnostic
        }
    }

    /// Every parse and check problem of `text`, in source order, as `engine.check` reports them.
    static func diagnostics(_ text: String, in dataset: Dataset = LangFixtures.dataset) -> [Diagnostic] {
        Engine(dataset: dataset).check(SourceFile(name: "-e", text: text))
    }

    /// The number of characters the diagnostic's range covers on its first line: the caret's length.
    static func caretWidth(_ diagnostic: Diagnostic) -> Int? {
        guard let file = diagnostic.file, let range = diagnostic.range else { return nil }
        return file.text(in: range).prefix { $0 != "\n" }.count
    }
}

/// An expected diagnostic: code, place, caret width, message and hints, checked together.
struct ExpectedDiagnostic: Sendable, CustomTestStringConvertible {
    var source: String
    var code: Diagnostic.Code
    var line: Int
    var column: Int
    /// Characters under the caret.
    var width: Int
    var message: String
    /// Each hint must start with the corresponding text (hints often end with a long field list).
    var hints: [String] = []

    var testDescription: String { "\(code.rawValue): \(source.replacingOccurrences(of: "\n", with: "⏎"))" }

    /// Checks `diagnostic` against every part of the expectation.
    func check(_ diagnostic: Diagnostic?, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let diagnostic else {
            Issue.record("no diagnostic for \(testDescription)", sourceLocation: sourceLocation)
            return
        }
        #expect(diagnostic.code == code, sourceLocation: sourceLocation)
        #expect(diagnostic.severity == .error, sourceLocation: sourceLocation)
        #expect(diagnostic.location?.line == line, sourceLocation: sourceLocation)
        #expect(diagnostic.location?.column == column, sourceLocation: sourceLocation)
        #expect(LangFixtures.caretWidth(diagnostic) == width, sourceLocation: sourceLocation)
        #expect(diagnostic.message == message, sourceLocation: sourceLocation)
        #expect(diagnostic.hints.count == hints.count, "hints: \(diagnostic.hints)", sourceLocation: sourceLocation)
        for (actual, expected) in zip(diagnostic.hints, hints) {
            #expect(actual.hasPrefix(expected), "hint \(actual.debugDescription)", sourceLocation: sourceLocation)
        }
    }
}
