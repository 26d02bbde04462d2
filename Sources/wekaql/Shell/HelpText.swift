// The shell's `.help`: the commands, and short topics on the language and the editing keys.

import WekaQL

enum HelpText {
    static let topics = ["stages", "functions", "operators", "keys", "examples", "charts", "asserts", "lists", "joins", "windows", "pivot"]

    /// The text for `.help TOPIC`, or `nil` for an unknown topic.
    static func text(for topic: String) -> String? {
        let topic = topic.hasPrefix(".") ? String(topic.dropFirst()) : topic.lowercased()
        switch topic {
        case "": return overview
        case "stages": return stages
        case "functions": return functions
        case "operators": return operators
        case "windows": return windows
        case "pivot": return pivot
        case "keys": return keys
        case "examples": return examples
        case "charts": return charts
        case "asserts": return asserts
        case "lists": return lists
        case "joins", "union": return joins
        default:
            return MetaCommand.all.first { $0.name == topic }.map { "\($0.usage)\n  \($0.summary)" }
        }
    }

    static var overview: String {
        let width = MetaCommand.all.map(\.usage.count).max() ?? 0
        let commands = MetaCommand.all.map { "  " + $0.usage + String(repeating: " ", count: width - $0.usage.count + 2) + $0.summary }
        return """
        Type a query and press Enter. A statement that is not complete (an open bracket
        or string, a line ending in |, a comma or an operator) goes on on the next line;
        Ctrl-D there abandons it. Tab completes names, fields, values and file names.
        A statement that starts with a stage refines the last result, which is also the
        name _ in any query: after arrests, type where country = "Togo", then count.
        Dot-commands work in scripts, -e text and standard input too.

        \(commands.joined(separator: "\n"))

        Topics: .help stages, functions, operators, keys, examples, charts, asserts, lists, joins, windows, pivot
        """
    }

    /// The stages, from the library's one list of them (``StageWord/all``), then the statements.
    static var stages: String {
        let lines = StageWord.all.flatMap(entries)
        return (lines + [
            entry("explain QUERY", "a row per stage: rows in and out, time"),
            entry("let NAME = QUERY", "keep a result for later statements"),
            entry("assert QUERY [is empty] [, \"msg\"]", "check the data (.help asserts)"),
            "Stages follow a source, with or without | between them; alone, they refine",
            "the last result.",
        ]).joined(separator: "\n")
    }

    /// The lines of `.help stages` for `stage`: its usage lines beside its summary lines.
    static func entries(of stage: StageWord) -> [String] {
        (0..<max(stage.usage.count, stage.summary.count)).map { line in
            entry(line < stage.usage.count ? stage.usage[line] : "", line < stage.summary.count ? stage.summary[line] : "")
        }
    }

    /// A line of `.help stages`: the usage in a column of 37, then the summary.
    private static func entry(_ usage: String, _ summary: String) -> String {
        let padded = usage + String(repeating: " ", count: max(1, 37 - usage.count))
        return summary.isEmpty ? "  " + usage : "  " + padded + summary
    }

    static var functions: String {
        let functions = Vocabulary.functions.map { "  " + $0.signature }
        let aggregates = Vocabulary.aggregates.map { "  " + $0.signature }
        let windows = Vocabulary.windowFunctions.map { "  " + $0.signature }
        return (["Functions:"] + functions + ["", "Aggregates, in summarize (and with over (…) in extend and select):"] + aggregates
                + ["", "Window functions, in extend and select (.help windows):"] + windows).joined(separator: "\n")
    }

    static let operators = """
      = != < <= > >=        compare (null compared with anything is unknown)
      =~                    equal, ignoring case and accents ("cote d'ivoire")
      contains, starts with, ends with   text tests, ignoring case and accents
      matches "REGEX"       a regular expression
      in (…), not in (…), is null, is not null, between … and …
      and, or, not          combine conditions
      + - * / %             arithmetic (date - date is days; date + n adds days)
      a || b                join text (null if either is null)
      case when C then A [when …] [else B] end    the first branch whose condition is true (if(C, A, B) too)
    """

    static let keys = """
      Tab                   complete a keyword, name, function, value or file
      Up, Down              earlier and later statements (kept in the history file)
      Ctrl-R                search the history
      Ctrl-A, Ctrl-E        start and end of the line; Alt-B, Alt-F by words
      Ctrl-C                drop the line being typed, or cancel the running query
      Ctrl-D                leave wekaql (on an empty line); abandon a statement (on
                            a continuation line)
    History file (private to you, mode 600): $WEKAQL_HISTORY (empty: none), else
    $XDG_STATE_HOME/wekaql/history, else ~/.local/state/wekaql/history.
    ~/.wekaqlrc runs at start. Pager for tall results: $WEKAQL_PAGER or $PAGER.
    """

    static let examples = """
      arrests where country = "Togo"
      arrests | where arrested > 2 | sort by arrested desc | limit 3
      arrests count by offence sort by count desc
      arrests summarize people = sum(arrested), reports = count() by offence
      countries where country =~ "cote d'ivoire"
      arrests join countries on country | count by continent
      let africa = countries where continent = "Africa"; africa count
    """
}

extension HelpText {
    static let joins = """
      [inner] join C on KEY, …   the pairs of rows whose keys are all equal
      left join C on KEY, …      those, and each unmatched left row (nulls on the
                                 right)
      full join C on KEY, …      those, then each unmatched row of C (nulls on the
                                 left)
      semi join C on KEY, …      each left row that has a match (left columns)
      anti join C on KEY, …      each left row that has none (left columns)
    KEY is FIELD (the same name on both sides) or LEFT = RIGHT, joined by , or and:
      arrests join victims on country, nationality
      arrests left join operations on linked_operation = name
    A null key matches nothing. Rows come in left order, each with its matches in
    C's order; a full join's unmatched rows of C come last, in C's order.

      union SOURCE               append the rows of a collection or let name
      union (QUERY)              append the rows of a query
      union distinct …           append, then drop repeated rows
    Columns are matched by name: the left's in order, then the right's new ones,
    null where a side lacks them; an integer column meets a decimal one as a
    decimal, other differing types are an error. union adds a first column,
    collection, naming where each row comes from; union distinct does not.
      arrests union victims union items where country =~ "cote d'ivoire"

      where F in (QUERY)         F is among the values of the query's one column
      where F not in (QUERY)     it is not (none, if a value there is null)
      countries where country not in (arrests select country) select country
    """
}

extension StatementRunner {
    func showHelp(_ topic: String) {
        guard let text = HelpText.text(for: topic) else {
            let suggestion = Vocabulary.nearest(to: topic, in: HelpText.topics + MetaCommand.all.map(\.name))
            return warn(.noHelpTopic(topic, nearest: suggestion, topics: HelpText.topics))
        }
        primary.write(text + "\n")
        primary.flush()
    }
}
