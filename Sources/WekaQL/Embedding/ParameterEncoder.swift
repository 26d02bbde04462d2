// Parameters from Swift values: the stored properties of an `Encodable` value become `$name` values.

/// Turns an `Encodable` value into query parameters, one per property: `String` to a string, the
/// integer types to an integer, `Double` and `Float` to a float, `Bool` to a boolean, ``LocalDate``
/// to a date, ``Value`` as it is, and `nil` to null.
///
/// ```swift
/// struct Filter: Encodable { var country: String; var least: Int }
/// let rows = try engine.query("arrests where country = $country and arrested >= $least",
///                             with: Filter(country: "Togo", least: 2))
/// ```
public enum ParameterEncoder {
    /// The parameters of `value`, by property name.
    ///
    /// - Throws: a ``Diagnostic`` (E0422) for a property that is not one of the kinds above (an array, a
    ///   nested structure), or for a value that is not a structure with named properties.
    public static func encode(_ value: some Encodable) throws(Diagnostic) -> [String: Value] {
        let encoder = PropertyEncoder()
        try Diagnostic.catching { try value.encode(to: encoder) }
        return encoder.storage.values
    }
}

/// Where the encoded properties go: shared by the encoder and its container, which are values.
final class ParameterStorage {
    var values: [String: Value] = [:]
}

/// The top-level encoder: only a keyed container (the properties) is allowed.
struct PropertyEncoder: Encoder {
    var storage = ParameterStorage()
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(PropertyContainer<Key>(storage: storage))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { RejectingContainer<AnyKey>(property: nil) }
    func singleValueContainer() -> any SingleValueEncodingContainer { RejectingContainer<AnyKey>(property: nil) }
}

/// Each property's value, converted by ``ScalarEncoder``.
struct PropertyContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: ParameterStorage
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { storage.values[key.stringValue] = .null }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        storage.values[key.stringValue] = try ScalarEncoder.value(of: value, property: key.stringValue)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(RejectingContainer<NestedKey>(property: key.stringValue))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { RejectingContainer<AnyKey>(property: key.stringValue) }
    // A superclass's properties are parameters too.
    mutating func superEncoder() -> any Encoder { PropertyEncoder(storage: storage) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { PropertyEncoder(storage: storage) }
}

/// One property as one ``Value``: a scalar, or a type that encodes itself as a single scalar (a
/// `RawRepresentable` enum, a wrapper with a single-value `encode(to:)`).
final class ScalarEncoder: Encoder, SingleValueEncodingContainer {
    let property: String
    var result: Value?
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    private init(property: String) { self.property = property }

    static func value(of value: some Encodable, property: String) throws -> Value {
        if let value = value as? Value { return value }
        if let date = value as? LocalDate { return .date(date) }
        let encoder = ScalarEncoder(property: property)
        try value.encode(to: encoder)
        guard let result = encoder.result else { throw Diagnostic.parameterEncoding(property: property) }
        return result
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(RejectingContainer<Key>(property: property))
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { RejectingContainer<AnyKey>(property: property) }
    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    func encodeNil() { result = .null }
    func encode(_ value: Bool) { result = .boolean(value) }
    func encode(_ value: String) { result = .string(value) }
    func encode(_ value: Double) { result = .float(value) }
    func encode(_ value: Float) { result = .float(Double(value)) }
    func encode(_ value: Int) throws { try integer(value) }
    func encode(_ value: Int8) throws { try integer(value) }
    func encode(_ value: Int16) throws { try integer(value) }
    func encode(_ value: Int32) throws { try integer(value) }
    func encode(_ value: Int64) throws { try integer(value) }
    func encode(_ value: UInt) throws { try integer(value) }
    func encode(_ value: UInt8) throws { try integer(value) }
    func encode(_ value: UInt16) throws { try integer(value) }
    func encode(_ value: UInt32) throws { try integer(value) }
    func encode(_ value: UInt64) throws { try integer(value) }
    func encode<T: Encodable>(_ value: T) throws { result = try Self.value(of: value, property: property) }

    private func integer(_ value: some BinaryInteger) throws {
        guard let number = Int64(exactly: value) else { throw Diagnostic.parameterEncoding(property: property) }
        result = .integer(number)
    }
}

/// A nested structure or an array, which no parameter can hold: every use of it throws, at the first
/// value put in it.
struct RejectingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol, UnkeyedEncodingContainer, SingleValueEncodingContainer {
    let property: String?
    var codingPath: [any CodingKey] { [] }
    var count: Int { 0 }

    init(property: String?) { self.property = property }

    private func reject() -> Diagnostic { .parameterEncoding(property: property) }

    mutating func encodeNil(forKey key: Key) throws { throw reject() }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { throw reject() }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(RejectingContainer<NestedKey>(property: property))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { self }
    mutating func superEncoder() -> any Encoder { PropertyEncoder() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { PropertyEncoder() }

    mutating func encodeNil() throws { throw reject() }
    mutating func encode<T: Encodable>(_ value: T) throws { throw reject() }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(RejectingContainer<NestedKey>(property: property))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { self }
}

/// The key type of containers that hold no keys.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
