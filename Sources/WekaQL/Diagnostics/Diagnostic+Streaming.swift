// The messages of streamed evaluation (Engine+Streaming.swift).

extension Diagnostic {
    /// E0370: a streamed file's column holds values of another type far down, and its reader cannot read it again so.
    static func streamedTypeChanged(collection: String, field: String, type: ValueType, range: SourceRange?) -> Diagnostic {
        Diagnostic(code: .streamedTypeChanged,
                   message: "the field \(quoted(field)) of \(quoted(collection)) holds \(type) values far down the file, past the rows its type was read from",
                   range: range, hints: ["give the field its type with the types load option, so no sample decides it"])
    }
}
