// The `.help windows` and `.help pivot` topics.

extension HelpText {
    static let windows = """
      FUNCTION(…) over ([by KEY, …] [sort by EXPR [asc|desc], …])
      in extend and select.
      FUNCTION: an aggregate (sum, count, avg, min, max, median, …), or
        row_number()  1, 2, 3 … in the partition's order
        rank()        1 + the rows before the row's peers (ties share: 1, 1, 3)
        dense_rank()  ties share, no gaps (1, 1, 2)
        lag(x[, n])   x of the row n before (1 by default), null before the first
        lead(x[, n])  x of the row n after
      by: the rows with equal keys form a partition (without it, all the rows).
      sort by: the order in the partition; rows equal on it are peers. With it, an
      aggregate runs from the partition's first row to the current row and its peers
      (a running total); without, it is the whole partition. Nulls sort last and are
      skipped by the aggregates, as in SQL. The rows keep their order.
        arrests count by country | extend share = count / sum(count) over ()
        arrests join countries on country | count by continent, country
          | extend r = rank() over (by continent sort by count desc)
        arrests extend running = sum(arrested) over (sort by country)
    """

    static let pivot = """
      pivot F [in (V, …)] using AGG(EXPR) [by G, …]
        a row per group of G (sorted), a column per value of F: AGG over the group's
        rows with that value (no such row: 0 for count, null for the others).
        With in (…), those columns in that order; without, every value of F found
        (nulls aside), sorted, named when the query runs: then only where, sort by,
        top and limit over the G fields may follow, and let cannot bind it.
          arrests pivot offence in ("human trafficking", "migrant smuggling")
            using count() by country
      unpivot F, … into NAME, VALUE
        the other columns, then a row per field F of each row: its name in NAME, its
        value in VALUE (the fields share a type; a null value makes no row).
          smuggling unpivot migrants, children into measure, people
    """
}
