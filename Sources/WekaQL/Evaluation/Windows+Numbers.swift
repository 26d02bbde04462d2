// `row_number()`, `rank()` and `dense_rank()` written straight into an integer column, one pass over the
// window order, instead of a value per row; rows outside the selection are null, as for other windows.

extension WindowEvaluator {
    /// The numbering functions' column; `nil` for the other window functions.
    func numberColumn(_ window: BoundWindow, _ order: WindowOrder) throws -> Column? {
        switch window.computation {
        case .rowNumber, .rank, .denseRank: break
        default: return nil
        }
        let rowCount = relation.table.rowCount
        var numbers = [Int64](repeating: 0, count: rowCount)
        var nulls = order.rows.count == rowCount ? [] : [Bool](repeating: true, count: rowCount)
        let check = CancellationCheck(token: cancellation, range: window.range)
        var first = 0, rank = 0, dense = 0
        for (position, row) in order.rows.enumerated() {
            try check.at(position)
            if order.starts[position] == WindowOrder.partitionStart { first = position; dense = 0 }
            if position == first || order.starts[position] != 0 { rank = position - first + 1; dense += 1 }
            switch window.computation {
            case .rowNumber: numbers[Int(row)] = Int64(position - first + 1)
            case .rank: numbers[Int(row)] = Int64(rank)
            default: numbers[Int(row)] = Int64(dense)
            }
            if !nulls.isEmpty { nulls[Int(row)] = false }
        }
        return Column(storage: .integer(numbers, nulls: nulls))
    }
}
