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

    /// Every column.
    public static let all = ColumnSelection(names: nil)

    /// Only the columns named `names`.
    public init(names: Set<String>?) {
        self.names = names
    }

    /// The columns that the programs in `files` can read. It errs on the side of loading: every name
    /// written in a program counts, in any query; and a program with a query whose result keeps whole
    /// rows of a collection (no `select`, `count` or `summarize` after its source or last `join`), or
    /// one that does not parse, needs every column. (A misspelt name loads nothing: a caller that wants
    /// "did you mean" to list every field loads the data whole when the program does not check, as the
    /// `wekaql` command does.)
    public static func usedBy(_ files: [SourceFile]) -> ColumnSelection {
        var names: Set<String> = []
        for file in files {
            let (program, diagnostics) = Parser.parse(file)
            guard diagnostics.isEmpty, program.statements.allSatisfy({ narrows($0.query) }) else { return .all }
            for token in Lexer.tokenize(file).tokens where token.kind == .word || token.kind == .quotedName {
                names.insert(token.text)
            }
        }
        return ColumnSelection(names: names)
    }

    /// Whether the column named `column` is loaded.
    public func includes(_ column: String) -> Bool {
        guard let names else { return true }
        return names.contains(column)
    }

    /// Whether every column `query` outputs was named in it: the last stage that replaces the columns
    /// (`select` without `*`, `count`, `summarize`, `distinct` with names) comes after every `join`.
    private static func narrows(_ query: Query) -> Bool {
        var narrowed = false
        for stage in query.stages {
            switch stage.kind {
            case .select(let items):
                narrowed = !items.contains { if case .all = $0 { true } else { false } }
            case .count, .summarize: narrowed = true
            case .distinct(let names): narrowed = narrowed || !names.isEmpty
            case .join: narrowed = false
            case .filter, .sort, .limit: break
            }
        }
        return narrowed
    }
}
