// `--data PATH`: a .csv, .tsv, .txt, .json or .jsonl file, a folder of them, or standard input ("-"),
// loaded into collections.

extension Dataset {
    /// The longest value a data file may hold, in bytes (a CSV field, a JSON string): 256 MB. A longer one
    /// is error E0508, not a load that takes gigabytes (SQLite has such a limit too, SQLITE_MAX_LENGTH).
    public static let maximumValueBytes = 256 << 20

    /// Loads `path` and adds its collections, replacing any of the same name.
    ///
    /// A JSON file holding an object (collection name → array of row objects) is a whole dataset; a JSON
    /// file holding an array, a `.jsonl` file or a `.csv`, `.tsv` or `.txt` file is one collection named
    /// after the file's stem (made a plain name: `my-keys.csv` is `my_keys`); a folder loads each `.csv`,
    /// `.tsv`, `.json` and `.jsonl` file in it; `-` reads standard input (named `stdin`). Nothing is added
    /// if any file fails.
    ///
    /// - Parameters:
    ///   - path: a file, a folder, or `-` for standard input.
    ///   - options: how to read the file: delimiter, header, name, null texts, column types and more
    ///     (``LoadOptions``).
    ///   - columns: the columns to keep (``ColumnSelection/usedBy(_:)`` gives those a program needs); the
    ///     others are skipped while parsing (of a JSON object's dotted fields, those named are kept).
    /// - Returns: warnings: a collection renamed or replacing another, rows skipped, a JSON column that
    ///   mixes numbers and strings.
    /// - Throws: a ``Diagnostic`` naming the file, line and problem.
    @discardableResult
    public mutating func load(path: String, options: LoadOptions = LoadOptions(), columns: ColumnSelection = .all) throws(Diagnostic) -> [Diagnostic] {
        var loaded: [Collection] = []
        var warnings: [Diagnostic] = []
        if path != "-" && FileBytes.isDirectory(path) {
            if options.name != nil { throw Diagnostic.nameForFolder(path: path) }
            let names = try FileBytes.list(path).filter { DataFileKind(path: $0)?.isInFolders == true }
            for name in names {
                let file = path.hasSuffix("/") ? path + name : path + "/" + name
                loaded += try Self.loadFile(file, options: options, columns: columns, inFolder: true, warnings: &warnings)
            }
        } else {
            loaded = try Self.loadFile(path, options: options, columns: columns, inFolder: false, warnings: &warnings)
        }
        return warnings + merge(Dataset(collections: loaded), loadedFrom: path)
    }

    /// Adds every collection of `other`, loaded from `path`, replacing those of the same name.
    ///
    /// - Returns: a warning (W0511) for each collection that replaces one, saying whether it was built in.
    @discardableResult
    public mutating func merge(_ other: Dataset, loadedFrom path: String) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for collection in other.collections {
            if let existing = self[collection.name] {
                let builtIn = Dataset.builtIn[collection.name].map { $0.description == existing.description } ?? false
                warnings.append(.replacedCollection(collection.name, path: path, builtIn: builtIn))
            }
            add(collection)
        }
        return warnings
    }

    /// Loads one file; in a folder, CSV options leave its JSON files alone.
    private static func loadFile(_ path: String, options: LoadOptions, columns: ColumnSelection, inFolder: Bool,
                                 warnings: inout [Diagnostic]) throws(Diagnostic) -> [Collection] {
        if path != "-", DataFileKind(path: path) == nil, options.format == nil { throw Diagnostic.unsupportedFile(path) }
        // A regular UTF-8 file is mapped, not copied: its pages are read as parsing reaches them.
        if options.encoding == .utf8, path != "-", let mapped = try FileBytes.map(path) {
            return try withExtendedLifetime(mapped) { () throws(Diagnostic) in
                try load(path: path, bytes: mapped.bytes, file: mapped, options: options, columns: columns, inFolder: inFolder,
                         warnings: &warnings)
            }
        }
        var bytes = try FileBytes.read(path)   // standard input, an empty file, one that cannot be mapped (a pipe)
        if let converted = bytes.withUnsafeBufferPointer(options.encoding.utf8) { bytes = converted }
        return try bytes.withUnsafeBufferPointer { buffer throws(Diagnostic) in
            try load(path: path, bytes: buffer, file: nil, options: options, columns: columns, inFolder: inFolder, warnings: &warnings)
        }
    }

    static func load(path: String, bytes: UnsafeBufferPointer<UInt8>, file: MappedFile?, options: LoadOptions,
                             columns: ColumnSelection, inFolder: Bool, warnings: inout [Diagnostic]) throws(Diagnostic) -> [Collection] {
        // Text is checked for UTF-8 where it is read: CSV text fields as they load, JSON strings as they parse.
        let kind = options.format.map(DataFileKind.init) ?? DataFileKind(path: path) ?? DataFileKind(content: bytes)
        let name = collectionName(path: path, kind: kind, options: options, warnings: &warnings)
        if kind.isJSON && options.hasCSVOptions && !inFolder { throw Diagnostic.csvOnlyOption(path: path) }
        var json = JSONLoader(path: path, bytes: bytes)
        defer { warnings += json.warnings }
        let began = ContinuousClock.now
        var columnCount: Int?
        var lines: RecordLineIndex?
        var collections: [Collection]
        switch kind {
        case .json: collections = try json.loadDocument(defaultName: name, columns: columns)
        case .jsonl: collections = [try json.loadLines(name: name, selection: columns.forCollection(name), file: file)]
        case .csv, .tsv, .txt:
            let start = CSVSettings(options, delimiter: 0x2C).firstLine(in: bytes)
            let sniffed = kind == .tsv ? 0x09 : DelimiterSniffer.delimiter(of: bytes, from: start)
            let settings = CSVSettings(options, delimiter: sniffed)
            var index = RecordLineIndex()
            let table = try CSVLoader(path: path, bytes: bytes, file: file, settings: settings)
                .load(columns.forCollection(name), warnings: &warnings, lines: &index)
            lines = index
            let description = settings.delimiter == 0x2C ? "" : "from \(path), fields separated by \(Self.delimiterName(settings.delimiter))"
            collections = [Collection(name: name, description: description, table: table)]
            columnCount = CSVLoader.fieldCount(ofFirstRecordIn: bytes, at: start, delimiter: settings.delimiter)
        }
        let seconds = (ContinuousClock.now - began).seconds
        for index in collections.indices {
            let table = try collections[index].table
            // Standard input has no lines to show: a row is its position.
            let noted = path == "-" ? RecordLineIndex() : (lines ?? json.recordLines)
            let recordLines = noted.map(RecordLines.init)
                ?? RecordLines.ofJSON(path: path, collection: collections[index].name, options: options, rows: table.rowCount)
            collections[index].file = LoadedFile(path: path, seconds: seconds, columnsRead: table.fields.map(\.name),
                                                 columnCount: columnCount ?? table.fields.count, lines: recordLines)
        }
        return collections
    }

    static func delimiterName(_ delimiter: UInt8) -> String {
        switch delimiter {
        case 0x09: return "tabs"
        case 0x3B: return "\";\""
        case 0x7C: return "\"|\""
        default: return "\"\(Character(Unicode.Scalar(delimiter)))\""
        }
    }

    /// The collection's name: `name=`, or the file's stem made a plain name (a warning says so).
    static func collectionName(path: String, kind: DataFileKind, options: LoadOptions, warnings: inout [Diagnostic]) -> String {
        if let name = options.name { return name }
        if path == "-" { return "stdin" }
        let stem = kind.stem(of: path)
        let plain = plainName(stem)
        if plain != stem { warnings.append(.renamedCollection(stem, to: plain, path: path)) }
        return plain
    }

    /// `stem` as a name queries can write without back-quotes: letters, digits and `_`, not starting
    /// with a digit, not a keyword (`my-keys` → `my_keys`, `2022 data` → `_2022_data`, `where` → `where_`).
    static func plainName(_ stem: String) -> String {
        var name = String(stem.unicodeScalars.map { scalar -> Character in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" ? Character(scalar) : "_"
        })
        if name.isEmpty { return "data" }
        if let first = name.unicodeScalars.first, ("0"..."9").contains(first) { name = "_" + name }
        if Keyword(rawValue: name.lowercased()) != nil { name += "_" }
        return name
    }
}

/// The kinds of data file, by extension.
enum DataFileKind: String {
    case csv, tsv, txt, json, jsonl

    init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = name[name.index(after: dot)...].lowercased()
        self.init(rawValue: ext == "ndjson" ? "jsonl" : ext)
    }

    init(_ format: LoadOptions.Format) {
        switch format {
        case .csv: self = .csv
        case .json: self = .json
        case .jsonl: self = .jsonl
        }
    }

    /// For standard input: JSON if it starts with `[` or `{` (JSON lines if that `{` value ends its line
    /// and another follows), else CSV.
    init(content bytes: UnsafeBufferPointer<UInt8>) {
        var reader = JSONReader(bytes)
        reader.skipSpace()
        guard reader.position < bytes.count, bytes[reader.position] == UInt8(ascii: "[") || bytes[reader.position] == UInt8(ascii: "{") else {
            self = .csv
            return
        }
        var whole = JSONReader(bytes)
        // Only a guess at the kind: whichever reader follows reports the text's error.
        if bytes[reader.position] == UInt8(ascii: "{"), (try? whole.readDocument()) == nil { self = .jsonl } else { self = .json }
    }

    var isJSON: Bool { self == .json || self == .jsonl }

    /// Whether a folder's files of this kind load with it (a `.txt` file in a folder is more often notes).
    var isInFolders: Bool { self != .txt }

    func stem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return String(name[..<(name.lastIndex(of: ".") ?? name.endIndex)])
    }
}
