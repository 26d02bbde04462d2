#!/usr/bin/env python3
"""Spark SQL run: the cross-engine test's corpus (and, with --programs, its generated programs) compiled with
`wekaql --sql spark`, run on Spark in local mode (pyspark from PyPI; Java 17) over the same tables, and
compared with wekaql's in-memory answers.

The tables are the cross-engine test's (Scripts/cross-engine/run.py): the built-in collections for the
corpus, the differential test's t and u for the generated programs, each a temporary view of a DataFrame
with the columns typed as in the other engines. Each statement runs with its bound values as named
parameters (`:p1`, Spark 3.4 or later) in ANSI mode, as the `spark` dialect assumes. A query wekaql has no
Spark SQL for (E1000) is counted as "no SQL", not as a failure. Slow (a JVM, a job per query): not in CI;
`./dev.sh spark` runs it.

    Scripts/spark/run.py [--programs 0] [--seed 18] [--wekaql .build/debug/wekaql] [--show 5]
"""

import argparse
import datetime
import decimal
import importlib.util
import os
import random
import shutil
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True
_spec = importlib.util.spec_from_file_location("cross_engine", os.path.join(ROOT, "Scripts", "cross-engine", "run.py"))
cross = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cross)
Answer = cross.Answer

# Spark's errors of a value as it is computed (overflow, division by zero, a failed cast, raise_error):
# they agree with a run-time error of wekaql's (E04xx).
RUN_TIME = ("ARITHMETIC_OVERFLOW", "DIVIDE_BY_ZERO", "NUMERIC_VALUE_OUT_OF_RANGE", "CAST_OVERFLOW", "CAST_INVALID_INPUT",
            "USER_RAISED_EXCEPTION", "INVALID_ARRAY_INDEX", "DATETIME_OVERFLOW", "ArithmeticException")


class Spark:
    """A local Spark session, its tables temporary views; `answers` runs compiled statements."""
    name = "spark"
    types = cross.FLOAT_TYPES

    def __init__(self):
        from pyspark.sql import SparkSession
        self.spark = (SparkSession.builder.master("local[1]").appName("wekaql-cross-engine")
                      .config("spark.sql.ansi.enabled", "true")
                      .config("spark.sql.session.timeZone", "UTC")
                      .config("spark.sql.shuffle.partitions", "1")
                      .config("spark.ui.enabled", "false")
                      .config("spark.ui.showConsoleProgress", "false")
                      .getOrCreate())
        self.spark.sparkContext.setLogLevel("OFF")

    def stop(self):
        self.spark.stop()

    def load(self, tables, directory):
        from pyspark.sql import types as T
        kinds = {"int": T.LongType(), "flt": T.DoubleType(), "str": T.StringType(), "date": T.DateType(), "bool": T.BooleanType()}
        for table in tables:
            schema = T.StructType([T.StructField(c, kinds[k], True) for c, k in table.columns])
            rows = [[datetime.date.fromisoformat(v) if k == "date" and v is not None else v
                     for v, (_, k) in zip(r, table.columns)] for r in table.rows]
            self.spark.createDataFrame(rows, schema).createOrReplaceTempView(table.name)

    def answers(self, binary, script, data_args):
        compiled = cross.compiled_sql(binary, script, data_args, "spark")
        results = []
        for statements in compiled:
            if isinstance(statements, str):
                results.append(cross.NO_SQL if statements.startswith("E1000") else Answer(error="COMPILE " + statements))
                continue
            # A program of several queries: their rows one after the other, as wekaql prints them.
            answer = Answer(rows=[])
            for sql, values in statements:
                ran = self.run(sql, values)
                if ran.error is not None:
                    answer = ran
                    break
                answer.rows += ran.rows
            results.append(answer)
        return results

    def run(self, sql, values):
        try:
            rows = self.spark.sql(sql, args={f"p{n + 1}": v for n, v in enumerate(values)}).collect()
        except Exception as error:   # noqa: BLE001 — Spark's exceptions, labelled for the comparison
            text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            kind = "SPARK " if any(k in str(error) for k in RUN_TIME) else "HARNESS "
            return Answer(error=kind + text)
        return Answer(rows=[[plain(v) for v in r] for r in rows])


def plain(value):
    """A Spark value as wekaql's JSON output has it: dates as text, decimals as floats, lists as lists."""
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--programs", type=int, default=0, help="generated programs to run besides the corpus")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--per-table", type=int, default=150)
    parser.add_argument("--wekaql", default=os.path.join(ROOT, ".build", "debug", "wekaql"))
    parser.add_argument("--show", type=int, default=5)
    args = parser.parse_args()
    try:
        import pyspark  # noqa: F401
    except ImportError:
        print("pyspark is not installed (python3 -m pip install pyspark)")
        return 1
    started = time.monotonic()
    spark = Spark()
    work = tempfile.mkdtemp(prefix="wekaql-spark-")
    corpus_tally, tally = cross.Tally([spark]), cross.Tally([spark])
    try:
        corpus_count = cross.run_corpus(args.wekaql, [spark], work, corpus_tally, args.show)
        if args.programs:
            cross.run_generated(args.wekaql, [spark], args, work, tally)
    finally:
        spark.stop()
    for label, t, count in (("corpus", corpus_tally, corpus_count), ("generated", tally, args.programs)):
        c = t.counts[spark.name]
        if count:
            print(f"{label} on spark: {c['agreed']} agreed, {c['disagreed']} disagreed, {c['no SQL']} with no SQL (E1000), "
                  f"{c['unraised']} with an error in a value no result reads, not raised by the engine, of {count}")
    print(f"{time.monotonic() - started:.1f} s")
    failed = corpus_tally.failed() or tally.failed()
    if failed:
        print(f"kept {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
