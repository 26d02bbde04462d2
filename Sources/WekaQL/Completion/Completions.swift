// What completion answers: the candidates for the word before the cursor, and what Tab should insert.

/// One thing that can be typed at the cursor: a keyword, a collection, a field, a function, a value, …
public struct Completion: Hashable, Sendable {
    /// What a candidate is; a shell may colour or group candidates by it.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A keyword, such as `where` or `sort by`.
        case keyword
        /// A collection of the dataset.
        case collection
        /// A name bound by `let`.
        case binding
        /// A field of the rows at the cursor.
        case field
        /// A scalar function, such as `lower(`.
        case function
        /// An aggregate of `summarize`, such as `sum(`.
        case aggregate
        /// A value of a field, quoted: `"Togo"`.
        case value
        /// A shell command, such as `.schema`.
        case command
        /// A file or folder path.
        case path
    }

    /// The text that replaces the word being typed: `where`, a back-quoted name, `"Togo"` (with its quotes), `lower(`.
    public var text: String
    /// What it is.
    public var kind: Kind
    /// A short note for a list: a field's type, a function's signature, a command's summary.
    public var detail: String
    /// What follows ``text`` when it is the only candidate: a space after a whole word;
    /// nothing after `(`, a folder's `/`, or a value inside `in (…)`.
    public var terminator: String

    /// Creates a candidate.
    public init(_ text: String, kind: Kind, detail: String = "", terminator: String = " ") {
        self.text = text
        self.kind = kind
        self.detail = detail
        self.terminator = terminator
    }
}

/// The candidates for the word before the cursor, as ``Engine/completions(for:cursor:commands:listDirectory:)`` finds them.
///
/// ```swift
/// let text = "countries where country = \"t"
/// let found = Engine().completions(for: text, cursor: text.utf8.count)
/// found.candidates.map(\.text)    // ["\"Tanzania\"", "\"Togo\"", "\"Tunisia\""]
/// found.range                     // the bytes of `"t`, which a candidate replaces
/// ```
public struct Completions: Hashable, Sendable {
    /// The UTF-8 byte range a chosen candidate replaces: from the start of the word being typed up to the cursor.
    public var range: SourceRange
    /// The word being typed: the text in ``range``, possibly empty.
    public var word: String
    /// The candidates, most relevant first, without duplicates.
    public var candidates: [Completion]

    /// Creates completions for `word`, which covers `range`.
    public init(range: SourceRange, word: String, candidates: [Completion]) {
        self.range = range
        self.word = word
        var seen = Set<String>()
        self.candidates = candidates.filter { seen.insert($0.text).inserted }
    }

    /// No candidates at byte offset `cursor`.
    public static func none(at cursor: Int) -> Completions {
        Completions(range: SourceRange(cursor, cursor), word: "", candidates: [])
    }

    /// What Tab should put in place of ``range``: the only candidate followed by its terminator, or else
    /// the longest prefix all candidates share when it says more than ``word``; `nil` when there is
    /// nothing to insert and the candidates should be listed instead.
    public var insertion: String? {
        guard let first = candidates.first else { return nil }
        if candidates.count == 1 { return first.text + first.terminator }
        var shared = Array(first.text)
        for candidate in candidates.dropFirst() {
            let other = Array(candidate.text)
            var length = 0
            while length < min(shared.count, other.count), shared[length] == other[length] { length += 1 }
            shared.removeLast(shared.count - length)
        }
        let prefix = String(shared)
        guard shared.count > word.count, Folding.fold(prefix).hasPrefix(Folding.fold(word)) else { return nil }
        return prefix
    }
}

/// A shell command that completion knows, such as `.mode FORMAT`, and what its argument is.
///
/// The commands belong to the shell; it hands their syntax to completion so that `.sc<Tab>` and
/// `.mode c<Tab>` complete like the rest of the language.
public struct CommandSyntax: Hashable, Sendable {
    /// What a command's argument is, for completing it.
    public enum Argument: Hashable, Sendable {
        /// No argument.
        case none
        /// One of a fixed set of words, such as `on` and `off`.
        case choices([String])
        /// A collection or `let` name.
        case collection
        /// A file path; with extensions, only files that end in one of them (folders are always offered).
        case path(extensions: [String])
        /// A free argument, such as a number.
        case text
    }

    /// The name, without the dot: `mode`.
    public var name: String
    /// What its argument is.
    public var argument: Argument
    /// A one-line summary, shown beside the name in a list of candidates.
    public var summary: String

    /// Creates a command's syntax.
    public init(name: String, argument: Argument = .none, summary: String = "") {
        self.name = name
        self.argument = argument
        self.summary = summary
    }
}

/// An entry of a folder, as a shell lists it for path completion.
public struct DirectoryEntry: Hashable, Sendable {
    /// The file or folder name, without a path.
    public var name: String
    /// Whether it is a folder (a `/` follows it when completed).
    public var isDirectory: Bool

    /// Creates an entry.
    public init(name: String, isDirectory: Bool) {
        self.name = name
        self.isDirectory = isDirectory
    }
}
