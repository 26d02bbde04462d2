// The shell's `.help lists`: list values, split, list(), contains and unnest.

extension HelpText {
    static let lists = """
      A list holds scalar values: split(text, separator) makes one, list(x) in
      summarize gathers a group's values (nulls kept, in input order), and a JSON
      array of scalars loads as one. Shown [a, b]; as JSON text in CSV.
      tags contains "x"       whether an element equals "x" exactly (no folding);
                              false for [], null for a null list or value
      length(tags)            the number of elements
      unnest FIELD            a row per element, the other columns repeated; an
                              empty or null list gives no row
      Lists compare element by element (null elements equal, and last), so they
      can be sorted, grouped and made distinct.
      A JSON object field loads as dotted fields: write them `address.city`.
    Examples:
      countries extend words = split(country, " ") | unnest words | count by words
      arrests summarize countries = list(country) by offence
    """
}
