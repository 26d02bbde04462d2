// Loads a CSV file into a table: one pass infers each column's type, a second builds typed columns.

struct CSVLoader {
    let path: String
    let bytes: UnsafeBufferPointer<UInt8>

    func load() throws -> Table {
        var reader = CSVReader(bytes)
        var fields: [CSVReader.Field] = []
        guard try readRecord(&reader, into: &fields) else {
            throw Diagnostic.inData(.malformedCSV, "the CSV file is empty: it needs a header row", path: path, bytes: bytes, offset: 0)
        }
        let names = try headerNames(reader, fields)
        let dataStart = reader.position
        let types = try inferTypes(columns: names.count, from: reader)
        reader = CSVReader(bytes)
        _ = try readRecord(&reader, into: &fields)
        precondition(reader.position == dataStart)
        var builders = types.map { ColumnBuilder(type: $0, capacity: 1024) }
        var rows = 0
        while try readRecord(&reader, into: &fields) {
            for (index, field) in fields.enumerated() { append(field, reader, to: &builders[index]) }
            rows += 1
        }
        let schema = zip(names, types).map { Field(name: $0, type: $1) }
        return Table(fields: schema, columns: builders.map { $0.build() }, rowCount: rows)
    }

    private func readRecord(_ reader: inout CSVReader, into fields: inout [CSVReader.Field]) throws -> Bool {
        do {
            return try reader.nextRecord(into: &fields)
        } catch let failure as CSVReader.Failure {
            throw Diagnostic.inData(.malformedCSV, failure.message, path: path, bytes: bytes, offset: failure.offset)
        }
    }

    private func headerNames(_ reader: CSVReader, _ fields: [CSVReader.Field]) throws -> [String] {
        var seen = Set<String>()
        return try fields.enumerated().map { index, field in
            var name = reader.text(field).trimmingSpaces()
            if name.isEmpty { name = "column\(index + 1)" }
            guard seen.insert(name).inserted else {
                throw Diagnostic.inData(.duplicateHeader, "the header names column \"\(name)\" twice", path: path, bytes: bytes,
                                        offset: field.start, hints: ["rename one of the columns in the header row"])
            }
            return name
        }
    }

    /// The first pass: every record's field count is checked, and each column's type narrowed.
    private func inferTypes(columns: Int, from start: CSVReader) throws -> [ValueType] {
        var reader = start
        var candidates = [TypeCandidates](repeating: TypeCandidates(), count: columns)
        var fields: [CSVReader.Field] = []
        var recordStart = reader.position
        while try readRecord(&reader, into: &fields) {
            guard fields.count == columns else {
                let line = reader.line - 1
                throw Diagnostic.inData(.malformedCSV, "line \(line) has \(fields.count) field\(fields.count == 1 ? "" : "s"), the header has \(columns)",
                                        path: path, bytes: bytes, offset: fields.first.map(\.start) ?? recordStart,
                                        hints: ["quote fields that contain commas: \"a, b\""])
            }
            for (index, field) in fields.enumerated() where field.end > field.start {
                candidates[index].observe(text: UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]))
            }
            recordStart = reader.position
        }
        return candidates.map(\.type)
    }

    private func append(_ field: CSVReader.Field, _ reader: CSVReader, to builder: inout ColumnBuilder) {
        guard field.end > field.start else { return builder.appendNull() }
        let raw = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
        switch builder.type {
        case .integer: builder.append(TextScalars.integer(raw).map(Value.integer) ?? .null)
        case .decimal: builder.append(TextScalars.decimal(raw).map(Value.decimal) ?? .null)
        case .boolean: builder.append(TextScalars.boolean(raw).map(Value.boolean) ?? .null)
        case .date: builder.append(TextScalars.date(raw).map(Value.date) ?? .null)
        case .string: builder.append(.string(reader.text(field)))
        case .null: builder.appendNull()
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }
}
