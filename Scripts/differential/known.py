"""Known open bugs (issue 20): the ONE list of expected failures, so that the differential run passes
while they are fixed on other branches. Each entry matches a disagreement precisely, by what the program
does (features the generator records) and, where the bug has a recognisable shape, by the shape of the
disagreement. Delete an entry when its fix is merged: its programs then count as failures again."""


def wekaql_error(w, d, *codes):
    """wekaql raised one of `codes` (E0400 overflow, E0401 division by zero) where DuckDB answered."""
    return w.error is not None and d.error is None and any(w.error.startswith(c) for c in codes)


KNOWN = {
    "round_big_int": {
        "issue": "issue 20: floor/round/ceil of big integers",
        "what": "floor, round or ceil of an integer expression over values past 2^53 (goes through a double)",
        "match": lambda p, w, d: "round_big_int" in p.features,
    },
    "param_untyped": {
        "issue": "issue 20: parameters losing their value",
        "what": "a $parameter bare in select or as a function's argument comes out null",
        "match": lambda p, w, d: "param_untyped" in p.features,
    },
    "sum_big_ints": {
        "issue": "issue 20: sum overflows in the middle",
        "what": "sum of integers past 2^53 fails with E0400 although the total fits in 64 bits",
        "match": lambda p, w, d: "sum_big_ints" in p.features and wekaql_error(w, d, "E0400"),
    },
    "avg_big_ints": {
        "issue": "issue 20: avg of big integers",
        "what": "avg of integers past 2^53 (summed as doubles, or overflowing)",
        "match": lambda p, w, d: "avg_big_ints" in p.features,
    },
    "folds_beyond_latin": {
        "issue": "issue 20: accent folding beyond Latin Extended-A",
        "what": "contains/starts with/ends with/=~ on text with accented letters past U+017F (ở, Ǎ, ή, Ё)",
        "match": lambda p, w, d: "folds_beyond_latin" in p.features,
    },
    "groups_nfd_strings": {
        "issue": "issue 20: NFC and NFD spellings in count by against distinct",
        "what": "grouping (count by, summarize by) on strings spelt in NFC and NFD makes two groups",
        "match": lambda p, w, d: "groups_nfd_strings" in p.features,
    },
    "coalesce_may_fail_late": {
        "issue": "issue 20: coalesce evaluates every argument",
        "what": "coalesce(x, 1 / 0) fails although x is not null",
        "match": lambda p, w, d: "coalesce_may_fail_late" in p.features and wekaql_error(w, d, "E0400", "E0401"),
    },
    "whole_row_distinct_after_narrowing": {
        "issue": "issue 20: column narrowing with whole-row distinct",
        "what": "a whole-row distinct over a file's columns the program never names (they are not loaded)",
        "match": lambda p, w, d: "whole_row_distinct_after_narrowing" in p.features,
    },
    # Found by this harness, not yet in issue 20:
    "sorts_nfd_strings": {
        "issue": "new (differential test): sort by orders NFC and NFD spellings apart",
        "what": "sort by a string: canonically equal NFC and NFD spellings are not tied, so rows with a later key come out of order",
        "match": lambda p, w, d: "sorts_nfd_strings" in p.features,
    },
    "param_subject_untyped": {
        "issue": "new (differential test): a $parameter before between/in is not typed by the bounds or list",
        "what": "`$p between false and true` with --param p=true reads p as the text \"true\" (no rows)",
        "match": lambda p, w, d: "param_subject_untyped" in p.features,
    },
}


def classify(program, w, d):
    """The key of the known bug that explains this disagreement, or None."""
    for key, entry in KNOWN.items():
        if entry["match"](program, w, d):
            return key
    return None
