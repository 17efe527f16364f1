"""Token features for the cue tagger and the cue-anchored role tagger.

Base features are computed once per document; the role tagger adds a few
features per (cue, token) pair that describe where the token stands relative
to the cue: side, distance, sentence offset and the dependency path.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from .quotes import find_quotes

# Sentences around the cue's sentence that the role tagger looks at.
WINDOW_BEFORE = 1
WINDOW_AFTER = 1


@lru_cache(maxsize=None)
def load_lexicon(name: str) -> frozenset[str]:
    """A lexicon data file as a set of lower-case entries (comments dropped)."""
    raw = resources.files("sayso.attribution").joinpath("lexicons", name).read_text("utf-8")
    entries = (line.split("#", 1)[0].strip().lower() for line in raw.splitlines())
    return frozenset(e for e in entries if e)


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
class DocFeatures:
    """Everything the taggers need from one parsed document, computed once."""

    doc: Doc
    base: list[list[str]]   # per-token base features
    sent_of: list[int]      # sentence index of each token
    sent_bounds: list[tuple[int, int]]  # token [start, end) per sentence
    para_of: list[int]      # paragraph index of each token
    quote_of: list[int]     # index of the (outermost) quote holding the token, -1 if none
    depth: list[int]        # depth in the dependency tree of its sentence


def build_doc_features(doc: Doc) -> DocFeatures:
    """Compute the per-document feature tables (linear in the document length)."""
    sent_of, sent_bounds = _sentence_tables(doc)
    quote_of = _quote_table(doc)
    para_of = _paragraph_table(doc)
    depth = _depths(doc)
    verbs, nouns = load_lexicon("reporting_verbs.txt"), load_lexicon("reporting_nouns.txt")
    base = [_base_features(t, verbs, nouns, quote_of[t.i] >= 0) for t in doc]
    return DocFeatures(doc, base, sent_of, sent_bounds, para_of, quote_of, depth)


def _sentence_tables(doc: Doc) -> tuple[list[int], list[tuple[int, int]]]:
    sent_of = [0] * len(doc)
    bounds = []
    for i, sent in enumerate(doc.sents):
        bounds.append((sent.start, sent.end))
        for j in range(sent.start, sent.end):
            sent_of[j] = i
    return sent_of, bounds


def _quote_table(doc: Doc) -> list[int]:
    quote_of = [-1] * len(doc)
    quotes = [q for q in find_quotes(doc.text) if not q.nested]
    qi = 0
    for tok in doc:
        while qi < len(quotes) and quotes[qi].end <= tok.idx:
            qi += 1
        if qi < len(quotes) and quotes[qi].start <= tok.idx:
            quote_of[tok.i] = qi
    return quote_of


def _paragraph_table(doc: Doc) -> list[int]:
    para_of, para = [0] * len(doc), 0
    for tok in doc:
        if tok.is_space and tok.text.count("\n") >= 1:
            para += 1
        para_of[tok.i] = para
    return para_of


def _depths(doc: Doc) -> list[int]:
    depth = [-1] * len(doc)
    for tok in doc:
        chain = []
        node = tok
        while depth[node.i] < 0 and node.head.i != node.i:
            chain.append(node)
            node = node.head
        d = depth[node.i] if depth[node.i] >= 0 else 0
        depth[node.i] = d
        for n in reversed(chain):
            d += 1
            depth[n.i] = d
    return depth


def _base_features(tok, verbs: frozenset[str], nouns: frozenset[str], in_quote: bool) -> list[str]:
    lemma = tok.lemma_.lower()
    feats = [
        "b", "w=" + tok.lower_, "l=" + lemma, "t=" + tok.tag_, "d=" + tok.dep_,
        "s=" + _shape(tok.text), "hl=" + tok.head.lemma_.lower(), "hd=" + tok.head.dep_,
        "dt=" + tok.dep_ + "|" + tok.tag_,
        "e=" + tok.ent_iob_ + tok.ent_type_,
    ]
    if in_quote:
        feats.append("inq")
    if lemma in verbs:
        feats.append("lexv")
    if lemma in nouns:
        feats.append("lexn")
    if tok.head.lemma_.lower() in verbs:
        feats.append("hlexv")
    if tok.dep_ == "ROOT":
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
    base, doc = feats.base, feats.doc
    seq = []
    for i in range(start, end):
        f = list(base[i])
        for off in (-2, -1, 1, 2):
            j = i + off
            if start <= j < end:
                f.append(f"{off}w=" + doc[j].lower_)
                f.append(f"{off}t=" + doc[j].tag_)
        if i + 1 < end:
            f.append("bi=" + doc[i].lemma_.lower() + "|" + doc[i + 1].lemma_.lower())
        seq.append(f)
    return seq


def role_window(feats: DocFeatures, cue: tuple[int, int]) -> tuple[int, int]:
    """Token range [start, end) the role tagger labels for a cue at tokens cue."""
    s = feats.sent_of[cue[0]]
    first = max(0, s - WINDOW_BEFORE)
    last = min(len(feats.sent_bounds) - 1, feats.sent_of[cue[1] - 1] + WINDOW_AFTER)
    return feats.sent_bounds[first][0], feats.sent_bounds[last][1]


def cue_head(doc: Doc, cue: tuple[int, int]) -> int:
    """The token of the cue highest in the dependency tree."""
    best = cue[0]
    for i in range(cue[0], cue[1]):
        head = doc[i].head.i
        if not cue[0] <= head < cue[1] or head == i:
            return i
    return best


def role_sequence(feats: DocFeatures, cue: tuple[int, int], window: tuple[int, int]) -> list[list[str]]:
    """Role-tagger features for each token of the window, relative to the cue."""
    doc, base = feats.doc, feats.base
    head = cue_head(doc, cue)
    cue_sent, cue_para = feats.sent_of[head], feats.para_of[head]
    cue_quote = feats.quote_of[head]
    cue_lemma = doc[head].lemma_.lower()
    cue_anc = _ancestor_path(doc, head)
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
            f.extend(_path_features(doc, i, head, cue_anc, side))
        seq.append(f)
    return seq


def _ancestor_path(doc: Doc, i: int) -> dict[int, int]:
    """Ancestors of token i (itself included) mapped to their distance from i."""
    path, node, d = {}, doc[i], 0
    while True:
        path[node.i] = d
        if node.head.i == node.i:
            return path
        node, d = node.head, d + 1


def _path_features(doc: Doc, i: int, head: int, cue_anc: dict[int, int], side: str) -> list[str]:
    """Where token i hangs relative to the cue head in the dependency tree."""
    node, below = doc[i], None
    while node.i not in cue_anc:
        below = node
        if node.head.i == node.i:
            return ["nolca"]
        node = node.head
    lca = node.i
    t_lab = below.dep_ if below is not None else "SELF"
    if lca == head:
        return ["under=" + t_lab, "under=" + t_lab + "|" + side]
    # The cue hangs below the lowest common ancestor (e.g. a parenthetical
    # "he said" attached to the content's main verb).
    c_node = doc[head]
    while c_node.head.i != lca:
        c_node = c_node.head
    c_lab = c_node.dep_
    up = min(cue_anc[lca], 3)
    return ["lca=" + t_lab + "|" + c_lab, f"up={up}", "lcac=" + c_lab + "|" + side]
