// Completes a shell command line such as `.mode c` or `.read queries/ar`: the command's name after
// the dot, then its argument by the kind the shell declared (choices, a collection, a file path).

/// Completes `text` (up to the cursor), a line that starts with `.`.
struct CommandCompleter {
    let engine: Engine
    let text: String
    let commands: [CommandSyntax]
    let listDirectory: ((String) -> [DirectoryEntry])?

    /// The command line in `text`, if it is one: the offset of its dot, and its name as typed.
    static func dot(in text: String) -> Int? {
        let bytes = Array(text.utf8)
        let start = bytes.firstIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") } ?? bytes.count
        return start < bytes.count && bytes[start] == UInt8(ascii: ".") ? start : nil
    }

    func completions() -> Completions {
        let bytes = Array(text.utf8)
        let cursor = bytes.count
        guard let dot = Self.dot(in: text) else { return .none(at: cursor) }
        let nameEnd = bytes[dot...].firstIndex { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") } ?? cursor
        let name = String(decoding: bytes[(dot + 1)..<nameEnd], as: UTF8.self)
        if nameEnd == cursor {
            let folded = Folding.fold(name)
            let candidates = commands.filter { Folding.fold($0.name).hasPrefix(folded) }.map {
                Completion("." + $0.name, kind: .command, detail: $0.summary, terminator: $0.argument == .none ? "" : " ")
            }
            return Completions(range: SourceRange(dot, cursor), word: "." + name, candidates: candidates)
        }
        guard let command = commands.first(where: { $0.name == name }) else { return .none(at: cursor) }
        let argumentStart = bytes[nameEnd...].firstIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") } ?? cursor
        let argument = String(decoding: bytes[argumentStart...], as: UTF8.self)
        let range = SourceRange(argumentStart, cursor)
        switch command.argument {
        case .none, .text:
            return .none(at: cursor)
        case .choices(let words):
            return Completions(range: range, word: argument, candidates: Self.matching(words, argument, kind: .keyword))
        case .collection:
            let names = engine.bindings.keys.sorted() + engine.dataset.collectionNames
            return Completions(range: range, word: argument, candidates: Self.matching(names, argument, kind: .collection))
        case .path(let extensions):
            return Completions(range: range, word: argument, candidates: paths(argument, extensions: extensions))
        }
    }

    private static func matching(_ words: [String], _ prefix: String, kind: Completion.Kind) -> [Completion] {
        let folded = Folding.fold(prefix)
        return words.filter { Folding.fold($0).hasPrefix(folded) }.map { Completion($0, kind: kind, terminator: "") }
    }

    /// The files and folders that complete `typed`: entries of its folder that start with its last part.
    /// Hidden entries are offered only when that part starts with a dot.
    private func paths(_ typed: String, extensions: [String]) -> [Completion] {
        guard let listDirectory else { return [] }
        let slash = typed.lastIndex(of: "/")
        let folder = slash.map { String(typed[...$0]) } ?? ""
        let stem = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        let entries = listDirectory(folder.isEmpty ? "." : folder)
        return entries.filter { entry in
            guard entry.name.hasPrefix(stem), entry.name != ".", entry.name != ".." else { return false }
            if entry.name.hasPrefix(".") && !stem.hasPrefix(".") { return false }
            return entry.isDirectory || extensions.isEmpty || extensions.contains { entry.name.lowercased().hasSuffix("." + $0) }
        }
        .sorted { $0.name < $1.name }
        .map { entry in
            entry.isDirectory
                ? Completion(folder + entry.name + "/", kind: .path, detail: "folder", terminator: "")
                : Completion(folder + entry.name, kind: .path, terminator: "")
        }
    }
}
