#!/usr/bin/env python3
"""Cross-engine test: the same wekaql programs in memory and on each SQL engine, with the same answers.

The programs are the differential test's (Scripts/differential: tables.py makes the tables, generator.py the
programs), and the corpus: every query of Tests/WekaQLTests/Golden/queries/*.wql and
Golden/sql/constructs.wql, over the built-in data. For each table set the programs are one script, each
program followed by a marker statement, run
- in memory: `wekaql --data t.csv …`, the reference, with the columns typed as the engine's tables type them
  (a SQLite REAL is a float, so `t.d` is read as a float for the comparison with SQLite);
- on each engine (`engines` in main):
  - sqlite: the tables written to a .db file with Python's sqlite3 module, the script run by `wekaql --db`,
    which sends each query to SQLite as one statement with its values bound;
  - postgres: a throwaway server (Scripts/postgres-test-server.sh), the tables copied in with psql, the
    script run by `wekaql --db postgresql://…` (`--no-postgres` leaves it out);
  - duckdb: the SQL of `wekaql --sql duckdb --keep-going`, each statement prepared and executed with its
    bound values by the `duckdb` command (the CLI of the duckdb-cli Python package).
A query with no faithful SQL in a dialect (E1000) is counted apart as "no SQL": reported, not a failure.
Any other difference fails the run, except a run-time error wekaql raises in a value no result reads (a
database computes only the values its result needs; the README's "known differences").

To add an engine, write a class with `name`, `types` (the wekaql type of each generated column as its
tables hold them), `load(tables, directory)` and `answers(binary, script, data_args)` (one Answer per
program, or NO_SQL; `data_args` load the same tables in memory, for `--sql`), and add it to `engines` in main.

    Scripts/cross-engine/run.py [--programs 1500] [--seed 18] [--wekaql .build/debug/wekaql]
"""

import argparse
import csv
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "Scripts", "differential"))
sys.dont_write_bytecode = True

from generator import Generator  # noqa: E402
from run import Answer, agree, parse_output  # noqa: E402
from tables import T_TYPES, U_TYPES, TableSet  # noqa: E402

MARKER = "__end_of_program"
NO_SQL = "no SQL"
WEKAQL_TYPE = {"int": "integer", "dec": "decimal", "flt": "float", "str": "string", "date": "date", "bool": "boolean"}
PARAMS = {"country": "Togo", "n": "2"}   # the golden queries' parameters


# ----- tables -----

class Table:
    """A table as every engine loads it: its name, (column, kind) pairs, and rows of Python values."""

    def __init__(self, name, columns, rows):
        self.name, self.columns, self.rows = name, columns, rows


def value_of(text, kind):
    if text is None or text == "":
        return None
    if kind == "int":
        return int(text)
    if kind in ("dec", "flt"):
        return float(text)
    if kind == "bool":
        return text == "true"
    return text


def generated_tables(tables):
    """The differential test's t and u, and the one-row m of the markers. Their decimal columns are floats
    (`flt`) in every engine: SQLite has no exact decimals."""
    out = []
    for name, types, rows in (("t", T_TYPES, tables.t), ("u", U_TYPES, tables.u)):
        kinds = {c: ("flt" if k == "dec" else k) for c, k in types.items()}
        out.append(Table(name, list(kinds.items()), [[value_of(r[c], kinds[c]) for c in kinds] for r in rows]))
    return out + [marker_table()]


def marker_table():
    return Table("m", [("x", "int")], [[1]])


def memory_data(tables, engine):
    """`--data` arguments that type the generated CSV files' columns as `engine`'s tables hold them."""
    args = ["--no-builtin"]
    for name in ("t", "u"):
        types = ",".join(f"{c}:{WEKAQL_TYPE[k]}" for c, k in engine.types[name].items())
        args += ["--data", tables.path(name) + ":types=" + types]
    return args + ["--data", tables.path("m")]


BUILT_IN = ["operations", "figures", "countries", "arrests", "victims", "smuggling", "items", "other_crimes",
            "partners", "funders", "statements", "captions"]
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def built_in_tables(binary):
    """The built-in collections as rows and column kinds, read from `wekaql -f json`; and m."""
    tables = []
    for name in BUILT_IN:
        done = subprocess.run([binary, "-f", "json", "-e", name], stdout=subprocess.PIPE, check=True)
        rows = json.loads(done.stdout, object_pairs_hook=list)
        columns = []
        for index, (column, _) in enumerate(rows[0]):
            values = [r[index][1] for r in rows if r[index][1] is not None]
            if values and all(isinstance(v, bool) for v in values):
                kind = "bool"
            elif values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
                kind = "int"
            elif values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
                kind = "flt"
            elif values and all(isinstance(v, str) and DATE.match(v) for v in values):
                kind = "date"
            else:
                kind = "str"
            columns.append((column, kind))
        tables.append(Table(name, columns, [[v for _, v in r] for r in rows]))
    return tables + [marker_table()]


# ----- scripts -----

class Script:
    """Programs as one .wql file, each followed by `m select N as __end_of_program`; `owner` maps a line
    to its program, for the errors."""

    def __init__(self, texts, directory, params):
        self.count, self.params = len(texts), params
        lines, self.owner = [], {}
        for n, text in enumerate(texts):
            for line in text.splitlines():
                lines.append(line)
                self.owner[len(lines)] = n
            lines.append(f"m select {n} as {MARKER}")
        fd, self.path = tempfile.mkstemp(suffix=".wql", dir=directory)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")

    def command(self, binary, data_args, extra=()):
        command = [binary] + data_args + list(extra) + ["--keep-going"]
        for name, value in self.params.items():
            command += ["--param", f"{name}={value}"]
        return command + [self.path]

    def errors(self, text):
        """The error codes of each program, from `path:line:col: error[E…]` lines."""
        found = [[] for _ in range(self.count)]
        pattern = re.compile(r"^" + re.escape(self.path) + r":(\d+):\d+: error\[(E\d+)\]: (.*)$")
        for line in text.splitlines():
            match = pattern.match(line)
            if match and int(match.group(1)) in self.owner:
                found[self.owner[int(match.group(1))]].append(f"{match.group(2)} {match.group(3)}")
        return found


def run(command, timeout=300):
    try:
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    return done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")


def wekaql_answers(binary, script, data_args):
    """The script's answers from wekaql (in memory, or on `--db`), one Answer per program, or None when the
    output is not whole (a crash or a hang)."""
    out, err = run(script.command(binary, data_args, ["-f", "jsonl"]))
    if out is None:
        return None
    return parse_output(out + err, script.count, script.path, script.owner)


def compiled_sql(binary, script, data_args, dialect):
    """What `wekaql --sql DIALECT --keep-going` prints, per program: a list of (statement, values), or the
    codes of its errors (E1000 when a query has no SQL)."""
    out, err = run(script.command(binary, data_args, ["--sql", dialect]))
    programs = [[] for _ in range(script.count)]
    errors = script.errors(err or "")
    n, lines = 0, []
    for line in (out or "").split("\n"):
        if line.startswith("-- ") and " = " in line and not lines:
            if n < script.count and programs[n]:
                programs[n][-1][1].append(unquote(line.split(" = ", 1)[1]))
            continue
        if not line:
            continue
        lines.append(line)
        if line.endswith(";"):
            statement = "\n".join(lines)[:-1]
            lines = []
            if f'AS "{MARKER}"' in statement or f"AS `{MARKER}`" in statement:
                n += 1
            elif n < script.count:
                programs[n].append((statement, []))
    return [" ".join(e) if e else p for p, e in zip(programs, errors)]


def unquote(text):
    """A value as `--sql` prints it: a string literal (Vocabulary.literal), or a number, date or boolean."""
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
            out.append({"n": "\n", "t": "\t", "r": "\r", "0": "\0"}.get(n, n))
            i += 2
            continue
        out.append(c)
        i += 1
    return "".join(out)


# ----- engines -----

SQLITE_TYPE = {"int": "INTEGER", "flt": "REAL", "str": "TEXT", "date": "DATE", "bool": "BOOLEAN"}
DUCK_TYPE = {"int": "BIGINT", "flt": "DOUBLE", "str": "VARCHAR", "date": "DATE", "bool": "BOOLEAN"}
FLOAT_TYPES = {"t": {**{c: k for c, k in T_TYPES.items()}, "d": "flt"}, "u": {**U_TYPES, "e": "flt"}}


class SQLite:
    """A .db file written with Python's sqlite3 module; the script run by `wekaql --db`. A query SQLite has
    no SQL for runs in memory there, so which queries have SQL is asked of `wekaql --sql sqlite`."""
    name = "sqlite"
    types = FLOAT_TYPES

    def load(self, tables, directory):
        self.db = os.path.join(directory, "tables.db")
        if os.path.exists(self.db):
            os.unlink(self.db)
        con = sqlite3.connect(self.db)
        for table in tables:
            columns = ", ".join(f'"{c}" {SQLITE_TYPE[k]}' for c, k in table.columns)
            con.execute(f'CREATE TABLE "{table.name}" ({columns})')
            con.executemany(f'INSERT INTO "{table.name}" VALUES (' + ", ".join("?" for _ in table.columns) + ")",
                            [[(1 if v else 0) if isinstance(v, bool) else v for v in r] for r in table.rows])
        con.commit()
        con.close()

    def answers(self, binary, script, data_args):
        source = ["--no-builtin", "--db", self.db]
        compiled = compiled_sql(binary, script, source, "sqlite")
        ran = wekaql_answers(binary, script, source)
        if ran is None:
            return None
        return [NO_SQL if isinstance(c, str) and c.startswith("E1000") else a for c, a in zip(compiled, ran)]


class DuckDB:
    """The tables read from CSV files into an in-memory database of the `duckdb` command; the SQL of
    `wekaql --sql duckdb` (compiled against the same columns in memory) prepared and executed there."""
    name = "duckdb"
    types = FLOAT_TYPES
    RUN_TIME = ("Invalid Input Error", "Out of Range Error", "Conversion Error")

    def __init__(self, command):
        self.command = command

    def load(self, tables, directory):
        self.setup = ["SET threads = 1;"]   # sums in one order, as wekaql's
        for table in tables:
            path = os.path.join(directory, f"duck-{table.name}.csv")
            with open(path, "w", newline="", encoding="utf-8") as out:
                writer = csv.writer(out, lineterminator="\n")
                writer.writerow([c for c, _ in table.columns])
                for r in table.rows:
                    writer.writerow(["\\N" if v is None else ("true" if v else "false") if isinstance(v, bool) else
                                     repr(v) if isinstance(v, float) else v for v in r])
            columns = ", ".join(f"'{c}': '{DUCK_TYPE[k]}'" for c, k in table.columns)
            self.setup.append(f'CREATE TABLE "{table.name}" AS SELECT * FROM read_csv({sql_text(path)}, header = true, '
                              f"auto_detect = false, delim = ',', quote = '\"', escape = '\"', nullstr = '\\N', "
                              f"columns = {{{columns}}});")

    def answers(self, binary, script, data_args):
        compiled = compiled_sql(binary, script, data_args, "duckdb")
        lines = self.setup + [".mode jsonlines"]
        for n, statements in enumerate(compiled):
            if not isinstance(statements, str):
                for sql, values in statements:
                    arguments = "(" + ", ".join(sql_text(v) for v in values) + ")" if values else ""
                    lines += [f"PREPARE q AS {sql};", f"EXECUTE q{arguments};", "DEALLOCATE q;"]
            lines.append(f".print {MARKER} {n}")
        out = self.feed("\n".join(lines) + "\n")
        if out is None:
            return None
        results, rows, error, n = [], [], None, 0
        for line in out.splitlines():
            if line == f"{MARKER} {n}":
                results.append(Answer(error=error) if error else Answer(rows=rows))
                rows, error, n = [], None, n + 1
            elif line.startswith("{"):
                rows.append([v for _, v in json.loads(line, object_pairs_hook=list)])
            elif line.strip() and error is None and not line.startswith("DEALLOCATE"):
                kind = "DUCKDB " if line.startswith(self.RUN_TIME) else "HARNESS "
                error = kind + line
        if n != script.count:
            return None
        return [NO_SQL if isinstance(c, str) and c.startswith("E1000") else
                Answer(error="COMPILE " + c) if isinstance(c, str) else a for c, a in zip(compiled, results)]

    def feed(self, text):
        """The command's output for `text` on its standard input (its errors in order among the rows)."""
        try:
            done = subprocess.run([self.command], input=text.encode("utf-8"), stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, timeout=300)
        except subprocess.TimeoutExpired:
            return None
        return done.stdout.decode("utf-8", "replace")


PG_TYPE = {"int": "BIGINT", "flt": "DOUBLE PRECISION", "str": "TEXT", "date": "DATE", "bool": "BOOLEAN"}
SERVER = os.path.join(ROOT, "Scripts", "postgres-test-server.sh")


class Postgres:
    """A throwaway PostgreSQL server (Scripts/postgres-test-server.sh: initdb into a temporary folder, a Unix
    socket only), the tables copied in with psql; the script run by `wekaql --db postgresql://…`, which sends
    each query to the server as one statement with its values bound. As on SQLite, which queries have SQL
    is asked of `wekaql --sql postgres`."""
    name = "postgres"
    types = FLOAT_TYPES

    def __init__(self):
        done = subprocess.run([SERVER, "start", str(os.getpid())], stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
        self.folder = done.stdout.decode().strip().splitlines()[-1]
        self.uri = f"postgresql://wekaql@/wekaql?host={self.folder}&port=5432"
        self.psql("CREATE EXTENSION IF NOT EXISTS unaccent;\n")

    def stop(self):
        subprocess.run([SERVER, "stop", self.folder], check=False)

    def psql(self, text):
        subprocess.run([SERVER, "psql", self.folder], input=text.encode("utf-8"), check=True, stdout=subprocess.DEVNULL)

    def load(self, tables, directory):
        lines = ["SET client_min_messages = warning;"]   # no NOTICE for a DROP TABLE IF EXISTS of a table not there
        for table in tables:
            columns = ", ".join(f'"{c}" {PG_TYPE[k]}' for c, k in table.columns)
            lines += [f'DROP TABLE IF EXISTS "{table.name}";', f'CREATE TABLE "{table.name}" ({columns});',
                      f'COPY "{table.name}" FROM STDIN WITH (FORMAT csv, NULL \'\\N\');']
            lines += [",".join(self.field(v) for v in r) for r in table.rows] + ["\\."]
        self.psql("\n".join(lines) + "\n")

    @staticmethod
    def field(value):
        if value is None:
            return "\\N"
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, float):
            return repr(value)
        if isinstance(value, int):
            return str(value)
        return '"' + value.replace('"', '""') + '"'

    def answers(self, binary, script, data_args):
        source = ["--no-builtin", "--db", self.uri]
        compiled = compiled_sql(binary, script, source, "postgres")
        ran = wekaql_answers(binary, script, source)
        if ran is None:
            return None
        return [NO_SQL if isinstance(c, str) and c.startswith("E1000") else a for c, a in zip(compiled, ran)]


def sql_text(value):
    return "'" + str(value).replace("'", "''") + "'"


def duckdb_command():
    """The duckdb-cli package's binary itself (its `duckdb` script starts Python first, ~1 s a run)."""
    try:
        import duckdb_cli
        path = os.path.join(os.path.dirname(duckdb_cli.__file__), "duckdb")
        if os.access(path, os.X_OK):
            return path
    except ImportError:
        pass
    return shutil.which("duckdb")


# ----- comparison -----

def agrees(memory, other):
    """The differential test's agree, with wekaql's run-time errors (E04xx) matching any run-time error
    of the engine (wekaql's own on SQLite: E04xx or E1002; DuckDB's: an overflow, a division by zero)."""
    if memory.error is not None and other.error is not None:
        return memory.error.startswith("E04") and not other.error.startswith(("HARNESS", "COMPILE"))
    if other.error is not None and other.error.startswith("DUCKDB"):
        return False
    if memory.rows is not None and other.rows is not None:
        other = Answer(rows=[[decimal_text(a, b) for a, b in zip(x, y)] + y[len(x):] for x, y in zip(memory.rows, other.rows)]
                       + other.rows[len(memory.rows):])
    return agree(memory, other)


def decimal_text(expected, value):
    """DuckDB's JSON writes a DECIMAL as a string ("1.50"): as a number where wekaql has a decimal there."""
    if isinstance(expected, float) and isinstance(value, str) and re.fullmatch(r"-?\d+(\.\d+)?", value):
        return float(value)
    # In a list it writes a DECIMAL of scale 0 as a JSON integer: the same exact value as wekaql's decimal.
    if isinstance(expected, list) and isinstance(value, list) and len(expected) == len(value):
        return [float(b) if isinstance(a, float) and type(b) is int else decimal_text(a, b) for a, b in zip(expected, value)]
    return value


def unread_error(text):
    """Whether a program can fail where no result reads the value: a failing expression (division,
    overflow) in a stage whose column a later stage may drop, or under a filter that removes every row."""
    return bool(re.search(r"(/|%|\*|\+|-|round|abs|sum|avg)", text))


class Tally:
    def __init__(self, engines):
        self.counts = {e.name: {"agreed": 0, "disagreed": 0, "no SQL": 0, "unraised": 0} for e in engines}
        self.shown = 0

    def add(self, engine, label, texts, memory, answers, show):
        counts = self.counts[engine.name]
        if memory is None or answers is None:
            print(f"{label}: no whole output from wekaql or {engine.name} (memory: {memory is None})")
            counts["disagreed"] += len(texts)
            return
        for text, m, a in zip(texts, memory, answers):
            if a == NO_SQL:
                counts["no SQL"] += 1
            elif agrees(m, a):
                counts["agreed"] += 1
            elif m.error is not None and m.error.startswith("E04") and a.rows is not None and unread_error(text):
                counts["unraised"] += 1
            else:
                counts["disagreed"] += 1
                if self.shown < show:
                    self.shown += 1
                    print("=" * 80 + f"\n{engine.name} DISAGREES ({label})\nprogram:\n  " + text.replace("\n", "\n  "))
                    print(f"memory:\n{m}\n{engine.name}:\n{a}")

    def failed(self):
        return any(c["disagreed"] for c in self.counts.values())


# ----- the corpus and the generated programs -----

def corpus_programs(path):
    """A golden file's statements as programs: a line that starts at its first column (not `|` or `)`)
    starts the next one; comments and `let` statements go with the query after them."""
    programs, current = [], []
    for line in open(path, encoding="utf-8").read().splitlines():
        starts = line and not line[0].isspace() and line[0] not in "|)#"
        if starts and current and any(l and not l.lstrip().startswith(("#", "let ")) for l in current):
            programs.append("\n".join(current))
            current = []
        current.append(line)
    if any(l.strip() and not l.lstrip().startswith("#") for l in current):
        programs.append("\n".join(current))
    return programs


def run_corpus(binary, engines, work, tally, show):
    directory = os.path.join(work, "corpus")
    os.makedirs(directory)
    with open(os.path.join(directory, "m.csv"), "w") as out:
        out.write("x\n1\n")
    data_args = ["--data", os.path.join(directory, "m.csv")]
    tables = built_in_tables(binary)
    for engine in engines:
        engine.load(tables, directory)
    golden = os.path.join(ROOT, "Tests", "WekaQLTests", "Golden")
    files = sorted(os.path.join(golden, "queries", f) for f in os.listdir(os.path.join(golden, "queries")) if f.endswith(".wql"))
    files += [os.path.join(golden, "sql", "constructs.wql"), os.path.join(golden, "sql", "types.wql")]
    total = 0
    for path in files:
        texts = corpus_programs(path)
        total += len(texts)
        script = Script(texts, directory, PARAMS)
        memory = wekaql_answers(binary, script, data_args)
        for engine in engines:
            tally.add(engine, "corpus " + os.path.basename(path), texts, memory, engine.answers(binary, script, data_args), show)
    return total


def run_generated(binary, engines, args, work, tally):
    rng = random.Random(args.seed)
    sets = (args.programs + args.per_table - 1) // args.per_table
    for index in range(sets):
        tables = TableSet(random.Random(rng.getrandbits(64)), os.path.join(work, f"set{index}"))
        gen = Generator(random.Random(rng.getrandbits(64)), tables.params)
        count = min(args.per_table, args.programs - index * args.per_table)
        texts = [gen.program_for(index * args.per_table + n).text for n in range(count)]
        loaded = generated_tables(tables)
        for engine in engines:
            engine.load(loaded, tables.directory)
            memory, answers = batch_answers(binary, engine, texts, tables, memory_data(tables, engine))
            tally.add(engine, f"table set {index}", texts, memory, answers, args.show)


def batch_answers(binary, engine, texts, tables, data_args):
    """The programs' answers in memory and on `engine`, as one script. A `$parameter` takes one type for
    the whole script (E0308 for a program that uses it as another type): such programs run again alone."""
    script = Script(texts, tables.directory, tables.params)
    memory, answers = wekaql_answers(binary, script, data_args), engine.answers(binary, script, data_args)
    if memory is None or answers is None:
        return memory, answers
    for n, m in enumerate(memory):
        if m.error is not None and m.error.startswith("E0308") and len(texts) > 1:
            alone = batch_answers(binary, engine, [texts[n]], tables, data_args)
            if alone[0] is None or alone[1] is None:
                return alone
            memory[n], answers[n] = alone[0][0], alone[1][0]
    return memory, answers


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--programs", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--per-table", type=int, default=150)
    parser.add_argument("--wekaql", default=os.path.join(ROOT, ".build", "debug", "wekaql"))
    parser.add_argument("--show", type=int, default=5)
    parser.add_argument("--no-postgres", action="store_true", help="leave out PostgreSQL (no server is started)")
    args = parser.parse_args()
    duck = duckdb_command()
    if duck is None:
        print("the duckdb command is not installed (python3 -m pip install duckdb-cli)")
        return 1
    engines = [SQLite(), DuckDB(duck)]
    if not args.no_postgres:
        engines.append(Postgres())
    started = time.monotonic()
    work = tempfile.mkdtemp(prefix="wekaql-cross-engine-")
    corpus_tally, tally = Tally(engines), Tally(engines)
    corpus_count = run_corpus(args.wekaql, engines, work, corpus_tally, args.show)
    run_generated(args.wekaql, engines, args, work, tally)
    failed = corpus_tally.failed() or tally.failed()
    for label, t, count in (("corpus", corpus_tally, corpus_count), ("generated", tally, args.programs)):
        for name, c in t.counts.items():
            print(f"{label} on {name}: {c['agreed']} agreed, {c['disagreed']} disagreed, {c['no SQL']} with no SQL (E1000), "
                  f"{c['unraised']} with an error in a value no result reads, not raised by the engine, of {count}")
    print(f"{time.monotonic() - started:.1f} s")
    for engine in engines:
        if hasattr(engine, "stop"):
            engine.stop()
    if failed:
        print(f"kept {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
