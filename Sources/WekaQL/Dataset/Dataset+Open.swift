// Opening a CSV file lazily: its collection's fields come from the header and a sample of the first rows,
// and its columns are read when a query first needs them, then kept.

extension Dataset {
    /// Opens `path` and adds its collections, as ``load(path:options:columns:)`` does, but reads a CSV
    /// file's rows only when they are needed: opening reads the header and a sample of the first rows
    /// (for the column types), and each column is read (and kept) when a query first uses it, so
    /// memory grows only with the columns used. ``Engine`` reads the columns a statement may use before
    /// checking it; ``Collection/materialize(_:warnings:)`` reads them for other uses.
    ///
    /// A JSON lines file opens the same way: its fields from its first lines (JSONLinesChunks), its
    /// columns read when first used. Folders, JSON files, standard input (`-`) and files in another
    /// encoding than UTF-8 are loaded now, as ``load(path:options:columns:)`` loads them, with `columns`.
    ///
    /// An error further down the file than the sample (a short row, a value not of its given type) is
    /// found when a column is first read: the same ``Diagnostic`` the eager load gives, thrown then.
    ///
    /// - Returns: warnings: a collection renamed or replacing another (rows skipped by `bad_rows=skip`
    ///   are told when the rows are first read).
    /// - Throws: a ``Diagnostic`` naming the file when it cannot be opened or its header is bad.
    @discardableResult
    public mutating func open(path: String, options: LoadOptions = LoadOptions(), columns: ColumnSelection = .all) throws(Diagnostic) -> [Diagnostic] {
        let began = ContinuousClock.now
        if path != "-", !FileBytes.isDirectory(path), let kind = options.format.map(DataFileKind.init) ?? DataFileKind(path: path),
           kind == .jsonl, let warnings = try openJSONLinesLazily(path: path, kind: kind, options: options, began: began) {
            return warnings
        }
        guard path != "-", !FileBytes.isDirectory(path), let kind = options.format.map(DataFileKind.init) ?? DataFileKind(path: path),
              !kind.isJSON, let chunks = try CSVChunks.open(path: path, options: options) else {
            return try load(path: path, options: options, columns: columns)
        }
        var warnings: [Diagnostic] = []
        let name = Self.collectionName(path: path, kind: kind, options: options, warnings: &warnings)
        let delimiter = chunks.loader.settings.delimiter
        let description = delimiter == 0x2C ? "" : "from \(path), fields separated by \(Self.delimiterName(delimiter))"
        let columns = FileColumns(chunks: chunks, path: path, options: options, seconds: (ContinuousClock.now - began).seconds)
        let collection = Collection(name: name, description: description, columns: columns)
        return warnings + merge(Dataset(collections: [collection]), loadedFrom: path)
    }

    /// Reads the columns `selection` includes of each lazily opened collection that `named` says a
    /// program names (by its name).
    ///
    /// - Returns: whether any field's type changed (its sample misled), and the reads' warnings.
    mutating func materializeOpenedFiles(_ selection: ColumnSelection, named: (String) -> Bool,
                                         warnings: inout [Diagnostic]) throws(Diagnostic) -> Bool {
        var changed = false
        for index in collections.indices where collections[index].fileColumns != nil && named(collections[index].name) {
            var collection = collections[index]
            if try collection.materialize(selection.forCollection(collection.name), warnings: &warnings) { changed = true }
            add(collection)
        }
        return changed
    }

    /// The dataset a query runs over: each lazily opened collection as its rows read so far.
    var withOpenedFilesAsRead: Dataset {
        var copy = self
        for collection in collections {
            guard let columns = collection.fileColumns, let rows = columns.rowsRead else { continue }
            var read = collection
            read.source = TableSource(rows)
            copy.add(read)
        }
        return copy
    }
}

extension Dataset.Collection {
    /// A collection of a file opened lazily: its rows are read whole the first time ``table`` is used,
    /// which throws the read's ``Diagnostic`` (a file changed or removed since it was opened, a bad row).
    init(name: String, description: String, columns: FileColumns) {
        self.init(name: name, description: description, notes: [], fields: columns.fields) { () throws(Diagnostic) in
            try columns.wholeTable()
        }
        chunks = columns.chunks
        fileColumns = columns
        file = columns.loaded
    }

    /// The rows as far as they are read: for a lazily opened file, the columns read so far (the others
    /// nulls), `nil` before any read; for another collection, ``table``.
    var rowsRead: Table? {
        // Only a file opened lazily can fail to read, and it takes the branch before: `try?` drops no error.
        guard let columns = fileColumns else { return try? table }
        return columns.rowsRead
    }

    /// The number of rows, when it is known without reading a file: `nil` for a file opened lazily whose
    /// rows no query has read yet.
    public var knownRowCount: Int? { rowsRead?.rowCount }

    /// Whether the columns are read from a file when first needed (``Dataset/open(path:options:columns:)``).
    public var isOpenedLazily: Bool { fileColumns != nil }

    /// Reads the columns `selection` includes (for the collection of a file opened with
    /// ``Dataset/open(path:options:columns:)``; nothing for others) and keeps them, so that ``fields`` has their
    /// true types. ``table`` reads every column of an opened file the same way, and throws as this does.
    ///
    /// - Parameters:
    ///   - selection: the columns to read (those already read are kept, not read again).
    ///   - warnings: gets the warnings of the file's first read (rows `bad_rows=skip` left out).
    /// - Returns: whether any field's type changed, because a value past the sample did not fit it.
    /// - Throws: the ``Diagnostic`` the eager load gives for the file.
    @discardableResult
    public mutating func materialize(_ selection: ColumnSelection, warnings: inout [Diagnostic]) throws(Diagnostic) -> Bool {
        guard let columns = fileColumns else { return false }
        warnings += try columns.read(fields.indices.filter { selection.includes(fields[$0].name) })
        let read = columns.fields
        let changed = read.map(\.type) != fields.map(\.type)
        for index in fields.indices where read[index].type != fields[index].type {
            retype(ChunkMisfit(column: index, type: read[index].type))
        }
        file = columns.loaded
        return changed
    }

    /// Reads the columns `selection` includes, as ``materialize(_:warnings:)`` does, leaving out its warnings.
    @discardableResult
    public mutating func materialize(_ selection: ColumnSelection) throws(Diagnostic) -> Bool {
        var warnings: [Diagnostic] = []
        return try materialize(selection, warnings: &warnings)
    }

    /// Gives a column the type a streamed read found it has (``ChunkMisfit``), in ``fields`` and in
    /// the chunks read from then on.
    mutating func retype(_ misfit: ChunkMisfit) {
        fields[misfit.column].type = misfit.type
        if let csv = chunks as? CSVChunks { chunks = csv.retyped(misfit) }
        if let lines = chunks as? JSONLinesChunks { chunks = lines.reading(column: misfit.column, as: misfit.type) as JSONLinesChunks }
    }
}
