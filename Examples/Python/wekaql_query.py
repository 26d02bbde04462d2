#!/usr/bin/env python3
"""Runs wekaql queries from Python through the C API (wekaql.h) with ctypes: no compiled extension.

    python3 Examples/Python/wekaql_query.py [path/to/libWekaQLC.so]

The library comes from `./dev.sh capi` (or `swift build --product WekaQLC`); without an argument the
script looks for it in .build/release, then .build/debug.
"""

import ctypes
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
ROW, DONE, OK = 100, 101, 0
TYPES = {0: "null", 1: "boolean", 2: "integer", 3: "decimal", 4: "text", 5: "date"}


def load_library(path=None):
    candidates = [pathlib.Path(path)] if path else [ROOT / ".build" / kind / "libWekaQLC.so" for kind in ("release", "debug")]
    found = next((c for c in candidates if c.exists()), None)
    if found is None:
        sys.exit("libWekaQLC.so not found; build it with ./dev.sh capi")
    lib = ctypes.CDLL(str(found))
    c_char_p, c_void_p, c_int, c_int64, c_double = ctypes.c_char_p, ctypes.c_void_p, ctypes.c_int, ctypes.c_int64, ctypes.c_double
    signatures = {
        "wekaql_version": (c_char_p, []),
        "wekaql_open": (c_void_p, [c_int]),
        "wekaql_close": (None, [c_void_p]),
        "wekaql_load_path": (c_int, [c_void_p, c_char_p, c_char_p]),
        "wekaql_errors_json": (c_char_p, [c_void_p]),
        "wekaql_prepare": (c_int, [c_void_p, c_char_p, ctypes.POINTER(c_void_p)]),
        "wekaql_bind_text": (c_int, [c_void_p, c_char_p, c_char_p]),
        "wekaql_bind_int64": (c_int, [c_void_p, c_char_p, c_int64]),
        "wekaql_step": (c_int, [c_void_p]),
        "wekaql_column_count": (c_int, [c_void_p]),
        "wekaql_column_name": (c_char_p, [c_void_p, c_int]),
        "wekaql_column_type": (c_int, [c_void_p, c_int]),
        "wekaql_column_int64": (c_int64, [c_void_p, c_int]),
        "wekaql_column_double": (c_double, [c_void_p, c_int]),
        "wekaql_column_text": (c_char_p, [c_void_p, c_int]),
        "wekaql_stmt_errors_json": (c_char_p, [c_void_p]),
        "wekaql_finalize": (None, [c_void_p]),
    }
    for name, (result, arguments) in signatures.items():
        function = getattr(lib, name)
        function.restype, function.argtypes = result, arguments
    return lib


class WekaQL:
    """An engine: `WekaQL(lib).query("arrests count")` gives (columns, rows) with Python values."""

    def __init__(self, lib, builtin=True):
        self.lib = lib
        self.engine = lib.wekaql_open(1 if builtin else 0)

    def close(self):
        self.lib.wekaql_close(self.engine)

    def load(self, path, options=None):
        if self.lib.wekaql_load_path(self.engine, path.encode(), options.encode() if options else None) != OK:
            raise RuntimeError(json.loads(self.lib.wekaql_errors_json(self.engine))[0]["message"])

    def query(self, text, **parameters):
        statement = ctypes.c_void_p()
        if self.lib.wekaql_prepare(self.engine, text.encode(), ctypes.byref(statement)) != OK:
            raise RuntimeError(json.loads(self.lib.wekaql_errors_json(self.engine))[0]["message"])
        try:
            for name, value in parameters.items():
                if isinstance(value, int):
                    self.lib.wekaql_bind_int64(statement, name.encode(), value)
                else:
                    self.lib.wekaql_bind_text(statement, name.encode(), str(value).encode())
            columns = [self.lib.wekaql_column_name(statement, i).decode() for i in range(self.lib.wekaql_column_count(statement))]
            rows = []
            while (status := self.lib.wekaql_step(statement)) == ROW:
                rows.append([self.value(statement, i) for i in range(len(columns))])
            if status != DONE:
                raise RuntimeError(json.loads(self.lib.wekaql_stmt_errors_json(statement))[0]["message"])
            return columns, rows
        finally:
            self.lib.wekaql_finalize(statement)

    def value(self, statement, column):
        kind = TYPES[self.lib.wekaql_column_type(statement, column)]
        if kind == "null":
            return None
        if kind == "integer":
            return self.lib.wekaql_column_int64(statement, column)
        if kind == "boolean":
            return bool(self.lib.wekaql_column_int64(statement, column))
        # Decimals and dates as wekaql writes them: exact text, not a float's approximation.
        return self.lib.wekaql_column_text(statement, column).decode()


def show(title, result):
    columns, rows = result
    print(title)
    print("  " + " | ".join(columns))
    for row in rows:
        print("  " + " | ".join("null" if v is None else str(v) for v in row))


def main():
    lib = load_library(sys.argv[1] if len(sys.argv) > 1 else None)
    print("wekaql", lib.wekaql_version().decode())
    db = WekaQL(lib)
    try:
        show("Arrests by offence:", db.query("arrests count by offence sort by count desc, offence limit 3"))
        show("One country:", db.query("countries where country = $c select country, iso3", c="Togo"))
        db.load(str(pathlib.Path(__file__).with_name("cases.csv")))
        show("Cases from a CSV (007 stays 007):", db.query("cases where country = $c select ref, opened, amount", c="Togo"))
        try:
            db.query("cases where contry = 1")
        except RuntimeError as error:
            print("Error:", error)
    finally:
        db.close()


if __name__ == "__main__":
    main()
