// `where`: narrows a selection. Conjunctions narrow step by step and disjunctions unite; a predicate on
// one string column is decided once per distinct string (dictionary entry), then applied to the codes by
// table lookup; integer comparisons with a constant and substring tests on plain text columns run as
// loops over the arrays; anything else runs the compiled closure.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

struct Filter {
    let relation: Relation
    let compiler: ExpressionCompiler
    let cancellation: CancellationToken?

    /// The selected rows for which `condition` is true, in order.
    func apply(_ condition: BoundExpression) throws -> [Int32] {
        try select(condition, from: relation.selection)
    }

    private func select(_ condition: BoundExpression, from selection: [Int32]?) throws -> [Int32] {
        if case .logical(.and, let a, let b) = condition.kind {
            return try select(b, from: try select(a, from: selection))
        }
        if case .logical(.or, let a, let b) = condition.kind {
            return try unite(a, b, in: selection)
        }
        if let lookup = dictionaryLookup(condition, rows: selection?.count ?? relation.table.rowCount) {
            return lookup.0.withUnsafeBufferPointer { codes in
                lookup.1.withUnsafeBufferPointer { truth in scan(selection) { truth[Int(codes[$0]) &+ 1] } }
            }
        }
        if let rows = integerScan(condition, selection) ?? textScan(condition, selection) {
            return rows
        }
        let f = compiler.compile(condition)
        var result: [Int32] = []
        var checked = 0
        try forEach(selection) { row in
            checked += 1
            // Every 1,024 rows: a row can cost a long pattern's size × the text's length (`matches`).
            if checked & 0x3FF == 0, cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: condition.range) }
            if case .boolean(true) = try f(row) { result.append(Int32(row)) }
        }
        return result
    }

    /// Rows where `a` or `b` is true: `b` is only tested on the rows `a` did not keep.
    private func unite(_ a: BoundExpression, _ b: BoundExpression, in selection: [Int32]?) throws -> [Int32] {
        var kept = [Bool](repeating: false, count: relation.table.rowCount)
        for row in try select(a, from: selection) { kept[Int(row)] = true }
        let rest = scan(selection) { !kept[$0] }
        for row in try select(b, from: rest) { kept[Int(row)] = true }
        return scan(selection) { kept[$0] }
    }

    private func forEach(_ selection: [Int32]?, _ body: (Int) throws -> Void) rethrows {
        if let selection { for row in selection { try body(Int(row)) } }
        else { for row in 0..<relation.table.rowCount { try body(row) } }
    }

    /// The selected rows that `keep`; inlined so that each caller's test becomes a plain loop.
    @inline(__always)
    func scan(_ selection: [Int32]?, _ keep: (Int) -> Bool) -> [Int32] {
        var result: [Int32] = []
        if let selection {
            result.reserveCapacity(selection.count / 4)
            for row in selection where keep(Int(row)) { result.append(row) }
        } else {
            for row in 0..<relation.table.rowCount where keep(row) { result.append(Int32(row)) }
        }
        return result
    }

    /// For a condition that reads exactly one column, a string column: its codes, and the truth of
    /// the condition for null (index 0) and for each dictionary entry (index code + 1).
    /// Worth it only when there are fewer distinct strings than rows to test; if deciding an entry
    /// fails (say, a division by zero), the rows are tested one by one so only real rows can fail; so
    /// does a cancellation, which the row loop then reports.
    private func dictionaryLookup(_ condition: BoundExpression, rows: Int) -> ([Int32], [Bool])? {
        guard let column = condition.singleColumn,
              case .string(let codes, let dictionary) = relation.table.columns[column].storage,
              dictionary.values.count < rows else { return nil }
        // Evaluate the condition over a one-column table holding null, then each distinct string.
        var builder = ColumnBuilder(type: .string, capacity: dictionary.values.count + 1)
        builder.appendNull()
        for value in dictionary.values { builder.append(.string(value)) }
        let entries = builder.build()
        var columns = relation.table.columns.map { _ in Column(storage: .null(entries.count)) }
        columns[column] = entries
        let table = Table(fields: relation.table.fields, columns: columns, rowCount: entries.count)
        let f = ExpressionCompiler(table: table, parameters: compiler.parameters, subqueries: compiler.subqueries).compile(condition)
        do {
            let truth = try (0..<entries.count).map { row -> Bool in
                if row & 0x3FF == 0x3FF, cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: condition.range) }
                if case .boolean(true) = try f(row) { return true }
                return false
            }
            return (codes, truth)
        } catch {
            return nil   // no shortcut: the row-by-row filter evaluates again and reports the error on its row
        }
    }

    /// `integer-column op constant`, as a loop over the raw array.
    private func integerScan(_ condition: BoundExpression, _ selection: [Int32]?) -> [Int32]? {
        guard case .comparison(let op, let a, let b) = condition.kind,
              case .column(let c) = a.kind, case .integer(let values, let nulls) = relation.table.columns[c].storage else { return nil }
        let constant: Int64
        switch b.kind {
        case .literal(.integer(let i)): constant = i
        case .parameter(let name):
            guard case .integer(let i)? = compiler.parameters[name] else { return nil }
            constant = i
        default: return nil
        }
        return values.withUnsafeBufferPointer { v in
            nulls.withUnsafeBufferPointer { n in
                let noNulls = n.isEmpty
                switch op {
                case .equal: return scan(selection) { (noNulls || !n[$0]) && v[$0] == constant }
                case .notEqual: return scan(selection) { (noNulls || !n[$0]) && v[$0] != constant }
                case .less: return scan(selection) { (noNulls || !n[$0]) && v[$0] < constant }
                case .lessEqual: return scan(selection) { (noNulls || !n[$0]) && v[$0] <= constant }
                case .greater: return scan(selection) { (noNulls || !n[$0]) && v[$0] > constant }
                default: return scan(selection) { (noNulls || !n[$0]) && v[$0] >= constant }
                }
            }
        }
    }
}

extension Filter {
    /// `matches "literal"`, `contains`, `starts with` and `ends with` a constant on a plain text column,
    /// on the bytes: case-sensitive literals by `memchr` and `memcmp`; case-insensitive ones by
    /// lower-casing ASCII rows (rows with other characters are folded as strings).
    func textScan(_ condition: BoundExpression, _ selection: [Int32]?) -> [Int32]? {
        let subject: BoundExpression, needle: [UInt8], op: BinaryOperator
        switch condition.kind {
        case .regexMatch(let s, let box):
            guard let literal = box.literal else { return nil }
            (subject, needle, op) = (s, literal, .matches)
        case .textMatch(let o, let s, let pattern) where o != .fuzzyEqual:
            guard case .literal(.string(let text)) = pattern.kind else { return nil }
            (subject, needle, op) = (s, Array(Folding.fold(text).utf8), o)
        default:
            return nil
        }
        guard case .column(let c) = subject.kind, case .text(let text) = relation.table.columns[c].storage else { return nil }
        let folded = op != .matches
        let test = { (bytes: UnsafeBufferPointer<UInt8>) -> Bool in
            folded ? ByteSearch.foldedMatch(op, bytes, needle) : ByteSearch.contains(bytes, needle)
        }
        guard selection.map(isAscending) ?? true else {
            return scan(selection) { row in text.withBytes(at: row) { $0.map(test) ?? false } }
        }
        // Rows in order: test each segment's rows with its buffers in hand.
        var result: [Int32] = []
        var position = 0
        for (index, segment) in text.segments.enumerated() {
            let end = text.starts[index + 1]
            segment.bytes.withUnsafeBufferPointer { bytes in
                segment.offsets.withUnsafeBufferPointer { offsets in
                    let base = text.starts[index]
                    func visit(_ row: Int) {
                        let local = row - base
                        if !segment.nulls.isEmpty && segment.nulls[local] { return }
                        if test(UnsafeBufferPointer(rebasing: bytes[offsets[local]..<offsets[local + 1]])) { result.append(Int32(row)) }
                    }
                    if let selection {
                        while position < selection.count, Int(selection[position]) < end { visit(Int(selection[position])); position += 1 }
                    } else {
                        for row in base..<end { visit(row) }
                    }
                }
            }
        }
        return result
    }

    private func isAscending(_ rows: [Int32]) -> Bool {
        zip(rows, rows.dropFirst()).allSatisfy { $0 < $1 }
    }
}

enum ByteSearch {
    /// `contains`, `starts with` or `ends with` ignoring case and accents; `needle` is already folded.
    /// ASCII rows are compared byte by byte, lower-casing as they go; others are folded as strings.
    static func foldedMatch(_ op: BinaryOperator, _ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard UTF8Validation.isASCII(bytes) else {
            return TextMatch.matches(op, Folding.fold(String(decoding: bytes, as: UTF8.self)), String(decoding: needle, as: UTF8.self))
        }
        let m = needle.count
        guard m <= bytes.count else { return false }
        return needle.withUnsafeBufferPointer { needle in
            func matches(at start: Int) -> Bool {
                for k in 0..<m where lower(bytes[start + k]) != needle[k] { return false }
                return true
            }
            switch op {
            case .startsWith: return matches(at: 0)
            case .endsWith: return matches(at: bytes.count - m)
            default:
                for start in 0...(bytes.count - m) where matches(at: start) { return true }
                return false
            }
        }
    }

    @inline(__always)
    private static func lower(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        needle.withUnsafeBufferPointer { contains(bytes, $0) }
    }

    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        if needle.isEmpty { return true }
        guard bytes.count >= needle.count, let base = bytes.baseAddress else { return false }
        // memchr finds candidates for the first byte; memcmp checks the rest.
        var offset = 0
        let last = bytes.count - needle.count
        while offset <= last {
            guard let hit = memchr(base + offset, Int32(needle[0]), last - offset + 1) else { return false }
            let at = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            if memcmp(base + at, needle.baseAddress!, needle.count) == 0 { return true }
            offset = at + 1
        }
        return false
    }
}

extension BoundExpression {
    /// The one column this expression reads, if it reads exactly one (and no parameter-free
    /// surprises: literals and parameters are constants).
    var singleColumn: Int? {
        var found: Int?
        var multiple = false
        visitColumns { column in
            if let f = found, f != column { multiple = true }
            found = column
        }
        return multiple ? nil : found
    }

    func visitColumns(_ body: (Int) -> Void) {
        switch kind {
        case .column(let c): body(c)
        case .literal, .parameter: break
        case .negate(let e), .not(let e), .isNull(let e, _), .regexMatch(let e, _), .inSubquery(let e, _, _): e.visitColumns(body)
        case .logical(_, let a, let b), .arithmetic(_, let a, let b), .comparison(_, let a, let b), .textMatch(_, let a, let b),
             .listContains(let a, let b):
            a.visitColumns(body); b.visitColumns(body)
        case .inList(let e, let items, _): e.visitColumns(body); items.forEach { $0.visitColumns(body) }
        case .between(let e, let l, let h, _): e.visitColumns(body); l.visitColumns(body); h.visitColumns(body)
        case .call(_, let arguments): arguments.forEach { $0.visitColumns(body) }
        case .regexExtract(let e, _, let group): e.visitColumns(body); group.visitColumns(body)
        case .conditional(let branches, let otherwise):
            for branch in branches { branch.condition.visitColumns(body); branch.result.visitColumns(body) }
            otherwise?.visitColumns(body)
        }
    }
}
