// A statement whose left side streams from an opened file into a join whose output streams (see
// StreamingExecutor+Join): before it runs, the files of its other side are read as for any statement,
// but not the left's file, which it reads a chunk at a time (read whole, its rows would be probed in memory).

extension Engine {
    /// The lazily opened collection `query`'s left side streams from into its join, when nothing else in
    /// it reads that collection (a self-join's right side, a later join or union, an `in (QUERY)`).
    func streamedJoinLeft(_ query: QueryPlan, parameters: [String: Value]) -> String? {
        guard case .collection(let name) = query.source, dataset[name]?.isOpenedLazily == true, query.subqueries.isEmpty,
              let split = JoinStreamSplit.streamedLeft(query), split.tailStreams(dataset, parameters: parameters) else { return nil }
        let readsLeftAgain = query.stages.contains { stage in
            switch stage.stage {
            case .join(let join): return join.right == .collection(name)
            case .union: return true
            default: return false
            }
        }
        return readsLeftAgain ? nil : name
    }

    /// ``readOpenedFiles(for:keepGoing:report:)`` for a statement that streams its left side from the
    /// collection `left`: every other opened file it names is read.
    mutating func readOpenedFiles(for file: SourceFile, exceptLeft left: String, report: (StatementEvent) -> Void) -> Bool {
        let selection = ColumnSelection.usedBy([file])
        var warnings: [Diagnostic] = []
        do {
            _ = try dataset.materializeOpenedFiles(selection, named: { $0 != left && selection.includes($0) }, warnings: &warnings)
        } catch {
            report(.failure(error))
            return false
        }
        warnings.forEach { report(.failure($0)) }
        return true
    }
}
