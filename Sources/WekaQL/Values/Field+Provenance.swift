// Where a field's values come from (the built-in data marks each field), its aliases, and its coding.

extension Field {
    /// Where a field's values come from.
    public enum Origin: String, Hashable, Sendable, Codable, CaseIterable {
        /// Stated in the source text (for the built-in data: INTERPOL's press release).
        case release
        /// A standard fact from outside the source, such as an ISO code; ``Field/originNote`` says where from.
        case reference
        /// A judgement, such as a year the source does not give; ``Field/originNote`` says why.
        case inferred
    }

    /// The value `text` stands for when it is one of ``aliases`` (ignoring case and accents), or `nil`.
    public func canonicalValue(forAlias text: String) -> String? {
        guard !aliases.isEmpty else { return nil }
        let folded = Folding.fold(text)
        return aliases.first { Folding.fold($0.key) == folded }?.value
    }
}

/// Fields encode their provenance only when they have one, and decode without it (tables encoded before it).
extension Field: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, type, description, origin, originNote, qualifierField, aliases, releaseTotal
    }

    /// Decodes a field; the provenance keys may be missing.
    /// Untyped throws: `Decodable`'s requirement, which throws the decoder's errors (`DecodingError`).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try c.decode(String.self, forKey: .name), type: try c.decode(ValueType.self, forKey: .type),
                  description: try c.decodeIfPresent(String.self, forKey: .description) ?? "",
                  origin: try c.decodeIfPresent(Origin.self, forKey: .origin),
                  originNote: try c.decodeIfPresent(String.self, forKey: .originNote) ?? "",
                  qualifierField: try c.decodeIfPresent(String.self, forKey: .qualifierField),
                  aliases: try c.decodeIfPresent([String: String].self, forKey: .aliases) ?? [:],
                  releaseTotal: try c.decodeIfPresent(String.self, forKey: .releaseTotal))
    }

    /// Encodes a field, leaving out empty provenance.
    /// Untyped throws: `Encodable`'s requirement, which throws the encoder's errors (`EncodingError`).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(type, forKey: .type)
        try c.encode(description, forKey: .description)
        try c.encodeIfPresent(origin, forKey: .origin)
        if !originNote.isEmpty { try c.encode(originNote, forKey: .originNote) }
        try c.encodeIfPresent(qualifierField, forKey: .qualifierField)
        if !aliases.isEmpty { try c.encode(aliases, forKey: .aliases) }
        try c.encodeIfPresent(releaseTotal, forKey: .releaseTotal)
    }
}
