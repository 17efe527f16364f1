"""The default extractor: a CRF cue tagger, then a cue-anchored CRF role tagger.

For every cue the first model finds, the second labels the tokens around it
as source or content of that cue's attribution. Anchoring on the cue makes
nested attributions ("Bruno said the mayor stressed that ...") come out as
separate attributions, and links each source and content to its cue.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pycrfsuite
from spacy.tokens import Doc

from ..errors import ModelError
from ..model import Attribution
from .alignment import tokens_to_span
from .features import DocFeatures, build_doc_features, cue_sequence, role_sequence, role_window
from .completion import complete_content
from .tagging import spans_from_tags

CUE_MODEL = "cues.crfsuite"
ROLE_MODEL = "roles.crfsuite"


def default_model_dir() -> Path:
    return Path(str(resources.files("sayso").joinpath("models")))


def _open_tagger(path: Path) -> pycrfsuite.Tagger:
    if not path.is_file():
        raise ModelError(f"trained model {path} is missing; run 'make train'")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


@dataclass
class RawAttribution:
    """Token-level result of the taggers, before it becomes an Attribution."""

    cue: tuple[int, int]
    source: list[int]
    content: list[int]


class CrfAttributionTagger:
    """Finds attributions in a parsed spaCy Doc with the two trained CRFs."""

    def __init__(self, model_dir: Path | None = None):
        model_dir = model_dir or default_model_dir()
        self.cues = _open_tagger(model_dir / CUE_MODEL)
        self.roles = _open_tagger(model_dir / ROLE_MODEL)

    def find_cues(self, feats: DocFeatures) -> list[tuple[int, int]]:
        """Token ranges [start, end) of the cues, sentence by sentence."""
        found = []
        for start, end in feats.sent_bounds:
            tags = self.cues.tag(cue_sequence(feats, start, end))
            found.extend(spans_from_tags(tags, start).get("CUE", []))
        return found

    def find_roles(self, feats: DocFeatures, cue: tuple[int, int]) -> RawAttribution:
        """Source and content tokens of the attribution anchored on one cue."""
        window = role_window(feats, cue)
        tags = self.roles.tag(role_sequence(feats, cue, window))
        return read_role_tags(feats.doc, cue, tags, window[0])

    def __call__(self, doc: Doc) -> list[Attribution]:
        """One attribution per cue found; the content may be empty (the quote
        rules can still find it, and drop what stays empty)."""
        feats = build_doc_features(doc)
        raws = [self.find_roles(feats, cue) for cue in self.find_cues(feats)]
        return [to_attribution(doc, raw) for raw in raws]


def read_role_tags(doc: Doc, cue: tuple[int, int], tags: list[str], offset: int
                   ) -> RawAttribution:
    """Source and content tokens from a window's role tags, the content
    widened to the clause that heads it."""
    runs = spans_from_tags(tags, offset)
    source = [i for s, e in runs.get("S", []) for i in range(s, e)]
    content = [i for s, e in runs.get("C", []) for i in range(s, e)]
    if content:
        content = complete_content(doc, content, set(source).union(range(*cue)))
    return RawAttribution(cue, source, content)


def to_attribution(doc: Doc, raw: RawAttribution) -> Attribution:
    """Token indices -> character fragments."""
    return Attribution(
        source=tokens_to_span(doc, raw.source),
        cue=tokens_to_span(doc, list(range(*raw.cue))),
        content=tokens_to_span(doc, raw.content),
    )
