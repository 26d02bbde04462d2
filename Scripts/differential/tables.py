"""Generated tables for the differential test: two CSV files, `t` and `u`, whose column types wekaql
infers without doubt, with the shapes that have found bugs (extreme integers, mixed-scale decimals,
nulls, duplicates, NFC and NFD spellings, accents beyond Latin, text with commas and quotes)."""

import csv
import datetime
import os
import unicodedata

INT64_MAX = 9223372036854775807
INT64_MIN = -9223372036854775808

# Words for the group columns `t.g` and `u.g`: each accented word appears in NFC and in NFD, so that
# grouping, distinct, joins and equality meet two spellings of one string.
# (Letters beyond Latin Extended-A with accents are kept to `t.s`, so that the expected failure of
# folding them matches text operators on that column only.)
GROUP_WORDS = ["café", "Łódź", "Øresund", "Togo", "TOGO", "a,b", 'say "hi"', "Zürich", "zurich", "naïve",
               "Москва", "São Tomé", "Ærø", "Ivoire"]

# Phrases for the free-text column `t.s` (NFC only): spaces at either end, commas, quotes, apostrophes.
PHRASES = ["human trafficking", "migrant smuggling", "  padded  ", "Côte d'Ivoire", "cote d’ivoire",
           "Phở bò", "ÉCOLE", "école", "Αθήνα, Ελλάδα", "Ёлка", "ёлка", 'quote "q"', "x,y,z", "abc", "ABC",
           "a", "Mañana", "Ǎngel's", "São Tomé", "ΣΟΦΙΑ", "Đà Nẵng", "123abc", "Phở"]

NAMES = ["Lomé", "Abuja", "Dakar", "Praia", "Bissau", "Cotonou", "Niamey", "Bamako", "Accra", "Tunis"]

BIG = [INT64_MAX, INT64_MIN, -INT64_MAX, 9007199254740993, -9007199254740993, 4611686018427387904,
       123456789012345678, -987654321098765432, 1000000000000000000, 999999999999999999, 1, -1, 0, 42]

# Decimals written as inference takes them (README "Loading other data": no trailing zero but `2.0`, no
# exponent), for `t.d`; and any spelling, for `u.e`, which is loaded with `types=e:float` (it tests
# that option, and keeps the values past 1e300 whose sums overflow).
DECIMALS = ["1.5", "-0.25", "3.125", "0.1", "-7.75", "2.5", "12345.678", "-0.5",
            "0.001", "2.0", "-3.5", "1234567.25", "0.3"]
ANY_DECIMALS = DECIMALS + ["100.0", "1e3", "1e300", "-2.5e-5"]


def spelled(word, rng):
    """The word in NFC or, for accented words, sometimes in NFD."""
    if rng.random() < 0.4:
        return unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", word)


def maybe(rng, value, null_rate=0.15):
    return None if rng.random() < null_rate else value


def make_t(rng, n):
    start = datetime.date(2022, 6, 12)
    rows = []
    for row in range(n):
        rows.append({
            "id": row + 1,
            "g": maybe(rng, spelled(rng.choice(GROUP_WORDS[:rng.randint(4, len(GROUP_WORDS))]), rng)),
            "s": maybe(rng, rng.choice(PHRASES)),
            "i": maybe(rng, rng.randint(-12, 12)),
            "b": maybe(rng, rng.choice(BIG) if rng.random() < 0.7 else rng.randint(-10**18, 10**18)),
            "d": maybe(rng, rng.choice(DECIMALS)),
            "dt": maybe(rng, (start + datetime.timedelta(days=rng.randint(-400, 400))).isoformat()),
            "f": maybe(rng, rng.choice(["true", "false"])),   # (`TRUE`, `False` stay text)
            "k": maybe(rng, rng.randint(0, 6)),
        })
    return rows


def make_u(rng, n):
    rows = []
    for _ in range(n):
        rows.append({
            "k": maybe(rng, rng.randint(0, 8), 0.1),
            "name": maybe(rng, rng.choice(NAMES)),
            "g": maybe(rng, spelled(rng.choice(GROUP_WORDS), rng), 0.1),
            "w": maybe(rng, rng.randint(-12, 12)),
            "e": maybe(rng, rng.choice(ANY_DECIMALS)),
        })
    return rows


# Column types as wekaql infers them (README "Loading other data"), and as DuckDB reads them.
T_TYPES = {"id": "int", "g": "str", "s": "str", "i": "int", "b": "int", "d": "dec", "dt": "date", "f": "bool", "k": "int"}
U_TYPES = {"k": "int", "name": "str", "g": "str", "w": "int", "e": "dec"}
DUCK_TYPE = {"int": "BIGINT", "dec": "DOUBLE", "str": "VARCHAR", "date": "DATE", "bool": "BOOLEAN"}

# `t.b` holds 19-digit integers, which inference keeps as text (more than 18 digits): it is loaded with
# `types=b:integer`, as `u.e` with `types=e:float`.

# Facts about the data a column holds, for the expected-failure matchers: `big` integers past 2^53,
# `nfd` strings spelt in NFC and NFD, `beyond` letters with accents outside Latin-1 and Latin Extended-A.
T_TAGS = {"b": {"big"}, "g": {"nfd"}, "s": {"beyond"}}
U_TAGS = {"g": {"nfd"}, "e": {"flt"}}


def ensure_types(rows, types, rng):
    """Makes every column hold a value that pins its type: no all-null column, a decimal with a point."""
    for name, kind in types.items():
        if not any(r[name] is not None for r in rows):
            rows[rng.randrange(len(rows))][name] = {"int": 1, "dec": "1.5", "str": "Togo", "date": "2022-06-12",
                                                   "bool": "true"}[kind]
        if kind == "dec" and not any(r[name] is not None and "." in r[name] for r in rows):
            rows[0][name] = "2.5"


def write_csv(path, rows, columns):
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow(["" if r[c] is None else r[c] for c in columns])


class TableSet:
    """One pair of tables on disk, with the parameter values its programs are run with."""

    def __init__(self, rng, directory):
        self.directory = directory
        os.makedirs(directory, exist_ok=True)
        self.t = make_t(rng, rng.choice([1, 3, 8, 15, 25, 40]))
        self.u = make_u(rng, rng.choice([1, 4, 10, 20]))
        ensure_types(self.t, T_TYPES, rng)
        ensure_types(self.u, U_TYPES, rng)
        write_csv(self.path("t"), self.t, list(T_TYPES))
        write_csv(self.path("u"), self.u, list(U_TYPES))
        with open(self.path("m"), "w") as out:
            out.write("x\n1\n")
        self.params = {
            "pi": str(rng.choice([0, 2, 5, -3, 7])),
            "pbig": str(rng.choice([INT64_MAX, INT64_MIN, 9007199254740993])),
            "pd": rng.choice(["1.5", "-0.25", "100.0", "2.5"]),
            "ps": unicodedata.normalize(rng.choice(["NFC", "NFD"]), rng.choice(["café", "Togo", "Phở", "abc", "école"])),
            "pdate": rng.choice(["2022-06-12", "2021-12-31", "2023-01-01"]),
            "pb": rng.choice(["true", "false"]),
            "pn": str(rng.choice([0, 1, 2, 5])),
        }

    def path(self, name):
        return os.path.join(self.directory, name + ".csv")
