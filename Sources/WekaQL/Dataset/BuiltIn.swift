// The built-in dataset: Operation Weka II, transcribed by hand into `weka-ii.json` and embedded in the binary.
// At start-up only the schema is read; each collection's rows are decoded the first time a query uses them.

extension Dataset {
    /// Operation Weka II, from INTERPOL's press release: operations, figures, countries, arrests,
    /// victims, smuggling, items (formerly seizures), other crimes, partners, funders, statements and captions.
    /// Every field says where its values come from (``Field/origin``).
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
        var aliases: [String: String]?
        try reader.readObject { key, reader in
            switch key {
            case "name": dataset.name = try reader.readValue().stringValue ?? ""
            case "notes": dataset.notes = try reader.readValue().arrayValue?.compactMap(\.stringValue) ?? []
            case "aliases": aliases = try decodeAliases(try reader.readValue())
            case "collections": try reader.readArray { reader in dataset.add(try decodeCollection(&reader, aliases: aliases)) }
            default: try reader.skipValue()
            }
        }
        return dataset
    }

    /// The dataset's table of other spellings: `{"DRC": "Democratic Republic of the Congo", …}`.
    private static func decodeAliases(_ json: JSON) throws -> [String: String] {
        guard case .object(let pairs) = json else { throw Failure(description: "aliases is not an object") }
        return try Dictionary(pairs.map { key, value in
            guard let canonical = value.stringValue else { throw Failure(description: "alias \(key) is not a string") }
            return (key, canonical)
        }, uniquingKeysWith: { first, _ in first })
    }

    /// `aliases` is the dataset's alias table, which must come before the collections that use it.
    private static func decodeCollection(_ reader: inout JSONReader, aliases: [String: String]?) throws -> Dataset.Collection {
        var name = "", description = "", notes: [String] = [], formerNames: [String] = [], fields: [Field] = []
        var rows: Range<Int>?
        try reader.readObject { key, reader in
            switch key {
            case "name": name = try reader.readValue().stringValue ?? ""
            case "former_names": formerNames = try reader.readValue().arrayValue?.compactMap(\.stringValue) ?? []
            case "description": description = try reader.readValue().stringValue ?? ""
            case "notes": notes = try reader.readValue().arrayValue?.compactMap(\.stringValue) ?? []
            case "fields": fields = try decodeFields(try reader.readValue(), collection: name, aliases: aliases)
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
        var made = Dataset.Collection(name: name, description: description, notes: notes, fields: fields) {
            PackageResources.weka_ii_json.withUnsafeBufferPointer { bytes in
                do {
                    return try decodeRows(UnsafeBufferPointer(rebasing: bytes[rows]), fields: schema, collection: collection)
                } catch {
                    preconditionFailure("the built-in collection \(collection) does not decode: \(error)")
                }
            }
        }
        made.formerNames = formerNames
        return made
    }

    /// A field: `{"name", "type", "description", "origin", "why", "qualifier", "aliases": true, "total"}`.
    /// Every built-in field has an origin, and every inferred or reference one says why or where from.
    private static func decodeFields(_ json: JSON, collection: String, aliases: [String: String]?) throws -> [Field] {
        try (json.arrayValue ?? []).map { field in
            guard let name = field["name"]?.stringValue, let typeName = field["type"]?.stringValue,
                  let type = ValueType(rawValue: typeName) else { throw Failure(description: "\(collection): bad field \(field)") }
            guard let origin = field["origin"]?.stringValue.flatMap(Field.Origin.init(rawValue:)) else {
                throw Failure(description: "\(collection).\(name): no origin (release, reference or inferred)")
            }
            let why = field["why"]?.stringValue ?? ""
            if origin != .release && why.isEmpty { throw Failure(description: "\(collection).\(name): \(origin.rawValue) without why") }
            var aliasTable: [String: String] = [:]
            if case .boolean(true)? = field["aliases"] {
                guard let aliases else { throw Failure(description: "\(collection).\(name): aliases used before the alias table") }
                aliasTable = aliases
            }
            return Field(name: name, type: type, description: field["description"]?.stringValue ?? "", origin: origin,
                         originNote: why, qualifierField: field["qualifier"]?.stringValue, aliases: aliasTable,
                         releaseTotal: field["total"]?.stringValue)
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
        case (.integer(let i), .decimal): return .decimal(ExactDecimal(integer: i))
        case (.decimal(let d), .decimal): return .decimal(d)
        case (.float(let d), .float): return .float(d)
        case (.string(let s), .string): return .string(s)
        case (.string(let s), .date): return LocalDate(s).map(Value.date)
        default: return nil
        }
    }
}
