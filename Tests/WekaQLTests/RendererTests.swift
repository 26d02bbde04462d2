// Result tables as text: how nulls, numbers, quotes and line breaks come out in table, CSV and JSON.

import Testing
import WekaQL

@Suite struct RendererTests {
    static let table: Table = {
        do {
            return try Table(columns: ["name", "n", "x", "ok", "day"], rows: [
                ["Côte d'Ivoire", 1, 2.5, true, .date(LocalDate("2022-06-12")!)],
                ["a, \"b\"", nil, nil, nil, nil],
                ["two\nlines", -30, 2.0, false, nil],
            ])
        } catch {
            fatalError("\(error)")
        }
    }()

    @Test func tableFormat() {
        #expect(Renderer(format: .table).render(Self.table) == """
            ┌───────────────┬──────┬──────┬───────┬────────────┐
            │ name          │ n    │ x    │ ok    │ day        │
            ├───────────────┼──────┼──────┼───────┼────────────┤
            │ Côte d'Ivoire │    1 │  2.5 │ true  │ 2022-06-12 │
            │ a, "b"        │ null │ null │ null  │ null       │
            │ two\\nlines    │  -30 │  2.0 │ false │ null       │
            └───────────────┴──────┴──────┴───────┴────────────┘
            3 rows, 5 columns
            1 value shown with escapes (control characters)

            """)
    }

    @Test func csvFormat() {
        #expect(Renderer(format: .csv).render(Self.table) == #"""
            name,n,x,ok,day
            Côte d'Ivoire,1,2.5,true,2022-06-12
            "a, ""b""",,,,
            "two
            lines",-30,2.0,false,

            """#)
    }

    @Test func jsonFormat() {
        #expect(Renderer(format: .json).render(Self.table) == #"""
            [
              {"name":"Côte d'Ivoire","n":1,"x":2.5,"ok":true,"day":"2022-06-12"},
              {"name":"a, \"b\"","n":null,"x":null,"ok":null,"day":null},
              {"name":"two\nlines","n":-30,"x":2.0,"ok":false,"day":null}
            ]

            """#)
    }

    @Test func emptyResults() throws {
        let empty = try LangFixtures.table("people where id > 99 select id, name")
        #expect(Renderer(format: .csv).render(empty) == "id,name\n")
        #expect(Renderer(format: .json).render(empty) == "[]\n")
        #expect(Renderer(format: .table).render(empty) == """
            ┌────┬──────┐
            │ id │ name │
            ├────┼──────┤
            └────┴──────┘
            0 rows, 2 columns

            """)
    }

    @Test func aQueryResultRendersItsComputedTypes() throws {
        let result = try LangFixtures.table("people where id <= 2 select id, age / 4 as quarter, score * 2 as double")
        #expect(Renderer(format: .csv).render(result) == "id,quarter,double\n1,7.5,5.0\n2,,2.0\n")
    }
}
