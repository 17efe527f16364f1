"""Rules over quotations that the taggers miss (placeholder until written)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Attribution


def apply_quote_rules(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    return attributions
