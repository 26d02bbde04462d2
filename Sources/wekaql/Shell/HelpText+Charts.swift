// The shell's `.help charts` and `.help asserts`.

extension HelpText {
    static let charts = """
      chart KIND [x = FIELD] [y = FIELD, …] [by FIELD] [title "…"] [bins = N]
    The last stage: draws the rows. KIND is bar (horizontal), column, line,
    hist (rows counted in bins of x) or spark (one line of ▁▂▃▄▅▆▇█). Without
    x and y, the labels are the first text column and the series every numeric
    column; by FIELD makes a series per value of FIELD.
      arrests count by offence sort by count desc | chart bar
      arrests chart hist x = arrested bins = 5
      arrests summarize trend = spark(arrested) by offence
    In the terminal, charts use Unicode blocks (--ascii, or a locale that is not
    UTF-8: # and |); nulls are gaps, said under the chart; negatives go left of
    (or below) the axis. .mode svg and .output chart.svg write an SVG file;
    .mode html or .output report.html a page of every table and chart. csv,
    json, jsonl and markdown pass the table through.
    """

    static let asserts = """
      assert QUERY [, "message"]          fails unless the query returns rows whose
                                          one column is true
      assert QUERY is empty [, "message"] fails when the query returns any row
    A failure is an error with its place, showing the first offending rows (and
    their source sentences); a script stops there unless --keep-going, and
    --warn-asserts makes it a warning.
      assert countries count | select (count = 44), "44 countries took part"
      assert arrests where arrested < 0 is empty
    wekaql test FILE.wql… runs scripts as tests: each assert, and each "----"
    block under a statement (its expected output), with a diff when it differs;
    --accept writes the actual output into the blocks.
    """
}
