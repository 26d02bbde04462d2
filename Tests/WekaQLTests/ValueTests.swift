// Values, types, dates and hand-built tables: comparison with null, numeric widening, ordering, text forms.

import Testing
import WekaQL

@Suite struct ValueTests {
    static let june12 = LocalDate("2022-06-12")!
    static let june17 = LocalDate("2022-06-17")!

    @Test(arguments: [
        (Value.integer(1), Value.integer(1), 0 as Int?), (1, 2, -1), (2, 1, 1),
        (1, 1.0, 0), (1, 1.5, -1), (2.5, 2, 1), (-0.0, 0, 0),
        ("a", "b", -1), ("b", "a", 1), ("a", "a", 0), ("B", "a", -1), ("é", "z", 1), ("", "a", -1),
        (false, true, -1), (true, true, 0),
        (.date(june12), .date(june17), -1), (.date(june17), .date(june17), 0),
        (nil, 1, nil), (1, nil, nil), (nil, nil, nil), (nil, "a", nil),
        ("1", 1, nil), (true, 1, nil), (.date(june12), "2022-06-12", nil),
    ])
    func compareIsThreeValued(_ a: Value, _ b: Value, _ expected: Int?) {
        #expect(Value.compare(a, b) == expected)
    }

    @Test(arguments: [
        (Value.null, Value.integer(1), 1), (1, nil, -1), (nil, nil, 0), ("z", nil, -1), (nil, .date(june12), 1),
        (1, 2, -1), (2.5, 2, 1), (true, 1, -1), (1, "a", -1), ("a", .date(june12), -1), (.date(june12), true, 1),
    ])
    func sortOrderPutsNullsLastThenOrdersKinds(_ a: Value, _ b: Value, _ expected: Int) {
        #expect(Value.sortOrder(a, b) == expected)
    }

    @Test(arguments: [
        (Value.null, ""), (true, "true"), (false, "false"), (42, "42"), (-7, "-7"), (2.5, "2.5"), (2.0, "2.0"),
        (-0.5, "-0.5"), (.float(1e20), "1e+20"), (.float(123456789012345.0), "123456789012345.0"), (.decimal(ExactDecimal("1.50")!), "1.50"),
        ("Côte d'Ivoire", "Côte d'Ivoire"), (.date(june12), "2022-06-12"), (.integer(.min), "-9223372036854775808"),
    ])
    func descriptions(_ value: Value, _ text: String) {
        #expect(value.description == text)
    }

    @Test func typesOfValues() {
        let values: [Value] = [nil, true, 1, 1.5, "s", .date(Self.june12)]
        #expect(values.map(\.type) == [.null, .boolean, .integer, .decimal, .string, .date])
        #expect(values.map(\.isNull) == [true, false, false, false, false, false])
        #expect(values.map(\.doubleValue) == [nil, nil, 1.0, 1.5, nil, nil])
        #expect(ValueType.allCases.filter(\.isNumeric) == [.null, .integer, .decimal, .float])
    }

    @Test func literalsBuildValues() {
        let values: [Value] = [nil, true, 3, 1.5, "Togo"]
        #expect(values == [.null, .boolean(true), .integer(3), .decimal(1.5), .string("Togo")])
    }

    @Test(arguments: [
        ("5", ValueType.integer, Value.integer(5) as Value?), ("x", .integer, nil), ("5.5", .integer, nil),
        ("5", .decimal, 5.0), ("5.5", .decimal, 5.5), ("5", .null, 5), ("1.5", .null, 1.5), ("Togo", .null, "Togo"),
        ("Togo", .string, "Togo"), ("5", .string, "5"), ("true", .boolean, true), ("false", .boolean, false),
        ("yes", .boolean, nil), ("2022-06-12", .date, .date(june12)), ("2022-13-01", .date, nil),
    ])
    func parsesCommandLineText(_ text: String, _ type: ValueType, _ expected: Value?) {
        #expect(Value(parsing: text, as: type) == expected)
    }

    // MARK: - Dates

    @Test(arguments: [
        ("1970-01-01", 0 as Int32?), ("1970-01-02", 1), ("1969-12-31", -1), ("2000-03-01", 11017), ("2022-06-12", 19155),
        ("2020-02-29", 18321), ("2021-02-29", nil), ("2022-02-30", nil), ("2022-04-31", nil), ("1900-02-29", nil),
        ("2000-02-29", 11016), ("2022-6-12", nil), ("22-06-12", nil), ("2022/06/12", nil), ("2022-06-12T00", nil),
        ("0000-01-01", nil), ("abcd-ef-gh", nil),
    ])
    func parsesDates(_ text: String, _ days: Int32?) {
        #expect(LocalDate(text)?.days == days)
    }

    @Test func dateComponentsAndText() throws {
        let date = try #require(LocalDate(year: 2020, month: 2, day: 29))
        #expect(date.components.year == 2020)
        #expect(date.components.month == 2)
        #expect(date.components.day == 29)
        #expect(date.description == "2020-02-29")
        #expect(LocalDate(days: -1).description == "1969-12-31")
        #expect(LocalDate(year: 999, month: 1, day: 5)?.description == "0999-01-05")
        #expect(LocalDate(year: 2022, month: 13, day: 1) == nil)
        #expect(Self.june12 < Self.june17)
        // Every 997th day from 0001-01-01 to 9999-12-31 survives a round trip through its components.
        for days in stride(from: Int32(-719_162), through: 2_932_896, by: 997) {
            let (y, m, d) = LocalDate(days: days).components
            #expect(LocalDate(year: y, month: m, day: d)?.days == days)
        }
    }

    // MARK: - Tables

    @Test func tablesUnifyColumnTypes() throws {
        let table = try Table(columns: ["i", "mixed", "nulls", "s", "b", "d"], rows: [
            [1, 1, nil, "a", true, .date(Self.june12)],
            [2, 2.5, nil, nil, nil, nil],
        ])
        #expect(table.fields.map(\.type) == [.integer, .decimal, .null, .string, .boolean, .date])
        #expect(table.map(\.values) == [[1, 1.0, nil, "a", true, .date(Self.june12)], [2, 2.5, nil, nil, nil, nil]])
        #expect(table.rowCount == 2)
        #expect(table.columnIndex("s") == 3)
        #expect(table.columnIndex("S") == nil)
        #expect(table[1, 1] == 2.5)
        #expect(table[0]["s"] == "a")
        #expect(table[0]["missing"] == nil)
        #expect(table.values(ofColumn: 0) == [1, 2])
    }

    @Test func tablesRejectMixedColumns() {
        let diagnostic = #expect(throws: Diagnostic.self) {
            _ = try Table(columns: ["x"], rows: [[1], ["a"]])
        }
        #expect(diagnostic?.code == .typeMismatch)
        #expect(diagnostic?.message == "column \"x\" mixes integer and string values (row 2)")
    }

    @Test func tablesRejectRowsOfTheWrongLength() {
        let diagnostic = #expect(throws: Diagnostic.self) {
            _ = try Table(columns: ["x", "y"], rows: [[1]])
        }
        #expect(diagnostic?.code == .invalidArgument)
        #expect(diagnostic?.message == "row 1 has 1 values for 2 columns")
    }

    @Test func anEmptyTableHasFieldsButNoRows() throws {
        let table = try Table(columns: ["a", "b"], rows: [])
        #expect(table.fields.map(\.name) == ["a", "b"])
        #expect(table.isEmpty)
    }

    @Test func datasetsReplaceCollectionsByName() throws {
        var dataset = Dataset(collections: [
            Dataset.Collection(name: "a", table: try Table(columns: ["x"], rows: [[1]])),
            Dataset.Collection(name: "b", table: try Table(columns: ["x"], rows: [[2]])),
        ])
        dataset.add(Dataset.Collection(name: "a", table: try Table(columns: ["y"], rows: [[3], [4]])))
        #expect(dataset.collectionNames == ["a", "b"])
        #expect(try dataset["a"]?.table.count == 2)
        #expect(dataset["c"] == nil)
    }
}
