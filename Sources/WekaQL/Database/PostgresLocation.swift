// How `--db` and `.open` name a PostgreSQL database, and the one way its password is kept out of what
// wekaql shows: every name of a database in messages, `.schema`, the shell's history and notes passes
// through `PostgresLocation.redacted`.

/// Where a PostgreSQL database is: a libpq connection URI (`postgresql://user@host:5432/db`, also
/// `postgres://`), or `postgres:` alone for the one the `PG*` environment variables name.
public enum PostgresLocation {
    /// Whether `text` names a PostgreSQL database rather than a SQLite file.
    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgresql:") || text.hasPrefix("postgres:")
    }

    /// Whether `text` asks for the `PG*` environment variables alone (`postgres:`, `postgresql:`,
    /// `postgresql://`, `postgres://`).
    static func isEnvironment(_ text: String) -> Bool {
        ["postgres:", "postgresql:", "postgres://", "postgresql://"].contains(text)
    }

    /// What libpq is given: the URI, or the empty string (the `PG*` variables and libpq's defaults).
    static func connectionString(_ text: String) -> String {
        isEnvironment(text) ? "" : text
    }

    /// `text` with every password of a PostgreSQL URI or connection string in it replaced by `***`: the
    /// one of the user part (`postgresql://user:SECRET@host`) and any `password=SECRET` parameter.
    public static func redacted(_ text: String) -> String {
        var characters = Array(text)
        redactUserPasswords(&characters)
        redactPasswordParameters(&characters)
        return String(characters)
    }

    private static let hidden: [Character] = ["*", "*", "*"]

    /// `scheme://user:SECRET@…`: from the first `:` after `://` to the last `@` before white space.
    private static func redactUserPasswords(_ characters: inout [Character]) {
        var index = 0
        while index + 2 < characters.count {
            guard characters[index] == ":", characters[index + 1] == "/", characters[index + 2] == "/" else { index += 1; continue }
            let start = index + 3
            var end = start
            while end < characters.count, !characters[end].isWhitespace { end += 1 }
            if let at = characters[start..<end].lastIndex(of: "@"), let colon = characters[start..<at].firstIndex(of: ":") {
                characters.replaceSubrange((colon + 1)..<at, with: hidden)
                index = colon + 1 + hidden.count
            } else {
                index = end
            }
        }
    }

    /// `password=SECRET` (a URI parameter or a key of a connection string, in any case, quoted or not).
    private static func redactPasswordParameters(_ characters: inout [Character]) {
        let key = Array("password")
        var index = 0
        while index + key.count < characters.count {
            let word = characters[index..<(index + key.count)].map { Character($0.lowercased()) }
            let boundary = index == 0 || ["?", "&", ";"].contains(characters[index - 1]) || characters[index - 1].isWhitespace
            guard boundary, word == key else { index += 1; continue }
            var position = index + key.count
            while position < characters.count, characters[position] == " " { position += 1 }
            guard position < characters.count, characters[position] == "=" else { index += 1; continue }
            position += 1
            while position < characters.count, characters[position] == " " { position += 1 }
            var end = position
            if end < characters.count, characters[end] == "'" {
                end += 1
                while end < characters.count, characters[end] != "'" { end += characters[end] == "\\" ? 2 : 1 }
                end = min(end + 1, characters.count)
            } else {
                while end < characters.count, characters[end] != "&", !characters[end].isWhitespace { end += 1 }
            }
            characters.replaceSubrange(position..<end, with: hidden)
            index = position + hidden.count
        }
    }
}
