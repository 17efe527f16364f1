"""One speaker across articles: match keys for names, and when to merge.

Within an article the speaker stage already resolved "he", "the minister"
and "Putin" to the fullest name the article gives. Across articles the same
person appears as "Donald Trump", "Donald J. Trump" or only "Trump"; this
module decides which stored speaker a new name belongs to:

* People are keyed by first and last name (middle names and initials,
  courtesy titles, possessives and punctuation dropped; "Jr." kept, since a
  son is not his father). "Hillary Rodham Clinton" = "Hillary Clinton";
  "Bill Clinton" stays apart.
* A bare surname joins the one stored person with that surname; when
  several share it, the one whose roles fit the role given here ("Clinton,
  the former president"), else the one who clearly dominates
  (``DOMINANT_SHARE`` of their statements); otherwise it stays a speaker of
  its own rather than a guess.
* Organisations and other named sources are keyed by their whole name
  without a leading "the".
* Unnamed sources ("a spokesman", "officials") and unresolved pronouns are
  never merged across articles: they get a key local to their document.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from ..speakers.lexicon import honorifics, pronouns

DOMINANT_SHARE = 0.8
# Capitalised only because they start a sentence: "A spokesman", "Some officials".
_FUNCTION_WORDS = frozenset({"a", "an", "the", "this", "that", "these", "those", "some", "several",
                             "many", "most", "one", "two", "three", "another", "other", "his",
                             "her", "their", "its", "our", "my", "your"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


@dataclass(frozen=True)
class SpeakerKey:
    """How a name is matched: ``key`` exactly, ``surname`` for bare surnames."""

    key: str
    surname: str | None = None   # set for people
    bare_surname: bool = False   # the name is a surname alone ("Trump")


def name_words(name: str) -> list[str]:
    """Lower-cased words of a name, without possessive endings."""
    text = unicodedata.normalize("NFKC", name).replace("’", "'")
    return [w.lower().removesuffix("'s").strip("'-") for w in _WORD.findall(text)]


def is_named(name: str) -> bool:
    """A proper name: some word starts with a capital ("Reuters", "the
    Kremlin"), unlike "a spokesman", "officials" or "He"."""
    words = [w for w in _WORD.findall(name) if w.lower() not in _FUNCTION_WORDS]
    return (any(w[:1].isupper() for w in words)
            and not (len(words) == 1 and words[0].lower() in pronouns()))


_NAME_PARTICLES = frozenset({"de", "del", "della", "da", "di", "van", "von", "der", "den", "bin",
                             "al", "el", "la", "le", "du", "dos", "das", "ibn", "mc"})


def looks_like_a_person_name(name: str) -> bool:
    """Every word capitalised, bar particles ("Ursula von der Leyen"): not
    "Marco Rubio's top advisers"."""
    words = _WORD.findall(name.replace("’", "'"))
    return bool(words) and all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words)


def _one_member_of_a_group(words: list[str], type_: str) -> bool:
    """"a Democrat", "one Republican": someone from a group, not the group
    ("Democrats"), and not the same someone in another article."""
    return type_ == "NORP" and len(words) == 1 and not words[0].endswith("s")


def speaker_key(name: str, type_: str, doc_id: str, named: bool | None = None) -> SpeakerKey:
    """The match key of a speaker name seen in document ``doc_id``;
    ``named`` is the speaker stage's word on whether it is a proper name."""
    words = [w for w in name_words(name) if w]
    if named is None:
        named = is_named(name)
    if not words or not named or _one_member_of_a_group(words, type_):
        return SpeakerKey(f"local:{doc_id}:{' '.join(words) or name.lower()}")
    if type_ == "PERSON" and looks_like_a_person_name(name):
        return _person_key(words)
    if words[0] == "the" and len(words) > 1:
        words = words[1:]
    return SpeakerKey("name:" + " ".join(words))


def _person_key(words: list[str]) -> SpeakerKey:
    words = [w for w in words if w not in honorifics()] or words
    suffix = [w for w in words[1:] if w in _SUFFIXES]
    core = [w for w in words if w not in _SUFFIXES] or words
    surname = core[-1]
    if len(core) == 1:
        return SpeakerKey("person:" + surname, surname, bare_surname=True)
    first = [w for w in core[:-1] if len(w) > 1] or core[:1]
    return SpeakerKey("person:" + " ".join([first[0], surname, *suffix]), surname)


def role_words(role: str | None) -> frozenset[str]:
    """The content words of a role ("the former president" -> former, president)."""
    return frozenset(w for w in name_words(role or "") if w not in _FUNCTION_WORDS and len(w) > 2)


def pick_by_role(role: str | None, candidates: dict[int, list[str]]) -> int | None:
    """The candidate (speaker id -> roles seen) whose roles share the most
    words with ``role``: "Clinton, the former president" is the Clinton once
    called "former president", not the "former secretary of state"; None
    when no role fits or two fit equally well."""
    wanted = role_words(role)
    fit = sorted(((max((len(wanted & role_words(r)) for r in roles), default=0), sid)
                  for sid, roles in candidates.items()), reverse=True)
    if not fit or fit[0][0] == 0 or (len(fit) > 1 and fit[1][0] == fit[0][0]):
        return None
    return fit[0][1]


def pick_by_surname(candidates: list[tuple[int, int]]) -> int | None:
    """The stored person a bare surname belongs to, from (speaker id,
    statement count) of the people with that surname; None when no one
    clearly dominates."""
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0][0]
    total = sum(count for _, count in candidates) or 1
    best_id, best_count = max(candidates, key=lambda c: c[1])
    return best_id if best_count / total >= DOMINANT_SHARE else None
