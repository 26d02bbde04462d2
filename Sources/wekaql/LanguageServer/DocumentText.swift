// An open document's text, with LSP positions: 0-based lines and UTF-16 code units within the line,
// converted to and from the UTF-8 byte offsets the library's ranges count.

import WekaQL

/// The text of an open document, its dot-command lines blanked out for the library, and its line starts.
struct DocumentText {
    /// The path the document is named by in diagnostics (from its URI).
    let name: String
    let text: String
    /// The text as the library reads it: dot-command lines as spaces, every offset unchanged.
    let file: SourceFile
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    init(uri: String, text: String) {
        self.name = DocumentText.path(of: uri)
        self.text = text
        self.file = SourceFile(name: name, text: ScriptText(text).masked)
        self.bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        self.lineStarts = starts
    }

    /// The LSP position of byte `offset`.
    func position(of offset: Int) -> JSONValue {
        let offset = min(max(0, offset), bytes.count)
        var line = 0, high = lineStarts.count - 1
        while line < high {
            let mid = (line + high + 1) / 2
            if lineStarts[mid] <= offset { line = mid } else { high = mid - 1 }
        }
        let prefix = String(decoding: bytes[lineStarts[line]..<offset], as: UTF8.self)
        return .object([("line", .integer(Int64(line))), ("character", .integer(Int64(prefix.utf16.count)))])
    }

    /// The LSP range of `range`.
    func range(_ range: SourceRange) -> JSONValue {
        .object([("start", position(of: range.start)), ("end", position(of: range.end))])
    }

    /// The byte offset of an LSP position, clamped to its line (a character past the end is the line's end;
    /// one inside a surrogate pair is the character's start).
    func offset(of position: JSONValue?) -> Int {
        guard let line = position?["line"]?.int, let character = position?["character"]?.int else { return 0 }
        guard line >= 0 else { return 0 }
        guard line < lineStarts.count else { return bytes.count }
        let lineEnd = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : bytes.count
        var offset = lineStarts[line], units = 0
        let lineText = String(decoding: bytes[offset..<lineEnd], as: UTF8.self)
        for scalar in lineText.unicodeScalars {
            let width = scalar.utf16.count
            if units + width > character { break }
            units += width
            offset += scalar.utf8.count
        }
        return offset
    }

    /// The whole text's range, for an edit that replaces it.
    var wholeRange: JSONValue { range(SourceRange(0, bytes.count)) }

    /// The file path of a `file://` URI, percent-decoded; any other URI as it is.
    static func path(of uri: String) -> String {
        guard uri.hasPrefix("file://") else { return uri }
        var bytes: [UInt8] = []
        var utf8 = Array(uri.utf8.dropFirst(7))[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
