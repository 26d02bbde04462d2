// `--sql DIALECT` and the shell's `.sql` and `.open`: the SQL a query compiles to, and SQLite files opened
// as collections.

import WekaQL

extension StatementRunner {
    /// Prints the SQL of each query of `file`, each statement ended by `;`, its bound values after it as a
    /// comment. Returns whether every query compiled.
    func printSQL(of file: SourceFile, in dialect: SQLDialect) -> Bool {
        guard let parameters = bindParameters(for: file) else { return false }
        if options.keepGoing { return printSQLOfEachQuery(of: file, in: dialect, parameters: parameters) }
        do throws(Diagnostic) {
            for compiled in try engine.sql(for: file, dialect: dialect, parameters: parameters) {
                write(compiled)
            }
            output.flush()
            return true
        } catch {
            report(error)
            return false
        }
    }

    /// `--sql --keep-going`: the SQL of every query that has it, and the error of each that does not.
    private func printSQLOfEachQuery(of file: SourceFile, in dialect: SQLDialect, parameters: [String: Value]) -> Bool {
        let (statements, errors) = engine.sqlOfEachQuery(in: file, dialect: dialect, parameters: parameters)
        for compiled in statements {
            write(compiled)
        }
        output.flush()
        errors.forEach(report)
        return errors.isEmpty
    }

    private func write(_ compiled: CompiledSQL) {
        // Names in the SQL come from the data: on a terminal their control characters show as escapes.
        let text = Self.text(of: compiled)
        output.write(toTerminal && !raw ? text.split(separator: "\n", omittingEmptySubsequences: false).map { DisplayText.escaping(String($0)) }.joined(separator: "\n") : text)
    }

    /// A statement as `--sql` prints it: the text, `;`, and one comment line per bound value.
    static func text(of compiled: CompiledSQL) -> String {
        var text = compiled.text + ";\n"
        for (index, value) in compiled.parameters.enumerated() {
            let shown: String
            if case .string(let s) = value { shown = Vocabulary.literal(s) } else { shown = value.description }
            text += "-- \(placeholder(index + 1, compiled.dialect)) = \(shown)\n"
        }
        return text
    }

    private static func placeholder(_ number: Int, _ dialect: SQLDialect) -> String {
        switch dialect {
        case .sqlite: return "?\(number)"
        case .postgres, .duckdb: return "$\(number)"
        case .spark: return ":p\(number)"
        }
    }

    /// `.sql [DIALECT]`: the SQL of the last statements run (SQLite's by default).
    func showSQL(_ argument: String) {
        let name = argument.isEmpty ? "sqlite" : argument
        guard let dialect = SQLDialect(rawValue: name) else {
            warn(.unknownSQLDialect(name, dialects: SQLDialect.allCases.map(\.name)))
            return
        }
        guard let file = lastStatements else {
            warn(.noStatementForSQL())
            return
        }
        _ = printSQL(of: file, in: dialect)
    }

    /// `.open PATH` or `.open postgresql://…`: a SQLite file's or a PostgreSQL database's tables and views
    /// become collections.
    func openDatabase(_ path: String) {
        guard !path.isEmpty else {
            warn(.openNeedsDatabase())
            return
        }
        do throws(Diagnostic) {
            let opened = try engine.attachDatabase(at: path)
            note("opened \(opened.name): \(opened.collections.joined(separator: ", "))")
        } catch {
            report(error)
        }
    }
}
