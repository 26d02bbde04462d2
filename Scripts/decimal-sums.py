#!/usr/bin/env python3
"""Exact decimal sums, averages and arithmetic of wekaql against Python's `decimal` module.

Generates CSV files of decimals of mixed scales (0 to 6 places, signs, up to 9 digits, nulls), runs
wekaql's `sum`, `avg`, `min`, `max`, per group and in all, and `a + b`, `a - b`, `a * b` and `round(a, n)`
row by row, and compares the exact text wekaql prints with what `decimal` computes by the README's rules
("Exact decimals"): sums at the largest scale, avg as sum / count rounded half away from zero to 12 places
without trailing zeros past the sum's scale, products at the sum of the scales. Fast: a few seconds.

    Scripts/decimal-sums.py --wekaql .build/debug/wekaql [--files 20] [--seed 1]
"""

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
from decimal import Decimal, ROUND_HALF_UP, getcontext

getcontext().prec = 60


def random_decimal(rng):
    scale = rng.choice([0, 1, 1, 2, 2, 2, 3, 4, 6])
    digits = rng.randint(1, 9)   # (nine digits, so that a product fits in 18)
    units = rng.randint(0, 10 ** digits - 1) * rng.choice([1, -1])
    d = Decimal(units).scaleb(-scale)
    text = f"{d:f}"
    if text.startswith("-") and Decimal(text) == 0:
        text = text[1:]
    return text


def quotient(total, count, kept):
    """The rule of `/` and avg: 12 places (fewer when the whole part needs the room), trailing zeros past `kept` removed."""
    q = total / Decimal(count)
    whole = len(str(abs(int(q))))
    places = max(kept, min(12, 18 - whole))
    r = q.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{r:f}"
    while "." in text and len(text.split(".")[1]) > kept and text.endswith("0"):
        text = text[:-1]
    return text.rstrip(".")


def scale_of(text):
    return len(text.split(".")[1]) if "." in text else 0


def expected_aggregates(rows):
    groups = {}
    for g, a, _ in rows:
        groups.setdefault(g, []).append(a)
    out = []
    for g in sorted(groups):
        values = [v for v in groups[g] if v != ""]
        if not values:
            out.append([g, None, None, None, None, len(groups[g])])
            continue
        scale = max(scale_of(v) for v in values)
        total = sum(Decimal(v) for v in values)
        s = f"{total.quantize(Decimal(1).scaleb(-scale)):f}"
        lo = min(values, key=Decimal)
        hi = max(values, key=Decimal)
        out.append([g, s, quotient(total, len(values), scale), lo, hi, len(groups[g])])
    return out


def expected_row(a, b, n):
    if a == "" or b == "":
        return [None, None, None, None if a == "" else round_text(a, n)]
    da, db = Decimal(a), Decimal(b)
    s = max(scale_of(a), scale_of(b))
    add = f"{(da + db).quantize(Decimal(1).scaleb(-s)):f}"
    sub = f"{(da - db).quantize(Decimal(1).scaleb(-s)):f}"
    mul = f"{(da * db).quantize(Decimal(1).scaleb(-(scale_of(a) + scale_of(b)))):f}"
    return [add, sub, mul, round_text(a, n)]


def round_text(a, n):
    if scale_of(a) <= n:
        return a
    return f"{Decimal(a).quantize(Decimal(1).scaleb(-n), rounding=ROUND_HALF_UP):f}"


def fix_zero(text):
    return text[1:] if text is not None and text.startswith("-") and Decimal(text) == 0 else text


def run(wekaql, path, query):
    done = subprocess.run([wekaql, "--no-builtin", "--data", path + ":types=a:decimal,b:decimal", "-f", "csv", "-e", query],
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"wekaql failed on {path}: {done.stderr}")
    lines = list(csv.reader(done.stdout.splitlines()))[1:]
    return [[None if c == "" else c for c in line] for line in lines]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wekaql", required=True)
    ap.add_argument("--files", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    failures = 0
    with tempfile.TemporaryDirectory() as directory:
        for f in range(args.files):
            rows = []
            for _ in range(rng.randint(1, 300)):
                a = "" if rng.random() < 0.1 else random_decimal(rng)
                b = "" if rng.random() < 0.1 else random_decimal(rng)
                rows.append((rng.choice("pqrs"), a, b))
            path = os.path.join(directory, f"d{f}.csv")
            with open(path, "w", newline="") as out:
                w = csv.writer(out, lineterminator="\n")
                w.writerow(["g", "a", "b"])
                w.writerows(rows)
            got = run(args.wekaql, path, "d%d summarize s = sum(a), m = avg(a), lo = min(a), hi = max(a), n = count() by g" % f)
            want = [[r[0]] + [fix_zero(x) for x in r[1:5]] + [str(r[5])] for r in expected_aggregates(rows)]
            if got != want:
                failures += 1
                print(f"{path}: aggregates differ\n  wekaql: {got}\n  decimal: {want}")
            n = rng.choice([0, 1, 2, 3])
            got = run(args.wekaql, path, f"d{f} select a + b, a - b, a * b, round(a, {n})")
            want = [[fix_zero(x) for x in expected_row(a, b, n)] for _, a, b in rows]
            if got != want:
                failures += 1
                bad = next(i for i, (x, y) in enumerate(zip(got, want)) if x != y) if len(got) == len(want) else -1
                print(f"{path}: row arithmetic differs at row {bad + 1}: wekaql {got[bad] if bad >= 0 else len(got)}, decimal {want[bad] if bad >= 0 else len(want)}")
    print(f"{args.files * 2 - failures} passed, {failures} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
