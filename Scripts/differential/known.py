"""Known open bugs (issue 20): the ONE list of expected failures, so that the differential run passes
while they are fixed on other branches. Each entry matches a disagreement precisely, by what the program
does (features the generator records) and, where the bug has a recognisable shape, by the shape of the
disagreement. Delete an entry when its fix is merged: its programs then count as failures again."""


def wekaql_error(w, d, *codes):
    """wekaql raised one of `codes` (E0400 overflow, E0401 division by zero) where DuckDB answered."""
    return w.error is not None and d.error is None and any(w.error.startswith(c) for c in codes)


KNOWN = {
}


def classify(program, w, d, facts):
    """The key of the known bug that explains this disagreement, or None. `facts`: same_but_nfc, whether
    the answers agree once every string is in NFC."""
    for key, entry in KNOWN.items():
        if entry["match"](program, w, d, facts):
            return key
    return None
