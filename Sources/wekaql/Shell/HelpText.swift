// The shell's `.help`: the commands, and short topics on the language and the editing keys.

import WekaQL

enum HelpText {
    static let topics = ["stages", "functions", "operators", "keys", "examples"]

    /// The text for `.help TOPIC`, or `nil` for an unknown topic.
    static func text(for topic: String) -> String? {
        let topic = topic.hasPrefix(".") ? String(topic.dropFirst()) : topic.lowercased()
        switch topic {
        case "": return overview
        case "stages": return stages
        case "functions": return functions
        case "operators": return operators
        case "keys": return keys
        case "examples": return examples
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

        Topics: .help stages, functions, operators, keys, examples
        """
    }

    static let stages = """
      where CONDITION                      keep the rows where CONDITION is true
      select EXPR [as NAME], …             choose and compute columns (* for all);
                                           NAME = EXPR names one too
      extend NAME = EXPR, …                add columns, keep the others (a NAME that
                                           exists is replaced in place)
      rename OLD as NEW, …                 rename columns
      drop FIELD, …                        keep every column but these
      sort by EXPR [asc|desc], …           order the rows (nulls last)
      top N by EXPR [asc|desc], …          sort by, then limit N
      limit N [offset M]                   keep N rows
      distinct [FIELD, …]                  drop repeated rows
      count [by KEY, …]                    count rows, by group (KEY: FIELD or
                                           NAME = EXPR)
      summarize NAME = EXPR, … [by KEY, …] aggregate (.help functions lists them);
                                           an EXPR may combine aggregates:
                                           round(sum(a) / sum(b), 2)
      [left] join COLLECTION on F [= G]    add matching rows of another collection
      why | why not CONDITION              last: the input rows behind each row, or
                                           where the rows of CONDITION were dropped
      explain QUERY                        a row per stage: rows in and out, time
      let NAME = QUERY                     keep a result for later statements
    Stages follow a source, with or without | between them; alone, they refine
    the last result.
    """

    static var functions: String {
        let functions = Vocabulary.functions.map { "  " + $0.signature }
        let aggregates = Vocabulary.aggregates.map { "  " + $0.signature }
        return (["Functions:"] + functions + ["", "Aggregates, in summarize:"] + aggregates).joined(separator: "\n")
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

extension StatementRunner {
    func showHelp(_ topic: String) {
        guard let text = HelpText.text(for: topic) else {
            let suggestion = Vocabulary.nearest(to: topic, in: HelpText.topics + MetaCommand.all.map(\.name))
            return warn("no help on \"\(topic)\"", hint: suggestion.map { "did you mean .help \($0)?" } ?? "topics: \(HelpText.topics.joined(separator: ", "))")
        }
        primary.write(text + "\n")
        primary.flush()
    }
}
