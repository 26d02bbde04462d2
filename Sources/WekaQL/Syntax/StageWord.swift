// The stages of the language, declared once: the lexer's stage keywords, completion's offers, the
// "unknown stage" hint, the shell's `.help stages` and the editor's hover are all read from this table.

/// A stage as its users meet it: the keywords that start it, the words completion offers, its usage
/// and what it does.
///
/// ``all`` is the one list of stages; ``Keyword/stageStarts`` and ``Vocabulary/stages`` derive from it,
/// and tests hold `Grammar/wekaql.ebnf`'s `stage keyword` rule and the README's stage table to it.
public struct StageWord: Sendable {
    /// The keywords that start the stage: `sort` and `order`; `join`, `left`, `inner`, `full`, `semi`, `anti`.
    public let keywords: [Keyword]
    /// What completion offers for it, in order: `["count", "count by"]`; empty when it offers nothing.
    public let offered: [String]
    /// How it is written, as `.help stages` shows it: `sort by EXPR [asc|desc], …`. Continuation lines
    /// (indented by two more spaces) go on with the usage.
    public let usage: [String]
    /// What it does, one string per line of `.help stages`.
    public let summary: [String]

    /// The stage's name in a message or a list: its first offer, else its first keyword.
    public var name: String { offered.first ?? keywords[0].rawValue }

    init(_ keywords: [Keyword], offers offered: [String], usage: [String], _ summary: [String]) {
        self.keywords = keywords
        self.offered = offered
        self.usage = usage
        self.summary = summary
    }

    init(_ keyword: Keyword, offers offered: [String]? = nil, usage: String, _ summary: String...) {
        self.init([keyword], offers: offered ?? [keyword.rawValue], usage: [usage], summary)
    }

    /// Every stage, in the order completion offers them and `.help stages` lists them.
    public static let all: [StageWord] = [
        StageWord(.where, usage: "where CONDITION", "keep the rows where CONDITION is true"),
        StageWord(.select, usage: "select EXPR [as NAME], …", "choose and compute columns (* for all);",
                  "NAME = EXPR names one too"),
        StageWord(.extend, usage: "extend NAME = EXPR, …", "add columns, keep the others (a NAME that",
                  "exists is replaced in place)"),
        StageWord(.rename, usage: "rename OLD as NEW, …", "rename columns"),
        StageWord(.drop, usage: "drop FIELD, …", "keep every column but these"),
        StageWord([.sort, .order], offers: ["sort by"], usage: ["sort by EXPR [asc|desc], …"], ["order the rows (nulls last)"]),
        StageWord(.top, usage: "top N by EXPR [asc|desc], …", "sort by, then limit N"),
        StageWord(.limit, usage: "limit N [offset M]", "keep N rows"),
        StageWord(.distinct, usage: "distinct [FIELD, …]", "drop repeated rows"),
        StageWord(.count, offers: ["count", "count by"], usage: "count [by KEY, …]", "count rows, by group (KEY: FIELD or",
                  "NAME = EXPR)"),
        StageWord(.summarize, usage: "summarize NAME = EXPR, … [by KEY, …]", "aggregate (.help functions lists them);",
                  "an EXPR may combine aggregates:", "round(sum(a) / sum(b), 2)"),
        StageWord([.join, .left, .inner, .full, .semi, .anti], offers: ["join", "left join", "full join", "semi join", "anti join"],
                  usage: ["[left] join COLLECTION on F [= G]"],
                  ["add matching rows of another collection", "(full, semi, anti joins: .help joins)"]),
        StageWord(.union, offers: ["union", "union distinct"], usage: "union [distinct] SOURCE | (QUERY)",
                  "append rows, columns matched by name"),
        StageWord(.unnest, usage: "unnest FIELD", "a row per element of a list (.help lists)"),
        StageWord([.pivot], offers: ["pivot"], usage: ["pivot F [in (V, …)] using AGG(X)", "  [by G, …]"],
                  ["a row per group of G, a column per value", "of F (.help pivot)"]),
        StageWord(.unpivot, usage: "unpivot F, … into NAME, VALUE", "a row per field F of each row"),
        StageWord(.chart, usage: "chart KIND [x = F] [y = F, …] …", "draw the rows (last stage; .help charts)"),
        // Offered last: `why` ends a query.
        StageWord([.why], offers: ["why", "why not"], usage: ["why | why not CONDITION"],
                  ["last: the input rows behind each row, or", "where the rows of CONDITION were dropped"]),
    ]

    /// The stage that `keyword` starts, if it starts one.
    public static func starting(with keyword: Keyword) -> StageWord? {
        all.first { $0.keywords.contains(keyword) }
    }
}
