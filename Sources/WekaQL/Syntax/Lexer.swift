// The lexer: query text to tokens. It never throws; bad text becomes a token that carries its diagnostic.

/// Splits query text into ``Token``s over its UTF-8 bytes.
///
/// It never throws: a stray character or an unterminated string yields a token that carries its
/// diagnostic (``Token/diagnostics``), as swift-syntax's tokens do, and lexing goes on, so the parser
/// can report several problems in one run.
public struct Lexer {
    private let file: SourceFile
    private let bytes: [UInt8]
    private var position = 0
    private var tokens: [Token] = []
    /// The bad escapes of the string being read, for its token.
    private var escapeProblems: [Diagnostic] = []

    private init(file: SourceFile) {
        self.file = file
        self.bytes = file.bytes
    }

    /// The tokens of `file` (ending with `.end`) and the lexical problems found: those the tokens carry, in order.
    /// - Parameters:
    ///   - file: the text to read.
    ///   - keepComments: keep `#` comments as `.comment` tokens, for syntax highlighting.
    public static func tokenize(_ file: SourceFile, keepComments: Bool = false) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lexer = Lexer(file: file)
        lexer.run(keepComments: keepComments)
        return (lexer.tokens, lexer.tokens.flatMap(\.diagnostics))
    }

    private mutating func run(keepComments: Bool) {
        while position < bytes.count {
            let start = position
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0C:
                position += 1
            case UInt8(ascii: "\n"):
                position += 1
                add(.newline, from: start, text: "\n")
            case UInt8(ascii: "#"):
                while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
                if keepComments { add(.comment, from: start, text: slice(start)) }
            case UInt8(ascii: "\""): lexString()
            case UInt8(ascii: "`"): lexQuotedName()
            case UInt8(ascii: "$"): lexParameter()
            case UInt8(ascii: "0")...UInt8(ascii: "9"): lexNumber()
            default:
                if isNameStart(byte) || byte >= 0x80 && scalarIsNameStart(at: position) {
                    lexWord()
                } else {
                    lexPunctuation()
                }
            }
        }
        add(.end, from: bytes.count, text: "")
    }

    // MARK: - Helpers

    private mutating func add(_ kind: TokenKind, from start: Int, text: String, keyword: Keyword? = nil, problem: Diagnostic? = nil) {
        let problems = escapeProblems + (problem.map { [$0] } ?? [])
        escapeProblems = []
        tokens.append(Token(kind: kind, range: SourceRange(start, position), text: text, keyword: keyword, diagnostics: problems))
    }

    private func slice(_ start: Int) -> String {
        String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private func peek(_ offset: Int = 0) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    private func isNameStart(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == UInt8(ascii: "_")
    }

    private func isNamePart(_ b: UInt8) -> Bool { isNameStart(b) || (b >= 0x30 && b <= 0x39) }

    /// Decodes the scalar at `offset` and its length in bytes (invalid UTF-8 counts as U+FFFD, 1 byte).
    private func scalar(at offset: Int) -> (Unicode.Scalar, Int) {
        var iterator = bytes[offset...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let s) = decoder.decode(&iterator) { return (s, UTF8.width(s)) }
        return ("\u{FFFD}", 1)
    }

    private func scalarIsNameStart(at offset: Int) -> Bool {
        scalar(at: offset).0.properties.isAlphabetic
    }

    // MARK: - Token kinds

    /// Moves past the letters, digits, underscores and combining marks of a name.
    private mutating func skipNameParts() {
        while position < bytes.count {
            let b = bytes[position]
            if isNamePart(b) { position += 1; continue }
            if b >= 0x80 {
                let (s, width) = scalar(at: position)
                let p = s.properties
                if p.isAlphabetic || p.numericType != nil || p.canonicalCombiningClass != .notReordered {
                    position += width
                    continue
                }
            }
            break
        }
    }

    private mutating func lexWord() {
        let start = position
        skipNameParts()
        let text = slice(start)
        add(.word, from: start, text: text, keyword: Keyword(rawValue: text.lowercased()))
    }

    private mutating func lexQuotedName() {
        let start = position
        position += 1
        while position < bytes.count, bytes[position] != UInt8(ascii: "`"), bytes[position] != UInt8(ascii: "\n") {
            position += 1
        }
        let name = String(decoding: bytes[(start + 1)..<position], as: UTF8.self)
        if peek() == UInt8(ascii: "`") {
            position += 1
            add(name.isEmpty ? .invalid : .quotedName, from: start, text: name,
                problem: name.isEmpty ? .emptyQuotedName(range: range(from: start)) : nil)
        } else {
            add(.invalid, from: start, text: name, problem: .unterminatedQuotedName(range: range(from: start)))
        }
    }

    private mutating func lexParameter() {
        let start = position
        position += 1
        let nameStart = position
        let startsWell = peek().map { isNameStart($0) || $0 >= 0x80 && scalarIsNameStart(at: position) } ?? false
        skipNameParts()
        let name = String(decoding: bytes[nameStart..<position], as: UTF8.self)
        if name.isEmpty || !startsWell {
            add(.invalid, from: start, text: "$", problem: .badParameterName(range: range(from: start)))
        } else {
            add(.parameter, from: start, text: name)
        }
    }

    private mutating func lexNumber() {
        let start = position
        var isDecimal = false
        skipDigits()
        if peek() == UInt8(ascii: "."), let next = peek(1), next >= 0x30 && next <= 0x39 {
            isDecimal = true
            position += 1
            skipDigits()
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            let signWidth = (peek(1) == UInt8(ascii: "+") || peek(1) == UInt8(ascii: "-")) ? 1 : 0
            if let digit = peek(1 + signWidth), digit >= 0x30 && digit <= 0x39 {
                isDecimal = true
                position += 1 + signWidth
                skipDigits()
            }
        }
        let text = slice(start).replacingUnderscores()
        if isDecimal {
            add(.decimal, from: start, text: text)
        } else if Int64(text) == nil && !(text == Self.int64MinMagnitude && tokens.last?.kind == .minus) {
            add(.invalid, from: start, text: text, problem: .integerTooLarge(text, range: range(from: start)))
        } else {
            add(.integer, from: start, text: text)
        }
        if let b = peek(), isNameStart(b) {   // `12abc`: a number glued to a name
            let wordStart = position
            while let b = peek(), isNamePart(b) { position += 1 }
            add(.invalid, from: wordStart, text: slice(wordStart), problem: .unexpectedText(slice(wordStart), range: range(from: wordStart)))
        }
    }

    /// The digits of -9223372036854775808: too large alone, an integer after a minus sign.
    static let int64MinMagnitude = "9223372036854775808"

    /// Moves past digits; an underscore may separate two digits (`1_000`).
    private mutating func skipDigits() {
        while let b = peek() {
            if b >= 0x30 && b <= 0x39 { position += 1; continue }
            if b == UInt8(ascii: "_"), position > 0, isDigit(bytes[position - 1]), let next = peek(1), isDigit(next) {
                position += 1
                continue
            }
            break
        }
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    private mutating func lexString() {
        let start = position
        position += 1
        var value = [UInt8]()
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                position += 1
                add(.string, from: start, text: String(decoding: value, as: UTF8.self))
                return
            }
            if b == UInt8(ascii: "\\") {
                lexEscape(into: &value)
            } else {
                value.append(b)
                position += 1
            }
        }
        add(.invalid, from: start, text: String(decoding: value, as: UTF8.self), problem: .unterminatedString(range: SourceRange(start, start + 1)))
    }

    /// Reads one escape after a backslash: `\" \\ \n \t \r \u{…}`.
    private mutating func lexEscape(into value: inout [UInt8]) {
        let start = position
        position += 1
        guard let e = peek() else { return }
        position += 1
        switch e {
        case UInt8(ascii: "\""): value.append(e)
        case UInt8(ascii: "\\"): value.append(e)
        case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
        case UInt8(ascii: "r"): value.append(UInt8(ascii: "\r"))
        case UInt8(ascii: "\n"): value.append(e)   // a backslash at a line's end keeps the line break
        case UInt8(ascii: "u"):
            guard peek() == UInt8(ascii: "{") else { return reportEscape(start) }
            position += 1
            let digitsStart = position
            while let h = peek(), h != UInt8(ascii: "}"), h != UInt8(ascii: "\""), position - digitsStart < 8 { position += 1 }
            let hex = String(decoding: bytes[digitsStart..<position], as: UTF8.self)
            let closed = peek() == UInt8(ascii: "}")
            if closed { position += 1 }
            guard closed, let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                return reportEscape(start)
            }
            value += Array(String(Character(scalar)).utf8)
        default:
            if e >= 0x80 { position -= 1; position += scalar(at: position).1 }
            reportEscape(start)
        }
    }

    private mutating func reportEscape(_ start: Int) {
        let text = String(decoding: bytes[start..<min(position, bytes.count)], as: UTF8.self)
        escapeProblems.append(.invalidEscape(text, range: SourceRange(start, position)))
    }

    private mutating func lexPunctuation() {
        let start = position
        let b = bytes[position]
        let next = peek(1)
        position += 1
        let kind: TokenKind
        switch b {
        case UInt8(ascii: "|"):
            if next == UInt8(ascii: "|") { position += 1; kind = .concatenate } else { kind = .pipe }
        case UInt8(ascii: ","): kind = .comma
        case UInt8(ascii: ";"): kind = .semicolon
        case UInt8(ascii: "."): kind = .dot
        case UInt8(ascii: "*"): kind = .star
        case UInt8(ascii: "("): kind = .leftParen
        case UInt8(ascii: ")"): kind = .rightParen
        case UInt8(ascii: "+"): kind = .plus
        case UInt8(ascii: "-"): kind = .minus
        case UInt8(ascii: "/"): kind = .slash
        case UInt8(ascii: "%"): kind = .percent
        case UInt8(ascii: "="):
            if next == UInt8(ascii: "~") { position += 1; kind = .fuzzyEqual }
            else { if next == UInt8(ascii: "=") { position += 1 }; kind = .equal }
        case UInt8(ascii: "!") where next == UInt8(ascii: "="): position += 1; kind = .notEqual
        case UInt8(ascii: "<"):
            if next == UInt8(ascii: "=") { position += 1; kind = .lessEqual }
            else if next == UInt8(ascii: ">") { position += 1; kind = .notEqual }
            else { kind = .less }
        case UInt8(ascii: ">"):
            if next == UInt8(ascii: "=") { position += 1; kind = .greaterEqual } else { kind = .greater }
        default:
            position = start + scalar(at: start).1
            add(.invalid, from: start, text: slice(start), problem: .unexpectedCharacter(slice(start), range: range(from: start)))
            return
        }
        add(kind, from: start, text: slice(start))
    }

    private func range(from start: Int) -> SourceRange { SourceRange(start, position) }
}

private extension String {
    func replacingUnderscores() -> String { contains("_") ? String(filter { $0 != "_" }) : self }
}
