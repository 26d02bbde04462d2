#!/usr/bin/env python3
"""Writes a seeded synthetic `arrests` table for the benchmark: N rows as CSV, JSON lines and SQLite
(and `reports.csv`, 1,000 rows keyed by country and date, for the join).

Columns: id, country, offence, arrested (5% null), nationality (10% null), date, details (free text
with commas, quotes and non-ASCII, so that CSV quoting and UTF-8 are exercised).
Usage: python3 Benchmarks/generate.py ROWS OUTDIR
"""
import csv, datetime, json, os, random, sqlite3, sys

COUNTRIES = ["Nigeria", "Ghana", "Togo", "Benin", "Côte d'Ivoire", "Burkina Faso", "Mali", "Niger", "Senegal",
             "Guinea", "Cameroon", "Chad", "Sudan", "Ethiopia", "Kenya", "Uganda", "Tanzania", "South Africa",
             "Morocco", "Algeria", "Tunisia", "Libya", "Egypt", "Spain", "Italy", "France", "Greece", "Portugal",
             "Turkey", "Iraq", "Jordan", "Oman", "Syria", "United Arab Emirates", "Brazil", "Gabon", "Angola",
             "Namibia", "Botswana", "Malawi", "Mozambique", "Zimbabwe", "Lesotho", "Eswatini"]
OFFENCES = [("human trafficking", 30), ("migrant smuggling", 25), ("document forgery", 15),
            ("drug trafficking", 15), ("money laundering", 10), ("firearms trafficking", 5)]
NATIONALITIES = ["Nigerian", "Ghanaian", "Togolese", "Ivorian", "Burkinabè", "Malian", "Senegalese", "Chadian",
                 "Sudanese", "Eritrean", "Somali", "Moroccan", "Syrian", "Afghan", "Iraqi", "Pakistani", "Chinese"]
WORDS = ("vehicle border checkpoint convoy truck passports forged visas cash network recruiters victims minors "
         "women men transit route port airport crossing raid warehouse phones ledger payments agent driver "
         "safehouse detained charged court witness evidence seized documents stamps").split()
FRAGMENTS = ["Border post", "near the border,", 'said "no comment"', "at night,", "Lomé", "Abidjan,"]
COLUMNS = ["id", "country", "offence", "arrested", "nationality", "date", "details"]


def rows(n, seed=20240601):
    rng = random.Random(seed)
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(COUNTRIES))]
    start = datetime.date(2024, 6, 1)
    for i in range(n):
        country = rng.choices(COUNTRIES, weights)[0]
        offence = rng.choices([o for o, _ in OFFENCES], [w for _, w in OFFENCES])[0]
        arrested = rng.randint(1, 40) if rng.random() >= 0.05 else None
        nationality = rng.choice(NATIONALITIES) if rng.random() >= 0.10 else None
        date = (start + datetime.timedelta(days=rng.randrange(30))).isoformat()
        words = [rng.choice(FRAGMENTS) if rng.random() < 0.08 else rng.choice(WORDS) for _ in range(rng.randint(3, 9))]
        yield (i + 1, country, offence, arrested, nationality, date, " ".join(words))


def write_reports(out):
    """`reports.csv`, 1,000 rows for the join benchmark: one per (country, date) for the first 1,000 pairs
    of COUNTRIES × the 30 days of `date`, with the desk that filed it (12 desks)."""
    start = datetime.date(2024, 6, 1)
    pairs = [(c, (start + datetime.timedelta(days=d)).isoformat()) for c in COUNTRIES for d in range(30)][:1000]
    with open(os.path.join(out, "reports.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["country", "date", "desk"])
        writer.writerows((c, d, f"desk {(i * 7) % 12 + 1:02d}") for i, (c, d) in enumerate(pairs))


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    data = list(rows(n))
    with open(os.path.join(out, "arrests.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(["" if v is None else v for v in r] for r in data)
    with open(os.path.join(out, "arrests.jsonl"), "w", encoding="utf-8") as f:
        for r in data:
            f.write(json.dumps(dict(zip(COLUMNS, r)), ensure_ascii=False) + "\n")
    write_reports(out)
    db = os.path.join(out, "arrests.db")
    if os.path.exists(db):
        os.remove(db)
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE arrests(id INTEGER, country TEXT, offence TEXT, arrested INTEGER, nationality TEXT, date TEXT, details TEXT)")
    con.executemany("INSERT INTO arrests VALUES (?,?,?,?,?,?,?)", data)
    con.commit()
    con.close()


if __name__ == "__main__":
    main()
