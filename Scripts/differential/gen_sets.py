"""The set stages for the differential generator: `union` and `union distinct` (of a table, a `let` name or a
query in brackets), joins on several keys, `semi`, `anti` and `full` joins, and `where x [not] in (QUERY)`,
each with its DuckDB translation. generator.py calls these with itself as `g`.

wekaql's rules, as translated (README "Union, joins and subqueries"):
- union: the left's columns, then the right's new ones, by name; a column a side lacks is null there;
  integer meets decimal as decimal; plain union first adds `collection` (the side's source name) to each
  side that has none, union distinct adds none. Rows: the left's, then the right's; distinct keeps the first
  of equal rows (nulls equal, as GROUP BY).
- joins: every key pair equal, a null key never matches; output in left order then right order; a full
  join's unmatched right rows come last, in right order, and a key named alike on both sides (shown once)
  holds the right key there (COALESCE, as FULL JOIN … USING). semi/anti keep left rows once (EXISTS / NOT
  EXISTS: a null key has no match, so anti join keeps it).
- `x in (QUERY)` is SQL's IN (SELECT …): false for an empty query, even for a null subject; else a null
  subject gives null; a null among the values makes a non-match
  null. The subquery runs whatever the outer rows are.
"""

import generator   # (a module reference: generator imports this module while it loads)

STAGES = {"union": lambda g, *a: stage_union(g, *a), "setjoin": lambda g, *a: stage_set_join(g, *a),
          "wherein": lambda g, *a: stage_where_in(g, *a)}
KINDS = ["union", "setjoin", "setjoin", "wherein"]


def Col(*a):
    return generator.Col(*a)


def Rel(*a):
    return generator.Rel(*a)


def E(*a):
    return generator.E(*a)


def wq_name(name):
    return generator.wq_name(name)


def uncommented(text):
    """A query's text without the comment the generator may end it with (it would hide the closing bracket)."""
    return text.replace("  # a comment", "")

NUMERIC = ("int", "dec")


def unified(a, b):
    if a == b:
        return a
    if a in NUMERIC and b in NUMERIC:
        return "dec"
    return None


def duck(t):
    return {"int": "BIGINT", "dec": "DOUBLE", "str": "VARCHAR", "date": "DATE", "bool": "BOOLEAN"}[t]


def side_query(g, bases, lets):
    """A source and its rows for the right side of a union or an in-subquery: a table, a `let` name, or a
    query in brackets over one (not nesting further set stages)."""
    rng = g.rng
    name = rng.choice(["t", "u"] + list(lets))
    start = lets.get(name) or bases[name]
    if rng.random() < 0.4 or g.set_depth > 0:
        return start, name, name
    g.set_depth += 1
    try:
        rel, text = g.query(start, name, bases, lets, rng.randint(1, 2), final=False)
    finally:
        g.set_depth -= 1
    return rel, f"({uncommented(text)})", name


def stage_union(g, rel, bases, lets, last):
    rng = g.rng
    right, text, label = side_query(g, bases, lets)
    if right.cte.startswith("base_"):
        right = Rel(right.cols, g.new_cte(f"SELECT * FROM {right.cte}"), right.source_cols)
    distinct = rng.random() < 0.35
    left_cols = list(rel.cols)
    right_cols = list(right.cols)
    left_sql = {c.name: f'"{c.name}"' for c in left_cols}
    right_sql = {c.name: f'"{c.name}"' for c in right_cols}
    if not distinct:
        if "collection" not in left_sql:
            left_cols.insert(0, Col("collection", "str"))
            left_sql["collection"] = f"CAST('{g.left_label}' AS VARCHAR)"
        if "collection" not in right_sql:
            right_cols.insert(0, Col("collection", "str"))
            right_sql["collection"] = f"CAST('{label}' AS VARCHAR)"
    right_by_name = {c.name: c for c in right_cols}
    out = []
    for c in left_cols:
        other = right_by_name.get(c.name)
        t = unified(c.t, other.t) if other else c.t
        if t is None:
            return g.stage_where(rel, bases, lets, last)
        out.append(Col(c.name, t, c.tags | (other.tags if other else set())))
    names = {c.name for c in left_cols}
    out += [Col(c.name, c.t, c.tags) for c in right_cols if c.name not in names]

    def select(sql_of, cte, part):
        items = [f"CAST({sql_of[c.name]} AS {duck(c.t)}) AS \"{c.name}\"" if c.name in sql_of
                 else f"CAST(NULL AS {duck(c.t)}) AS \"{c.name}\"" for c in out]
        return f"SELECT {', '.join(items)}, {part} AS __p, __o FROM {cte}"

    both = f"{select(left_sql, rel.cte, 0)} UNION ALL {select(right_sql, right.cte, 1)}"
    cols = ", ".join(f'"{c.name}"' for c in out)
    if distinct:
        g.program.whole_rows.append(set(rel.source_cols) | set(right.source_cols))
        g.program.solo = True
        for c in out:
            g.nfd(c)
        sql = (f"SELECT {cols}, row_number() OVER (ORDER BY min(__p), min(__o)) AS __o FROM "
               f"(SELECT {cols}, __p, row_number() OVER (ORDER BY __p, __o) AS __o FROM ({both})) GROUP BY {cols}")
    else:
        sql = f"SELECT {cols}, row_number() OVER (ORDER BY __p, __o) AS __o FROM ({both})"
    kept = (rel.source_cols | right.source_cols) & {c.name for c in out}
    return Rel(out, g.new_cte(sql), kept), f"union {'distinct ' if distinct else ''}{text}"


def key_pairs(rel, right):
    return [(l, r) for l in rel.cols for r in right.cols if l.t == r.t and l.t in ("int", "str")
            and not (l.t == "int" and ("big" in l.tags) != ("big" in r.tags))]


def stage_set_join(g, rel, bases, lets, last):
    rng = g.rng
    options = [("u", bases["u"]), ("t", bases["t"])] + list(lets.items())
    name, right = rng.choice(options)
    pairs = key_pairs(rel, right)
    if not pairs:
        return g.stage_where(rel, bases, lets, last)
    keys = []
    for _ in range(rng.choice([1, 2, 2, 3])):
        same = [(l, r) for l, r in pairs if l.name == r.name]
        keys.append(rng.choice(same) if same and rng.random() < 0.6 else rng.choice(pairs))
    for l, r in keys:
        g.nfd(l)
        g.nfd(r)
    kind = rng.choice(["semi", "anti", "full", "full", "join", "left join"])
    written = []
    for n, (l, r) in enumerate(keys):
        key = wq_name(l.name) if l.name == r.name and rng.random() < 0.7 else f"{wq_name(l.name)} = {wq_name(r.name)}"
        written.append(key if n == 0 else rng.choice([", ", " and "]) + key)
    on_w = "".join(written)
    on_s = " AND ".join(f'l."{l.name}" = r."{r.name}"' for l, r in keys)
    verb = kind if kind in ("join", "left join") else f"{kind} join"
    text = f"{verb} {name} on {on_w}"
    if kind in ("semi", "anti"):
        exists = "EXISTS" if kind == "semi" else "NOT EXISTS"
        sql = f"SELECT l.* FROM {rel.cte} l WHERE {exists} (SELECT 1 FROM {right.cte} r WHERE {on_s})"
        return Rel(rel.cols, g.new_cte(sql), rel.source_cols), text
    shared = {r.name for l, r in keys if l.name == r.name}
    taken = set(rel.names())
    out_cols = list(rel.cols)
    sql_cols = []
    for c in rel.cols:
        if kind == "full" and c.name in shared:
            sql_cols.append(f'COALESCE(l."{c.name}", r."{c.name}") AS "{c.name}"')
        else:
            sql_cols.append(f'l."{c.name}"')
    for c in right.cols:
        if c.name in shared and any(r is c for l, r in keys if l.name == r.name):
            continue
        new = c.name if c.name not in taken else f"{name}_{c.name}"
        if new in taken:
            return g.stage_where(rel, bases, lets, last)
        taken.add(new)
        out_cols.append(Col(new, c.t, c.tags))
        sql_cols.append(f'r."{c.name}" AS "{new}"')
    join = {"full": "FULL JOIN", "join": "JOIN", "left join": "LEFT JOIN"}[kind]
    sql = (f"SELECT {', '.join(sql_cols)}, row_number() OVER (ORDER BY l.__o NULLS LAST, r.__o NULLS LAST) AS __o "
           f"FROM {rel.cte} l {join} {right.cte} r ON {on_s}")
    return Rel(out_cols, g.new_cte(sql), rel.source_cols | right.source_cols), text


def in_subquery(g, rel, bases, lets):
    """`x [not] in (QUERY)` for a where condition, or None when no column pair fits."""
    rng = g.rng
    if g.set_depth > 0:
        return None
    subjects = [c for c in rel.cols if c.t in ("int", "dec", "str")]
    if not subjects:
        return None
    subject = rng.choice(subjects)
    g.set_depth += 1
    try:
        name = rng.choice(["t", "u"] + list(lets))
        start = lets.get(name) or bases[name]
        sub, text = g.query(start, name, bases, lets, rng.randint(0, 2), final=False) if rng.random() < 0.7 \
            else (start if not start.cte.startswith("base_") else Rel(start.cols, g.new_cte(f"SELECT * FROM {start.cte}"),
                                                                       start.source_cols), name)
    finally:
        g.set_depth -= 1
    columns = [c for c in sub.cols if unified(c.t, subject.t)]
    if not columns:
        return None
    column = rng.choice(columns)
    g.nfd(subject)
    g.nfd(column)
    neg = rng.random() < 0.4
    w = f"({wq_name(subject.name)} {'not ' if neg else ''}in ({uncommented(text)} select {wq_name(column.name)}))"
    s = f"({'NOT ' if neg else ''}(\"{subject.name}\" IN (SELECT \"{column.name}\" FROM {sub.cte})))"
    return E(w, s, "bool", subject.tags | column.tags)


def stage_where_in(g, rel, bases, lets, last):
    cond = in_subquery(g, rel, bases, lets)
    if cond is None:
        return g.stage_where(rel, bases, lets, last)
    if g.rng.random() < 0.4:
        other = g.cond(rel, 2)
        cond = g.logical("and", cond, other) if g.rng.random() < 0.5 else g.logical("or", other, cond)
    return g.where_from(rel, cond)
