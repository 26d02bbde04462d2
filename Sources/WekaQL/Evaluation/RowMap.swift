// How the rows of one table come from the rows of another: a list of source rows per row, or, for a
// grouping, each input row's group as the grouping left it — so that asking for lineage costs a grouping
// nothing but keeping its group numbers, and only the groups a result keeps are ever spelled out.

/// Rows of one table mapped to rows of another.
struct RowMap: Sendable {
    private enum Storage: Sendable {
        /// Row `i` comes from `rows[offsets[i]..<offsets[i + 1]]`.
        case lists(offsets: [Int32], rows: [Int32])
        /// Row `i` comes from the input rows whose group is `order[i]` (`order` nil: group `i`).
        case groups(GroupAssignment, order: [Int32]?)
    }

    private let storage: Storage
    /// The number of rows mapped (of the output table).
    let count: Int

    /// Each row from exactly one row: `sources[i]`.
    init(oneToOne sources: [Int32]) {
        self.init(offsets: Array(0...Int32(sources.count)), rows: sources)
    }

    init(offsets: [Int32], rows: [Int32]) {
        storage = .lists(offsets: offsets, rows: rows)
        count = offsets.count - 1
    }

    /// Output row `i` comes from the rows of group `outputOrder[i]` (`outputOrder` nil: of group `i`).
    init(_ groups: GroupAssignment, outputOrder: [Int32]?) {
        storage = .groups(groups, order: outputOrder)
        count = outputOrder?.count ?? groups.count
    }

    /// Groups given as each input row's group (`groupOf[k]` for the k-th of `inputRows`), `-1` for none.
    init(groups count: Int, groupOf: [Int32], inputRows: [Int32]?, outputOrder: [Int32]?) {
        self.init(GroupAssignment(count: count, groupOf: groupOf, inputRows: inputRows), outputOrder: outputOrder)
    }

    /// The source rows of every row of `traced`, each tagged as the row it comes from; a tag's rows stay
    /// together and in the order of `traced`, so that rows given in tag order give their sources in tag order.
    func follow(_ traced: Traced) -> Traced {
        switch storage {
        case .lists(let offsets, let rows):
            var out = Traced(capacity: traced.count)
            for (row, tag) in zip(traced.rows, traced.tags) {
                let range = Int(offsets[Int(row)])..<Int(offsets[Int(row) + 1])
                out.rows += rows[range]
                out.tags.append(contentsOf: repeatElement(tag, count: range.count))
            }
            return out
        case .groups(let groups, let order):
            let asked = order.map { order in traced.rows.map { order[Int($0)] } } ?? traced.rows
            return groups.follow(asked, tags: traced.tags)
        }
    }

    /// Calls `body` with each (row, source row) pair: each row's sources in input order, the rows in any order.
    func forEachPair(_ body: (Int32, Int32) -> Void) {
        switch storage {
        case .lists(let offsets, let rows):
            for row in 0..<count {
                for source in rows[Int(offsets[row])..<Int(offsets[row + 1])] { body(Int32(row), source) }
            }
        case .groups(let groups, let order):
            var rowOfGroup = [Int32](repeating: -1, count: groups.count)
            for row in 0..<count { rowOfGroup[Int(order?[row] ?? Int32(row))] = Int32(row) }
            groups.forEachRow { group, source in
                let row = rowOfGroup[Int(group)]
                if row >= 0 { body(row, source) }
            }
        }
    }

    /// The map as a list of source rows per row (spelling out every group).
    var lists: (offsets: [Int32], rows: [Int32]) {
        if case .lists(let offsets, let rows) = storage { return (offsets, rows) }
        var sizes = [Int32](repeating: 0, count: count)
        forEachPair { row, _ in sizes[Int(row)] += 1 }
        var offsets = [Int32](repeating: 0, count: count + 1)
        for row in 0..<count { offsets[row + 1] = offsets[row] + sizes[row] }
        var filled = Array(offsets.dropLast())
        var rows = [Int32](repeating: 0, count: Int(offsets[count]))
        forEachPair { row, source in
            rows[Int(filled[Int(row)])] = source
            filled[Int(row)] += 1
        }
        return (offsets, rows)
    }
}

/// Each input row's group, as a grouping assigns them: the rows of group `g` are the input rows whose
/// entry is `g`, in input order.
struct GroupAssignment: Sendable {
    /// The number of groups.
    var count: Int
    /// The group of the k-th input row; `nil`: every input row is in group 0; `-1`: in none.
    var groupOf: [Int32]?
    /// The input rows (rows of the input table), in order; `nil`: all of them, `0..<inputCount`.
    var inputRows: [Int32]?
    var inputCount: Int

    init(count: Int, groupOf: [Int32]?, inputRows: [Int32]?, inputCount: Int? = nil) {
        self.count = count
        self.groupOf = groupOf
        self.inputRows = inputRows
        self.inputCount = inputCount ?? inputRows?.count ?? groupOf?.count ?? 0
    }

    /// Calls `body` with each input row that has a group: its group and its row of the input table.
    /// (Over a million rows, once per `why`: the arrays are read through pointers, with no optionals per row.)
    @inline(__always)
    func forEachRow(_ body: (Int32, Int32) -> Void) {
        guard let groupOf else {
            for k in 0..<inputCount { body(0, inputRows?[k] ?? Int32(k)) }
            return
        }
        precondition(groupOf.count >= inputCount && (inputRows?.count ?? inputCount) >= inputCount, "a group for every input row")
        groupOf.withUnsafeBufferPointer { groups in
            guard let inputRows else {
                for k in 0..<inputCount where groups[k] >= 0 { body(groups[k], Int32(k)) }
                return
            }
            inputRows.withUnsafeBufferPointer { rows in
                for k in 0..<inputCount where groups[k] >= 0 { body(groups[k], rows[k]) }
            }
        }
    }

    /// The rows of `groups[j]`, tagged `tags[j]`, for every j in order: one pass over the input rows,
    /// keeping only the rows of the groups asked for (a group of 150,000 rows of a million: the pass is
    /// most of the cost, so it does no more than look each row's group up).
    func follow(_ groups: [Int32], tags: [Int32]) -> Traced {
        precondition(groups.allSatisfy { $0 >= 0 && Int($0) < count }, "groups asked are groups")
        // The asks of each group, chained: a group is usually asked once.
        var firstAsk = [Int32](repeating: -1, count: count)
        var nextAsk = [Int32](repeating: -1, count: groups.count)
        for (ask, group) in groups.enumerated().reversed() {
            nextAsk[ask] = firstAsk[Int(group)]
            firstAsk[Int(group)] = Int32(ask)
        }
        let (hitRows, hitAsks) = rowsOfAskedGroups(firstAsk)
        let askedOnce = nextAsk.allSatisfy { $0 < 0 }
        if askedOnce && !zip(hitAsks, hitAsks.dropFirst()).contains(where: { $0 > $1 }) {
            return Traced(rows: hitRows, tags: hitAsks.map { tags[Int($0)] })   // in order of ask already: one group asked, say
        }
        return inOrderOfAsk(hitRows, firstAsks: hitAsks, groups: groups, tags: tags, nextAsk: nextAsk)
    }

    /// Each input row of a group with an ask in `firstAsk` (rows of the input table), with that ask, in
    /// input order: a loop of its own over the group numbers, as a closure called per row (`forEachRow`'s)
    /// was most of the pass over a million of them.
    private func rowsOfAskedGroups(_ firstAsk: [Int32]) -> (rows: [Int32], asks: [Int32]) {
        var rows: [Int32] = [], asks: [Int32] = []
        guard let groupOf else {   // every input row in group 0
            guard count > 0, firstAsk[0] >= 0 else { return (rows, asks) }
            rows = inputRows.map { Array($0.prefix(inputCount)) } ?? Array(0..<Int32(inputCount))
            return (rows, Array(repeating: firstAsk[0], count: rows.count))
        }
        precondition(groupOf.count >= inputCount && (inputRows?.count ?? inputCount) >= inputCount, "a group for every input row")
        groupOf.withUnsafeBufferPointer { groups in
            firstAsk.withUnsafeBufferPointer { firstAsk in
                for k in 0..<inputCount where groups[k] >= 0 && firstAsk[Int(groups[k])] >= 0 {
                    rows.append(Int32(k))   // a position among the input rows; made a row of the table below
                    asks.append(firstAsk[Int(groups[k])])
                }
            }
        }
        if let inputRows { rows = rows.map { inputRows[Int($0)] } }
        return (rows, asks)
    }

    /// `rows` put in order of ask (a counting sort, keeping input order within an ask), a row going to
    /// every ask of its group: `firstAsks` has the first, `nextAsk` chains the others.
    private func inOrderOfAsk(_ rows: [Int32], firstAsks: [Int32], groups: [Int32], tags: [Int32], nextAsk: [Int32]) -> Traced {
        var groupSizes = [Int](repeating: 0, count: count)
        for ask in firstAsks { groupSizes[Int(groups[Int(ask)])] += 1 }
        let sizes = groups.map { groupSizes[Int($0)] }   // of each ask's group, in rows
        var cursor = [Int](repeating: 0, count: groups.count)
        var total = 0
        for ask in groups.indices {
            cursor[ask] = total
            total += sizes[ask]
        }
        var out = Traced(rows: [Int32](repeating: 0, count: total), tags: [Int32](repeating: 0, count: total))
        for (ask, tag) in tags.enumerated() {
            for i in cursor[ask]..<cursor[ask] + sizes[ask] { out.tags[i] = tag }
        }
        for (row, first) in zip(rows, firstAsks) {
            var ask = Int(first)
            while ask >= 0 {
                out.rows[cursor[ask]] = row
                cursor[ask] += 1
                ask = Int(nextAsk[ask])
            }
        }
        return out
    }
}

/// Rows being followed back through the stages, each with the tag of the result row it stands for.
struct Traced {
    var rows: [Int32] = []
    var tags: [Int32] = []

    var count: Int { rows.count }

    init(rows: [Int32], tags: [Int32]) {
        self.rows = rows
        self.tags = tags
    }

    init(capacity: Int) {
        rows.reserveCapacity(capacity)
        tags.reserveCapacity(capacity)
    }

    /// Each row mapped by `transform`, with its tag; a row mapped to `nil` is left out.
    func compactMap(_ transform: (Int32) -> Int32?) -> Traced {
        var out = Traced(capacity: count)
        for (row, tag) in zip(rows, tags) {
            if let mapped = transform(row) {
                out.rows.append(mapped)
                out.tags.append(tag)
            }
        }
        return out
    }
}
