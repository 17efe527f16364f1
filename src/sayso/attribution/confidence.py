"""How far to trust a record: a calibrated confidence in [0, 1].

A logistic model over the shape of each attribution (is the cue a
reporting word, how often its word with such a complement is a cue in the
corpus (``cue_priors``), is the content a clause or a quotation, who is the
source), fitted on the predictions of taggers that never saw the documents
they were scored on (``sayso.training.confidence``): a CRF pair trained on
PolNeAR train less its last 100 articles, run over those 100, each record
labelled right when it matches a gold attribution as the reference scorer
matches them. Being embedded in another statement is not a feature: the
corpus seldom marks the embedded statements sayso reads ("Weber said the
mayor had stressed that ..."), so their score comes from their shape alone. Its weights and the default threshold are one JSON file,
``models/confidence.json``.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from ..model import Attribution
from .alignment import TokenOffsets
from .features import load_lexicon, speech_verbs
from .cue_priors import cue_prior
from .speech_acts import cue_head, is_clause

CONFIDENCE_MODEL = "confidence.json"
FEATURES = ("bias", "cue_reporting", "cue_speech", "cue_colon", "cue_long", "content_clause",
            "content_quoted", "content_short", "content_long", "bare_noun_phrase",
            "source_empty", "source_pronoun", "speaker_named", "speaker_unnamed",
            "cue_prior", "cue_rare")
RARE_CUE = 0.15
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which"})


def feature_vector(doc: Doc, offsets: TokenOffsets, attribution: Attribution) -> list[float]:
    """The features of one attribution, in the order of FEATURES."""
    cue = [doc[i] for i in sorted(offsets.tokens_in(attribution.cue)) if not doc[i].is_punct]
    content = [doc[i] for i in sorted(offsets.tokens_in(attribution.content))]
    words = [t for t in content if not t.is_punct and not t.is_space]
    head = cue_head(cue) if cue else None
    lemma = head.lemma_.lower() if head is not None else ""
    reporting = bool(head) and (lemma in _reporting() or head.lower_ in _reporting())
    clause = is_clause(doc, content)
    # a word that, with what follows it, seldom heads a cue in the corpus
    # ("inspectors found cracks"); an empty cue (a colon) is no word
    prior = cue_prior(head) if head is not None and cue_text_has_word(cue) else 1.0
    speaker = attribution.speaker
    source = attribution.source_text.strip().lower()
    values = {
        "bias": 1.0,
        "cue_reporting": reporting,
        "cue_speech": lemma in speech_verbs(),
        "cue_colon": attribution.cue_text.strip() == ":",
        "cue_long": len(cue) > 2,
        "content_clause": clause,
        "content_quoted": attribution.kind in ("direct", "mixed"),
        "content_short": len(words) <= 3,
        "content_long": len(words) >= 25,
        "bare_noun_phrase": not reporting and not clause,
        "source_empty": not attribution.source,
        "source_pronoun": source in _PRONOUNS,
        "speaker_named": bool(speaker and speaker.named),
        "speaker_unnamed": bool(speaker and speaker.named is False and source not in _PRONOUNS),
        "cue_prior": prior,
        "cue_rare": prior < RARE_CUE,
    }
    return [float(values[name]) for name in FEATURES]


def cue_text_has_word(cue) -> bool:
    return any(t.is_alpha for t in cue)


@lru_cache(maxsize=None)
def _reporting() -> frozenset[str]:
    return (load_lexicon("reporting_verbs.txt") | load_lexicon("reporting_nouns.txt")
            | {"accord"})


@lru_cache(maxsize=None)
def load_confidence_model() -> dict:
    """{"features": [...], "weights": [...], "threshold": t, ...}."""
    path = resources.files("sayso").joinpath("models", CONFIDENCE_MODEL)
    model = json.loads(path.read_text(encoding="utf-8"))
    if model["features"] != list(FEATURES):
        raise ValueError(f"{CONFIDENCE_MODEL} was fitted on other features; refit it")
    return model


def default_threshold() -> float:
    return float(load_confidence_model()["threshold"])


def set_confidence(doc: Doc, attributions: list[Attribution], model: dict | None = None) -> None:
    """Fill ``attribution.confidence`` in place (with ``model``'s weights
    when given, else the shipped ones)."""
    weights = (model or load_confidence_model())["weights"]
    offsets = TokenOffsets(doc)
    for attribution in attributions:
        x = feature_vector(doc, offsets, attribution)
        z = sum(w * v for w, v in zip(weights, x))
        attribution.confidence = round(1.0 / (1.0 + math.exp(-z)), 4)
