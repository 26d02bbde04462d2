// A JSON lines file read a chunk of lines at a time, for queries that stream: the fields come from its
// first lines, each chunk is parsed into the selected columns only (JSONColumnParser) and given the
// fields' types. A value far down that the sampled type cannot hold is a ChunkMisfit naming the type the
// whole file gives the column; an error is the one loading the whole file gives, at the same place.

/// Rows of a JSON lines file, read in chunks that end at line ends.
struct JSONLinesChunks: ChunkedSource {
    let path: String
    let file: MappedFile
    /// The file's size and time when opened, to tell it was rewritten since.
    let version: FileVersion?
    /// The collection's name (errors name it).
    let collection: String
    /// The columns, with the types the first ``sampleLines`` lines give them (as loading those lines would).
    let fields: [Field]
    /// The keys of the sampled rows (before objects are flattened into dotted fields).
    let sampledKeys: Set<String>
    /// The size a chunk aims at; a chunk ends at the first row boundary after it (a long line stays whole).
    var chunkBytes = 8 << 20
    /// The fields streamed reads found mixing kinds of value (shared by the retyped copies).
    private(set) var mixedTypes = MixedTypeWarnings()

    /// How many lines the fields are read from.
    static let sampleLines = 2_048

    /// Opens `path` (mapped) and reads its fields from the first lines.
    ///
    /// - Throws: the ``Diagnostic`` loading the file whole gives, when the first lines do not load.
    init(path: String, file: MappedFile, collection: String, warnings: inout [Diagnostic]) throws(Diagnostic) {
        self.path = path
        self.file = file
        self.version = FileVersion(path: path)
        self.collection = collection
        let bytes = file.bytes
        let sample = UnsafeBufferPointer(rebasing: bytes[0..<Self.sampleEnd(in: bytes)])
        var loader = JSONLoader(path: path, bytes: sample)
        do {
            fields = try loader.loadLines(name: collection, threads: 1).table.fields
            warnings += loader.warnings
        } catch {
            // An error in the first lines, or an object cut by the sample's end: the whole file decides.
            var whole = JSONLoader(path: path, bytes: bytes)
            fields = try whole.loadLines(name: collection).table.fields
            warnings += whole.warnings
        }
        let keys = JSONLoader.parseLines(sample, selection: ColumnSelection(names: []), file: nil, threads: 1)
        sampledKeys = Set(keys?.flatMap(\.keys) ?? fields.map(\.name))
    }

    /// The end of the line that ends the sample.
    private static func sampleEnd(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var lines = 0
        for (offset, byte) in bytes.enumerated() where byte == 0x0A {
            lines += 1
            if lines == sampleLines { return offset + 1 }
        }
        return bytes.count
    }

    /// The same rows with column `column` read as `type` (after a ``ChunkMisfit``).
    func reading(column: Int, as type: ValueType) -> JSONLinesChunks {
        var retyped = self
        retyped.retype(column: column, as: type)
        return retyped
    }

    private mutating func retype(column: Int, as type: ValueType) {
        var all = fields
        all[column] = Field(name: all[column].name, type: type)
        let mixedTypes = self.mixedTypes
        self = JSONLinesChunks(path: path, file: file, version: version, collection: collection, fields: all, sampledKeys: sampledKeys,
                               chunkBytes: chunkBytes)
        self.mixedTypes = mixedTypes
    }

    private init(path: String, file: MappedFile, version: FileVersion?, collection: String, fields: [Field], sampledKeys: Set<String>,
                 chunkBytes: Int) {
        self.path = path
        self.file = file
        self.version = version
        self.collection = collection
        self.fields = fields
        self.sampledKeys = sampledKeys
        self.chunkBytes = chunkBytes
    }

    // MARK: - Chunks

    /// Where the chunks start: about every ``chunkBytes``, at a row boundary.
    func chunkStarts() -> [Int] {
        let bytes = file.bytes
        var starts = [0]
        var target = chunkBytes
        while target < bytes.count, let boundary = Self.rowBoundary(in: bytes, from: target) {
            starts.append(boundary)
            target = boundary + chunkBytes
        }
        return starts
    }

    /// The first line start at or after `offset` that surely starts a row: the line before it ends with
    /// `}` and it starts with `{` (white space aside). In JSON, `}` is followed by `{` only between rows;
    /// a line end inside an object that spans lines is never such a place.
    static func rowBoundary(in bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int? {
        var i = offset
        while i < bytes.count {
            guard bytes[i] == 0x0A else { i += 1; continue }
            var before = i, after = i + 1
            while before > 0, Self.isSpace(bytes[before - 1]) { before -= 1 }
            while after < bytes.count, Self.isSpace(bytes[after]) { after += 1 }
            if before > 0, bytes[before - 1] == UInt8(ascii: "}"), after < bytes.count, bytes[after] == UInt8(ascii: "{") {
                return i + 1
            }
            i += 1
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }

    func forEachChunk(columns: [Int], threads: Int, cancellation: CancellationToken?,
                      _ body: @Sendable (Int, Table) throws -> Void) throws {
        try checkUnchanged()
        let starts = chunkStarts() + [file.bytes.count]
        let next = Locked(0)
        let failure = Locked<(chunk: Int, error: any Error)?>(nil)
        let me = self
        withoutActuallyEscaping(body) { body in
            let shared = UnsafeSendable(body)
            let jobs = (0..<max(1, min(threads, starts.count - 1))).map { _ in {
                while true {
                    if failure.withLock({ $0 != nil }) { return }
                    let chunk = next.withLock { n -> Int in defer { n += 1 }; return n }
                    guard chunk + 1 < starts.count else { return }
                    do {
                        if cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: nil) }
                        let rows = try me.chunk(starts[chunk]..<starts[chunk + 1], columns: columns)
                        me.file.release(starts[chunk]..<starts[chunk + 1])
                        try shared.value(chunk, rows)
                    } catch {
                        failure.withLock { if $0 == nil || $0!.chunk > chunk { $0 = (chunk, error) } }
                        return
                    }
                }
            } }
            _ = runInParallel(jobs)
        }
        if let (_, error) = failure.withLock({ $0 }) { throw error }
    }

    /// One chunk's rows of the columns `columns`, of the fields' types.
    func chunk(_ range: Range<Int>, columns: [Int]) throws -> Table {
        let names = columns.map { fields[$0].name }
        let bytes = UnsafeBufferPointer(rebasing: file.bytes[range])
        var loader = JSONLoader(path: path, bytes: bytes)
        let table: Table
        do {
            table = try loader.loadLines(name: collection, selection: ColumnSelection(names: Set(names)), threads: 1).table
        } catch {
            throw wholeFileError() ?? error
        }
        if columns.count == fields.count, let unsampled = loader.keysSeen.first(where: { !sampledKeys.contains($0) }) {
            throw Diagnostic.fieldAfterSample(unsampled, path: path, bytes: file.bytes, offset: offset(ofKey: unsampled, in: range))
        }
        noteMixedKinds(in: table, loader: loader, columns: columns)
        var out: [Column] = []
        for column in columns {
            let field = fields[column]
            guard let position = table.fields.firstIndex(where: { $0.name == field.name }) else {
                out.append(Column(type: field.type, values: [Value](repeating: .null, count: table.rowCount)))
                continue
            }
            guard let fitted = Self.fit(table.columns[position], of: table.fields[position].type, rows: table.rowCount, to: field.type) else {
                throw try misfit(column: column)
            }
            out.append(fitted)
        }
        return Table(fields: columns.map { fields[$0] }, columns: out, rowCount: table.rowCount)
    }

    /// `column`, of type `type` in its chunk, as a column of `target`, when its values are the ones
    /// loading the whole file gives them (an integer in a decimal column, a date in a text one); `nil`
    /// when they are not.
    static func fit(_ column: Column, of type: ValueType, rows: Int, to target: ValueType) -> Column? {
        if type == target { return column }
        guard type.unified(with: target) == target || (target == .string && !type.isList) else { return nil }
        return Column(type: target, values: (0..<rows).map { converted(column[$0], to: target) })
    }

    private static func converted(_ value: Value, to target: ValueType) -> Value {
        switch (value, target) {
        case (.integer(let i), .decimal): return .decimal(ExactDecimal(integer: i))
        case (.integer(let i), .float): return .float(Double(i))
        case (.decimal(let d), .float): return .float(d.doubleValue)
        case (.list(let items), .list(of: let element)): return .list(items.map { converted($0, to: element) })
        // A date reads back as its text; another kind loads as its JSON text in a column that mixes kinds.
        case (.date(let d), .string): return .string(d.description)
        case (.integer(let i), .string): return .string(JSON.integer(i).text)
        case (.decimal(let d), .string): return .string(JSON.decimal(d).text)
        case (.float(let d), .string): return .string(JSON.float(d).text)
        case (.boolean(let b), .string): return .string(JSON.boolean(b).text)
        default: return value
        }
    }

    /// The misfit of field `column`: the type the whole file gives it.
    private func misfit(column: Int) throws -> any Error {
        var loader = JSONLoader(path: path, bytes: file.bytes)
        let whole = try loader.loadLines(name: collection, selection: ColumnSelection(names: [fields[column].name]))
        guard let field = try whole.table.fields.first else {
            return Diagnostic.fieldAfterSample(fields[column].name, path: path, bytes: file.bytes, offset: 0)
        }
        return ChunkMisfit(column: column, type: field.type)
    }

    /// The error loading the whole file gives, if it gives one.
    private func wholeFileError() -> (any Error)? {
        var loader = JSONLoader(path: path, bytes: file.bytes)
        do { _ = try loader.loadLines(name: collection) } catch { return error }
        return nil
    }

    /// Where the key `key` first appears in `range` (its opening quote), for the error's caret.
    private func offset(ofKey key: String, in range: Range<Int>) -> Int {
        let quoted = Array(JSONText.quote(key).utf8)
        let bytes = file.bytes
        var i = range.lowerBound
        while i + quoted.count <= range.upperBound {
            if bytes[i] == quoted[0], (0..<quoted.count).allSatisfy({ bytes[i + $0] == quoted[$0] }) { return i }
            i += 1
        }
        return range.lowerBound
    }
}

/// Hands a non-escaping closure to the chunk threads, which all end before it returns.
private struct UnsafeSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
