"""Within one event: each side's claims, matched across sides.

Statements are partitioned by side (their origin). For every pair of sides
the most similar statements are paired one to one, best first, while their
cosine reaches ``threshold``: those are claims both sides make. A pair
whose polarity differs (one side denies, negates or rejects what the other
asserts) is a contradiction, otherwise an agreement. A statement paired
with no other side's is a claim only its side makes. The topics a side
stresses are the words it uses most, measured against the other sides.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from .statements import Statement
from .vectors import terms

# From a judged sample: below these cosines most pairs were two different points.
MATCH_THRESHOLDS = {"minilm": 0.68, "lexical": 0.4}
MATCH_THRESHOLD = MATCH_THRESHOLDS["minilm"]
TOPICS_PER_SIDE = 5
MIN_CLAIM_WORDS = 5   # shorter contents are names and fragments, not claims
_DENIAL_CUES = frozenset({"deny", "reject", "dismiss", "rubbish", "refute", "dispute", "contest",
                          "disavow", "contradict", "rebut", "downplay"})
# Cues that state something as so ("said that", "denied that", "wrote"). An
# act towards someone ("accused", "urged", "blasted", "proposed") is reported
# in words that read alike across very different points: in a judged sample
# of 25 pairs, 18 of the 20 that were not one claim had such a cue.
_CLAIM_CUES = frozenset({
    "say", "tell", "add", "state", "declare", "announce", "explain", "note", "remark", "comment",
    "mention", "reply", "respond", "answer", "assert", "insist", "maintain", "stress", "emphasize",
    "emphasise", "underline", "reiterate", "repeat", "confirm", "deny", "admit", "acknowledge",
    "concede", "claim", "allege", "contend", "argue", "counter", "suggest", "warn", "predict",
    "promise", "pledge", "vow", "recall", "recount", "testify", "swear", "disclose", "reveal",
    "report", "write", "post", "tweet", "conclude", "observe", "believe", "think", "know",
    "expect", "fear", "indicate", "show", "find", "accord", "quote", "cite", "describe",
    "estimate", "express", "point", "assure", "caution"}) | _DENIAL_CUES
_NEGATION = re.compile(r"\b(?:not|no|never|nothing|none|neither|nor|cannot|false|untrue|"
                       r"deny|denies|denied|denying|reject|rejects|rejected|dismiss|dismissed|"
                       r"dismisses|refuse|refused|refuses|baseless|fabricated|\w+n't)\b", re.I)


@dataclass(frozen=True)
class Claim:
    """``left`` and ``right`` index the event's statements; ``right`` is None
    for a claim only ``left``'s side makes."""

    left: int
    right: int | None
    relation: str  # "agreement", "contradiction" or "only"
    similarity: float | None = None


@dataclass(frozen=True)
class Topic:
    side: str
    term: str
    weight: float


def align_claims(statements: list[Statement], vectors: np.ndarray,
                 threshold: float = MATCH_THRESHOLD) -> list[Claim]:
    sides = _partition(statements)
    claims: list[Claim] = []
    matched: set[int] = set()
    for a, b in combinations(sorted(sides), 2):
        for left, right, similarity in _pairs(sides[a], sides[b], vectors, threshold, statements):
            relation = ("contradiction" if _negated(statements[left]) != _negated(statements[right])
                        else "agreement")
            claims.append(Claim(left, right, relation, round(similarity, 4)))
            matched |= {left, right}
    if len(sides) > 1:
        claims.extend(Claim(i, None, "only") for i in range(len(statements)) if i not in matched)
    return claims


def side_topics(statements: list[Statement], per_side: int = TOPICS_PER_SIDE) -> list[Topic]:
    """Words each side uses more than the others (smoothed log-odds), when
    there are others to compare with."""
    sides = _partition(statements)
    if len(sides) < 2:
        return []
    counts = {side: Counter(t for i in members for t in terms(statements[i].content))
              for side, members in sides.items()}
    total = sum(counts.values(), Counter())
    vocabulary = len(total) or 1
    topics = []
    for side, own in counts.items():
        rest = total - own
        own_size, rest_size = sum(own.values()), sum(rest.values())
        scored = []
        for term, count in own.items():
            mine = (count + 0.5) / (own_size + 0.5 * vocabulary)
            theirs = (rest[term] + 0.5) / (rest_size + 0.5 * vocabulary)
            scored.append((count * math.log(mine / theirs), term))
        for weight, term in sorted(scored, key=lambda s: (-s[0], s[1]))[:per_side]:
            if weight > 0:
                topics.append(Topic(side, term, round(weight, 4)))
    return topics


def _partition(statements: list[Statement]) -> dict[str, list[int]]:
    sides: dict[str, list[int]] = {}
    for i, statement in enumerate(statements):
        sides.setdefault(statement.side, []).append(i)
    return sides


def _claimable(statement: Statement) -> bool:
    content = statement.content.strip()
    cue = statement.cue_lemma
    return (len(content.split()) >= MIN_CLAIM_WORDS
            and not content.rstrip("\"'\u201d ").endswith("?")
            and (not cue or cue in _CLAIM_CUES))


def _one_telling(a: Statement, b: Statement) -> bool:
    """Two statements of one article are one telling, not two sides: in a
    judged sample most same-article pairs were a headline and its own lead,
    or a statement and the clause embedded in it. Sides are compared
    across articles."""
    return a.document_id == b.document_id


def _pairs(left: list[int], right: list[int], vectors: np.ndarray, threshold: float,
           statements: list[Statement]):
    left = [i for i in left if _claimable(statements[i])]
    right = [i for i in right if _claimable(statements[i])]
    if not left or not right:
        return
    similarity = vectors[left] @ vectors[right].T
    taken_left, taken_right = set(), set()
    for flat in np.argsort(-similarity, axis=None):
        r, c = divmod(int(flat), len(right))
        if similarity[r, c] < threshold:
            break
        if r in taken_left or c in taken_right or _one_telling(statements[left[r]],
                                                                statements[right[c]]):
            continue
        taken_left.add(r)
        taken_right.add(c)
        yield left[r], right[c], float(similarity[r, c])


def _negated(statement: Statement) -> bool:
    """Whether the statement asserts the opposite of its words: a negation
    in the content, or a denial cue ("denied that ...") — not both."""
    denial = (statement.cue_lemma or "") in _DENIAL_CUES
    return (_NEGATION.search(statement.content) is not None) != denial
