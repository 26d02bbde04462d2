"""Window functions, pivot, unpivot and regex_extract for the differential generator (generator.py).

The translations follow wekaql's documented semantics (README "Window functions, pivot and unpivot"):

- A window function in `extend` or `select` becomes a column of the same CTE: `f(…) OVER (PARTITION BY …
  ORDER BY … NULLS LAST)`. DuckDB's default frame with an ORDER BY is RANGE UNBOUNDED PRECEDING to CURRENT
  ROW, as wekaql's (the current row and its peers); without one, the whole partition.
- Rows equal on the `sort by` keys are in input order in wekaql (its sort is stable). Where that order shows
  (row_number, lag, lead, and the order string_agg joins in) the SQL orders by the keys then `__o`; rank,
  dense_rank and the aggregates order by the keys alone, so that peers stay peers.
- `pivot F in (v, …) using AGG(x) by G` is `AGG(x) FILTER (WHERE F = v)` per value, grouped by G and
  sorted by it; a group with no row of a value gets the aggregate of no rows (0 for count). It is
  generated as a last stage only: its columns are named by values ("3", "café"), which later stages would
  have to back-quote.
- `unpivot a, b into n, v` is a UNION ALL of one SELECT per field, ordered by row then field, without the
  rows whose value is null (SQL's UNPIVOT default).
- `regex_extract(s, p, g)` is DuckDB's regexp_extract where the pattern matches, and null where it does
  not (DuckDB gives ""). The patterns have no optional group: a group that takes no part in a match is
  null in wekaql and "" in DuckDB.
Forms left out: stddev/variance over windows (Welford against DuckDB's algorithm: a variance of equal values
is 0 against 1e-17), first/last over sorted windows (DuckDB picks any of the peers), windows over decimal
sums of values past 1e300 (rounding in another order).
"""

from tables import GROUP_WORDS, NAMES

KINDS = ["window", "window", "window", "unpivot", "pivot"]

EXTRACT_PATTERNS = [("^(\\w+)", 1), ("(o)(.)", 2), ("([A-C])", 1), ("(\\d+)", 1), ("a(b|c)", 1), ("(é)", 0),
                    ("^(.{2})", 1), ("(ab)+", 1), ("(\\s)(\\w)", 2), ("(x*)", 1), ("o", 0), ("[aeiou](.)", 1)]


def stage(gen, kind, rel, bases, lets, last):
    if kind == "window":
        return stage_window(gen, rel, last)
    if kind == "unpivot":
        return stage_unpivot(gen, rel, bases, lets, last)
    if not last:
        return stage_window(gen, rel, last)
    return stage_pivot(gen, rel, bases, lets, last)


# ----- windows -----

def window_spec(gen, rel):
    """PARTITION BY and ORDER BY of one window, in both languages."""
    rng = gen.rng
    by = rng.sample(rel.cols, rng.randint(0, min(2, len(rel.cols)))) if rng.random() < 0.7 else []
    gen.nfd(*by)
    keys = []
    if rng.random() < 0.75:
        for c in rng.sample(rel.cols, rng.randint(1, min(2, len(rel.cols)))):
            gen.nfd(c)
            keys.append((gen_name(c.name), f'"{c.name}"', rng.choice(["", " asc", " desc"])))
    w_parts, s_parts = [], []
    if by:
        w_parts.append("by " + ", ".join(gen_name(c.name) for c in by))
        s_parts.append("PARTITION BY " + ", ".join(f'"{c.name}"' for c in by))
    order_sql = ", ".join(f"{s}{' DESC' if d == ' desc' else ''} NULLS LAST" for _, s, d in keys)
    if keys:
        w_parts.append(rng.choice(["sort", "sort", "order"]) + " by " + ", ".join(w + d for w, _, d in keys))
    return " ".join(w_parts), " ".join(s_parts), order_sql


def over_sql(partition, order, ties):
    """OVER (…): with `ties`, rows equal on the keys in input order, as wekaql's stable sort leaves them."""
    order_by = ", ".join(p for p in [order, "__o" if ties else ""] if p)
    return f"OVER ({partition}{' ' if partition and order_by else ''}{'ORDER BY ' + order_by if order_by else ''})"


def gen_name(name):
    return "`count`" if name == "count" else name


def window_call(gen, rel):
    """One window function call: (wekaql, SQL, type, parts)."""
    rng = gen.rng
    spec_w, partition, order = window_spec(gen, rel)
    over_w = f"over ({spec_w})"
    kind = rng.choice(["row_number", "rank", "dense_rank", "lag", "lead", "count()", "count", "sum", "sum",
                       "avg", "min", "max", "median", "percentile", "count_distinct", "string_agg", "count_if"])
    if kind in ("row_number", "rank", "dense_rank"):
        ties = kind == "row_number"
        return f"{kind}() {over_w}", f"{kind}() {over_sql(partition, order, ties)}", "int", []
    if kind in ("lag", "lead"):
        c = rng.choice(rel.cols)
        if c.t == "dec" and rng.random() < 0.5:
            c = rng.choice(rel.cols)
        n = rng.choice([None, 0, 1, 2, 3])
        arg_w = gen_name(c.name) + ("" if n is None else f", {n}")
        arg_s = f'"{c.name}"' + ("" if n is None else f", {n}")
        return f"{kind}({arg_w}) {over_w}", f"{kind}({arg_s}) {over_sql(partition, order, True)}", c.t, []
    if kind == "count()":
        return f"count() {over_w}", f"count(*) {over_sql(partition, order, False)}", "int", []
    if kind == "count_if":
        cond = gen.cond(rel, 2)
        sql = f"CAST(sum(CASE WHEN {cond.s} THEN 1 ELSE 0 END) {over_sql(partition, order, False)} AS BIGINT)"
        return f"count_if({cond.w}) {over_w}", sql, "int", [cond]
    if kind == "string_agg":
        e = gen.column(rel, "str") or gen.literal("str")
        gen.nfd(e)
        ordered = ", ".join(p for p in [order, "__o"] if p)
        sep = rng.choice([None, ", ", "|"])
        w = f"string_agg({e.w}{'' if sep is None else ', ' + repr_wq(sep)}) {over_w}"
        s = f"string_agg({e.s}, '{',' if sep is None else sep}' ORDER BY {ordered}) {over_sql(partition, order, False)}"
        return w, s, "str", [e]
    if kind in ("sum", "avg", "median", "percentile"):
        e = gen.expr(rel, rng.choice(["int", "int", "dec"]), 1)
        if e.w.startswith("$"):
            e = gen.column(rel, "int") or gen.literal("int")
        if "big" in e.tags and kind != "sum":
            gen.program.features.add("avg_big_ints")
        if e.t == "dec" and kind == "sum":
            gen.program.features.add("window_decimal_sum")
        over = over_sql(partition, order, False)
        if kind == "sum":
            s = f"CAST(sum({e.s}) {over} AS BIGINT)" if e.t == "int" else f"fin(sum({e.s}) {over})"
            return f"sum({e.w}) {over_w}", s, e.t, [e]
        if kind == "avg":
            return f"avg({e.w}) {over_w}", f"avg({e.s}) {over}", "dec", [e]
        if kind == "median":
            return f"median({e.w}) {over_w}", f"quantile_cont(CAST({e.s} AS DOUBLE), 0.5) {over}", "dec", [e]
        p = rng.choice(["0.25", "0.9", "0", "1"])
        return f"percentile({e.w}, {p}) {over_w}", f"quantile_cont(CAST({e.s} AS DOUBLE), {p}) {over}", "dec", [e]
    c = rng.choice(rel.cols)
    gen.nfd(c)
    e_w, e_s = gen_name(c.name), f'"{c.name}"'
    over = over_sql(partition, order, False)
    if kind == "count":
        return f"count({e_w}) {over_w}", f"count({e_s}) {over}", "int", []
    if kind == "count_distinct":
        return f"count_distinct({e_w}) {over_w}", f"count(DISTINCT {e_s}) {over}", "int", []
    return f"{kind}({e_w}) {over_w}", f"{kind}({e_s}) {over}", c.t, []


def repr_wq(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def stage_window(gen, rel, last):
    from generator import Col, E, Rel
    rng = gen.rng
    items_w, items_s, cols = [], [], []
    for _ in range(rng.randint(1, 2)):
        w, s, t, parts = window_call(gen, rel)
        if t in ("int", "dec") and rng.random() < 0.2:
            # An expression over a window, such as a share of the total.
            w, s, t = f"({w}) * 2", f"(({s}) * 2)", t
            if t == "int":
                s = f"CAST({s} AS BIGINT)"
        name = gen.fresh("w")
        items_w.append((name, w))
        items_s.append(f'{s} AS "{name}"')
        cols.append(Col(name, t))
    if rng.random() < 0.3:
        text = "select *, " + ", ".join(f"{w} as {n}" for n, w in items_w)
    else:
        text = "extend " + ", ".join(f"{n} = {w}" for n, w in items_w)
    cte = gen.new_cte(f"SELECT {gen.carry(rel)}, {', '.join(items_s)}, __o FROM {rel.cte}")
    return Rel(rel.cols + cols, cte, rel.source_cols), text


# ----- pivot and unpivot -----

def stage_pivot(gen, rel, bases, lets, last):
    from generator import Col, Rel, sql_int, sql_string, wq_string
    rng = gen.rng
    candidates = [c for c in rel.cols if c.t in ("str", "int", "bool")]
    if not candidates:
        return stage_window(gen, rel, last)
    f = rng.choice(candidates)
    gen.nfd(f)
    others = [c for c in rel.cols if c is not f]
    keys = rng.sample(others, rng.randint(0, min(2, len(others)))) if others else []
    gen.nfd(*keys)
    if f.t == "str":
        pool = GROUP_WORDS + NAMES if f.name in ("g", "name") else ["Phở", "abc", "a", "ÉCOLE", "x,y,z"]
        pool = [v for v in pool if '"' not in v]   # (the harness writes column names in double quotes)
        values = [(wq_string(v), sql_string(v), v) for v in rng.sample(pool, rng.randint(1, 3))]
    elif f.t == "int":
        values = [(str(v), sql_int(v), str(v)) for v in rng.sample(range(-3, 8), rng.randint(1, 3))]
    else:
        values = [(v, v.upper(), v) for v in rng.sample(["true", "false"], rng.randint(1, 2))]
    key_names = {k.name for k in keys}
    values = [v for v in values if v[2] not in key_names]
    if not values:
        return stage_window(gen, rel, last)
    kind = rng.choice(["count()", "count", "sum", "min", "max", "avg"])
    if kind == "count()":
        agg_w, agg_s, t = "count()", "count(*)", "int"
    elif kind in ("sum", "avg"):
        e = gen.column(rel, rng.choice(["int", "dec"])) or gen.column(rel, "int")
        if e is None:
            agg_w, agg_s, t = "count()", "count(*)", "int"
        else:
            agg_w = f"{kind}({e.w})"
            agg_s = ("CAST(sum({x}) AS BIGINT)" if e.t == "int" else "fin(sum({x}))") if kind == "sum" else "avg({x})"
            agg_s = agg_s.format(x=e.s)
            t = e.t if kind == "sum" else "dec"
            if "big" in e.tags and kind == "avg":
                gen.program.features.add("avg_big_ints")
    else:
        c = rng.choice(rel.cols)
        gen.nfd(c)
        agg_w, agg_s, t = f"{kind}({gen_name(c.name)})", f'{kind}("{c.name}")', "int" if kind == "count" else c.t
    filtered = [f'{agg_s_filter(agg_s, f, v[1])} AS "{v[2]}"' for v in values]
    in_list = ", ".join(v[0] for v in values)
    text = f"pivot {gen_name(f.name)} in ({in_list}) using {agg_w}"
    cols = [Col(k.name, k.t, k.tags) for k in keys] + [Col(v[2], t) for v in values]
    if keys:
        text += " by " + ", ".join(gen_name(k.name) for k in keys)
        names = ", ".join(f'"{k.name}"' for k in keys)
        order = ", ".join(f'"{k.name}" NULLS LAST' for k in keys)
        sql = (f"SELECT {names}, {', '.join(filtered)}, row_number() OVER (ORDER BY {order}) AS __o "
               f"FROM {rel.cte} GROUP BY {names}")
    else:
        sql = f"SELECT {', '.join(filtered)}, 0 AS __o FROM {rel.cte}"
    return Rel(cols, gen.new_cte(sql)), text


def agg_s_filter(agg_s, f, value_sql):
    """`AGG(x) FILTER (WHERE f = v)`: the FILTER goes after the aggregate call, inside any cast."""
    condition = f'FILTER (WHERE "{f.name}" = {value_sql})'
    for wrapper in ("CAST(", "fin("):
        if agg_s.startswith(wrapper):
            inner_end = agg_s.index(")") + 1
            return agg_s[:inner_end] + f" {condition}" + agg_s[inner_end:]
    return f"{agg_s} {condition}"


def stage_unpivot(gen, rel, bases, lets, last):
    from generator import Col, Rel
    rng = gen.rng
    by_type = {}
    for c in rel.cols:
        by_type.setdefault("num" if c.t in ("int", "dec") else c.t, []).append(c)
    groups = [cs for cs in by_type.values() if cs]
    group = rng.choice(groups)
    fields = rng.sample(group, rng.randint(1, min(3, len(group))))
    fields = [c for c in fields if c.t == fields[0].t or {c.t, fields[0].t} <= {"int", "dec"}]
    t = "dec" if any(c.t == "dec" for c in fields) else fields[0].t
    kept = [c for c in rel.cols if c not in fields]
    name, value = gen.fresh("n"), gen.fresh("v")
    cast = {"dec": "DOUBLE", "int": "BIGINT", "str": "VARCHAR", "date": "DATE", "bool": "BOOLEAN"}[t]
    kept_sql = "".join(f'"{c.name}", ' for c in kept)
    parts = [f"SELECT {kept_sql}'{c.name}' AS \"{name}\", CAST(\"{c.name}\" AS {cast}) AS \"{value}\", __o, {k} AS __k "
             f"FROM {rel.cte}" for k, c in enumerate(fields)]
    outer = "".join(f'"{c.name}", ' for c in kept)
    sql = (f"SELECT {outer}\"{name}\", \"{value}\", row_number() OVER (ORDER BY __o, __k) AS __o FROM "
           f"({' UNION ALL '.join(parts)}) WHERE \"{value}\" IS NOT NULL")
    text = f"unpivot {', '.join(gen_name(c.name) for c in fields)} into {name}, {value}"
    tags = set().union(*(c.tags for c in fields))
    return Rel(kept + [Col(name, "str"), Col(value, t, tags)], gen.new_cte(sql), rel.source_cols - {c.name for c in fields}), text


# ----- regex_extract -----

def regex_extract(gen, rel, depth):
    from generator import E, re2_pattern, sql_string, wq_string
    rng = gen.rng
    a = gen.expr(rel, "str", depth)
    pattern, groups = rng.choice(EXTRACT_PATTERNS)
    group = rng.randint(0, groups)
    p_sql = sql_string(re2_pattern(pattern))
    if group == 0 and rng.random() < 0.5:
        w = f"regex_extract({a.w}, {wq_string(pattern)})"
    else:
        w = f"regex_extract({a.w}, {wq_string(pattern)}, {group})"
    s = f"(CASE WHEN regexp_matches({a.s}, {p_sql}) THEN regexp_extract({a.s}, {p_sql}, {group}) END)"
    return E.join(w, s, "str", [a])
