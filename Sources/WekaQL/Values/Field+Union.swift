// How the provenance of two fields of one name combines when `union` puts their values in one column.

extension Field {
    /// The field of a `union` column made of this field's values and `other`'s, of `type`.
    ///
    /// What both sides say is kept. Where they differ, the column says no more than is true of every
    /// row: the description is dropped, and the hedge field unless one side has none; the origin is the less certain one (an inferred
    /// value among stated ones makes the column inferred, an unknown origin makes it unknown), with both
    /// notes; the aliases of both apply; a release total is kept only when both sides are parts of it.
    func unioned(with other: Field, type: ValueType) -> Field {
        var field = self
        field.type = type
        if description != other.description { field.description = "" }
        // A hedge field of one side is null on the other side's rows, which then carry no hedge.
        field.qualifierField = qualifierField == other.qualifierField || other.qualifierField == nil ? qualifierField
            : qualifierField == nil ? other.qualifierField : nil
        if releaseTotal != other.releaseTotal { field.releaseTotal = nil }
        field.aliases.merge(other.aliases) { mine, _ in mine }
        if origin != other.origin || originNote != other.originNote {
            field.origin = Self.lessCertain(origin, other.origin)
            field.originNote = [originNote, other.originNote].filter { !$0.isEmpty }.joined(separator: "; ")
        }
        return field
    }

    private static func lessCertain(_ a: Origin?, _ b: Origin?) -> Origin? {
        guard let a, let b else { return nil }
        let rank: [Origin: Int] = [.release: 0, .reference: 1, .inferred: 2]
        return rank[a, default: 0] >= rank[b, default: 0] ? a : b
    }
}
