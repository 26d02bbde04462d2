// The catalogue's messages of the public API's own checks (prepare, sql, Table(columns:rows:), the SQL
// functions of a database connection) and of the C API and the command's options, which reach them
// as `package` constructors. The codes are declared with the others in Diagnostic+Catalogue.swift.

extension Diagnostic {
    // MARK: - Engine

    static func notOneQuery(statements: Int, file: SourceFile) -> Diagnostic {
        Diagnostic(code: .notOneQuery, message: "prepare needs exactly one query (not a let), found \(statements) statements",
                   file: file)
    }

    static func noQueryToCompile(file: SourceFile) -> Diagnostic {
        Diagnostic(code: .notOneQuery, message: "no query to compile (only let statements)", file: file)
    }

    /// Parameter values that could not be bound, for a reason that is no diagnostic of its own.
    static func badParameterValues() -> Diagnostic {
        Diagnostic(code: .parameterType, message: "bad parameter values")
    }

    // MARK: - Tables made from Swift values

    static func rowWidth(row: Int, values: Int, columns: Int) -> Diagnostic {
        Diagnostic(code: .invalidArgument, message: "row \(row) has \(values) values for \(columns) columns")
    }

    static func mixedColumn(_ name: String, _ type: ValueType, _ other: ValueType, row: Int) -> Diagnostic {
        Diagnostic(code: .typeMismatch, message: "column \"\(name)\" mixes \(type.rawValue) and \(other.rawValue) values (row \(row))")
    }

    // MARK: - SQL functions on a database connection

    static func invalidRegexPattern(_ pattern: String, range: SourceRange?) -> Diagnostic {
        Diagnostic(code: .invalidRegex, message: "invalid regular expression \(quoted(pattern))", range: range)
    }

    /// A function called by the database failed with `error`, which is no diagnostic.
    static func functionFailed(_ error: any Error, range: SourceRange?) -> Diagnostic {
        Diagnostic(code: .invalidArgument, message: "\(error)", range: range)
    }

    // MARK: - The C API and the command

    package static func unknownFormat(_ name: String) -> Diagnostic {
        Diagnostic(code: .badLoadOption, message: "unknown format \(quoted(name))",
                   hints: ["formats: " + LoadOptions.Format.allCases.map(\.rawValue).joined(separator: ", ")])
    }

    package static func notADateParameter(_ name: String) -> Diagnostic {
        Diagnostic(code: .parameterType, message: "$\(name): not a date in the form YYYY-MM-DD")
    }

    package static func badParameterOption(_ name: String, _ text: String, expected type: ValueType) -> Diagnostic {
        Diagnostic(code: .parameterType, message: "--param \(name)=\(text): expected \(type.rawValue)")
    }

    package static func dotCommandInTest(_ line: String) -> Diagnostic {
        Diagnostic(code: .command, message: "wekaql test runs statements, not dot-commands: \(line)")
    }
}
