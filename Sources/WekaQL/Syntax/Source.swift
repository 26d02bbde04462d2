// Source text and positions: every token, AST node and diagnostic carries a `SourceRange`.

/// A half-open range of UTF-8 byte offsets into a ``SourceFile``.
///
/// Offsets are what the lexer works in; lines and columns are computed only when a
/// diagnostic is rendered (see ``SourceFile/location(of:)``).
public struct SourceRange: Hashable, Sendable, Codable {
    /// The offset of the first byte.
    public var start: Int
    /// The offset one past the last byte.
    public var end: Int

    /// Creates a range from `start` up to, not including, `end`.
    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// The smallest range that covers both `self` and `other`.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(min(start, other.start), max(end, other.end))
    }

    /// The number of bytes covered.
    public var length: Int { end - start }
}

/// A 1-based line and column; columns count characters (grapheme clusters), not bytes.
public struct SourceLocation: Hashable, Sendable, Codable {
    /// The line, starting at 1.
    public var line: Int
    /// The column in characters, starting at 1.
    public var column: Int
}

/// A named piece of query text: a script file, `-e` text, standard input, or a shell line.
public struct SourceFile: Sendable, Hashable {
    /// The name shown in diagnostics: a path, `-e`, `-` or `<shell>`.
    public let name: String
    /// The whole text.
    public let text: String
    /// The text as UTF-8 bytes; ranges index into this.
    public let bytes: [UInt8]
    /// The byte offset where each line starts.
    private let lineStarts: [Int]

    /// Creates a source file from its name and text.
    public init(name: String, text: String) {
        self.name = name
        self.text = text
        self.bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// The text covered by `range`.
    public func text(in range: SourceRange) -> String {
        let start = min(range.start, bytes.count), end = min(range.end, bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The 0-based index of the line holding byte `offset`.
    func lineIndex(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The line and character column of byte `offset`.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = min(max(offset, 0), bytes.count)
        let line = lineIndex(of: clamped)
        let bytesBefore = bytes[lineStarts[line]..<clamped]
        // ASCII is a character per byte (no "\r\n" pair can precede the offset on its line): counting
        // characters is then needless, and slow on a long line with many errors.
        if bytesBefore.allSatisfy({ $0 < 0x80 }) { return SourceLocation(line: line + 1, column: bytesBefore.count + 1) }
        let prefix = String(decoding: bytesBefore, as: UTF8.self)
        return SourceLocation(line: line + 1, column: prefix.count + 1)
    }

    /// The text of the 1-based line `number`, without its line end.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}
