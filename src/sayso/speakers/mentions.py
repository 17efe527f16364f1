"""What one noun phrase says about who it names: name, type, role, gender.

Works on the parse around a head token only; linking mentions to each other
is ``registry``'s job, resolving pronouns and nominals ``coref``'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .lexicon import (PROXY_ONLY_WITH_PREPOSITION, empty_nouns, generic_body_words,
                      given_name_gender, given_names, honorifics, org_nouns, pronouns, proxy_nouns,
                      reporting_verbs, role_nouns, role_synonyms)
from .spans import ARTICLES, char_span_of, inside_word, unbroken_around, phrase_tokens, tokens_text

# spaCy entity labels kept as speaker types; the rest are not speakers.
NAMED_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP",
                "LOC": "GPE", "FAC": "ORG"}
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ"})
# Clauses and asides that follow a noun but are not part of its name.
_NOT_NAME = frozenset({"appos", "relcl", "acl", "advcl", "punct", "cc", "conj"})
# "those familiar with the talks" is a name; a whole clause after "those" is not.
_LONGEST_CLAUSE_NAME = 7
_NOT_ROLE = frozenset({"relcl", "acl", "advcl", "conj", "cc"})


@dataclass
class Mention:
    """One noun phrase read on its own.

    ``kind`` is "name" (a proper name), "pronoun" or "nominal" (a common
    noun phrase such as "the minister"); ``heads`` are the head words of its
    role and (for organisations) its name, ``words`` all their content
    words, lower-cased, for matching "the finance minister" later.
    """

    kind: str
    head: Token
    name: str
    type: str = "OTHER"
    role: str | None = None
    gender: str | None = None
    plural: bool = False
    span: tuple[int, int] = (0, 0)
    heads: frozenset[str] = field(default_factory=frozenset)
    words: frozenset[str] = field(default_factory=frozenset)
    definite: bool = False


def noun_of(token: Token) -> Token:
    """The noun a source token stands for: the object of "according to",
    the antecedent of a relative "who", the subject of a verb."""
    for _ in range(3):
        if token.pos_ == "ADP" or token.lower_ == "according" or token.dep_ in ("prep", "agent"):
            inner = next((c for c in token.children if c.dep_ in ("pobj", "prep")), None)
            if inner is None:
                return token
            token = inner
        elif token.lower_ in RELATIVE_PRONOUNS and token.dep_.startswith("nsubj"):
            return _antecedent_of_relative(token)
        elif (relative := _relative_part_of(token)) is not None:
            return relative
        elif token.pos_ in ("VERB", "AUX"):
            # a source span that took in its clause: the clause's subject
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None:
                return token
            token = subject
        else:
            return token
    return token


def _relative_part_of(token: Token) -> Token | None:
    """"many of whom said" -> the noun the relative clause hangs on ("the
    families, many of whom said ..."), or None when ``token`` is no such part."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.lower_ in ("whom", "which"):
                    clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
                    return clause.head if clause is not None else None
    return None


def _antecedent_of_relative(token: Token) -> Token:
    """"Jonas Berg, who said ..." -> Berg; when the parser missed the
    relative clause, the noun just before the pronoun."""
    if token.head.dep_ == "relcl":
        return token.head.head
    before = token.doc[token.i - 1] if token.i > 0 else token
    if before.pos_ == "PUNCT" and before.i > 0:
        before = token.doc[before.i - 1]
    return before if before.pos_ in ("NOUN", "PROPN") and token.lower_ != "that" else token


def is_pronoun(token: Token) -> bool:
    # an untagged doc has no parts of speech; the word alone must do
    return token.pos_ in ("PRON", "") and token.lower_ in pronouns()


def describe(head: Token, ent: SpacySpan | None) -> Mention:
    """Read the phrase headed by ``head``; ``ent`` is the named entity that
    contains ``head``, or one in apposition to it, if any."""
    if is_pronoun(head):
        return describe_pronoun(head)
    if ent is not None:
        return describe_named(ent, head)
    # a lower-case word the tagger called a proper noun ("the prime minister") is none
    if head.pos_ == "PROPN" and head.text[:1].isupper() and not _is_capitalised_title(head):
        return describe_bare_name(head)
    return describe_nominal(head)


def _is_capitalised_title(head: Token) -> bool:
    """"the Chancellor", "The Minister": a title written with a capital,
    which refers back to its holder like "the minister" does."""
    return ((head.lower_ in role_nouns() or head.lemma_.lower() in role_nouns())
            and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
            and not any(c.dep_ in ("compound", "flat", "appos") and c.pos_ == "PROPN"
                        for c in head.children))


def describe_pronoun(head: Token) -> Mention:
    gender, number = pronouns()[head.lower_]
    gendered = gender in ("m", "f")
    return Mention("pronoun", head, head.text if head.lower_ == "i" else head.lower_,
                   type="PERSON" if gendered or head.lower_ in ("i", "me") else "OTHER",
                   gender=gender if gendered else None, plural=number == "pl",
                   span=char_span_of([head]))


def describe_named(ent: SpacySpan, anchor: Token | None = None) -> Mention:
    """A named entity with its title, apposition and gender cues; ``anchor``
    is a title the name stands in apposition to ("the spokesman, Tom Ruiz")."""
    root = ent.root
    ent_tokens = unbroken_around([t for t in ent if t.text not in _POSSESSIVE], root)
    # "Ms Velic", "Major General Lenk" tagged GPE or ORG: a title says a person
    titled = _titled_person(ent_tokens)
    lead, name_tokens = _split_titles(_without_edge_marks(ent_tokens),
                                      people=ent.label_ == "PERSON" or titled)
    if not name_tokens:  # an entity of titles or marks alone ("―", "Sen."): keep its words
        lead, name_tokens = [], ent_tokens or [root]
    label = NAMED_LABELS.get(ent.label_, "OTHER")
    person_at = _person_name_start(name_tokens) if label in ("ORG", "GPE") else 0
    if person_at:
        # "Fox News Sean Hannity": the outlet is the role, the person the name
        lead, name_tokens = lead + name_tokens[:person_at], name_tokens[person_at:]
        label = "PERSON"
    prefix = lead or _prefix_titles(root, ent.start)
    if lead:
        # "General Staff spokesman Major General Davor Lenk": the rank inside
        # the name, whom he speaks for before it
        outer = _prefix_titles(root, ent.start)
        if _speaks_for(outer) and not _speaks_for(lead):
            prefix = outer + lead
    role_tokens = _role_tokens(root, prefix, anchor if anchor is not None and
                               anchor.i not in range(ent.start, ent.end) else None)
    if label in ("ORG", "GPE") and (_looks_like_person(name_tokens) or _described_as_person(root)
                                    or (titled and lead and len(name_tokens) <= 2)
                                    or _after_personal_title(prefix, name_tokens)):
        label = "PERSON"
    elif label == "PERSON" and not prefix and _described_as_body(root, name_tokens):
        label = "ORG"
    gender = _honorific_gender(prefix)
    if label == "PERSON":
        gender = gender or _role_gender(role_tokens) or _given_name_gender(name_tokens)
    named = name_tokens if label != "PERSON" else []
    return Mention("name", root, _name_text(name_tokens, label), type=label,
                   role=tokens_text(role_tokens) or None, gender=gender,
                   plural=label == "NORP", span=char_span_of(name_tokens),
                   heads=_heads(role_tokens) | _heads(named),
                   words=_words(role_tokens) | _words(named))


def describe_bare_name(head: Token) -> Mention:
    """A proper name the entity recogniser missed: its compound chain."""
    phrase = _after_last_conjunction([t for t in phrase_tokens(head, _NOT_NAME) if t.i <= head.i])
    run = _without_edge_marks(_without_owner(phrase) or
                              [t for t in phrase if t.text not in _POSSESSIVE])
    portfolio, run = _split_portfolio(run)
    prefix, name_tokens = _split_titles(run or [head])
    prefix = portfolio + prefix
    named = _name_after_description(name_tokens)
    described = name_tokens[:len(name_tokens) - len(named)]
    # "the Tarsian state news agency TNA": a body, named by its last words
    body = bool(described) and described[-1].lemma_.lower() in org_nouns()
    if body:
        name_tokens = named
    role_tokens = [] if body else (_role_tokens(head, prefix, None) or portfolio)
    gender = _honorific_gender(prefix) or _role_gender(role_tokens)
    if not gender and len(name_tokens) > 1 and not body:
        # "Aoife Brennan", missed by the recogniser: a given name says a person
        gender = given_name_gender(name_tokens[0].text)
    kind_type = "PERSON" if gender or role_tokens else "OTHER"
    if head.lemma_.lower() in org_nouns() or body:
        kind_type = "ORG"
    return Mention("name", head, _without_bullet(tokens_text(name_tokens)), type=kind_type,
                   role=tokens_text(role_tokens) or None, gender=gender,
                   span=char_span_of(name_tokens),
                   heads=_heads(role_tokens), words=_words(role_tokens))


def _split_portfolio(run: list[Token]) -> tuple[list[Token], list[Token]]:
    """"Minister of Economy Saskia Drommel" -> (Minister of Economy, Saskia
    Drommel): a title's "of" phrase belongs to the title, not the name."""
    for k, token in enumerate(run[1:-1], start=1):
        if token.lower_ == "of" and _is_role_word(run[k - 1]):
            objects = [c for c in token.children if c.dep_ == "pobj"]
            if not objects:
                return [], run
            last = max(t.i for t in objects[0].subtree)
            rest = [t for t in run if t.i > last]
            return ([t for t in run if t.i <= last], rest) if rest else ([], run)
    return [], run


def describe_nominal(head: Token) -> Mention:
    """A common noun phrase: "the press office", "a ministry spokesman"."""
    # "those surveyed", "some familiar with the talks": the participle is the name
    run = _without_edge_marks(phrase_tokens(head, _NOT_NAME)) or [head]
    if head.pos_ == "PRON" or head.lemma_.lower() in empty_nouns():
        longer = _without_edge_marks(phrase_tokens(head, _NOT_NAME - {"acl", "relcl"}))
        run = longer if len(longer) <= _LONGEST_CLAUSE_NAME else run
    lemma = head.lemma_.lower()
    if lemma in org_nouns() or head.lower_ in org_nouns():
        kind_type = "ORG"
    elif lemma in role_nouns() or head.lower_ in role_nouns():
        kind_type = "PERSON"
    else:
        kind_type = "OTHER"
    definite = any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE for c in head.children)
    # the mention keeps its article ("The minister"); the name drops it
    first = run[0].doc[run[0].i - 1] if run[0].i > 0 else run[0]
    first = first if first.lower_ in ARTICLES and first.head.i == head.i else run[0]
    while len(run) > 1 and run[-1].dep_ == "case":
        run = run[:-1]  # "the Belovan government's [readout]": the owner is the name
    return Mention("nominal", head, without_acronym_gloss(tokens_text(run)), type=kind_type,
                   gender=role_nouns().get(head.lower_) or role_nouns().get(lemma),
                   plural=head.tag_ in ("NNS", "NNPS"),
                   span=(first.idx, char_span_of(run)[1]),
                   heads=_heads([head]), words=_words(run), definite=definite)


def required_words(head: Token) -> tuple[str, frozenset[str]]:
    """What "the finance minister" must match: its head word, and the
    modifiers a matching role must also contain (time words excepted)."""
    mods = {c.lower_ for c in head.children
            if c.dep_ in ("compound", "amod", "nmod") and c.lower_ not in _LOOSE}
    # "the government in Beijing" is not the German government met before
    mods.update(o.lower_ for c in head.children if c.dep_ == "prep" and c.i > head.i
                for o in c.children if o.dep_ == "pobj" and o.pos_ == "PROPN")
    title = role_synonyms().get(head.lower_)
    if title:
        # "the premier" asks what "Prime Minister" holds
        *extra, word = title.split()
        return word, frozenset(mods | set(extra))
    return head.lower_, frozenset(mods)


# "the new minister" still matches "Finance Minister Anna Weber".
_LOOSE = frozenset({"then", "new", "current", "outgoing", "incoming", "acting",
                    "interim", "top", "senior"})
# ...but "the president" is not "Vice President Biden": these words make
# another office, so a role holding one matches only a nominal that says it.
OTHER_OFFICE = frozenset({"vice", "deputy", "assistant", "under", "former", "ex", "associate"})


def _heads(tokens: list[Token]) -> frozenset[str]:
    """The head word of a run of tokens, as written and as lemma."""
    if not tokens:
        return frozenset()
    inside = {t.i for t in tokens}
    root = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1])
    return frozenset({root.lower_, root.lemma_.lower()})


def _words(tokens: list[Token]) -> frozenset[str]:
    words = set()
    for t in tokens:
        if t.pos_ in _CONTENT_POS:
            words.add(t.lower_)
            words.add(t.lemma_.lower())
    return frozenset(words)


def _is_honorific(token: Token) -> bool:
    return token.lower_.rstrip(".") in honorifics()


def _is_role_word(token: Token) -> bool:
    return token.lower_ in role_nouns() or token.lemma_.lower() in role_nouns()


def _without_owner(phrase: list[Token]) -> list[Token]:
    """"Twitter's Adam Sharp" -> "Adam Sharp": the part after a possessive,
    when it is a name of two words or more ("China's foreign ministry" and
    "the coroner's Office" keep their owner); empty when there is none."""
    marks = [k for k, t in enumerate(phrase) if t.text in _POSSESSIVE]
    rest = phrase[marks[-1] + 1:] if marks else []
    named = len(rest) >= 2 and all(t.pos_ == "PROPN" and t.is_title for t in rest)
    return rest if named and rest[-1].lemma_.lower() not in org_nouns() else []


def _split_titles(tokens: list[Token], people: bool = True) -> tuple[list[Token], list[Token]]:
    """("Finance Minister", "Anna Weber") from "Finance Minister Anna Weber":
    up to the last honorific or title before the final word (for people), and
    any lower-case words, common nouns or dashes leading the name ("CHICAGO -"
    before a dateline's name)."""
    cut = 0
    for k, t in enumerate(tokens[:-1]):
        if people and (_is_honorific(t) or _is_role_word(t)):
            cut = k + 1
        elif cut == k and (t.is_lower or t.pos_ == "NOUN" or (t.is_punct and not inside_word(t))):
            cut = k + 1  # "the" of "the Finance Ministry", not "of" in "Bank of England"
    if cut and all(t.lower_ in generic_body_words() for t in tokens[cut:]):
        cut = 0  # "General Staff" is a body, not a general named Staff
    return tokens[:cut], tokens[cut:]


def _role_tokens(root: Token, prefix: list[Token], anchor: Token | None) -> list[Token]:
    """The role, by preference: the title before the name ("Kremlin
    spokesman"), the title the name is in apposition to, the apposition
    after the name ("a spokesman for the port authority")."""
    titles = [t for t in prefix if not _is_honorific(t)]
    while titles and titles[0].lower_ in ARTICLES:
        titles = titles[1:]
    title = _role_run(titles) if _is_role_run(titles) else []
    described = (_role_run(_before_name(phrase_tokens(anchor, _NOT_NAME))) if anchor is not None
                 else _apposition_role(root) if title else [])
    # "the Ministry's spokesman, Colonel Gerd Mallin": whom he speaks for
    # says more than his rank
    if title and not _speaks_for(title) and _speaks_for(described):
        return _without_dangling(described)
    return _without_dangling(title or described or _apposition_role(root))


_DANGLING_TAGS = frozenset({"ADP", "DET", "PUNCT", "CCONJ", "PART"})


def _without_dangling(tokens: list[Token]) -> list[Token]:
    """A role does not end on "of", "the" or a comma ("head of the nurses'
    union," -> "head of the nurses' union")."""
    while tokens and tokens[-1].pos_ in _DANGLING_TAGS and tokens[-1].text not in ("'", "’"):
        tokens = tokens[:-1]
    return tokens


def _before_name(tokens: list[Token]) -> list[Token]:
    """A title's words up to the person's name the parser put inside it
    ("Minister of Maritime Affairs Joost Vennel")."""
    inside = {t.i for t in tokens}
    top = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), None)
    cut = next((k for k, t in enumerate(tokens) if k and (
        t.ent_type_ == "PERSON" and not _place_of_title(t) or _in_apposition(t, top))),
        len(tokens))
    return tokens[:cut]


def _in_apposition(token: Token, top: Token | None) -> bool:
    """A word of a name the parser hung inside the title as an apposition
    ("the chief executive of Harbour Bank, Ines Moura")."""
    for t in [token, *token.ancestors]:
        if top is None or t.i == top.i:
            return False
        if t.dep_ == "appos":
            return True
    return False


def _place_of_title(token: Token) -> bool:
    """"Lusova" in "the prime minister of Lusova, Aron Belic", whatever the
    recogniser typed it: a lone name after the title's "of"."""
    return (token.dep_ == "pobj" and token.head.lower_ == "of"
            and not any(c.dep_ in ("compound", "flat") for c in token.children))


def _speaks_for(tokens: list[Token]) -> bool:
    if any(t.ent_type_ == "PERSON" for t in tokens):
        return False  # "Varro, the Ministry's spokesman, Colonel Mallin": someone else's role
    return speaks_for_someone(" ".join(t.lower_ for t in tokens))


def speaks_for_someone(role: str | None) -> bool:
    """Whether a role is a proxy's ("General Staff spokesman"), not a rank or
    office ("Colonel", "U.S. Representative")."""
    words = f" {' '.join((role or '').lower().split())} "
    return any(re.search(rf" {re.escape(noun)} (?:for|of|to|at|with|from|in) ", words)
               if noun in PROXY_ONLY_WITH_PREPOSITION else f" {noun} " in words
               for noun in proxy_nouns())


def _prefix_titles(root: Token, ent_start: int) -> list[Token]:
    """Words of the noun phrase before the name: "Kremlin spokesman"."""
    doc = root.doc
    run = _after_last_conjunction([doc[i] for i in range(root.left_edge.i, ent_start)])
    while run and (run[0].lower_ in ARTICLES or run[0].pos_ == "PUNCT"):
        run.pop(0)
    return run if all(t.pos_ != "PUNCT" or t.text in ("-", ".") for t in run) else []


def _after_last_conjunction(tokens: list[Token]) -> list[Token]:
    """"Harrow United coach Sven Ødegaard and captain Elif Demir": the words
    before a second name, from the "and" on, are its own; a parse that
    hangs the first person on the second one does not give her his title."""
    cut = max((k for k, t in enumerate(tokens) if t.pos_ == "CCONJ"), default=-1)
    return tokens[cut + 1:]


def _role_run(tokens: list[Token]) -> list[Token]:
    """A role without a leading possessive pronoun ("Its chairman")."""
    while tokens and tokens[0].tag_ == "PRP$":
        tokens = tokens[1:]
    return tokens


def _is_role_run(tokens: list[Token]) -> bool:
    return bool(tokens) and (_is_role_word(tokens[-1]) or tokens[-1].pos_ == "NOUN")


def _apposition_role(root: Token) -> list[Token]:
    """"Tom Ruiz, a spokesman for the port authority," -> the apposition,
    when it names an office or a body, or is a noun with its own complement
    ("head of the Tax Policy Center"); "Trump, all times" is a misparse."""
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and _is_role_phrase(child):
            return _role_run(phrase_tokens(child, _NOT_ROLE))
    return []


def _is_role_phrase(head: Token) -> bool:
    lemma = head.lemma_.lower()
    if lemma in role_nouns() or lemma in org_nouns():
        return True
    return head.tag_ == "NN" and any(
        c.dep_ == "prep" and c.lower_ in _ROLE_PREPS for c in head.children)


# "adviser to", "head of", "spokesman for", "professor at", "partner with"
_ROLE_PREPS = frozenset({"of", "for", "at", "to", "with"})


def _honorific_gender(tokens: list[Token]) -> str | None:
    for t in tokens:
        gender = honorifics().get(t.lower_.rstrip("."))
        if gender:
            return gender
    return None


def _role_gender(tokens: list[Token]) -> str | None:
    for t in reversed(tokens):
        gender = role_nouns().get(t.lower_)
        if gender:
            return gender
    return None


def _given_name_gender(name_tokens: list[Token]) -> str | None:
    # a given name alone ("David said") tells too, but only one of our own
    # list: gender-guesser's table holds surnames that are also given names
    # somewhere ("Clinton", "Brennan"), which would make Mrs Brennan a man
    if not name_tokens:
        return None
    if len(name_tokens) == 1:
        return given_names().get(name_tokens[0].text)
    return given_name_gender(name_tokens[0].text)


def _titled_person(tokens: list[Token]) -> bool:
    """An honorific ("Ms", "Dr.") or a title ("Colonel", "Major General") and
    then a surname the article gives elsewhere after a given name ("Dana
    Velic"): not "General Motors" or "Dr Pepper"."""
    lead = 0
    while lead < len(tokens) - 1 and (_is_honorific(tokens[lead]) or _is_role_word(tokens[lead])):
        lead += 1
    rest = tokens[lead:]
    if lead == 0 or not 1 <= len(rest) <= 2 or not all(t.text[:1].isupper() for t in rest):
        return False
    surname = rest[-1]
    if len(rest) == 2 and _given_name_like(rest[0]):
        return True  # "Major General Davor Lenk": a full name after the title
    return any(len(e) >= 2 and e[-1].text == surname.text and e[-1].i != surname.i
               and _given_name_like(e[-2]) for e in surname.doc.ents)


def _given_name_like(token: Token) -> bool:
    """"Davor" of "Davor Lenk": capitalised, and no title or generic body word."""
    return (token.text[:1].isupper() and token.is_alpha and not _is_honorific(token)
            and not _is_role_word(token) and token.lower_ not in generic_body_words())


def _looks_like_person(name_tokens: list[Token]) -> bool:
    """An ORG or GPE label on "Bruno" or "Marta Okafor": a known given name leads it."""
    return (len(name_tokens) <= 3 and all(t.pos_ == "PROPN" for t in name_tokens)
            and name_tokens[0].text in given_names())


def _person_name_start(tokens: list[Token]) -> int:
    """Where a person's name begins after an outlet or a place in one
    recognised name ("Fox News Sean Hannity", "Ohio Ann Brook"): a known
    given name and one or two more capitalised words to the end; 0 if none."""
    for k in range(1, len(tokens) - 1):
        tail = tokens[k:]
        if (tokens[k].text in given_names() and len(tail) <= 3
                and tokens[k].doc[tokens[k].i - 1].whitespace_
                and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in tail)
                and tail[-1].lemma_.lower() not in org_nouns()):
            return k
    return 0


def _after_personal_title(prefix: list[Token], name_tokens: list[Token]) -> bool:
    """"presidential spokesperson Ilse Marrow" tagged ORG: a personal title
    right before a short proper name."""
    return (bool(prefix) and prefix[-1].pos_ == "NOUN" and _is_role_word(prefix[-1])
            and prefix[-1].lower_ not in _RELATIONAL_NOUNS
            and prefix[-1].i + 1 == name_tokens[0].i and 2 <= len(name_tokens) <= 3
            and all(t.pos_ == "PROPN" and not t.is_upper for t in name_tokens))


# "NATO member Hungary", "Boeing rival Airbus": nouns that also relate bodies
_RELATIONAL_NOUNS = frozenset({"member", "rival", "ally", "host", "partner", "owner", "investor",
                               "head", "neighbour", "neighbor", "client", "supplier", "leader"})


def _described_as_person(root: Token) -> bool:
    """"Christie, who has campaigned ...": an ORG label on someone a
    relative "who" or a personal title describes."""
    for child in root.children:
        if child.dep_ == "relcl" and any(c.lower_ in ("who", "whom") for c in child.children):
            return True
        if child.dep_ == "appos" and child.lemma_.lower() in role_nouns():
            return True
    # "Haruto Sato opened his first noodle bar": a firm's is "its"
    return root.head.pos_ in ("VERB", "AUX") and bool({"his", "her"} & _owners_after(root))


def _described_as_body(root: Token, name_tokens: list[Token]) -> bool:
    """"Dalmar Foods halted deliveries from its plant", "Keller Marine said it
    was close to completing its purchase": a PERSON label on a subject its
    own clause calls "its", whose name opens with no given name."""
    if not name_tokens or given_name_gender(name_tokens[0].text):
        return False
    owners = _owners_after(root)
    return "its" in owners and not {"his", "her"} & owners


def _owners_after(subject: Token) -> set[str]:
    """The possessive words in the clause of a subject, after it ("opened
    his bar", "halted deliveries from its plant"); none for a non-subject."""
    if subject.dep_ != "nsubj":
        return set()
    return {t.lower_ for t in subject.head.subtree if t.dep_ == "poss" and t.i > subject.i}


def _without_edge_marks(tokens: list[Token]) -> list[Token]:
    """Tokens without quote marks and punctuation at either end ("Donald
    Trump ''" where a doubled-apostrophe quote opens right after the name)."""
    start, end = 0, len(tokens)
    while start < end and (tokens[start].is_punct or tokens[start].is_quote
                           or tokens[start].is_space):
        start += 1
    while end > start and (tokens[end - 1].is_punct or tokens[end - 1].is_quote
                           or tokens[end - 1].is_space):
        end -= 1
    return tokens[start:end]


def _name_text(tokens: list[Token], label: str) -> str:
    if label != "PERSON" and len(tokens) > 1 and tokens[0].lower_ == "the":
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1].text[:1].isupper() and is_reporting_word(tokens[-1].lower_):
        tokens = tokens[:-1]  # a headline's verb stuck to the name: "Obama Says"
    if label != "PERSON":
        tokens = _name_after_description(tokens)
    return without_acronym_gloss(_without_bullet(tokens_text(tokens)))


_IRREGULAR = frozenset({"said", "told", "wrote", "spoke"})


def is_reporting_word(word: str) -> bool:
    """"says", "warned", "told": an inflection of a reporting verb."""
    verbs = reporting_verbs()
    if word in _IRREGULAR:
        return True
    stems = []
    if word.endswith("ies"):
        stems.append(word[:-3] + "y")
    elif word.endswith("s"):
        stems += [word[:-1], word[:-2]]  # "says", "pushes"
    if word.endswith("ed"):
        stems += [word[:-2], word[:-1]]  # "warned", "vowed"; "declared"
    return any(stem in verbs for stem in stems if len(stem) > 2)


def _name_after_description(tokens: list[Token]) -> list[Token]:
    """"Tarsian state news agency TNA" -> "TNA": a body's name recognised
    with the lower-case description before it keeps only the name."""
    last_common = max((k for k, t in enumerate(tokens)
                       if t.is_lower and t.is_alpha and t.pos_ in ("NOUN", "ADJ")), default=-1)
    if any(t.pos_ in ("ADP", "CCONJ") for t in tokens[:last_common + 1]):
        return tokens  # "the Bank of England's press office": not a description
    tail = tokens[last_common + 1:]
    if last_common < 0 or not tail or not all(t.pos_ == "PROPN" for t in tail):
        return tokens
    return tail


# "Ardesh Self-Defence Forces (ASDF)", or "(ASDF" once the closing bracket was
# cut as an edge mark: the acronym glossed after a name, not a part of it
# ("Communist Party of India (Marxist)")
_ACRONYM_GLOSS = re.compile(r"\s*\(\s*[A-Z][A-Z0-9&.-]+\s*\)?\s*$")


def without_acronym_gloss(name: str) -> str:
    """The name without the acronym glossed after it."""
    return _ACRONYM_GLOSS.sub("", name) or name


def _without_bullet(name: str) -> str:
    """"-Philip Bump" in a list of links: the dash glued to a name is a bullet."""
    return name.lstrip("-–—•*·").lstrip() or name
