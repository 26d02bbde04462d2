// Which columns of a data file a program can read, found from its text before any data is loaded. A CSV
// file of a million rows then parses into columns only the few that its queries name: `arrests where
// country = "Togo" count` stores one column of seven, in a fraction of the time and memory.

/// The columns of a data file to load.
///
/// ```swift
/// let program = try SourceFile.read(path: "report.wql")
/// try dataset.load(path: "arrests.csv", columns: .usedBy([program]))
/// ```
public struct ColumnSelection: Sendable, Equatable {
    /// The names a program writes; `nil` means every column.
    private let names: Set<String>?
    /// The collections loaded with every column whatever `names` says: their whole rows reach a result
    /// or a whole-row `distinct`.
    private var wholeCollections: Set<String> = []

    /// Every column.
    public static let all = ColumnSelection(names: nil)

    /// Only the columns named `names`.
    public init(names: Set<String>?) {
        self.names = names
    }

    /// The columns that the programs in `files` can read. It errs on the side of loading: every name
    /// written in a program counts, in any query and any collection (and `countries_source` counts
    /// `source` too, the name a join renames); a collection whose unnamed columns can reach a result or
    /// a whole-row `distinct` (through `select *`, a `join` or a `let` name) is loaded whole; and a
    /// program that does not parse needs every column. (A misspelt name loads nothing: a caller that
    /// wants "did you mean" to list every field loads the data whole when the program does not check,
    /// as the `wekaql` command does.)
    public static func usedBy(_ files: [SourceFile]) -> ColumnSelection {
        var names: Set<String> = []
        var rows = WholeRows()
        for file in files {
            let (program, diagnostics) = Parser.parse(file)
            guard diagnostics.isEmpty else { return .all }
            program.statements.forEach { rows.visit($0) }
            for token in Lexer.tokenize(file).tokens where token.kind == .word || token.kind == .quotedName {
                names.insert(token.text)
                // `why` and `explain` show each input row's `source` sentence.
                if token.keyword == .why || token.keyword == .explain { names.insert("source") }
                // A join renames a right-side column whose name is taken to `COLLECTION_name`.
                for underscore in token.text.indices where token.text[underscore] == "_" {
                    names.insert(String(token.text[token.text.index(after: underscore)...]))
                }
            }
        }
        var selection = ColumnSelection(names: names)
        selection.wholeCollections = rows.whole
        return selection
    }

    /// The selection for the data file of the collection named `collection`.
    public func forCollection(_ collection: String) -> ColumnSelection {
        wholeCollections.contains(collection) ? .all : ColumnSelection(names: names)
    }

    /// Whether the column named `column` is loaded (in a collection not loaded whole).
    public func includes(_ column: String) -> Bool {
        guard let names else { return true }
        return names.contains(column)
    }

    /// Whether a column whose name starts with `prefix` is loaded (the dotted fields of a JSON object).
    func includesAny(startingWith prefix: String) -> Bool {
        guard let names else { return true }
        return names.contains { $0.hasPrefix(prefix) }
    }
}

/// Which collections' columns reach a program's results unnamed, statement by statement. A stage that
/// replaces the columns by named ones (`select` without `*`, `count`, `summarize`, `distinct` with
/// names) stops them; `extend`, `rename` and `drop` pass them on; a `join` adds the joined side's; a whole-row `distinct` reads them all, so even
/// `data distinct count` needs every column of `data`.
private struct WholeRows {
    /// For each `let` name bound so far, the collections whose unnamed columns its rows carry.
    var bindings: [String: Set<String>] = [:]
    /// The collections needed whole.
    var whole: Set<String> = []

    mutating func visit(_ statement: Statement) {
        let carried = carried(after: statement.query)
        // A `let` statement's table is a result too (the library returns it, and keeps it in `bindings`).
        whole.formUnion(carried)
        if case .binding(let name, _) = statement.kind { bindings[name.text] = carried }
    }

    /// The collections whose unnamed columns reach the result of `query`.
    private mutating func carried(after query: Query) -> Set<String> {
        var carried = carriedBy(query.source.text)
        for stage in query.stages {
            switch stage.kind {
            case .select(let items) where !items.contains(where: { if case .all = $0 { true } else { false } }):
                carried = []
            case .count, .summarize, .pivot:
                carried = []
            case .distinct(let names):
                if names.isEmpty { whole.formUnion(carried) } else { carried = [] }
            case .join(let clause):
                carried.formUnion(carriedBy(clause.collection.text))
            case .union(let clause):
                switch clause.side {
                case .source(let name): carried.formUnion(carriedBy(name.text))
                case .query(let side): carried.formUnion(self.carried(after: side))
                }
                if clause.distinct { whole.formUnion(carried) }   // it compares whole rows, as `distinct` does
            case .filter(let condition):
                // The column count of `in (QUERY)` is checked: its rows must be what they are in the file.
                for subquery in condition.subqueries { whole.formUnion(self.carried(after: subquery)) }
            case .select, .sort, .limit, .top, .extend, .rename, .drop, .chart, .unnest, .unpivot:
                break   // every column the stage does not name goes on to its output
            }
        }
        return carried
    }

    /// A `let` name carries what its query left; a collection, its own columns.
    private func carriedBy(_ source: String) -> Set<String> {
        bindings[source] ?? [source]
    }
}
