"""Document -> attributions: the one place spaCy output becomes model objects.

Long articles are parsed in blocks of whole paragraphs so memory stays
bounded (a 5 MB article never becomes one spaCy Doc); offsets are shifted
back into the article's text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date as Date
from typing import Callable, Iterable, Iterator

from spacy.tokens import Doc

from .attribution.alignment import TokenOffsets, forget_offsets
from .attribution.passage import span_start
from .errors import UsageError
from .model import MODELS, Attribution, Document, Extraction
from .nlp.pipeline import load_nlp
from .speakers.spans import span_root

BLOCK_CHARS = 50_000  # parse at most this much text at once (whole paragraphs)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

Attributor = Callable[[Doc, Date | None, str | None], list[Attribution]]


def build_attributor(model: str = "default", min_confidence: float | None = None,
                     model_dir=None, confidence_model: dict | None = None) -> Attributor:
    """The function that finds and enriches attributions in a parsed Doc.

    Records below ``min_confidence`` are left out (None: the default
    threshold the confidence model was fitted with; 0 keeps every record).
    ``model_dir`` holds other trained CRFs and ``confidence_model`` other
    weights (both for calibrating on a hold-out).
    """
    if model not in MODELS:
        raise UsageError(f"unknown model {model!r}; choose one of {', '.join(MODELS)}")
    from .attribution.confidence import default_threshold, set_confidence
    threshold = (min_confidence if min_confidence is not None
                 else confidence_model["threshold"] if confidence_model else default_threshold())
    if not 0.0 <= threshold <= 1.0:
        raise UsageError(f"--min-confidence: expected a number from 0 to 1, got {threshold}")
    from .attribution.according_to import add_according_to_attributions
    from .attribution.clause_contents import fill_empty_contents
    from .attribution.clause_cues import add_clause_cue_attributions
    from .attribution.content_edges import trim_content_edges
    from .attribution.datelines import strip_datelines
    from .attribution.duplicates import one_record_per_statement
    from .attribution.embedding import confine_embedded_sources, confine_sources_to_clause
    from .attribution.headlines import add_headline_attributions
    from .attribution.inherited_sources import fill_inherited_sources
    from .attribution.noun_cues import add_noun_cue_attributions
    from .attribution.paragraphs import confine_to_paragraphs
    from .attribution.passive_quotes import add_passive_quotes
    from .attribution.quote_rules import apply_quote_rules
    from .attribution.relay_phrases import drop_relay_records, split_relay_phrases
    from .attribution.speaker_labels import add_speaker_label_attributions
    from .attribution.speech_acts import drop_deeds
    from .attribution.tagger import CrfAttributionTagger
    from .dating import assign_event_dates
    from .speakers import enrich

    if model == "accurate":
        from .attribution.neural import NeuralAttributionTagger
        tagger = NeuralAttributionTagger()
    else:
        tagger = CrfAttributionTagger(model_dir)

    def attribute(doc: Doc, published: Date | None = None,
                  publisher: str | None = None) -> list[Attribution]:
        found = add_according_to_attributions(doc, add_noun_cue_attributions(doc, tagger(doc)))
        found = fill_empty_contents(doc, found)
        found = fill_inherited_sources(doc, strip_datelines(doc, split_relay_phrases(doc, found)))
        # a source cut off at its paragraph's edge is looked for again in it
        found = confine_to_paragraphs(doc, apply_quote_rules(doc, found))
        found = [a for a in fill_empty_contents(doc, found) if a.content]
        found = fill_inherited_sources(doc, found)
        # after the quote rules: a "NAME:" line is one statement, whatever it embeds
        found = add_headline_attributions(doc, add_speaker_label_attributions(doc, found))
        found = add_passive_quotes(doc, found)
        found = add_clause_cue_attributions(doc, found)
        found = trim_content_edges(doc, drop_deeds(doc, drop_relay_records(doc, found)))
        found = one_record_per_statement(doc.text, found)
        attributions = confine_embedded_sources(
            confine_sources_to_clause(doc, sorted(found, key=_position)))
        enrich(doc, attributions, publisher)
        set_confidence(doc, attributions, confidence_model)
        attributions = keep_confident(attributions, threshold)
        set_cue_lemmas(doc, attributions)
        set_content_entities(doc, attributions)
        assign_event_dates(doc, attributions, published)
        forget_offsets(doc)
        return attributions

    return attribute


def keep_confident(attributions: list[Attribution], threshold: float) -> list[Attribution]:
    """The records at or above ``threshold``, their ``parent`` indices moved
    to the kept list (an embedded record whose parent is left out stands
    alone)."""
    kept = [k for k, a in enumerate(attributions)
            if a.confidence is None or a.confidence >= threshold]
    if len(kept) == len(attributions):
        return attributions
    moved = {old: new for new, old in enumerate(kept)}
    out = []
    for k in kept:
        attribution = attributions[k]
        attribution.parent = moved.get(attribution.parent) if attribution.parent is not None else None
        out.append(attribution)
    return out


def _position(attribution: Attribution) -> int:
    return span_start(attribution.cue or attribution.content)


def set_cue_lemmas(doc: Doc, attributions: list[Attribution]) -> None:
    """Each cue's lemma, read off its main word: the one whose head lies
    outside the cue ("has said" -> "say", "according to" -> "accord")."""
    offsets = TokenOffsets(doc)
    for attribution in attributions:
        tokens = sorted(i for i in offsets.tokens_in(attribution.cue) if not doc[i].is_punct)
        attribution.cue_lemma = span_root(doc, tokens).lemma_.lower() if tokens else None


_PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "EVENT", "FAC", "LOC", "LAW"})


def set_content_entities(doc: Doc, attributions: list[Attribution]) -> None:
    """The names each content mentions (the event's participants), in order, once each."""
    ents = [e for e in doc.ents if e.label_ in _PARTICIPANT_LABELS]  # built once: doc.ents is costly
    for attribution in attributions:
        names: list[str] = []
        for ent in ents:
            if _within(ent.start_char, ent.end_char, attribution.content):
                name = " ".join(ent.text.split()).removesuffix("'s").removesuffix("\u2019s")
                if name and name not in names:
                    names.append(name)
        attribution.entities = names


def _within(start: int, end: int, span) -> bool:
    return any(s <= start and end <= e for s, e in span)


def split_blocks(text: str, limit: int = BLOCK_CHARS) -> list[tuple[int, str]]:
    """(offset, text) blocks of whole paragraphs, each at most about ``limit`` chars.

    A single paragraph longer than the limit is cut at the last space before it.
    """
    if len(text) <= limit:
        return [(0, text)]
    blocks, start = [], 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            end = _cut_point(text, start, end)
        blocks.append((start, text[start:end]))
        start = end
    return blocks


def _cut_point(text: str, start: int, end: int) -> int:
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(text, start, end)]
    if breaks and breaks[-1] > start:
        return breaks[-1]
    space = text.rfind(" ", start + 1, end)
    return space + 1 if space > start else end


def _marked_blocks(text: str) -> Iterator[tuple[int, str, bool]]:
    """(offset, block text, is last block) for one document's text."""
    blocks = split_blocks(text)
    for k, (offset, block) in enumerate(blocks):
        yield offset, block, k == len(blocks) - 1


def _shift(att: Attribution, offset: int, parent_base: int) -> Attribution:
    def move(span):
        return [(s + offset, e + offset) for s, e in span]
    parent = att.parent + parent_base if att.parent is not None else None
    speaker = att.speaker
    if speaker is not None and offset:
        speaker = replace(speaker, mentions=move(speaker.mentions))
    return replace(att, source=move(att.source), cue=move(att.cue), content=move(att.content),
                   event_date_span=move(att.event_date_span), parent=parent, speaker=speaker)


class Extractor:
    """Runs the spaCy parse and the attribution model over documents."""

    def __init__(self, model: str = "default", batch_size: int = 16,
                 min_confidence: float | None = None, model_dir=None):
        self.model = model
        self.batch_size = batch_size
        self.nlp = load_nlp()
        self.attribute = build_attributor(model, min_confidence, model_dir)

    def extract_all(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """One Extraction per document, in input order.

        Blocks of all documents flow through one ``nlp.pipe`` so parsing is
        batched across documents; a document is yielded after its last block.
        """
        blocks = ((text, (document, offset, last))
                  for document in documents
                  for offset, text, last in _marked_blocks(document.text))
        attributions: list[Attribution] = []
        for doc, (document, offset, last) in self.nlp.pipe(blocks, as_tuples=True,
                                                            batch_size=self.batch_size):
            base = len(attributions)
            attributions.extend(_shift(a, offset, base)
                                for a in self.attribute(doc, document.date,
                                                        document.publisher))
            if last:
                yield Extraction(document.doc_id, attributions, document.date)
                attributions = []

    def extract(self, document: Document) -> Extraction:
        return next(self.extract_all([document]))


_EXTRACTORS: dict[tuple[str, float | None], Extractor] = {}


def extract(text: str, date: Date | None = None, model: str = "default",
            min_confidence: float | None = None) -> list[Attribution]:
    """Attributions found in ``text`` (offsets are character offsets into it),
    those below ``min_confidence`` left out (None: the default threshold)."""
    key = (model, min_confidence)
    if key not in _EXTRACTORS:
        _EXTRACTORS[key] = Extractor(model, min_confidence=min_confidence)
    return _EXTRACTORS[key].extract(Document("text", text, date)).attributions
