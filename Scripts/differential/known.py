"""Known open bugs (issue 20): the ONE list of expected failures, so that the differential run passes
while they are fixed on other branches. Each entry matches a disagreement precisely, by what the program
does (features the generator records) and, where the bug has a recognisable shape, by the shape of the
disagreement. Delete an entry when its fix is merged: its programs then count as failures again."""


def wekaql_error(w, d, *codes):
    """wekaql raised one of `codes` (E0400 overflow, E0401 division by zero) where DuckDB answered."""
    return w.error is not None and d.error is None and any(w.error.startswith(c) for c in codes)


KNOWN = {
    "folds_beyond_latin": {
        "issue": "issue 20: accent folding beyond Latin Extended-A",
        "what": "contains/starts with/ends with/=~ on text with accented letters past U+017F (ở, Ǎ, ή, Ё)",
        "match": lambda p, w, d, facts: "folds_beyond_latin" in p.features,
    },
    # The broadest match last, so that the narrower ones name the bugs they explain.
    "compares_nfd_strings": {
        "issue": "issue 20 item 7: NFC and NFD strings (canonical equivalence against bytes)",
        "what": "=, in, between, distinct, grouping, count_distinct, min/max, joins or sort on text spelt in NFD "
                "(t.g, u.g, an NFD literal or $ps): today equal to the NFC spelling in some of them, not in others; "
                "or answers that differ only in spelling (the column dictionary keeps the first of equal spellings)",
        "match": lambda p, w, d, facts: "compares_nfd_strings" in p.features or facts["same_but_nfc"],
    },
}


def classify(program, w, d, facts):
    """The key of the known bug that explains this disagreement, or None. `facts`: same_but_nfc, whether
    the answers agree once every string is in NFC."""
    for key, entry in KNOWN.items():
        if entry["match"](program, w, d, facts):
            return key
    return None
