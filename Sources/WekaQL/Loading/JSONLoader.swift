// Loads JSON data: an object of collections (a whole dataset), an array of row objects, or JSON lines.
// Numbers keep their JSON value: `1.50` is the number 1.5, as in every JSON reader (the text is not kept).
// Objects and arrays in rows: see JSONLoader+Nesting.swift.

struct JSONLoader {
    let path: String
    let bytes: UnsafeBufferPointer<UInt8>
    var warnings: [Diagnostic] = []
    /// The keys of the rows last loaded, selected or not, in first-seen order (before objects are flattened).
    var keysSeen: [String] = []
    /// The line of each row, for JSON lines read as a tree (noted as they are read).
    var recordLines: RecordLineIndex?

    /// A file holding an object (collection name → array of rows) or an array of rows (one collection).
    /// A `.json` file of JSON lines (an object, then more text) is read as JSON lines.
    /// Only the columns `columns` includes are kept (``ColumnSelection/forCollection(_:)`` per collection).
    mutating func loadDocument(defaultName: String, columns: ColumnSelection = .all) throws(Diagnostic) -> [Dataset.Collection] {
        if let fast = fastDocument(defaultName: defaultName, columns: columns) { return fast }
        var reader = JSONReader(bytes)
        let document: JSON
        do { document = try reader.readDocument() } catch {
            let failure = error
            var first = JSONReader(bytes)
            // A document with text after it may be JSON lines; if it does not read as such, the
            // document's own error is the one reported.
            if failure.isTrailingText, case .object? = try? first.readValue(),
               let lines = try? loadLines(name: defaultName, selection: columns.forCollection(defaultName)) {
                return [lines]
            }
            throw malformed(failure)
        }
        switch document {
        case .array(let rows):
            return [Dataset.Collection(name: defaultName, table: try table(rows, collection: defaultName, selection: columns.forCollection(defaultName)))]
        case .object(let pairs):
            return try pairs.map { (name, value) throws(Diagnostic) in
                guard case .array(let rows) = value else {
                    throw shape(.collectionNotArray(name))
                }
                return Dataset.Collection(name: name, table: try table(rows, collection: name, selection: columns.forCollection(name)))
            }
        default:
            throw shape(.notRows)
        }
    }

    /// A JSON lines file: one row object per line; only the columns `selection` includes are kept. The
    /// lines are parsed straight into columns (JSONColumnParser.swift), and read as a tree of values
    /// only where that parser stops: to report an error, or for a file it does not take.
    mutating func loadLines(name: String, selection: ColumnSelection = .all, file: MappedFile? = nil, threads: Int = 2) throws(Diagnostic) -> Dataset.Collection {
        if let table = fastLines(collection: name, selection: selection, file: file, threads: threads) {
            return Dataset.Collection(name: name, table: table)
        }
        var reader = JSONReader(bytes)
        var rows: [JSON] = []
        var lines = RecordLineCounter(bytes, from: 0)
        reader.skipSpace()
        while reader.position < bytes.count {
            lines.record(startingAt: reader.position)
            do { rows.append(try reader.readValue()) } catch { throw malformed(error) }
            reader.skipSpace()
        }
        recordLines = RecordLineIndex(lines.index, lineOffset: 1)
        return Dataset.Collection(name: name, table: try table(rows, collection: name, selection: selection))
    }

    private func malformed(_ failure: JSONReader.Failure) -> Diagnostic {
        if failure.isTooLong {
            return .valueTooLong(path: path, bytes: bytes, offset: failure.offset, limit: Dataset.maximumValueBytes)
        }
        if failure.isInvalidUTF8 { return .invalidUTF8(path: path, bytes: bytes, offset: failure.offset) }
        return .malformedJSON(failure.message, path: path, bytes: bytes, offset: failure.offset)
    }

    private func shape(_ problem: Diagnostic.JSONShapeProblem) -> Diagnostic {
        .jsonShape(problem, path: path)
    }

    /// Rows of objects as a table: columns in first-seen key order, missing keys null, types inferred;
    /// only the columns `selection` includes are kept (and warned about).
    mutating func table(_ rows: [JSON], collection: String, selection: ColumnSelection = .all) throws(Diagnostic) -> Table {
        var names: [String] = []
        var indexOf: [String: Int] = [:]
        var cells: [[JSON]] = []
        for (rowIndex, row) in rows.enumerated() {
            guard case .object(let pairs) = row else { throw shape(.rowNotObject(rowIndex + 1, collection: collection)) }
            for (key, value) in pairs {
                if indexOf[key] == nil {
                    indexOf[key] = names.count
                    names.append(key)
                    cells.append([JSON](repeating: .null, count: rowIndex))
                }
                let column = indexOf[key]!
                while cells[column].count < rowIndex { cells[column].append(.null) }
                // A key repeated in one row: the last value wins, as in JavaScript, rather than spilling into the next row.
                if cells[column].count > rowIndex { cells[column][rowIndex] = value } else { cells[column].append(value) }
            }
            for column in cells.indices where cells[column].count <= rowIndex { cells[column].append(.null) }
        }
        keysSeen = names
        (names, cells) = flattened(names: names, cells: cells, collection: collection, keeping: selection.includes)
        var fields: [Field] = []
        var columns: [Column] = []
        for (index, name) in names.enumerated() {
            let (type, values) = infer(cells[index], column: name, collection: collection)
            fields.append(Field(name: name, type: type))
            columns.append(Column(type: type, values: values))
        }
        return Table(fields: fields, columns: columns, rowCount: rows.count)
    }

    /// The narrowest type for a JSON column; mixed kinds load as text, with a warning naming the first row that differs.
    mutating func infer(_ values: [JSON], column: String, collection: String) -> (ValueType, [Value]) {
        if let list = listColumn(values, column: column, collection: collection) { return list }
        var kind: ValueType = .null
        var firstMismatch: Int?
        var allDates = true
        for (row, value) in values.enumerated() {
            let type: ValueType
            switch value {
            case .null: continue
            case .boolean: type = .boolean
            case .integer: type = .integer
            case .decimal: type = .decimal
            case .float: type = .float
            case .string(let s): type = .string; if allDates && LocalDate(s) == nil { allDates = false }
            case .array, .object: type = .string; allDates = false
                if firstMismatch == nil { firstMismatch = row }
            }
            if let unified = kind.unified(with: type) { kind = unified }
            else { if firstMismatch == nil { firstMismatch = row }; kind = .string; allDates = false }
        }
        if kind == .string && allDates && firstMismatch == nil {
            return (.date, values.map { $0.stringValue.flatMap(LocalDate.init).map(Value.date) ?? .null })
        }
        if let row = firstMismatch {
            warnings.append(.mixedTypes(column: column, collection: collection, row: row + 1, path: path))
        }
        return (kind, values.map { Self.value($0, as: kind) })
    }

    static func value(_ json: JSON, as type: ValueType) -> Value {
        switch (json, type) {
        case (.null, _): return .null
        case (.boolean(let b), .boolean): return .boolean(b)
        case (.integer(let i), .integer): return .integer(i)
        case (.integer(let i), .decimal): return .decimal(ExactDecimal(integer: i))
        case (.decimal(let d), .decimal): return .decimal(d)
        case (.integer(let i), .float): return .float(Double(i))
        case (.decimal(let d), .float): return .float(d.doubleValue)
        case (.float(let d), .float): return .float(d)
        case (.string(let s), _): return .string(s)
        default: return .string(json.text)
        }
    }
}

extension JSON {
    /// The value as compact JSON text (how a number or object reads in a text column).
    var text: String {
        switch self {
        case .null: return "null"
        case .boolean(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .decimal(let d): return d.description
        case .float(let d): return Value.format(d)
        case .string(let s): return JSONText.quote(s)
        case .array(let items): return "[" + items.map(\.text).joined(separator: ",") + "]"
        case .object(let pairs): return "{" + pairs.map { JSONText.quote($0.0) + ":" + $0.1.text }.joined(separator: ",") + "}"
        }
    }
}
