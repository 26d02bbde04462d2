"""Casts for the differential generator: int(x), decimal(x), float(x), string(x), date(x), bool(x) and
their try_ forms (README "Casts"), with DuckDB's CAST and TRY_CAST as the translation.

Translation rules (where wekaql and DuckDB agree by construction):
- int of a decimal rounds half away from zero: CAST(round(x) AS BIGINT) over DECIMAL(38,12), not
  CAST(double AS BIGINT), which rounds half to even; int of a boolean is 1 or 0.
- try_int, try_decimal, try_float, try_bool and try_date of text are TRY_CAST of the text, over texts
  both read alike: signs, leading zeros, spaces around a number, decimals rounded for an integer, `1e3`.
  (Not ` y ` for a boolean or `2022-6-1` for a date, which DuckDB takes and wekaql does not.)
- string of an integer, a boolean or a date is CAST AS VARCHAR; not of a decimal (exact text `1.50`
  against DOUBLE's `1.5`), as concat of a decimal is avoided.
- decimal of an integer and float of a number are CAST AS DOUBLE (a decimal is compared to 12 digits).
"""

import random

from tables import INT64_MAX

INT_TEXTS = ["42", "007", "-3", "+5", " 12 ", "1.5", "2.5", "-2.5", "abc", str(INT64_MAX + 1), "1e3", ""]
NUMBER_TEXTS = ["1.50", "-0.25", " 2.5 ", "abc", "1e3", "+7", ".5", "12"]
BOOL_TEXTS = ["yes", "no", "true", "F", "1", "0", "maybe", "T", "N"]
DATE_TEXTS = ["2022-06-12", "2022-02-30", " 2022-06-12", "x"]


def text_literal(gen_module, choices, rng):
    v = rng.choice(choices)
    return gen_module.E(gen_module.wq_string(v), gen_module.sql_string(v), "str")


def expression(gen, rel, t, depth):
    """A cast giving type t, or None when none fits."""
    import generator as g
    rng = gen.rng
    if t == "int":
        form = rng.choice(["int_dec", "try_int_text", "int_bool"])
        if form == "int_dec":
            a = gen.dec_operand(rel, "dec", depth)
            return g.E.join(f"int({a.w})", f"CAST(round({g.exact_sql(a)}) AS BIGINT)", "int", [a], may_fail=True)
        if form == "int_bool":
            a = gen.expr(rel, "bool", depth)
            return g.E.join(f"int({a.w})", f"CAST({a.s} AS BIGINT)", "int", [a])
        a = text_literal(g, INT_TEXTS, rng)
        return g.E.join(f"try_int({a.w})", f"TRY_CAST({a.s} AS BIGINT)", "int", [a])
    if t == "dec":
        form = rng.choice(["decimal_int", "float_number", "try_text"])
        if form == "decimal_int":
            a = gen.dec_operand(rel, "int", depth)
            return g.E.join(f"decimal({a.w})", f"CAST({a.s} AS DOUBLE)", "dec", [a])
        if form == "float_number":
            a = gen.expr(rel, rng.choice(["int", "dec"]), depth)
            return g.E.join(f"float({a.w})", f"CAST({a.s} AS DOUBLE)", "dec", [a], extra={"flt"})
        a = text_literal(g, NUMBER_TEXTS, rng)
        f = rng.choice(["try_decimal", "try_float"])
        return g.E.join(f"{f}({a.w})", f"TRY_CAST({a.s} AS DOUBLE)", "dec", [a], extra={"flt"} if f == "try_float" else ())
    if t == "str":
        a = gen.expr(rel, rng.choice(["int", "bool", "date"]), depth)
        if a is None:
            return None
        f = rng.choice(["string", "try_string"])
        return g.E.join(f"{f}({a.w})", f"CAST({a.s} AS VARCHAR)", "str", [a])
    if t == "bool":
        if rng.random() < 0.5:
            a = gen.expr(rel, "int", depth)
            return g.E.join(f"bool({a.w})", f"CAST({a.s} AS BOOLEAN)", "bool", [a])
        a = text_literal(g, BOOL_TEXTS, rng)
        return g.E.join(f"try_bool({a.w})", f"TRY_CAST({a.s} AS BOOLEAN)", "bool", [a])
    if t == "date":
        a = text_literal(g, DATE_TEXTS, rng)
        return g.E.join(f"try_date({a.w})", f"TRY_CAST({a.s} AS DATE)", "date", [a])
    return None
