// Rows as Swift values: `try table.decode(Arrest.self)` maps columns to a `Decodable` type's properties
// by name, as GRDB's FetchableRecord does. The rules are in ``Table/decode(_:)``.

extension Table {
    /// Decodes every row as a `T`, each property read from the column of the same name.
    ///
    /// ```swift
    /// struct Arrest: Decodable { var country: String; var arrested: Int? }
    /// let arrests = try engine.query("arrests select country, arrested").decode(Arrest.self)
    /// ```
    ///
    /// Rules: a `String` reads a string column; `Int`, `Int64` and the other integer types an integer
    /// column (a value that does not fit is an error); `Double` and `Float` an integer or decimal
    /// column; `Bool` a boolean; ``LocalDate`` a date; ``Value`` any column as it is. A null needs an
    /// `Optional` property, and an `Optional` property whose column is missing is `nil`. Column names
    /// match property names exactly (use `CodingKeys` or `select … as` to rename).
    ///
    /// - Throws: a ``Diagnostic``: E0420 for a column the type needs that the table does not have,
    ///   E0421 for a value that does not convert (its row, column and type are named).
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws(Diagnostic) -> [T] {
        try indices.map { index throws(Diagnostic) in try self[index].decode(type) }
    }
}

extension Row {
    /// Decodes this row as a `T`, by the rules of ``Table/decode(_:)``.
    ///
    /// - Throws: a ``Diagnostic`` (E0420, E0421) naming the column and the row.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws(Diagnostic) -> T {
        try decode(type, position: index)
    }

    /// Decodes this row as a `T`, its errors naming it as row `position` of the result (a streamed
    /// row's ``index`` is its place in its chunk).
    func decode<T: Decodable>(_ type: T.Type, position: Int) throws(Diagnostic) -> T {
        do {
            return try T(from: RowDecoder(row: self, position: position))
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            // A type's own `init(from:)` rejected a value (an enum with no such case, a check of its own).
            throw Diagnostic.rowDecoding(String(describing: error), row: position, type: String(describing: T.self))
        }
    }
}

/// A `Decoder` over one row: its keyed container reads columns; each value decodes through ``ValueDecoder``.
struct RowDecoder: Decoder {
    let row: Row
    /// The row's place in the result, for errors.
    let position: Int
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(RowContainer<Key>(row: row, position: position))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw Diagnostic.rowDecoding("a row decodes into a type with named properties, not an array", row: position, type: nil)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw Diagnostic.rowDecoding("a row decodes into a type with named properties, not a single value", row: position, type: nil)
    }
}

/// The columns of a row, by name.
struct RowContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let row: Row
    let position: Int
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { row.fields.compactMap { Key(stringValue: $0.name) } }

    func contains(_ key: Key) -> Bool { row.table.columnIndex(key.stringValue) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { try value(key).isNull }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try ValueDecoder(value: try value(key), column: key.stringValue, row: position).decode(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw Diagnostic.valueDecoding(column: key.stringValue, row: position, found: try value(key), expected: "a nested type")
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw Diagnostic.valueDecoding(column: key.stringValue, row: position, found: try value(key), expected: "an array")
    }

    func superDecoder() throws -> any Decoder { RowDecoder(row: row, position: position) }
    func superDecoder(forKey key: Key) throws -> any Decoder { RowDecoder(row: row, position: position) }

    private func value(_ key: Key) throws -> Value {
        guard let column = row.table.columnIndex(key.stringValue) else {
            throw Diagnostic.missingColumn(key.stringValue, available: row.fields.map(\.name))
        }
        return row[column]
    }
}

/// One value of a row as a Swift value; also the single-value decoder of types that wrap one
/// (`struct Country: Decodable { let name: String }` with a single-value `init(from:)`, or a
/// `RawRepresentable` enum).
struct ValueDecoder: Decoder, SingleValueDecodingContainer {
    let value: Value
    let column: String
    let row: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == Value.self { return value as! T }
        if T.self == LocalDate.self {
            guard case .date(let date) = value else { throw mismatch("a date") }
            return date as! T
        }
        if let integer = T.self as? any FixedWidthInteger.Type { return try decodeInteger(integer) as! T }
        return try T(from: self)
    }

    func decodeNil() -> Bool { value.isNull }

    func decode(_ type: String.Type) throws -> String {
        guard case .string(let text) = value else { throw mismatch("a string") }
        return text
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard case .boolean(let truth) = value else { throw mismatch("a boolean") }
        return truth
    }

    func decode(_ type: Double.Type) throws -> Double {
        guard let number = value.doubleValue else { throw mismatch("a number") }
        return number
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

    func decode(_ type: Int.Type) throws -> Int { try decodeInteger(Int.self) as! Int }
    func decode(_ type: Int8.Type) throws -> Int8 { try decodeInteger(Int8.self) as! Int8 }
    func decode(_ type: Int16.Type) throws -> Int16 { try decodeInteger(Int16.self) as! Int16 }
    func decode(_ type: Int32.Type) throws -> Int32 { try decodeInteger(Int32.self) as! Int32 }
    func decode(_ type: Int64.Type) throws -> Int64 { try decodeInteger(Int64.self) as! Int64 }
    func decode(_ type: UInt.Type) throws -> UInt { try decodeInteger(UInt.self) as! UInt }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeInteger(UInt8.self) as! UInt8 }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeInteger(UInt16.self) as! UInt16 }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeInteger(UInt32.self) as! UInt32 }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeInteger(UInt64.self) as! UInt64 }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> { throw mismatch("a nested type") }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw mismatch("an array") }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    /// An integer value in `type`, which it must fit.
    private func decodeInteger(_ type: any FixedWidthInteger.Type) throws -> any FixedWidthInteger {
        guard case .integer(let number) = value else { throw mismatch("an integer") }
        guard let converted = type.init(exactly: number) else { throw mismatch("an integer that fits in \(type)") }
        return converted
    }

    private func mismatch(_ expected: String) -> Diagnostic {
        .valueDecoding(column: column, row: row, found: value, expected: expected)
    }
}
