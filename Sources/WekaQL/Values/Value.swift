// `Value`: the one home of wekaql's values — null, boolean, integer, decimal, float, string, date, and
// lists of those (see Value+List.swift) — with null comparison, numeric widening and ordering written on the type.

/// A single value in a result row.
///
/// Rules:
/// - `null` is unknown: comparing it with anything is unknown (see ``compare(_:_:)``), and it sorts last.
/// - Integers, decimals and floats compare as numbers (`1 = 1.0`); other kinds never equal each other.
/// - A decimal is exact (``ExactDecimal``) and keeps its scale (`1.50`); a float is binary floating point.
/// - Strings are equal only when their UTF-8 bytes are (a precomposed "é" and "e" with a combining accent
///   are different values), and order by Unicode code point, which is the byte order of UTF-8
///   (see `StringBytes`). `=~`, `contains` and the other folded operators see such spellings as equal.
/// - A list equals a list of equal elements in the same order, and orders element by element
///   (see ``Value/list(_:)``).
/// - Encodes to JSON as `null`, `true`, `3`, `1.5`, `"Togo"`, `"2022-06-12"`, `["a","b"]` (a decimal through
///   `Double`: the result renderers write its exact text instead).
public enum Value: Hashable, Sendable, CustomStringConvertible {
    case null
    case boolean(Bool)
    case integer(Int64)
    case decimal(ExactDecimal)
    case float(Double)
    case string(String)
    case date(LocalDate)
    /// A list of scalar values (null elements allowed), as `split` and `list()` make and a JSON array
    /// loads. Its rules are written in Value+List.swift.
    case list([Value])

    /// The type of this value; `null` has type ``ValueType/null``.
    public var type: ValueType {
        switch self {
        case .null: return .null
        case .boolean: return .boolean
        case .integer: return .integer
        case .decimal: return .decimal
        case .float: return .float
        case .string: return .string
        case .date: return .date
        case .list(let elements): return .list(of: Value.elementType(of: elements))
        }
    }

    /// Whether this is `null`.
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// The number as a `Double`, for an integer, a decimal or a float.
    public var doubleValue: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .decimal(let d): return d.doubleValue
        case .float(let d): return d
        default: return nil
        }
    }

    /// The text form used in tables and CSV: `null` is empty here; renderers mark it themselves.
    public var description: String {
        switch self {
        case .null: return ""
        case .boolean(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .decimal(let d): return d.description
        case .float(let d): return Value.format(d)
        case .string(let s): return s
        case .date(let d): return d.description
        case .list(let elements): return Value.listText(elements)
        }
    }

    /// A float as its shortest round-tripping text, without exponent for ordinary magnitudes.
    static func format(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) + ".0" }
        return String(d)
    }

    /// Three-valued equality and order: `nil` when either side is null or the kinds do not compare.
    public static func compare(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.null, _), (_, .null): return nil
        case let (.integer(x), .integer(y)): return x < y ? -1 : (x == y ? 0 : 1)
        case let (.string(x), .string(y)): return StringBytes.compare(x, y)
        case let (.boolean(x), .boolean(y)): return x == y ? 0 : (!x ? -1 : 1)
        case let (.date(x), .date(y)): return x.days < y.days ? -1 : (x.days == y.days ? 0 : 1)
        case let (.list(x), .list(y)): return compareLists(x, y)
        case (.list, _), (_, .list): return nil
        case let (.decimal(x), .decimal(y)): return ExactDecimal.compare(x, y)
        case let (.decimal(x), .integer(y)): return ExactDecimal.compare(x, integer: y)
        case let (.integer(x), .decimal(y)): return -ExactDecimal.compare(y, integer: x)
        default:
            guard let x = a.doubleValue, let y = b.doubleValue else { return nil }
            return x < y ? -1 : (x == y ? 0 : 1)
        }
    }

    /// The total order used by `sort by` and grouping: nulls last, numbers by value,
    /// then by kind (boolean < number < string < date < list) when kinds differ.
    public static func sortOrder(_ a: Value, _ b: Value) -> Int {
        if let c = compare(a, b) { return c }
        switch (a.isNull, b.isNull) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        default: return a.kindRank < b.kindRank ? -1 : (a.kindRank == b.kindRank ? 0 : 1)
        }
    }

    private var kindRank: Int {
        switch self {
        case .boolean: return 0
        case .integer, .decimal, .float: return 1
        case .string: return 2
        case .date: return 3
        case .list: return 4
        case .null: return 5
        }
    }
}

/// The type of a column or an expression.
public indirect enum ValueType: Hashable, Sendable {
    /// Only `null` is known: an all-null column, or the literal `null`. It fits any other type.
    case null
    case boolean, integer, decimal, string, date
    /// A list of values of the element type (`.null` when no element is known: only empty lists or
    /// null elements). Its name, `list of string`, is in ValueType+List.swift.
    case list(of: ValueType)
    /// Binary floating point: scientific notation, numbers of more than 18 digits, `float(x)`.
    case float

    /// Whether it is integer, decimal or float (or unknown).
    public var isNumeric: Bool { self == .integer || self == .decimal || self == .float || self == .null }

    /// The common type of two types, for `coalesce`, `in` lists and columns: integer widens to decimal,
    /// and either to float.
    func unified(with other: ValueType) -> ValueType? {
        if self == other || other == .null { return self }
        if self == .null { return other }
        if isNumeric && other.isNumeric { return self == .float || other == .float ? .float : .decimal }
        if case .list(let a) = self, case .list(let b) = other { return a.unified(with: b).map { .list(of: $0) } }
        return nil
    }

    /// Whether values of the two types can be compared.
    func isComparable(with other: ValueType) -> Bool { unified(with: other) != nil }
}

extension Value {
    /// Equal kinds with equal payloads; strings by their bytes, not by canonical equivalence.
    public static func == (a: Value, b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.boolean(x), .boolean(y)): return x == y
        case let (.integer(x), .integer(y)): return x == y
        case let (.decimal(x), .decimal(y)): return x == y
        case let (.float(x), .float(y)): return x == y
        case let (.string(x), .string(y)): return StringBytes.equal(x, y)
        case let (.date(x), .date(y)): return x == y
        case let (.list(x), .list(y)): return x == y
        default: return false
        }
    }

    /// Hashes what `==` compares: a string's bytes.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .boolean(let b): hasher.combine(1); hasher.combine(b)
        case .integer(let i): hasher.combine(2); hasher.combine(i)
        case .decimal(let d): hasher.combine(3); hasher.combine(d)
        case .float(let d): hasher.combine(6); hasher.combine(d)
        case .string(let s): hasher.combine(4); StringBytes.hash(s, into: &hasher)
        case .date(let d): hasher.combine(5); hasher.combine(d)
        case .list(let elements): hasher.combine(6); hasher.combine(elements)
        }
    }
}

extension Value: Codable {
    /// Decodes from a JSON scalar (`null`, a boolean, an integer, a decimal or a string) or an array of them.
    /// Untyped throws: `Decodable`'s requirement, which throws the decoder's errors (`DecodingError`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Each kind is tried in turn (a type mismatch is the answer "not this one"); the last, a
        // string, throws the decoder's error when the value is none of them.
        if container.decodeNil() { self = .null }
        else if let b = try? container.decode(Bool.self) { self = .boolean(b) }
        else if let i = try? container.decode(Int64.self) { self = .integer(i) }
        else if let d = try? container.decode(Double.self) { self = ExactDecimal(shortest: d).map(Value.decimal) ?? .float(d) }
        else if let elements = try? container.decode([Value].self) { self = .list(elements) }
        else { self = .string(try container.decode(String.self)) }
    }

    /// Encodes as a JSON scalar, a list as an array; dates as `"YYYY-MM-DD"`.
    /// Untyped throws: `Encodable`'s requirement, which throws the encoder's errors (`EncodingError`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .boolean(let b): try container.encode(b)
        case .integer(let i): try container.encode(i)
        case .decimal(let d): try container.encode(d.doubleValue)
        case .float(let d): try container.encode(d)
        case .string(let s): try container.encode(s)
        case .date(let d): try container.encode(d.description)
        case .list(let elements): try container.encode(elements)
        }
    }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
                 ExpressibleByBooleanLiteral, ExpressibleByNilLiteral {
    /// `"Togo"` as a value.
    public init(stringLiteral value: String) { self = .string(value) }
    /// `3` as a value.
    public init(integerLiteral value: Int64) { self = .integer(value) }
    /// `1.5` as a value: an exact decimal of the literal's shortest text, or a float past 18 digits.
    public init(floatLiteral value: Double) { self = ExactDecimal(shortest: value).map(Value.decimal) ?? .float(value) }
    /// `true` as a value.
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    /// `nil` as `null`.
    public init(nilLiteral: ()) { self = .null }
}
