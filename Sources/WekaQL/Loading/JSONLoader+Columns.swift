// JSON rows parsed straight into the selected columns (JSONColumnParser), in parts on several threads
// for JSON lines, and made into a table exactly as the tree loader makes one: the same columns in the
// same order, types, values and warnings, for the columns kept. `nil` means the tree loader must read
// the file (it gives the error, or reads what the column parser does not take).

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

extension JSONLoader {
    /// JSON lines smaller than this are parsed on one thread.
    static let parallelThreshold = 4 << 20

    /// A JSON lines file's rows, the columns `selection` includes, parsed in up to `threads` parts.
    mutating func fastLines(collection: String, selection: ColumnSelection, file: MappedFile?, threads: Int) -> Table? {
        guard let parts = Self.parseLines(bytes, selection: selection, file: file, threads: threads) else { return nil }
        return table(of: parts, collection: collection, selection: selection)
    }

    /// A `.json` document's collections parsed straight into columns: an array of rows, or an object of
    /// arrays of rows; `nil` for anything else (JSON lines in a `.json` file, an error).
    mutating func fastDocument(defaultName: String, columns: ColumnSelection) -> [Dataset.Collection]? {
        var probe = JSONColumnParser(bytes, selection: .all)
        probe.skipSpace()
        guard probe.position < bytes.count else { return nil }
        if bytes[probe.position] == UInt8(ascii: "[") {
            let selection = columns.forCollection(defaultName)
            var parser = JSONColumnParser(bytes, at: probe.position, selection: selection)
            // The fast parser gives up on anything it does not take; the tree reader then reports the error.
            guard (try? parser.parseArray()) != nil, Self.atEnd(&parser, of: bytes),
                  let table = table(of: [parser], collection: defaultName, selection: selection) else { return nil }
            return [Dataset.Collection(name: defaultName, table: table)]
        }
        return fastCollections(from: probe.position, columns: columns)
    }

    /// `{"name": [rows], …}`: each array parsed into a table of its own.
    private mutating func fastCollections(from start: Int, columns: ColumnSelection) -> [Dataset.Collection]? {
        var parser = JSONColumnParser(bytes, at: start, selection: .all)
        var collections: [Dataset.Collection] = []
        do {
            try parser.expectByte(UInt8(ascii: "{"))
            parser.skipSpace()
            if parser.peekByte == UInt8(ascii: "}") {
                try parser.expectByte(UInt8(ascii: "}"))
            } else {
                while true {
                    parser.skipSpace()
                    let name = try parser.readName()
                    parser.skipSpace()
                    try parser.expectByte(UInt8(ascii: ":"))
                    parser.skipSpace()
                    let selection = columns.forCollection(name)
                    parser.restart(selection: selection)
                    try parser.parseArray()
                    guard let table = table(of: [parser], collection: name, selection: selection) else { return nil }
                    collections.append(Dataset.Collection(name: name, table: table))
                    parser.skipSpace()
                    if parser.peekByte == UInt8(ascii: ",") { try parser.expectByte(UInt8(ascii: ",")); continue }
                    try parser.expectByte(UInt8(ascii: "}"))
                    break
                }
            }
        } catch { return nil }   // the fast path gives up: the tree reader reads the file again and reports
        return Self.atEnd(&parser, of: bytes) ? collections : nil
    }

    private static func atEnd(_ parser: inout JSONColumnParser, of bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        parser.skipSpace()
        return parser.position == bytes.count
    }

    // MARK: - Parts

    /// The rows of JSON lines in `bytes`, parsed in up to `threads` parts split at line ends. A part's
    /// first line may lie inside an object that spans lines: then the part before it does not end where
    /// it starts, and the rest is parsed again from where that part really ended.
    static func parseLines(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, to limit: Int? = nil,
                           selection: ColumnSelection, file: MappedFile?, threads: Int,
                           parallelAbove: Int = parallelThreshold) -> [JSONColumnParser]? {
        let stop = limit ?? bytes.count
        let count = stop - start >= parallelAbove ? max(1, threads) : 1
        let splits = [start] + (1..<count).compactMap { lineStart(in: bytes, after: start + (stop - start) * $0 / count) } + [stop]
        let shared = SharedBytes(bytes: bytes)
        func part(_ from: Int, _ to: Int) -> (parser: JSONColumnParser, end: Int)? {
            var parser = JSONColumnParser(shared.bytes, at: from, selection: selection)
            guard let end = try? parser.parseLines(to: to, file: file) else { return nil }   // as above: the tree reader reports
            return (parser, end)
        }
        let results = runInParallel(splits.indices.dropLast().map { k in { part(splits[k], splits[k + 1]) } })
        var accepted: [JSONColumnParser] = []
        for k in results.indices {
            guard let result = results[k] else { return nil }
            accepted.append(result.parser)
            if k + 1 < results.count && result.end > splits[k + 1] {
                guard let rest = part(result.end, stop) else { return nil }
                accepted.append(rest.parser)
                break
            }
        }
        return accepted
    }

    private static func lineStart(in bytes: UnsafeBufferPointer<UInt8>, after offset: Int) -> Int? {
        guard offset < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + offset, 0x0A, bytes.count - offset) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
    }

    // MARK: - The table

    /// The parts' rows, one after another, as the table the tree loader gives for the columns `selection`
    /// includes; `nil` when a selected key and one not selected are a dotted prefix of each other (their
    /// fields could clash, which only the whole tree tells).
    mutating func table(of parts: [JSONColumnParser], collection: String, selection: ColumnSelection) -> Table? {
        var keys: [String] = [], seen: Set<String> = []
        for part in parts { for key in part.keys where seen.insert(key).inserted { keys.append(key) } }
        let rows = parts.reduce(0) { $0 + $1.rows }
        var columns: [String: JSONColumnValues] = [:]
        var rowsSoFar = 0
        for part in parts {
            for (slot, key) in part.columnKeys.enumerated() {
                columns[part.keys[key], default: JSONColumnValues(nulls: rowsSoFar)].append(contentsOf: part.columns[slot])
            }
            rowsSoFar += part.rows
            for name in columns.keys where columns[name]!.count < rowsSoFar { columns[name]!.appendNulls(rowsSoFar - columns[name]!.count) }
        }
        keysSeen = keys
        let selected = keys.filter { columns[$0] != nil }
        let others = Set(keys).subtracting(selected)
        if Self.dottedPrefixes(Set(selected), others) { return nil }
        return table(keys: selected, columns: columns, otherKeys: others, rows: rows, collection: collection, selection: selection)
    }

    /// Whether a key of `a` and one of `b` are such that one is the other followed by a dot and more.
    private static func dottedPrefixes(_ a: Set<String>, _ b: Set<String>) -> Bool {
        func prefixes(_ key: String) -> [String] {
            key.indices.filter { key[$0] == "." }.map { String(key[..<$0]) }
        }
        return a.contains { prefixes($0).contains(where: b.contains) } || b.contains { prefixes($0).contains(where: a.contains) }
    }

    private mutating func table(keys: [String], columns: [String: JSONColumnValues], otherKeys: Set<String>, rows: Int,
                                collection: String, selection: ColumnSelection) -> Table {
        let trees = keys.map { columns[$0]!.nested.isEmpty ? [] : columns[$0]!.jsonValues() }
        let (names, cells) = flattened(names: keys, cells: trees, collection: collection, alsoTaken: otherKeys, keeping: selection.includes)
        var fields: [Field] = [], built: [Column] = []
        for (name, values) in zip(names, cells) {
            if values.isEmpty, let scanned = columns[name], scanned.nested.isEmpty {
                let (type, mismatch) = scanned.scalarType()
                if let mismatch { warnings.append(.mixedTypes(column: name, collection: collection, row: mismatch + 1, path: path)) }
                fields.append(Field(name: name, type: type))
                built.append(scanned.column(as: type))
            } else {
                let (type, converted) = infer(values, column: name, collection: collection)
                fields.append(Field(name: name, type: type))
                built.append(Column(type: type, values: converted))
            }
        }
        return Table(fields: fields, columns: built, rowCount: rows)
    }
}

/// Lets the parts' closures share the borrowed buffer across threads; it is only read.
private struct SharedBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
}
