// Load options (`--data 'f.csv:delim=;,header=false'`, `.data f.csv delim=;`, `LoadOptions`): their
// syntax, and what each does to a load — with column selection and the two-thread parse still at work.

import Foundation
import Testing
@testable import WekaQL

@Suite struct LoadOptionsTests {
    /// The collection of loading `text` saved as `name` with `options`, and the load's warnings.
    static func load(_ name: String, _ text: String, _ options: [String] = [], columns: ColumnSelection = .all,
                     into dataset: Dataset = Dataset()) throws -> (Dataset.Collection, [Diagnostic]) {
        let file = try TemporaryFile(name: name, contents: Data(text.utf8))
        var dataset = dataset
        let warnings = try withExtendedLifetime(file) {
            try dataset.load(path: file.path, options: LoadOptions(options), columns: columns)
        }
        let named = try LoadOptions(options).name
        let collection = try #require(named.flatMap { dataset[$0] } ?? dataset.collections.last)
        return (collection, warnings)
    }

    static func rows(_ collection: Dataset.Collection) throws -> [[String]] {
        let table = try collection.table
        return (0..<table.rowCount).map { row in table.fields.indices.map { table[row, $0].description } }
    }

    // MARK: - Syntax

    @Test(arguments: [
        ("cases.csv", "cases.csv", [String]()),
        ("cases.csv:delim=;,header=false,name=cases", "cases.csv", ["delim=;", "header=false", "name=cases"]),
        ("C:/data/x.csv:delim=;", "C:/data/x.csv", ["delim=;"]),
        ("cases.csv:types=zip:string,opened:date,skip=2", "cases.csv", ["types=zip:string,opened:date", "skip=2"]),
        ("cases.csv:delim=,,header=false", "cases.csv", ["delim=,", "header=false"]),
        ("a:b.csv", "a:b.csv", []),
        ("-:format=jsonl", "-", ["format=jsonl"]),
    ])
    func dataArgumentsSplitIntoPathAndOptions(_ argument: String, _ path: String, _ pairs: [String]) throws {
        let (splitPath, options) = try LoadOptions.split(dataArgument: argument)
        #expect(splitPath == path)
        #expect(options == (try LoadOptions(pairs)))
    }

    @Test func shellArgumentsTakeOptionsAfterThePath() throws {
        let (path, options) = try LoadOptions.split(shellArgument: "my data/cases.csv delim=; name=cases nulls=NA|-")
        #expect(path == "my data/cases.csv")
        #expect(options.delimiter == ";" && options.name == "cases" && options.nulls == ["NA", "-"])
        let (other, same) = try LoadOptions.split(shellArgument: "cases.csv:delim=tab")
        #expect(other == "cases.csv" && same.delimiter == "\t")
    }

    @Test func anExistingFileIsTakenWhole() throws {
        let file = try TemporaryFile(name: "odd:name=x.csv", contents: Data("a\n1\n".utf8))
        let (path, options) = try LoadOptions.split(dataArgument: file.path)
        #expect(path == file.path && options == LoadOptions())
    }

    @Test(arguments: ["heder=false", "delim=ab", "header=maybe", "types=zip", "types=zip:money", "skip=-1", "bad_rows=drop",
                      "format=xml", "encoding=ebcdic", "dateformat=%Q", "name="])
    func badOptionsAreDiagnostics(_ pair: String) throws {
        let error = #expect(throws: Diagnostic.self) { try LoadOptions([pair]) }
        #expect(error?.code == .badLoadOption)
    }

    @Test func anUnknownOptionSuggestsTheNearest() throws {
        let error = #expect(throws: Diagnostic.self) { try LoadOptions.split(dataArgument: "x.csv:delimter=;,heder=1") }
        #expect(error?.hints.contains("did you mean \"delimiter\"?") == true || error?.hints.contains("did you mean \"delim\"?") == true)
    }

    // MARK: - Delimiters

    @Test(arguments: [
        ("a;b\n1;x\n2;y\n", ";"), ("a\tb\n1\tx\n", "\t"), ("a|b|c\n1|2|3\n", "|"), ("a,b\n1,\"x;y\"\n", ","),
        ("only\n1\n2\n", ","), ("a;b,c\n1;2,3\n", ","),
    ])
    func theDelimiterIsSniffed(_ text: String, _ expected: String) throws {
        let (collection, _) = try Self.load("sniffed.csv", text)
        let expectedCount = text.split(separator: "\n")[0].split(separator: Character(expected), omittingEmptySubsequences: false).count
        #expect(try collection.table.fields.count == expectedCount)
        #expect(collection.description.contains("separated") == (expected != ","), "the description says which delimiter")
    }

    @Test func tsvAndTxtFilesLoad() throws {
        let (tsv, _) = try Self.load("t.tsv", "a\tb\n1\tx,y\n")
        #expect(try Self.rows(tsv) == [["1", "x,y"]])
        let (txt, _) = try Self.load("t.txt", "a|b\n1|2\n")
        #expect(try Self.rows(txt) == [["1", "2"]])
        let (given, _) = try Self.load("g.csv", "a;b\n1;2\n", ["delim=comma"])
        #expect(try given.table.fields.map(\.name) == ["a;b"])
    }

    // MARK: - Header, skip, names, nulls

    @Test func withoutAHeaderColumnsAreNumbered() throws {
        let (collection, _) = try Self.load("h.csv", "1,x\n2,y\n", ["header=false"])
        #expect(try collection.table.fields.map(\.name) == ["column1", "column2"])
        #expect(try collection.table.rowCount == 2)
        #expect(try collection.table.fields[0].type == .integer)
    }

    @Test func skipLeavesOutLinesBeforeTheHeader() throws {
        let (collection, _) = try Self.load("s.csv", "Exported 2022-06-12\n# comment, with comma\nn,m\n1,2\n", ["skip=2"])
        #expect(try collection.table.fields.map(\.name) == ["n", "m"])
        #expect(try Self.rows(collection) == [["1", "2"]])
    }

    @Test func nameAndNullsOptions() throws {
        let (collection, _) = try Self.load("n.csv", "n,t\n1,NA\nNA,x\n-,-\n", ["name=cases", "nulls=NA|-"])
        #expect(collection.name == "cases")
        #expect(try collection.table.fields.map(\.type) == [.integer, .string])
        #expect(try collection.table[1, 0].isNull && collection.table[0, 1].isNull && collection.table[2, 1].isNull)
    }

    @Test(arguments: [("my-keys.csv", "my_keys"), ("2022 data.csv", "_2022_data"), ("where.csv", "where_"), ("Côte.csv", "Côte")])
    func aFileStemThatIsNotAPlainNameIsCleaned(_ file: String, _ name: String) throws {
        let (collection, warnings) = try Self.load(file, "a\n1\n")
        #expect(collection.name == name)
        #expect(warnings.contains { $0.code == .renamedCollection } == (file.dropLast(4) != name))
    }

    @Test func replacingACollectionWarns() throws {
        let (_, warnings) = try Self.load("arrests.csv", "country\nTogo\n", into: .builtIn)
        let warning = try #require(warnings.first { $0.code == .replacedCollection })
        #expect(warning.severity == .warning && warning.message.contains("built-in"))
    }

    // MARK: - Types and dates

    @Test func givenTypesReadValuesLeniently() throws {
        let text = "zip,n,ok,price,opened\n01234,+5,yes,1.50,12/06/2022\n00042,007,No,.5,01/01/2023\n"
        let (collection, _) = try Self.load("t.csv", text, ["types=n:integer,ok:boolean,price:decimal,opened:date", "dateformat=%d/%m/%Y"])
        #expect(try collection.table.fields.map(\.type) == [.string, .integer, .boolean, .decimal, .date])
        #expect(try Self.rows(collection) == [["01234", "5", "true", "1.50", "2022-06-12"], ["00042", "7", "false", "0.5", "2023-01-01"]])
    }

    @Test func aValueThatIsNotOfItsGivenTypeIsAnError() throws {
        let file = try TemporaryFile(name: "bad.csv", contents: Data("zip,n\n01234,1\nN/A,2\n".utf8))
        var dataset = Dataset()
        let error = #expect(throws: Diagnostic.self) {
            try dataset.load(path: file.path, options: LoadOptions(["types=zip:integer"]))
        }
        #expect(error?.code == .notOfGivenType)
        #expect(error?.location?.line == 3 && error?.location?.column == 1)
        #expect(dataset.collections.isEmpty)
        let unknown = #expect(throws: Diagnostic.self) { try dataset.load(path: file.path, options: LoadOptions(["types=zpi:string"])) }
        #expect(unknown?.code == .badLoadOption && unknown?.hints.first == "did you mean \"zip\"?")
    }

    @Test(arguments: [
        ("%d/%m/%Y", "12/06/2022"), ("%m/%d/%y", "06/12/22"), ("%d %b %Y", "12 Jun 2022"), ("%d %b %Y", "12 june 2022"),
        ("%Y%m%d", "20220612"), ("%d.%m.%Y", "12.6.2022"),
    ])
    func dateFormats(_ format: String, _ text: String) throws {
        let (collection, _) = try Self.load("d.csv", "day\n\(text)\n", ["dateformat=\(format)"])
        #expect(try collection.table[0, 0] == .date(LocalDate(year: 2022, month: 6, day: 12)!))
    }

    @Test func aDateFormatThatDoesNotFitLeavesTheColumnText() throws {
        let (collection, _) = try Self.load("d.csv", "day\n12/06/2022\n31/02/2022\n", ["dateformat=%d/%m/%Y"])
        #expect(try collection.table.fields[0].type == .string)
    }

    // MARK: - Bad rows

    @Test func badRowsSkipLeavesThemOutAndSaysWhich() throws {
        let (collection, warnings) = try Self.load("r.csv", "a,b\n1,2\n3\n4,5,6\n7,8\n", ["bad_rows=skip"])
        #expect(try Self.rows(collection) == [["1", "2"], ["7", "8"]])
        let warning = try #require(warnings.first { $0.code == .skippedRows })
        #expect(warning.message.hasSuffix("skipped 2 rows of the wrong length (lines 3, 4)"))
    }

    @Test func badRowsPadFillsShortRowsWithNull() throws {
        let (collection, _) = try Self.load("r.csv", "a,b,c\n1,2,3\n4\n5,6\n", ["bad_rows=pad"])
        #expect(try Self.rows(collection) == [["1", "2", "3"], ["4", "", ""], ["5", "6", ""]])
        #expect(try collection.table[1, 1].isNull)
        let file = try TemporaryFile(name: "long.csv", contents: Data("a,b\n1,2,3\n".utf8))
        var dataset = Dataset()
        #expect(throws: Diagnostic.self) { try dataset.load(path: file.path, options: LoadOptions(["bad_rows=pad"])) }
    }

    // MARK: - Standard input, JSON lines in .json, encodings

    @Test func contentTellsJSONFromCSV() {
        func kind(_ text: String) -> DataFileKind { Array(text.utf8).withUnsafeBufferPointer(DataFileKind.init(content:)) }
        #expect(kind("a,b\n1,2\n") == .csv)
        #expect(kind("[{\"a\": 1}]") == .json)
        #expect(kind("{\"a\": 1}\n{\"a\": 2}\n") == .jsonl)
        #expect(kind("{\"arrests\": []}") == .json)
    }

    @Test func aJSONFileOfJSONLinesLoads() throws {
        let (collection, _) = try Self.load("lines.json", "{\"a\": 1}\n{\"a\": 2}\n")
        #expect(try collection.table.rowCount == 2)
    }

    @Test func csvOptionsOnAJSONFileAreAnError() throws {
        let file = try TemporaryFile(name: "x.json", contents: Data("[]".utf8))
        var dataset = Dataset()
        let error = #expect(throws: Diagnostic.self) { try dataset.load(path: file.path, options: LoadOptions(["delim=;"])) }
        #expect(error?.code == .badLoadOption)
    }

    /// In a folder, CSV options apply to its CSV files and leave its JSON files alone.
    @Test func folderOptionsApplyToItsCSVFiles() throws {
        let folder = try TemporaryFile(name: "a.csv", contents: Data("x;y\n1;2\n".utf8))
        try Data("[{\"z\": 1}]".utf8).write(to: folder.folder.appendingPathComponent("b.json"))
        var dataset = Dataset()
        try dataset.load(path: folder.folder.path, options: LoadOptions(["delim=;"]))
        #expect(try dataset["a"]?.table.fields.map(\.name) == ["x", "y"])
        #expect(try dataset["b"]?.table.rowCount == 1)
        let named = #expect(throws: Diagnostic.self) { try dataset.load(path: folder.folder.path, options: LoadOptions(["name=n"])) }
        #expect(named?.code == .badLoadOption)
    }

    @Test func latin1AndUTF16Load() throws {
        let latin1 = try TemporaryFile(name: "l.csv", contents: Data([0x63, 0x0A, 0x43, 0xF4, 0x74, 0x65, 0x0A]))
        var dataset = Dataset()
        let error = #expect(throws: Diagnostic.self) { try dataset.load(path: latin1.path) }
        #expect(error?.code == .invalidUTF8 && error?.hints.first?.contains("encoding=latin-1") == true)
        try dataset.load(path: latin1.path, options: LoadOptions(["encoding=latin-1"]))
        #expect(try dataset["l"]?.table[0, 0] == .string("Côte"))
        var utf16 = Data([0xFF, 0xFE])
        utf16.append("c\nCôte\n".data(using: .utf16LittleEndian)!)
        let wide = try TemporaryFile(name: "w.csv", contents: utf16)
        let hint = #expect(throws: Diagnostic.self) { try dataset.load(path: wide.path) }
        #expect(hint?.hints.first?.contains("encoding=utf-16") == true)
        try dataset.load(path: wide.path, options: LoadOptions(["encoding=utf-16"]))
        #expect(try dataset["w"]?.table[0, 0] == .string("Côte"))
    }

    // MARK: - Column selection and the two-thread parse

    /// A file over the parallel threshold, `;`-separated with null texts and ragged rows: loading some
    /// columns with the options gives those columns of the whole load, on both threads.
    @Test(arguments: ["bad_rows=skip", "bad_rows=pad"])
    func optionsHoldWithColumnSelectionAndTheParallelParse(_ badRows: String) throws {
        var text = "title\nid;name;amount\n"
        var expectedRows = 0
        let rows = 260_000
        for i in 0..<rows {
            if i % 10_007 == 5 { text += "\(i);short\n"; if badRows == "bad_rows=pad" { expectedRows += 1 }; continue }
            text += "\(i);name \(i % 97);\(i % 13 == 0 ? "NA" : String(i % 1000))\n"
            expectedRows += 1
        }
        #expect(text.utf8.count > CSVLoader.parallelThreshold)
        let options = ["skip=1", "nulls=NA", badRows]
        let whole = try Self.load("big.csv", text, options).0.table
        let part = try Self.load("big.csv", text, options, columns: ColumnSelection(names: ["amount"])).0.table
        #expect(whole.rowCount == expectedRows && part.rowCount == expectedRows)
        #expect(whole.fields.map(\.type) == [.integer, .string, .integer])
        #expect(part.fields.map(\.name) == ["amount"])
        #expect((0..<expectedRows).allSatisfy { whole[$0, 2] == part[$0, 0] })
        #expect(whole[0, 2].isNull, "NA is null (id 0 is a multiple of 13)")
    }
}
