// The columns of a CSV or JSON lines file opened lazily (`Dataset.open`), read when a query first needs them and then
// kept: memory grows only with the columns used. Each read is the eager loader's fast parallel parse,
// with the missing columns as its selection, so that values, types and errors are the eager load's.

/// The columns of one opened CSV or JSON lines file read so far; shared by every copy of its collection.
final class FileColumns: Sendable {
    /// The file read in chunks, with the fields its header and sample give.
    let chunks: any LazyFileSource
    private let path: String
    private let options: LoadOptions
    private let state: Locked<State>

    private struct State: Sendable {
        /// The columns read, by index into the fields.
        var columns: [Int: Column] = [:]
        /// The types known so far: sampled, then the true type of each column read.
        var types: [ValueType]
        var rowCount: Int?
        /// Opening and every read, in seconds.
        var seconds: Double
        var lines: RecordLines?
        /// The warnings of the first read (rows skipped), given once.
        var warnings: [Diagnostic]?
    }

    init(chunks: any LazyFileSource, path: String, options: LoadOptions, seconds: Double) {
        self.chunks = chunks
        self.path = path
        self.options = options
        state = Locked(State(types: chunks.fields.map(\.type), seconds: seconds))
    }

    /// The fields, with the true type of each column read.
    var fields: [Field] {
        state.withLock { state in zip(chunks.fields, state.types).map { Field(name: $0.name, type: $1) } }
    }

    /// Reads the columns at `indices` that are not read yet (none: only the rows are counted, once).
    ///
    /// - Returns: the warnings of the file's first read (rows `bad_rows=skip` left out), once.
    /// - Throws: the eager loader's ``Diagnostic`` for the file.
    func read(_ indices: some Sequence<Int>) throws(Diagnostic) -> [Diagnostic] {
        try state.withLock { (state) throws(Diagnostic) in
            let missing = Set(indices).subtracting(state.columns.keys).sorted()
            guard !missing.isEmpty || state.rowCount == nil else { return [] }
            let began = ContinuousClock.now
            try chunks.checkUnchanged()
            var warnings: [Diagnostic] = []
            // The mapping the header was read from: the file as it was opened.
            var noted: RecordLineIndex?
            let table = try chunks.loadColumns(ColumnSelection(names: Set(missing.map { chunks.names[$0] })), warnings: &warnings,
                                               lines: &noted)
            for (index, column) in zip(missing, table.columns.indices) {
                state.columns[index] = table.columns[column]
                state.types[index] = table.fields[column].type
            }
            if state.rowCount == nil {
                state.rowCount = table.rowCount
                state.lines = noted.map(RecordLines.init)
                    ?? RecordLines.ofJSON(path: path, collection: "", options: options, rows: table.rowCount)
            }
            state.seconds += (ContinuousClock.now - began).seconds
            guard state.warnings == nil else { return [] }
            state.warnings = warnings
            return warnings
        }
    }

    /// The rows with every column read so far, each other column a stand-in of nulls (a query's column
    /// selection never lets it read one); `nil` before any read.
    var rowsRead: Table? {
        state.withLock { state in
            guard let rowCount = state.rowCount else { return nil }
            let fields = zip(chunks.fields, state.types).map { Field(name: $0.name, type: $1) }
            let columns = fields.indices.map { state.columns[$0] ?? Column(storage: .null(rowCount)) }
            return Table(fields: fields, columns: columns, rowCount: rowCount)
        }
    }

    /// Every column, read now if need be.
    func wholeTable() throws(Diagnostic) -> Table {
        _ = try read(chunks.fields.indices)
        return rowsRead!
    }

    /// What reading took so far and which columns it read, for `explain`'s load stage.
    var loaded: LoadedFile {
        state.withLock { state in
            LoadedFile(path: path, seconds: state.seconds, columnsRead: state.columns.keys.sorted().map { chunks.names[$0] },
                       columnCount: chunks.names.count, lines: state.lines ?? RecordLines { nil })
        }
    }
}
