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
from .completion import complete_content, token_runs
from .tagging import spans_from_tags

CUE_MODEL = "cues.crfsuite"
ROLE_MODEL = "roles.crfsuite"
# Tokens the cue tagger gives at least this probability of being a cue become
# candidate cues beyond its best path; the role tagger (trained with such
# candidates as negatives) then decides whether they carry an attribution.
CANDIDATE_THRESHOLD = 0.15


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

    def __init__(self, model_dir: Path | None = None, complete: bool = True):
        model_dir = model_dir or default_model_dir()
        self.complete = complete
        self.cues = _open_tagger(model_dir / CUE_MODEL)
        self.roles = _open_tagger(model_dir / ROLE_MODEL)

    def find_cues(self, feats: DocFeatures, threshold: float = CANDIDATE_THRESHOLD
                  ) -> list[tuple[int, int]]:
        """Token ranges [start, end) of candidate cues, sentence by sentence."""
        found = []
        for start, end in feats.sent_bounds:
            found.extend(tag_cue_candidates(self.cues, cue_sequence(feats, start, end),
                                            start, threshold))
        return found

    def find_roles(self, feats: DocFeatures, cue: tuple[int, int]) -> RawAttribution:
        """Source and content tokens of the attribution anchored on one cue."""
        window = role_window(feats, cue)
        tags = self.roles.tag(role_sequence(feats, cue, window))
        runs = spans_from_tags(tags, window[0])
        source = [i for s, e in runs.get("S", []) for i in range(s, e)]
        content = [i for s, e in runs.get("C", []) for i in range(s, e)]
        if self.complete and content:
            content = complete_content(feats.doc, content, set(source).union(range(*cue)))
        return RawAttribution(cue, source, content)

    def __call__(self, doc: Doc) -> list[Attribution]:
        feats = build_doc_features(doc)
        found = []
        for cue in self.find_cues(feats):
            raw = self.find_roles(feats, cue)
            if raw.content:
                found.append(to_attribution(doc, raw))
        return found


def tag_cue_candidates(tagger: pycrfsuite.Tagger, xseq, offset: int, threshold: float
                       ) -> list[tuple[int, int]]:
    """Cue spans on the best path, plus runs of likely cue tokens off it."""
    tags = tagger.tag(xseq)
    best = spans_from_tags(tags, offset).get("CUE", [])
    covered = {i for s, e in best for i in range(s, e)}
    likely = [offset + k for k in range(len(tags))
              if offset + k not in covered and 1.0 - tagger.marginal("O", k) >= threshold]
    extra = [(run[0], run[-1] + 1) for run in token_runs(likely)]
    return sorted(best + extra)


def to_attribution(doc: Doc, raw: RawAttribution) -> Attribution:
    """Token indices -> character fragments."""
    return Attribution(
        source=tokens_to_span(doc, raw.source),
        cue=tokens_to_span(doc, list(range(*raw.cue))),
        content=tokens_to_span(doc, raw.content),
    )
