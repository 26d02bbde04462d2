// A CSV file read a chunk of records at a time, for queries that stream: chunks of a few megabytes of
// the mapped file, cut only where a record ends, parsed on up to `threads` threads at once by the parser
// the eager loader uses, with its options, its errors and their positions. Parsed pages of the mapping
// are given back as reading goes, so that what is resident does not grow with the file.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The rows of a mapped CSV file, read in chunks; its fields come from the header and a sample of the
/// first rows (with the types `types=` gives).
struct CSVChunks: ChunkedSource, @unchecked Sendable {
    // @unchecked: `loader` borrows the bytes of `file`, which keeps them mapped; they are only read.
    let loader: CSVLoader
    private let file: MappedFile
    /// The column names, in the file's order.
    let names: [String]
    private(set) var fields: [Field]
    /// Where the first record after the header starts.
    let dataStart: Int
    let readings: [FieldReading]
    /// About how many bytes of the file one chunk holds (a chunk ends where its last record does).
    let chunkBytes: Int
    /// Where the records left out by `bad_rows=skip` start, as the last whole read found them.
    private let skipped = Locked<[Int]?>(nil)
    /// Whether the skipped rows' warning was given (once per opened file, as loading it gives it).
    let warningGiven = Locked(false)
    /// The file's size and modification time when it was opened.
    private let version: FileVersion?

    /// A few megabytes: large enough that a chunk's fixed costs vanish, small enough that the chunks in
    /// flight on every thread take little memory.
    static let defaultChunkBytes = 4 << 20

    /// Reads the header and samples the types of the file mapped as `file` (named `path` in errors).
    ///
    /// - Throws: the loader's ``Diagnostic`` for an empty file, a bad header, or `types=` naming no column.
    init(path: String, file: MappedFile, settings: CSVSettings, chunkBytes: Int = defaultChunkBytes) throws(Diagnostic) {
        loader = CSVLoader(path: path, bytes: file.bytes, file: file, settings: settings)
        self.file = file
        version = FileVersion(path: path)
        self.chunkBytes = max(1, chunkBytes)
        let (names, dataStart) = try loader.readHeader()
        for name in settings.types.keys.sorted() where !names.contains(name) {
            throw Diagnostic.unknownTypedColumn(name, path: path, available: names)
        }
        let sampled = try loader.sampleTypes(columns: names.count, from: dataStart)
        fields = names.indices.map { Field(name: names[$0], type: settings.types[names[$0]] ?? sampled[$0]) }
        readings = names.map(settings.reading)
        (self.names, self.dataStart) = (names, dataStart)
    }

    /// Throws when the file is no longer what was opened: its mapping would show another file's bytes
    /// under the header read before (or fault, past the end of a shorter one).
    func checkUnchanged() throws(Diagnostic) {
        guard let version, FileVersion(path: loader.path) == version else {
            throw Diagnostic.cannotRead(loader.path, reason: "it changed after it was opened; open it again")
        }
    }

    /// The warning the eager loader gives for rows `bad_rows=skip` left out, once a whole read has
    /// counted them; `nil` before that, or when none were.
    var skippedRowsWarning: Diagnostic? {
        guard let offsets = skipped.withLock({ $0 }), !offsets.isEmpty else { return nil }
        return .skippedRows(loader.lines(at: offsets.prefix(10)), total: offsets.count, path: loader.path)
    }

    func forEachChunk(columns: [Int], threads: Int, cancellation: CancellationToken?,
                      _ body: @Sendable (Int, Table) throws -> Void) throws {
        try forEachPart(columns: columns, threads: threads, cancellation: cancellation, keepingStarts: false) { number, rows, _ in
            try body(number, rows)
        }
    }

    /// The chunks of `columns`, each with where its rows' records start when `keepingStarts`.
    func forEachPart(columns: [Int], threads: Int, cancellation: CancellationToken?, keepingStarts: Bool,
                     _ body: @Sendable (Int, Table, [Int]) throws -> Void) throws {
        try checkUnchanged()
        var types = [ValueType?](repeating: nil, count: names.count)
        for column in columns { types[column] = fields[column].type }
        let selected = columns.map { fields[$0] }
        var start = dataStart, number = 0
        var skippedRows: [Int] = []
        while start < loader.bytes.count {
            if cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: nil) }
            let parts = try round(from: start, width: max(1, threads), types: types, columns: columns, keepingStarts: keepingStarts)
            skippedRows += parts.flatMap(\.skipped)
            let tables = parts.filter { $0.rows > 0 }.map { part in
                (Table(fields: selected, columns: columns.map { part.builders[$0]!.build() }, rowCount: part.rows), part.recordStarts)
            }
            try Self.run(body, on: tables, numberedFrom: number)
            number += tables.count
            file.release(start..<parts[parts.count - 1].end)
            start = parts[parts.count - 1].end
        }
        skipped.withLock { $0 = skippedRows }
    }

    /// Parses up to `width` chunks from `start` (a record's start) at once and returns them in order, each
    /// starting where the one before ended. The chunks after the first start at a guess, the line after
    /// about `chunkBytes`; a guess inside a quoted field is found out when the chunk before does not end
    /// there, and that chunk is parsed again from where it should start.
    private func round(from start: Int, width: Int, types: [ValueType?], columns: [Int], keepingStarts: Bool) throws -> [CSVLoader.Part] {
        var bounds = [start]
        while bounds.count <= width, let next = loader.lineStart(after: bounds[bounds.count - 1] + chunkBytes - 1) {
            bounds.append(next)
        }
        if bounds.count <= width { bounds.append(loader.bytes.count) }
        let jobs = bounds.indices.dropLast().map { k in
            { [loader, readings] in
                loader.parsePart(from: bounds[k], to: bounds[k + 1], types: types, readings: readings, keepingStarts: keepingStarts)
            }
        }
        var parts = runInParallel(jobs)
        for k in parts.indices {
            if k > 0, bounds[k] != parts[k - 1].end {   // parts[k - 1] is checked: its end is a record's end
                let from = parts[k - 1].end
                parts[k] = loader.parsePart(from: from, to: max(from, bounds[k + 1]), types: types, readings: readings,
                                            keepingStarts: keepingStarts)
            }
            try check(loader.checked(parts[k]), columns: columns)
        }
        return parts
    }

    /// Throws for a verified chunk whose column holds a value that does not fit its type: the eager
    /// loader's error for a column given a type, else ``ChunkMisfit`` with the column's true type.
    private func check(_ part: CSVLoader.Part, columns: [Int]) throws {
        for column in columns where part.builders[column]!.misfit {
            guard readings[column].given else {
                throw ChunkMisfit(column: column, type: try loader.trueType(ofColumn: column, columns: names.count, from: dataStart))
            }
            // The eager loader parses the whole file before it looks at types: an error further on comes first.
            let none = [ValueType?](repeating: nil, count: names.count)
            _ = try loader.checked(loader.parsePart(from: part.end, to: loader.bytes.count, types: none, readings: readings))
            throw loader.firstMisfit(column: column, names: names, type: fields[column].type, from: dataStart)
        }
    }

    /// Calls `body` with each table, numbered from `first`, on a thread each; rethrows the first error.
    private static func run(_ body: @Sendable (Int, Table, [Int]) throws -> Void, on tables: [(Table, [Int])], numberedFrom first: Int) throws {
        let failures: [(any Error)?] = withoutActuallyEscaping(body) { body in
            runInParallel(tables.indices.map { index in
                {
                    do { try body(first + index, tables[index].0, tables[index].1) } catch { return error }
                    return nil
                }
            })
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
    }
}

extension CSVChunks {
    /// These chunks with the column of `misfit` read as its true type: what a streamed query that met
    /// the misfit reads when it starts again.
    func retyped(_ misfit: ChunkMisfit) -> CSVChunks {
        var copy = self
        copy.fields[misfit.column].type = misfit.type
        return copy
    }

    /// The chunks of the CSV file at `path`, read with `options` (a `.tsv` file's delimiter is a tab,
    /// another's is sniffed, as loading does); `nil` when the file cannot be mapped (standard input, an
    /// empty file, one in another encoding), which is then loaded whole.
    ///
    /// - Throws: a ``Diagnostic`` for a file that cannot be opened, or whose header is bad.
    static func open(path: String, options: LoadOptions, chunkBytes: Int = defaultChunkBytes) throws(Diagnostic) -> CSVChunks? {
        guard path != "-", options.encoding == .utf8, let file = try FileBytes.map(path) else { return nil }
        let kind = options.format.map(DataFileKind.init) ?? DataFileKind(path: path) ?? .csv
        return try CSVChunks(path: path, file: file, settings: CSVSettings(options, kind: kind, bytes: file.bytes), chunkBytes: chunkBytes)
    }
}

extension CSVSettings {
    /// The settings of `options` for a file of `kind` holding `bytes`: a tab for `.tsv`, else the
    /// delimiter given or sniffed from the first lines.
    init(_ options: LoadOptions, kind: DataFileKind, bytes: UnsafeBufferPointer<UInt8>) {
        let start = CSVSettings(options, delimiter: 0x2C).firstLine(in: bytes)
        self.init(options, delimiter: kind == .tsv ? 0x09 : DelimiterSniffer.delimiter(of: bytes, from: start))
    }
}

/// A file's size and modification time, to tell whether it changed.
struct FileVersion: Equatable {
    var size: Int
    var seconds: Int
    var nanoseconds: Int

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        (size, seconds, nanoseconds) = (Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec))
    }
}
