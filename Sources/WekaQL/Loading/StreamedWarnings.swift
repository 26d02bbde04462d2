// Warnings a streamed read finds that loading the file whole gives once, as it loads: rows `bad_rows=skip`
// left out of a CSV file, a JSON lines field that mixes kinds of value. A streamed statement gives each
// once per opened file, as the load would, however many statements of a script stream over it.

/// A chunked source whose reading finds warnings the eager load gives.
protocol StreamedWarnings {
    /// The warnings found so far and not given before; each is given once.
    func takeWarnings() -> [Diagnostic]
}

extension CSVChunks: StreamedWarnings {
    func takeWarnings() -> [Diagnostic] {
        guard let warning = skippedRowsWarning else { return [] }
        return warningGiven.withLock { given in
            defer { given = true }
            return given ? [] : [warning]
        }
    }
}

/// The W0506 warnings of a JSON lines file's streamed reads: by field, those found and whether given.
final class MixedTypeWarnings: Sendable {
    private let found = Locked<[String: Diagnostic?]>([:])
    private let given = Locked<Set<String>>([])

    /// Whether `field` was looked at already (it is marked looked at).
    func isNew(_ field: String) -> Bool {
        found.withLock { found in
            defer { if found[field] == nil { found[field] = .some(nil) } }
            return found[field] == nil
        }
    }

    func record(_ field: String, _ warning: Diagnostic?) { found.withLock { $0[field] = .some(warning) } }

    func take() -> [Diagnostic] {
        let all = found.withLock { $0 }
        return given.withLock { given in
            all.keys.sorted().compactMap { field in
                guard let warning = all[field] ?? nil, given.insert(field).inserted else { return nil }
                return warning
            }
        }
    }
}

extension JSONLinesChunks: StreamedWarnings {
    func takeWarnings() -> [Diagnostic] { mixedTypes.take() }

    /// Notes the W0506 loading the whole file gives for field `name`, when a chunk showed that it mixes
    /// kinds (its own load warned, or its numbers are read as the text of a text field): the field is read
    /// from the whole file once, for the row the warning names.
    func noteMixedKinds(in table: Table, loader: JSONLoader, columns: [Int]) {
        for column in columns {
            let name = fields[column].name
            guard let position = table.fields.firstIndex(where: { $0.name == name }) else { continue }
            let chunkType = table.fields[position].type
            let numbersAsText = fields[column].type == .string && [.integer, .decimal, .float, .boolean].contains(chunkType)
            let warned = loader.warnings.contains { $0.code == .mixedTypes && Self.warning($0, isAbout: name, collection: collection, path: path) }
            guard numbersAsText || warned, mixedTypes.isNew(name) else { continue }
            var whole = JSONLoader(path: path, bytes: file.bytes)
            _ = try? whole.loadLines(name: collection, selection: ColumnSelection(names: [name]))
            mixedTypes.record(name, whole.warnings.first { $0.code == .mixedTypes && Self.warning($0, isAbout: name, collection: collection, path: path) })
        }
    }

    /// Whether a W0506 names field `name` (its message up to the row, which differs between a chunk and the file).
    private static func warning(_ warning: Diagnostic, isAbout name: String, collection: String, path: String) -> Bool {
        let one = Diagnostic.mixedTypes(column: name, collection: collection, row: 1, path: path).message
        let two = Diagnostic.mixedTypes(column: name, collection: collection, row: 2, path: path).message
        let common = zip(one, two).prefix { $0 == $1 }.count
        return warning.message.hasPrefix(one.prefix(common))
    }
}
