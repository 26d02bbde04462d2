// `--data PATH`: a .csv, .json or .jsonl file, or a folder of them, loaded into collections.

extension Dataset {
    /// The longest value a data file may hold, in bytes (a CSV field, a JSON string): 256 MB. A longer one
    /// is error E0508, not a load that takes gigabytes (SQLite has such a limit too, SQLITE_MAX_LENGTH).
    public static let maximumValueBytes = 256 << 20

    /// Loads `path` and adds its collections, replacing any of the same name.
    ///
    /// A JSON file holding an object (collection name → array of row objects) is a whole dataset; a JSON
    /// file holding an array, a `.jsonl` file or a `.csv` file is one collection named after the file's
    /// stem; a folder loads each such file in it. Nothing is added if any file fails.
    ///
    /// - Parameter columns: the columns of CSV files to keep (``ColumnSelection/usedBy(_:)`` gives those a
    ///   program needs); the others are skipped while parsing. JSON files are loaded whole.
    /// - Returns: warnings, such as a JSON column that mixes numbers and strings.
    /// - Throws: a ``Diagnostic`` naming the file, line and problem.
    @discardableResult
    public mutating func load(path: String, columns: ColumnSelection = .all) throws -> [Diagnostic] {
        var loaded: [Collection] = []
        var warnings: [Diagnostic] = []
        if FileBytes.isDirectory(path) {
            let names = try FileBytes.list(path).filter { DataFileKind(path: $0) != nil }
            for name in names {
                let file = path.hasSuffix("/") ? path + name : path + "/" + name
                loaded += try Self.loadFile(file, columns: columns, warnings: &warnings)
            }
        } else {
            loaded = try Self.loadFile(path, columns: columns, warnings: &warnings)
        }
        for collection in loaded { add(collection) }
        return warnings
    }

    private static func loadFile(_ path: String, columns: ColumnSelection, warnings: inout [Diagnostic]) throws -> [Collection] {
        guard let kind = DataFileKind(path: path) else { throw Diagnostic.unsupportedFile(path) }
        // A regular file is mapped, not copied: its pages are read as parsing reaches them.
        if let mapped = try FileBytes.map(path) {
            return try withExtendedLifetime(mapped) {
                try load(kind, path: path, bytes: mapped.bytes, file: mapped, columns: columns, warnings: &warnings)
            }
        }
        let bytes = try FileBytes.read(path)   // an empty file, or one that cannot be mapped (a pipe)
        return try bytes.withUnsafeBufferPointer { buffer in
            try load(kind, path: path, bytes: buffer, file: nil, columns: columns, warnings: &warnings)
        }
    }

    private static func load(_ kind: DataFileKind, path: String, bytes: UnsafeBufferPointer<UInt8>, file: MappedFile?,
                             columns: ColumnSelection, warnings: inout [Diagnostic]) throws -> [Collection] {
        // Text is checked for UTF-8 where it is read: CSV text fields as they load, JSON strings as they parse.
        let stem = kind.stem(of: path)
        var json = JSONLoader(path: path, bytes: bytes)
        defer { warnings += json.warnings }
        switch kind {
        case .csv: return [Collection(name: stem, table: try CSVLoader(path: path, bytes: bytes, file: file).load(columns.forCollection(stem)))]
        case .json: return try json.loadDocument(defaultName: stem)
        case .jsonl: return [try json.loadLines(name: stem)]
        }
    }
}

/// The kinds of data file, by extension.
enum DataFileKind: String {
    case csv, json, jsonl

    init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = name[name.index(after: dot)...].lowercased()
        self.init(rawValue: ext == "ndjson" ? "jsonl" : ext)
    }

    func stem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return String(name[..<(name.lastIndex(of: ".") ?? name.endIndex)])
    }
}
