// The built-in dataset: Operation Weka II, transcribed by hand into `weka-ii.json` and embedded in the binary.

extension Dataset {
    /// Operation Weka II, from INTERPOL's press release: operations, figures, countries, arrests,
    /// victims, smuggling, seizures, partners and funders. Decoded on first use.
    public static let builtIn: Dataset = {
        do {
            return try PackageResources.weka_ii_json.withUnsafeBufferPointer { bytes in
                try BuiltInDecoder.decode(bytes)
            }
        } catch {
            // The file is part of the source and checked by tests; a failure here is a build defect.
            preconditionFailure("the built-in dataset does not decode: \(error)")
        }
    }()
}

/// Reads the annotated dataset format: collections with typed, described fields and rows.
enum BuiltInDecoder {
    struct Failure: Error, CustomStringConvertible { var description: String }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws -> Dataset {
        var reader = JSONReader(bytes)
        let document = try reader.readDocument()
        guard let collections = document["collections"]?.arrayValue else { throw Failure(description: "no collections") }
        return Dataset(name: document["name"]?.stringValue ?? "",
                       notes: document["notes"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                       collections: try collections.map(decodeCollection))
    }

    private static func decodeCollection(_ json: JSON) throws -> Dataset.Collection {
        guard let name = json["name"]?.stringValue, let fieldList = json["fields"]?.arrayValue,
              let rows = json["rows"]?.arrayValue else { throw Failure(description: "collection without name, fields or rows") }
        let fields = try fieldList.map { field -> Field in
            guard let fieldName = field["name"]?.stringValue, let typeName = field["type"]?.stringValue,
                  let type = ValueType(rawValue: typeName) else { throw Failure(description: "\(name): bad field \(field)") }
            return Field(name: fieldName, type: type, description: field["description"]?.stringValue ?? "")
        }
        var builders = fields.map { ColumnBuilder(type: $0.type, capacity: rows.count) }
        for (rowIndex, row) in rows.enumerated() {
            for (index, field) in fields.enumerated() {
                let value = try convert(row[field.name] ?? .null, to: field.type)
                    ?? { throw Failure(description: "\(name) row \(rowIndex + 1): \(field.name) is not \(field.type.rawValue)") }()
                builders[index].append(value)
            }
        }
        return Dataset.Collection(name: name, description: json["description"]?.stringValue ?? "",
                                  notes: json["notes"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                                  table: Table(fields: fields, columns: builders.map { $0.build() }, rowCount: rows.count))
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
