"""The people and organisations of one article, and how mentions find them.

An ``Entity`` gathers every mention of one speaker; lookups by surname and
by role word ("the minister") respect document order, so a mention links to
what the reader has seen before it.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from ..model import CitedSource, Speaker
from .lexicon import honorifics
from .mentions import OTHER_OFFICE, Mention, speaks_for_someone

# How far back "the minister" looks for a matching role, in descriptor entries.
_DESCRIPTOR_LOOKBACK = 200


@dataclass
class Entity:
    """One speaker as known so far: the most specific name and first role."""

    id: int
    name: str
    type: str
    role: str | None = None
    gender: str | None = None
    plural: bool = False
    proper: bool = False  # known by a proper name, even if its type is unknown
    mentions: set[tuple[int, int]] = field(default_factory=set)

    def to_speaker(self) -> Speaker:
        return Speaker(self.name, self.type, self.role, sorted(self.mentions), named=self.proper)

    def to_cited(self) -> CitedSource:
        return CitedSource(self.name, self.type, self.role)


class Registry:
    """All entities of a doc, with indexes by key, surname and role word."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._by_key: dict[tuple[str, str], int] = {}
        self._surnames: dict[str, list[tuple[int, int]]] = {}
        # (token, entity id, head words, all words) of each described mention
        self._descriptors: list[tuple[int, int, frozenset[str], frozenset[str]]] = []

    def new(self, mention: Mention) -> Entity:
        entity = Entity(len(self.entities), mention.name, mention.type,
                        gender=mention.gender, plural=mention.plural,
                        proper=mention.kind == "name")
        self.entities.append(entity)
        return entity

    def add_mention(self, entity: Entity, mention: Mention) -> None:
        """Record a mention: its span, and what it teaches about the entity."""
        entity.mentions.add(mention.span)
        if mention.role and (entity.role is None or (
                speaks_for_someone(mention.role) and not speaks_for_someone(entity.role))):
            # the first role, unless a later one says whom a "Colonel" speaks for
            entity.role = mention.role
        # The first cue seen wins. A pronoun teaches nothing: its resolution
        # may be wrong, and one wrong "she" would then misdirect every "he".
        if entity.gender is None and mention.gender and mention.kind != "pronoun":
            entity.gender = mention.gender
        if mention.heads:
            insort(self._descriptors, (mention.head.i, entity.id, mention.heads, mention.words),
                   key=lambda d: d[0])

    def group(self, members: list[Entity]) -> Entity:
        """One plural speaker for sources joined by "and" ("Regulators and
        environmental groups"), the same one each time the group speaks."""
        names = [m.name for m in members]
        name = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        types = {m.type for m in members}
        type_ = types.pop() if len(types) == 1 else "OTHER"
        found = self.by_key(type_, name)
        if found is not None:
            return found
        entity = Entity(len(self.entities), name, type_, plural=True,
                        proper=all(m.proper for m in members))
        self.entities.append(entity)
        self.set_key(entity)
        for m in members:
            entity.mentions |= m.mentions
        return entity

    def by_key(self, type_: str, name: str) -> Entity | None:
        found = self._by_key.get(_key(type_, name))
        return self.entities[found] if found is not None else None

    def set_key(self, entity: Entity) -> None:
        self._by_key.setdefault(_key(entity.type, entity.name), entity.id)

    def add_surname(self, entity: Entity, position: int) -> None:
        """Index a full person name by its last word, at its first position;
        a name of three words or more also by its next-to-last word, the
        first of a double surname ("Mr. Guajardo" for "Ildefonso Guajardo
        Villarreal")."""
        words = entity.name.split()
        surnames = [words[-1]] + ([words[-2]] if len(words) >= 3 and words[-2][:1].isupper() else [])
        for surname in surnames:
            entries = self._surnames.setdefault(surname.lower(), [])
            if all(e != entity.id for _, e in entries):
                insort(entries, (position, entity.id))

    def by_longer_name(self, name: str) -> Entity | None:
        """A person whose fuller name ends with ``name`` ("Guajardo Villarreal"
        in "Ildefonso Guajardo Villarreal") or adds middle names to it
        ("Hillary Rodham Clinton"), when exactly one does."""
        short = name.lower().split()
        found = [e for e in self.entities if e.type == "PERSON"
                 and _fuller_name(e.name.lower().split(), short)]
        return found[0] if len(found) == 1 else None

    def by_name_within(self, name: str) -> Entity | None:
        """The person whose full name ``name`` ends with after extra words in
        front ("Hillary Clinton" in "Crooked Hillary Clinton"), the longest
        such name."""
        words = name.lower().split()
        found = [e for e in self.entities if e.type == "PERSON"
                 and 1 < len(e.name.split()) < len(words)
                 and words[-len(e.name.split()):] == e.name.lower().split()]
        return max(found, key=lambda e: len(e.name.split()), default=None)

    def by_surname(self, word: str, gender: str | None = None) -> Entity | None:
        """The person a bare surname means: of the full names ending in
        ``word``, the one the article introduced first (news introduces its
        main "Clinton" first and spells out relatives later: "Chelsea
        Clinton"); with ``gender`` known ("Mrs. Clinton"), the first one
        known to have it, should the first one be known not to; nobody
        when all are known not to ("Mr Okafor" is no Ngozi Okafor)."""
        entries = self._surnames.get(word.lower())
        if not entries:
            return None
        first = self.entities[entries[0][1]]
        if gender is None or first.gender in (None, gender):
            return first
        return next((self.entities[e] for _, e in entries
                     if self.entities[e].gender in (None, gender)), None)

    def surname_of(self, mention: Mention) -> Entity | None:
        """The person a one-word name means; the sex an honorific before it
        gives must fit ("Mr Okafor"), a guess from the word itself does not
        count ("Clinton" is also a man's given name)."""
        honorific = _honorific_before(mention)
        return self.by_surname(mention.name, _sex_of(honorific) if honorific else None)

    def apart_from_namesakes(self, mention: Mention) -> Mention:
        """"Mr Okafor" beside a Ngozi Okafor keeps his "Mr": a bare "Okafor"
        would read as her (``by_surname`` found no one of his sex)."""
        words = mention.name.split()
        if mention.kind != "name" or len(words) != 1 or not self.people_with_surname(words[0]):
            return mention
        honorific = _honorific_before(mention)
        if honorific is None:
            return mention
        return replace(mention, name=f"{honorific.text} {mention.name}")

    def people_with_surname(self, word: str) -> list[Entity]:
        """Every full name ending in ``word``, in the order the article introduced them."""
        return [self.entities[e] for _, e in self._surnames.get(word.lower(), [])]

    def by_given_name(self, word: str) -> Entity | None:
        """The one person whose full name starts with ``word`` ("Bernie" for
        "Bernie Sanders", "Ban" for "Ban Ki-moon"); None when none or several."""
        if not word[:1].isupper():
            return None
        found = {e.id for e in self.entities if e.type == "PERSON" and len(e.name.split()) > 1
                 and e.name.split()[0] == word}
        return self.entities[found.pop()] if len(found) == 1 else None

    def by_role_word(self, head_word: str, modifiers: frozenset[str],
                     position: int, plural: bool) -> list[Entity]:
        """The entities described before ``position`` by a phrase headed by
        ``head_word`` that holds all ``modifiers`` ("the finance minister"),
        the last described first."""
        at = bisect_left(self._descriptors, position, key=lambda d: d[0])
        found: list[Entity] = []
        for i in range(at - 1, max(-1, at - 1 - _DESCRIPTOR_LOOKBACK), -1):
            _, entity_id, heads, words = self._descriptors[i]
            entity = self.entities[entity_id]
            if (head_word in heads and modifiers <= words and entity.plural == plural
                    and not (words & OTHER_OFFICE) - modifiers and entity not in found):
                found.append(entity)
        return found


def _name_start(mention: Mention) -> int:
    head = mention.head
    return min((t.i for t in head.subtree if t.i <= head.i and t.dep_ in ("compound", "flat")),
               default=head.i)


def _honorific_before(mention: Mention) -> Token | None:
    """The honorific of one sex right before the name ("Mrs Okafor"), else None."""
    doc, start = mention.head.doc, _name_start(mention)
    return next((t for t in doc[max(0, start - 1):mention.head.i] if _sex_of(t)), None)


def _sex_of(token: Token) -> str | None:
    gender = honorifics().get(token.lower_.rstrip("."))
    return gender if gender in ("m", "f") else None


def _fuller_name(long: list[str], short: list[str]) -> bool:
    if len(long) <= len(short):
        return False
    if long[-len(short):] == short:
        return True
    return len(short) == 2 and long[0] == short[0] and long[-1] == short[-1]


def _key(type_: str, name: str) -> tuple[str, str]:
    return (type_, " ".join(name.lower().split()))
