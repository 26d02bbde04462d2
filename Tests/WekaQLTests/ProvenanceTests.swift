// Where the built-in values come from, as a user meets it: notes on hedged figures and partial totals,
// the release's own spellings as aliases, the former name of a collection, and `.schema`'s text.

import Testing
import WekaQL

/// The notes of the last statement of `query` on the built-in data.
private func notesOf(_ query: String) throws -> [Diagnostic] {
    var engine = Engine()
    return try #require(try engine.run(query).last).notes
}

struct NotedQuery: CustomTestStringConvertible, Sendable {
    var query: String
    var code: Diagnostic.Code?
    /// Texts the note must contain; nothing when `code` is nil (no note at all).
    var contains: [String]
    var testDescription: String { query }
}

@Suite struct ProvenanceTests {
    static let cases: [NotedQuery] = [
        NotedQuery(query: "figures summarize sum(value)", code: .hedgedFigures,
                   contains: ["value holds figures the release qualifies", "nearly 700", "some 4000", "here summed"]),
        NotedQuery(query: "figures where value > 600 select metric", code: .hedgedFigures, contains: ["here compared"]),
        NotedQuery(query: "operations select victims_rescued / countries", code: .hedgedFigures,
                   contains: ["victims_rescued holds", "nearly 700", "used in arithmetic"]),
        NotedQuery(query: "operations summarize avg(migrants_identified)", code: .hedgedFigures, contains: ["some 4000", "averaged"]),
        NotedQuery(query: "operations select migrants_identified | summarize sum(migrants_identified)", code: .hedgedFigures,
                   contains: ["may hold figures the release qualifies"]),
        NotedQuery(query: "figures where qualifier is null summarize sum(value)", code: nil, contains: []),
        // The right side's qualifier is renamed with it, not confused with the left side's field of that name.
        NotedQuery(query: "figures select metric, value, \"x\" as qualifier | join figures on metric | summarize sum(figures_value)",
                   code: .hedgedFigures, contains: ["figures_value holds", "nearly 700"]),
        NotedQuery(query: "figures where metric = \"countries\" select value", code: nil, contains: []),
        NotedQuery(query: "victims summarize sum(victims)", code: nil, contains: []),
        NotedQuery(query: "arrests summarize sum(arrested)", code: .partialTotal,
                   contains: ["not the release's total", "a total of 300 arrests", "9 rows", "2 rows have no arrested"]),
        NotedQuery(query: "arrests where country = \"Togo\" summarize sum(arrested)", code: .partialTotal,
                   contains: ["1 row the release", "300"]),
        NotedQuery(query: "arrests summarize max(arrested)", code: nil, contains: []),
        NotedQuery(query: "smuggling where country = \"DRC\"", code: .noMatch,
                   contains: ["did you mean \"Democratic Republic of the Congo\"?"]),
        NotedQuery(query: "smuggling where country in (\"The Gambia\")", code: .noMatch, contains: ["did you mean \"Gambia\"?"]),
        NotedQuery(query: "countries where country = \"Kuweit\"", code: .noMatch, contains: ["\"Kuweit\" is not a country here"]),
        NotedQuery(query: "countries where country =~ \"the gambia\"", code: nil, contains: []),
    ]

    @Test(arguments: cases)
    func notes(_ c: NotedQuery) throws {
        let found = try notesOf(c.query)
        guard let code = c.code else { return #expect(found.isEmpty, "\(found.map(\.message))") }
        try #require(found.count == 1, "\(found.map(\.message))")
        #expect(found[0].code == code)
        #expect(found[0].severity == .note)
        for text in c.contains { #expect(found[0].message.contains(text), "\(found[0].message)") }
    }

    @Test func theReleasesSpellingsMatchWithFuzzyEquality() throws {
        var engine = Engine()
        let spellings = ["The Gambia", "DRC", "Democratic Republic Of Congo", "Democratic Republic of Congo", "Kuweit",
                         "Cote d'Ivoire", "Burkina-Faso", "Guinea Bissau"]
        for spelling in spellings {
            let table = try #require(try engine.run("countries where country =~ \"\(spelling.lowercased())\" select country").last?.table)
            #expect(table.count == (spelling == "Kuweit" ? 0 : 1), "\(spelling)")
        }
    }

    @Test func completionOffersTheValueAnAliasStandsFor() {
        let found = Engine().completions(for: "smuggling where country = \"DR", cursor: 29, commands: [])
        #expect(found.candidates.map(\.text) == ["\"Democratic Republic of the Congo\""])
        let direct = Engine().completions(for: "countries where country = \"Gam", cursor: 30, commands: [])
        #expect(direct.candidates.map(\.text) == ["\"Gambia\""])
    }

    @Test func theFormerNameOfACollectionStillWorks() throws {
        var engine = Engine()
        let items = try #require(try engine.run("seizures count").last?.table)
        #expect(items[0]["count"] == .integer(4))
        #expect(Dataset.builtIn["seizures"]?.name == "items")
    }

    @Test func aSelectedFieldKeepsItsProvenance() throws {
        var engine = Engine()
        let table = try #require(try engine.run("operations select year, dates").last?.table)
        #expect(table.fields.map(\.origin) == [.inferred, .release])
        #expect(table.fields[0].originNote.contains("year the release was published"))
    }

    @Test func theSchemaTextShowsOriginsAndWholeDescriptions() throws {
        let operations = try #require(Dataset.builtIn["operations"])
        let text = SchemaText(width: 60).schema(of: operations)
        let year = try #require(operations.fields.first { $0.name == "year" })
        #expect(text.contains("inferred"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 60 })
        // Every word of a long description and of its reason is there, whatever the wrapping.
        let words = Set(text.split(whereSeparator: \.isWhitespace))
        for word in (year.description + " " + year.originNote).split(separator: " ") { #expect(words.contains(word), "\(word)") }
        let arrests = SchemaText(width: 200).schema(of: try #require(Dataset.builtIn["arrests"]))
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(arrests.contains("part of: a total of 300 arrests"))
        #expect(arrests.contains("Democratic Republic of the Congo ← DR Congo, DRC, Democratic Republic Of Congo"))
    }

    @Test func theNotesTextHasEveryNote() throws {
        let victims = try #require(Dataset.builtIn["victims"])
        let text = SchemaText(width: 80).notes(of: victims)
        #expect(text.hasPrefix("victims — "))
        #expect(text.components(separatedBy: "\n  - ").count == victims.notes.count + 1)
        #expect(SchemaText().notes(of: Dataset.builtIn).contains("Judgement calls"))
    }
}
