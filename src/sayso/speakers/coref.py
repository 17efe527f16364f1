"""Who a source phrase refers to: pronouns, "the minister", bare surnames.

Light, rule-based coreference over the doc index: a pronoun takes the
nearest compatible speaker or name before it (speakers of earlier
attributions first), a definite nominal the last entity whose role or name
holds its words, a surname the full name that ends in it.
"""

from __future__ import annotations

import re

from dataclasses import replace

from spacy.tokens import Token

from ..nlp.layout import in_headline
from .docindex import DocIndex
from .lexicon import empty_nouns, org_nouns, party_members, pronouns, role_nouns
from .mentions import Mention, describe, describe_named, noun_of, required_words
from .registry import Entity
from .spans import span_root

# How many sentences back a pronoun looks for its antecedent.
PRONOUN_WINDOW = 10
# ...and a definite title that matches no earlier role ("the senator").
_EPITHET_WINDOW = 2
_FIRST_PERSON = frozenset({"i", "me", "we", "us"})
_UNRESOLVED_SPEAKERS = _FIRST_PERSON | {"you"}
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it"})
_POSSESSIVE_PRONOUNS = {"his": ("m", "sg"), "her": ("f", "sg"), "its": ("n", "sg"),
                        "their": ("-", "-")}


class Resolver:
    """Resolves source and cited phrases of one doc to entities."""

    def __init__(self, index: DocIndex):
        self.index = index
        self.registry = index.registry
        self._statement: frozenset[int] = frozenset()
        self._taken: frozenset[int] = frozenset()  # entities a coordinated source already named
        self.via: str | None = None  # how the last source was resolved, when a rule knows

    def resolve_source(self, tokens: list[int], content: list[int] = ()) -> Entity | None:
        """The speaker named by a source span's tokens (None when empty);
        ``content`` are the tokens of what the speaker said."""
        self.via = None
        if not tokens:
            return None
        # "“Bernie will win,” he said": he is not a name in his own quoted
        # words (unquoted ones may name him: "Ms. Lund was shocked, she said")
        self._statement = frozenset(i for i in content if self.index.in_quote(i))
        labelled = self._transcript_label(tokens)
        if labelled is not None:
            self.via = "label"
            self.index.note_speaker(tokens[-1], labelled)
            self._statement = frozenset()
            return labelled
        head = span_root(self.index.doc, tokens)
        head = _name_after_descriptor(head)
        noun = noun_of(head)
        members = coordinated(noun, set(tokens))
        named = self._name_apposed_to(noun)
        if named is not None and noun.tag_ in ("NNS", "NNPS"):
            # "Robert and Rebekah Mercer, the donors who said": all the names
            first = _first_conjunct(named)
            members = coordinated(first, {t.i for t in first.subtree})
            members = members if len(members) > 1 else [noun]
        if len(members) > 1:
            entity = self.registry.group(self._resolve_apart(members))
        else:
            entity = self._person_by_surname(self.resolve(head))
        self.index.note_speaker(head.i, entity)
        self._statement = frozenset()
        return entity

    def _person_by_surname(self, entity: Entity) -> Entity:
        """"Brandt, 61, said", the recogniser typing "Brandt" a place: a one-word
        speaker that is no person but the surname of one the article named
        in full is that person (places and bodies do not speak by surname;
        "Stenk" typed a body after "Valdoran President Ivo Stenk" is him)."""
        if (entity.type not in ("GPE", "NORP", "OTHER", "ORG") or len(entity.name.split()) != 1
                or entity.name.isupper()):  # "NVP" is an acronym, not a surname
            return entity
        person = self.registry.by_surname(entity.name)
        if person is None or person.type != "PERSON" or len(person.name.split()) < 2:
            return entity
        return person

    def _transcript_label(self, tokens: list[int]) -> Entity | None:
        """"KALE:", "MINISTER BENALI:", "DR. ERIKSON:": a transcript line's
        label in capitals names the person the article introduced by that
        surname ("Transport Minister Ada Kale")."""
        doc = self.index.doc
        words = [doc[i] for i in tokens if doc[i].is_alpha]
        after = tokens[-1] + 1
        if (not words or not all(t.is_upper for t in words) or after >= len(doc)
                or doc[after].text != ":"):
            return None
        surname = words[-1].text.title()
        found = self.registry.by_surname(surname)
        if found is None:
            full = " ".join(t.text.title() for t in words)
            found = self.registry.by_key("PERSON", full)
        return found

    def _resolve_apart(self, members: list[Token]) -> list[Entity]:
        """Coordinated sources, each a different speaker ("The Kentucky
        Republican and the New York businessman" are two people)."""
        found: list[Entity] = []
        for member in members:
            self._taken = frozenset(e.id for e in found)
            found.append(self.resolve(member))
        self._taken = frozenset()
        return found

    def resolve(self, head: Token) -> Entity:
        """The entity ``head`` refers to; a new one when nothing earlier fits."""
        head = noun_of(head)
        ent = self.index.named_entity_for(head)
        if ent is not None and (epithet := self._epithet_antecedent(head, ent)) is not None:
            return epithet
        if ent is not None:
            entity = self.index.entity_of(ent)
            if head.i not in range(ent.start, ent.end):
                # a title with the name in apposition teaches the role
                self.registry.add_mention(entity, describe_named(ent, head))
            return entity
        mention = describe(head, None)
        entity = self._antecedent(mention)
        if entity is None:
            mention = self._with_owner_named(self.registry.apart_from_namesakes(mention))
            entity = self.registry.new(mention)
            self.registry.set_key(entity)
            if mention.kind == "name" and mention.type == "PERSON" and len(entity.name.split()) > 1:
                # a full name the recogniser missed: "Calder" later is this person
                self.registry.add_surname(entity, head.i)
        self.registry.add_mention(entity, mention)
        return entity

    def _named_below(self, mention: Mention) -> Entity | None:
        """"Housing plan will cut rents, mayor says": a headline's speaker is
        the one the article's first paragraphs introduce with that role
        ("Mayor Ines Calder"), the first of them; none when they name none."""
        head, doc = mention.head, self.index.doc
        upto = _end_of_paragraphs(self.index.text, head.idx, _HEADLINE_REACH)
        for token in doc[head.i + 1:]:
            if token.idx >= upto:
                break
            if (token.lemma_.lower() == head.lemma_.lower()
                    and not in_headline(self.index.text, token.idx)):
                named = token.head if token.dep_ == "compound" else token
                if named.pos_ == "PROPN" and named.i != token.i:
                    return self.resolve(named)  # "Mayor Ines Calder said ..."
                ent = self.index.named_entity_for(token)
                if ent is not None:
                    return self.index.entity_of(ent)
        return None

    def _person_of_age(self, head: Token) -> Entity | None:
        """"Piet Aalders, 54, was sacked ... The 54-year-old told": the one
        person the article gave that age before, by "Name, 54," or "54-year-old
        Name"; nobody when it gave it to none or to several."""
        if head.lower_ != "old" or not _is_bare_definite(head):
            return None
        age = next((t.text for t in head.subtree if t.like_num and t.i < head.i), None)
        if age is None:
            return None
        before = self.index.text[:head.idx]
        names = set(re.findall(rf"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)+), {age},", before))
        names |= set(re.findall(rf"{age}-year-old ((?:[A-Z][\w'’-]+ )*[A-Z][\w'’-]+)", before))
        people = {e.id: e for name in names
                  for e in [self.registry.by_key("PERSON", name)
                            or self.registry.by_surname(name.split()[-1])] if e is not None}
        return next(iter(people.values())) if len(people) == 1 else None

    def _sole_holder(self, head: Token) -> Entity | None:
        """"Lena Weber said the mayor had stressed ... Mayor Ivo Brandt struck
        a more conciliatory tone": a definite title met before its holder is
        named is the one person the article gives that title, when it
        gives it to exactly one ("Mayor Ivo Brandt"), and only then."""
        doc = self.index.doc
        holders = []
        for token in doc[head.i + 1:]:
            if (token.lemma_.lower() == head.lemma_.lower() and token.dep_ == "compound"
                    and token.head.pos_ == "PROPN"):
                holders.append(token.head)
        people = {self.resolve(t).id: t for t in holders}
        if len(people) != 1:
            return None
        entity = self.registry.entities[next(iter(people))]
        return entity if entity.type == "PERSON" else None

    def _salient_person(self, head: Token) -> Entity | None:
        """"Clinton spoke in Ohio. The former secretary of state said": a
        definite title no earlier role matches is the person the last
        sentences were about (a speaker or a named subject)."""
        gender = role_nouns().get(head.lower_) or role_nouns().get(head.lemma_.lower())
        place = _office_place(head)
        # not someone named in the statement's own quote
        for entity, rank, back in self.index.candidates_before(head.i, _EPITHET_WINDOW,
                                                                self._statement):
            if (rank >= 1 and entity.type == "PERSON" and not entity.plural
                    and entity.gender in (None, gender or entity.gender)
                    and entity.id not in self._taken
                    and entity.name.lower() not in _UNRESOLVED_SPEAKERS  # "I" is no mayor
                    and not _office_elsewhere(entity, place)
                    and _title_may_be(head, entity)):
                return entity
        return None

    def _epithet_antecedent(self, head: Token, ent) -> Entity | None:
        """"McConnell ... the Kentucky Republican said": a party or
        nationality word with "the", in the singular, is a person met before,
        not the group it names."""
        if (ent.label_ != "NORP" or head.lower_ not in party_members()
                or head.tag_ not in ("NNP", "NN") or not _is_bare_definite(head)):
            return None
        for entity, _, _ in self.index.candidates_before(head.i, PRONOUN_WINDOW):
            if entity.type == "PERSON" and not entity.plural and entity.id not in self._taken:
                return entity
        return None

    def _name_apposed_to(self, noun: Token) -> Token | None:
        """The name a common noun stands in apposition to ("Ann Lutz, the
        party's treasurer"), or None."""
        ent = self.index.named_entity_for(noun)
        if ent is None or noun.i in range(ent.start, ent.end) or noun.dep_ != "appos":
            return None
        return noun.head

    def _with_owner_named(self, mention: Mention) -> Mention:
        """"His lawyer" -> "Bryan Pagliano's lawyer": a possessive pronoun in
        a nominal replaced by the name it refers to, when that is known."""
        if mention.kind != "nominal":
            return mention
        owner = next((c for c in mention.head.children if c.dep_ == "poss"
                      and c.lower_ in _POSSESSIVE_PRONOUNS and c.i < mention.head.i), None)
        if owner is None or not mention.name.lower().startswith(owner.lower_ + " "):
            return mention
        gender, number = _POSSESSIVE_PRONOUNS[owner.lower_]
        found = _pick(self.index.candidates_before(owner.i, PRONOUN_WINDOW), gender, number)
        if found is None or found.name.lower() in pronouns():
            return mention  # an owner nobody resolved ("she") names no one: "her brother"
        return replace(mention, name=f"{found.name}'s {mention.name[len(owner.text) + 1:]}")

    def _antecedent(self, mention: Mention) -> Entity | None:
        if mention.kind == "pronoun":
            return self._pronoun_antecedent(mention)
        if mention.kind == "name":
            return self._name_antecedent(mention)
        return self._nominal_antecedent(mention)

    def _pronoun_antecedent(self, mention: Mention) -> Entity | None:
        word = mention.head.lower_
        if word in _FIRST_PERSON:
            return None
        gender, number = pronouns()[word]
        candidates = self.index.candidates_before(mention.head.i, PRONOUN_WINDOW, self._statement)
        # "he told Hannity": a pronoun is not its own verb's object
        ids, words = (self.index.co_arguments(mention.head) if word in _SUBJECT_PRONOUNS
                      else (set(), set()))
        found = _pick((c for c in candidates
                       if c[0].id not in ids and c[0].name.split()[-1] not in words),
                      gender, number)
        if found is not None:
            if gender in ("m", "f"):
                found.type = "PERSON"  # "he" makes a name of unknown type a person
            return found
        # the same unresolved pronoun again ("He said ... He added") is one speaker
        return self.registry.by_key(mention.type, mention.name)

    def _name_antecedent(self, mention: Mention) -> Entity | None:
        words = mention.name.split()
        if (len(words) == 1 and in_headline(self.index.text, mention.head.idx)
                and words[0].lower() in (role_nouns().keys() | org_nouns())):
            # a headline's capitalised "Minister:" is a title, like "minister says"
            below = self._named_below(mention)
            if below is not None:
                self.via = "title"
                return below
        if len(words) == 1:
            # a lone "Ban" the recogniser missed: a surname, or the first word
            # of one full name ("Ban Ki-moon")
            # "Mr Okafor" is no Ngozi Okafor: the honorific's gender must fit
            found = self.registry.surname_of(mention) or self.registry.by_given_name(words[0])
            if found is not None:
                return found
            if self.registry.people_with_surname(words[0]):
                return None  # a namesake of the other sex: kept apart, honorific and all
        for type_ in (mention.type, "PERSON", "ORG", "OTHER"):
            found = self.registry.by_key(type_, mention.name)
            if found is not None:
                return found
        if mention.type == "PERSON" and len(words) > 1:
            # the full name of a lone surname met before ("Marrow said")
            return self.index.fill_out_surname(mention.name, mention.head.i)
        return None

    def _nominal_antecedent(self, mention: Mention) -> Entity | None:
        """"the minister" -> the last entity whose role holds "minister"."""
        head = mention.head
        aged = self._person_of_age(head)
        if aged is not None:
            self.via = "title"
            return aged
        if in_headline(self.index.text, head.idx):
            below = self._named_below(mention)
            self.via = "title" if below is not None else None
            return below
        if head.text.istitle() and not any(c.dep_ == "det" for c in head.children):
            # "Trump: I'm the worst ..." tagged a common noun: still a surname
            found = self.registry.by_surname(head.text)
            if found is not None:
                return found
        if mention.definite:
            word, modifiers = required_words(mention.head)
            found = self.registry.by_role_word(word, modifiers, mention.head.i, mention.plural)
            if found and mention.type == "PERSON":
                # of two presidents, the one the reader met last ("President
                # Obama ... President Assad ... Mr. Obama ... the president")
                return max(found, key=lambda e: self.index.last_seen(e.id, mention.head.i))
            if found:
                return found[0]
            if (mention.type == "PERSON" and not mention.plural and _is_bare_definite(mention.head)
                    and mention.head.lemma_.lower() not in empty_nouns()):
                salient = self._salient_person(mention.head)
                if salient is not None:
                    return salient
                holder = self._sole_holder(mention.head)
                if holder is not None:
                    self.via = "title"
                return holder
        if ((mention.type == "ORG" or mention.head.lemma_.lower() in _ANY_FIRM)
                and mention.definite and not mention.plural):
            found = self._salient_body(mention.head)
            if found is not None:
                return found
        if mention.type == "ORG" or mention.plural:
            # "police said ... police added": one body, however often named
            return self.registry.by_key(mention.type, mention.name)
        return None

    def _salient_body(self, head: Token) -> Entity | None:
        """"Velta Motors is recalling 86,000 cars ... The carmaker said": a
        definite body noun is the named body the last sentences were about
        (a speaker or a subject), when its name fits the noun ("the bank"
        for "Harlow Savings Bank") or the noun names any firm ("the company",
        "the carmaker"); never a body of another kind ("the ministry" is no
        company)."""
        if not _is_bare_definite(head):
            return None
        noun = head.lemma_.lower()
        for entity, rank, _ in self.index.candidates_before(head.i, _EPITHET_WINDOW,
                                                            self._statement):
            if rank < 1 or entity.type != "ORG" or entity.plural or entity.id in self._taken:
                continue
            own = entity.name.split()[-1].lower()
            if own == noun or (noun in _ANY_FIRM and own not in org_nouns() - _ANY_FIRM):
                return entity
        return None


# Nouns that may stand for any firm the story is about.
_ANY_FIRM = frozenset({"company", "firm", "group", "carmaker", "automaker", "airline",
                       "lender", "retailer", "insurer", "manufacturer", "maker", "operator",
                       "conglomerate", "corporation", "business", "chain", "brand"})
_HEADLINE_REACH = 3  # paragraphs below a headline that may introduce its speaker


def _end_of_paragraphs(text: str, at: int, count: int) -> int:
    """Where the ``count``-th paragraph after the one holding ``at`` ends."""
    end = at
    for _ in range(count + 1):
        found = text.find("\n\n", end + 1)
        if found < 0:
            return len(text)
        end = found
    return end


def _name_after_descriptor(head: Token) -> Token:
    """"the news agency Sarnik", "The agency Norpress": a common noun right
    before the name it describes, which the parser made a second subject of
    the same verb; the name is the speaker."""
    doc = head.doc
    after = head.i + 1
    if head.pos_ != "NOUN" or after >= len(doc):
        return head
    name = doc[after]
    if (name.pos_ == "PROPN" and name.dep_ == head.dep_ and name.head.i == head.head.i
            and head.dep_ in ("nsubj", "nsubjpass")):
        return name
    # "The news agency Baltor reported", parsed as the agency that Baltor reported
    if (name.pos_ == "PROPN" and head.lemma_.lower() in org_nouns()
            and name.dep_ in ("nsubj", "nsubjpass") and name.head.i != head.i
            and head.head.i != name.i and head.dep_ in ("ROOT", "nsubj")):
        return name
    return head


def coordinated(head: Token, within: set[int]) -> list[Token]:
    """``head`` and the nouns joined to it by "and" inside the source span
    ("Regulators and environmental groups"), unless one name holds them all
    ("Johnson & Johnson")."""
    members = [head]
    for token in head.subtree:
        if (token.dep_ == "conj" and token.head.i in {m.i for m in members}
                and token.i in within and token.pos_ in ("NOUN", "PROPN", "PRON")
                and not _same_entity(token, head)):
            members.append(token)
    if len(members) > 1 and not any(c.dep_ == "cc" and c.lower_ in ("and", "&")
                                    for m in members for c in m.children):
        return [head]
    return members


def _is_bare_definite(head: Token) -> bool:
    """"the (Kentucky) Republican", with nothing after it that would bring in
    someone new ("the Republican from Alabama", "the Republican who ...").
    A clause set off by a comma or dash only describes who it is ("The
    justice -- who has clashed with the nominee -- said")."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) and not any(
        c.i > head.i and c.dep_ in ("prep", "relcl", "acl") and not _set_off(head, c)
        and not _race_run_for(c) and not _place_of_office(c) for c in head.children)


_EPITHET_MODIFIERS = frozenset({"amod", "compound", "nummod", "npadvmod", "nmod"})


def _title_may_be(head: Token, entity: Entity) -> bool:
    """Whether a definite title no role matched may still be ``entity``: never
    when the article gave them another office ("Governor Ines Calder" is no
    health inspector, "Judge Maria Ostrow" may be "the appeals judge", but
    "President Aldane" is not "the President of Ostrania"); with no office known, only for an epithet that says
    more than a job ("the former secretary of state", "the 54-year-old",
    "the Kentucky Republican", "the President of Ostrania"): a bare "the inspector" or "the driver" is
    someone new, and stays as written."""
    place = _office_place(head)
    if entity.role:
        words = entity.role.lower().split()
        return (head.lower_ in words or head.lemma_.lower() in words) and (
            place is None or place in words)
    return place is not None or any(c.dep_ in _EPITHET_MODIFIERS and c.i < head.i
                                    for c in head.children)


def _office_elsewhere(entity, place: str | None) -> bool:
    """"President of Valdor" is not "the President of Ostrania"."""
    if place is None or not entity.role:
        return False
    held = re.search(r"\bof\s+(\w+)", entity.role)
    return held is not None and held.group(1).lower() != place


def _place_of_office(prep: Token) -> bool:
    """"the President of Ostrania": the place a title is of, not someone new."""
    return prep.lower_ == "of" and any(c.dep_ == "pobj" and c.ent_type_ == "GPE"
                                       for c in prep.children)


def _office_place(head: Token) -> str | None:
    """"ostrania" of "the President of Ostrania", None without one."""
    for prep in head.children:
        if _place_of_office(prep):
            return next(c.lower_ for c in prep.children if c.dep_ == "pobj")
    return None


def _race_run_for(prep: Token) -> bool:
    """"the nominee for the Nov. 8 election", "the candidate for president":
    what a title is for, not someone new."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return prep.lower_ == "for" and bool(objects) and all(
        o.lemma_.lower() in _RACES for o in objects)


_RACES = frozenset({"election", "nomination", "president", "presidency", "office", "seat",
                    "race", "primary", "senate", "congress", "governor", "mayor"})


def _set_off(head: Token, clause: Token) -> bool:
    first = min(t.i for t in clause.subtree)
    return clause.dep_ != "prep" and any(
        t.is_punct and t.text in (",", "--", "-", "\u2014", "\u2013")
        for t in head.doc[head.i + 1:first + 1])


def _first_conjunct(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _same_entity(a: Token, b: Token) -> bool:
    return bool(a.ent_iob_ in ("B", "I") and b.ent_iob_ in ("B", "I")
                and a.doc[a.i].ent_type_ == b.ent_type_
                and any(a.i in range(e.start, e.end) and b.i in range(e.start, e.end)
                        for e in a.doc.ents))


def _pick(candidates, gender: str, number: str) -> Entity | None:
    """The first candidate sure to agree. One of unknown gender is held; it
    yields to a sure one no further back, unless it spoke an attribution in
    an earlier sentence ("Christie described Hillary Clinton ... after she
    attacked": Clinton; "Christie blasted Trump. “...,” he said": Christie)."""
    held = None
    held_rank = held_back = 0
    for entity, rank, back in candidates:
        grade = _agreement(entity, gender, number)
        if grade == 0:
            continue
        if held is not None and held_rank == 2 and held_back > 0 and held.proper:
            break  # a generic "a sitting justice" does not hold off a named one as near
        if held is not None and back > held_back:
            continue
        if grade == 2:
            return entity
        if held is None:
            held, held_rank, held_back = entity, rank, back
    return held


def _agreement(entity: Entity, gender: str, number: str) -> int:
    """2: agrees for sure; 1: agrees if its unknown gender fits; 0: no."""
    if entity.name.lower() in _UNRESOLVED_SPEAKERS:
        return 0  # an "I" nobody resolved is not the "he" of the next line
    if gender in ("m", "f"):
        person = entity.type == "PERSON" or (entity.type == "OTHER" and entity.proper)
        if not person or entity.plural or entity.gender not in (None, gender):
            return 0
        return 2 if entity.gender == gender else 1
    if gender == "n":
        return 2 if entity.type in ("ORG", "GPE") or (
            entity.type == "OTHER" and not entity.plural) else 0
    return 2 if entity.plural or entity.type in ("ORG", "NORP", "GPE") else 0

