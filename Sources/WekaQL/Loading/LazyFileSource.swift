// The files `Dataset.open` opens lazily: read in chunks by a streamed query, and loaded column by
// column (FileColumns) as the eager loader loads them — CSV (CSVChunks) and JSON lines (JSONLinesChunks).

/// A file opened lazily: its chunks, and its columns loaded by the eager loader.
protocol LazyFileSource: ChunkedSource {
    /// Every field's name, in the order of ``ChunkedSource/fields``.
    var names: [String] { get }

    /// The fields `selection` includes, in the order of ``ChunkedSource/fields``, loaded as the eager
    /// loader loads them: its values, true types, warnings and errors, and the line of each row when the
    /// read noted them.
    func loadColumns(_ selection: ColumnSelection, warnings: inout [Diagnostic], lines: inout RecordLineIndex?) throws(Diagnostic) -> Table

    /// Throws when the file is no longer what was opened (its mapping would show other bytes).
    func checkUnchanged() throws(Diagnostic)
}

extension CSVChunks: LazyFileSource {
    func loadColumns(_ selection: ColumnSelection, warnings: inout [Diagnostic], lines: inout RecordLineIndex?) throws(Diagnostic) -> Table {
        var noted = RecordLineIndex()
        defer { lines = noted }
        return try loader.load(selection, warnings: &warnings, lines: &noted)
    }
}

extension JSONLinesChunks: LazyFileSource {
    var names: [String] { fields.map(\.name) }

    func checkUnchanged() throws(Diagnostic) {
        guard let version, FileVersion(path: path) == version else {
            throw Diagnostic.cannotRead(path, reason: "it changed after it was opened; open it again")
        }
    }

    func loadColumns(_ selection: ColumnSelection, warnings: inout [Diagnostic], lines: inout RecordLineIndex?) throws(Diagnostic) -> Table {
        var loader = JSONLoader(path: path, bytes: file.bytes)
        let table = try loader.loadLines(name: collection, selection: selection, file: file).table
        warnings += loader.warnings
        lines = loader.recordLines
        // By name: a field of the first lines may be no field of the whole file (its object turned scalar).
        var fields: [Field] = [], columns: [Column] = []
        for name in names where selection.includes(name) {
            guard let index = table.fields.firstIndex(where: { $0.name == name }) else {
                throw Diagnostic.sampledFieldGone(name, path: path)
            }
            fields.append(table.fields[index])
            columns.append(table.columns[index])
        }
        return Table(fields: fields, columns: columns, rowCount: table.rowCount)
    }
}

extension Dataset {
    /// Opens the JSON lines file `path` lazily, as ``open(path:options:columns:)`` opens a CSV file;
    /// `nil` when it must be loaded now (standard input, an empty file, options only CSV takes).
    mutating func openJSONLinesLazily(path: String, kind: DataFileKind, options: LoadOptions, began: ContinuousClock.Instant) throws(Diagnostic) -> [Diagnostic]? {
        guard options.encoding == .utf8, !options.hasCSVOptions, let file = try FileBytes.map(path) else { return nil }
        var warnings: [Diagnostic] = []
        let name = Self.collectionName(path: path, kind: kind, options: options, warnings: &warnings)
        // The first lines' warnings are left out: the first read of the columns gives the whole file's.
        var sampleWarnings: [Diagnostic] = []
        let chunks = try JSONLinesChunks(path: path, file: file, collection: name, warnings: &sampleWarnings)
        let columns = FileColumns(chunks: chunks, path: path, options: options, seconds: (ContinuousClock.now - began).seconds)
        let collection = Collection(name: name, description: "", columns: columns)
        return warnings + merge(Dataset(collections: [collection]), loadedFrom: path)
    }
}
