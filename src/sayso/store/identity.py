"""Stable document ids: the same article text always gets the same id."""

from __future__ import annotations

import hashlib
import re
import unicodedata

ID_CHARS = 16
_SPACE = re.compile(r"\s+")


def normalised_text(text: str) -> str:
    """NFC, whitespace runs as one space, no leading or trailing space: a
    page re-encoded or re-wrapped is still the same article."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def document_id(text: str) -> str:
    """Hex digest of the normalised text (first ``ID_CHARS`` characters)."""
    return hashlib.sha256(normalised_text(text).encode("utf-8")).hexdigest()[:ID_CHARS]
