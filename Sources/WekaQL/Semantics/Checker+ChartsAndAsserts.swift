// The checker's rules for `chart` (which columns it draws, chosen as KQL's `render` does when not
// given) and for `assert` (the shape its query must have).

extension Checker {
    /// The most bins a `hist` may have: more would not fit any screen.
    static let maximumBins: Int64 = 200

    /// Checks `chart …` against the fields of the rows it draws.
    func checkChart(_ clause: ChartClause, fields: [Field], _ resolver: FieldResolver, range: SourceRange) throws -> ChartSpec {
        guard let kind = ChartKind(rawValue: clause.kind.text.lowercased()) else {
            throw Diagnostic.unknownChartKind(clause.kind.text, range: clause.kind.range)
        }
        try checkChartOptions(clause, kind: kind)
        var spec = ChartSpec(kind: kind, title: clause.title, bins: clause.bins.map { Int($0.count) })
        if kind == .hist {
            let binned = try clause.x.map { try numericColumn($0, resolver) } ?? fields.firstIndex { $0.type.isNumeric }
            guard let binned else { throw Diagnostic.nothingToChart("no numeric column to bin", range: range) }
            spec.labels = fields[binned].name
            return spec
        }
        let labels = try clause.x.map { try resolver.resolve($0) }
            ?? (kind == .spark ? nil : fields.firstIndex { $0.type == .string })
        let split = try clause.by.map { try resolver.resolve($0) }
        var series = try clause.y.map { try numericColumn($0, resolver) }
        if series.isEmpty {
            series = fields.indices.filter { fields[$0].type.isNumeric && $0 != labels && $0 != split }
            if split != nil { series = Array(series.prefix(1)) }
        }
        guard !series.isEmpty else {
            throw Diagnostic.nothingToChart("no numeric column to draw", range: range,
                                            columns: fields.map { "\($0.name) (\($0.type.rawValue))" })
        }
        if split != nil, series.count > 1, let by = clause.by {
            throw Diagnostic.chartOption("\"by\" splits one series: give one field as y", range: by.range)
        }
        spec.labels = labels.map { fields[$0].name }
        spec.series = series.map { fields[$0].name }
        spec.splitBy = split.map { fields[$0].name }
        return spec
    }

    /// The options that only some kinds take.
    private func checkChartOptions(_ clause: ChartClause, kind: ChartKind) throws {
        if let repeated = clause.repeated {
            throw Diagnostic.chartOption("\"\(repeated.text)\" is given twice", range: repeated.range)
        }
        if let bins = clause.bins {
            guard kind == .hist else { throw Diagnostic.chartOption("\"bins\" is an option of hist", range: bins.range) }
            guard (1...Self.maximumBins).contains(bins.count) else {
                throw Diagnostic.chartOption("bins must be from 1 to \(Self.maximumBins)", range: bins.range)
            }
        }
        if kind == .hist, let y = clause.y.first {
            throw Diagnostic.chartOption("hist counts the rows in each bin: give the values to bin as x, not y", range: y.range)
        }
        if kind == .hist, let by = clause.by {
            throw Diagnostic.chartOption("hist draws one series: \"by\" does not apply", range: by.range)
        }
    }

    private func numericColumn(_ name: Name, _ resolver: FieldResolver) throws -> Int {
        let column = try resolver.resolve(name)
        let type = resolver.fields[column].type
        guard type.isNumeric else { throw Diagnostic.chartNotNumeric(name.text, type: type, range: name.range) }
        return column
    }

    /// An `assert` without `is empty` reads one boolean column: the rows say whether it holds.
    func checkAssertion(_ assertion: Assertion, fields: [Field], range: SourceRange) throws -> AssertionPlan {
        if !assertion.expectsEmpty {
            guard fields.count == 1, fields[0].type == .boolean || fields[0].type == .null else {
                throw Diagnostic.assertionShape(fields: fields, range: assertion.query.range)
            }
        }
        return AssertionPlan(expectsEmpty: assertion.expectsEmpty, message: assertion.message, range: range)
    }
}

/// A checked `assert`.
struct AssertionPlan: Sendable {
    var expectsEmpty: Bool
    var message: String?
    var range: SourceRange
}
