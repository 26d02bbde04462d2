// Queries for tools that only read: `let engine = Engine(); try engine.query("arrests count")`, no `var`.

extension Engine {
    /// Runs one query and returns its rows, without changing the engine: the way to ask a question
    /// from a `let` engine, or from many tasks sharing one.
    ///
    /// ```swift
    /// let engine = Engine()
    /// let togo = try engine.query("arrests where country = $c", parameters: ["c": "Togo"])
    /// ```
    ///
    /// A script with `let` statements needs ``run(_:parameters:cancellation:)``, which keeps the
    /// bindings for later statements.
    ///
    /// - Throws: a ``Diagnostic``: a syntax, name, type or runtime error, or E0405 when `source` is not
    ///   exactly one query.
    public func query(_ source: String, parameters: [String: Value] = [:],
                      cancellation: CancellationToken? = nil) throws(Diagnostic) -> Table {
        try prepare(source).run(parameters, cancellation: cancellation)
    }

    /// Runs one query with its parameters taken from an `Encodable` value's properties
    /// (``ParameterEncoder``): `try engine.query("arrests where country = $country", with: filter)`.
    ///
    /// - Throws: a ``Diagnostic`` as ``query(_:parameters:cancellation:)`` does, or E0421 when a property
    ///   has no wekaql value.
    public func query(_ source: String, with parameters: some Encodable,
                      cancellation: CancellationToken? = nil) throws(Diagnostic) -> Table {
        try query(source, parameters: try ParameterEncoder.encode(parameters), cancellation: cancellation)
    }
}

extension PreparedQuery {
    /// Runs the query and decodes each row as a `T` (``Table/decode(_:)``).
    ///
    /// ```swift
    /// let byCountry = try engine.prepare("arrests where country = $c select country, arrested")
    /// let togo = try byCountry.run(as: Arrest.self, ["c": "Togo"])
    /// ```
    ///
    /// - Throws: a ``Diagnostic``: a parameter or runtime error, or E0420/E0421 from decoding.
    public func run<T: Decodable>(as type: T.Type, _ parameters: [String: Value] = [:],
                                  cancellation: CancellationToken? = nil) throws(Diagnostic) -> [T] {
        try run(parameters, cancellation: cancellation).decode(type)
    }
}
