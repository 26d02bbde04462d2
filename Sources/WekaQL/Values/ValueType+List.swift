// The names of value types, now that `list(of:)` is one: `string`, `list of string`.

extension ValueType: RawRepresentable, CaseIterable, Codable {
    /// The type's name: `integer`, `string`, `list of string` (what `.schema` and messages say).
    public var rawValue: String {
        switch self {
        case .null: return "null"
        case .boolean: return "boolean"
        case .integer: return "integer"
        case .decimal: return "decimal"
        case .float: return "float"
        case .string: return "string"
        case .date: return "date"
        case .list(let element): return "list of \(element.rawValue)"
        }
    }

    /// The type named `rawValue`: a scalar type's name, or `list of` a scalar type's name.
    public init?(rawValue: String) {
        if rawValue.hasPrefix("list of "), let element = ValueType.scalar(named: String(rawValue.dropFirst(8))) {
            self = .list(of: element)
            return
        }
        guard let scalar = ValueType.scalar(named: rawValue) else { return nil }
        self = scalar
    }

    private static func scalar(named name: String) -> ValueType? {
        allCases.first { $0.rawValue == name }
    }

    /// The scalar types; a list type is made of one of them.
    public static let allCases: [ValueType] = [.null, .boolean, .integer, .decimal, .float, .string, .date]

    /// Whether it is a list type.
    public var isList: Bool { if case .list = self { return true } else { return false } }

    /// The element type of a list type; `nil` for the scalar types.
    public var elementType: ValueType? { if case .list(let element) = self { return element } else { return nil } }
}
