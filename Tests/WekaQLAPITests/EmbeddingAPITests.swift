// What a tool author reaches for beyond run/prepare: data from memory, queries without `var`, rows as
// Codable types, parameters from Encodable values, renderer options and the version.

import Testing
import WekaQL

@Suite struct EmbeddingAPITests {
    // MARK: Data from memory

    @Test func csvTextLoadsLikeAFile() throws {
        var dataset = Dataset.empty
        try dataset.load(text: "zip;amount;opened\n007;12.5;2022-06-14\n01234;;\n", name: "cases", format: .csv)
        let table = try Engine(dataset: dataset).query("cases")
        #expect(table.fields.map(\.type) == [.string, .decimal, .date])
        #expect(table.map(\.values) == [["007", 12.5, .date(LocalDate("2022-06-14")!)], ["01234", nil, nil]])
    }

    @Test func bytesTakeTheLoadOptions() throws {
        var dataset = Dataset.empty
        let options = try LoadOptions(parsing: "header=false,types=column1:string")
        try dataset.load(bytes: Array("1,x\n2,y\n".utf8), name: "raw", format: .csv, options: options)
        let table = try Engine(dataset: dataset).query("raw")
        #expect(table.fields.map(\.name) == ["column1", "column2"])
        #expect(table.fields[0].type == .string)
    }

    @Test func jsonLinesFromMemory() throws {
        var dataset = Dataset.empty
        try dataset.load(text: "{\"a\": 1}\n{\"a\": 2}\n", name: "events", format: .jsonl)
        #expect(try Engine(dataset: dataset).query("events summarize total = sum(a)")[0, 0] == 3)
    }

    @Test func errorsInMemoryDataArePlacedInTheirName() {
        var dataset = Dataset.empty
        #expect {
            try dataset.load(text: "a,b\n1,2,3\n", name: "cases", format: .csv)
        } throws: { error in
            let diagnostic = error as! Diagnostic
            return diagnostic.code == .malformedCSV && diagnostic.description.hasPrefix("<cases>:2:")
        }
        #expect(dataset.collections.isEmpty)
    }

    @Test func badOptionTextIsAnError() {
        #expect(throws: Diagnostic.self) { try LoadOptions(parsing: "separator_char=;") }
        #expect(throws: Diagnostic.self) { try LoadOptions(parsing: "header") }
        #expect(throws: Never.self) { try LoadOptions(parsing: "") }
    }

    @Test func swiftRowsBecomeACollection() throws {
        var dataset = Dataset.builtIn
        dataset.add(try Table(columns: ["country", "cases"], rows: [["Togo", 3], ["Niger", nil]]), name: "ours",
                    description: "cases we follow")
        #expect(dataset["ours"]?.description == "cases we follow")
        let joined = try Engine(dataset: dataset).query("ours join countries on country select country, cases, continent")
        #expect(joined.map(\.values) == [["Togo", 3, "Africa"], ["Niger", nil, "Africa"]])
    }

    // MARK: Queries without var

    @Test func queryRunsOnALetEngineAndChangesNothing() throws {
        let engine = Engine()
        let table = try engine.query("arrests where country = $c select arrested", parameters: ["c": "Togo"])
        #expect(table.map(\.values) == [[1]])
        #expect(engine.bindings.isEmpty)
    }

    @Test func queryRefusesALetStatement() {
        #expect {
            try Engine().query("let x = arrests")
        } throws: { ($0 as! Diagnostic).code == .notOneQuery }
    }

    @Test func queryTakesEncodableParameters() throws {
        struct Filter: Encodable { var country: String; var least: Int; var since: LocalDate? }
        let table = try Engine().query("arrests where country = $country and arrested >= $least select arrested",
                                       with: Filter(country: "Cameroon", least: 2, since: nil))
        #expect(table.map(\.values) == [[3]])
        #expect(try ParameterEncoder.encode(Filter(country: "x", least: 1, since: LocalDate("2022-06-14")))
                == ["country": "x", "least": 1, "since": .date(LocalDate("2022-06-14")!)])
    }

    @Test func nestedParametersAreRefused() {
        struct Inner: Encodable { var a = 1 }
        struct Outer: Encodable { var inner = Inner() }
        struct Listed: Encodable { var values = [1, 2] }
        for value in [Outer() as any Encodable, Listed(), "text"] {
            #expect { try ParameterEncoder.encode(value) } throws: { ($0 as! Diagnostic).code == .parameterEncoding }
        }
    }

    // MARK: Codable rows

    struct Arrest: Decodable, Equatable {
        var country: String
        var arrested: Int?
    }

    @Test func rowsDecodeByColumnName() throws {
        let engine = Engine()
        let arrests = try engine.prepare("arrests where country = $c select arrested, country")
            .run(as: Arrest.self, ["c": "Lesotho"])
        #expect(arrests == [Arrest(country: "Lesotho", arrested: nil), Arrest(country: "Lesotho", arrested: nil)])
        let togo = try engine.query("arrests where country = \"Togo\"").decode(Arrest.self)
        #expect(togo == [Arrest(country: "Togo", arrested: 1)])
    }

    @Test func decodingReadsEveryKind() throws {
        enum Continent: String, Decodable { case africa = "Africa", asia = "Asia", americas = "Americas" }
        struct Everything: Decodable {
            var text: String; var number: Int64; var small: Int8; var real: Double; var flag: Bool
            var day: LocalDate; var any: Value; var continent: Continent; var missing: String?
        }
        let table = try Table(columns: ["text", "number", "small", "real", "flag", "day", "any", "continent"],
                              rows: [["a", 5, 7, 2.5, true, .date(LocalDate("2022-06-14")!), nil, "Asia"]])
        let row = try table.decode(Everything.self)[0]
        #expect(row.text == "a" && row.number == 5 && row.small == 7 && row.real == 2.5 && row.flag)
        #expect(row.day == LocalDate("2022-06-14") && row.any == .null && row.continent == .asia && row.missing == nil)
    }

    @Test func aMissingColumnIsNamed() {
        struct NeedsOrigin: Decodable { var origin: String }
        #expect {
            try Engine().query("arrests select country").decode(NeedsOrigin.self)
        } throws: { error in
            let diagnostic = error as! Diagnostic
            return diagnostic.code == .missingColumn && diagnostic.message.contains("\"origin\"")
                && diagnostic.hints.contains { $0.contains("country") }
        }
    }

    @Test func mismatchesNameTheRowColumnAndValue() {
        struct Wrong: Decodable { var country: Int }
        struct NotOptional: Decodable { var arrested: Int }
        struct TooSmall: Decodable { var number: UInt8 }
        #expect { try Engine().query("arrests select country").decode(Wrong.self) } throws: {
            let d = $0 as! Diagnostic
            return d.code == .valueDecoding && d.message.hasPrefix("row 1: column \"country\" is string")
        }
        #expect { try Engine().query("arrests where arrested is null select arrested").decode(NotOptional.self) } throws: {
            let d = $0 as! Diagnostic
            return d.code == .valueDecoding && d.message.contains("null") && d.hints.contains { $0.contains("Optional") }
        }
        #expect { try Table(columns: ["number"], rows: [[300]]).decode(TooSmall.self) } throws: {
            ($0 as! Diagnostic).message.contains("fits in UInt8")
        }
    }

    @Test func aTypesOwnRejectionBecomesADiagnostic() {
        enum Continent: String, Decodable { case europe = "Europe" }
        struct Row: Decodable { var continent: Continent }
        #expect { try Engine().query("countries select continent").decode(Row.self) } throws: {
            let d = $0 as! Diagnostic
            return d.code == .valueDecoding && d.message.hasPrefix("row 1 does not decode as Row")
        }
    }

    // MARK: Rendering and the version

    @Test func rendererOptionsDropTheFooterAndNameNulls() throws {
        let table = try Table(columns: ["a"], rows: [[1], [nil]])
        let plain = Renderer(format: .table).render(table)
        #expect(plain.hasSuffix("2 rows, 1 column\n") && plain.contains("null"))
        let bare = Renderer(format: .table, footer: false, nullText: "–").render(table)
        #expect(!bare.contains("rows") && bare.contains("–") && !bare.contains("null"))
        #expect(Renderer(format: .vertical, footer: false, nullText: "NA").render(table).contains("NA"))
        #expect(Renderer(format: .markdown).render(table).contains("|  |"))
        #expect(Renderer(format: .markdown, nullText: "NA").render(table).contains("| NA |"))
        #expect(Renderer(format: .csv, nullText: "NA").render(table) == "a\n1\n\n")
    }

    @Test func theVersionIsSemantic() {
        let parts = Engine.version.split(separator: ".")
        #expect(parts.count == 3 && parts.allSatisfy { Int($0) != nil })
    }
}
