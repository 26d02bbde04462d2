// Lists: the value's rules (equality, order, text), split, list(), contains on a list, length, unnest,
// their misuse, and lists in every output format.

import Foundation
import Testing
@testable import WekaQL

@Suite struct ListTests {
    /// `bags`: a list column with the shapes that matter — several elements, an element that needs
    /// quotes, a null element, an empty list, a null list — and a key to tell the rows apart.
    static let bags: Dataset = {
        let rows: [[Value]] = [
            [1, .list(["gold", "ivory"])],
            [2, .list(["d'Ivoire", "", nil])],
            [3, .list([])],
            [4, nil],
            [5, .list(["gold"])],
        ]
        return try! LangFixtures.dataset("bags", ["id", "tags"], rows)
    }()

    static func rows(_ query: String) throws -> [[Value]] { try LangFixtures.rows(query, in: bags) }

    // MARK: - The value

    @Test func aListColumnIsTyped() throws {
        let table = try LangFixtures.table("bags", in: Self.bags)
        #expect(table.fields[1].type == .list(of: .string))
        #expect(table.fields[1].type.rawValue == "list of string")
        #expect(ValueType(rawValue: "list of integer") == .list(of: .integer))
        if case .list = table.columns[1].storage {} else { Issue.record("not stored as a list column") }
    }

    @Test func equalityAndHashingAreElementByElement() {
        let a: Value = .list([1, nil]), b: Value = .list([1, nil])
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(Value.compare(a, b) == 0)
        #expect(Value.compare(.list([1]), .list([1.0])) == 0)
        #expect(Value.compare(.list(["a"]), .null) == nil)
        #expect(Value.compare(.list(["a"]), "a") == nil)
    }

    @Test func orderIsElementByElementWithNullElementsLast() {
        let sorted: [Value] = [.list([]), .list([0, 5]), .list([1]), .list([1, 2]), .list([nil]), .null]
        #expect(sorted.shuffled().sorted { Value.sortOrder($0, $1) < 0 } == sorted)
    }

    @Test(arguments: [
        (Value.list(["gold", "ivory"]), "[gold, ivory]"),
        (.list(["d'Ivoire", "", nil, "null", " x", "a, b", "[c]", "back\\slash"]),
         #"['d\'Ivoire', '', NULL, 'null', ' x', 'a, b', '[c]', 'back\\slash']"#),
        (.list([1, 2.5]), "[1, 2.5]"),
        (.list([]), "[]"),
    ])
    func tableText(_ value: Value, _ text: String) {
        #expect(value.description == text)
    }

    // MARK: - Rendering

    @Test func everyFormatRendersLists() throws {
        let table = try LangFixtures.table("bags where id <= 4", in: Self.bags)
        let csv = Renderer(format: .csv).render(table)
        #expect(csv == "id,tags\n1,\"[\"\"gold\"\",\"\"ivory\"\"]\"\n2,\"[\"\"d'Ivoire\"\",\"\"\"\",null]\"\n3,[]\n4,\n")
        let json = Renderer(format: .json).render(table)
        #expect(json.contains(#"{"id":2,"tags":["d'Ivoire","",null]}"#) && json.contains(#"{"id":4,"tags":null}"#))
        let lines = Renderer(format: .jsonl).render(table).split(separator: "\n")
        let parsed = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(parsed?["tags"] as? [String] == ["gold", "ivory"])
        let grid = Renderer(format: .table).render(table)
        #expect(grid.contains("[gold, ivory]") && grid.contains("['d\\'Ivoire', '', NULL]") && grid.contains("│ null"))
        #expect(Renderer(format: .markdown).render(table).contains("| 1 | [gold, ivory] |"))
        #expect(Renderer(format: .vertical).render(table).contains("[gold, ivory]"))
    }

    @Test func controlCharactersInElementsAreEscapedInTables() throws {
        let data = try LangFixtures.dataset("x", ["l"], [[.list(["a\u{1B}]0;t\u{07}"])]])
        let table = try LangFixtures.table("x", in: data)
        let shown = Renderer(format: .table).render(table)
        #expect(!shown.contains("\u{1B}") && shown.contains("\\x1b"))
    }

    // MARK: - split, length, list()

    @Test(arguments: [
        ("split(\"a,,b\", \",\")", Value.list(["a", "", "b"])),
        ("split(\"\", \",\")", .list([""])),
        ("split(\"abc\", \"\")", .list(["a", "b", "c"])),
        ("split(\"\", \"\")", .list([])),
        ("split(\"aXbXXc\", \"XX\")", .list(["aXb", "c"])),
        ("split(\"Côte d'Ivoire\", \" \")", .list(["Côte", "d'Ivoire"])),
        ("split(null, \",\")", .null),
        ("length(split(\"a b c\", \" \"))", 3),
        ("length(split(\"\", \"\"))", 0),
    ])
    func splitAndLength(_ expression: String, _ expected: Value) throws {
        #expect(try LangFixtures.value("numbers select \(expression) | limit 1") == expected)
    }

    @Test func splitIsByBytesNotCanonicalEquivalence() throws {
        // A precomposed "é" holds no "e": it is not split by one, as in DuckDB.
        #expect(try LangFixtures.value("numbers select split(\"caf\u{E9}\", \"e\") | limit 1") == .list(["caf\u{E9}"]))
    }

    @Test func listKeepsNullsInInputOrder() throws {
        let rows = try LangFixtures.rows("people summarize ages = list(age) by city")
        #expect(rows.first == ["Accra", .list([nil, nil])])
        #expect(rows[1] == ["Dakar", .list([41])])
        #expect(rows[2] == ["Lomé", .list([30, 30])])
        #expect(rows[3] == [nil, .list([25])])
        #expect(try LangFixtures.value("empty summarize list(id)") == .null)
        #expect(try LangFixtures.value("people summarize scores = list(score) | select length(scores)") == 6)
    }

    // MARK: - contains

    @Test func containsOnAListIsExactWithSQLNulls() throws {
        #expect(try Self.rows("bags where tags contains \"gold\" select id") == [[1], [5]])
        #expect(try Self.rows("bags where tags contains \"GOLD\" select id").isEmpty)
        let tests = try LangFixtures.column("bags select tags contains \"x\"", in: Self.bags)
        // [gold, ivory] false; [d'Ivoire, '', null] false (a null element is not "x"); [] false; null null.
        #expect(tests == [false, false, false, nil, false])
        #expect(try LangFixtures.column("bags select tags contains null", in: Self.bags) == [nil, nil, false, nil, nil])
        #expect(try LangFixtures.column("bags select length(tags)", in: Self.bags) == [2, 3, 0, nil, 1])
    }

    @Test func numberListsContainEqualNumbers() throws {
        #expect(try LangFixtures.value("people summarize s = list(score) | select s contains 4") == true)
        #expect(try LangFixtures.value("people summarize s = list(age) | select s contains 30.0") == true)
    }

    // MARK: - unnest

    @Test func unnestGivesARowPerElementAndDropsEmptyAndNullLists() throws {
        let rows = try Self.rows("bags unnest tags")
        #expect(rows == [[1, "gold"], [1, "ivory"], [2, "d'Ivoire"], [2, ""], [2, nil], [5, "gold"]])
        let table = try LangFixtures.table("bags unnest tags", in: Self.bags)
        #expect(table.fields.map(\.type) == [.integer, .string])
    }

    @Test func unnestFollowsTheSelectionAndFeedsLaterStages() throws {
        #expect(try Self.rows("bags where id != 1 | unnest tags | where tags is not null select id") == [[2], [2], [5]])
        #expect(try Self.rows("bags unnest tags | count by tags") == [["", 1], ["d'Ivoire", 1], ["gold", 2], ["ivory", 1], [nil, 1]])
        #expect(try LangFixtures.rows("people summarize names = list(name) by city | unnest names | where city = \"Lomé\" select names")
                == [["Ana"], ["Dan"]])
    }

    @Test func listsGroupSortAndDistinct() throws {
        let data = try LangFixtures.dataset("l", ["x"], [[.list([1, nil])], [.list([1])], [.list([1, nil])], [nil], [.list([])]])
        #expect(try LangFixtures.rows("l distinct", in: data) == [[.list([1, nil])], [.list([1])], [nil], [.list([])]])
        #expect(try LangFixtures.rows("l sort by x", in: data).map { $0[0] } == [.list([]), .list([1]), .list([1, nil]), .list([1, nil]), nil])
        #expect(try LangFixtures.rows("l count by x", in: data) == [[.list([]), 1], [.list([1]), 1], [.list([1, nil]), 2], [nil, 1]])
        #expect(try LangFixtures.rows("l summarize lo = min(x), hi = max(x)", in: data) == [[.list([]), .list([1, nil])]])
    }

    @Test func unnestOfAnAllNullFieldGivesNoRows() throws {
        #expect(try LangFixtures.rows("nothing unnest x").isEmpty)
    }

    // MARK: - Misuse

    static let errors: [ExpectedDiagnostic] = [
        ExpectedDiagnostic(source: "people unnest name", code: .notAList, line: 1, column: 15, width: 4,
                           message: "\"unnest\" needs a list, field \"name\" is string", hints: ["a list comes from"]),
        ExpectedDiagnostic(source: "people where split(name, \" \") contains 3", code: .listElementType, line: 1, column: 40, width: 1,
                           message: "\"contains\" on a list of string needs a string, found integer", hints: ["LIST contains VALUE"]),
        ExpectedDiagnostic(source: "people where address.city = \"Lomé\"", code: .dottedName, line: 1, column: 14, width: 12,
                           message: "a field name with a dot is written in back-quotes", hints: ["write `address.city`"]),
        ExpectedDiagnostic(source: "people select split(name, \" \") starts with \"A\"", code: .typeMismatch, line: 1, column: 15, width: 16,
                           message: "\"starts with\" needs text, found list of string", hints: ["a list is tested with"]),
        ExpectedDiagnostic(source: "people summarize l = list(split(name, \" \"))", code: .argumentType, line: 1, column: 27, width: 16,
                           message: "list(value) needs a value that is not a list here, found list of string"),
        ExpectedDiagnostic(source: "people unnest", code: .expected, line: 1, column: 14, width: 0,
                           message: "expected a list field to unnest, found the end of the input"),
    ]

    @Test(arguments: errors)
    func misuseIsAPlacedError(_ expected: ExpectedDiagnostic) {
        let diagnostics = LangFixtures.diagnostics(expected.source)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.description))")
        expected.check(diagnostics.first)
    }

    @Test func aDottedNameInBackQuotesIsAField() throws {
        let data = try LangFixtures.dataset("p", ["address.city"], [["Lomé"]])
        #expect(try LangFixtures.rows("p where `address.city` = \"Lomé\" select `address.city`", in: data) == [["Lomé"]])
    }

    // MARK: - Completion and help

    @Test func completionOffersUnnestAndItsField() {
        #expect(Vocabulary.stages.contains("unnest"))
        let engine = Engine(dataset: Self.bags)
        let fields = engine.completions(for: "bags unnest ", cursor: 12, commands: []) { _ in [] }.candidates.map(\.text)
        #expect(fields.contains("tags"))
        let after = engine.completions(for: "bags unnest tags ", cursor: 17, commands: []) { _ in [] }.candidates.map(\.text)
        #expect(after.contains("where"))
    }
}
