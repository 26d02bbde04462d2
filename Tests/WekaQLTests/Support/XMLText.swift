// A small XML well-formedness checker for the SVG and HTML tests: elements nest and close, attributes are
// quoted, `&` starts a known entity, no character XML forbids; and the text of every element, decoded.
// (Foundation's XMLParser lives in FoundationXML, which this package's test targets cannot import.)

struct XMLFailure: Error, CustomStringConvertible {
    var description: String
}

enum XMLText {
    /// The decoded text inside each element, in order; throws if the document is not well-formed.
    static func texts(of document: String) throws -> [String] {
        var scalars = Array(document.unicodeScalars)[...]
        var open: [String] = [], texts: [String] = [], text = "", sawRoot = false
        func fail(_ what: String) -> XMLFailure { XMLFailure(description: "\(what) at offset \(document.unicodeScalars.count - scalars.count)") }
        while let scalar = scalars.first {
            if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r" { throw fail("control character \(scalar.value)") }
            if scalar == "&" {
                text += try entity(&scalars, fail)
                continue
            }
            guard scalar == "<" else { text.unicodeScalars.append(scalar); scalars.removeFirst(); continue }
            let tag = try upTo(">", in: &scalars, fail)
            if tag.hasPrefix("<?") || tag.hasPrefix("<!") { continue }   // the declaration, the doctype
            let trimmed = text.trimmingSpaces
            if !trimmed.isEmpty { guard !open.isEmpty else { throw fail("text outside the root") }; texts.append(trimmed) }
            text = ""
            if tag.hasPrefix("</") {
                let name = String(tag.dropFirst(2).dropLast())
                guard open.popLast() == name else { throw fail("</\(name)> closes nothing open") }
                continue
            }
            let body = tag.dropFirst().dropLast(tag.hasSuffix("/>") ? 2 : 1)
            let name = String(body.prefix { $0 != " " && $0 != "\n" })
            guard !name.isEmpty else { throw fail("an element without a name") }
            try checkAttributes(String(body.dropFirst(name.count)), fail)
            if open.isEmpty { guard !sawRoot else { throw fail("a second root") }; sawRoot = true }
            if !tag.hasSuffix("/>") { open.append(name) }
        }
        guard open.isEmpty, sawRoot else { throw fail("unclosed elements \(open)") }
        return texts
    }

    private static func upTo(_ end: Unicode.Scalar, in scalars: inout ArraySlice<Unicode.Scalar>, _ fail: (String) -> XMLFailure) throws -> String {
        guard let index = scalars.firstIndex(of: end) else { throw fail("no \(end)") }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[...index])
        scalars = scalars[(index + 1)...]
        return String(out)
    }

    private static func entity(_ scalars: inout ArraySlice<Unicode.Scalar>, _ fail: (String) -> XMLFailure) throws -> String {
        let name = try upTo(";", in: &scalars, fail)
        let known = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&apos;": "'"]
        guard let value = known[name] else { throw fail("unknown entity \(name)") }
        return value
    }

    /// `name="value"` pairs, each value without `<` and with only known entities.
    private static func checkAttributes(_ text: String, _ fail: (String) -> XMLFailure) throws {
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0 == " " || $0 == "\n" }
            guard !rest.isEmpty else { return }
            guard let eq = rest.firstIndex(of: "="), rest[rest.index(after: eq)] == "\"" else { throw fail("an unquoted attribute in \(text)") }
            let valueStart = rest.index(eq, offsetBy: 2)
            guard let close = rest[valueStart...].firstIndex(of: "\"") else { throw fail("an unclosed attribute") }
            let value = rest[valueStart..<close]
            guard !value.contains("<") else { throw fail("< in an attribute") }
            var scalars = Array(value.unicodeScalars)[...]
            while let amp = scalars.firstIndex(of: "&") { scalars = scalars[amp...]; _ = try entity(&scalars, fail) }
            rest = rest[rest.index(after: close)...]
        }
    }
}

private extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
