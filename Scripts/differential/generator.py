"""Random wekaql programs over the generated tables, each with its DuckDB SQL translation.

Every program is type-correct by construction (the checker must accept it). The translation follows
wekaql's documented semantics (README "The language"), not SQL's, where the two differ:

- Output order is always defined in wekaql (stable sort, distinct in order of first appearance, groups
  sorted by key, joins in left order then right order), so every SQL stage carries a hidden `__o`
  column with the row's position, and the answers are compared in order.
- `and`/`or`, `in` and `coalesce` are lazy: `false and 1/0 = 1` is false. SQL's AND/OR evaluate both sides,
  so they are written as CASE, which DuckDB evaluates only for the rows a branch takes.
- Every stage is a MATERIALIZED CTE: wekaql runs stages in order, and a filter pushed below an earlier
  `where` could divide by zero on rows the earlier stage dropped.
- Numbers with a point are exact decimals in wekaql (README "Exact decimals"), floats when written with an
  exponent (`2e3`), read from `u.e` (loaded with `types=e:float`), made by float()/try_float(), or by `/`
  of two integers and `avg` of integers; the generator's type "dec" is either, and an expression that may
  hold a float carries the tag "flt". The SQL computes in DOUBLE, which agrees with exact decimals within
  the comparison's tolerance for + - * / (a quotient is exact to 12 places, within abs_tol), except where
  exactness shows: `%`, `round`, `floor` and `ceil` of an exact decimal are computed in DuckDB's
  DECIMAL(38,12) (macro wdmod, function exact_sql): 0.3 % 0.1 is 0 and round(0.15, 1) is 0.2 there and in
  wekaql, where DOUBLE gives 0.0999… and 0.1. Integers past 2^53 are kept out of decimal arithmetic
  (dec_operand), and a product of two decimals takes a small integer instead, because an exact result
  past 18 digits is an error (E0410) where DOUBLE goes on. JSON writes a whole decimal as `2.0`.
- Integer `/` is float division; division by zero, integer overflow and a float past 1e308 are
  errors (macros wdiv, fin; DuckDB's BIGINT arithmetic raises overflow itself).
- Casts (casts.py) are DuckDB's CAST and TRY_CAST, over the values both convert alike (its docstring).
- Strings are equal when their bytes are, and sort by code point (README, issue 20 item 7): an NFC "é" and
  an NFD "é" differ for = in distinct, grouping, joins, min/max and sort, as they do in DuckDB (binary
  collation). `matches` is wekaql's own linear-time engine over code points, as RE2 (Text/Regex).
- contains / starts with / ends with / =~ compare folded text (Sources/WekaQL/Text/Folding.swift): every
  letter by canonical decomposition without its marks, lower case, ø ł đ ħ ŧ ı ŀ to their base letter,
  curly apostrophes straight (macro wfold).
- `length` and `substr` count characters (grapheme clusters: a letter and its combining marks); `substr`
  clamps a start below 1 to 1 and a negative length to 0, where SQL would count from the end (the Python
  functions gsubstr2 and gsubstr3 in run.py).
- floor/ceil/round of an integer is the integer itself, and round(integer, -n) rounds it exactly to a
  multiple of 10^n; of a decimal, floor/ceil/round give an integer and round(decimal, n) a decimal.
  `sum` of integers is exact and an error only when the total does not fit in 64 bits; `avg` a float.
- A null operand of / or % makes null before the divisor is looked at (null / 0 is null).
- `where` narrows as Sources/WekaQL/Evaluation/Filter.swift does: through its top and/or, `a and b` tests
  b only on the rows a keeps, `a or b` only on the rows a does not keep (function where_sql).
Forms avoided because wekaql deliberately differs and the SQL cannot follow cheaply: concat of a decimal
(shortest round-trip text against DuckDB's), upper/lower of ß (full against simple case mapping), regular
expressions beyond the common subset of wekaql's engine and RE2, joins on keys of different types.
"""

import re
import unicodedata

import casts

from tables import INT64_MAX, INT64_MIN, T_TYPES, U_TYPES, T_TAGS, U_TAGS

REGEXES = ["^a", "o$", "[A-C]", "^.{3}$", "ab|cd", "\\d", "é", "^[^a-z]", "(ab)+", "o.o", "^Ph", "ll?", "[Ѐ-ӿ]",
           "^\\w+$", "\\s"]
TEXT_LITERALS = ["café", "cafe", "CAFE", "pho", "Phở", "angel", "ǎngel", "αθηνα", "Αθήνα", "москва", "lodz",
                 "oresund", "togo", "o", "a", "e", "'", "’", "ivoire", "d'ivoire", "ab", "smuggling", " ", "zurich",
                 "naive", "ёлка", "елка", "mañana", "da nang", "đà", ",", '"']
INT_LITERALS = [0, 1, 2, 3, -1, -5, 10, 100, 7]
EXTREME_INTS = [INT64_MAX, INT64_MIN, 9007199254740993, -9007199254740993, 4611686018427387904]
DEC_LITERALS = ["1.5", "0.25", "-2.5", "2e3", "0.1", "100.0", "3.125"]
COMPARE = ["=", "!=", "<", "<=", ">", ">=", "==", "<>"]
SQL_COMPARE = {"==": "=", "<>": "!="}


def wq_string(text, escape_unicode=False):
    """A wekaql string literal; with escape_unicode, characters past ASCII as \\u{…} escapes."""
    body = text.replace("\\", "\\\\").replace('"', '\\"')
    if escape_unicode:
        body = "".join(c if ord(c) < 0x80 else "\\u{%X}" % ord(c) for c in body)
    return '"' + body + '"'


def sql_string(text):
    return "'" + text.replace("'", "''") + "'"


def sql_int(value):
    return f"CAST('{value}' AS BIGINT)"


def wq_name(name):
    return "`count`" if name == "count" else name


class E:
    """An expression: wekaql text, SQL text, type and the facts the expected-failure matchers use."""

    def __init__(self, w, s, t, tags=(), may_fail=False):
        self.w, self.s, self.t = w, s, t
        self.tags = set(tags)
        self.may_fail = may_fail   # can raise an error (division, overflow) on some row

    @staticmethod
    def join(w, s, t, parts, extra=(), may_fail=False):
        tags = set(extra)
        for p in parts:
            tags |= p.tags
        return E(w, s, t, tags, may_fail or any(p.may_fail for p in parts))


class Col:
    def __init__(self, name, t, tags=()):
        self.name, self.t, self.tags = name, t, set(tags)


class Rel:
    """A relation during generation: its columns and the SQL CTE that holds it (with `__o`)."""

    def __init__(self, cols, cte, source_cols=()):
        self.cols = cols
        self.cte = cte
        self.source_cols = set(source_cols)   # columns still as loaded from a file (for narrowing)

    def of(self, *types):
        return [c for c in self.cols if c.t in types]

    def names(self):
        return [c.name for c in self.cols]


class Program:
    def __init__(self):
        self.statements = []    # wekaql statements, one per line
        self.ctes = []          # (name, sql)
        self.final_sql = ""
        self.features = set()
        self.checks = []        # SQL that runs each let binding
        self.solo = False
        self.whole_rows = []    # the loaded columns each whole-row distinct sees
        self.float_columns = set()   # the names of columns that hold floats (avg of integers)

    @property
    def text(self):
        return "\n".join(self.statements)

    @property
    def sql(self):
        return "WITH " + ",\n".join(f"{n} AS MATERIALIZED ({s})" for n, s in self.ctes) + "\n" + self.final_sql


class Generator:
    def __init__(self, rng, params):
        self.rng = rng
        self.params = params
        self.program = None
        self.cte_count = 0

    # ----- programs -----

    def program_for(self, index):
        rng = self.rng
        p = self.program = Program()
        self.cte_count = 0
        self.names = 0
        self.prefix = f"p{index}_"
        bases = {"t": self.base("t", T_TYPES, T_TAGS), "u": self.base("u", U_TYPES, U_TAGS)}
        lets = {}
        if rng.random() < 0.2:
            name = f"v{index}"
            source = rng.choice(["t", "u"])
            rel, text = self.query(bases[source], source, bases, lets, rng.randint(1, 2), final=False)
            p.statements.append(f"let {name} = {text}")
            p.checks.append(None)
            lets[name] = rel
        sources = ["t"] * 3 + ["u"] + list(lets) * 6
        source = rng.choice(sources)
        start = lets.get(source) or bases[source]
        rel, text = self.query(start, source, bases, lets, rng.choice([1, 1, 2, 2, 3, 3, 4]))
        p.statements.append(text)
        columns = ", ".join(f'"{c.name}"' for c in rel.cols)
        p.final_sql = f"SELECT {columns} FROM {rel.cte} ORDER BY __o"
        if p.checks:
            cte = lets[f"v{index}"].cte
            p.checks = [self.sql_upto(p, cte)]
        p.columns = [c.t for c in rel.cols]
        named = names_in(p.text)
        if any(cols - named for cols in p.whole_rows):
            p.features.add("whole_row_distinct_after_narrowing")
        return p

    def fresh(self, stem):
        self.names += 1
        return f"{stem}{self.names}"

    def sql_upto(self, p, cte):
        ctes = p.ctes[:[n for n, _ in p.ctes].index(cte) + 1]
        return "WITH " + ",\n".join(f"{n} AS MATERIALIZED ({s})" for n, s in ctes) + f"\nSELECT * FROM {cte}"

    def base(self, table, types, tags):
        cols = [Col(n, t, tags.get(n, ())) for n, t in types.items()]
        return Rel(cols, f"base_{table}", source_cols=types)

    def new_cte(self, sql):
        self.cte_count += 1
        name = f"{self.prefix}s{self.cte_count}"
        self.program.ctes.append((name, sql))
        return name

    def query(self, rel, source, bases, lets, stages, final=True):
        text = source
        if rel.cte.startswith("base_"):
            rel = Rel(rel.cols, self.new_cte(f"SELECT * FROM {rel.cte}"), rel.source_cols)
        for n in range(stages):
            rel, stage = self.stage(rel, bases, lets, last=final and n == stages - 1)
            if self.rng.random() < 0.1:   # keywords in any case
                words = stage.split(" ")
                upper = 2 if len(words) > 1 and words[1] in ("by", "join") else 1
                stage = " ".join([w.upper() for w in words[:upper]] + words[upper:])
            r = self.rng.random()
            text += ("\n  | " if r < 0.08 else "\n  " if r < 0.12 else " | " if r < 0.55 else " ") + stage
        if self.rng.random() < 0.05:
            text += "  # a comment"
        return rel, text

    def stage(self, rel, bases, lets, last):
        rng = self.rng
        kinds = ["where"] * 6 + ["select"] * 4 + ["sort"] * 3 + ["limit"] * 2 + ["distinct"] * 2 + \
                ["count"] + ["countby"] * 2 + ["summarize"] * 2 + ["join"] * 2
        kind = rng.choice(kinds)
        return getattr(self, "stage_" + kind)(rel, bases, lets, last)

    # ----- stages -----

    def carry(self, rel):
        return ", ".join(f'"{c.name}"' for c in rel.cols)

    def stage_where(self, rel, bases, lets, last):
        cond = self.cond(rel, 3)
        sql = where_sql(cond)
        if cond.w.startswith("$"):
            self.program.features.add("param_untyped")   # `where $pb`: no operator gives it a type
        # The condition is computed as a column first: in a WHERE, DuckDB splits `a BETWEEN l AND h` into
        # a conjunction that skips h where a >= l is unknown, and wekaql evaluates all three.
        cte = self.new_cte(f"SELECT * EXCLUDE (__w) FROM (SELECT *, {sql} AS __w FROM {rel.cte}) WHERE __w")
        return Rel(rel.cols, cte, rel.source_cols), f"where {cond.w}"

    def stage_select(self, rel, bases, lets, last):
        rng = self.rng
        items, sql, cols, used = [], [], [], set()
        if rng.random() < 0.2:
            items.append("*")
            sql.append(self.carry(rel))
            cols.extend(rel.cols)
            used |= set(rel.names())
        for n in range(rng.randint(1, 3)):
            if rng.random() < 0.4:
                candidates = [c for c in rel.cols if c.name not in used]
                if candidates:
                    c = rng.choice(candidates)
                    used.add(c.name)
                    items.append(wq_name(c.name))
                    sql.append(f'"{c.name}"')
                    cols.append(c)
                    continue
            e = self.select_item(rel)
            name = self.fresh("c")
            used.add(name)
            unnamed = last and rng.random() < 0.3 and e.w not in used and not e.w.startswith("`")
            items.append(e.w if unnamed else f"{e.w} as {name}")
            if unnamed:
                used.add(e.w)
            sql.append(f'{e.s} AS "{name}"')
            cols.append(Col(name, e.t, e.tags))
        kept = {c.name for c in cols if c.name in rel.source_cols and any(c is s for s in rel.cols)}
        cte = self.new_cte(f"SELECT {', '.join(sql)}, __o FROM {rel.cte}")
        return Rel(cols, cte, kept), "select " + ", ".join(items)

    def select_item(self, rel):
        rng = self.rng
        if rng.random() < 0.1:
            self.program.features.add("param_untyped")
            name, t, value = rng.choice([("pi", "int", None), ("pd", "dec", None), ("ps", "str", None), ("pbig", "int", None)])
            return self.param(name, None)
        t = rng.choice(["int", "int", "dec", "str", "str", "bool", "date"])
        e = self.expr(rel, t, 3)
        if e.w.startswith("$pb"):   # what a bare $pb in select should be (text or boolean) is not settled
            return self.literal("bool")
        if e.w.startswith("$"):
            self.program.features.add("param_untyped")
        return e

    def stage_sort(self, rel, bases, lets, last):
        keys_w, keys_s = [], []
        for _ in range(self.rng.randint(1, 2)):
            if self.rng.random() < 0.6:
                c = self.rng.choice(rel.cols)
                e = E(wq_name(c.name), f'"{c.name}"', c.t, c.tags | ({"flt"} if c.name in self.program.float_columns else set()))
            else:
                e = self.expr(rel, self.rng.choice(["int", "dec", "str", "bool", "date"]), 2)
            self.nfd(e)
            direction = self.rng.choice(["", " asc", " desc"])
            keys_w.append(e.w + direction)
            keys_s.append(f"{e.s}{' DESC' if direction == ' desc' else ''} NULLS LAST")
        verb = self.rng.choice(["sort", "sort", "order"])
        # The keys are computed first: DuckDB orders a window only by non-volatile expressions, and
        # error() (in wdiv, fin) is volatile.
        computed = ", ".join(f"{k.rsplit(' NULLS LAST', 1)[0].removesuffix(' DESC')} AS __k{n}" for n, k in enumerate(keys_s))
        keyed = self.new_cte(f"SELECT *, {computed} FROM {rel.cte}")
        order = ", ".join(f"__k{n}{' DESC' if k.endswith(' DESC NULLS LAST') else ''} NULLS LAST" for n, k in enumerate(keys_s))
        cte = self.new_cte(f"SELECT {self.carry(rel)}, row_number() OVER (ORDER BY {order}, __o) AS __o FROM {keyed}")
        return Rel(rel.cols, cte, rel.source_cols), f"{verb} by {', '.join(keys_w)}"

    def stage_limit(self, rel, bases, lets, last):
        rng = self.rng
        def count():
            if rng.random() < 0.15:
                return "$pn", int(self.params["pn"])
            n = rng.choice([0, 1, 2, 3, 5, 10, 100])
            return (f"({n})" if rng.random() < 0.1 else str(n)), n
        w, n = count()
        text, sql = f"limit {w}", f"LIMIT {n}"
        if rng.random() < 0.4:
            w, m = count()
            text += f" offset {w}"
            sql += f" OFFSET {m}"
        cte = self.new_cte(f"SELECT * FROM {rel.cte} ORDER BY __o {sql}")
        return Rel(rel.cols, cte, rel.source_cols), text

    def stage_distinct(self, rel, bases, lets, last):
        rng = self.rng
        if rng.random() < 0.5:
            self.program.whole_rows.append(set(rel.source_cols))
            self.program.solo = True
            for c in rel.cols:
                self.nfd(c)
            cols, text = rel.cols, "distinct"
        else:
            cols = rng.sample(rel.cols, rng.randint(1, min(2, len(rel.cols))))
            for c in cols:
                self.nfd(c)
            text = "distinct " + ", ".join(wq_name(c.name) if i or c.name != "count" else "`count`" for i, c in enumerate(cols))
        names = ", ".join(f'"{c.name}"' for c in cols)
        cte = self.new_cte(f"SELECT {names}, min(__o) AS __o FROM {rel.cte} GROUP BY {names}")
        return Rel(cols, cte, {c.name for c in cols} & rel.source_cols), text

    def stage_count(self, rel, bases, lets, last):
        cte = self.new_cte(f"SELECT count(*) AS \"count\", 0 AS __o FROM {rel.cte}")
        return Rel([Col("count", "int")], cte), "count"

    def group_keys(self, rel):
        keys = self.rng.sample(rel.cols, self.rng.randint(1, min(2, len(rel.cols))))
        for k in keys:
            self.nfd(k)
        return keys

    def grouped(self, rel, keys, aggregates):
        names = ", ".join(f'"{k.name}"' for k in keys)
        order = ", ".join(f'"{k.name}" NULLS LAST' for k in keys)
        aggs = "".join(f", {s} AS \"{n}\"" for n, s, _ in aggregates)
        sql = f"SELECT {names}{aggs}, row_number() OVER (ORDER BY {order}) AS __o FROM {rel.cte} GROUP BY {names}"
        cols = list(keys) + [Col(n, t) for n, _, t in aggregates]
        return Rel(cols, self.new_cte(sql))

    def stage_countby(self, rel, bases, lets, last):
        keys = self.group_keys(rel)
        if "count" in rel.names():
            return self.stage_where(rel, bases, lets, last)
        text = "count by " + ", ".join(wq_name(k.name) for k in keys)
        return self.grouped(rel, keys, [("count", "count(*)", "int")]), text

    def stage_summarize(self, rel, bases, lets, last):
        rng = self.rng
        keys = self.group_keys(rel) if rng.random() < 0.6 else []
        taken = {k.name for k in keys}
        aggs, texts = [], []
        for n in range(rng.randint(1, 3)):
            name = self.fresh("a")
            kind = rng.choice(["count()", "count", "count_distinct", "sum", "avg", "min", "max"])
            if kind == "count()":
                w, s, t = "count()", "count(*)", "int"
            else:
                if kind in ("sum", "avg"):
                    e = self.expr(rel, rng.choice(["int", "int", "dec"]), 2)
                else:
                    e = self.expr(rel, rng.choice(["int", "dec", "str", "date", "bool"]), 2)
                if e.w.startswith("$pb"):
                    e = self.literal("bool")
                if e.w.startswith("$"):
                    self.program.features.add("param_untyped")   # a bare argument, as in any call
                w, t = f"{kind}({e.w})", {"count": "int", "count_distinct": "int", "avg": "dec"}.get(kind, e.t)
                if t == "dec" and ("flt" in e.tags or e.t == "int"):
                    self.program.float_columns.add(name)   # avg of integers, and anything of a float, is a float
                s = {"count": f"count({e.s})", "count_distinct": f"count(DISTINCT {e.s})", "avg": f"avg({e.s})",
                     "min": f"min({e.s})", "max": f"max({e.s})",
                     "sum": f"CAST(sum({e.s}) AS BIGINT)" if e.t == "int" else f"fin(sum({e.s}))"}[kind]
                if kind == "sum" and e.t == "int" and "big" in e.tags:
                    self.program.features.add("sum_big_ints")
                if kind == "avg" and e.t == "int" and "big" in e.tags:
                    self.program.features.add("avg_big_ints")
                if kind in ("count_distinct", "min", "max"):
                    self.nfd(e)
            texts.append(f"{name} = {w}")
            aggs.append((name, s, t))
        text = "summarize " + ", ".join(texts)
        if keys:
            text += " by " + ", ".join(wq_name(k.name) for k in keys)
        if not keys:
            aggsql = ", ".join(f'{s} AS "{n}"' for n, s, _ in aggs)
            cte = self.new_cte(f"SELECT {aggsql}, 0 AS __o FROM {rel.cte}")
            return Rel([Col(n, t) for n, _, t in aggs], cte), text
        return self.grouped(rel, keys, aggs), text

    def stage_join(self, rel, bases, lets, last):
        rng = self.rng
        options = [("u", bases["u"]), ("t", bases["t"])] + list(lets.items())
        name, right = rng.choice(options)
        pairs = [(l, r) for l in rel.cols for r in right.cols if l.t == r.t and l.t in ("int", "str")
                 and not (l.t == "int" and ("big" in l.tags) != ("big" in r.tags))]
        if not pairs:
            return self.stage_where(rel, bases, lets, last)
        same = [(l, r) for l, r in pairs if l.name == r.name]
        left_key, right_key = rng.choice(same) if same and rng.random() < 0.7 else rng.choice(pairs)
        self.nfd(left_key)
        self.nfd(right_key)
        taken = set(rel.names())
        out_cols, sql_cols = list(rel.cols), [f'l."{c.name}"' for c in rel.cols]
        for c in right.cols:
            if c is right_key and left_key.name == right_key.name:
                continue
            new = c.name if c.name not in taken else f"{name}_{c.name}"
            if new in taken:
                return self.stage_where(rel, bases, lets, last)
            taken.add(new)
            out_cols.append(Col(new, c.t, c.tags))
            sql_cols.append(f'r."{c.name}" AS "{new}"')
        is_left = rng.random() < 0.4
        verb = "left join" if is_left else rng.choice(["join", "join", "inner join"])
        on = wq_name(left_key.name) if left_key.name == right_key.name and rng.random() < 0.8 \
            else f"{wq_name(left_key.name)} = {wq_name(right_key.name)}"
        if "=" not in on and left_key.name != right_key.name:
            on = f"{wq_name(left_key.name)} = {wq_name(right_key.name)}"
        right_cte = right.cte
        sql = (f"SELECT {', '.join(sql_cols)}, row_number() OVER (ORDER BY l.__o, r.__o NULLS LAST) AS __o "
               f"FROM {rel.cte} l {'LEFT ' if is_left else ''}JOIN {right_cte} r ON l.\"{left_key.name}\" = r.\"{right_key.name}\"")
        kept = rel.source_cols | right.source_cols
        return Rel(out_cols, self.new_cte(sql), kept), f"{verb} {name} on {on}"

    # ----- expressions -----

    def param(self, name, context):
        """`$name` where the checker expects `context` (None: a bare parameter, typed from its text)."""
        text = self.params[name]
        t = context
        if t is None:
            try:
                int(text)
                t = "int"
            except ValueError:
                try:
                    float(text)
                    t = "dec"
                except ValueError:
                    t = "str"
        sql = {"int": lambda: sql_int(int(text)), "dec": lambda: f"CAST('{text}' AS DOUBLE)",
               "str": lambda: sql_string(text), "date": lambda: f"DATE '{text}'",
               "bool": lambda: text.upper()}[t]()
        tags = {"big"} if name == "pbig" else set()
        if t == "str" and beyond_latin(text):
            tags.add("beyond")
        if t == "str" and text != unicodedata.normalize("NFC", text):
            tags.add("nfd")
        return E(f"${name}", sql, t, tags)

    def nfd(self, *operands):
        """Notes a comparison, grouping or sort of text that may be spelt in NFD (item 7 of issue 20)."""
        if any(o.t == "str" and "nfd" in o.tags for o in operands):
            self.program.features.add("compares_nfd_strings")

    def column(self, rel, t):
        cols = rel.of(t)
        if not cols:
            return None
        c = self.rng.choice(cols)
        return E(wq_name(c.name), f'"{c.name}"', c.t, c.tags | ({"flt"} if c.name in self.program.float_columns else set()))

    def literal(self, t):
        rng = self.rng
        if t == "int":
            v = rng.choice(EXTREME_INTS) if rng.random() < 0.1 else rng.choice(INT_LITERALS)
            return E(str(v), sql_int(v), "int", {"big"} if abs(v) > 2**53 else set())
        if t == "dec":
            v = rng.choice(DEC_LITERALS)
            return E(v, f"CAST('{v}' AS DOUBLE)", "dec", {"flt"} if "e" in v else set())
        if t == "str":
            v = unicodedata.normalize(rng.choice(["NFC"] * 4 + ["NFD"]), rng.choice(TEXT_LITERALS))
            tags = {"beyond"} if beyond_latin(v) else set()
            if v != unicodedata.normalize("NFC", v):
                tags.add("nfd")
            return E(wq_string(v, rng.random() < 0.15), sql_string(v), "str", tags)
        if t == "bool":
            v = rng.choice(["true", "false"])
            return E(v, v.upper(), "bool")
        return None

    def expr(self, rel, t, depth):
        """An expression of type t."""
        rng = self.rng
        if t == "date" and not rel.of("date"):
            t = "int"
        if depth <= 0 or rng.random() < 0.35:
            return self.leaf(rel, t)
        if rng.random() < 0.06:   # casts (casts.py)
            cast = casts.expression(self, rel, t, depth - 1)
            if cast is not None:
                return cast
        if t == "bool":
            return self.cond(rel, depth)
        return getattr(self, "expr_" + t)(rel, depth - 1)

    def leaf(self, rel, t):
        rng = self.rng
        r = rng.random()
        if r < 0.65:
            e = self.column(rel, t)
            if e:
                return e
        if r < 0.75 and t == "int":
            # `$pi + 0` types the parameter by its context; bare ones are tried in select and calls.
            p = self.param(rng.choice(["pi", "pi", "pbig"]), "int")
            return E.join(f"({p.w} + 0)", f"({p.s} + CAST(0 AS BIGINT))", "int", [p])
        if t == "date":
            return self.column(rel, "date")
        return self.literal(t) or self.column(rel, t)

    def expr_int(self, rel, depth):
        rng = self.rng
        choice = rng.choice(["arith", "arith", "neg", "abs", "length", "datepart", "round", "coalesce", "mod"])
        if choice == "arith":
            a, b = self.expr(rel, "int", depth), self.expr(rel, "int", depth)
            op = rng.choice(["+", "-", "*"])
            return E.join(f"({a.w} {op} {b.w})", f"({a.s} {op} {b.s})", "int", [a, b],
                          may_fail="big" in a.tags or "big" in b.tags or op == "*")
        if choice == "mod":
            a, b = self.expr(rel, "int", depth), self.expr(rel, "int", depth)
            return E.join(f"({a.w} % {b.w})", f"imod({a.s}, {b.s})", "int", [a, b], may_fail=True)
        if choice == "neg":
            a = self.expr(rel, "int", depth)
            return E.join(f"-{a.w}" if a.w[0] not in "-" else f"-({a.w})", f"(CAST(0 AS BIGINT) - ({a.s}))", "int", [a], may_fail="big" in a.tags)
        if choice == "abs":
            a = self.expr(rel, "int", depth)
            if rng.random() < 0.1:
                self.program.features.add("param_untyped")
                a = self.param("pi", None)
            return E.join(f"abs({a.w})", f"abs({a.s})", "int", [a], may_fail="big" in a.tags)
        if choice in ("length", "datepart"):
            a = self.expr(rel, "str", depth)
            return E.join(f"length({a.w})", f"CAST(length_grapheme({a.s}) AS BIGINT)", "int", [a], extra=()).without("big")
        if choice == "datepart" and rel.of("date"):
            a = self.expr(rel, "date", depth)
            f = rng.choice(["year", "month", "day"])
            return E.join(f"{f}({a.w})", f"CAST({f}({a.s}) AS BIGINT)", "int", [a])
        if choice == "round":
            f = rng.choice(["round", "floor", "ceil"])
            a = self.expr(rel, rng.choice(["int", "dec"]), depth)
            if a.t == "int":
                if "big" in a.tags:
                    self.program.features.add("round_big_int")
                if f == "round" and rng.random() < 0.5:
                    # An integer rounded to digits stays an integer, rounded exactly (halves away from zero)
                    # to a multiple of 10^-n, an overflow if that does not fit: DuckDB's round of a BIGINT.
                    n = rng.choice([0, 1, 2, -1, -2])
                    self.program.features.add("round_int_digits")
                    return E.join(f"round({a.w}, {n})", f"round({a.s}, {n})", "int", [a], may_fail=n < 0)
                return E.join(f"{f}({a.w})", a.s, "int", [a])
            return E.join(f"{f}({a.w})", f"CAST({f}({exact_sql(a)}) AS BIGINT)", "int", [a], may_fail=True)
        a, b = self.expr(rel, "int", depth), self.maybe_failing(rel, "int", depth)
        if rng.random() < 0.1:
            a = self.param("pi", None)   # a bare argument (coalesce marks it)
        return self.coalesce([a, b], "int")

    def maybe_failing(self, rel, t, depth):
        """Sometimes an expression that fails on every row: the trap for eager evaluation."""
        if self.rng.random() < 0.25:
            if t == "int":
                return E("(1 % 0)", "(CAST(1 AS BIGINT) % CAST(0 AS BIGINT))", "int", may_fail=True)
            if t == "dec":
                return E("(1 / 0)", "wdiv(CAST(1 AS BIGINT), CAST(0 AS BIGINT))", "dec", may_fail=True)
        return self.expr(rel, t, depth)

    def coalesce(self, args, t):
        if any(a.may_fail for a in args[1:]):
            self.program.features.add("coalesce_may_fail_late")
        if any(a.w.startswith("$") for a in args):
            self.program.features.add("param_untyped")
        return E.join(f"coalesce({', '.join(a.w for a in args)})", f"coalesce({', '.join(a.s for a in args)})", t, args)

    def expr_dec(self, rel, depth):
        rng = self.rng
        choice = rng.choice(["arith", "arith", "div", "neg", "abs", "roundn", "coalesce", "mod"])
        if choice in ("arith", "mod"):
            a = self.dec_operand(rel, rng.choice(["int", "dec"]), depth)
            b = self.dec_operand(rel, "dec" if a.t == "int" else rng.choice(["int", "dec"]), depth)
            if choice == "mod" and not ({"big"} & (a.tags | b.tags)):
                # (Not of a decimal past 2^53: one ulp of difference in how the dividend was rounded
                # changes the remainder wholly.) Exact decimals: DuckDB's DECIMAL remainder.
                mod = "wmod" if "flt" in a.tags | b.tags else "wdmod"
                return E.join(f"({a.w} % {b.w})", f"{mod}({a.s}, {b.s})", "dec", [a, b], may_fail=True)
            op = rng.choice(["+", "-", "*"])
            if op == "*" and a.t == b.t == "dec" and not "flt" in a.tags | b.tags:
                b = self.small_int(rel)   # (a product of decimals adds their scales: d * d * d passes 18 digits)
            return E.join(f"({a.w} {op} {b.w})", f"fin(CAST({a.s} AS DOUBLE) {op} CAST({b.s} AS DOUBLE))", "dec", [a, b],
                          may_fail=op == "*")
        if choice == "div":
            a = self.dec_operand(rel, rng.choice(["int", "dec"]), depth)
            b = self.dec_operand(rel, rng.choice(["int", "dec"]), depth)
            # integer / integer is a float; a quotient of decimals is exact to 12 places (within abs_tol of DOUBLE's).
            return E.join(f"({a.w} / {b.w})", f"wdiv({a.s}, {b.s})", "dec", [a, b], extra={"flt"} if a.t == b.t == "int" else (),
                          may_fail=True)
        if choice == "neg":
            a = self.expr(rel, "dec", depth)
            return E.join(f"-{a.w}" if a.w[0] != "-" else f"-({a.w})", f"(-({a.s}))", "dec", [a])
        if choice == "abs":
            a = self.expr(rel, "dec", depth)
            return E.join(f"abs({a.w})", f"abs({a.s})", "dec", [a])
        if choice == "roundn":
            # (Of a decimal only: an integer rounded to digits is an integer, generated by expr_int.)
            a = self.expr(rel, "dec", depth)
            n = rng.choice([0, 1, 2, 3, -1, -2])
            return E.join(f"round({a.w}, {n})", f"CAST(round({exact_sql(a)}, {n}) AS DOUBLE)", "dec", [a])
        a = self.dec_operand(rel, rng.choice(["dec", "int"]), depth)
        b = self.maybe_failing(rel, "dec" if a.t == "int" else rng.choice(["int", "dec"]), depth)
        if "big" in b.tags:
            b = self.small_int(rel)
        return self.coalesce([a, b], "dec")

    def dec_operand(self, rel, t, depth):
        """An operand of decimal arithmetic: an integer past 2^53 is left out, because with a decimal it
        makes an exact result past 18 digits (E0410: `b * 3.125`), where DuckDB's DOUBLE goes on."""
        a = self.expr(rel, t, depth)
        return self.small_int(rel) if "big" in a.tags else a

    def expr_str(self, rel, depth):
        rng = self.rng
        choice = rng.choice(["lower", "upper", "trim", "substr", "concat", "coalesce"])
        if choice in ("lower", "upper", "trim"):
            a = self.expr(rel, "str", depth)
            return E.join(f"{choice}({a.w})", f"{choice}({a.s})", "str", [a])
        if choice == "substr":
            a = self.expr(rel, "str", depth)
            start = self.small_int(rel)
            if rng.random() < 0.5:
                n = self.small_int(rel)
                return E.join(f"substr({a.w}, {start.w}, {n.w})", f"gsubstr3({a.s}, {start.s}, {n.s})", "str", [a, start, n])
            return E.join(f"substr({a.w}, {start.w})", f"gsubstr2({a.s}, {start.s})", "str", [a, start])
        if choice == "concat":
            args = [self.expr(rel, rng.choice(["str", "str", "int", "bool", "date"]), depth) for _ in range(rng.randint(1, 3))]
            return E.join(f"concat({', '.join(a.w for a in args)})", f"concat({', '.join(a.s for a in args)})", "str", args)
        return self.coalesce([self.expr(rel, "str", depth), self.expr(rel, "str", depth)], "str")

    def small_int(self, rel):
        if self.rng.random() < 0.3 and any(c.name == "i" and c.t == "int" for c in rel.cols):
            return E("i", '"i"', "int")
        v = self.rng.choice([0, 1, 2, 3, 5, -1, 10])
        return E(str(v), sql_int(v), "int")

    def expr_date(self, rel, depth):
        a = self.column(rel, "date")
        if a is None:
            return None
        b = self.column(rel, "date")
        return self.coalesce([a, b], "date")

    def typed_pair(self, rel, depth):
        """Two expressions that compare: same type, or integer against decimal."""
        rng = self.rng
        a = self.expr(rel, rng.choice(["int", "int", "dec", "str", "str", "date", "bool"]), depth)
        t = a.t
        r = rng.random()
        if t == "date":
            if r < 0.4:
                return a, self.param("pdate", "date")
            if r < 0.7:
                v = rng.choice(["2022-06-12", "2021-01-01", "2022-12-31"])
                return a, E(f'"{v}"', f"DATE '{v}'", "date")
            return a, self.expr(rel, "date", depth) or a
        if r < 0.15:
            # (Not $pi against a decimal: the command line gives a parameter one type per script, so the
            # other programs of a batch, which use $pi as an integer, would get 2.0. Reported separately.)
            name = {"int": rng.choice(["pi", "pbig"]), "dec": "pd", "str": "ps", "bool": "pb"}[t]
            return a, self.param(name, t)
        if r < 0.2:
            return a, E("null", "NULL", "null")
        if t in ("int", "dec") and rng.random() < 0.3:
            return a, self.expr(rel, "dec" if t == "int" else "int", depth)
        return a, self.expr(rel, t, depth)

    def cond(self, rel, depth):
        rng = self.rng
        depth -= 1
        choice = rng.choice(["cmp"] * 5 + ["and", "or", "not", "in", "isnull", "between", "text", "text", "matches",
                                          "bool", "trap"])
        if depth <= 0 and choice in ("and", "or", "not", "trap"):
            choice = "cmp"
        if choice == "cmp":
            a, b = self.typed_pair(rel, depth)
            op = rng.choice(COMPARE)
            sop = SQL_COMPARE.get(op, op)
            if sop == "<":
                sop = "< /*lt*/"   # where --self-test plants its wrong translation
            if rng.random() < 0.3 and b.w.startswith("$"):
                a, b = b, a
            self.nfd(a, b)
            return E.join(f"({a.w} {op} {b.w})", f"({a.s} {sop} {b.s})", "bool", [a, b])
        if choice in ("and", "or"):
            a, b = self.cond(rel, depth), self.cond(rel, depth)
            return self.logical(choice, a, b)
        if choice == "not":
            a = self.cond(rel, depth)
            return E.join(f"(not {a.w})", f"(NOT {a.s})", "bool", [a])
        if choice == "in":
            a, b = self.typed_pair(rel, depth)
            items = [b] + [self.leaf(rel, a.t if a.t != "date" else "date") for _ in range(rng.randint(0, 2))]
            items = [i for i in items if i is not None]
            if rng.random() < 0.2:
                items.append(E("null", "NULL", "null"))
            neg = rng.random() < 0.3
            if a.w.startswith("$"):
                self.program.features.add("param_subject_untyped")
            self.nfd(a, *items)
            # Like wekaql's compileIn: a null subject reads no item, and the first equal item ends the search.
            whens = " ".join(f"WHEN {a.s} = {i.s} THEN {'FALSE' if neg else 'TRUE'}" for i in items)
            sql = (f"(CASE WHEN {a.s} IS NULL THEN NULL {whens} "
                   f"ELSE ({a.s} {'NOT ' if neg else ''}IN ({', '.join(i.s for i in items)})) END)")
            return E.join(f"({a.w} {'not ' if neg else ''}in ({', '.join(i.w for i in items)}))", sql, "bool", [a] + items)
        if choice == "isnull":
            a = self.expr(rel, rng.choice(["int", "dec", "str", "date", "bool"]), depth) or self.expr(rel, "int", depth)
            neg = rng.random() < 0.5
            return E.join(f"({a.w} is {'not ' if neg else ''}null)", f"({a.s} IS {'NOT ' if neg else ''}NULL)", "bool", [a])
        if choice == "between":
            a, low = self.typed_pair(rel, depth)
            high = self.expr(rel, a.t, depth) if a.t != "date" else low
            if high is None or high.t == "null":
                high = low
            neg = rng.random() < 0.3
            if a.w.startswith("$"):
                self.program.features.add("param_subject_untyped")
            self.nfd(a, low, high)
            word = "not between" if neg else "between"
            return E.join(f"({a.w} {word} {low.w} and {high.w})", f"({a.s} {word.upper()} {low.s} AND {high.s})", "bool", [a, low, high])
        if choice == "text":
            a = self.expr(rel, "str", depth)
            r = rng.random()
            b = self.literal("str") if r < 0.6 else self.param("ps", "str") if r < 0.7 else self.expr(rel, "str", depth)
            op = rng.choice(["contains", "starts with", "ends with", "=~"])
            neg = op != "=~" and rng.random() < 0.25
            sql = {"contains": "contains", "starts with": "starts_with", "ends with": "ends_with"}.get(op)
            s = f"(wfold({a.s}) = wfold({b.s}))" if op == "=~" else f"{sql}(wfold({a.s}), wfold({b.s}))"
            if "beyond" in a.tags or "beyond" in b.tags:
                self.program.features.add("folds_beyond_latin")
            return E.join(f"({a.w} {'not ' if neg else ''}{op} {b.w})", f"(NOT {s})" if neg else s, "bool", [a, b])
        if choice == "matches":
            a = self.expr(rel, "str", depth)
            pattern = rng.choice(REGEXES)
            neg = rng.random() < 0.2
            return E.join(f"({a.w} {'not ' if neg else ''}matches {wq_string(pattern)})",
                          f"({'NOT ' if neg else ''}regexp_matches({a.s}, {sql_string(re2_pattern(pattern))}))", "bool", [a])
        if choice == "bool":
            r = rng.random()
            if r < 0.3:
                return self.param("pb", "bool") if rng.random() < 0.3 else self.literal("bool")
            e = self.column(rel, "bool")
            if e is None:
                return self.literal("bool")
            if r < 0.6:
                return e
            return E.join(f"({e.w} = {'true' if r < 0.8 else 'false'})", f"({e.s} = {'TRUE' if r < 0.8 else 'FALSE'})", "bool", [e])
        # A lazy-evaluation trap: the right side fails on the rows the left side already decides.
        bad = self.rng.choice([E("(1 / 0 = 1)", "(wdiv(CAST(1 AS BIGINT), CAST(0 AS BIGINT)) = 1)", "bool", may_fail=True),
                               E("(1 % 0 = 0)", "((CAST(1 AS BIGINT) % CAST(0 AS BIGINT)) = 0)", "bool", may_fail=True)])
        if rng.random() < 0.5:
            return self.logical("and", E("false", "FALSE", "bool"), bad)
        if rng.random() < 0.5:
            return self.logical("or", E("true", "TRUE", "bool"), bad)
        a = self.cond(rel, depth)
        return self.logical(rng.choice(["and", "or"]), a, bad)

    def logical(self, op, a, b):
        if b.may_fail:
            self.program.features.add("logical_may_fail_late")
        if op == "and":
            s = f"(CASE WHEN ({a.s}) = FALSE THEN FALSE ELSE ({a.s}) AND ({b.s}) END)"
        else:
            s = f"(CASE WHEN ({a.s}) = TRUE THEN TRUE ELSE ({a.s}) OR ({b.s}) END)"
        e = E.join(f"({a.w} {op} {b.w})", s, "bool", [a, b])
        e.may_fail = a.may_fail or b.may_fail
        e.logic = (op, a, b)
        return e


def exact_sql(e):
    """A number for DuckDB's round, floor and ceil: as DECIMAL(38,12) when wekaql holds it exactly (so that
    0.15 rounds to 0.2, as exact decimals do, not to 0.1 as its DOUBLE 0.1499… does), a DOUBLE for a float."""
    return f"CAST({e.s} AS DOUBLE)" if "flt" in e.tags else f"CAST({e.s} AS DECIMAL(38,12))"


def where_sql(cond):
    """A `where` condition as wekaql's Filter runs it: at the top (through and/or, not through not), `a and
    b` tests b only on the rows a keeps, `a or b` only on the rows a does not keep. Rows where a is null
    are dropped by `and` before b is looked at, so b's errors there do not happen (expression `null and b`
    evaluates b)."""
    logic = getattr(cond, "logic", None)
    if logic is None:
        return cond.s
    op, a, b = logic
    if op == "and":
        return f"(CASE WHEN {where_sql(a)} THEN {where_sql(b)} ELSE FALSE END)"
    return f"(CASE WHEN {where_sql(a)} THEN TRUE ELSE {where_sql(b)} END)"


def _without(self, tag):
    self.tags.discard(tag)
    return self


E.without = _without


def re2_pattern(pattern):
    """Swift Regex classes are Unicode-aware; RE2's \\w and \\d are ASCII."""
    return pattern.replace("\\w", "[\\p{L}\\p{M}\\p{N}_]").replace("\\d", "\\p{Nd}")


def names_in(text):
    """The words of a program outside its string literals: the columns it names."""
    return set(re.findall(r"[A-Za-z_][A-Za-z_0-9]*", re.sub(r'"(?:[^"\\]|\\.)*"', " ", text)))


def beyond_latin(text):
    """Whether text has a letter with an accent outside Latin-1 and Latin Extended-A (U+0000-U+017F)."""
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) > 0x17F and unicodedata.decomposition(ch) and not unicodedata.decomposition(ch).startswith("<"):
            return True
        if unicodedata.combining(ch):
            return True
    return False
