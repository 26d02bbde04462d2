// How text from the data is shown to a person: control and bidirectional characters as visible escapes,
// and its width in terminal columns. Every human-facing renderer, the diagnostics and the shell go here.

/// A text made safe to show on a terminal, with its width in columns.
///
/// A file someone else wrote can hold escape sequences (retitle the terminal, clear the screen, write the
/// clipboard with OSC 52) or bidirectional overrides that make a row read as something it is not. Shown
/// through `DisplayText`, each such character becomes a visible escape:
///
/// - C0 controls, DEL and C1 controls as `\x1b`, `\x7f`, `\x9b`; tab, line feed and carriage return as
///   `\t`, `\n`, `\r` (so they never break a table's grid);
/// - bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and the line and
///   paragraph separators U+2028, U+2029 as `\u{202E}`.
///
/// In a text that needs an escape, a backslash is shown doubled (`\\`), so that `\x1b` shown can only
/// mean the character. A text that needs none is shown as it is.
///
/// ```swift
/// DisplayText("x\u{1B}]0;pwned\u{07}y").plain   // "x\x1b]0;pwned\x07y"
/// DisplayText("東京").width                      // 4
/// ```
public struct DisplayText: Sendable, Hashable {
    /// The kinds of characters a text showed as escapes.
    public struct Escapes: OptionSet, Sendable, Hashable {
        /// The bits of the set.
        public let rawValue: UInt8
        /// Creates a set from its raw value.
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// C0 and C1 control characters and DEL, tab and line breaks among them.
        public static let control = Escapes(rawValue: 1)
        /// Bidirectional controls and the Unicode line and paragraph separators.
        public static let bidirectional = Escapes(rawValue: 2)
    }

    /// A run of characters shown as they are, or the escape shown for one character.
    enum Piece: Sendable, Hashable {
        case text(String)
        case escape(String)
    }

    /// The text and its escapes, in order; empty when nothing is escaped (``plain`` is then all there is),
    /// so that the common text costs no more than itself.
    let pieces: [Piece]
    /// The text as shown, without colour.
    public let plain: String
    /// The width in terminal columns: wide East Asian characters and emoji count two, combining marks
    /// and zero-width characters none, each escape its length.
    public let width: Int
    /// What was escaped; empty when the text is shown as it is.
    public let escapes: Escapes

    /// `text` with its control and bidirectional characters escaped, and its backslashes doubled if any was.
    public init(_ text: String) {
        self.init(text, sourceLine: false)
    }

    /// A line of a source file, under which a diagnostic draws a caret: escaped as values are, but tabs
    /// stay tabs (the caret line repeats them) and backslashes are not doubled (a string literal's `\n`
    /// is what the file says), so that each part of the line is shown the same whatever is around it.
    public init(sourceLine text: String) {
        self.init(text, sourceLine: true)
    }

    private init(_ text: String, sourceLine: Bool) {
        let keepingTabs = sourceLine
        guard Self.needsEscapes(text, keepingTabs: keepingTabs) else {
            self.init(verbatim: text)
            return
        }
        var pieces: [Piece] = []
        var run = ""
        var escapes: Escapes = []
        for scalar in text.unicodeScalars {
            guard let (escape, kind) = Self.escape(for: scalar, keepingTabs: keepingTabs) else {
                if scalar == "\\" && !sourceLine { run += "\\\\" } else { run.unicodeScalars.append(scalar) }
                continue
            }
            if !run.isEmpty { pieces.append(.text(run)) }
            run = ""
            pieces.append(.escape(escape))
            escapes.insert(kind)
        }
        if !run.isEmpty { pieces.append(.text(run)) }
        let width = pieces.reduce(0) { total, piece in
            switch piece {
            case .text(let text): return total + Self.width(of: text)
            case .escape(let text): return total + text.utf8.count
            }
        }
        self.init(pieces: pieces, width: width, escapes: escapes)
    }

    /// `text` shown exactly as it is, escapes and all: what `--raw` asks for.
    public init(verbatim text: String) {
        self.init(plain: text, width: Self.width(of: text))
    }

    private init(plain: String, width: Int) {
        self.pieces = []
        self.plain = plain
        self.width = width
        self.escapes = []
    }

    init(pieces: [Piece], width: Int, escapes: Escapes) {
        let shown = pieces.map { piece in
            switch piece {
            case .text(let text), .escape(let text): return text
            }
        }.joined()
        let hasEscape = pieces.contains { if case .escape = $0 { return true } else { return false } }
        self.pieces = hasEscape ? pieces : []
        self.plain = shown
        self.width = width
        self.escapes = escapes
    }

    /// The text as shown; with `colored`, escapes are dimmed (ANSI faint), so that `\x1b` typed in the data
    /// stands apart from one that was a control character.
    public func rendered(colored: Bool) -> String {
        guard colored, !pieces.isEmpty else { return plain }
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let text): out += text
            case .escape(let text): out += "\u{1B}[2m" + text + "\u{1B}[22m"
            }
        }
        return out
    }

    /// `text` with its control and bidirectional characters escaped, as ``plain`` shows it.
    public static func escaping(_ text: String) -> String {
        DisplayText(text).plain
    }
}

// MARK: - Which characters are escaped

extension DisplayText {
    /// Whether `scalar` is a bidirectional control (or U+2028, U+2029), shown as `\u{…}`.
    static func isBidirectionalControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Whether `scalar` is a C0 or C1 control character or DEL.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// The escape shown for `scalar` and its kind, or `nil` when it is shown as it is.
    static func escape(for scalar: Unicode.Scalar, keepingTabs: Bool) -> (String, Escapes)? {
        switch scalar {
        case "\t": return keepingTabs ? nil : ("\\t", .control)
        case "\n": return ("\\n", .control)
        case "\r": return ("\\r", .control)
        case _ where isControl(scalar):
            let hex = String(scalar.value, radix: 16)
            return ("\\x" + (hex.count < 2 ? "0" : "") + hex, .control)
        case _ where isBidirectionalControl(scalar):
            return ("\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}", .bidirectional)
        default: return nil
        }
    }

    /// Whether any character of `text` is escaped. Printable ASCII, nearly every text, is decided from
    /// its bytes; the rest looks at its scalars.
    static func needsEscapes(_ text: String, keepingTabs: Bool) -> Bool {
        var ascii = true
        for byte in text.utf8 {
            if byte < 0x20 && !(keepingTabs && byte == 0x09) || byte == 0x7F { return true }
            if byte >= 0x80 { ascii = false }
        }
        if ascii { return false }
        return text.unicodeScalars.contains { isControl($0) || isBidirectionalControl($0) }
    }
}
