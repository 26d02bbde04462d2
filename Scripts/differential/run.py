#!/usr/bin/env python3
"""Differential test of wekaql against DuckDB.

Generates tables (tables.py) and wekaql programs with their SQL translations (generator.py), runs the
programs through the wekaql binary and the SQL through DuckDB, and compares the answers: numbers
(integers exactly, decimals to about 12 significant digits, integer against decimal a difference), nulls,
booleans and text byte for byte, in order.
"Both raise an error" is agreement. Known open bugs are matched precisely by KNOWN (known.py) and do
not fail the run. Disagreements are printed with the program, the SQL, both answers and a repro on
tables reduced to the rows that still disagree; the last line is `N passed, M failed`.

    Scripts/differential/run.py [--programs 2000] [--seed 20] [--wekaql .build/debug/wekaql]
    Scripts/differential/run.py --programs 20000 --seed 7      # more, locally
    Scripts/differential/run.py --self-test                    # a planted wrong translation must fail
"""

import argparse
import concurrent.futures
import json
import math
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True   # no __pycache__ in the source tree

import duckdb  # noqa: E402

from generator import Generator  # noqa: E402
from known import KNOWN, classify  # noqa: E402
from tables import DUCK_TYPE, T_TYPES, U_TYPES, TableSet, write_csv  # noqa: E402

MARKER = "__end_of_program"
MACROS = [
    # A decimal result past the doubles (inf) is an error in wekaql.
    "CREATE MACRO fin(x) AS CASE WHEN isinf(x) OR isnan(x) THEN error('decimal overflow') ELSE x END",
    # Both operands are evaluated (the sum of doubles, which cannot fail, reads both), then a null operand
    # makes null before the divisor is looked at: null / 0 is null.
    "CREATE MACRO wdiv(a, b) AS CASE WHEN (CAST(a AS DOUBLE) + CAST(b AS DOUBLE)) IS NULL THEN NULL "
    "WHEN b = 0 THEN error('division by zero') ELSE fin(CAST(a AS DOUBLE) / CAST(b AS DOUBLE)) END",
    "CREATE MACRO wmod(a, b) AS CASE WHEN (CAST(a AS DOUBLE) + CAST(b AS DOUBLE)) IS NULL THEN NULL "
    "WHEN b = 0 THEN error('division by zero') ELSE CAST(a AS DOUBLE) % CAST(b AS DOUBLE) END",
    # The remainder of exact decimals, in DuckDB's DECIMAL (0.3 % 0.1 is 0, where DOUBLE's is 0.0999…).
    "CREATE MACRO wdmod(a, b) AS CASE WHEN (CAST(a AS DOUBLE) + CAST(b AS DOUBLE)) IS NULL THEN NULL "
    "WHEN b = 0 THEN error('division by zero') ELSE CAST(CAST(a AS DECIMAL(38,12)) % CAST(b AS DECIMAL(38,12)) AS DOUBLE) END",
    "CREATE MACRO imod(a, b) AS CASE WHEN (CAST(a AS DOUBLE) + CAST(b AS DOUBLE)) IS NULL THEN NULL ELSE a % b END",
    # Folding.swift: lower case, accents off, a few Latin letters to their base, curly apostrophes straight.
    "CREATE MACRO wfold(x) AS translate(lower(strip_accents(x)), 'øłđħŧıŀ‘’ʼ', 'oldhtil''''''')",
]
UNWANTED_OPTIMIZERS = ["unused_columns", "column_lifetime", "filter_pushdown", "filter_pullup", "cte_filter_pusher",
                       "empty_result_pullup", "reorder_filter", "limit_pushdown", "top_n", "cte_inlining",
                       "join_elimination", "late_materialization", "projection_pullup", "scalar_fn_pushdown",
                       "join_filter_pushdown", "common_subplan", "statistics_propagation", "expression_rewriter",
                       "common_subexpressions"]   # which would compute a repeated part before a lazy coalesce
RUNTIME_ERRORS = (duckdb.OutOfRangeException, duckdb.InvalidInputException, duckdb.ConversionException)


class Answer:
    """What one side said: rows (lists of values), or an error."""

    def __init__(self, rows=None, error=None):
        self.rows, self.error = rows, error

    def __str__(self):
        if self.error is not None:
            return f"error: {self.error}"
        if not self.rows:
            return "(no rows)"
        return "\n".join("  " + json.dumps(r, ensure_ascii=False, default=str) for r in self.rows[:30]) + \
            (f"\n  … {len(self.rows)} rows" if len(self.rows) > 30 else "")


# ----- DuckDB -----

def duck_connect():
    con = duckdb.connect()
    con.execute("SET threads = 1")   # sums of decimals in one order, like wekaql's
    # wekaql computes every column of every stage, so an overflow in a column a later stage drops is
    # still an error; DuckDB's optimizers would skip such columns, or move filters between stages.
    con.execute("SET disabled_optimizers = '" + ",".join(UNWANTED_OPTIMIZERS) + "'")
    for macro in MACROS:
        con.execute(macro)
    # A null argument makes null (DuckDB does not call these then), after every argument is evaluated.
    con.create_function("gsubstr2", lambda s, a: substring(s, a, None), ["VARCHAR", "BIGINT"], "VARCHAR")
    con.create_function("gsubstr3", substring, ["VARCHAR", "BIGINT", "BIGINT"], "VARCHAR")
    return con


def characters(text):
    """Grapheme clusters as far as the generated text needs: a letter and the combining marks after it."""
    out = []
    for ch in text:
        if out and unicodedata.combining(ch):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def substring(text, start, length):
    """wekaql's substr (Functions.swift): characters, the start clamped to 1…count+1, the length to 0…rest."""
    chars = characters(text)
    first = max(1, min(start, len(chars) + 1)) - 1
    count = len(chars) - first
    if length is not None:
        count = max(0, min(length, count))
    return "".join(chars[first:first + count])


def duck_load(con, tables):
    for name, types in (("t", T_TYPES), ("u", U_TYPES)):
        columns = ", ".join(f"'{c}': '{DUCK_TYPE[t]}'" for c, t in types.items())
        values = ", ".join(f'"{c}"' for c in types)
        con.execute(f"DROP TABLE IF EXISTS base_{name}")
        con.execute(f"CREATE TABLE base_{name} AS SELECT {values}, row_number() OVER () AS __o FROM read_csv("
                    f"'{tables.path(name)}', header = true, auto_detect = false, delim = ',', quote = '\"', "
                    f"escape = '\"', columns = {{{columns}}})")


def duck_answer(con, program, plant=False):
    """DuckDB's answer; with `plant`, of the deliberately wrong translation --self-test uses."""
    def sql(text):
        return text.replace("< /*lt*/", "<=") if plant else text
    try:
        for check in program.checks:   # let bindings run even when no later statement reads them
            con.execute(sql(check)).fetchall()
        return Answer(rows=[list(r) for r in con.execute(sql(program.sql)).fetchall()])
    except RUNTIME_ERRORS as e:
        return Answer(error=type(e).__name__ + ": " + str(e).splitlines()[0])
    except duckdb.Error as e:
        return Answer(error="HARNESS " + type(e).__name__ + ": " + str(e).splitlines()[0])


# ----- wekaql -----

def wekaql_command(binary, tables, extra):
    command = [binary, "--no-builtin", "--data", tables.path("t") + ":types=b:integer", "--data", tables.path("u") + ":types=e:float", "--data",
               tables.path("m"), "-f", "jsonl", "--keep-going"]
    for name, value in tables.params.items():
        command += ["--param", f"{name}={value}"]
    return command + extra


def run_wekaql(binary, tables, programs, timeout):
    """Runs programs in one script, each followed by a marker statement; one Answer per program, None
    when the output is not whole (a crash), "timeout" when it hangs. With --keep-going every statement
    runs; rows come before their program's marker, and errors (printed at the end) name their line."""
    script, owner = [], {}
    for n, p in enumerate(programs):
        for line in p.text.splitlines():
            script.append(line)
            owner[len(script)] = n
        script.append(f"m select {n} as {MARKER}")
    fd, path = tempfile.mkstemp(suffix=".wql", dir=tables.directory)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write("\n".join(script) + "\n")
    try:
        done = subprocess.run(wekaql_command(binary, tables, [path]), stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout"
    finally:
        os.unlink(path)
    return parse_output(done.stdout.decode("utf-8", "replace"), len(programs), path, owner)


def parse_output(text, count, path, owner):
    rows, errors = [[] for _ in range(count)], [[] for _ in range(count)]
    ended = 0
    error_line = re.compile(r"^" + re.escape(path) + r":(\d+):\d+: error\[(E\d+)\]: (.*)$")
    for line in text.splitlines():
        if line.startswith("{") and ended < count:
            value = json.loads(line, object_pairs_hook=list)
            if len(value) == 1 and value[0][0] == MARKER:
                ended += 1
            else:
                rows[ended].append([v for _, v in value])
            continue
        found = error_line.match(line)
        if found and int(found.group(1)) in owner:
            errors[owner[int(found.group(1))]].append(f"{found.group(2)} {found.group(3)}")
    if ended != count:
        return None
    return [Answer(error=" ".join(e)) if e else Answer(rows=r) for r, e in zip(rows, errors)]


# ----- comparison -----

def same_value(a, b):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        # Types too: wekaql writes a decimal with a point (1.0), so JSON tells integer from decimal.
        if isinstance(a, int) != isinstance(b, int):
            return False
        if isinstance(a, int):
            return a == b
        return a == b or math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-9)
    if hasattr(b, "isoformat"):
        b = b.isoformat()
    if hasattr(b, "as_integer_ratio") and not isinstance(a, str):   # a Decimal from DuckDB
        return same_value(a, float(b))
    if isinstance(a, str) and isinstance(b, str):
        return a == b   # byte for byte: NFC and NFD spellings are different strings
    if isinstance(a, list) and isinstance(b, list):   # a list (JSON array) against DuckDB's list
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    return False


def in_nfc(answer):
    """The answer with every string in NFC (for the expected failure of issue 20 item 7)."""
    if answer.rows is None:
        return answer
    return Answer(rows=[[unicodedata.normalize("NFC", v) if isinstance(v, str) else v for v in r] for r in answer.rows])


def agree_answers(a, b):
    """Two DuckDB answers (for --self-test): the same rows, or both an error."""
    if a.error is not None or b.error is not None:
        return a.error is not None and b.error is not None
    def as_written(v):   # dates as wekaql writes them, inside lists too
        if isinstance(v, list):
            return [as_written(x) for x in v]
        return v.isoformat() if hasattr(v, "isoformat") else v
    return agree(Answer(rows=[[as_written(v) for v in r] for r in a.rows]), b)


def agree(w, d):
    """The same rows in the same order, or both failing as they run: wekaql with a run-time error (E04xx;
    a generated program is valid, so a checker's error never agrees), DuckDB with an overflow, a division by
    zero or a conversion out of range (any other DuckDB error is the harness's own)."""
    if w.error is not None or d.error is not None:
        return (w.error is not None and w.error.startswith("E04") and d.error is not None
                and not d.error.startswith("HARNESS"))
    if len(w.rows) != len(d.rows):
        return False
    return all(len(x) == len(y) and all(same_value(a, b) for a, b in zip(x, y)) for x, y in zip(w.rows, d.rows))


def is_check_error(answer):
    return answer.error is not None and re.match(r"E0[0-3]", answer.error) is not None


# ----- reduction to a small repro -----

def reduce_tables(binary, con, tables, program, directory):
    """Drops rows of t and u while wekaql and DuckDB still disagree (the same way): a small repro."""
    trial = TableSet.__new__(TableSet)
    trial.directory, trial.params = directory, tables.params
    os.makedirs(directory, exist_ok=True)
    with open(trial.path("m"), "w") as out:
        out.write("x\n1\n")
    rows = {"t": list(tables.t), "u": list(tables.u)}
    wanted = None

    def disagrees(candidate):
        write_csv(trial.path("t"), candidate["t"], list(T_TYPES))
        write_csv(trial.path("u"), candidate["u"], list(U_TYPES))
        answers = run_wekaql(binary, trial, [program], 20)
        if not answers or is_check_error(answers[0]):
            return False
        duck_load(con, trial)
        d = duck_answer(con, program)
        kind = (answers[0].error is None, d.error is None)
        return not agree(answers[0], d) and (wanted is None or kind == wanted)

    if not disagrees(rows):
        duck_load(con, tables)
        return None
    w = run_wekaql(binary, trial, [program], 20)[0]
    wanted = (w.error is None, duck_answer(con, program).error is None)
    for name in ("t", "u"):
        chunk = max(1, len(rows[name]) // 2)
        while chunk >= 1:
            i = 0
            while i < len(rows[name]) and len(rows[name]) > 1:
                candidate = dict(rows)
                candidate[name] = rows[name][:i] + rows[name][i + chunk:]
                if candidate[name] and disagrees(candidate):
                    rows = candidate
                else:
                    i += chunk
            chunk //= 2
    disagrees(rows)   # leave the reduced files on disk
    duck_load(con, tables)
    return trial


def repro_text(binary, trial, program):
    def heredoc(name):
        with open(trial.path(name), encoding="utf-8") as f:
            return f"cat > {name}.csv <<'EOF'\n{f.read()}EOF"
    params = " ".join(f"--param {shlex.quote(n + '=' + v)}" for n, v in trial.params.items() if "$" + n in program.text)
    return "\n".join([heredoc("t"), heredoc("u"),
                      f"wekaql --no-builtin --data t.csv:types=b:integer --data u.csv:types=e:float {params} -f jsonl -e {shlex.quote(program.text)}"])


# ----- the run -----

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--programs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--per-table", type=int, default=100, help="programs per generated table set")
    parser.add_argument("--batch", type=int, default=50, help="programs per wekaql process")
    parser.add_argument("--jobs", type=int, default=2, help="wekaql processes at once")
    parser.add_argument("--wekaql", default=None, help="the binary (default: swift build --show-bin-path)/wekaql")
    parser.add_argument("--show", type=int, default=10, help="failures printed in full, with a reduced repro")
    parser.add_argument("--self-test", action="store_true", help="plant a wrong translation; pass only if it is caught")
    parser.add_argument("--quiet", action="store_true", help="print only failures and the closing line")
    parser.add_argument("--no-known", action="store_true",
                        help="count the known bugs (known.py) as failures too: to see which are fixed")
    parser.add_argument("--only", default=None, help="with --no-known: print only the failures this known bug matches")
    args = parser.parse_args()
    binary = args.wekaql or find_binary()
    if args.self_test:
        sys.exit(self_test(binary, args))
    failed = run(binary, args)
    sys.exit(1 if failed else 0)


def find_binary():
    root = os.path.dirname(os.path.dirname(HERE))
    path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=root, stdout=subprocess.PIPE, text=True, check=True)
    return os.path.join(path.stdout.strip(), "wekaql")


def run(binary, args, plant=False):
    started = time.monotonic()
    con = duck_connect()
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="wekaql-differential-")
    passed, failures, expected, planted, still = 0, [], {}, [], {}
    shown = 0
    set_count = (args.programs + args.per_table - 1) // args.per_table
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs)
    for set_index in range(set_count):
        tables = TableSet(random.Random(rng.getrandbits(64)), os.path.join(work, f"set{set_index}"))
        gen = Generator(random.Random(rng.getrandbits(64)), tables.params)
        count = min(args.per_table, args.programs - set_index * args.per_table)
        programs = [gen.program_for(set_index * args.per_table + n) for n in range(count)]
        batched = [p for p in programs if not p.solo]
        groups = [batched[i:i + args.batch] for i in range(0, len(batched), args.batch)] + \
                 [[p] for p in programs if p.solo]
        futures = [pool.submit(run_group, binary, tables, group) for group in groups]
        duck_load(con, tables)
        duck = {id(p): duck_answer(con, p, plant) for p in programs}
        if plant:
            planted.extend(p for p in programs if not agree_answers(duck_answer(con, p), duck[id(p)]))
        for group, future in zip(groups, futures):
            for p, w in zip(group, future.result()):
                d = duck[id(p)]
                if agree(w, d):
                    passed += 1
                    continue
                known = still_key = classify(p, w, d, {"same_but_nfc": agree(in_nfc(w), in_nfc(d))})
                if plant or args.no_known:   # a planted failure is never "known"
                    if known and not plant:
                        still[known] = still.get(known, 0) + 1
                    known = None
                if known:
                    expected[known] = expected.get(known, 0) + 1
                    continue
                failures.append(p)
                if args.only and still_key != args.only:
                    continue
                if shown < args.show:
                    shown += 1
                    report(binary, con, tables, p, w, d, os.path.join(work, f"repro{shown}"), args.quiet)
    pool.shutdown()
    elapsed = time.monotonic() - started
    if not args.quiet or failures:
        print(f"\n{args.programs} programs over {set_count} table sets, seed {args.seed}, {elapsed:.1f} s")
        for key, n in sorted(expected.items()):
            print(f"expected failure ({KNOWN[key]['issue']}): {n} programs [{key}]")
        for key in KNOWN if args.no_known else ():
            print(f"known bug {key}: {still.get(key, 0)} failing programs match it ({KNOWN[key]['issue']})")
    if failures and not plant:
        print(f"tables and reduced repros kept in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    if not plant:   # (the self-test closes with its own verdict)
        print(f"{passed + sum(expected.values())} passed, {len(failures)} failed")
    return (failures, planted) if plant else failures


def run_group(binary, tables, group):
    answers = run_wekaql(binary, tables, group, 120 if len(group) > 1 else 20)
    if answers is None or answers == "timeout":
        if len(group) == 1:
            return [Answer(error="TIMEOUT" if answers == "timeout" else "CRASH (no output)")]
        return [a for p in group for a in run_group(binary, tables, [p])]
    if len(group) > 1:
        # The command line gives a $parameter one type for the whole script (a bug, reported apart): a
        # program that uses $pi as a decimal makes it 2.0 for the other programs of its batch. Alone, each
        # program gets its own type.
        answers = [run_group(binary, tables, [p])[0] if a.error and a.error.startswith("E0308") else a
                   for p, a in zip(group, answers)]
    return answers


def report(binary, con, tables, program, w, d, directory, quiet):
    print("=" * 100)
    print("DISAGREEMENT\nprogram:\n" + "\n".join("  " + line for line in program.text.splitlines()))
    print("parameters: " + " ".join(f"{n}={v}" for n, v in tables.params.items() if "$" + n in program.text))
    print("sql:\n  " + program.sql.replace("\n", "\n  "))
    print("wekaql:\n" + str(w))
    print("duckdb:\n" + str(d))
    if w.rows is not None and d.rows is not None:
        first = next((n for n, (x, y) in enumerate(zip(w.rows, d.rows))
                      if len(x) != len(y) or not all(same_value(a, b) for a, b in zip(x, y))), min(len(w.rows), len(d.rows)))
        print(f"first difference at row {first + 1} ({len(w.rows)} rows against {len(d.rows)}):")
        print("  wekaql: " + (json.dumps(w.rows[first], ensure_ascii=False) if first < len(w.rows) else "(none)"))
        print("  duckdb: " + (json.dumps(d.rows[first], ensure_ascii=False, default=str) if first < len(d.rows) else "(none)"))
    trial = reduce_tables(binary, con, tables, program, directory)
    if trial:
        print("repro (tables reduced to the rows that still disagree):\n" + repro_text(binary, trial, program))


def self_test(binary, args):
    """Plants a wrong translation (`<` as `<=`) and checks that every program whose planted answer differs
    from the honest one is reported as a failure, and that there are such programs: otherwise the harness
    would assert nothing."""
    args.programs, args.show, args.quiet = min(args.programs, 500), 0, True
    failures, planted = run(binary, args, plant=True)
    caught = {id(f) for f in failures}
    missed = [p for p in planted if id(p) not in caught]
    if planted and not missed:
        print(f"self-test: the planted wrong translation changed {len(planted)} answers and all were caught")
        return 0
    print(f"self-test FAILED: the planted translation changed {len(planted)} answers, {len(missed)} not caught")
    for p in missed[:5]:
        print("  missed: " + p.text.replace("\n", " ; "))
    return 1


if __name__ == "__main__":
    main()
