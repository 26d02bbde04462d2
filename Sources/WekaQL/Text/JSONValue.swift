// JSON values for tools built on the library, such as the language server: read with the library's own
// RFC 8259 reader and written compactly, so that no tool needs Foundation for its JSON.

/// A JSON value. Objects keep their keys in order.
///
/// ```swift
/// let message = try JSONValue.parse(#"{"id": 1, "method": "shutdown"}"#)
/// message["method"]?.string                                  // "shutdown"
/// JSONValue.object([("result", .null)]).serialized           // {"result":null}
/// ```
public enum JSONValue: Hashable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number written without fraction or exponent that fits in 64 bits.
    case integer(Int64)
    /// Any other number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object: its members in order.
    case object([(String, JSONValue)])

    /// Why a text is not one JSON value: the byte offset and the problem.
    public struct SyntaxError: Error, Sendable {
        /// The byte offset where the problem was found.
        public var offset: Int
        /// What is wrong, in lower case.
        public var message: String
    }

    /// Parses one JSON document from `text`.
    public static func parse(_ text: String) throws(SyntaxError) -> JSONValue {
        let bytes = Array(text.utf8)
        let result: Result<JSON, JSONReader.Failure> = bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(buffer)
            reader.maximumStringBytes = Int.max
            do throws(JSONReader.Failure) { return .success(try reader.readDocument()) } catch { return .failure(error) }
        }
        switch result {
        case .success(let json): return JSONValue(json)
        case .failure(let failure): throw SyntaxError(offset: failure.offset, message: failure.message)
        }
    }

    private init(_ json: JSON) {
        switch json {
        case .null: self = .null
        case .boolean(let b): self = .bool(b)
        case .integer(let n): self = .integer(n)
        case .decimal(let d): self = .number(d.doubleValue)
        case .float(let d): self = .number(d)
        case .string(let s): self = .string(s)
        case .array(let items): self = .array(items.map(JSONValue.init))
        case .object(let pairs): self = .object(pairs.map { ($0.0, JSONValue($0.1)) })
        }
    }

    /// The value for `key` in an object (`nil` for anything else).
    public subscript(key: String) -> JSONValue? {
        if case .object(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    /// The text of a string.
    public var string: String? { if case .string(let s) = self { return s } else { return nil } }
    /// A whole number, from an integer or a number without fraction.
    public var int: Int? {
        switch self {
        case .integer(let n): return Int(exactly: n)
        case .number(let d): return Int(exactly: d)
        default: return nil
        }
    }
    /// The items of an array.
    public var array: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    /// A Boolean.
    public var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }

    /// The value as compact JSON text. Strings are escaped as the JSON renderer does (control and
    /// bidirectional characters as `\u00XX`).
    public var serialized: String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let n): out += String(n)
        case .number(let d): out += d.isFinite ? (d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : "\(d)") : "null"
        case .string(let s): out += JSONText.quote(s)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (index, (key, value)) in pairs.enumerated() {
                if index > 0 { out += "," }
                out += JSONText.quote(key) + ":"
                value.write(into: &out)
            }
            out += "}"
        }
    }

    /// Two values are equal when they serialize the same (so member order counts).
    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized == b.serialized }
    /// Hashes the serialized form, in keeping with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized) }
}
