"""Where an article's headline is: read off the text's layout alone.

Both the attribution rules (a headline's own "..., union says") and the
speaker resolver (a headline's "mayor" is the mayor the story names) ask.
"""

from __future__ import annotations


def is_headline_line(text: str, at: int) -> bool:
    """Whether the line holding character ``at`` is written in title case
    (most words of four letters or more capitalised), as headlines are."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    words = [w for w in text[start:end if end >= 0 else len(text)].split()
             if len(w) >= 4 and w[0].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


_HEADLINE_WORDS = 20


def in_headline(text: str, at: int) -> bool:
    """Whether ``at`` lies in the article's headline: its first paragraph,
    one short line of no more than 20 words with no full stop at its end,
    before a blank line."""
    lead = len(text) - len(text.lstrip())
    first_break = text.find("\n", lead)
    if first_break < 0 or not at < first_break or text[first_break:first_break + 2] != "\n\n":
        return False
    line = text[lead:first_break].strip()
    return (0 < len(line.split()) <= _HEADLINE_WORDS and line[-1] not in ".!?:;"
            and not line.endswith(("\u201d", '"')) or is_headline_line(text, at))
