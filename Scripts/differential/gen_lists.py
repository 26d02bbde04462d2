"""List programs for the differential test (issue 14/15): split, list(), unnest and `contains` on a list,
against DuckDB's string_split, list, unnest and list_contains. Hooked into generator.py's stage choice.

The translation follows wekaql's documented list semantics (README "Lists"), which are DuckDB's:
- `split(text, sep)` is string_split: on the separator's bytes, empty pieces kept (`split("", ",")` is
  `['']`), an empty separator splitting into code points; a null text gives a null list.
- `list(x)` keeps nulls and the input order: `list(x ORDER BY __o)` (DuckDB's own order is unspecified
  without ORDER BY); a group always has a row, and `summarize` without `by` over no rows gives null.
- `unnest FIELD`: a row per element in order, other columns repeated; an empty or null list gives no
  row, a null element a row with null. The SQL unnests the list beside generate_series(1, len) (DuckDB
  zips two unnests of one length) and numbers the rows by (__o, element index).
- `LIST contains V` is list_contains: exact (no folding, unlike text `contains`), null for a null list
  or a null V, false when no element equals V even if one is null. `length(list)` is len.
- A list column is compared whole only in a last stage (JSON arrays against DuckDB's lists): later
  stages of the generator do not know list columns.
"""



def _g():
    # generator.py imports this module; its names are read when a stage is made, after it has loaded.
    import generator
    return generator

KINDS = ["lists"] * 3
SEPARATORS = [",", " ", "a", "", "é", ", ", "o", "ab"]
NEEDLES = ["", "a", "b", "c", "abc", "x", "y", "z", "Phở", "bò", "human", "Togo", "ÉCOLE", "'", "Ivoire", "café"]


def stage(gen, rel, last):
    """One list stage (or two written as one: a stage that makes a list and one that unnests it)."""
    forms = [split_unnest, split_unnest, summarize_list, where_contains, where_length]
    if last:
        forms += [select_lists, select_lists]
    return gen.rng.choice(forms)(gen, rel, last)


def split_of(gen, rel):
    g = _g()
    s = gen.expr(rel, "str", 2)
    sep = gen.rng.choice(SEPARATORS)
    return g.E.join(f"split({s.w}, {g.wq_string(sep)})", f"string_split({s.s}, {g.sql_string(sep)})", "list", [s])


def unnested(gen, rel, name, element_type, tags=()):
    """`unnest name` over rel, whose column `name` is a list: the column keeps its place."""
    g = _g()
    inner = (f'SELECT * EXCLUDE ("{name}"), unnest("{name}") AS "{name}", '
             f'unnest(generate_series(1, len("{name}"))) AS __i FROM {rel.cte}')
    cols = [c if c.name != name else g.Col(name, element_type, tags) for c in rel.cols]
    select = ", ".join(f'"{c.name}"' for c in cols)
    cte = gen.new_cte(f"SELECT {select}, row_number() OVER (ORDER BY __o, __i) AS __o FROM ({inner})")
    return g.Rel(cols, cte, rel.source_cols - {name})


def split_unnest(gen, rel, last):
    g = _g()
    e = split_of(gen, rel)
    name = gen.fresh("w")
    listed = g.Rel(rel.cols + [g.Col(name, "list")], gen.new_cte(f'SELECT *, {e.s} AS "{name}" FROM {rel.cte}'), rel.source_cols)
    out = unnested(gen, listed, name, "str", e.tags)
    return out, f"extend {name} = {e.w} | unnest {name}"


def summarize_list(gen, rel, last):
    g = _g()
    rng = gen.rng
    keys = gen.group_keys(rel) if rng.random() < 0.7 else []
    x = gen.expr(rel, rng.choice(["int", "dec", "str", "str", "date", "bool"]), 2)
    if x.w.startswith("$"):
        x = gen.literal(x.t) if x.t != "bool" else gen.literal("bool")
    name = gen.fresh("l")
    text = f"summarize {name} = list({x.w})" + (" by " + ", ".join(g.wq_name(k.name) for k in keys) if keys else "")
    agg = f"list({x.s} ORDER BY __o)"
    if keys:
        grouped = gen.grouped(rel, keys, [(name, agg, "list")])
    else:
        grouped = g.Rel([g.Col(name, "list")], gen.new_cte(f'SELECT {agg} AS "{name}", 0 AS __o FROM {rel.cte}'))
    if last and rng.random() < 0.5:
        return grouped, text
    return unnested(gen, grouped, name, x.t, x.tags), f"{text} | unnest {name}"


def needle(gen, rel):
    g = _g()
    rng = gen.rng
    r = rng.random()
    if r < 0.15:
        return g.E("null", "NULL::VARCHAR", "str")
    if r < 0.4:
        return gen.expr(rel, "str", 1)
    text = rng.choice(NEEDLES)
    return g.E(g.wq_string(text), g.sql_string(text), "str")


def where_contains(gen, rel, last):
    g = _g()
    e, v = split_of(gen, rel), needle(gen, rel)
    negated = gen.rng.random() < 0.2
    w = f"{'not ' if negated else ''}{e.w} contains {v.w}"
    s = f"list_contains({e.s}, {v.s})"
    s = f"(NOT {s})" if negated else s
    cte = gen.new_cte(f"SELECT * EXCLUDE (__w) FROM (SELECT *, {s} AS __w FROM {rel.cte}) WHERE __w")
    return g.Rel(rel.cols, cte, rel.source_cols), f"where {w}"


def where_length(gen, rel, last):
    g = _g()
    e = split_of(gen, rel)
    n = gen.rng.choice([0, 1, 2, 3])
    op = gen.rng.choice([">", ">=", "=", "<"])
    cte = gen.new_cte(f"SELECT * EXCLUDE (__w) FROM (SELECT *, len({e.s}) {op} {n} AS __w FROM {rel.cte}) WHERE __w")
    return g.Rel(rel.cols, cte, rel.source_cols), f"where length({e.w}) {op} {n}"


def select_lists(gen, rel, last):
    g = _g()
    items, sql, cols = [], [], []
    for _ in range(gen.rng.randint(1, 2)):
        e = split_of(gen, rel)
        name = gen.fresh("c")
        if gen.rng.random() < 0.5:
            items.append(f"{name} = {e.w}")
            sql.append(f'{e.s} AS "{name}"')
            cols.append(g.Col(name, "list"))
        else:
            v = needle(gen, rel)
            items.append(f"{name} = length({e.w}), {name}x = {e.w} contains {v.w}")
            sql += [f'len({e.s}) AS "{name}"', f'list_contains({e.s}, {v.s}) AS "{name}x"']
            cols += [g.Col(name, "int"), g.Col(name + "x", "bool")]
    cte = gen.new_cte(f"SELECT {', '.join(sql)}, __o FROM {rel.cte}")
    return g.Rel(cols, cte), "select " + ", ".join(items)
