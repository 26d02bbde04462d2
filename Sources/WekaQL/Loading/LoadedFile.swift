// What loading a file took (the first stage `explain` shows), and the line of each of its records:
// noted while parsing for CSV and JSON lines (RecordLineIndex.swift), found only when lineage asks for it
// for a JSON document (the file is read again then, so that loading it pays nothing for it).

/// Where a loaded collection's rows came from and what loading them took.
public struct LoadedFile: Sendable {
    /// The path, as given to ``Dataset/load(path:options:columns:)``.
    public var path: String
    /// How long loading the file took, in seconds.
    public var seconds: Double
    /// The columns kept (a program's column selection may leave some out), in the file's order.
    public var columnsRead: [String]
    /// The number of columns the file has (the JSON keys seen, for a JSON file).
    public var columnCount: Int
    let lines: RecordLines

    /// The 1-based line where row `row` (0-based) of the file's collection starts, when the file can
    /// still be read (not standard input) and has as many records as were loaded.
    public func line(ofRow row: Int) -> Int? {
        lines.all?.line(ofRow: row)
    }
}

/// The start line of each record of one collection of a file: noted at load, or computed on first use.
final class RecordLines: Sendable {
    private let state: Locked<RecordLineIndex??>
    private let compute: @Sendable () -> RecordLineIndex?

    init(_ compute: @escaping @Sendable () -> RecordLineIndex?) {
        state = Locked(nil)
        self.compute = compute
    }

    /// Lines noted while the file was parsed.
    init(_ index: RecordLineIndex) {
        state = Locked(.some(index))
        compute = { nil }
    }

    /// The lines, or `nil` when the file cannot be read again.
    var all: RecordLineIndex? {
        state.withLock { lines in
            if let lines { return lines }
            let made = compute()
            lines = .some(made)
            return made
        }
    }

    /// How to find the row objects of `collection` in the JSON file at `path` when it is read again.
    /// Best effort: the file may have changed or gone since it loaded, and then rows have no line (`nil`,
    /// shown as a row number), which is why each read below is a `try?` or gives `nil` on its error.
    static func ofJSON(path: String, collection: String, options: LoadOptions, rows: Int) -> RecordLines {
        RecordLines {
            guard path != "-" else { return nil }
            func lines(in buffer: UnsafeBufferPointer<UInt8>) -> RecordLineIndex? {
                guard let starts = jsonRecordStarts(buffer, collection: collection), starts.count == rows else { return nil }
                return RecordLineIndex(recordsAt: starts, in: buffer)
            }
            // A UTF-8 file is mapped, not copied, as loading maps it.
            if options.encoding == .utf8, let mapped = (try? FileBytes.map(path)) ?? nil {
                return withExtendedLifetime(mapped) { lines(in: mapped.bytes) }
            }
            guard var bytes = try? FileBytes.read(path) else { return nil }
            if let converted = bytes.withUnsafeBufferPointer(options.encoding.utf8) { bytes = converted }
            return bytes.withUnsafeBufferPointer(lines)
        }
    }

    /// Where each row object starts: the values of a JSON lines file or of an array, or of the array
    /// named `collection` in an object of collections.
    private static func jsonRecordStarts(_ bytes: UnsafeBufferPointer<UInt8>, collection: String) -> [Int]? {
        var reader = JSONReader(bytes)
        var starts: [Int] = []
        func elements(_ reader: inout JSONReader) throws {
            try reader.readArray { reader in
                reader.skipSpace()
                starts.append(reader.position)
                try reader.skipValue()
            }
        }
        do {
            reader.skipSpace()
            guard reader.position < bytes.count else { return [] }
            if bytes[reader.position] == UInt8(ascii: "[") {
                try elements(&reader)
                return starts
            }
            var whole = JSONReader(bytes)
            if (try? whole.readDocument()) != nil {
                try reader.readObject { key, reader in
                    if key == collection { try elements(&reader) } else { try reader.skipValue() }
                }
                return starts
            }
            while reader.position < bytes.count {   // JSON lines
                starts.append(reader.position)
                try reader.skipValue()
                reader.skipSpace()
            }
            return starts
        } catch {
            return nil
        }
    }
}

extension CSVLoader {
    /// The number of fields of the record at `start` (the header, or the first row): the file's columns.
    static func fieldCount(ofFirstRecordIn bytes: UnsafeBufferPointer<UInt8>, at start: Int, delimiter: UInt8) -> Int? {
        var reader = CSVReader(bytes, at: start, delimiter: delimiter)
        var fields: [CSVReader.Field] = []
        guard (try? reader.nextRecord(into: &fields)) == true else { return nil }   // the load reports a bad record
        return fields.count
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
