// The tables `why`, `why not` and `explain` answer with: ordinary results, so every output format shows them.

enum LineageTables {
    /// `why`: the result's columns, then `from`, `row` and `source`, one row per (result row, input row)
    /// pair (a result row with no input rows, a count of nothing, has one with nulls). A name the result
    /// already has gets `why_` before it. Built whole, by gathering: a group can have a million rows.
    static func why(result: Table, lineage: QueryLineage, graph: LineageGraph) -> Table {
        let lists = lineage.inputRows(ofResultRows: result.rowCount)
        var resultRows: [Int32] = []
        resultRows.reserveCapacity(lists.rows.count)
        var standsOnNone = false
        for index in 0..<result.rowCount {
            let count = lists.of(index).count
            standsOnNone = standsOnNone || count == 0
            resultRows.append(contentsOf: repeatElement(Int32(index), count: max(count, 1)))
        }
        // A count of no rows stands on none: it is still shown, with nulls.
        let inputs = standsOnNone ? (0..<result.rowCount).flatMap { lists.of($0).isEmpty ? [WhyColumns.none] : Array(lists.of($0)) }
                                  : lists.rows
        let columns = result.columns.map { $0.gathering(resultRows) } + WhyColumns(graph: graph).columns(for: inputs)
        return Table(fields: result.fields + whyFields(after: result.fields), columns: columns, rowCount: resultRows.count)
    }

    /// The fields `why` adds after the result's `fields`.
    static func whyFields(after fields: [Field]) -> [Field] {
        let taken = Set(fields.map(\.name))
        let added = [("from", "the collection the input row is in"),
                     ("row", "the input row: its position (from 1), or for a loaded file its file and line"),
                     ("source", "the input row's source sentence, when its collection has one")]
        return added.map { name, description in
            Field(name: taken.contains(name) ? "why_" + name : name, type: .string, description: description)
        }
    }

    static let whyNotFields = [
        Field(name: "stage", type: .string, description: "the stage as written (first, the source)"),
        Field(name: "matching_in", type: .integer, description: "source rows matching the condition that reach the stage"),
        Field(name: "matching_out", type: .integer, description: "of them, those still in its output"),
        Field(name: "detail", type: .string, description: "what dropped them"),
    ]

    static func whyNot(_ steps: [WhyNotStep]) -> Table {
        Table(fields: whyNotFields, columns: [
            Column(type: .string, values: steps.map { .string($0.stage) }),
            Column(type: .integer, values: steps.map { $0.matchingIn.map { .integer(Int64($0)) } ?? .null }),
            Column(type: .integer, values: steps.map { .integer(Int64($0.matchingOut)) }),
            Column(type: .string, values: steps.map { .string($0.detail) }),
        ], rowCount: steps.count)
    }

    static let explainFields = [
        Field(name: "stage", type: .string, description: "the stage as written (first, the source or the file loaded)"),
        Field(name: "rows_in", type: .integer, description: "rows entering the stage"),
        Field(name: "rows_out", type: .integer, description: "rows leaving it"),
        Field(name: "ms", type: .decimal, description: "milliseconds the stage took"),
        Field(name: "detail", type: .string, description: "what it did: false and null rows, matches, groups, columns read"),
        Field(name: "example", type: .string, description: "a row it dropped, with its source sentence when there is one"),
    ]

    /// `explain`'s table; the two plan stages of a `top` (sort, then limit) are one row.
    static func explain(_ reports: [StageReport]) -> Table {
        var merged: [StageReport] = []
        for report in reports {
            if let range = report.range, let last = merged.last, last.range == range {
                merged[merged.count - 1].rowsOut = report.rowsOut
                merged[merged.count - 1].seconds = (last.seconds ?? 0) + (report.seconds ?? 0)
                if merged[merged.count - 1].example == nil { merged[merged.count - 1].example = report.example }
                if !report.detail.isEmpty { merged[merged.count - 1].detail = report.detail }
                continue
            }
            merged.append(report)
        }
        return Table(fields: explainFields, columns: [
            Column(type: .string, values: merged.map { .string($0.stage) }),
            Column(type: .integer, values: merged.map { $0.rowsIn.map { .integer(Int64($0)) } ?? .null }),
            Column(type: .integer, values: merged.map { .integer(Int64($0.rowsOut)) }),
            Column(type: .decimal, values: merged.map { $0.seconds.map { .decimal(ExactDecimal(units: Int64(($0 * 1_000_000).rounded()), scale: 3)!) } ?? .null }),
            Column(type: .string, values: merged.map { .string($0.detail) }),
            Column(type: .string, values: merged.map { $0.example.map(Value.string) ?? .null }),
        ], rowCount: merged.count)
    }
}
