#!/usr/bin/env python3
"""Cross-engine test: the same wekaql programs in memory, on SQLite and on DuckDB, with the same answers.

Generates tables and programs as the differential test does (Scripts/differential: tables.py, generator.py),
then for each table set:
- in memory: `wekaql --data t.csv …` (the reference);
- on SQLite: the tables written to a temporary .db with Python's sqlite3 module, the programs run by
  `wekaql --db FILE.db`, which sends each query to SQLite as one statement with its values bound;
- on DuckDB: the SQL that `wekaql --sql duckdb` prints for each program, with its bound values, run by the
  `duckdb` Python module on the same tables.
A program whose construct has no SQL in a dialect (error E1000) is counted apart for that dialect, not run.
The corpus of Tests/WekaQLTests/SQL/corpus.wql runs the same way over the built-in data.

    Scripts/cross-engine/run.py [--programs 1000] [--seed 18] [--wekaql .build/debug/wekaql]
"""

import argparse
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "Scripts", "differential"))
sys.dont_write_bytecode = True

import duckdb  # noqa: E402

from generator import Generator  # noqa: E402
from run import Answer, agree, parse_output, run_wekaql  # noqa: E402
from tables import DUCK_TYPE, T_TYPES, U_TYPES, TableSet  # noqa: E402

SQLITE_TYPE = {"int": "INTEGER", "dec": "REAL", "str": "TEXT", "date": "DATE", "bool": "BOOLEAN"}
MARKER = "__end_of_program"


def write_sqlite(path, tables):
    """t, u and m as SQLite tables, typed as wekaql reads the CSV files (b integer, e decimal)."""
    con = sqlite3.connect(path)
    for name, types, rows in (("t", T_TYPES, tables.t), ("u", U_TYPES, tables.u), ("m", {"x": "int"}, [{"x": "1"}])):
        con.execute(f'CREATE TABLE "{name}" (' + ", ".join(f'"{c}" {SQLITE_TYPE[t]}' for c, t in types.items()) + ")")
        values = [[convert(r[c], types[c]) for c in types] for r in rows]
        con.executemany(f'INSERT INTO "{name}" VALUES (' + ", ".join("?" for _ in types) + ")", values)
    con.commit()
    con.close()


def convert(text, kind):
    if text is None or text == "":
        return None
    if kind == "int":
        return int(text)
    if kind == "dec":
        return float(text)
    if kind == "bool":
        return 1 if text == "true" else 0
    return text


def load_duckdb(con, tables):
    for name, types, rows in (("t", T_TYPES, tables.t), ("u", U_TYPES, tables.u)):
        con.execute(f'DROP TABLE IF EXISTS "{name}"')
        con.execute(f'CREATE TABLE "{name}" (' + ", ".join(f'"{c}" {DUCK_TYPE[t]}' for c, t in types.items()) + ")")
        for r in rows:
            con.execute(f'INSERT INTO "{name}" VALUES (' + ", ".join("?" for _ in types) + ")",
                        [duck_value(r[c], types[c]) for c in types])


def duck_value(text, kind):
    if text is None or text == "":
        return None
    if kind == "bool":
        return text == "true"
    return convert(text, kind)


def sqlite_answers(binary, tables, db, programs):
    """The programs run by wekaql on the SQLite file (one script, as run_wekaql runs them in memory)."""
    script = []
    owner = {}
    for n, p in enumerate(programs):
        for line in p.text.splitlines():
            script.append(line)
            owner[len(script)] = n
        script.append(f"m select {n} as {MARKER}")
    fd, path = tempfile.mkstemp(suffix=".wql", dir=tables.directory)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write("\n".join(script) + "\n")
    command = [binary, "--no-builtin", "--db", db, "-f", "jsonl", "--keep-going"]
    for name, value in tables.params.items():
        command += ["--param", f"{name}={value}"]
    done = subprocess.run(command + [path], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
    os.unlink(path)
    return parse_output(done.stdout.decode("utf-8", "replace"), len(programs), path, owner)


def compiled_sql(binary, data_args, params, text, dialect):
    """What `wekaql --sql DIALECT` prints for a program: (statements, values) or the error code."""
    command = [binary] + data_args + ["--sql", dialect, "-e", text]
    for name, value in params.items():
        command += ["--param", f"{name}={value}"]
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    if done.returncode != 0:
        found = re.search(r"error\[(E\d+)\]", done.stderr.decode("utf-8", "replace"))
        return found.group(1) if found else "failed: " + done.stderr.decode("utf-8", "replace")[:300]
    statements, lines = [], []
    for line in done.stdout.decode("utf-8").split("\n"):
        if line.startswith("-- $") and statements:
            statements[-1][1].append(unquote(line.split(" = ", 1)[1]))
        elif line:
            lines.append(line)
            if line.endswith(";"):
                statements.append(("\n".join(lines)[:-1], []))
                lines = []
    return statements


def unquote(text):
    """A value as `--sql` prints it: a string literal, or a number, date or boolean as text (DuckDB casts it)."""
    if not text.startswith('"'):
        return text
    out, i = [], 1
    while i < len(text) - 1:
        c = text[i]
        if c == "\\":
            n = text[i + 1]
            if n == "u":
                end = text.index("}", i)
                out.append(chr(int(text[i + 3:end], 16)))
                i = end + 1
                continue
            out.append({"n": "\n", "t": "\t", "r": "\r"}.get(n, n))
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


def duck_answer(con, statements):
    try:
        rows = None
        for sql, values in statements:
            rows = [list(r) for r in con.execute(sql, values).fetchall()]
        return Answer(rows=rows)
    except (duckdb.OutOfRangeException, duckdb.InvalidInputException, duckdb.ConversionException) as e:
        return Answer(error="DUCKDB " + str(e).splitlines()[0])
    except duckdb.Error as e:
        return Answer(error="HARNESS " + type(e).__name__ + ": " + str(e).splitlines()[0])


def agrees(memory, other):
    """As the differential test's agree, with wekaql's own runtime errors (E04xx) matching on both sides."""
    if memory.error is not None and other.error is not None:
        return memory.error.startswith("E04") and not other.error.startswith("HARNESS")
    if other.error is not None and other.error.startswith("DUCKDB"):
        return memory.error is not None and memory.error.startswith("E04")
    return agree(memory, other)


def unread_error(program):
    """Whether the program can fail where no result reads the value: a failing expression (division,
    overflow) in a stage whose column a later stage may drop, or under a filter that removes every row."""
    return any(f in program.features for f in ("logical_may_fail_late", "coalesce_may_fail_late")) or \
        bool(re.search(r"(/|%|\*|\+|-|round|abs|sum|avg)", program.text))


BUILT_IN = ["operations", "figures", "countries", "arrests", "victims", "smuggling", "items", "other_crimes",
            "partners", "funders", "statements", "captions"]
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def built_in_tables(binary):
    """The built-in collections as rows and column types, read from `wekaql -f json`."""
    tables = {}
    for name in BUILT_IN:
        done = subprocess.run([binary, "-f", "json", "-e", name], stdout=subprocess.PIPE, check=True)
        rows = json.loads(done.stdout, object_pairs_hook=list)
        columns = [c for c, _ in rows[0]]
        kinds = {}
        for index, column in enumerate(columns):
            values = [r[index][1] for r in rows if r[index][1] is not None]
            if values and all(isinstance(v, bool) for v in values):
                kinds[column] = "bool"
            elif values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
                kinds[column] = "int"
            elif values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
                kinds[column] = "dec"
            elif values and all(isinstance(v, str) and DATE.match(v) for v in values):
                kinds[column] = "date"
            else:
                kinds[column] = "str"
        tables[name] = (kinds, [[v for _, v in r] for r in rows])
    return tables


def run_corpus(binary, con, work):
    """The golden queries and one query per construct over the built-in data: in memory, on SQLite, on DuckDB."""
    tables = built_in_tables(binary)
    db = os.path.join(work, "built-in.db")
    lite = sqlite3.connect(db)
    for name, (kinds, rows) in tables.items():
        lite.execute(f'CREATE TABLE "{name}" (' + ", ".join(f'"{c}" {SQLITE_TYPE[t]}' for c, t in kinds.items()) + ")")
        lite.executemany(f'INSERT INTO "{name}" VALUES (' + ", ".join("?" for _ in kinds) + ")",
                         [[(1 if v else 0) if isinstance(v, bool) else v for v in r] for r in rows])
        con.execute(f'DROP TABLE IF EXISTS "{name}"')
        con.execute(f'CREATE TABLE "{name}" (' + ", ".join(f'"{c}" {DUCK_TYPE[t]}' for c, t in kinds.items()) + ")")
        for r in rows:
            con.execute(f'INSERT INTO "{name}" VALUES (' + ", ".join("?" for _ in kinds) + ")", r)
    lite.commit()
    lite.close()
    golden = os.path.join(ROOT, "Tests", "WekaQLTests", "Golden")
    files = sorted(os.path.join(golden, "queries", f) for f in os.listdir(os.path.join(golden, "queries")) if f.endswith(".wql"))
    files.append(os.path.join(golden, "sql", "constructs.wql"))
    params = ["--param", "country=Togo", "--param", "n=2"]
    agreed, failed = 0, []
    for path in files:
        memory = subprocess.run([binary, "-f", "jsonl", "--keep-going"] + params + [path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        on_sqlite = subprocess.run([binary, "--no-builtin", "--db", db, "-f", "jsonl", "--keep-going"] + params + [path],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        codes = lambda text: re.findall(r"error\[(E\d+)\]", text.decode("utf-8", "replace"))
        rows = [json.loads(line) for line in memory.stdout.decode("utf-8").splitlines() if line]
        if memory.stdout != on_sqlite.stdout or codes(memory.stderr) != codes(on_sqlite.stderr):
            failed.append(f"sqlite: {os.path.basename(path)}")
        else:
            agreed += 1
        with open(path, encoding="utf-8") as source:
            statements = compiled_sql(binary, [], dict(p.split("=", 1) for p in params[1::2]), source.read(), "duckdb")
        if isinstance(statements, str):
            failed.append(f"duckdb: {os.path.basename(path)} did not compile ({statements})")
            continue
        duck_rows = []
        for sql, values in statements:
            answer = duck_answer(con, [(sql, values)])
            if answer.error:
                failed.append(f"duckdb: {os.path.basename(path)}: {answer.error}")
                break
            duck_rows += answer.rows
        else:
            if agree(Answer(rows=[list(r.values()) for r in rows]), Answer(rows=duck_rows)):
                agreed += 1
            else:
                failed.append(f"duckdb: {os.path.basename(path)} gives other rows")
    for failure in failed:
        print("corpus disagrees: " + failure)
    print(f"corpus: {agreed} of {2 * len(files)} file runs agree (in memory against SQLite and against DuckDB)")
    return len(failed)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--programs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--per-table", type=int, default=100)
    parser.add_argument("--wekaql", default=os.path.join(ROOT, ".build", "debug", "wekaql"))
    parser.add_argument("--show", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="wekaql-cross-engine-")
    # agreed, disagreed, no SQL (E1000), wekaql's run-time error not raised by the engine (a value no later
    # stage reads: wekaql computes every column of every stage, an SQL engine only those the result needs)
    counts = {"sqlite": [0, 0, 0, 0], "duckdb": [0, 0, 0, 0]}
    shown = 0
    con = duckdb.connect()
    con.execute("SET threads = 1")
    corpus_failures = run_corpus(args.wekaql, con, work)
    sets = (args.programs + args.per_table - 1) // args.per_table
    for index in range(sets):
        tables = TableSet(random.Random(rng.getrandbits(64)), os.path.join(work, f"set{index}"))
        gen = Generator(random.Random(rng.getrandbits(64)), tables.params)
        programs = [gen.program_for(index * args.per_table + n) for n in range(min(args.per_table, args.programs - index * args.per_table))]
        db = os.path.join(tables.directory, "tables.db")
        write_sqlite(db, tables)
        load_duckdb(con, tables)
        memory = run_wekaql(args.wekaql, tables, programs, 300)
        on_sqlite = sqlite_answers(args.wekaql, tables, db, programs)
        if memory in (None, "timeout") or on_sqlite is None:
            print(f"table set {index}: wekaql gave no whole output (memory: {memory is None}, sqlite: {on_sqlite is None})")
            counts["sqlite"][1] += len(programs)
            continue
        data_args = ["--no-builtin", "--data", tables.path("t") + ":types=b:integer", "--data", tables.path("u") + ":types=e:decimal"]
        for p, m, s in zip(programs, memory, on_sqlite):
            sqlite_sql = compiled_sql(args.wekaql, data_args, tables.params, p.text, "sqlite")
            for dialect, answer in (("sqlite", s), ("duckdb", None)):
                statements = sqlite_sql if dialect == "sqlite" else compiled_sql(args.wekaql, data_args, tables.params, p.text, "duckdb")
                if statements == "E1000":
                    counts[dialect][2] += 1
                    continue
                if isinstance(statements, str):
                    if m.error is not None:   # a program that fails to check fails everywhere
                        counts[dialect][0] += 1
                        continue
                    answer = Answer(error="COMPILE " + statements)
                elif dialect == "duckdb":
                    answer = duck_answer(con, statements)
                if agrees(m, answer):
                    counts[dialect][0] += 1
                    continue
                if m.error is not None and m.error.startswith("E04") and answer.rows is not None and unread_error(p):
                    counts[dialect][3] += 1
                    continue
                counts[dialect][1] += 1
                if shown < args.show:
                    shown += 1
                    print("=" * 80 + f"\n{dialect} DISAGREES\nprogram:\n  " + p.text.replace("\n", "\n  "))
                    print("parameters: " + " ".join(f"{k}={v}" for k, v in tables.params.items()))
                    if not isinstance(statements, str):
                        print("sql:\n  " + "\n  ".join(sql for sql, _ in statements) + f"\nvalues: {statements[-1][1]}")
                    print(f"memory:\n{m}\n{dialect}:\n{answer}")
    shutil.rmtree(work, ignore_errors=True) if not corpus_failures and not any(c[1] for c in counts.values()) else print(f"kept {work}")
    for dialect, (ok, bad, none, unraised) in counts.items():
        print(f"{dialect}: {ok} agreed, {bad} disagreed, {none} with no SQL (E1000), {unraised} with an error in a value "
              f"no result reads, not raised by the engine, of {args.programs} programs")
    return 1 if corpus_failures or any(c[1] for c in counts.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
