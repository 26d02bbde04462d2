// Results as a tool consumes them: typed columns, rows of values, Codable tables, the CLI's renderers.

import Foundation
import Testing
import WekaQL

@Suite struct ResultsAPITests {
    static let togo = "arrests where country = \"Togo\" select country, arrested, notice"

    @Test func resultsHaveNamedTypedColumns() throws {
        let table = try Engine().prepare("operations select name, year, start_date, arrests / countries as ratio").run()
        #expect(table.fields.map(\.name) == ["name", "year", "start_date", "ratio"])
        #expect(table.fields.map(\.type) == [.string, .integer, .date, .float])
        #expect(table.count == 3)
        #expect(table.columnIndex("year") == 1)
        #expect(table.columnIndex("nope") == nil)
    }

    @Test func rowsIterateWithTypedValues() throws {
        let table = try Engine().prepare("operations select name, year, start_date sort by year").run()
        var seen: [String] = []
        for row in table {
            let name = try #require(row["name"]?.stringValue)
            let year = try #require(row["year"]?.integerValue)
            seen.append("\(name) \(year) \(row["start_date"]?.dateValue?.description ?? "-")")
        }
        #expect(seen == ["Turquesa II 2020 -", "Weka I 2021 -", "Weka II 2022 2022-06-12"])
        let weka = try #require(table.last)
        #expect(weka.fields.map(\.name) == ["name", "year", "start_date"])
        #expect(weka.values == ["Weka II", 2022, .date(LocalDate(year: 2022, month: 6, day: 12)!)])
        #expect(weka[2].dateValue?.components.day == 12)
        #expect(table[0, 2].isNull)
        #expect(table.values(ofColumn: 1) == [2020, 2021, 2022])
    }

    @Test func valueAccessorsDoNotConvert() {
        let three: Value = 3
        #expect(three.integerValue == 3)
        #expect(three.stringValue == nil)
        #expect(three.doubleValue == 3.0)
        #expect(Value.decimal(1.5).integerValue == nil)
        #expect(Value.boolean(true).booleanValue == true)
        #expect(Value.null.stringValue == nil)
        #expect(Value(parsing: "2022-06-17", as: .date)?.dateValue == LocalDate(year: 2022, month: 6, day: 17))
    }

    @Test func valuesCompareByTheLanguageRules() {
        #expect(Value.compare(1, 1.0) == 0)
        #expect(Value.compare(.null, 1) == nil)
        #expect(Value.compare("a", 1) == nil)
        #expect(Value.sortOrder(.null, 1) == 1)
    }

    @Test func aTableRoundTripsThroughCodable() throws {
        let table = try Engine().prepare("operations select name, year, start_date, countries / 4 as quarter, year > 2020 as recent").run()
        let data = try JSONEncoder().encode(table)
        let decoded = try JSONDecoder().decode(Table.self, from: data)
        #expect(decoded.fields == table.fields)
        #expect(decoded.map(\.values).count == 3)
        #expect(decoded.values(ofColumn: 1) == table.values(ofColumn: 1))
        #expect(decoded.values(ofColumn: 4) == table.values(ofColumn: 4))
        // A date travels as "YYYY-MM-DD" text and is read back by its field's type.
        #expect(decoded.map(\.values) == table.map(\.values))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"2022-06-12\""))
    }

    @Test(arguments: [
        (OutputFormat.csv, "country,arrested,notice\nTogo,1,\n"),
        (.json, "[\n  {\"country\":\"Togo\",\"arrested\":1,\"notice\":null}\n]\n"),
        (.jsonl, "{\"country\":\"Togo\",\"arrested\":1,\"notice\":null}\n"),
        (.markdown, "| country | arrested | notice |\n| --- | ---: | --- |\n| Togo | 1 |  |\n"),
    ])
    func renderersWriteTheCLIFormats(_ format: OutputFormat, _ expected: String) throws {
        let table = try Engine().prepare(Self.togo).run()
        #expect(Renderer(format: format).render(table) == expected)
    }

    @Test func theTableRendererDrawsBoxesAndFitsAWidth() throws {
        let table = try Engine().prepare(Self.togo).run()
        #expect(Renderer().render(table) == """
            ┌─────────┬──────────┬────────┐
            │ country │ arrested │ notice │
            ├─────────┼──────────┼────────┤
            │ Togo    │        1 │ null   │
            └─────────┴──────────┴────────┘
            1 row, 3 columns

            """)
        let wide = try Engine().prepare("funders select name").run()
        let narrow = Renderer(maxWidth: 30).render(wide)
        #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 30 })
        #expect(Renderer(format: .vertical).render(table).contains("country"))
    }
}
