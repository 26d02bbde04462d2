// Loads a CSV file into typed columns. The column types come from a sample of the first rows; the file
// is then parsed once, in two halves on two threads. A column whose sample misled (a text value far down
// an integer column) is found out while parsing, and only that column is typed again and rebuilt.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

struct CSVLoader {
    let path: String
    let bytes: UnsafeBufferPointer<UInt8>
    /// The mapping behind `bytes`, when there is one: parsed parts of it are given back as parsing goes.
    let file: MappedFile?
    /// The delimiter, header, types and other options of this load.
    var settings = CSVSettings()
    /// The longest field accepted (lowered by tests).
    var maximumFieldBytes = Dataset.maximumValueBytes

    /// How many records the type sample reads.
    static let sampleSize = 2_048
    /// Files smaller than this are parsed on one thread.
    static let parallelThreshold = 4 << 20

    init(path: String, bytes: UnsafeBufferPointer<UInt8>, file: MappedFile?, settings: CSVSettings = CSVSettings()) {
        self.path = path
        self.bytes = bytes
        self.file = file
        self.settings = settings
    }

    /// Loads the columns `selection` includes, in the file's order; the others are only stepped over.
    func load(_ selection: ColumnSelection = .all) throws(Diagnostic) -> Table {
        var warnings: [Diagnostic] = []
        return try load(selection, warnings: &warnings)
    }

    /// Loads the columns `selection` includes; rows left out by `bad_rows=skip` are told in `warnings`.
    func load(_ selection: ColumnSelection = .all, warnings: inout [Diagnostic]) throws(Diagnostic) -> Table {
        var lines = RecordLineIndex()
        return try load(selection, warnings: &warnings, lines: &lines)
    }

    /// Loads the columns `selection` includes, and gives `recordLines` the line where each row's record starts.
    func load(_ selection: ColumnSelection = .all, warnings: inout [Diagnostic], lines recordLines: inout RecordLineIndex) throws(Diagnostic) -> Table {
        let (names, dataStart) = try readHeader()
        for name in settings.types.keys.sorted() where !names.contains(name) {
            throw Diagnostic.unknownTypedColumn(name, path: path, available: names)
        }
        let readings = names.map(settings.reading)
        let kept = names.indices.filter { selection.includes(names[$0]) }
        let sampled = try sampleTypes(columns: names.count, from: dataStart)
        var types = [ValueType?](repeating: nil, count: names.count)
        for index in kept { types[index] = settings.types[names[index]] ?? sampled[index] }
        var parts = try parse(from: dataStart, types: types, readings: readings)
        let skipped = parts.flatMap(\.skipped)
        recordLines = lines(of: parts, from: dataStart)
        var columns = merge(&parts, columns: kept)
        for (slot, index) in kept.enumerated() where columns[slot].misfit {
            if readings[index].given { throw firstMisfit(column: index, names: names, type: types[index]!, from: dataStart) }
            types[index] = try trueType(ofColumn: index, columns: names.count, from: dataStart)
            var only = [ValueType?](repeating: nil, count: names.count)
            only[index] = types[index]
            parts = try parse(from: dataStart, types: only, readings: readings, parallel: false)
            columns[slot] = parts[0].builders[index]!
        }
        if !skipped.isEmpty { warnings.append(.skippedRows(lines(at: skipped.prefix(10)), total: skipped.count, path: path)) }
        let schema = kept.map { Field(name: names[$0], type: types[$0]!) }
        return Table(fields: schema, columns: columns.map { $0.build() }, rowCount: parts.map(\.rows).reduce(0, +))
    }

    /// The column names and where the rows start: the header's names, or column1, column2, … without one.
    func readHeader() throws(Diagnostic) -> (names: [String], dataStart: Int) {
        let start = settings.firstLine(in: bytes)
        var reader = CSVReader(bytes, at: start, delimiter: settings.delimiter)
        var fields: [CSVReader.Field] = []
        guard try readRecord(&reader, into: &fields) else { throw Diagnostic.emptyCSV(path: path, bytes: bytes, offset: start) }
        if let long = fields.first(where: { $0.end - $0.start > maximumFieldBytes }) { throw valueTooLong(at: long.start) }
        guard settings.header else { return ((1...fields.count).map { "column\($0)" }, start) }
        if let bad = UTF8Validation.firstInvalid(UnsafeBufferPointer(rebasing: bytes[start..<reader.position])) {
            throw invalidUTF8(at: start + bad)
        }
        return (try headerNames(reader, fields), reader.position)
    }

    private func readRecord(_ reader: inout CSVReader, into fields: inout [CSVReader.Field]) throws(Diagnostic) -> Bool {
        do {
            return try reader.nextRecord(into: &fields)
        } catch {
            throw Diagnostic.malformedCSV(error, path: path, bytes: bytes)
        }
    }

    private func headerNames(_ reader: CSVReader, _ fields: [CSVReader.Field]) throws(Diagnostic) -> [String] {
        var seen = Set<String>()
        return try fields.enumerated().map { (index, field) throws(Diagnostic) in
            var name = reader.text(field).trimmingSpaces()
            if name.isEmpty { name = "column\(index + 1)" }
            guard seen.insert(name).inserted else { throw Diagnostic.duplicateHeader(name, path: path, bytes: bytes, offset: field.start) }
            return name
        }
    }

    /// Types that fit the first rows.
    func sampleTypes(columns: Int, from start: Int) throws(Diagnostic) -> [ValueType] {
        var reader = CSVReader(bytes, at: start, delimiter: settings.delimiter)
        let reading = settings.reading(column: "")
        var candidates = [TypeCandidates](repeating: TypeCandidates(dateFormat: settings.dateFormat), count: columns)
        var fields: [CSVReader.Field] = []
        var seen = 0
        while seen < Self.sampleSize, try readRecord(&reader, into: &fields) {
            for (index, field) in fields.prefix(columns).enumerated() where !reading.isNull(reader.unquoted(field)) {
                candidates[index].observe(text: reader.unquoted(field))
            }
            seen += 1
        }
        return candidates.map(\.type)
    }

    /// The type that fits every value of one column, over the whole file.
    func trueType(ofColumn column: Int, columns: Int, from start: Int) throws(Diagnostic) -> ValueType {
        var reader = CSVReader(bytes, at: start, delimiter: settings.delimiter)
        let reading = settings.reading(column: "")
        var candidates = TypeCandidates(dateFormat: settings.dateFormat)
        var fields: [CSVReader.Field] = []
        while try readRecord(&reader, into: &fields) {
            guard column < fields.count, fields.count <= columns else { continue }   // a short row padded, a long one skipped
            let text = reader.unquoted(fields[column])
            if !reading.isNull(text) { candidates.observe(text: text) }
        }
        return candidates.type
    }

    /// The error for the first value of a column given a type that does not read as that type.
    func firstMisfit(column: Int, names: [String], type: ValueType, from start: Int) -> Diagnostic {
        var reader = CSVReader(bytes, at: start, delimiter: settings.delimiter)
        let reading = settings.reading(column: names[column])
        var fields: [CSVReader.Field] = []
        // Called after the whole file parsed: the records read again are well formed, so `try?` drops nothing.
        while (try? reader.nextRecord(into: &fields)) == true {
            guard column < fields.count, fields.count <= names.count else { continue }
            let text = reader.text(fields[column])
            var probe = FieldColumnBuilder(type: type, capacity: 0, reading: reading)
            Array(text.utf8).withUnsafeBufferPointer { probe.append($0) }
            if probe.misfit {
                let offset = fields[column].start
                return .notOfGivenType(text, column: names[column], type: type, line: lines(at: [offset])[0], path: path,
                                       bytes: bytes, offset: offset)
            }
        }
        return .cannotRead(path, reason: "a value of column \"\(names[column])\" is not \(Diagnostic.article(type.rawValue)) \(type.rawValue)")
    }

    /// The 1-based line of each offset (ascending), counted in one pass.
    func lines(at offsets: some Sequence<Int>) -> [Int] {
        var line = 1, position = 0
        return offsets.map { offset in
            while position < offset {
                if bytes[position] == 0x0A { line += 1 }
                position += 1
            }
            return line
        }
    }

    // MARK: - Parsing in parts

    /// One part's columns (`nil` where not asked for), its row count, and where it stopped.
    struct Part {
        var builders: [FieldColumnBuilder?] = []
        var rows = 0
        var end = 0
        /// Where the records left out by `bad_rows=skip` start.
        var skipped: [Int] = []
        /// The line of each row's record, counted from the part's start, and the line breaks in the part.
        var lines = RecordLineIndex()
        var lineBreaks = 0
        var error: Diagnostic?
        /// Where each row's record starts, when asked for (to read other columns of some rows later).
        var recordStarts: [Int] = []
    }

    /// Parses the rows from `start`, in two parts when the file is large. The second part starts at a
    /// line break that might lie inside a quoted field; if the first part does not end exactly there,
    /// the guess was wrong and the rest is parsed again from where the first part really ended.
    private func parse(from start: Int, types: [ValueType?], readings: [FieldReading], parallel: Bool = true) throws(Diagnostic) -> [Part] {
        let size = bytes.count - start
        guard parallel, size >= Self.parallelThreshold, let middle = lineStart(after: start + size / 2) else {
            return [try checked(parsePart(from: start, to: bytes.count, types: types, readings: readings))]
        }
        let unsafe = UnsafeLoader(loader: self)
        let parts = runInParallel([
            { unsafe.loader.parsePart(from: start, to: middle, types: types, readings: readings) },
            { unsafe.loader.parsePart(from: middle, to: self.bytes.count, types: types, readings: readings) },
        ])
        let first = try checked(parts[0])
        if first.end == middle { return [first, try checked(parts[1])] }
        return [first, try checked(parsePart(from: first.end, to: bytes.count, types: types, readings: readings))]
    }

    func checked(_ part: Part) throws(Diagnostic) -> Part {
        if let error = part.error { throw error }
        return part
    }

    func lineStart(after offset: Int) -> Int? {
        guard offset < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + offset, 0x0A, bytes.count - offset) else { return nil }
        let i = UnsafeRawPointer(found) - UnsafeRawPointer(base)
        return i + 1 < bytes.count ? i + 1 : nil
    }

    /// Parses the records that start in `start..<limit`.
    func parsePart(from start: Int, to limit: Int, types: [ValueType?], readings: [FieldReading], keepingStarts: Bool = false) -> Part {
        let columns = types.count
        let estimate = max(16, (limit - start) / 64)
        let wanted = types.indices.filter { types[$0] != nil }
        var builders = wanted.map { FieldColumnBuilder(type: types[$0]!, capacity: estimate, reading: readings[$0]) }
        var reader = CSVReader(bytes, at: start, delimiter: settings.delimiter)
        var rows = 0
        var skipped: [Int] = []
        var recordStarts: [Int] = []
        // With bad_rows=skip a record's fields are read first, to be appended only if there are as many as columns.
        let skipping = settings.badRows == .skip
        var record: [CSVReader.Field] = []
        var scratch: [UInt8] = []
        var released = start
        // The text is checked as UTF-8 a chunk ahead of the fields read, skipped columns' too.
        var utf8 = UTF8Frontier(bytes, from: start)
        var lines = RecordLineCounter(bytes, from: start)
        // Which builder each column goes to (-1: not wanted).
        var slotOf = [Int](repeating: -1, count: columns)
        for (slot, index) in wanted.enumerated() { slotOf[index] = slot }
        do {
            try builders.withUnsafeMutableBufferPointer { builders in
                while reader.position < limit, reader.startRecord() {
                    let recordStart = reader.position
                    if skipping {
                        try readWhole(&reader, into: &record, utf8: &utf8)
                        guard record.count == columns else {
                            skipped.append(recordStart)
                            continue
                        }
                        for (column, field) in record.enumerated() where slotOf[column] >= 0 {
                            append(field, to: &builders[slotOf[column]], reader: reader, scratch: &scratch)
                        }
                        lines.record(start: recordStart, end: reader.position, quoted: record.contains(where: \.isQuoted))
                    } else {
                        var column = 0
                        var extra = -1
                        var quoted = false
                        while true {
                            let (field, isLast) = try reader.nextField()
                            quoted = quoted || field.isQuoted
                            if field.end - field.start > maximumFieldBytes { throw valueTooLong(at: field.start) }
                            if let bad = utf8.check(through: field.end) { throw invalidUTF8(at: bad) }
                            if column < columns {
                                if slotOf[column] >= 0 { append(field, to: &builders[slotOf[column]], reader: reader, scratch: &scratch) }
                            } else if extra < 0 {
                                extra = field.start
                            }
                            column += 1
                            if isLast { break }
                        }
                        if column < columns && settings.badRows == .pad {
                            for missing in column..<columns where slotOf[missing] >= 0 { builders[slotOf[missing]].appendNull() }
                        } else if column != columns {
                            throw fieldCountError(count: column, columns, record: recordStart, extra: extra, end: reader.position)
                        }
                        lines.record(start: recordStart, end: reader.position, quoted: quoted)
                    }
                    rows += 1
                    if keepingStarts { recordStarts.append(recordStart) }
                    if let file, reader.position - released >= 4 << 20 {
                        file.release(released..<reader.position)
                        released = reader.position
                    }
                }
            }
        } catch let failure as CSVReader.Failure {
            return Part(error: .malformedCSV(failure, path: path, bytes: bytes))
        } catch let diagnostic as Diagnostic {
            return Part(error: diagnostic)
        } catch {
            // The loop throws only the two above; another error is still reported (as E0500), never lost.
            return Part(error: Diagnostic.cannotRead(path, reason: "\(error)"))
        }
        var all = [FieldColumnBuilder?](repeating: nil, count: columns)
        for (builder, index) in zip(builders, wanted) { all[index] = builder }
        return Part(builders: all, rows: rows, end: reader.position, skipped: skipped, lines: lines.index,
                    lineBreaks: lines.lineBreaks(before: reader.position), error: nil, recordStarts: recordStarts)
    }

    /// The line of each row's record: the parts' lines, each counted on from the line breaks before it.
    private func lines(of parts: [Part], from dataStart: Int) -> RecordLineIndex {
        var before = RecordLineCounter(bytes, from: 0)
        var line = 1 + before.lineBreaks(before: dataStart)
        var lines = RecordLineIndex()
        for part in parts {
            lines.append(contentsOf: part.lines, lineOffset: line)
            line += part.lineBreaks
        }
        return lines
    }

    /// Reads a whole record's fields into `record` (for bad_rows=skip, which appends them only if there are
    /// as many as columns). Kept out of `parsePart`'s loop, so that the common path stays as small as it was.
    @inline(never)
    private func readWhole(_ reader: inout CSVReader, into record: inout [CSVReader.Field], utf8: inout UTF8Frontier) throws {
        record.removeAll(keepingCapacity: true)
        while true {
            let (field, isLast) = try reader.nextField()
            if field.end - field.start > maximumFieldBytes { throw valueTooLong(at: field.start) }
            if let bad = utf8.check(through: field.end) { throw invalidUTF8(at: bad) }
            record.append(field)
            if isLast { return }
        }
    }

    /// Appends one field, undoing doubled quotes first when it has them.
    @inline(__always)
    func append(_ field: CSVReader.Field, to builder: inout FieldColumnBuilder, reader: CSVReader, scratch: inout [UInt8]) {
        if field.hasEscapedQuotes {
            reader.unescape(field, into: &scratch)
            scratch.withUnsafeBufferPointer { builder.append($0) }
        } else {
            builder.append(reader.unquoted(field))
        }
    }

    private func invalidUTF8(at offset: Int) -> Diagnostic {
        .invalidUTF8(path: path, bytes: bytes, offset: offset)
    }

    private func valueTooLong(at offset: Int) -> Diagnostic {
        .valueTooLong(path: path, bytes: bytes, offset: offset, limit: maximumFieldBytes)
    }

    /// A record of `count` fields: the caret is on the first extra field, or at the end of a short record.
    private func fieldCountError(count: Int, _ columns: Int, record: Int, extra: Int, end: Int) -> Diagnostic {
        let line = lines(at: [record])[0]
        if count > columns {
            return .longRow(line: line, fields: count, columns: columns, delimiter: settings.delimiter, path: path, bytes: bytes, offset: extra)
        }
        var last = end
        while last > record, bytes[last - 1] == 0x0A || bytes[last - 1] == 0x0D { last -= 1 }
        return .shortRow(line: line, fields: count, columns: columns, path: path, bytes: bytes, offset: last)
    }

    /// The parts' columns (those at `indexes`) joined end to end. Each part's column is let go as soon as
    /// it is copied, so that joining holds at most one column twice.
    private func merge(_ parts: inout [Part], columns indexes: [Int]) -> [FieldColumnBuilder] {
        indexes.map { index in
            var column = parts[0].builders[index]!
            parts[0].builders[index] = nil
            for p in parts.indices.dropFirst() {
                column.appendContents(of: parts[p].builders[index]!)
                parts[p].builders[index] = nil
            }
            return column
        }
    }
}

/// Lets the parts' closures share the loader (and its borrowed buffer) across threads; the buffer is only read.
private struct UnsafeLoader: @unchecked Sendable {
    let loader: CSVLoader
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }
}
