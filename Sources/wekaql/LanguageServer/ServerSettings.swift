// Which data the language server checks documents against: the built-in data and `--data` paths, from
// its command line, a `wekaql.toml` in the workspace, and the client's initializationOptions.
//
// wekaql.toml is a tiny subset of TOML, two keys, `#` comments:
//
//     data = ["cases.csv", "more/:delim=;"]   # --data arguments, relative to the file's folder
//     builtin = false                          # leave out the built-in Operation Weka II data

import WekaQL

/// The data settings, merged from every place they can come from.
struct ServerSettings {
    /// The command-line options that load the data: `dataPaths` and `builtin` are what count.
    private(set) var options: Options
    /// `--data` arguments (`PATH[:OPTIONS]`), in order.
    var dataPaths: [String] {
        get { options.dataPaths }
        set { options.dataPaths = newValue }
    }
    var builtin: Bool {
        get { options.builtin }
        set { options.builtin = newValue }
    }

    /// Reads `wekaql lsp`'s own arguments: `--data PATH`, `-d PATH`, `--no-builtin`.
    init(arguments: [String]) throws(Options.UsageError) {
        options = try Options(arguments: arguments)
        guard options.files.isEmpty, options.statements.isEmpty else {
            throw Options.UsageError(message: "it takes --data PATH and --no-builtin only")
        }
    }

    /// Adds the settings of a `wekaql.toml` whose text is `text`, its paths taken relative to `folder`.
    /// - Throws: an E0901 diagnostic for a line it cannot read; then none of the file's settings is taken.
    mutating func read(toml text: String, path: String, folder: String) throws(Diagnostic) {
        var read = self
        try read.take(toml: text, path: path, folder: folder)
        self = read
    }

    private mutating func take(toml text: String, path: String, folder: String) throws(Diagnostic) {
        let file = SourceFile(name: path, text: text)
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Self.withoutComment(rawLine).trimmingSpaces
            if line.isEmpty { continue }
            guard let equal = line.firstIndex(of: "=") else {
                throw Diagnostic.badEditorSettings("expected KEY = VALUE", line: index + 1, in: file)
            }
            let key = line[..<equal].trimmingSpaces, value = line[line.index(after: equal)...].trimmingSpaces
            switch key {
            case "data":
                guard let paths = Self.strings(in: value) else {
                    throw Diagnostic.badEditorSettings("data is a list of strings: data = [\"cases.csv\"]", line: index + 1, in: file)
                }
                dataPaths += paths.map { $0.hasPrefix("/") ? $0 : folder + "/" + $0 }
            case "builtin":
                guard value == "true" || value == "false" else {
                    throw Diagnostic.badEditorSettings("builtin is true or false", line: index + 1, in: file)
                }
                if value == "false" { builtin = false }
            default:
                throw Diagnostic.badEditorSettings("unknown key \"\(key)\" (keys: data, builtin)", line: index + 1, in: file)
            }
        }
    }

    /// Adds the client's `initializationOptions`: `{"data": ["cases.csv"], "builtin": false}`.
    mutating func read(initializationOptions options: JSONValue?, folder: String?) {
        for path in options?["data"]?.array?.compactMap(\.string) ?? [] {
            dataPaths.append(path.hasPrefix("/") || folder == nil ? path : folder! + "/" + path)
        }
        if options?["builtin"]?.bool == false { builtin = false }
    }

    /// The line without a `#` comment (a `#` inside a string is text).
    private static func withoutComment(_ line: Substring) -> Substring {
        var inString = false
        for index in line.indices {
            if line[index] == "\"" { inString.toggle() }
            if line[index] == "#", !inString { return line[..<index] }
        }
        return line
    }

    /// The strings of `["a", "b"]` (basic strings, with `\"` and `\\`), or `nil`.
    private static func strings(in value: Substring) -> [String]? {
        guard value.first == "[", value.last == "]" else { return nil }
        var items: [String] = [], current = "", inString = false, escaped = false, expectComma = false
        for character in value.dropFirst().dropLast() {
            if inString {
                if escaped { current.append(character); escaped = false }
                else if character == "\\" { escaped = true }
                else if character == "\"" { items.append(current); current = ""; inString = false; expectComma = true }
                else { current.append(character) }
            } else if character == "\"" && !expectComma {
                inString = true
            } else if character == "," && expectComma {
                expectComma = false
            } else if character != " " && character != "\t" {
                return nil
            }
        }
        return inString ? nil : items
    }
}
