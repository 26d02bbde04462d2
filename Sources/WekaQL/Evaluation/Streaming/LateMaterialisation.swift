// Late materialisation of whole rows: when a streamed query keeps whole rows through filters only
// (`arrests where id = 5`, `arrests where country = "Togo" sort by arrested limit 10`), each chunk's text
// columns that neither the filters nor the sort read are parsed only for the rows the chunk gives the sink:
// those the filters keep, or of them the first `limit`, or the chunk's first rows under the sort.

extension StreamPlan {
    /// The source columns read only for the rows a chunk keeps: the text columns no filter or sort key
    /// reads, when the row-wise stages are filters (so each chunk's rows are source rows) and the sink
    /// keeps some of them whole. Only text, which any value fits: a value left unread could not have
    /// changed a column's type (see CSVChunks+Late).
    func lateColumns(fields: [Field]) -> [Int] {
        guard prefix.allSatisfy({ if case .filter = $0.stage { true } else { false } }) else { return [] }
        var used = Set<Int>()
        for (stage, _, _) in prefix { if case .filter(let condition, _) = stage { condition.collectColumns(into: &used) } }
        switch sink {
        case .top(let keys, _): keys.forEach { $0.0.collectColumns(into: &used) }
        case .rows, .first: if prefix.isEmpty { return [] }   // every row is kept, or reading stops after the first chunk
        case .aggregate, .distinct, .sorted: return []
        }
        return columns.filter { fields[$0].type == .string && !used.contains($0) }
    }
}

/// Chooses a chunk's rows for the sink and reads their late columns.
struct LateChoice: Sendable {
    let split: StreamPlan.Sink
    let parameters: [String: Value]
    let subqueries: [SubqueryValues]

    init(split: StreamPlan, parameters: [String: Value], subqueries: [SubqueryValues]) {
        self.split = StreamPlan.Sink(split.sink)
        self.parameters = parameters
        self.subqueries = subqueries
    }

    /// `relation`'s rows that can reach the sink's result, in chunk order, with the columns `late` read.
    func completed(_ relation: Relation, late: [Int], reading: LateColumns) throws -> Relation {
        var kept = relation.rows
        switch split {
        case .top(let keys, let keep):
            let compiler = ExpressionCompiler(table: relation.table, parameters: parameters, subqueries: subqueries)
            kept = try Sorter(relation: relation, compiler: compiler).sorted(by: keys, limit: keep).sorted()
        case .first(let keep):
            kept = Array(kept.prefix(keep))
        case .all:
            break
        }
        let read = try reading.read(kept)
        var columns = relation.table.columns
        for (index, column) in columns.enumerated() where !late.contains(index) { columns[index] = column.gathering(kept) }
        for (slot, index) in late.enumerated() { columns[index] = read[slot] }
        return Relation(Table(fields: relation.table.fields, columns: columns, rowCount: kept.count))
    }
}

extension StreamPlan {
    /// What a sink keeps of a chunk's rows, as late materialisation needs it (a Sendable copy of the sink's kind).
    enum Sink: Sendable {
        case top(keys: [(BoundExpression, descending: Bool)], keep: Int)
        case first(keep: Int)
        case all

        init(_ kind: StreamSinkKind) {
            switch kind {
            case .top(let keys, let keep): self = .top(keys: keys, keep: keep)
            case .first(let keep): self = .first(keep: keep)
            default: self = .all
            }
        }
    }
}
