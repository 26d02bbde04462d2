#!/usr/bin/env python3
"""The cost of `| why`: a query against the same query `| why`, on data already loaded.

  python3 Benchmarks/why.py --wekaql .build/release/wekaql [--data /tmp/wekaql-bench/n1000000] [--runs 9]
  python3 Benchmarks/why.py --wekaql .build/release/wekaql --callgrind    # instruction counts instead

Drives the interactive shell on a pseudo-terminal (the shell keeps the columns it read, so every run
but the first finds the data loaded; the command line streams the file once per query instead) with
`.timer on`, `.mode csv` and `.output /dev/null`. For each query it prints, as Markdown:
  - engine ms: what `.timer` prints, the time `Engine.run` takes for the statement: parse, check,
    plan and evaluate, the `why` table built, but nothing written (results are printed after it);
  - with CSV ms: from sending the line to the next prompt, so the CSV written to /dev/null as well;
  - the why/query ratio of each, paired run by run (the two alternate in one process), medians;
  - peak memory (the process's VmHWM) of a shell that ran only the query, and of one that ran only
    the query `| why`, each started afresh.
The first run of each process (it loads the columns) is left out.

With --callgrind, each query runs twice in a shell under valgrind's callgrind: the counters are zeroed
after the first run and dumped after the second, and the instructions of the engine's run (Engine.run,
inclusive) and of writing the CSV (Renderer.rendering) are printed, for the query and with `| why`.
"""
import argparse, glob, os, pty, re, select, statistics, subprocess, tempfile, time

CASES = [
    ("one group of count by country (Cameroon, 23,583 rows)", 'arrests count by country where country = "Cameroon"'),
    ("one group of count by offence (document forgery, 149,777 rows)", 'arrests count by offence where offence = "document forgery"'),
]
PROMPT = b"wekaql> "


class Shell:
    """The wekaql shell on a pseudo-terminal, fed one line at a time."""

    def __init__(self, wekaql, csv):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ.update(TERM="dumb", PAGER="cat", NO_COLOR="1")
            os.execv(wekaql, [wekaql, "--no-color", "--data", csv])
        self.read_to_prompt()
        for line in [".timer on", ".mode csv", ".output /dev/null"]:
            self.send(line)

    def read_to_prompt(self):
        out = b""
        while not out.endswith(PROMPT):
            ready, _, _ = select.select([self.fd], [], [], 600)
            if not ready:
                raise RuntimeError("the shell did not answer: " + out[-300:].decode(errors="replace"))
            out += os.read(self.fd, 65536)
        return out.decode(errors="replace")

    def send(self, line):
        """(engine ms from `.timer`, wall ms to the next prompt)."""
        started = time.perf_counter()
        os.write(self.fd, line.encode() + b"\n")
        out = self.read_to_prompt()
        wall = (time.perf_counter() - started) * 1000
        found = re.findall(r"time: ([0-9.]+) ms", out)
        return (float(found[-1]) if found else None), wall

    def peak_mib(self):
        with open(f"/proc/{self.pid}/status") as status:
            return next(int(l.split()[1]) for l in status if l.startswith("VmHWM")) / 1024

    def close(self):
        os.write(self.fd, b".quit\n")
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def peak(wekaql, csv, query, runs):
    shell = Shell(wekaql, csv)
    for _ in range(runs + 1):
        shell.send(query)
    mib = shell.peak_mib()
    shell.close()
    return mib


def instructions(wekaql, csv, query):
    """(engine, rendering) instructions of the second run of `query` in a shell under callgrind."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "callgrind.out")
        wrapper = os.path.join(tmp, "wekaql")
        with open(wrapper, "w") as f:
            f.write(f'#!/bin/sh\nexec valgrind --tool=callgrind --callgrind-out-file={out} --log-file={out}.log {wekaql} "$@"\n')
        os.chmod(wrapper, 0o755)
        shell = Shell(wrapper, csv)
        shell.send(query)
        subprocess.run(["callgrind_control", "-z", str(shell.pid)], capture_output=True, check=True)
        shell.send(query)
        subprocess.run(["callgrind_control", "-d", str(shell.pid)], capture_output=True, check=True)
        dump = max(glob.glob(out + ".*[0-9]"), key=os.path.getmtime)
        text = subprocess.run(["callgrind_annotate", "--inclusive=yes", dump], capture_output=True, text=True).stdout
        shell.close()

    def inclusive(symbol):
        counts = [int(l.split()[0].replace(",", "")) for l in text.splitlines() if symbol in l and l.strip()[:1].isdigit()]
        return max(counts, default=0)
    return inclusive("WekaQL6EngineV3run_"), max(inclusive("WekaQL8RendererV9rendering"), inclusive("WekaQL11CSVRendererO6render"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wekaql", required=True)
    parser.add_argument("--data", default="/tmp/wekaql-bench/n1000000")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--callgrind", action="store_true")
    args = parser.parse_args()
    csv = os.path.join(args.data, "arrests.csv")
    if args.callgrind:
        print("| query | engine Ir | why engine Ir | ratio | CSV Ir | why CSV Ir |\n|---|---|---|---|---|---|")
        for name, query in CASES:
            (a, ra), (b, rb) = instructions(args.wekaql, csv, query), instructions(args.wekaql, csv, query + " | why")
            print(f"| {name} | {a:,} | {b:,} | {b / a:.2f} | {ra:,} | {rb:,} |")
        return
    load = open("/proc/loadavg").read().split()[:3]
    print(f"wekaql: {args.wekaql}; data: {csv}; {args.runs} runs; load average {' '.join(load)}\n")
    print("| query | engine ms | why engine ms | ratio | with CSV ms | why with CSV ms | ratio | why rows | peak MiB | why peak MiB |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, query in CASES:
        why = query + " | why"
        rows = int(subprocess.run([args.wekaql, "-f", "csv", "--data", csv, "-e", why], capture_output=True).stdout.count(b"\n")) - 1
        shell = Shell(args.wekaql, csv)
        shell.send(query)
        shell.send(why)
        plain, traced = [], []
        for _ in range(args.runs):
            plain.append(shell.send(query))
            traced.append(shell.send(why))
        shell.close()
        median = lambda xs: statistics.median(xs)
        engine = [t for t, _ in plain], [t for t, _ in traced]
        wall = [w for _, w in plain], [w for _, w in traced]
        cells = [median(engine[0]), median(engine[1]), median(b / a for a, b in zip(*engine)),
                 median(wall[0]), median(wall[1]), median(b / a for a, b in zip(*wall))]
        mib = peak(args.wekaql, csv, query, 2), peak(args.wekaql, csv, why, 2)
        print(f"| {name} | " + " | ".join(f"{c:.2f}" for c in cells) + f" | {rows:,} | {mib[0]:.0f} | {mib[1]:.0f} |")


if __name__ == "__main__":
    main()
