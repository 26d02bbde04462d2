// The catalogue's data-file messages: loading CSV, JSON and JSON lines files, and the load options.
// (The codes are declared with the others in Diagnostic+Catalogue.swift.)

// MARK: - Data files

extension Diagnostic {
    static func cannotRead(_ path: String, reason: String) -> Diagnostic {
        Diagnostic(code: .cannotRead, message: "cannot read \"\(path)\": \(reason)")
    }

    static func invalidUTF8(file: SourceFile, offset: Int) -> Diagnostic {
        Diagnostic(code: .invalidUTF8, message: "the file is not valid UTF-8", range: SourceRange(offset, offset + 1), file: file,
                   hints: ["convert it to UTF-8, for example: iconv -f latin1 -t utf-8"])
    }

    /// A data file that is not UTF-8: the hint names the `encoding=` option that reads it.
    static func invalidUTF8(path: String, bytes: UnsafeBufferPointer<UInt8>, offset: Int) -> Diagnostic {
        let utf16 = bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
        let hint = utf16 ? "it starts like UTF-16: load it with encoding=utf-16, for example --data '\(path):encoding=utf-16'"
            : "if it is Latin-1 (ISO-8859-1), load it with encoding=latin-1, for example --data '\(path):encoding=latin-1'; or convert it: iconv -f latin1 -t utf-8"
        return .inData(.invalidUTF8, "the file is not valid UTF-8", path: path, bytes: bytes, offset: offset, hints: [hint])
    }

    /// A problem at a byte offset of a data file; only the text up to the line's end is kept for the snippet.
    static func inData(_ code: Code, _ message: String, path: String, bytes: UnsafeBufferPointer<UInt8>, offset: Int,
                       hints: [String] = []) -> Diagnostic {
        var end = min(offset, bytes.count)
        while end < bytes.count, bytes[end] != 0x0A, end - offset < 4096 { end += 1 }
        let prefix = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self)
        let file = SourceFile(name: path, text: prefix)
        let start = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<min(offset, bytes.count)]), as: UTF8.self).utf8.count
        return Diagnostic(code: code, message: message, range: SourceRange(start, start + 1), file: file, hints: hints)
    }

    static func valueTooLong(path: String, bytes: UnsafeBufferPointer<UInt8>, offset: Int, limit: Int) -> Diagnostic {
        let size = limit >= 1 << 20 ? "\(limit >> 20) MB" : "\(limit) bytes"
        return .inData(.valueTooLong, "a value longer than \(size) starts here", path: path, bytes: bytes, offset: offset,
                       hints: ["wekaql keeps values of up to \(size); is a quote left open, or is this not a data file?"])
    }

    static func unsupportedFile(_ path: String) -> Diagnostic {
        Diagnostic(code: .unsupportedFile, message: "cannot load \"\(path)\": not a .csv, .tsv, .txt, .json or .jsonl file, nor a folder of them",
                   hints: ["say how to read it with format=csv, format=json or format=jsonl, for example --data '\(path):format=csv'"])
    }
}

// MARK: - JSON files

extension Diagnostic {
    /// JSON that is not JSON; `detail` is the reader's account of what it found.
    static func malformedJSON(_ detail: String, path: String, bytes: UnsafeBufferPointer<UInt8>, offset: Int) -> Diagnostic {
        .inData(.malformedJSON, "malformed JSON: \(detail)", path: path, bytes: bytes, offset: offset)
    }

    /// How JSON fails to be rows.
    enum JSONShapeProblem {
        case collectionNotArray(String), notRows, rowNotObject(Int, collection: String)
    }

    static func jsonShape(_ problem: JSONShapeProblem, path: String) -> Diagnostic {
        let message: String
        switch problem {
        case .collectionNotArray(let name): message = "collection \(quoted(name)) must be an array of row objects"
        case .notRows: message = "a JSON data file holds an array of row objects, or an object of such arrays"
        case .rowNotObject(let row, let collection): message = "row \(row) of \(quoted(collection)) is not an object"
        }
        return Diagnostic(code: .jsonShape, message: "\(path): \(message)", hints: ["for example: [{\"country\": \"Togo\", \"arrested\": 1}]"])
    }

    static func mixedTypes(column: String, collection: String, row: Int, path: String) -> Diagnostic {
        Diagnostic(code: .mixedTypes, severity: .warning,
                   message: "\(path): field \(quoted(column)) of \(quoted(collection)) mixes kinds of value (first at row \(row)); it loads as string",
                   hints: ["numbers in this column are kept as their text, not converted"])
    }
}

// MARK: - CSV files

extension Diagnostic {
    static func emptyCSV(path: String, bytes: UnsafeBufferPointer<UInt8>, offset: Int) -> Diagnostic {
        .inData(.malformedCSV, "the CSV file is empty: it needs a header row", path: path, bytes: bytes, offset: offset)
    }

    static func malformedCSV(_ failure: CSVReader.Failure, path: String, bytes: UnsafeBufferPointer<UInt8>) -> Diagnostic {
        switch failure.kind {
        case .unclosedQuote:
            return .inData(.malformedCSV, "a quoted field is never closed", path: path, bytes: bytes, offset: failure.offset,
                           hints: ["a quote inside a quoted field is written twice: \"say \"\"hi\"\"\""])
        case .textAfterQuote:
            return .inData(.malformedCSV, "text after the closing quote of a field", path: path, bytes: bytes, offset: failure.offset,
                           hints: ["a quote inside a quoted field is written twice: \"say \"\"hi\"\"\""])
        }
    }

    static func duplicateHeader(_ name: String, path: String, bytes: UnsafeBufferPointer<UInt8>, offset: Int) -> Diagnostic {
        .inData(.duplicateHeader, "the header names column \(quoted(name)) twice", path: path, bytes: bytes, offset: offset,
                hints: ["rename one of the columns in the header row, or load the file with header=false (columns column1, column2, …)"])
    }

    /// A row with fewer fields than the header.
    static func shortRow(line: Int, fields: Int, columns: Int, path: String, bytes: UnsafeBufferPointer<UInt8>, offset: Int) -> Diagnostic {
        .inData(.malformedCSV, "line \(line) has \(fields) field\(fields == 1 ? "" : "s"), the header has \(columns)", path: path,
                bytes: bytes, offset: offset,
                hints: ["to load such rows with nulls for the missing fields, add bad_rows=pad; to leave them out, bad_rows=skip (for example --data '\(path):bad_rows=pad')"])
    }

    /// A row with more fields than the header.
    static func longRow(line: Int, fields: Int, columns: Int, delimiter: UInt8, path: String, bytes: UnsafeBufferPointer<UInt8>,
                        offset: Int) -> Diagnostic {
        let d = String(UnicodeScalar(delimiter))
        return .inData(.malformedCSV, "line \(line) has \(fields) fields, the header has \(columns)", path: path, bytes: bytes, offset: offset,
                       hints: ["quote fields that contain \(quoted(visible(d))): \"a\(d) b\"", "to leave such rows out, add bad_rows=skip"])
    }

    static func skippedRows(_ lines: [Int], total: Int, path: String) -> Diagnostic {
        let shown = lines.prefix(10).map(String.init).joined(separator: ", ") + (total > 10 ? ", …" : "")
        return Diagnostic(code: .skippedRows, severity: .warning,
                          message: "\(path): skipped \(total) row\(total == 1 ? "" : "s") of the wrong length (line\(total == 1 ? "" : "s") \(shown))")
    }

    /// A value of a column given a type (`types=`) that does not read as that type.
    static func notOfGivenType(_ text: String, column: String, type: ValueType, line: Int, path: String,
                               bytes: UnsafeBufferPointer<UInt8>, offset: Int) -> Diagnostic {
        .inData(.notOfGivenType, "line \(line): \(quoted(visible(text))) in column \(quoted(column)) is not \(article(type.rawValue)) \(type.rawValue)",
                path: path, bytes: bytes, offset: offset,
                hints: [type == .date ? "the column was given the type date: say how its dates are written with dateformat=, for example dateformat=%d/%m/%Y"
                    : "the column was given the type \(type.rawValue) with types=\(column):\(type.rawValue); without it, the column loads as text"])
    }
}

// MARK: - Loading options and names

extension Diagnostic {
    static func badLoadOption(_ pair: String, reason: String) -> Diagnostic {
        Diagnostic(code: .badLoadOption, message: "bad load option \(quoted(pair)): \(reason)")
    }

    static func unknownLoadOption(_ key: String) -> Diagnostic {
        var hints: [String] = []
        if let near = Suggestions.nearest(to: key, in: LoadOptions.keys + ["delimiter"]) { hints.append("did you mean \(quoted(near))?") }
        hints.append("options: \(LoadOptions.keys.joined(separator: ", "))")
        return Diagnostic(code: .badLoadOption, message: "unknown load option \(quoted(key))", hints: hints)
    }

    static func csvOnlyOption(path: String) -> Diagnostic {
        Diagnostic(code: .badLoadOption, message: "\(path): delim, header, nulls, types, dateformat, skip and bad_rows apply to CSV files only",
                   hints: ["a JSON file takes name, format and encoding"])
    }

    static func nameForFolder(path: String) -> Diagnostic {
        Diagnostic(code: .badLoadOption, message: "\(path) is a folder: name= names the collection of one file",
                   hints: ["load the file itself: --data '\(path)/FILE.csv:name=…'"])
    }

    static func unknownTypedColumn(_ name: String, path: String, available: [String]) -> Diagnostic {
        var hints: [String] = []
        if let near = Suggestions.nearest(to: name, in: available) { hints.append("did you mean \(quoted(near))?") }
        hints.append("columns: \(Suggestions.list(available))")
        return Diagnostic(code: .badLoadOption, message: "\(path): types= names column \(quoted(name)), which the file does not have", hints: hints)
    }

    static func renamedCollection(_ stem: String, to name: String, path: String) -> Diagnostic {
        Diagnostic(code: .renamedCollection, severity: .warning,
                   message: "\(path): the collection is named \(name), as \(quoted(stem)) is not a plain name",
                   hints: ["choose the name with name=…, for example --data '\(path):name=\(name)'"])
    }

    static func replacedCollection(_ name: String, path: String, builtIn: Bool) -> Diagnostic {
        Diagnostic(code: .replacedCollection, severity: .warning,
                   message: "\(path): collection \(quoted(name)) replaces the \(builtIn ? "built-in" : "loaded") one of that name",
                   hints: ["to keep both, load it under another name: --data '\(path):name=my_\(name)'"])
    }
}
