// Dates in Codable types (rows decoded into structures, parameters encoded from them, JSON) as ISO 8601
// text, "2022-06-14", the form wekaql reads and prints.

extension LocalDate: Codable {
    /// Decodes `"YYYY-MM-DD"`.
    /// Untyped throws: `Decodable`'s requirement, which throws the decoder's errors (`DecodingError`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = LocalDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not a date in the form YYYY-MM-DD")
        }
        self = date
    }

    /// Encodes as `"YYYY-MM-DD"`.
    /// Untyped throws: `Encodable`'s requirement, which throws the encoder's errors (`EncodingError`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
