// The columns a streamed query reads, narrowed to those its reader needs: a join's left side streams
// only its keys and the columns the stages after the join read, not every column of its file (parsing
// the others cost Q6 half its time again).

extension StreamPlan {
    /// Reads, of the source, only the columns the filters name and `outputColumns`, when the row-wise
    /// stages are all filters (their rows are the source's, column for column) and the sink keeps rows:
    /// the reader then reads no other column of the rows, which come with the others null. After a
    /// projection the columns read are already those it names, and nothing changes.
    mutating func readOnly(_ outputColumns: [Int]) {
        guard case .rows = sink, prefix.allSatisfy({ if case .filter = $0.stage { true } else { false } }) else { return }
        var used = Set(outputColumns)
        for (stage, _, _) in prefix { if case .filter(let condition, _) = stage { condition.collectColumns(into: &used) } }
        columns = columns.filter(used.contains)
    }
}
