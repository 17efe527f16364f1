"""How a source phrase was tied to its speaker, and how far to trust that.

``resolved_by`` says which evidence named the speaker:

* ``name``: the source holds the speaker's name ("Mayor Ines Calder",
  "Calder" after the full name);
* ``apposition``: a description with the name set beside it ("the
  interior minister, Paul Dekker");
* ``title``: a title the article gives one person only ("the 54-year-old",
  a headline's "mayor says" and the mayor the story names);
* ``nominal``: a description tied to someone met before ("the minister"
  after "Finance Minister Ana Ruiz", "the carmaker" after "Velta Motors");
* ``pronoun``, ``relative`` ("who said"): their antecedent;
* ``label``: a transcript's speaker label ("KALE:");
* ``publisher``, ``signature``: an unquoted "we"/"I" of the article's
  issuer or of the writer who signs it;
* ``none``: nothing further was known, and the speaker is the phrase as
  written ("the health inspector", an unresolved "she").

A speaker's ``confidence`` is how often speakers tied that way came out
right on the pattern bank (``speakers/lexicons/resolution_confidence.txt``,
written by ``eval/resolution_rates.py``).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from ..lexicon import read_rows
from ..model import Speaker
from .mentions import RELATIVE_PRONOUNS, is_pronoun
from .registry import Entity
from .spans import span_root

METHODS = ("name", "apposition", "title", "nominal", "pronoun", "relative", "label",
           "publisher", "signature", "none")


def resolution_method(doc: Doc, source: list[int], entity: Entity, via: str | None) -> str:
    """How ``entity`` was reached from the source tokens; ``via`` is the path
    the resolver itself noted (label, title), if any."""
    if via is not None:
        return via
    root = span_root(doc, source)
    written = entity.name.lower()
    if root.lower_ in RELATIVE_PRONOUNS and root.tag_ in ("WP", "WDT"):
        return "none" if written in RELATIVE_PRONOUNS else "relative"
    if is_pronoun(root) and not any(doc[i].pos_ == "PROPN" for i in source):
        return "none" if written == root.lower_ else "pronoun"
    if not entity.proper:
        return "none"
    names = {w.lower().strip(".,") for w in entity.name.split()}
    named_in_source = [doc[i] for i in source if doc[i].lower_ in names
                       and (doc[i].pos_ == "PROPN" or doc[i].ent_type_)]
    if not named_in_source:
        return "nominal"
    if root.pos_ == "NOUN" and any(t.dep_ == "appos" or any(a.dep_ == "appos" for a in t.ancestors)
                                   for t in named_in_source):
        return "apposition"
    return "name"


def with_resolution(speaker: Speaker | None, method: str | None) -> Speaker | None:
    if speaker is None or method is None:
        return speaker
    speaker.resolved_by = method
    speaker.confidence = resolution_confidence().get(method)
    return speaker


@lru_cache(maxsize=None)
def resolution_confidence() -> dict[str, float]:
    return {row[0]: float(row[1])
            for row in read_rows("sayso.speakers", "resolution_confidence.txt")}
