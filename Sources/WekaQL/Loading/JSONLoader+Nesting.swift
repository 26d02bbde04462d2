// Nested JSON: an object field flattens into dotted fields (`address.city`), an array of scalars loads as
// a list, and anything deeper (arrays of objects or of arrays, arrays mixing kinds) stays JSON text with
// warning W0514. No value is changed: a field is a list or flattened only when every value fits.

extension JSONLoader {
    /// The columns with every object column replaced by its fields, named `parent.key`, in first-seen
    /// key order (a null or missing object makes them null). A column is flattened only when every
    /// value is an object or null and its fields' names are free; otherwise it stays as it is.
    /// Only the columns `keeping` accepts are returned (and warned about); `alsoTaken` are names of columns
    /// not passed in (not loaded) that a field may not take.
    mutating func flattened(names: [String], cells: [[JSON]], collection: String, alsoTaken: Set<String> = [],
                            keeping: (String) -> Bool = { _ in true }) -> (names: [String], cells: [[JSON]]) {
        var taken = Set(names).union(alsoTaken)
        var outNames: [String] = [], outCells: [[JSON]] = []
        var queue = Array(zip(names, cells))
        var index = 0
        while index < queue.count {
            let (name, column) = queue[index]
            index += 1
            guard let fields = Self.objectFields(column), !fields.isEmpty else {
                guard keeping(name) else { continue }
                outNames.append(name)
                outCells.append(column)
                continue
            }
            let childNames = fields.map { name + "." + $0.key }
            if let clash = childNames.first(where: { taken.contains($0) }) ?? Self.firstDuplicate(childNames) {
                guard keeping(name) else { continue }
                let row = column.firstIndex { if case .object = $0 { true } else { false } } ?? 0
                warnings.append(.nestedJSONAsText(column: name, collection: collection, row: row + 1,
                                                  what: "objects whose field \"\(clash)\" is already a field", path: path))
                outNames.append(name)
                outCells.append(column.map { $0.isNull ? .null : .string($0.text) })
                continue
            }
            taken.formUnion(childNames)
            // The children go where the object was, before the columns after it.
            queue.insert(contentsOf: Array(zip(childNames, fields.map(\.values))), at: index)
        }
        return (outNames, outCells)
    }

    /// An object column's fields and each one's values by row; `nil` when a value is neither an object nor null.
    private static func objectFields(_ column: [JSON]) -> [(key: String, values: [JSON])]? {
        var keys: [String] = [], position: [String: Int] = [:]
        var sawObject = false
        for value in column {
            switch value {
            case .null: continue
            case .object(let pairs):
                sawObject = true
                for (key, _) in pairs where position[key] == nil {
                    position[key] = keys.count
                    keys.append(key)
                }
            default: return nil
            }
        }
        guard sawObject else { return nil }
        var values = [[JSON]](repeating: [JSON](repeating: .null, count: column.count), count: keys.count)
        for (row, value) in column.enumerated() {
            guard case .object(let pairs) = value else { continue }
            // A key repeated in one object: the last value wins, as for a row.
            for (key, item) in pairs { values[position[key]!][row] = item }
        }
        return zip(keys, values).map { (key: $0, values: $1) }
    }

    private static func firstDuplicate(_ names: [String]) -> String? {
        var seen = Set<String>()
        return names.first { !seen.insert($0).inserted }
    }

    /// A column whose every value is an array or null, as a list column when every element is a scalar
    /// and the elements have one type (integers and decimals make decimals; strings stay strings, never
    /// dates); else as JSON text, with W0514 saying why. `nil` when a value is no array.
    mutating func listColumn(_ values: [JSON], column: String, collection: String) -> (ValueType, [Value])? {
        var element = ValueType.null
        var sawArray = false
        var problem: (row: Int, what: String)?
        for (row, value) in values.enumerated() {
            guard case .array(let items) = value else {
                if value.isNull { continue }
                return nil
            }
            sawArray = true
            for item in items where problem == nil {
                switch item {
                case .array: problem = (row, "arrays of arrays")
                case .object: problem = (row, "arrays of objects")
                default:
                    guard let unified = element.unified(with: Self.scalarType(item)) else {
                        problem = (row, "arrays that mix kinds of value")
                        break
                    }
                    element = unified
                }
            }
        }
        guard sawArray else { return nil }
        if let problem {
            warnings.append(.nestedJSONAsText(column: column, collection: collection, row: problem.row + 1, what: problem.what, path: path))
            return (.string, values.map { $0.isNull ? .null : .string($0.text) })
        }
        let lists = values.map { value -> Value in
            guard case .array(let items) = value else { return .null }
            return .list(items.map { Self.value($0, as: element) })
        }
        return (.list(of: element), lists)
    }

    private static func scalarType(_ json: JSON) -> ValueType {
        switch json {
        case .boolean: return .boolean
        case .integer: return .integer
        case .decimal: return .decimal
        case .string: return .string
        default: return .null
        }
    }
}

extension JSON {
    var isNull: Bool { if case .null = self { return true } else { return false } }
}
