#!/usr/bin/env python3
"""wekaql side by side with sqlite3, DuckDB and jq on the same data and queries.

  python3 Benchmarks/bench.py [--rows 1000000] [--runs 5] [--data /tmp/wekaql-bench] [--wekaql PATH]
  python3 Benchmarks/bench.py --rows 10000000 --runs 3      # 10M rows: the 1M files repeated, in /tmp
  python3 Benchmarks/bench.py --huge --runs 1               # 100M rows (10 GB of CSV in /tmp)
  python3 Benchmarks/bench.py --postgres start --wekaql PATH   # Q1–Q5: wekaql --db against psql, paired
  python3 Benchmarks/bench.py --sqlite --wekaql PATH           # Q1–Q5: wekaql --db arrests.db against sqlite3

Generates the data (Benchmarks/generate.py) unless it is there, builds wekaql in release mode unless
--wekaql is given, checks that every tool gives the same answers, then prints, as Markdown:
  1. whole-process wall time per query: medians, and wekaql/peer ratios paired run by run;
  2. peak memory (max RSS) per query;
  3. query time on data already loaded (the shell's .timer, in one process);
  4. start-up time (`wekaql -e 'figures count'` against `sqlite3 :memory: 'select 1'`).
Past 1M rows the data is the 1M rows repeated (made under /tmp, never committed), the peers are DuckDB
only (sqlite3's import and jq take minutes there), and sections 3 and 4 are left out.
Peers that are not installed are left out (install: apt-get install sqlite3 jq; pip install duckdb-cli).
"""
import argparse, os, shutil, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

WEKAQL = {
    "Q1": 'arrests where country = "Togo" count',
    "Q2": "arrests count by offence",
    "Q3": "arrests summarize total = sum(arrested) by country sort by total desc, country limit 5",
    "Q4": 'arrests where details matches "border" and (offence = "migrant smuggling" or arrested >= 20) count',
    "Q5": "arrests select id, country, offence, arrested, date sort by arrested desc, date, id limit 10",
    # A join on two keys of 1M rows to the 1,000 of reports.csv, then a grouping.
    "Q6": "arrests join reports on country, date count by desk",
    "Q7": "arrests extend r = rank() over (by country sort by arrested desc) | summarize ranks = sum(r)",
    # Whole rows: every column of the rows kept (what the shell loads), against DuckDB's SELECT *.
    "Q9": "arrests where id = 5",
    "Q8": 'arrests pivot offence in ("human trafficking", "migrant smuggling", "drug trafficking") using sum(arrested) by country | limit 5',
}
SQL = {
    "Q1": "SELECT count(*) FROM arrests WHERE country = 'Togo';",
    "Q2": "SELECT offence, count(*) FROM arrests GROUP BY offence ORDER BY offence;",
    "Q3": "SELECT country, sum(arrested) AS total FROM arrests GROUP BY country ORDER BY total DESC, country LIMIT 5;",
    "Q4": "SELECT count(*) FROM arrests WHERE instr(details, 'border') > 0 AND (offence = 'migrant smuggling' OR arrested >= 20);",
    "Q5": "SELECT id, country, offence, arrested, date FROM arrests ORDER BY arrested DESC NULLS LAST, date, id LIMIT 10;",
    "Q6": "SELECT desk, count(*) FROM arrests JOIN reports USING (country, date) GROUP BY desk ORDER BY desk;",
    # Q7: rank in group (a window); Q8: pivot, as conditional aggregation.
    "Q7": "SELECT sum(r) AS ranks FROM (SELECT rank() OVER (PARTITION BY country ORDER BY arrested DESC NULLS LAST) AS r FROM arrests);",
    "Q9": "SELECT * FROM arrests WHERE id = 5;",
    "Q8": "SELECT country, sum(arrested) FILTER (WHERE offence = 'human trafficking'), sum(arrested) FILTER (WHERE offence = "
          "'migrant smuggling'), sum(arrested) FILTER (WHERE offence = 'drug trafficking') FROM arrests GROUP BY country "
          "ORDER BY country LIMIT 5;",
}
# Queries that read reports.csv besides arrests: wekaql and DuckDB only (no JSON or SQLite copy of it).
TWO_TABLES = {"Q6"}
DUCK = dict(SQL, Q4=SQL["Q4"].replace("instr(details, 'border') > 0", "contains(details, 'border')"))
JQ = {
    "Q1": 'reduce (inputs | select(.country == "Togo")) as $r (0; . + 1)',
    "Q2": 'reduce inputs as $r ({}; .[$r.offence] += 1) | to_entries | sort_by(.key)[] | [.key, .value] | @csv',
    "Q3": 'reduce inputs as $r ({}; .[$r.country] += ($r.arrested // 0)) | to_entries | sort_by([-.value, .key]) | .[:5][] | [.key, .value] | @csv',
    "Q4": 'reduce (inputs | select((.details | contains("border")) and (.offence == "migrant smuggling" or .arrested >= 20))) as $r (0; . + 1)',
    "Q5": '[inputs] | sort_by([(.arrested == null), -(.arrested // 0), .date, .id]) | .[:10][] | [.id, .country, .offence, .arrested, .date] | @csv',
}
SQLITE_IMPORT = ("CREATE TABLE arrests(id INTEGER, country TEXT, offence TEXT, arrested INTEGER, nationality TEXT, date TEXT, details TEXT);\n"
                 ".import --csv --skip 1 {csv} arrests\n"
                 "UPDATE arrests SET arrested = NULL WHERE arrested = ''; UPDATE arrests SET nationality = NULL WHERE nationality = '';\n")


def duckdb_path():
    try:
        import duckdb_cli
        p = os.path.join(os.path.dirname(duckdb_cli.__file__), "duckdb")
        if os.path.isfile(p):
            return p
    except ImportError:
        pass
    return shutil.which("duckdb")


def repeated(rows, base, target):
    """`target` holding the `base` files with arrests.csv's rows repeated to `rows` rows (a multiple of base's)."""
    if os.path.exists(os.path.join(target, "arrests.csv")):
        return
    os.makedirs(target, exist_ok=True)
    with open(os.path.join(base, "arrests.csv"), "rb") as f:
        header, body = f.readline(), f.read()
    base_rows = body.count(b"\n")
    if rows % base_rows:
        sys.exit(f"--rows must be a multiple of {base_rows:,} past that many rows")
    partial = os.path.join(target, "arrests.csv.partial")
    with open(partial, "wb") as out:
        out.write(header)
        for _ in range(rows // base_rows):
            out.write(body)
    os.rename(partial, os.path.join(target, "arrests.csv"))
    shutil.copy(os.path.join(base, "reports.csv"), os.path.join(target, "reports.csv"))


def commands(data, wekaql, big, queries):
    csv, db, jl = (os.path.join(data, f) for f in ("arrests.csv", "arrests.db", "arrests.jsonl"))
    duck = duckdb_path()
    reports = os.path.join(data, "reports.csv")
    for q in queries:
        extra = ["--data", reports] if q in TWO_TABLES else []
        yield q, "wekaql", [wekaql, "-f", "csv", "--data", csv] + extra + ["-e", WEKAQL[q]], None
        # The same query on the SQLite file, run there as one SQL statement (README, "Databases"); the file
        # has no reports table, and its dates are text, so the join is left out there.
        if not big and q not in TWO_TABLES:
            yield q, "wekaql --db", [wekaql, "-f", "csv", "--no-builtin", "--db", db, "-e", WEKAQL[q]], None
        if duck:
            view = f"CREATE VIEW arrests AS SELECT * FROM read_csv('{csv}');"
            if q in TWO_TABLES:
                view += f"CREATE VIEW reports AS SELECT * FROM read_csv('{reports}');"
            yield q, "duckdb (CSV)", [duck, "-csv", "-noheader", ":memory:", "-c", view + DUCK[q]], None
        if q in TWO_TABLES or big:
            continue
        if shutil.which("sqlite3"):
            yield q, "sqlite3 (.import CSV)", ["sqlite3", "-csv", ":memory:"], SQLITE_IMPORT.format(csv=csv) + SQL[q] + "\n"
            yield q, "sqlite3 (.db)", ["sqlite3", "-csv", "-readonly", db, SQL[q]], None
        if shutil.which("jq") and q in JQ:
            yield q, "jq (JSON lines)", ["jq", "-n", "-r", JQ[q], jl], None


def run(argv, stdin):
    """Wall seconds, peak RSS in MiB, and standard output of one run."""
    start = time.perf_counter()
    p = subprocess.Popen(argv, stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = p.communicate(stdin)
    wall = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(argv)}\n{err}")
    return wall, out


def peak_mib(argv, stdin):
    if not os.path.exists("/usr/bin/time"):
        return None
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + argv, input=stdin, capture_output=True, text=True)
    return int(p.stderr.strip().splitlines()[-1]) / 1024


def normalize(out):
    """Rows as tuples of strings, without a CSV header, quotes or trailing zeros."""
    rows = []
    for line in out.strip().splitlines():
        cells = [c.strip().strip('"') for c in line.split(",")]
        if cells and cells[0] in ("count", "offence", "country", "id", "desk", "count_star()", "count(*)", "ranks"):
            continue
        rows.append(tuple(cells))
    return rows


PG_SQL = dict(SQL, Q4=SQL["Q4"].replace("instr(details, 'border') > 0", "strpos(details, 'border') > 0"))
PG_SERVER = os.path.join(ROOT, "Scripts", "postgres-test-server.sh")


def paired_table(title, peer, pairs, runs):
    """Checks that each pair of commands gives the same rows, then times them run by run and prints medians
    and the median of the per-run ratios, with the load average before and after."""
    for q, ours, theirs in pairs:
        a, b = normalize(run(ours, None)[1]), normalize(run(theirs, None)[1])
        if a != b:
            sys.exit(f"{q}: {peer} disagrees with wekaql --db:\n  wekaql: {a}\n  {peer}: {b}")
    load = os.getloadavg()[0]
    times = {}
    for _ in range(runs):
        for q, ours, theirs in pairs:
            times.setdefault(q, []).append((run(ours, None)[0], run(theirs, None)[0]))
    print(f"### {title}, wall seconds (median of {runs}); ratio = median of wekaql/{peer} per run; "
          f"load average {load:.1f} before, {os.getloadavg()[0]:.1f} after\n")
    print(f"| query | wekaql --db | {peer} | ratio |\n|---|---|---|---|")
    for q, _, _ in pairs:
        w = [a for a, _ in times[q]]
        p = [b for _, b in times[q]]
        print(f"| {q} | {statistics.median(w):.3f} | {statistics.median(p):.3f} | {statistics.median(a / b for a, b in times[q]):.2f} |")


def sqlite_bench(data, wekaql, runs):
    """Q1–Q5 through `wekaql --db arrests.db` against the same SQL through the sqlite3 command, paired."""
    db = os.path.join(data, "arrests.db")
    if not os.path.exists(db):
        sys.exit(f"{db} is missing: run bench.py once without --sqlite to make it")
    pairs = [(q, [wekaql, "-f", "csv", "--no-builtin", "--db", db, "-e", WEKAQL[q]], ["sqlite3", "-csv", "-readonly", db, SQL[q]])
             for q in ("Q1", "Q2", "Q3", "Q4", "Q5")]
    paired_table("SQLite: wekaql --db arrests.db against sqlite3", "sqlite3", pairs, runs)


def postgres_bench(location, data, wekaql, runs):
    """Q1–Q5 through `wekaql --db postgresql://…` against the same SQL through psql, paired run by run.
    `location` is a libpq URI whose database has the arrests table, or "start": a throwaway server
    (Scripts/postgres-test-server.sh) into which arrests.csv is copied first."""
    folder = None
    if location == "start":
        folder = subprocess.run([PG_SERVER, "start", str(os.getpid())], capture_output=True, text=True, check=True).stdout.split()[-1]
        location = f"postgresql://wekaql@/wekaql?host={folder}&port=5432"
        load = ("CREATE TABLE arrests (id bigint, country text, offence text, arrested bigint, nationality text, date date, details text);\n"
                f"\\copy arrests FROM '{os.path.join(data, 'arrests.csv')}' WITH (FORMAT csv, HEADER true)\nVACUUM ANALYZE arrests;\n")
        subprocess.run([PG_SERVER, "psql", folder], input=load, text=True, check=True, stdout=subprocess.DEVNULL)
    psql = shutil.which("psql") or "/usr/bin/psql"
    pairs = []
    for q in ("Q1", "Q2", "Q3", "Q4", "Q5"):
        pairs.append((q, [wekaql, "-f", "csv", "--no-builtin", "--db", location, "-e", WEKAQL[q]],
                      [psql, "-X", "-q", "-A", "-t", "-F", ",", "-d", location, "-c", PG_SQL[q]]))
    paired_table("PostgreSQL: wekaql --db postgresql://… against psql", "psql", pairs, runs)
    if folder:
        subprocess.run([PG_SERVER, "stop", folder], check=False)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--data", default=None)
    ap.add_argument("--wekaql", default=None)
    ap.add_argument("--postgres", default=None, metavar="URI|start",
                    help="only the PostgreSQL comparison: wekaql --db against psql on the arrests table of URI, "
                         "or of a throwaway server started and loaded first (start)")
    ap.add_argument("--sqlite", action="store_true", help="only the SQLite comparison: wekaql --db arrests.db against sqlite3")
    ap.add_argument("--huge", action="store_true", help="100M rows (10 GB of CSV under /tmp)")
    ap.add_argument("--queries", default=None, help="which queries, comma-separated (past 1M rows: Q1-Q5 and Q9)")
    args = ap.parse_args()
    if args.huge:
        args.rows = 100_000_000
    big = args.rows > 1_000_000
    queries = args.queries.split(",") if args.queries else ["Q1", "Q2", "Q3", "Q4", "Q5", "Q9"] if big else list(WEKAQL)
    data = args.data or f"/tmp/wekaql-bench/n{args.rows}"
    if big:
        base = "/tmp/wekaql-bench/n1000000"
        if not os.path.exists(os.path.join(base, "arrests.csv")):
            subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "1000000", base], check=True)
        repeated(args.rows, base, data)
    elif not os.path.exists(os.path.join(data, "arrests.csv")):
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), str(args.rows), data], check=True)
    wekaql = args.wekaql
    if not wekaql:
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "wekaql"], cwd=ROOT, check=True)
        wekaql = os.path.join(ROOT, ".build/release/wekaql")
    if args.postgres:
        return postgres_bench(args.postgres, data, wekaql, args.runs)
    if args.sqlite:
        return sqlite_bench(data, wekaql, args.runs)
    cmds = list(commands(data, wekaql, big, queries))
    for path in (os.path.join(data, f) for f in os.listdir(data) if not big):
        with open(path, "rb") as f:  # warm the page cache
            while f.read(1 << 24):
                pass

    # 1. answers agree
    answers = {}
    for q, peer, argv, stdin in cmds:
        answers.setdefault(q, {})[peer] = normalize(run(argv, stdin)[1])
    for q, by_peer in answers.items():
        reference = by_peer["wekaql"]
        for peer, rows in by_peer.items():
            if rows != reference:
                sys.exit(f"{q}: {peer} disagrees with wekaql:\n  wekaql: {reference}\n  {peer}: {rows}")
    print(f"All answers agree ({len(answers)} queries, {len({p for _, p, _, _ in cmds})} tools, {args.rows:,} rows).\n")

    # 2. wall time, paired run by run
    times = {}
    for _ in range(args.runs):
        for q, peer, argv, stdin in cmds:
            times.setdefault((q, peer), []).append(run(argv, stdin)[0])
    peers = [p for p in dict.fromkeys(p for _, p, _, _ in cmds) if p != "wekaql"]
    print(f"### Whole process, wall seconds (median of {args.runs}); ratio = median of wekaql/peer per run\n")
    print("| query | wekaql | " + " | ".join(peers) + " | " + " | ".join(f"÷ {p}" for p in peers) + " |")
    print("|---" * (2 + 2 * len(peers)) + "|")
    for q in queries:
        w = times[(q, "wekaql")]
        cells = [f"{statistics.median(times[(q, p)]):.3f}" if (q, p) in times else "–" for p in peers]
        ratios = [f"{statistics.median(a / b for a, b in zip(w, times[(q, p)])):.2f}" if (q, p) in times else "–" for p in peers]
        print(f"| {q} | {statistics.median(w):.3f} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")

    # 3. peak memory
    print("\n### Peak memory, MiB (max RSS)\n")
    print("| query | wekaql | " + " | ".join(peers) + " |")
    print("|---" * (2 + len(peers)) + "|")
    for q in queries:
        by_peer = {p: peak_mib(argv, stdin) for qq, p, argv, stdin in cmds if qq == q}
        row = [by_peer.get(p, "–") for p in ["wekaql"] + peers]
        print(f"| {q} | " + " | ".join(m if isinstance(m, str) else "?" if m is None else f"{m:.0f}" for m in row) + " |")

    if big:
        return
    # 4. in-process query time: the shell keeps the columns it read (the command line streams the file
    # once per statement instead), so each query runs 22 times in one shell and the first is left out
    from why import Shell
    print("\n### wekaql on data already loaded, ms (the shell's .timer, median of 21 in one process)\n")
    print("| query | ms |\n|---|---|")
    for q in queries:
        shell = Shell(wekaql, os.path.join(data, "arrests.csv"))
        if q in TWO_TABLES:
            shell.send(".data " + os.path.join(data, "reports.csv"))
        ms = [shell.send(WEKAQL[q])[0] for _ in range(22)][1:]
        shell.close()
        print(f"| {q} | {statistics.median(ms):.2f} |")

    # 5. start-up (hyperfine when installed: it times without a shell and subtracts its own overhead)
    if shutil.which("hyperfine") and shutil.which("sqlite3"):
        import json, tempfile
        with tempfile.NamedTemporaryFile(suffix=".json") as f:
            subprocess.run(["hyperfine", "-N", "--warmup", "10", "--runs", "200", "--export-json", f.name,
                            f"{wekaql} -e 'figures count'", "sqlite3 :memory: 'select 1'"], capture_output=True, check=True)
            results = json.load(open(f.name))["results"]
        a, b = (statistics.median(r["times"]) * 1000 for r in results)
        print("\n### Start-up, ms (hyperfine, median of 200)\n")
        print("| wekaql -e 'figures count' | sqlite3 :memory: 'select 1' | ratio |\n|---|---|---|")
        print(f"| {a:.2f} | {b:.2f} | {a / b:.2f} |")
        return
    print("\n### Start-up, ms (median of 100)\n")
    pairs = []
    for _ in range(100):
        a = run([wekaql, "-e", "figures count"], None)[0]
        b = run(["sqlite3", ":memory:", "select 1"], None)[0] if shutil.which("sqlite3") else float("nan")
        pairs.append((a, b))
    print("| wekaql -e 'figures count' | sqlite3 :memory: 'select 1' | ratio (paired median) |\n|---|---|---|")
    print(f"| {statistics.median(a for a, _ in pairs) * 1000:.2f} | {statistics.median(b for _, b in pairs) * 1000:.2f} | "
          f"{statistics.median(a / b for a, b in pairs):.2f} |")


if __name__ == "__main__":
    main()
