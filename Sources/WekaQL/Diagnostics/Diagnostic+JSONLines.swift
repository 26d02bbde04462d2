// Diagnostics of JSON lines files read a chunk at a time (JSONLinesChunks).

extension Diagnostic {
    /// A key first seen past the lines a streamed JSON lines file's fields were read from: its whole
    /// rows would lack that field.
    static func fieldAfterSample(_ key: String, path: String, bytes: UnsafeBufferPointer<UInt8>, offset: Int) -> Diagnostic {
        .inData(.fieldAfterSample, "field \(quoted(key)) first appears here, past the first \(JSONLinesChunks.sampleLines) lines the fields were read from",
                path: path, bytes: bytes, offset: offset,
                hints: ["name the fields the query needs (select …) rather than whole rows, or load the file whole"])
    }

    /// A dotted field of a JSON lines file's first lines that the whole file does not have: further down,
    /// its object field holds other values (text, a number), so the field stays whole, as JSON text.
    static func sampledFieldGone(_ field: String, path: String) -> Diagnostic {
        Diagnostic(code: .sampledFieldGone,
                   message: "\(path): field \(quoted(field)) of the first \(JSONLinesChunks.sampleLines) lines is not a field of the whole file",
                   hints: ["further down, the object it is part of holds other values, so the object loads as JSON text; query that field instead"])
    }
}
