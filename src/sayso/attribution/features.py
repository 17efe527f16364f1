"""Token features for the cue tagger and the cue-anchored role tagger.

Base features are computed once per document; the role tagger adds a few
features per (cue, token) pair that describe where the token stands relative
to the cue: side, distance, sentence offset and the dependency path.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import HEAD, SENT_START
from spacy.tokens import Doc

from ..lexicon import read_rows
from .quotes import find_quotes

# Sentences around the cue's sentence that the role tagger looks at.
WINDOW_BEFORE = 1
WINDOW_AFTER = 1


@lru_cache(maxsize=None)
def load_lexicon(name: str) -> frozenset[str]:
    """A lexicon data file as a set of lower-case entries (comments dropped)."""
    return frozenset(row[0].lower() for row in read_rows("sayso.attribution", name))


@lru_cache(maxsize=None)
def speech_verbs() -> frozenset[str]:
    """The verbs of the reporting lexicon's "# speech" section: saying and
    writing, not belief or intention."""
    from importlib import resources

    text = resources.files("sayso.attribution").joinpath("lexicons/reporting_verbs.txt")
    section, found = None, set()
    for line in text.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            words = line.lstrip("# ").split()
            if words and words[0] in ("speech", "belief,"):
                section = words[0]
            continue
        word = line.split("#")[0].strip().lower()
        if word and section == "speech":
            found.add(word)
    return frozenset(found)


def _shape(word: str) -> str:
    if word.isdigit():
        return "d"
    if word[:1].isupper():
        return "Xx" if word[1:2].islower() else "X"
    if word[:1].isalpha():
        return "x"
    return "p" if not word.isspace() else "s"


def _distance_bucket(n: int) -> str:
    if n <= 3:
        return str(n)
    if n <= 6:
        return "4-6"
    if n <= 12:
        return "7-12"
    if n <= 25:
        return "13-25"
    return "26+"


@dataclass
class TokenTable:
    """Token attributes read out of the Doc once: spaCy Token objects are
    costly to create, and the features look at each token many times."""

    lower: list[str]
    lemma: list[str]
    tag: list[str]
    dep: list[str]
    head: list[int]

    @classmethod
    def from_doc(cls, doc: Doc, tokens: list) -> "TokenTable":
        relative = doc.to_array([HEAD]).astype("int64").tolist()
        head = [i + r for i, r in enumerate(relative)]
        return cls([t.lower_ for t in tokens], [t.lemma_.lower() for t in tokens],
                   [t.tag_ for t in tokens], [t.dep_ for t in tokens], head)


@dataclass
class DocFeatures:
    """Everything the taggers need from one parsed document, computed once."""

    doc: Doc
    table: TokenTable
    base: list[list[str]]   # per-token base features
    sent_of: list[int]      # sentence index of each token
    sent_bounds: list[tuple[int, int]]  # token [start, end) per sentence
    para_of: list[int]      # paragraph index of each token
    quote_of: list[int]     # index of the (outermost) quote holding the token, -1 if none


def build_doc_features(doc: Doc) -> DocFeatures:
    """Compute the per-document feature tables (linear in the document length)."""
    tokens = list(doc)
    table = TokenTable.from_doc(doc, tokens)
    sent_of, sent_bounds = _sentence_tables(doc)
    quote_of = _quote_table(doc, tokens)
    para_of = _paragraph_table(tokens)
    verbs, nouns = load_lexicon("reporting_verbs.txt"), load_lexicon("reporting_nouns.txt")
    base = [_base_features(t, table, verbs, nouns, quote_of[t.i] >= 0) for t in tokens]
    return DocFeatures(doc, table, base, sent_of, sent_bounds, para_of, quote_of)


def _sentence_tables(doc: Doc) -> tuple[list[int], list[tuple[int, int]]]:
    """Sentence index per token and token bounds per sentence (as doc.sents)."""
    starts = [i for i, flag in enumerate(doc.to_array([SENT_START]).astype("int64").tolist())
              if flag == 1 or i == 0]
    # a paragraph break parsed as a sentence of its own stays with the one before,
    # as the taggers were trained on
    starts = [i for k, i in enumerate(starts)
              if k == 0 or not (doc[i].is_space and (k + 1 == len(starts)
                                                      or starts[k + 1] == i + 1))]
    bounds = list(zip(starts, starts[1:] + [len(doc)])) if len(doc) else []
    sent_of = [0] * len(doc)
    for k, (start, end) in enumerate(bounds):
        sent_of[start:end] = [k] * (end - start)
    return sent_of, bounds


def _quote_table(doc: Doc, tokens: list) -> list[int]:
    quote_of = [-1] * len(tokens)
    quotes = [q for q in find_quotes(doc.text) if not q.nested]
    qi = 0
    for tok in tokens:
        while qi < len(quotes) and quotes[qi].end <= tok.idx:
            qi += 1
        if qi < len(quotes) and quotes[qi].start <= tok.idx:
            quote_of[tok.i] = qi
    return quote_of


def _paragraph_table(tokens: list) -> list[int]:
    para_of, para = [0] * len(tokens), 0
    for tok in tokens:
        if tok.is_space and "\n" in tok.text:
            para += 1
        para_of[tok.i] = para
    return para_of


def _base_features(tok, table: TokenTable, verbs: frozenset[str], nouns: frozenset[str],
                   in_quote: bool) -> list[str]:
    i, head = tok.i, table.head[tok.i]
    lemma, dep = table.lemma[i], table.dep[i]
    feats = [
        "b", "w=" + table.lower[i], "l=" + lemma, "t=" + table.tag[i], "d=" + dep,
        "s=" + _shape(tok.text), "hl=" + table.lemma[head], "hd=" + table.dep[head],
        "dt=" + dep + "|" + table.tag[i],
        "e=" + tok.ent_iob_ + tok.ent_type_,
    ]
    if in_quote:
        feats.append("inq")
    if lemma in verbs:
        feats.append("lexv")
    if lemma in nouns:
        feats.append("lexn")
    if table.lemma[head] in verbs:
        feats.append("hlexv")
    if dep == "ROOT":
        feats.append("root")
    for child in tok.children:
        feats.extend(_child_features(child))
    return feats


def _child_features(child) -> list[str]:
    """What hangs from a token: a clause ("said that ..."), a subject, a preposition."""
    dep = child.dep_
    feats = ["c=" + dep]
    if dep in ("nsubj", "nsubjpass"):
        feats.append("subj=" + (child.ent_type_ or child.pos_))
    elif dep in ("prep", "prt", "agent"):
        feats.append("cp=" + child.lower_)
    elif dep in ("ccomp", "xcomp") and child.i > child.head.i:
        feats.append("comp_after")
    return feats


def cue_sequence(feats: DocFeatures, start: int, end: int) -> list[list[str]]:
    """Cue-tagger features for tokens [start, end): base plus neighbours."""
    base, lower, tag, lemma = feats.base, feats.table.lower, feats.table.tag, feats.table.lemma
    seq = []
    for i in range(start, end):
        f = list(base[i])
        for off in (-2, -1, 1, 2):
            j = i + off
            if start <= j < end:
                f.append(f"{off}w=" + lower[j])
                f.append(f"{off}t=" + tag[j])
        if i + 1 < end:
            f.append("bi=" + lemma[i] + "|" + lemma[i + 1])
        seq.append(f)
    return seq


def role_window(feats: DocFeatures, cue: tuple[int, int]) -> tuple[int, int]:
    """Token range [start, end) the role tagger labels for a cue at tokens cue."""
    s = feats.sent_of[cue[0]]
    first = max(0, s - WINDOW_BEFORE)
    last = min(len(feats.sent_bounds) - 1, feats.sent_of[cue[1] - 1] + WINDOW_AFTER)
    return feats.sent_bounds[first][0], feats.sent_bounds[last][1]


def cue_head(heads: list[int], cue: tuple[int, int]) -> int:
    """The token of the cue highest in the dependency tree."""
    for i in range(cue[0], cue[1]):
        if not cue[0] <= heads[i] < cue[1] or heads[i] == i:
            return i
    return cue[0]


def role_sequence(feats: DocFeatures, cue: tuple[int, int], window: tuple[int, int]) -> list[list[str]]:
    """Role-tagger features for each token of the window, relative to the cue."""
    table, base = feats.table, feats.base
    head = cue_head(table.head, cue)
    cue_sent, cue_para = feats.sent_of[head], feats.para_of[head]
    cue_quote = feats.quote_of[head]
    cue_lemma = table.lemma[head]
    cue_anc = _ancestor_path(table.head, head)
    seq = []
    for i in range(*window):
        f = list(base[i])
        if cue[0] <= i < cue[1]:
            side = "C"
        else:
            side = "B" if i < cue[0] else "A"
            dist = cue[0] - i if i < cue[0] else i - cue[1] + 1
            f.append("dist=" + side + _distance_bucket(dist))
        f.append("side=" + side)
        f.append("sd=" + side + "|" + base[i][3])  # side with tag
        f.append("cl=" + cue_lemma)
        so = feats.sent_of[i] - cue_sent
        f.append("so=" + str(so))
        if feats.para_of[i] != cue_para:
            f.append("otherpara")
        q = feats.quote_of[i]
        if q >= 0:
            f.append("q=" + ("samecue" if q == cue_quote else side))
        if so == 0:
            f.extend(_path_features(table, i, head, cue_anc, side))
        seq.append(f)
    return seq


def _ancestor_path(heads: list[int], i: int) -> dict[int, int]:
    """Ancestors of token i (itself included) mapped to their distance from i."""
    path, d = {}, 0
    while True:
        path[i] = d
        if heads[i] == i:
            return path
        i, d = heads[i], d + 1


def _path_features(table: TokenTable, i: int, head: int, cue_anc: dict[int, int],
                   side: str) -> list[str]:
    """Where token i hangs relative to the cue head in the dependency tree."""
    heads, node, below = table.head, i, -1
    while node not in cue_anc:
        below = node
        if heads[node] == node:
            return ["nolca"]
        node = heads[node]
    lca = node
    t_lab = table.dep[below] if below >= 0 else "SELF"
    if lca == head:
        return ["under=" + t_lab, "under=" + t_lab + "|" + side]
    # The cue hangs below the lowest common ancestor (e.g. a parenthetical
    # "he said" attached to the content's main verb).
    c_node = head
    while heads[c_node] != lca:
        c_node = heads[c_node]
    up = min(cue_anc[lca], 3)
    c_lab = table.dep[c_node]
    return ["lca=" + t_lab + "|" + c_lab, f"up={up}", "lcac=" + c_lab + "|" + side]
