"""The word lists in ``lexicons/*.txt``, read once per process.

Each file holds one entry a line; ``#`` starts a comment; fields after the
entry are separated by ``|`` ("spokeswoman | f").
"""

from __future__ import annotations

from functools import lru_cache

from ..lexicon import audience_verbs  # noqa: F401 (shared with the attribution rules)
from ..lexicon import read_rows as read_lexicon_rows


def read_rows(name: str) -> list[list[str]]:
    """The rows of one of the speakers' lexicon files."""
    return read_lexicon_rows("sayso.speakers", name)


def _last_word(entry: str) -> str:
    return entry.split()[-1].lower()


@lru_cache(maxsize=None)
def role_nouns() -> dict[str, str | None]:
    """Role head word (lower-cased) -> gender "m"/"f" or None."""
    return {_last_word(row[0]): (row[1] if len(row) > 1 else None)
            for row in read_rows("roles.txt")}


@lru_cache(maxsize=None)
def honorifics() -> dict[str, str | None]:
    """Courtesy title without its period, lower-cased -> gender or None."""
    return {row[0].lower(): (row[1] if len(row) > 1 else None)
            for row in read_rows("honorifics.txt")}


@lru_cache(maxsize=None)
def pronouns() -> dict[str, tuple[str, str]]:
    """Pronoun (lower-cased) -> (gender, number); "-" means either."""
    return {row[0].lower(): (row[1], row[2]) for row in read_rows("pronouns.txt")}


@lru_cache(maxsize=None)
def given_names() -> dict[str, str]:
    """Given names (as written) -> gender: the short list we keep of names
    that reliably start a person's name, even where the recogniser typed it
    as a place or a body."""
    return {row[0]: row[1] for row in read_rows("given_names.txt")}


_GUESSED = {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}


@lru_cache(maxsize=None)
def _gender_detector():
    import gender_guesser.detector  # deferred: its name table loads in about 0.3 s

    return gender_guesser.detector.Detector(case_sensitive=True)


@lru_cache(maxsize=8192)
def given_name_gender(word: str) -> str | None:
    """"m", "f" or None for the first word of a person's name: our list
    first, then gender-guesser's table of some 40,000 given names (None for
    names it marks as used by both, and for words it does not know)."""
    if word in given_names():
        return given_names()[word]
    return _GUESSED.get(_gender_detector().get_gender(word))


def _word_set(name: str) -> frozenset[str]:
    return frozenset(row[0].lower() for row in read_rows(name))


@lru_cache(maxsize=None)
def role_synonyms() -> dict[str, str]:
    """One-word office names -> the title they stand for ("premier" -> "prime minister")."""
    return {row[0].lower(): row[1].lower() for row in read_rows("role_synonyms.txt")}


@lru_cache(maxsize=None)
def org_nouns() -> frozenset[str]:
    return _word_set("org_nouns.txt")


@lru_cache(maxsize=None)
def empty_nouns() -> frozenset[str]:
    return _word_set("empty_nouns.txt")


@lru_cache(maxsize=None)
def party_members() -> frozenset[str]:
    return _word_set("party_members.txt")


@lru_cache(maxsize=None)
def channel_nouns() -> frozenset[str]:
    return _word_set("channels.txt")


@lru_cache(maxsize=None)
def audience_nouns() -> frozenset[str]:
    return _word_set("audiences.txt")


@lru_cache(maxsize=None)
def reporting_verbs() -> frozenset[str]:
    """The attribution stage's reporting verbs (one lexicon for both stages)."""
    return frozenset(row[0].lower() for row in read_lexicon_rows("sayso.attribution",
                                                                  "reporting_verbs.txt"))


@lru_cache(maxsize=None)
def relay_verbs() -> frozenset[str]:
    return _word_set("relay_verbs.txt")


@lru_cache(maxsize=None)
def platforms() -> frozenset[tuple[str, ...]]:
    """Platform names as word tuples, case kept ("Fox", "News")."""
    return frozenset(tuple(row[0].split()) for row in read_rows("platforms.txt"))


@lru_cache(maxsize=None)
def source_nouns() -> frozenset[str]:
    return _word_set("source_nouns.txt")


@lru_cache(maxsize=None)
def generic_body_words() -> frozenset[str]:
    """Words that name a government body without saying whose ("Foreign Ministry")."""
    return _word_set("generic_bodies.txt")


# "a representative of the union" speaks for it; "U.S. Representative" is an office
PROXY_ONLY_WITH_PREPOSITION = frozenset({"representative", "representatives"})


@lru_cache(maxsize=None)
def member_nouns() -> frozenset[str]:
    """Nouns for someone working for a body, who speaks for it only when it is
    named after "at", "for" or "with" ("analysts at Castell Research")."""
    return _word_set("member_nouns.txt")


@lru_cache(maxsize=None)
def proxy_nouns() -> tuple[str, ...]:
    """Nouns for someone speaking for a body ("spokesman", "press office"), longest first."""
    return tuple(sorted(_word_set("proxy_nouns.txt"), key=len, reverse=True))
