// Tables: named, typed columns — the collections of a dataset and the results of queries.

/// A column's name, type and description, and for the built-in data where its values come from.
///
/// The provenance properties (``origin``, ``originNote``, ``qualifierField``, ``aliases``, ``releaseTotal``)
/// are set by the built-in dataset's schema; fields of loaded files and computed columns leave them empty.
/// A `select` of a plain field keeps them.
public struct Field: Hashable, Sendable {
    /// The name, as queries write it.
    public var name: String
    /// The type of its values.
    public var type: ValueType
    /// A one-line description (empty when unknown), shown by `.schema`.
    public var description: String
    /// Where the values come from: stated in the source text, a reference fact, or inferred; `nil` when unknown.
    public var origin: Origin?
    /// Why an inferred field holds what it does, or where a reference field comes from (empty for `release`).
    public var originNote: String
    /// The field of the same row that holds the source's hedge on this field's value ("nearly", "some",
    /// "so far"), if any. Sums, comparisons and arithmetic over this field get a note listing the hedged values.
    public var qualifierField: String?
    /// Other spellings of this field's values, each mapped to the spelling the data uses ("DRC" →
    /// "Democratic Republic of the Congo"). `=~` accepts them; `=` suggests the value they stand for.
    public var aliases: [String: String]
    /// The source's own total that this field's rows are only part of, such as "a total of 300 arrests";
    /// a sum of the field notes it.
    public var releaseTotal: String?

    /// Creates a field.
    public init(name: String, type: ValueType, description: String = "", origin: Origin? = nil, originNote: String = "",
                qualifierField: String? = nil, aliases: [String: String] = [:], releaseTotal: String? = nil) {
        self.name = name
        self.type = type
        self.description = description
        self.origin = origin
        self.originNote = originNote
        self.qualifierField = qualifierField
        self.aliases = aliases
        self.releaseTotal = releaseTotal
    }
}

/// A table of rows over typed columns. Query results and dataset collections are tables.
///
/// A table is a collection of ``Row``s:
/// ```swift
/// for row in table { print(row["country"], row["arrested"]) }
/// ```
public struct Table: Sendable, RandomAccessCollection {
    /// The columns' names, types and descriptions, in order.
    public let fields: [Field]
    let columns: [Column]
    /// The number of rows.
    public let rowCount: Int

    /// Creates a table from fields and columns of equal length.
    init(fields: [Field], columns: [Column], rowCount: Int) {
        self.fields = fields
        self.columns = columns
        self.rowCount = rowCount
    }

    /// Creates a table from rows of values; each column's type is the common type of its values.
    ///
    /// - Throws: a ``Diagnostic`` if a row has the wrong number of values or a column mixes types.
    public init(columns names: [String], rows: [[Value]]) throws(Diagnostic) {
        var fields: [Field] = []
        var columns: [Column] = []
        for (index, name) in names.enumerated() {
            var type = ValueType.null
            for (rowIndex, row) in rows.enumerated() {
                guard row.count == names.count else {
                    throw Diagnostic.rowWidth(row: rowIndex + 1, values: row.count, columns: names.count)
                }
                guard let unified = type.unified(with: row[index].type) else {
                    throw Diagnostic.mixedColumn(name, type, row[index].type, row: rowIndex + 1)
                }
                type = unified
            }
            fields.append(Field(name: name, type: type))
            columns.append(Column(type: type, values: rows.map { $0[index] }))
        }
        self.init(fields: fields, columns: columns, rowCount: rows.count)
    }

    /// The index of the column named `name` (exact match).
    public func columnIndex(_ name: String) -> Int? { fields.firstIndex { $0.name == name } }

    /// The value at a row and column.
    public subscript(row: Int, column: Int) -> Value { columns[column][row] }

    /// The values of one column, top to bottom.
    public func values(ofColumn index: Int) -> [Value] { (0..<rowCount).map { columns[index][$0] } }

    // RandomAccessCollection
    /// The first row index, 0.
    public var startIndex: Int { 0 }
    /// One past the last row index.
    public var endIndex: Int { rowCount }
    /// The row at `position`.
    public subscript(position: Int) -> Row { Row(table: self, index: position) }

    /// A copy with the same columns under other descriptions (used for dataset collections).
    func describing(_ descriptions: [String: String]) -> Table {
        Table(fields: fields.map { field in
                  var described = field
                  described.description = descriptions[field.name] ?? field.description
                  return described
              }, columns: columns, rowCount: rowCount)
    }
}

/// One row of a ``Table``, read by column name or position.
public struct Row: Sendable {
    let table: Table
    /// The row's position in its table.
    public let index: Int

    /// The value of column `name`, or `nil` if there is no such column.
    public subscript(name: String) -> Value? {
        table.columnIndex(name).map { table.columns[$0][index] }
    }

    /// The value of the column at `column`.
    public subscript(column: Int) -> Value { table.columns[column][index] }

    /// All values, in column order.
    public var values: [Value] { table.columns.map { $0[index] } }
}

extension Table: Codable {
    private enum CodingKeys: String, CodingKey { case fields, rows }

    /// Decodes `{"fields": [...], "rows": [[...], ...]}`.
    /// Untyped throws: `Decodable`'s requirement, which throws the decoder's errors (`DecodingError`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let fields = try container.decode([Field].self, forKey: .fields)
        let rows = try container.decode([[Value]].self, forKey: .rows)
        guard rows.allSatisfy({ $0.count == fields.count }) else {
            throw DecodingError.dataCorruptedError(forKey: .rows, in: container, debugDescription: "a row has the wrong number of values")
        }
        // JSON has no dates: a date column's values arrive as "YYYY-MM-DD" strings.
        let columns = fields.indices.map { i in
            Column(type: fields[i].type, values: rows.map { row in
                if fields[i].type == .date, case .string(let text) = row[i], let date = LocalDate(text) { return .date(date) }
                return row[i]
            })
        }
        self.init(fields: fields, columns: columns, rowCount: rows.count)
    }

    /// Encodes as `{"fields": [...], "rows": [[...], ...]}`.
    /// Untyped throws: `Encodable`'s requirement, which throws the encoder's errors (`EncodingError`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(fields, forKey: .fields)
        try container.encode(map(\.values), forKey: .rows)
    }
}
