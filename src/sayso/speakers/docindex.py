"""Everything about one doc that enrichment looks up more than once.

Built in one pass over the sentences and named entities, so that each
attribution then costs lookups, not scans of the whole doc.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..nlp.layout import in_headline
from .kind import find_quoted
from .lexicon import given_name_gender, org_nouns, role_nouns
from .mentions import NAMED_LABELS, describe_bare_name, describe_named
from .registry import Entity, Registry
from .spans import TokenOffsets

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OBJECTS = frozenset({"dobj", "dative", "iobj"})


class DocIndex:
    """Sentences, named entities linked into speakers, and quoted regions."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text  # spaCy rebuilds doc.text on every access
        self.offsets = TokenOffsets(doc)
        sentences = _sentences(doc)
        self.sent_starts = [s.start for s in sentences] or [0]
        self.quoted = find_quoted(self.text)
        self.registry = Registry()
        self._ent_at: dict[int, SpacySpan] = {}
        self._entity_at: dict[int, int] = {}
        # sentence -> [(token, entity id, is subject)] for names, and
        # [(token, entity id)] for the speakers of attributions resolved so far.
        self._names: dict[int, list[tuple[int, int, bool]]] = {}
        self._speakers: dict[int, list[tuple[int, int]]] = {}
        self._seen: dict[int, list[int]] = {}  # entity id -> tokens where it was met
        self._link_named_entities()
        self._link_bare_subjects(sentences)
        for names in self._names.values():
            names.sort()  # linked out of order (full names first); lookups walk back from the end

    def sentence_of(self, i: int) -> int:
        return max(0, bisect_right(self.sent_starts, i) - 1)

    def named_entity_for(self, head: Token) -> SpacySpan | None:
        """The entity containing ``head``, or the name in apposition to a
        title ("The port authority's spokesman, Tom Ruiz, said"), or the
        name a title is in apposition to ("Tom Ruiz, the spokesman, who
        said")."""
        ent = self._ent_at.get(head.i)
        if ent is None and head.pos_ == "PROPN":
            # "Minister of Maritime Affairs Joost Vennel": a capitalised title
            return self._person_after_complement(head)
        if ent is not None or head.pos_ != "NOUN":
            return ent
        for child in head.children:
            if child.dep_ == "appos" and child.i in self._ent_at and _adjacent(head, child):
                return self._ent_at[child.i]
        person = self._person_after_complement(head)
        if person is not None:
            return person
        if head.dep_ == "appos" and head.head.i in self._ent_at:
            ent = self._ent_at[head.head.i]
            if _fits_apposition(ent, head):
                return ent
        return self._subject_of_predicate(head)

    def _subject_of_predicate(self, head: Token) -> SpacySpan | None:
        """"Ann Lutz is the treasurer who said": the name a predicate noun
        says something about."""
        if head.dep_ != "attr" or head.head.lemma_ != "be":
            return None
        subject = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        ent = self._ent_at.get(subject.i) if subject is not None else None
        return ent if ent is not None and _fits_apposition(ent, head) else None

    def _person_after_complement(self, head: Token) -> SpacySpan | None:
        """"The director of the centre, Ina Kirsch": the parser hangs the
        name on the nearest noun, or makes it a second object of the
        title's preposition; after a title's complement it names the title
        holder, not the centre."""
        if head.lemma_.lower() not in role_nouns():
            return None
        for prep in head.children:
            if prep.dep_ != "prep" or prep.i < head.i:
                continue
            objects = [o for o in prep.children if o.dep_ == "pobj"]
            for k, obj in enumerate(objects):
                ent = self._ent_at.get(obj.i)
                if k > 0 and ent is not None and ent.label_ == "PERSON" and ent.root.i == obj.i:
                    # "Minister of Maritime Affairs Joost Vennel": the name
                    # parsed as a second object of the title's "of"
                    return ent
                for child in obj.children:
                    ent = self._ent_at.get(child.i)
                    if child.dep_ == "appos" and ent is not None and _a_persons_name(ent):
                        return ent
        return None

    def co_arguments(self, token: Token) -> tuple[set[int], set[str]]:
        """Entities, and proper-noun words, named as objects of the verb
        ``token`` is the subject of ("he told Hannity": not Hannity)."""
        verb = token.head
        args = [c for c in verb.children if c.dep_ in _OBJECTS]
        args += [o for c in verb.children if c.dep_ == "prep" for o in c.children
                 if o.dep_ == "pobj"]
        return ({self._entity_at[a.i] for a in args if a.i in self._entity_at},
                {a.text for a in args if a.pos_ == "PROPN"})

    def entity_of(self, ent: SpacySpan) -> Entity:
        return self.registry.entities[self._entity_at[ent.start]]

    def note_speaker(self, i: int, entity: Entity) -> None:
        """Remember that the entity spoke at token ``i`` (pronouns prefer it)."""
        self._speakers.setdefault(self.sentence_of(i), []).append((i, entity.id))
        self._note_seen(entity.id, i)

    def last_seen(self, entity_id: int, before: int) -> int:
        """The last token before ``before`` where the entity was named or
        spoke; -1 when nowhere."""
        seen = self._seen.get(entity_id, [])
        at = bisect_left(seen, before)
        return seen[at - 1] if at else -1

    def _note_seen(self, entity_id: int, i: int) -> None:
        insort(self._seen.setdefault(entity_id, []), i)

    def candidates_before(self, i: int, window: int, skip: frozenset[int] = frozenset()
                          ) -> Iterator[tuple[Entity, int, int]]:
        """Possible antecedents of a pronoun at token ``i``, as (entity, rank,
        sentences back), in order of preference.

        Rank 2 is the speaker of an attribution, 1 a named subject, 0 any
        other name. Ranks 2 and 1 come first, sentence by sentence going back,
        nearest first; then the others ("Weber met Ruiz. ... He said" reaches
        Ruiz once Weber is ruled out). Names at the tokens in ``skip`` are
        left out.
        """
        sentence = self.sentence_of(i)
        seen: set[int] = set()
        for tier in (self._salient_in, self._other_names_in):
            for back in range(min(window, sentence) + 1):
                for entity_id, rank in tier(sentence - back, i, skip):
                    if entity_id not in seen:
                        seen.add(entity_id)
                        yield self.registry.entities[entity_id], rank, back

    def _salient_in(self, s: int, before: int, skip: frozenset[int]) -> list[tuple[int, int]]:
        speakers = [(e, 2) for t, e in reversed(self._speakers.get(s, ()))
                    if t < before and t not in skip]
        subjects = [(t, e) for t, e, subj in reversed(self._names.get(s, ()))
                    if subj and t < before and t not in skip]
        # the subject of the main clause before those of clauses inside it
        # ("Rubio is campaigning in Florida, where Trump leads. The senator")
        subjects.sort(key=lambda te: self.doc[te[0]].head.dep_ != "ROOT")
        return speakers + [(e, 1) for _, e in subjects]

    def _other_names_in(self, s: int, before: int, skip: frozenset[int]) -> list[tuple[int, int]]:
        return [(e, 0) for t, e, subj in reversed(self._names.get(s, ()))
                if not subj and t < before and t not in skip]

    def _link_named_entities(self) -> None:
        """Register every named entity; single words go last, so "Weber" can
        join "Anna Weber" even when the full name comes later."""
        deferred, full_names = [], []
        for ent in self.doc.ents:
            start = _mistyped_person(ent)
            if start is None and ent.label_ not in NAMED_LABELS:
                continue
            if len(ent) == 1 and ent.root.dep_ == "compound" and ent.root.head.pos_ == "NOUN":
                continue  # "the Tessby rail crash": a name modifying a thing is no one here
            if start is not None:
                # "Mayor Ines Calder" tagged PRODUCT: a given name and a
                # surname are a person, whatever the recogniser called them
                ent = SpacySpan(self.doc, start, ent.end, label="PERSON")
            mention = describe_named(ent, _title_apposed_to(ent))
            if mention.type == "PERSON" and len(mention.name.split()) > 1:
                full_names.append((ent, mention))
            else:
                deferred.append((ent, mention))
        # Longest names first, so "Guajardo Villarreal" can join "Ildefonso
        # Guajardo Villarreal" wherever in the article the full name stands.
        # Names written in quotes or headlines come after the others and never
        # name an entity: quoted speech and headlines dress names up ("Crooked
        # Hillary Clinton", "Lawmakers Rip Donald Trump").
        for ent, mention in sorted(full_names, key=lambda em: (self._dressed_up(em[0]),
                                                               -len(em[1].name.split()))):
            entity = (self.registry.by_key("PERSON", mention.name)
                      or self.registry.by_longer_name(mention.name)
                      or (self._dressed_up(ent) and self.registry.by_name_within(mention.name))
                      or self._new(mention))
            # a bare surname means a name met in the body before one in a
            # headline or quote ("Sanders Bows Out" over "Bernie Sanders")
            late = len(self.doc) if self._dressed_up(ent) else 0
            self.registry.add_surname(entity, ent.start + late)
            self._link(ent, entity, mention)
        people = _mostly_people(self.doc)
        for ent, mention in deferred:
            entity = None
            if len(mention.name.split()) == 1 and (mention.type in ("PERSON", "ORG")
                                                   or mention.name in people):
                entity = self.registry.surname_of(mention) or (
                    self.registry.by_given_name(mention.name) if mention.type == "PERSON"
                    else None)
            if entity is not None and mention.type == "ORG" and _same_acronym(mention.name, entity):
                entity = None
            if entity is None:
                mention = self.registry.apart_from_namesakes(mention)
            entity = entity or self.registry.by_key(mention.type, mention.name) or self._new(mention)
            self._link(ent, entity, mention)

    def _dressed_up(self, ent: SpacySpan) -> bool:
        """Whether a name stands inside a quote or a title-case headline line."""
        return self.in_quote(ent.start) or in_headline(self.text, ent.start_char)

    def in_quote(self, i: int) -> bool:
        """Whether token ``i`` stands inside a double-quoted passage."""
        return self.in_quote_at(self.doc[i].idx)

    def in_quote_at(self, start: int) -> bool:
        """Whether the character at ``start`` stands inside a double-quoted passage."""
        at = bisect_right(self.quoted, (start, len(self.text))) - 1
        return at >= 0 and self.quoted[at][0] <= start < self.quoted[at][1]

    def _link_bare_subjects(self, sentences: list[SpacySpan]) -> None:
        """Proper-noun subjects the recogniser missed ("Christie, who ...,
        blasted Clinton"), so a later "he" can still find them."""
        for sentence in sentences:
            subjects = [c for c in sentence.root.children if c.dep_ in _SUBJECTS]
            # "Chief Constable Miriam Hale and Detective Superintendent Colm Rourke briefed"
            subjects += [c for s in subjects for c in s.children if c.dep_ == "conj"]
            for child in subjects:
                # a "." the tagger called a proper noun is no name
                if (child.pos_ == "PROPN"
                        and child.i not in self._ent_at and any(c.isalpha() for c in child.text)):
                    mention = describe_bare_name(child)
                    name = mention.name
                    entity = ((len(name.split()) == 1 and self.registry.by_surname(name))
                              or self.registry.by_key(mention.type, name)
                              or self.fill_out_surname(name, child.i) or self._new(mention))
                    if mention.type == "PERSON" and len(entity.name.split()) > 1:
                        self.registry.add_surname(entity, child.i)
                    self.registry.add_mention(entity, mention)
                    self._names.setdefault(self.sentence_of(child.i), []).append(
                        (child.i, entity.id, True))
                    self._note_seen(entity.id, child.i)

    def fill_out_surname(self, name: str, position: int) -> Entity | None:
        """"Rahm Emanuel" as a subject the recogniser missed, where it tagged
        a bare "Emanuel" elsewhere: the person known by the surname gets the
        full name."""
        words = name.split()
        if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
            return None
        entity = self.registry.by_key("PERSON", words[-1])
        if entity is None and not words[-1].isupper():
            # a lone surname the recogniser took for an organisation ("Marrow said")
            entity = self.registry.by_key("ORG", words[-1]) or self.registry.by_key("GPE", words[-1])
        if entity is None or entity.name != words[-1]:
            return None
        entity.name, entity.type, entity.proper = name, "PERSON", True
        self.registry.set_key(entity)
        self.registry.add_surname(entity, position)
        return entity

    def _new(self, mention) -> Entity:
        entity = self.registry.new(mention)
        self.registry.set_key(entity)
        return entity

    def _link(self, ent: SpacySpan, entity: Entity, mention) -> None:
        self.registry.add_mention(entity, mention)
        for t in range(ent.start, ent.end):
            self._ent_at[t] = ent
            self._entity_at[t] = entity.id
        root = ent.root
        self._names.setdefault(self.sentence_of(root.i), []).append(
            (root.i, entity.id, _is_subject(root)))
        self._note_seen(entity.id, root.i)


def _a_persons_name(ent: SpacySpan) -> bool:
    """A PERSON, or a name the recogniser typed otherwise that opens with a
    given name ("Ines Moura" tagged ORG after "the chief executive of
    Harbour Bank,")."""
    words = [t for t in ent if t.is_alpha]
    return ent.label_ == "PERSON" or (
        2 <= len(words) <= 3 and all(t.pos_ == "PROPN" for t in words)
        and given_name_gender(words[0].text) is not None
        and words[-1].lemma_.lower() not in org_nouns())


def _title_apposed_to(ent: SpacySpan) -> Token | None:
    """"Ostrania's chief negotiator at the climate talks, Ayesha Rahman,
    spoke": the title a name is set beside, which is the person's role."""
    root = ent.root
    head = root.head
    if not (root.dep_ == "appos" and head.pos_ == "NOUN" and head.i < root.i
            and head.lemma_.lower() in role_nouns()):
        return None
    # only the title's own words and a comma between ("coach Sven Ødegaard
    # and captain Elif Demir": Demir is no coach)
    own = {t.i for c in head.children if c.dep_ == "prep" and c.i > head.i for t in c.subtree}
    between = ent.doc[head.i + 1:ent.start]
    return head if all(t.is_punct or t.i in own for t in between) else None


# Labels no speaker has, but a person's name mistyped may carry.
_MISTYPABLE = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"})


def _mistyped_person(ent: SpacySpan) -> int | None:
    """Where the person's name starts in a name typed PRODUCT or WORK_OF_ART:
    proper nouns ending in a given name and a surname ("Twitter's Malte
    Brekke"); in one typed ORG or GPE, only after a title ("Valdoran
    President Ivo Stenk", not "Morgan Stanley"). None when it reads as no
    one's."""
    words = [t for t in ent if t.is_alpha]
    if ent.label_ not in _MISTYPABLE | {"ORG", "GPE"} or not words or not all(
            t.pos_ == "PROPN" for t in words) or words[-1].lemma_.lower() in org_nouns():
        return None
    for k in range(max(0, len(words) - 3), len(words) - 1):
        if given_name_gender(words[k].text) is None:
            continue
        titled = k > 0 and words[k - 1].lower_ in role_nouns()
        if ent.label_ in _MISTYPABLE or titled:
            return words[k].i
    return None


def _is_subject(token: Token) -> bool:
    """A subject, or the owner of one: "James Comey's news conference, in
    which he ..." has Comey as salient as a subject."""
    return token.dep_ in _SUBJECTS or (token.dep_ == "poss" and token.head.dep_ in _SUBJECTS)


def _adjacent(head: Token, appos: Token) -> bool:
    """Whether an apposition follows its noun with no finite verb between; one
    hung across a clause ("The lawyers pointed to ..., Sen. Ann Lutz") is a
    misparse."""
    between = head.doc[min(head.i, appos.left_edge.i):max(head.i, appos.left_edge.i)]
    return not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in between)


def _same_acronym(word: str, entity: Entity) -> bool:
    """"SVP" and the "Junge SVP" the recogniser took for a person: an
    organisation's acronym, not a surname ("TRUMP" in a dateline is one)."""
    return word.isupper() and entity.name.split()[-1] == word


def _mostly_people(doc: Doc) -> set[str]:
    """Words the recogniser tags a person (alone or as a surname) more often
    than anything else in this doc: where it calls one "Kasich" a place, the
    others outvote it."""
    votes: dict[str, Counter] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON" or len(ent) == 1:
            votes.setdefault(ent[-1].text, Counter())[ent.label_ == "PERSON"] += 1
    return {word for word, count in votes.items() if count[True] > count[False]}


def _fits_apposition(ent: SpacySpan, noun: Token) -> bool:
    """Whether a common noun in apposition to a name can describe it; the
    parser hangs appositions on the wrong name often enough ("a young
    woman" on a city, "two events" on a person, "donors" on one of two)."""
    lemma = noun.lemma_.lower()
    if ent.label_ == "ORG":
        return lemma not in role_nouns()
    if ent.label_ != "PERSON" or lemma in org_nouns():
        return False
    # several people need several names
    return noun.tag_ not in ("NNS", "NNPS") or ent.root.dep_ == "conj" or any(
        c.dep_ == "conj" for c in ent.root.children)


def _sentences(doc: Doc) -> list[SpacySpan]:
    if len(doc) == 0 or not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return []
    # a paragraph break is a sentence of its own to the parser, not to a reader
    return [s for s in doc.sents if not all(t.is_space for t in s)]
