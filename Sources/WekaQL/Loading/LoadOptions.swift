// `LoadOptions`: how a data file is read (delimiter, header, names, nulls, types, bad rows …), and the
// one `key=value` syntax the command line, the shell and the library share for them.

/// How a data file is read. The defaults read a CSV file as written: the delimiter is sniffed, the first
/// line is the header, and each column's type is inferred without ever changing a value's text.
///
/// The same names are used everywhere: `--data 'cases.csv:delim=;,header=false'` on the command line,
/// `.data cases.csv delim=; header=false` in the shell, and `LoadOptions(["delim=;", "header=false"])`
/// here. README's "Loading other data" describes each.
public struct LoadOptions: Sendable, Hashable {
    /// What to do with a CSV row whose field count differs from the header's.
    public enum BadRows: String, Sendable, Hashable, CaseIterable {
        /// Stop with an error naming the line (the default).
        case error
        /// Leave the row out; the load's warnings say how many and which lines.
        case skip
        /// Fill a short row's missing fields with null (a long row is still an error).
        case pad
    }

    /// The kind of file, when neither its extension nor its content says (standard input).
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case csv, json, jsonl
    }

    /// The text encoding of the file; it is converted to UTF-8 as it loads.
    public enum Encoding: String, Sendable, Hashable, CaseIterable {
        case utf8 = "utf-8", latin1 = "latin-1", utf16 = "utf-16"
    }

    /// The CSV field delimiter: one ASCII character; `nil` sniffs it among `,` `;` tab and `|`.
    public var delimiter: Unicode.Scalar?
    /// Whether the first line names the columns; without one, they are named column1, column2, ….
    public var header = true
    /// The collection's name instead of the file's stem (a single file only).
    public var name: String?
    /// Texts that mean null besides the empty field, for example `["NA", "-"]`.
    public var nulls: [String] = []
    /// Column types that are not inferred: a value that does not read as its type is an error.
    public var types: [String: ValueType] = [:]
    /// How dates are written, in a small strftime subset (`%Y %m %d %y %b`), for example `%d/%m/%Y`.
    public var dateFormat: String?
    /// Lines to skip before the header (a title, a comment).
    public var skip = 0
    /// What to do with a row of the wrong length.
    public var badRows: BadRows = .error
    /// The kind of file, for standard input or a file whose extension says nothing.
    public var format: Format?
    /// The file's text encoding.
    public var encoding: Encoding = .utf8

    /// The default options.
    public init() {}

    /// Options from `key=value` texts, as the shell's `.data` takes them.
    ///
    /// - Throws: a ``Diagnostic`` (E0509) naming an unknown key or a value that does not fit.
    public init(_ pairs: [String]) throws(Diagnostic) {
        for pair in pairs { try set(pair) }
    }

    /// The option names, as written in `key=value`.
    public static let keys = ["delim", "header", "name", "nulls", "types", "dateformat", "skip", "bad_rows", "format", "encoding"]

    /// Whether any option only CSV files have is set.
    var hasCSVOptions: Bool {
        delimiter != nil || !header || !nulls.isEmpty || !types.isEmpty || dateFormat != nil || skip != 0 || badRows != .error
    }

    /// Sets one option from `key=value`.
    mutating func set(_ pair: String) throws(Diagnostic) {
        guard let eq = pair.firstIndex(of: "=") else { throw Diagnostic.badLoadOption(pair, reason: "an option is written key=value") }
        let key = pair[..<eq].lowercased(), value = String(pair[pair.index(after: eq)...])
        func bad(_ reason: String) -> Diagnostic { .badLoadOption(pair, reason: reason) }
        switch key {
        case "delim", "delimiter", "sep":
            guard let scalar = Self.delimiter(named: value) else {
                throw bad("the delimiter is one ASCII character, or comma, semicolon, tab, pipe")
            }
            delimiter = scalar
        case "header":
            guard let flag = Self.flag(value) else { throw bad("header is true or false") }
            header = flag
        case "name":
            guard !value.isEmpty else { throw bad("name needs a collection name") }
            name = value
        case "nulls":
            nulls = value.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        case "types":
            types = try Self.types(value, bad: bad)
        case "dateformat":
            guard DateFormat(value) != nil else { throw bad("a date format uses %Y %m %d %y %b and other characters, for example %d/%m/%Y") }
            dateFormat = value
        case "skip":
            guard let n = Int(value), n >= 0 else { throw bad("skip needs a number of lines") }
            skip = n
        case "bad_rows":
            guard let choice = BadRows(rawValue: value.lowercased()) else { throw bad("bad_rows is error, skip or pad") }
            badRows = choice
        case "format":
            guard let choice = Format(rawValue: value.lowercased()) else { throw bad("format is csv, json or jsonl") }
            format = choice
        case "encoding":
            guard let choice = Self.encoding(named: value) else { throw bad("encoding is utf-8, latin-1 or utf-16") }
            encoding = choice
        default:
            throw Diagnostic.unknownLoadOption(String(pair[..<eq]))
        }
    }

    private static func delimiter(named text: String) -> Unicode.Scalar? {
        switch text.lowercased() {
        case "comma": return ","
        case "semicolon": return ";"
        case "tab", "\\t": return "\t"
        case "pipe": return "|"
        default:
            guard text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first, scalar.isASCII,
                  !"\"\r\n".unicodeScalars.contains(scalar) else { return nil }
            return scalar
        }
    }

    private static func flag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "1": return true
        case "false", "no", "0": return false
        default: return nil
        }
    }

    private static func encoding(named text: String) -> Encoding? {
        switch text.lowercased() {
        case "utf-8", "utf8": return .utf8
        case "latin-1", "latin1", "iso-8859-1": return .latin1
        case "utf-16", "utf16": return .utf16
        default: return nil
        }
    }

    /// `zip:string,opened:date`.
    private static func types(_ text: String, bad: (String) -> Diagnostic) throws(Diagnostic) -> [String: ValueType] {
        var types: [String: ValueType] = [:]
        for item in text.split(separator: ",") {
            guard let colon = item.lastIndex(of: ":"), colon != item.startIndex,
                  let type = ValueType(rawValue: item[item.index(after: colon)...].lowercased()), type != .null, !type.isList else {
                throw bad("types are written column:type, with string, integer, decimal, float, boolean or date")
            }
            types[String(item[..<colon])] = type
        }
        return types
    }
}

extension LoadOptions {
    /// Splits a `--data` argument, `PATH` or `PATH:key=value,key=value`, into the path and its options.
    ///
    /// Paths may hold `:` themselves, so the options start at the first `:` after which everything reads
    /// as `key=value` pairs (`key` a word of letters and `_`); a path that names an existing file is taken
    /// whole. A piece without `=` continues the value before it, so `types=zip:string,opened:date` and
    /// `delim=,` read as meant.
    ///
    /// - Throws: a ``Diagnostic`` (E0509) when a key is unknown or a value does not fit.
    public static func split(dataArgument argument: String) throws(Diagnostic) -> (path: String, options: LoadOptions) {
        if FileBytes.exists(argument) { return (argument, LoadOptions()) }
        var index = argument.startIndex
        while let colon = argument[index...].firstIndex(of: ":") {
            let pairs = pieces(argument[argument.index(after: colon)...])
            if let pairs, pairs.allSatisfy(isPair) {
                return (String(argument[..<colon]), try LoadOptions(pairs))
            }
            index = argument.index(after: colon)
        }
        return (argument, LoadOptions())
    }

    /// Splits a shell `.data` argument, `PATH key=value …` (or the `--data` form), into the path and options:
    /// the words at the end that read `key=value` are options, unless the whole argument names a file.
    public static func split(shellArgument argument: String) throws(Diagnostic) -> (path: String, options: LoadOptions) {
        var rest = Substring(argument.trimmingSpaces())
        if FileBytes.exists(String(rest)) { return (String(rest), LoadOptions()) }
        var pairs: [String] = []
        while let space = rest.lastIndex(where: { $0 == " " || $0 == "\t" }) {
            let word = String(rest[rest.index(after: space)...])
            guard isPair(word) else { break }
            pairs.insert(word, at: 0)
            rest = rest[..<space]
            while rest.last == " " || rest.last == "\t" { rest.removeLast() }
        }
        var (path, options) = try split(dataArgument: String(rest))
        for pair in pairs { try options.set(pair) }
        return (path, options)
    }

    /// `key=value`, with a key of letters and `_`.
    private static func isPair(_ text: String) -> Bool {
        guard let eq = text.firstIndex(of: "="), eq != text.startIndex else { return false }
        return text[..<eq].allSatisfy { $0.isASCII && ($0.isLetter || $0 == "_") }
    }

    /// `a=1,b=x:y,z` as `["a=1", "b=x:y,z"]`; `nil` if it does not start with a pair.
    static func pieces(_ text: Substring) -> [String]? {
        var pairs: [String] = []
        for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
            if piece.contains("=") { pairs.append(String(piece)) } else if pairs.isEmpty { return nil } else { pairs[pairs.count - 1] += "," + piece }
        }
        return pairs.isEmpty ? nil : pairs
    }
}
