// The built-in dataset: Operation Weka II, transcribed by hand into `weka-ii.json` and embedded in the binary.
// At start-up only the schema is read; each collection's rows are decoded the first time a query uses them.

extension Dataset {
    /// Operation Weka II, from INTERPOL's press release: operations, figures, countries, arrests,
    /// victims, smuggling, seizures, partners and funders.
    public static let builtIn: Dataset = {
        do {
            return try PackageResources.weka_ii_json.withUnsafeBufferPointer { try BuiltInDecoder.decode($0) }
        } catch {
            // The file is part of the source and checked by tests; a failure here is a build defect.
            preconditionFailure("the built-in dataset does not decode: \(error)")
        }
    }()
}

/// Reads the annotated dataset format: collections with typed, described fields and rows.
enum BuiltInDecoder {
    struct Failure: Error, CustomStringConvertible { var description: String }

    /// The dataset's names, notes and schemas; the rows of each collection are left for later.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws -> Dataset {
        var reader = JSONReader(bytes)
        var dataset = Dataset()
        try reader.readObject { key, reader in
            switch key {
            case "name": dataset.name = try reader.readValue().stringValue ?? ""
            case "notes": dataset.notes = try reader.readValue().arrayValue?.compactMap(\.stringValue) ?? []
            case "collections": try reader.readArray { reader in dataset.add(try decodeCollection(&reader)) }
            default: try reader.skipValue()
            }
        }
        return dataset
    }

    private static func decodeCollection(_ reader: inout JSONReader) throws -> Dataset.Collection {
        var name = "", description = "", notes: [String] = [], fields: [Field] = []
        var rows: Range<Int>?
        try reader.readObject { key, reader in
            switch key {
            case "name": name = try reader.readValue().stringValue ?? ""
            case "description": description = try reader.readValue().stringValue ?? ""
            case "notes": notes = try reader.readValue().arrayValue?.compactMap(\.stringValue) ?? []
            case "fields": fields = try decodeFields(try reader.readValue(), collection: name)
            case "rows":
                reader.skipSpace()
                let start = reader.position
                try reader.skipValue()
                rows = start..<reader.position
            default: try reader.skipValue()
            }
        }
        guard let rows, !name.isEmpty else { throw Failure(description: "collection \"\(name)\" without name or rows") }
        let (schema, collection) = (fields, name)
        return Dataset.Collection(name: name, description: description, notes: notes, fields: fields) {
            PackageResources.weka_ii_json.withUnsafeBufferPointer { bytes in
                do {
                    return try decodeRows(UnsafeBufferPointer(rebasing: bytes[rows]), fields: schema, collection: collection)
                } catch {
                    preconditionFailure("the built-in collection \(collection) does not decode: \(error)")
                }
            }
        }
    }

    private static func decodeFields(_ json: JSON, collection: String) throws -> [Field] {
        try (json.arrayValue ?? []).map { field in
            guard let name = field["name"]?.stringValue, let typeName = field["type"]?.stringValue,
                  let type = ValueType(rawValue: typeName) else { throw Failure(description: "\(collection): bad field \(field)") }
            return Field(name: name, type: type, description: field["description"]?.stringValue ?? "")
        }
    }

    /// Decodes a JSON array of row objects into typed columns.
    static func decodeRows(_ bytes: UnsafeBufferPointer<UInt8>, fields: [Field], collection: String) throws -> Table {
        var reader = JSONReader(bytes)
        guard case .array(let rows) = try reader.readDocument() else { throw Failure(description: "\(collection): rows is not an array") }
        var builders = fields.map { ColumnBuilder(type: $0.type, capacity: rows.count) }
        for (rowIndex, row) in rows.enumerated() {
            for (index, field) in fields.enumerated() {
                guard let value = convert(row[field.name] ?? .null, to: field.type) else {
                    throw Failure(description: "\(collection) row \(rowIndex + 1): \(field.name) is not \(field.type.rawValue)")
                }
                builders[index].append(value)
            }
        }
        return Table(fields: fields, columns: builders.map { $0.build() }, rowCount: rows.count)
    }

    /// A JSON scalar as a value of `type`, or `nil` if it does not fit.
    static func convert(_ json: JSON, to type: ValueType) -> Value? {
        switch (json, type) {
        case (.null, _): return .null
        case (.boolean(let b), .boolean): return .boolean(b)
        case (.integer(let i), .integer): return .integer(i)
        case (.integer(let i), .decimal): return .decimal(Double(i))
        case (.decimal(let d), .decimal): return .decimal(d)
        case (.string(let s), .string): return .string(s)
        case (.string(let s), .date): return LocalDate(s).map(Value.date)
        default: return nil
        }
    }
}
