// A dataset: named collections of rows. The built-in one is Operation Weka II; others load from files.

/// A set of named collections that queries read from.
///
/// ```swift
/// var dataset = Dataset.builtIn                      // Operation Weka II
/// try dataset.load(path: "records/arrests.csv")     // adds (or replaces) the collection "arrests"
/// ```
public struct Dataset: Sendable {
    /// A named table with its description.
    public struct Collection: Sendable {
        /// The name queries use.
        public var name: String
        /// A one-line description, shown by `.schema` and `.tables`.
        public var description: String
        /// Notes on how the data was transcribed or loaded.
        public var notes: [String]
        /// Names the collection had before, which queries may still use ("seizures" for "items").
        public var formerNames: [String] = []
        /// The columns' names, types and descriptions, known without reading the rows.
        public internal(set) var fields: [Field]
        /// The file the rows were loaded from, and what loading took; `nil` for the built-in data.
        public internal(set) var file: LoadedFile?
        var source: TableSource
        /// The rows read a chunk at a time, when a query may stream over them instead of holding them
        /// (a file opened for streaming); `nil` for a collection held in memory.
        var chunks: (any ChunkedSource)?
        /// The columns read so far of a file opened lazily (``Dataset/open(path:options:columns:)``).
        var fileColumns: FileColumns?

        /// The rows (read on first use for the built-in collections).
        ///
        /// For a collection of a file opened lazily (``Dataset/open(path:options:columns:)``), this reads
        /// every column not read yet, as ``materialize(_:warnings:)`` does: it throws what that read
        /// throws (the file changed or removed since it was opened, a bad row past the sample). Rows held
        /// in memory never throw.
        public var table: Table {
            get throws(Diagnostic) { try source.table }
        }

        /// Replaces the rows (and the fields, with the table's): the collection then holds them in memory.
        mutating func replaceTable(with table: Table) {
            source = TableSource(table); fields = table.fields; chunks = nil; fileColumns = nil
        }

        /// Creates a collection.
        public init(name: String, description: String = "", notes: [String] = [], table: Table) {
            self.name = name
            self.description = description
            self.notes = notes
            self.fields = table.fields
            self.source = TableSource(table)
        }

        /// A collection whose rows are decoded the first time they are needed.
        init(name: String, description: String, notes: [String], fields: [Field],
             decode: @escaping @Sendable () throws(Diagnostic) -> Table) {
            self.name = name
            self.description = description
            self.notes = notes
            self.fields = fields
            self.source = TableSource(decode: decode)
        }

        /// A collection read from `chunks`: streamed by the queries that can be, read whole by the others.
        /// Only for sources whose reading cannot fail (in memory, as tests use it): a file opened lazily
        /// is a collection of ``FileColumns``, which reads it whole with its errors.
        init(name: String, description: String = "", notes: [String] = [], chunks: any ChunkedSource) {
            self.init(name: name, description: description, notes: notes, fields: chunks.fields) {
                Table.concatenating(chunks)
            }
            self.chunks = chunks
        }
    }

    /// The dataset's name, such as "Operation Weka II".
    public var name: String
    /// Notes on the whole dataset.
    public var notes: [String]
    /// The collections, in order.
    public private(set) var collections: [Collection]

    /// Creates a dataset from collections.
    public init(name: String = "", notes: [String] = [], collections: [Collection] = []) {
        self.name = name
        self.notes = notes
        self.collections = []
        for collection in collections { add(collection) }
    }

    /// An empty dataset (for `--no-builtin`).
    public static let empty = Dataset()

    /// The collection named `name`, or that once had that name (``Collection/formerNames``), if any.
    public subscript(name: String) -> Collection? {
        collections.first { $0.name == name } ?? collections.first { $0.formerNames.contains(name) }
    }

    /// The collections' names, in order.
    public var collectionNames: [String] { collections.map(\.name) }

    /// Adds a collection, replacing one of the same name in place.
    public mutating func add(_ collection: Collection) {
        if let index = collections.firstIndex(where: { $0.name == collection.name }) {
            collections[index] = collection
        } else {
            collections.append(collection)
        }
    }

    /// Gives column `column` of the collection `name` the type `type`, read from `chunks` (after a streamed
    /// query found values of that type far down the file).
    mutating func retype(_ name: String, column: Int, to type: ValueType, chunks: any ChunkedSource) {
        guard let index = collections.firstIndex(where: { $0.name == name }) else { return }
        collections[index].fields[column].type = type
        collections[index].chunks = chunks
    }

    /// Adds every collection of `other`, replacing those of the same name.
    public mutating func merge(_ other: Dataset) {
        for collection in other.collections { add(collection) }
        if name.isEmpty { name = other.name }
    }
}

/// A table, or the way to make it on first use; safe to share between threads.
final class TableSource: Sendable {
    private let state: Locked<Table?>
    private let decode: @Sendable () throws(Diagnostic) -> Table

    init(_ table: Table) {
        state = Locked(table)
        decode = { table }
    }

    init(decode: @escaping @Sendable () throws(Diagnostic) -> Table) {
        state = Locked(nil)
        self.decode = decode
    }

    /// The table, made now if it was not yet; a failed make is tried again on the next use.
    var table: Table {
        get throws(Diagnostic) {
            try state.withLock { (table) throws(Diagnostic) in
                if let table { return table }
                let made = try decode()
                table = made
                return made
            }
        }
    }
}
