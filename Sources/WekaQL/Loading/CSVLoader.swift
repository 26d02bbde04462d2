// Loads a CSV file into typed columns. The column types come from a sample of the first rows; the file
// is then parsed once, in two halves on two threads. A column whose sample misled (a text value far down
// an integer column) is found out while parsing, and only that column is typed again and rebuilt.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

struct CSVLoader {
    let path: String
    let bytes: UnsafeBufferPointer<UInt8>
    /// The mapping behind `bytes`, when there is one: parsed parts of it are given back as parsing goes.
    let file: MappedFile?
    /// The longest field accepted (lowered by tests).
    var maximumFieldBytes = Dataset.maximumValueBytes

    /// How many records the type sample reads.
    static let sampleSize = 2_048
    /// Files smaller than this are parsed on one thread.
    static let parallelThreshold = 4 << 20

    /// Loads the columns `selection` includes, in the file's order; the others are only stepped over.
    func load(_ selection: ColumnSelection = .all) throws -> Table {
        var reader = CSVReader(bytes)
        var fields: [CSVReader.Field] = []
        guard try readRecord(&reader, into: &fields) else {
            throw Diagnostic.inData(.malformedCSV, "the CSV file is empty: it needs a header row", path: path, bytes: bytes, offset: 0)
        }
        if let long = fields.first(where: { $0.end - $0.start > maximumFieldBytes }) { throw valueTooLong(at: long.start) }
        if let bad = UTF8Validation.firstInvalid(UnsafeBufferPointer(rebasing: bytes[0..<reader.position])) { throw invalidUTF8(at: bad) }
        let names = try headerNames(reader, fields)
        let kept = names.indices.filter { selection.includes(names[$0]) }
        let dataStart = reader.position
        let sampled = try sampleTypes(columns: names.count, from: reader)
        var types = [ValueType?](repeating: nil, count: names.count)
        for index in kept { types[index] = sampled[index] }
        var parts = try parse(from: dataStart, types: types)
        var columns = merge(&parts, columns: kept)
        for (slot, index) in kept.enumerated() where columns[slot].misfit {
            types[index] = try trueType(ofColumn: index, columns: names.count, from: dataStart)
            var only = [ValueType?](repeating: nil, count: names.count)
            only[index] = types[index]
            parts = try parse(from: dataStart, types: only, parallel: false)
            columns[slot] = parts[0].builders[index]!
        }
        let schema = kept.map { Field(name: names[$0], type: types[$0]!) }
        return Table(fields: schema, columns: columns.map { $0.build() }, rowCount: parts.map(\.rows).reduce(0, +))
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

    /// Types that fit the first rows.
    private func sampleTypes(columns: Int, from start: CSVReader) throws -> [ValueType] {
        var reader = start
        var candidates = [TypeCandidates](repeating: TypeCandidates(), count: columns)
        var fields: [CSVReader.Field] = []
        var seen = 0
        while seen < Self.sampleSize, try readRecord(&reader, into: &fields) {
            for (index, field) in fields.prefix(columns).enumerated() where field.end > field.start {
                candidates[index].observe(text: reader.unquoted(field))
            }
            seen += 1
        }
        return candidates.map(\.type)
    }

    /// The type that fits every value of one column, over the whole file.
    private func trueType(ofColumn column: Int, columns: Int, from start: Int) throws -> ValueType {
        var reader = CSVReader(bytes, at: start)
        var candidates = TypeCandidates()
        var fields: [CSVReader.Field] = []
        while try readRecord(&reader, into: &fields) {
            let field = fields[column]
            if field.end > field.start { candidates.observe(text: reader.unquoted(field)) }
        }
        return candidates.type
    }

    // MARK: - Parsing in parts

    /// One part's columns (`nil` where not asked for), its row count, and where it stopped.
    private struct Part {
        var builders: [FieldColumnBuilder?] = []
        var rows = 0
        var end = 0
        var error: Diagnostic?
    }

    /// Parses the rows from `start`, in two parts when the file is large. The second part starts at a
    /// line break that might lie inside a quoted field; if the first part does not end exactly there,
    /// the guess was wrong and the rest is parsed again from where the first part really ended.
    private func parse(from start: Int, types: [ValueType?], parallel: Bool = true) throws -> [Part] {
        let size = bytes.count - start
        guard parallel, size >= Self.parallelThreshold, let middle = lineStart(after: start + size / 2) else {
            return [try checked(parsePart(from: start, to: bytes.count, types: types))]
        }
        let unsafe = UnsafeLoader(loader: self)
        let parts = runInParallel([
            { unsafe.loader.parsePart(from: start, to: middle, types: types) },
            { unsafe.loader.parsePart(from: middle, to: self.bytes.count, types: types) },
        ])
        let first = try checked(parts[0])
        if first.end == middle { return [first, try checked(parts[1])] }
        return [first, try checked(parsePart(from: first.end, to: bytes.count, types: types))]
    }

    private func checked(_ part: Part) throws -> Part {
        if let error = part.error { throw error }
        return part
    }

    private func lineStart(after offset: Int) -> Int? {
        guard offset < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + offset, 0x0A, bytes.count - offset) else { return nil }
        let i = UnsafeRawPointer(found) - UnsafeRawPointer(base)
        return i + 1 < bytes.count ? i + 1 : nil
    }

    /// Parses the records that start in `start..<limit`.
    private func parsePart(from start: Int, to limit: Int, types: [ValueType?]) -> Part {
        let columns = types.count
        let estimate = max(16, (limit - start) / 64)
        let wanted = types.indices.filter { types[$0] != nil }
        var builders = wanted.map { FieldColumnBuilder(type: types[$0]!, capacity: estimate) }
        var reader = CSVReader(bytes, at: start)
        var rows = 0
        var scratch: [UInt8] = []
        var released = start
        // The text is checked as UTF-8 a chunk ahead of the fields read, skipped columns' too.
        var utf8 = UTF8Frontier(bytes, from: start)
        // Which builder each column goes to (-1: not wanted).
        var slotOf = [Int](repeating: -1, count: columns)
        for (slot, index) in wanted.enumerated() { slotOf[index] = slot }
        do {
            try builders.withUnsafeMutableBufferPointer { builders in
                while reader.position < limit, reader.startRecord() {
                    let recordStart = reader.position
                    var column = 0
                    while true {
                        let (field, isLast) = try reader.nextField()
                        if field.end - field.start > maximumFieldBytes { throw valueTooLong(at: field.start) }
                        if let bad = utf8.check(through: field.end) { throw invalidUTF8(at: bad) }
                        if column < columns, slotOf[column] >= 0 { append(field, to: &builders[slotOf[column]], reader: reader, scratch: &scratch) }
                        column += 1
                        if isLast { break }
                    }
                    guard column == columns else { throw fieldCountError(count: column, columns, at: recordStart) }
                    rows += 1
                    if let file, reader.position - released >= 4 << 20 {
                        file.release(released..<reader.position)
                        released = reader.position
                    }
                }
            }
        } catch let failure as CSVReader.Failure {
            return Part(error: .inData(.malformedCSV, failure.message, path: path, bytes: bytes, offset: failure.offset))
        } catch let diagnostic as Diagnostic {
            return Part(error: diagnostic)
        } catch {
            return Part(error: Diagnostic.cannotRead(path, reason: "\(error)"))
        }
        var all = [FieldColumnBuilder?](repeating: nil, count: columns)
        for (builder, index) in zip(builders, wanted) { all[index] = builder }
        return Part(builders: all, rows: rows, end: reader.position, error: nil)
    }

    /// Appends one field, undoing doubled quotes first when it has them.
    @inline(__always)
    private func append(_ field: CSVReader.Field, to builder: inout FieldColumnBuilder, reader: CSVReader, scratch: inout [UInt8]) {
        if field.hasEscapedQuotes {
            reader.unescape(field, into: &scratch)
            scratch.withUnsafeBufferPointer { builder.append($0) }
        } else {
            builder.append(reader.unquoted(field))
        }
    }

    private func invalidUTF8(at offset: Int) -> Diagnostic {
        .inData(.invalidUTF8, "the file is not valid UTF-8", path: path, bytes: bytes, offset: offset,
                hints: ["convert it to UTF-8, for example: iconv -f latin1 -t utf-8"])
    }

    private func valueTooLong(at offset: Int) -> Diagnostic {
        .valueTooLong(path: path, bytes: bytes, offset: offset, limit: maximumFieldBytes)
    }

    private func fieldCountError(count: Int, _ columns: Int, at offset: Int) -> Diagnostic {
        let line = 1 + UnsafeBufferPointer(rebasing: bytes[0..<offset]).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return .inData(.malformedCSV, "line \(line) has \(count) field\(count == 1 ? "" : "s"), the header has \(columns)",
                       path: path, bytes: bytes, offset: offset, hints: ["quote fields that contain commas: \"a, b\""])
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
