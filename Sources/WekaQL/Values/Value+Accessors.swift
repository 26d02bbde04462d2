// Typed reads of values for Swift code that consumes results: `row["arrested"]?.integerValue`.

extension Value {
    /// The text of a string value; `nil` for null and for other kinds (no conversion is made).
    ///
    /// ```swift
    /// for row in table { print(row["country"]?.stringValue ?? "?") }
    /// ```
    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }

    /// The number of an integer value; `nil` for null, decimals and other kinds.
    public var integerValue: Int64? { if case .integer(let i) = self { return i } else { return nil } }

    /// The truth of a boolean value; `nil` for null and other kinds.
    public var booleanValue: Bool? { if case .boolean(let b) = self { return b } else { return nil } }

    /// The day of a date value; `nil` for null and other kinds.
    public var dateValue: LocalDate? { if case .date(let d) = self { return d } else { return nil } }
}

extension Row {
    /// The columns of the row's table, in the order of ``values``.
    public var fields: [Field] { table.fields }
}
