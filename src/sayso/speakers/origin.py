"""The origin of a statement: who is at the root of its relay chain.

The root is the last source the chain cites ("Tass, citing the Kremlin
spokesman" -> the spokesman), or the speaker when nothing is cited. A root
that speaks for someone else (a spokesperson, a press office, an aide, an
anonymous official of a named body) stands for that body: its role or name
says which ("Kremlin spokesman", "spokesman for Hillary Clinton's
campaign", "White House press office"). Everyone else is their own origin.
"""

from __future__ import annotations

import re

from ..model import CitedSource, Speaker
from .lexicon import (PROXY_ONLY_WITH_PREPOSITION, channel_nouns, generic_body_words,
                      honorifics, member_nouns, proxy_nouns, role_nouns)
from .mentions import without_acronym_gloss

_DETERMINERS = re.compile(r"^(?:the|a|an|its|his|her|their|one|two|three|several|some|other)\s+",
                          re.I)
_RANKS = re.compile(r"^(?:senior|top|chief|deputy|former|acting|lead|principal|unnamed|anonymous|"
                    r"longtime|long-time|veteran|trusted|high-ranking|high-level|an?)\s+", re.I)
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_LINKS = frozenset({"with", "of", "for", "from", "by", "about", "to", "in", "on", "at", "familiar"})
_TRAILING_POSSESSIVE = re.compile(r"['\u2019]s$")  # "reporter's" cut from "reporter's question"


def origin_of(speaker: Speaker | None, cited: list[CitedSource]) -> str | None:
    """The institution or person at the root of the chain, None without a speaker."""
    root = cited[-1] if cited else speaker
    if root is None:
        return None
    return (_institution(root.role) or _institution(root.name) or _employer(root.name)
            or _body_of_part(root.name) or _TRAILING_POSSESSIVE.sub("", root.name))


def _institution(description: str | None) -> str | None:
    """The body a proxy description speaks for, None when it names none."""
    if not description:
        return None
    text = " ".join(description.split())
    lowered = text.lower()
    words = text.split()
    if (len(words) > 1 and words[-1] in channel_nouns()  # lower case: not "New York Post"
            and any(w[:1].isupper() for w in words[:-1])
            and not _linked_phrase(words[:-1])):  # "Source familiar with the ad"
        # a document speaks for whoever issued it: "the Valdoran readout"
        return _tidy(" ".join(words[:-1]))
    issuer = issuer_of_document(text)
    if issuer:
        return issuer
    for noun in proxy_nouns():
        for match in re.finditer(rf"\b{re.escape(noun)}\b", lowered):
            after = re.match(r"\s+(?:for|to|of|at|with|from|in)\s+(.+)$", text[match.end():])
            if after:
                return _tidy(after.group(1))
            before = text[:match.start()].strip(" ,")
            # "experts and U.S. officials": a group that speaks for itself
            coordinated = re.search(r"\b(?:and|or)\b|&", before)
            if before and noun not in PROXY_ONLY_WITH_PREPOSITION and not coordinated:
                return _tidy(before)
    return None


_EMPLOYED = re.compile(r"\b([A-Za-z]+)\s+(?:at|for|with)\s+(?:the\s+)?([A-Z].*)$")
_FORMER = re.compile(r"\b(?:former|ex|onetime|one-time|retired|fired|dismissed|laid-off)\b", re.I)
_NAME_LINKS = frozenset({"of", "and", "&", "for", "the", "de", "du", "van", "von"})


def _employer(text: str) -> str | None:
    """"Energy analysts at Castell Research" -> "Castell Research": an
    unnamed member of a named body speaks for it. Read from the speaker's
    name, not a named person's role ("Jane Roe, an economist at the IMF"
    speaks for herself); a former member, or one a clause describes ("an
    employee at Walmart who was fired"), speaks for themselves too."""
    match = _EMPLOYED.search(text)
    if not match or match.group(1).lower() not in member_nouns():
        return None
    if _FORMER.search(text[:match.start(2)]):
        return None
    body, rest = _leading_name(match.group(2))
    if not body or rest[:1].isalpha() or body.split()[0].lower() in _NOT_ISSUERS:
        # "who was fired", "in Kyiv", "Tuesday's hearing": not the member's body
        return None
    return _tidy(body)


# "the command of the Ardesh Self-Defence Forces": the part of a body that speaks for it
_BODY_PART = re.compile(r"^(?:the\s+)?(?:high\s+)?(?:command|leadership)\s+of\s+(.+)$", re.I)


def _body_of_part(name: str) -> str | None:
    """The body whose command or leadership the speaker is, when the name
    is that and nothing more ("the command of the ASDF", not "soldiers
    under the command of Colonel Ivanov")."""
    match = _BODY_PART.match(" ".join(name.split()))
    return _tidy(match.group(1)) if match else None


def _leading_name(text: str) -> tuple[str, str]:
    """"The New York Times who was detained" -> ("The New York Times", "who
    was detained"): the capitalised words at the start, with the small
    words inside a name ("Bank of England")."""
    words, taken = text.split(), 0
    for k, word in enumerate(words):
        if word[:1].isupper() or word[:1].isdigit():
            taken = k + 1
        elif word.lower() not in _NAME_LINKS:
            break
    name = " ".join(words[:taken])
    if _TRAILING_POSSESSIVE.search(name) and taken < len(words):
        return "", " ".join(words[taken:])  # "Tuesday's hearing": the name owns what follows
    return name, " ".join(words[taken:])


# "by" anywhere ("the ad, released on Thursday by ..."); "from" right after the
# document ("a new poll from ...", not "a survey of voters from Ohio")
_ISSUED_BY = re.compile(r"\bby\s+((?:the\s+)?(?:[A-Z][\w.&'\u2019-]*\s*)+)")
_ISSUED_FROM = re.compile(r"^(?:\S+\s+)?\S+\s+from\s+((?:the\s+)?(?:[A-Z][\w.&'\u2019-]*\s*)+)")
# "part of a $1 million buy from Our Principles PAC"
_BOUGHT_FROM = re.compile(r"\b(?:buy|paid for|commissioned|sponsored|funded|issued|released|"
                          r"published)\b[^.;]*?\bfrom\s+((?:the\s+)?(?:[A-Z][\w.&'\u2019-]*\s*)+)")
_NOT_ISSUERS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                          "sunday", "january", "february", "march", "april", "may", "june", "july",
                          "august", "september", "october", "november", "december"})


def issuer_of_document(text: str) -> str | None:
    """"a new poll from Marquette Law School", "the ad, released by Our
    Principles PAC": whoever issued the document the description names
    (within its first three words), else None."""
    text = " ".join(text.split())
    bare = _DETERMINERS.sub("", text + " ").strip()
    if not any(w.strip(",") in channel_nouns() for w in bare.lower().split()[:3]):
        return None
    match = _ISSUED_FROM.match(bare) or _ISSUED_BY.search(text) or _BOUGHT_FROM.search(text)
    if not match or match.group(1).split()[0].lower() in _NOT_ISSUERS:
        return None
    return _tidy(match.group(1))


def _linked_phrase(words: list[str]) -> bool:
    """Words joined by a lower-case link ("familiar with the") rather than
    a name holding one ("Ministry of Defence")."""
    for k, word in enumerate(words):
        if word.lower() in _LINKS:
            inside_name = 0 < k < len(words) - 1 and words[k - 1][:1].isupper() \
                and words[k + 1][:1].isupper()
            if not inside_name:
                return True
    return False


# "Vellmar-based Castell Research": where a body sits is not its name
_BASED_IN = re.compile(r"^[\w.\u2019'-]+-based\s+")


def _tidy(name: str) -> str | None:
    name = _POSSESSIVE.sub("", name.strip(" ,.;:")) + " "
    previous = None
    while previous != name:
        previous = name
        name = _BASED_IN.sub("", _RANKS.sub("", _DETERMINERS.sub("", name)))
    return _as_body(_without_title(without_acronym_gloss(name).strip())) or None


# "Presidential spokesperson": the adjective stands for the body
_BODY_OF_ADJECTIVE = {"presidential": "presidency", "governmental": "government",
                      "ministerial": "ministry"}


def _as_body(name: str) -> str:
    words = name.split()
    if words and words[-1].lower() in _BODY_OF_ADJECTIVE:
        body = _BODY_OF_ADJECTIVE[words[-1].lower()]
        words[-1] = body.capitalize() if words[-1][:1].isupper() else body
    return " ".join(words)


def _without_title(name: str) -> str:
    """"Senator Ruth Kale" -> "Ruth Kale": a person's title is not who they are."""
    words = name.split()
    while len(words) > 2 and words[1][:1].isupper() and _is_title(words[0]):
        words = words[1:]
    return " ".join(words)


def _is_title(word: str) -> bool:
    bare = word.rstrip(".").lower()
    return bare in honorifics() or bare in role_nouns()


def qualify_generic_body(origin: str | None, text: str, before: int,
                         publisher: str | None = None) -> str | None:
    """"Foreign Ministry" -> "Ostranian Foreign Ministry": a body named by
    generic words alone takes the fuller name the article gave it last,
    ending at or before ``before``, as a bare surname takes a full name;
    else the publisher's name when the publisher is that body (the
    Ministry of Defence's own statement: "the Ministry's spokesman"). A
    fuller name only later is not taken: an article that names a foreign
    ministry in full and its own by generic words means two bodies. In a
    state body's own statement, any other generic body is that state's
    ("Government" -> "Lusovan Government"). Anything else is kept."""
    if not origin or not is_generic_body(origin):
        return origin
    # capitalised words right before the body's name, on one line
    pattern = re.compile(r"\b((?:[A-Z][\w\-]*(?:['\u2019]s)?[ \t]+)+)(?i:" + re.escape(origin)
                         + r")\b")
    earlier = [m for m in pattern.finditer(text, 0, before) if _names_whose(m.group(1))]
    if earlier:
        return _DETERMINERS.sub("", " ".join(earlier[-1].group(0).split()))
    return _publisher_body(origin, publisher) or _of_publisher_state(origin, publisher) or origin


# the head nouns of a publisher that is a government body, not a news outlet
_STATE_BODIES = frozenset({"ministry", "office", "service", "chancellery", "presidency", "staff",
                           "government", "cabinet", "embassy", "parliament"})


def _of_publisher_state(origin: str, publisher: str | None) -> str | None:
    """"Government" in a statement the Lusovan Ministry of Foreign Affairs
    published -> "Lusovan Government": a government body speaks of its own
    state's bodies by generic words. Only for a publisher that is a state
    body named by one qualifier and generic words ("Valdor Presidential
    Press Office"), never a news outlet ("Drevna Courier")."""
    if not publisher or _head_noun(publisher) not in _STATE_BODIES:
        return None
    qualifiers = [w for w in publisher.split() if not is_generic_body(w)]
    if len(qualifiers) != 1 or not qualifiers[0][:1].isupper():
        return None
    return f"{qualifiers[0]} {origin}"


def _publisher_body(origin: str, publisher: str | None) -> str | None:
    """The publisher, as a body, when it is the body ``origin`` names: the
    same head noun ("Ministry" of "Ostranian Ministry of Defence", not the
    "Army" of "Army Times") and every word of ``origin`` in its name."""
    if not publisher:
        return None
    body = _institution(publisher) or " ".join(publisher.split())
    if is_generic_body(body):
        return None
    wanted = [_bare(w) for w in _as_body(origin).split()]
    words = {_bare(w) for w in f"{publisher} {body}".split()}
    return body if wanted and _head_noun(body) == wanted[-1] and set(wanted) <= words else None


def _head_noun(name: str) -> str:
    """"Ostranian Ministry of Defence" -> "ministry"; "Army Times" -> "times"."""
    words = [_bare(w) for w in name.split()]
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


def _bare(word: str) -> str:
    return _POSSESSIVE.sub("", word).strip(".,;:").lower()


def _names_whose(qualifier: str) -> bool:
    """"Ostranian ", "Valdor's ": words that say whose the body is (not
    "The ", "A ", nor more generic words)."""
    bare = _DETERMINERS.sub("", qualifier.strip() + " ").strip()
    return bool(bare) and not is_generic_body(bare)


def is_generic_body(name: str) -> bool:
    """"Foreign Ministry", "presidency": generic words alone, saying not whose body it is."""
    words = [w.lower().strip(".,") for w in name.split()]
    return bool(words) and all(w in generic_body_words() for w in words)


def is_bare_channel(name: str | None) -> bool:
    """"the statement", "The readout": a document, not who issued it."""
    if not name:
        return False
    words = _DETERMINERS.sub("", name.strip()).lower().split()
    return len(words) == 1 and (words[0] in channel_nouns() or words[0].rstrip("s") in channel_nouns())

