"""How likely a cue's main word is to be a cue at all, given what follows it.

The chance, counted on PolNeAR train (``sayso.training.cue_priors``), that
a verb or reporting noun with a complement of that shape heads an
attribution: "said" + clause is nearly sure, "approved" + noun phrase
nearly never. Pairs seen too seldom fall back, with smoothing, on the
shape's overall rate. The confidence score reads it as a feature.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from ..lexicon import read_rows

PRIORS_FILE = "cue_priors.txt"
SMOOTHING = 4.0  # pseudo-occurrences at the shape's overall rate
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "csubj"})
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
_COUNTED_POS = frozenset({"VERB", "NOUN", "ADP"})


def counted(token: Token) -> bool:
    """Words a cue may be headed by: verbs, nouns ("a statement"), "according"."""
    return token.pos_ in _COUNTED_POS or token.lower_ == "according"


def complement(token: Token) -> str:
    """"clause" ("said that ...", a quote the verb hangs on), "np" ("approved
    a new scheme") or "none"."""
    if any(c.dep_ in _CLAUSE_DEPS for c in token.children) or token.dep_ == "parataxis":
        return "clause"
    if any(c.dep_ in _OBJECT_DEPS for c in token.children):
        return "np"
    return "none"


def seldom_a_cue(token: Token, below: float, evidence: int = 10) -> bool:
    """Whether the corpus saw the word with this complement at least
    ``evidence`` times and as a cue less than ``below`` of them (a word it
    hardly saw, "criticising" in a corpus written in American English, is
    not judged)."""
    _, seen = _priors().get((token.lemma_.lower(), complement(token)), (0, 0))
    return seen >= evidence and cue_prior(token) < below


def cue_prior(token: Token) -> float:
    lemma, shape = token.lemma_.lower(), complement(token)
    table = _priors()
    cues, seen = table.get((lemma, shape), (0, 0))
    overall_cues, overall_seen = table.get(("*", shape), (1, 10))
    rate = overall_cues / overall_seen if overall_seen else 0.1
    return (cues + SMOOTHING * rate) / (seen + SMOOTHING)


@lru_cache(maxsize=None)
def _priors() -> dict[tuple[str, str], tuple[int, int]]:
    rows = read_rows("sayso.attribution", PRIORS_FILE)
    return {(r[0], r[1]): (int(r[2]), int(r[3])) for r in rows}
