// Data a tool already holds — a network response, a database export, a test's fixture — loaded with
// the same readers and options as a file.

extension Dataset {
    /// Loads CSV, JSON or JSON lines held in memory as collection `name`, replacing any of that name.
    ///
    /// ```swift
    /// var dataset = Dataset.builtIn
    /// try dataset.load(bytes: Array("case,opened\n007,2022-06-14\n".utf8), name: "cases", format: .csv)
    /// ```
    ///
    /// The rules are those of files (``load(path:options:columns:)``): `007` stays the text `007`, the
    /// delimiter is sniffed unless `options` names one, and `options` gives types, null texts, an
    /// encoding and the rest. A JSON object of arrays is a whole dataset, whose collections keep their
    /// own names; `name` names the others. Errors are placed in `<name>`: `<cases>:3:7: …`.
    ///
    /// - Returns: warnings, as ``load(path:options:columns:)`` gives them.
    /// - Throws: a ``Diagnostic`` naming the line and problem; nothing is added then.
    @discardableResult
    public mutating func load(bytes: [UInt8], name: String, format: LoadOptions.Format,
                              options: LoadOptions = LoadOptions()) throws(Diagnostic) -> [Diagnostic] {
        var options = options
        options.name = name
        options.format = format
        let label = "<\(name)>"
        var bytes = bytes
        if let converted = bytes.withUnsafeBufferPointer(options.encoding.utf8) { bytes = converted }
        var warnings: [Diagnostic] = []
        let loaded = try bytes.withUnsafeBufferPointer { buffer throws(Diagnostic) in
            try Self.load(path: label, bytes: buffer, file: nil, options: options, columns: .all, inFolder: false, warnings: &warnings)
        }
        return warnings + merge(Dataset(collections: loaded), loadedFrom: label)
    }

    /// Loads CSV, JSON or JSON lines text as collection `name`: ``load(bytes:name:format:options:)``
    /// over the text's UTF-8.
    @discardableResult
    public mutating func load(text: String, name: String, format: LoadOptions.Format,
                              options: LoadOptions = LoadOptions()) throws(Diagnostic) -> [Diagnostic] {
        var options = options
        options.encoding = .utf8   // a String is Unicode already
        return try load(bytes: Array(text.utf8), name: name, format: format, options: options)
    }

    /// Adds a collection built from Swift values, replacing any of the same name: the documented way to
    /// hand rows to wekaql.
    ///
    /// ```swift
    /// let table = try Table(columns: ["country", "cases"], rows: [["Togo", 3], ["Niger", nil]])
    /// dataset.add(table, name: "cases", description: "cases we follow")
    /// ```
    ///
    /// Each column's type is the one type of its non-null values (``Table/init(columns:rows:)``).
    public mutating func add(_ table: Table, name: String, description: String = "") {
        add(Collection(name: name, description: description, table: table))
    }
}

extension LoadOptions {
    /// Options from one text of `key=value` pairs separated by commas, as written after the `:` of
    /// `--data PATH:OPTIONS` (`"delim=;,header=false,types=zip:string"`); an empty text gives the defaults.
    ///
    /// - Throws: a ``Diagnostic`` (E0509) naming an unknown key or a value that does not fit.
    public init(parsing text: String) throws(Diagnostic) {
        self.init()
        guard !text.isEmpty else { return }
        guard let pairs = Self.pieces(Substring(text)) else {
            throw Diagnostic.badLoadOption(text, reason: "options are key=value pairs separated by commas")
        }
        for pair in pairs { try set(pair) }
    }
}
