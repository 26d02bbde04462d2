// The CSV reader against Python's csv module, on the cases public CSV test suites check (quotes and
// line breaks in fields, doubled quotes, CRLF and lone CR line ends, a UTF-8 byte order mark, JSON in a
// field, quotes inside unquoted fields, other delimiters): every file is read by both, and each field must
// be the same text. (python3 is on every development machine; without it the comparison is skipped.)

import Foundation
import Testing
@testable import WekaQL

@Suite struct CSVConformanceTests {
    /// File name → contents. A name's first letter before `_` may name the delimiter for Python
    /// (`s_` semicolon, `t_` tab, `p_` pipe); wekaql sniffs it.
    static let cases: [(String, String)] = [
        ("plain.csv", "a,b\n1,2\n3,4\n"),
        ("no_final_newline.csv", "a,b\n1,2"),
        ("quoted_delimiters.csv", "name,notes\n\"Doe, Jane\",\"a,b,c\"\n"),
        ("quoted_newlines.csv", "a,b\n\"line 1\nline 2\",x\n\"\n\",y\n"),
        ("quoted_crlf.csv", "a,b\r\n\"line 1\r\nline 2\",x\r\n"),
        ("crlf.csv", "a,b\r\n1,2\r\n3,4\r\n"),
        ("lone_cr.csv", "a,b\r1,2\r3,4\r"),
        ("doubled_quotes.csv", "a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n\"\"\"start\",end\n"),
        ("bom.csv", "\u{FEFF}id,name\n1,Togo\n"),
        ("json_field.csv", "id,doc\n1,\"{\"\"k\"\": [1, 2], \"\"s\"\": \"\"a,b\"\"}\"\n2,[]\n"),
        ("quote_in_unquoted.csv", "place,height\n37°36'37.8\"N,5'10\"\nx\"y\"z,\"q\"\n"),
        ("space_before_quote.csv", "a,b\n1, \"x\"\n"),
        ("empty_fields.csv", "a,b,c\n,,\n1,,3\n\"\",\"\",\"\"\n"),
        ("trailing_delimiter.csv", "a,b,\n1,2,\n"),
        ("blank_lines.csv", "a,b\n\n1,2\n\n\n3,4\n"),
        ("unicode.csv", "名前,país\nçé,Côte d'Ivoire\n😀,\"ü\nß\"\n"),
        ("whitespace.csv", "a,b\n  x  ,\t\n"),
        ("numbers_as_text.csv", "zip,phone,n,d\n01234,+33123,007,1.50\n00000,+1,-0,.5\n"),
        ("s_semicolon.csv", "a;b;c\n1;\"x;y\";3\n4;5;6\n"),
        ("t_tab.tsv", "a\tb\n\"x\ty\"\t2\n"),
        ("p_pipe.csv", "a|b\n1|2\n"),
        ("one_column.csv", "only\nx\n\"y,z\"\n"),
    ]

    static let python = #"""
    import csv, json, os, sys
    folder = sys.argv[1]
    out = {}
    for name in sorted(os.listdir(folder)):
        delimiter = {"s": ";", "t": "\t", "p": "|"}.get(name.split("_")[0], ",") if "_" in name else ","
        with open(os.path.join(folder, name), encoding="utf-8-sig", newline="") as f:
            out[name] = [row for row in csv.reader(f, delimiter=delimiter) if row]
    print(json.dumps(out))
    """#

    static func pythonRows(_ folder: URL) throws -> [String: [[String]]]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", python, folder.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return try JSONDecoder().decode([String: [[String]]].self, from: data)
    }

    @Test func fieldsAreThoseOfPythonsCSVModule() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wekaql-conformance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in Self.cases { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        guard let expected = try Self.pythonRows(folder) else {
            print("python3 is not available: the comparison with Python's csv module is skipped")
            return
        }
        for (name, _) in Self.cases {
            var dataset = Dataset()
            try dataset.load(path: folder.appendingPathComponent(name).path)
            let table = try #require(dataset.collections.first).table
            let python = try #require(expected[name])
            let header = python[0].enumerated().map { $1.trimmingSpaces().isEmpty ? "column\($0 + 1)" : $1.trimmingSpaces() }
            #expect(table.fields.map(\.name) == header, "\(name): header")
            let rows = (0..<table.rowCount).map { row in table.fields.indices.map { table[row, $0].description } }
            #expect(rows == Array(python.dropFirst()), "\(name): rows")
        }
    }

    /// Where wekaql and Python differ on purpose: an empty file has no header to name the columns, and
    /// text after a closing quote (Python joins `"ab"c` into `abc`) is more often a quoting mistake.
    @Test(arguments: [("empty.csv", ""), ("after_quote.csv", "a\n\"ab\"c\n"), ("unclosed.csv", "a\n\"abc\n")])
    func casesThatAreErrorsHere(_ name: String, _ text: String) throws {
        let file = try TemporaryFile(name: name, contents: Data(text.utf8))
        var dataset = Dataset()
        let error = #expect(throws: Diagnostic.self) { try dataset.load(path: file.path) }
        #expect(error?.code == .malformedCSV)
    }
}
