// CSV chunks read in two passes for late materialisation (see LateColumns): the first parses the columns
// a query's filter and sort read and finds where each record starts, checking every field as the one-pass
// reading does (UTF-8, length, field count), so it gives the same errors in the same order; the second
// parses the other columns of the records kept. Only text columns are left for the second pass: any
// value fits them, so no value in a dropped row could have changed a column's type or given an error.

extension CSVChunks {
    func forEachChunk(columns: [Int], late: [Int], threads: Int, cancellation: CancellationToken?,
                      _ body: @Sendable (_ number: Int, _ rows: Table, _ late: LateColumns) throws -> Void) throws {
        guard !late.isEmpty, late.allSatisfy({ fields[$0].type == .string }) else {
            return try eagerForEachChunk(columns: columns, late: late, threads: threads, cancellation: cancellation, body)
        }
        var lateTypes = [ValueType?](repeating: nil, count: names.count)
        for column in late { lateTypes[column] = .string }
        let reader = CSVRecordReader(loader: loader, types: lateTypes, readings: readings, columns: late)
        try forEachPart(columns: columns, threads: threads, cancellation: cancellation, keepingStarts: true) { number, rows, starts in
            try body(number, rows, LateColumns { kept in try reader.columns(at: kept.map { starts[Int($0)] }) })
        }
    }
}

/// Parses some columns of records whose starts a first pass found.
struct CSVRecordReader: @unchecked Sendable {
    // @unchecked: `loader` borrows the mapped bytes of the chunks' file, which outlive every chunk; they are only read.
    let loader: CSVLoader
    let types: [ValueType?]
    let readings: [FieldReading]
    /// The columns returned, in order (those `types` asks for).
    let columns: [Int]

    /// The columns of the records starting at `starts`, one row each.
    func columns(at starts: [Int]) throws -> [Column] {
        let builders = try loader.parseRecords(at: starts, types: types, readings: readings)
        return columns.map { builders[$0]!.build() }
    }
}

extension CSVLoader {
    /// Parses the records that start at `starts` into the columns `types` asks for. The records were read
    /// once already (and found well formed), so this only splits fields again; a short record, which
    /// `bad_rows=pad` let through, is padded again.
    func parseRecords(at starts: [Int], types: [ValueType?], readings: [FieldReading]) throws(Diagnostic) -> [FieldColumnBuilder?] {
        let columns = types.count
        var builders = types.indices.map { index in types[index].map { FieldColumnBuilder(type: $0, capacity: starts.count, reading: readings[index]) } }
        var scratch: [UInt8] = []
        do {
            for start in starts {
                var reader = CSVReader(bytes, at: start, delimiter: settings.delimiter)
                var column = 0
                while true {
                    let (field, isLast) = try reader.nextField()
                    if column < columns, builders[column] != nil { append(field, to: &builders[column]!, reader: reader, scratch: &scratch) }
                    column += 1
                    if isLast { break }
                }
                for missing in min(column, columns)..<columns where builders[missing] != nil { builders[missing]!.appendNull() }
            }
        } catch {
            throw Diagnostic.malformedCSV(error, path: path, bytes: bytes)
        }
        return builders
    }
}
