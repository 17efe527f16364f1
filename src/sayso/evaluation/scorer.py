"""Score predicted attributions against PolNeAR gold.

The metrics are those documented by the reference scorer
(``shared/eval/polnear.py``); this is our own implementation and must give
the same figures, down to the last digit of every float.

* A token is a ``\\w+`` match of the document text; a token lies in a span
  when it shares a character with one of its fragments.
* Ignorable characters are whitespace, punctuation (P*) and format (Cf)
  characters that are not ``\\w``.  A span's canonical form strips them from
  fragment ends, drops empty fragments and merges fragments that overlap,
  touch or are separated by ignorable characters only.  A punctuation-only
  span (a ":" cue) keeps its punctuation; a whitespace-only span is empty.
* Two spans match partially when they share a token (a character, when
  either has no token).  Matching is one-to-one and greedy: pairs with the
  largest overlap first, ties broken by predicted then gold position.
* Per role: distinct canonical spans per document, matched exactly, partially,
  and per token.  Per attribution: content partial match plus source partial
  match (or no source on both sides); strict asks for equal canonical forms.
* Counts are summed over documents before P, R and F1 are computed.
"""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Mapping, Protocol, Sequence

from ..model import Fragment, Span

ROLES = ("source", "cue", "content")
SPAN_METRICS = ("exact", "partial", "token")
ATTRIBUTION_METRICS = ("partial", "strict")

Canonical = tuple[Fragment, ...]

_TOKEN = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")


class HasRoles(Protocol):
    """Anything with source, cue and content spans (model.Attribution does)."""

    source: Span
    cue: Span
    content: Span


class HasGold(Protocol):
    """A document with its gold attributions (polnear.GoldDocument does)."""

    doc_id: str
    text: str
    attributions: Sequence[HasRoles]


# ---------------------------------------------------------------- spans --

def is_ignorable(char: str) -> bool:
    """Whitespace, punctuation or a format character that is not ``\\w``."""
    if _WORD_CHAR.match(char):
        return False  # "_" is punctuation (Pc) but also part of a token
    category = unicodedata.category(char)
    return char.isspace() or category[0] == "P" or category == "Cf"


def _trim(text: str, fragment: Fragment, droppable) -> Fragment:
    start, end = fragment
    while start < end and droppable(text[start]):
        start += 1
    while end > start and droppable(text[end - 1]):
        end -= 1
    return start, end


def _trimmed(text: str, span: Iterable[Fragment], droppable) -> list[Fragment]:
    return [f for f in (_trim(text, frag, droppable) for frag in span) if f[0] < f[1]]


def canonical_span(span: Iterable[Fragment], text: str) -> Canonical:
    """The canonical form of a span; ``()`` when it covers nothing."""
    span = list(span)
    fragments = _trimmed(text, span, is_ignorable)
    if not fragments:  # keep a punctuation-only span such as a ":" cue
        fragments = _trimmed(text, span, str.isspace)
    merged: list[Fragment] = []
    for start, end in sorted(fragments):
        if merged and all(map(is_ignorable, text[merged[-1][1]:start])):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


@dataclass(frozen=True)
class CanonicalSpan:
    """A non-empty canonical span and the indices of the tokens it touches."""

    fragments: Canonical
    tokens: frozenset[int]


class TokenIndex:
    """Positions of the ``\\w+`` tokens of one text."""

    def __init__(self, text: str):
        self.text = text
        bounds = [m.span() for m in _TOKEN.finditer(text)]
        self.starts = [start for start, _ in bounds]
        self.ends = [end for _, end in bounds]

    def tokens_in(self, fragments: Iterable[Fragment]) -> frozenset[int]:
        """Indices of the tokens sharing at least one character with a fragment."""
        found: set[int] = set()
        for start, end in fragments:
            index = bisect.bisect_right(self.ends, start)  # first token ending after start
            while index < len(self.starts) and self.starts[index] < end:
                found.add(index)
                index += 1
        return frozenset(found)

    def canonical(self, span: Iterable[Fragment]) -> CanonicalSpan | None:
        """The span's canonical form with its tokens; None when it is empty."""
        fragments = canonical_span(span, self.text)
        return CanonicalSpan(fragments, self.tokens_in(fragments)) if fragments else None


def shared_characters(a: Canonical, b: Canonical) -> int:
    """How many characters two canonical spans have in common."""
    return sum(max(0, min(a_end, b_end) - max(a_start, b_start))
               for a_start, a_end in a for b_start, b_end in b)


def partial_overlap(a: CanonicalSpan | None, b: CanonicalSpan | None) -> tuple[int, int] | None:
    """(shared tokens, shared characters) when the spans match partially, else None."""
    if a is None or b is None:
        return None
    characters = shared_characters(a.fragments, b.fragments)
    if a.tokens and b.tokens:
        tokens = len(a.tokens & b.tokens)
        return (tokens, characters) if tokens else None
    # A span without tokens (a ":" cue) can only match by sharing characters.
    return (0, characters) if characters else None


def count_greedy_matches(candidates: Iterable[tuple[tuple[int, ...], int, int]]) -> int:
    """Size of the one-to-one matching taken greedily from (key, pred, gold) triples.

    Larger keys are taken first; equal keys go by predicted, then gold index.
    """
    # Python's sort is stable: order by position first, then by key descending.
    ordered = sorted(candidates, key=lambda c: (c[1], c[2]))
    ordered.sort(key=lambda c: c[0], reverse=True)
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    for _key, pred, gold in ordered:
        if pred not in used_pred and gold not in used_gold:
            used_pred.add(pred)
            used_gold.add(gold)
    return len(used_pred)


# --------------------------------------------------------------- counts --

@dataclass
class MatchCount:
    """Matched, predicted and gold counts, summed over documents."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def __iadd__(self, other: "MatchCount") -> "MatchCount":
        self.matched += other.matched
        self.predicted += other.predicted
        self.gold += other.gold
        return self

    def as_dict(self) -> dict:
        """P, R, F1 (0 when a denominator is 0) and the three counts."""
        precision = self.matched / self.predicted if self.predicted else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": precision, "recall": recall, "f1": f1,
                "matched": self.matched, "predicted": self.predicted, "gold": self.gold}


# ------------------------------------------------------------- documents --

class CanonicalSide:
    """The gold or the predicted attributions of one document, canonicalised."""

    def __init__(self, attributions: Sequence[HasRoles], index: TokenIndex):
        # Per attribution: {role: CanonicalSpan or None}.
        self.attributions = [{role: index.canonical(getattr(a, role)) for role in ROLES}
                             for a in attributions]
        # Per role: the distinct spans, in order of first appearance.
        self.spans: dict[str, dict[Canonical, CanonicalSpan]] = {role: {} for role in ROLES}
        for roles in self.attributions:
            for role, span in roles.items():
                if span is not None:
                    self.spans[role].setdefault(span.fragments, span)

    def labelled_tokens(self, role: str) -> set[int]:
        """Tokens lying in any span of the role."""
        return set().union(*(span.tokens for span in self.spans[role].values()))

    def without_source(self) -> int:
        return sum(roles["source"] is None for roles in self.attributions)


def score_role(gold: CanonicalSide, pred: CanonicalSide, role: str) -> dict[str, MatchCount]:
    """Exact, partial and token counts of one role in one document."""
    gold_spans, pred_spans = gold.spans[role], pred.spans[role]
    sizes = (len(pred_spans), len(gold_spans))
    candidates = [(key, i, j)
                  for i, p in enumerate(pred_spans.values())
                  for j, g in enumerate(gold_spans.values())
                  if (key := partial_overlap(p, g)) is not None]
    gold_tokens, pred_tokens = gold.labelled_tokens(role), pred.labelled_tokens(role)
    return {
        "exact": MatchCount(len(gold_spans.keys() & pred_spans.keys()), *sizes),
        "partial": MatchCount(count_greedy_matches(candidates), *sizes),
        "token": MatchCount(len(gold_tokens & pred_tokens), len(pred_tokens), len(gold_tokens)),
    }


def attribution_pair(pred: dict, gold: dict) -> tuple[tuple[int, ...], bool] | None:
    """Ranking key and strictness of a partial attribution match, or None.

    The key orders candidates by content tokens, source tokens, content
    characters, source characters.
    """
    content = partial_overlap(pred["content"], gold["content"])
    if content is None:
        return None  # equal contents always overlap, so no strict match either
    pred_source, gold_source = pred["source"], gold["source"]
    if pred_source is None and gold_source is None:
        source, same_source = (0, 0), True
    else:
        source = partial_overlap(pred_source, gold_source)
        if source is None:
            return None  # one side has no source, or the sources are apart
        same_source = pred_source.fragments == gold_source.fragments
    strict = same_source and pred["content"].fragments == gold["content"].fragments
    return (content[0], source[0], content[1], source[1]), strict


def score_attributions(gold: CanonicalSide, pred: CanonicalSide) -> dict[str, MatchCount]:
    """Partial and strict end-to-end counts of one document."""
    partial, strict = [], []
    for i, p in enumerate(pred.attributions):
        for j, g in enumerate(gold.attributions):
            pair = attribution_pair(p, g)
            if pair is not None:
                partial.append((pair[0], i, j))
                if pair[1]:
                    strict.append((pair[0], i, j))
    sizes = (len(pred.attributions), len(gold.attributions))
    return {"partial": MatchCount(count_greedy_matches(partial), *sizes),
            "strict": MatchCount(count_greedy_matches(strict), *sizes)}


class Totals:
    """Counts summed over the documents of a split."""

    def __init__(self, documents: int):
        self.counts = {"gold_documents": documents, "predicted_documents": 0,
                       "gold_attributions": 0, "gold_attributions_no_source": 0,
                       "predicted_attributions": 0, "predicted_attributions_no_source": 0}
        self.spans = {role: {m: MatchCount() for m in SPAN_METRICS} for role in ROLES}
        self.attribution = {m: MatchCount() for m in ATTRIBUTION_METRICS}

    def add_document(self, gold: CanonicalSide, pred: CanonicalSide, predicted: bool) -> None:
        self.counts["predicted_documents"] += predicted
        for side, name in ((gold, "gold"), (pred, "predicted")):
            self.counts[f"{name}_attributions"] += len(side.attributions)
            self.counts[f"{name}_attributions_no_source"] += side.without_source()
        for role in ROLES:
            for metric, count in score_role(gold, pred, role).items():
                self.spans[role][metric] += count
        for metric, count in score_attributions(gold, pred).items():
            self.attribution[metric] += count

    def as_dict(self) -> dict:
        spans = {role: {m: c.as_dict() for m, c in metrics.items()}
                 for role, metrics in self.spans.items()}
        spans["all"] = {m: self._all_roles(m).as_dict() for m in SPAN_METRICS}
        attribution = {m: c.as_dict() for m, c in self.attribution.items()}
        return {"counts": dict(self.counts), "spans": spans, "attribution": attribution,
                "attribution_partial_f1": attribution["partial"]["f1"],
                "attribution_strict_f1": attribution["strict"]["f1"]}

    def _all_roles(self, metric: str) -> MatchCount:
        total = MatchCount()
        for role in ROLES:
            total += self.spans[role][metric]
        return total


def score(documents: Sequence[HasGold], predictions: Mapping[str, Sequence[HasRoles]]) -> dict:
    """Counts, per-role span metrics and attribution metrics, JSON-ready.

    Documents absent from ``predictions`` count as predicting nothing;
    predictions for other doc_ids are not looked at.
    """
    totals = Totals(len(documents))
    for document in documents:
        index = TokenIndex(document.text)
        predicted = predictions.get(document.doc_id, [])
        totals.add_document(CanonicalSide(document.attributions, index),
                            CanonicalSide(predicted, index), document.doc_id in predictions)
    return totals.as_dict()


def report(split: str, documents: Sequence[HasGold],
           predictions: Mapping[str, Sequence[HasRoles]], unknown_doc_ids: list[str]) -> dict:
    """The full result, as the reference prints it with ``--json``."""
    return {"split": split, **score(documents, predictions),
            "unknown_doc_ids": list(unknown_doc_ids)}


# --------------------------------------------------------------- output --

# (header, width, alignment) of the table's columns.
_COLUMNS = (("level", 12, "<"), ("match", 9, "<"), ("P", 8, ">"), ("R", 8, ">"),
            ("F1", 8, ">"), ("matched", 10, ">"), ("pred", 8, ">"), ("gold", 8, ">"))


def _table_row(cells: Sequence) -> str:
    return "".join(f"{cell:{align}{width}}" for cell, (_, width, align) in zip(cells, _COLUMNS))


def _metric_row(level: str, match: str, m: dict) -> str:
    rates = (format(m[key], ".4f") for key in ("precision", "recall", "f1"))
    return _table_row((level, match, *rates, m["matched"], m["predicted"], m["gold"]))


def format_table(result: dict) -> str:
    """The reference's table for a ``report`` result (no final newline)."""
    c = result["counts"]
    lines = [
        f"split {result['split']}: {c['gold_documents']} documents, "
        f"{c['predicted_documents']} with predictions, "
        f"{len(result['unknown_doc_ids'])} unknown doc_ids ignored",
        f"gold attributions {c['gold_attributions']} (no source "
        f"{c['gold_attributions_no_source']}), predicted {c['predicted_attributions']} "
        f"(no source {c['predicted_attributions_no_source']})",
        "",
        _table_row([name for name, _, _ in _COLUMNS]),
    ]
    lines += [_metric_row(role, metric, result["spans"][role][metric])
              for role in (*ROLES, "all") for metric in SPAN_METRICS]
    lines += [_metric_row("attribution", metric, result["attribution"][metric])
              for metric in ATTRIBUTION_METRICS]
    lines += ["", f"attribution_partial_f1={result['attribution_partial_f1']:.4f} "
                  f"attribution_strict_f1={result['attribution_strict_f1']:.4f}"]
    return "\n".join(lines)


def format_json(result: dict) -> str:
    """The reference's ``--json`` output for a ``report`` result."""
    return json.dumps(result, indent=1)


def unknown_warning(unknown_doc_ids: list[str]) -> str | None:
    """The stderr warning about ignored doc_ids; None when there are none."""
    if not unknown_doc_ids:
        return None
    more = " ..." if len(unknown_doc_ids) > 5 else ""
    return (f"warning: {len(unknown_doc_ids)} unknown doc_ids ignored: "
            f"{', '.join(unknown_doc_ids[:5])}{more}")
