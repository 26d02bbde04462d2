// `count by` and `summarize … by` over more rows than the memory budget holds a grouping for: the
// selected rows are partitioned by a hash of their key into spill files (as positions in the selection),
// and each partition, whose groups are all its own, is grouped in memory by ``Grouper``. The groups of
// every partition are then put back in their order of first appearance in the whole selection and ordered
// by their keys, as the in-memory grouping orders them, so the result is the same table: each group folds
// the same rows in the same order (first, last, exact sums and their overflow errors alike).

/// A grouping that spills its rows in partitions to keep within a memory budget.
struct PartitionedGrouper {
    let grouper: Grouper
    let budget: MemoryBudget
    let settings: SpillSettings
    let range: SourceRange?

    /// The most partitions written at once (each has a file open while rows are partitioned).
    static let largestFanOut = 256

    /// The bytes per row the in-memory grouping's state takes (as the evaluator estimates it).
    static func bytesPerRow(keys: Int) -> Int { 4 + 16 * keys }

    /// Whether grouping `rows` rows on `keys` keys in memory would pass `budget`.
    static func needsSpill(rows: Int, keys: Int, budget: MemoryBudget) -> Bool {
        let (estimate, overflow) = rows.multipliedReportingOverflow(by: bytesPerRow(keys: keys))
        return keys > 0 && (overflow || estimate > budget.bytes)
    }

    /// The grouped table, as ``Grouper/aggregate(groups:aggregates:fields:)`` makes it.
    func aggregate(groups: [Int], aggregates: [BoundAggregate], fields: [Field]) throws -> Table {
        let spill = SpillDirectory(stage: "grouping", settings: settings, range: range)
        defer { spill.remove() }
        let relation = grouper.relation
        let perRow = Self.bytesPerRow(keys: groups.count)
        let total = relation.count.multipliedReportingOverflow(by: perRow).partialValue
        let fanOut = min(Self.largestFanOut, max(2, total / max(1, budget.bytes / 2) + 1))
        let partitions = try partition(groups: groups, into: fanOut, spill: spill)
        var tables: [Table] = []
        var firstPositions: [Int] = []
        let rows = relation.rows
        for file in partitions {
            try checkCancelled()
            let positions = try readPositions(file)
            settings.statistics?.track(positions.count * perRow)
            defer { settings.statistics?.track(-positions.count * perRow) }
            let part = Grouper(relation: Relation(relation.table, selection: positions.map { rows[$0] }),
                               compiler: grouper.compiler, cancellation: grouper.cancellation)
            let (table, firsts) = try part.aggregateKeepingFirstPositions(groups: groups, aggregates: aggregates, fields: fields)
            tables.append(table)
            firstPositions += firsts.map { positions[$0] }
        }
        return try ordered(Table.stacking(tables, fields: fields), firstPositions: firstPositions, keyCount: groups.count)
    }

    /// The selection's positions written to `count` spill files by the hash of each row's key.
    private func partition(groups: [Int], into count: Int, spill: SpillDirectory) throws -> [SpillFile] {
        let relation = grouper.relation
        let columns = groups.map { relation.table.columns[$0] }
        let writers = try (0..<count).map { _ in try spill.makeFile() }
        let blockRows = max(16, budget.bytes / 4 / 8 / count)
        var buffers = [[Int64]](repeating: [], count: count)
        settings.statistics?.track(count * blockRows * 8)
        defer { settings.statistics?.track(-count * blockRows * 8) }
        var position = 0
        try relation.forEachRow { row in
            if position & 0xFFFF == 0 { try checkCancelled() }
            var hasher = Hasher()
            for column in columns { hasher.combine(column[row].normalizedForDistinct) }
            let slot = Int(UInt(bitPattern: hasher.finalize()) % UInt(count))
            buffers[slot].append(Int64(position))
            if buffers[slot].count == blockRows {
                try writers[slot].write([Column(storage: .integer(buffers[slot], nulls: []))])
                buffers[slot].removeAll(keepingCapacity: true)
            }
            position += 1
        }
        for slot in 0..<count where !buffers[slot].isEmpty { try writers[slot].write([Column(storage: .integer(buffers[slot], nulls: []))]) }
        return try writers.map { try $0.finish() }
    }

    /// A partition's positions, in selection order.
    private func readPositions(_ file: SpillFile) throws -> [Int] {
        let reader = try file.reader()
        var positions: [Int] = []
        while let columns = try reader.next() {
            try checkCancelled()
            guard case .integer(let values, _) = columns.first?.storage else { continue }
            positions += values.lazy.map { Int($0) }
        }
        return positions
    }

    /// The groups in their order of first appearance, then ordered by their keys (a stable sort), as the
    /// in-memory grouping orders its groups.
    private func ordered(_ table: Table, firstPositions: [Int], keyCount: Int) throws -> Table {
        let appearance = firstPositions.indices.sorted { firstPositions[$0] < firstPositions[$1] }.map { Int32($0) }
        let inAppearance = Relation(table, selection: appearance).materialized()
        let keys = (0..<keyCount).map { (BoundExpression(kind: .column($0), type: table.fields[$0].type, range: SourceRange(0, 0)), descending: false) }
        let order = try Sorter(relation: Relation(inAppearance), compiler: ExpressionCompiler(table: inAppearance, parameters: [:]),
                               cancellation: grouper.cancellation, range: range).sorted(by: keys)
        return Relation(inAppearance, selection: order).materialized()
    }

    private func checkCancelled() throws(Diagnostic) {
        if grouper.cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: range) }
    }
}

extension Grouper {
    /// The grouped table in the order of its keys, with each group's first position in the selection.
    func aggregateKeepingFirstPositions(groups: [Int], aggregates: [BoundAggregate], fields: [Field]) throws -> (Table, [Int]) {
        let assigned = try assignGroups(by: groups)
        var columns = groups.map { relation.table.columns[$0].gathering(assigned.firstRows) }
        for aggregate in aggregates {
            if cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: aggregate.range) }
            columns.append(try fold(aggregate, assigned))
        }
        var firstPositions = [Int](repeating: -1, count: assigned.count)
        if let ids = assigned.ids {
            for (position, id) in ids.enumerated() where firstPositions[Int(id)] < 0 { firstPositions[Int(id)] = position }
        }
        return (Table(fields: fields, columns: columns, rowCount: assigned.count), firstPositions)
    }
}
