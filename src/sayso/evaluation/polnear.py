"""Read the PolNeAR corpus (BRAT standoff) into gold attributions.

Layout: ``<root>/<split>/text/<doc_id>.txt`` and
``<root>/<split>/attributions/<doc_id>_<annotator>.ann``.  The rules follow
the reference scorer (``shared/eval/polnear.py``) so that both read the same
gold:

* a document annotated by several annotators uses its first ``.ann`` file by
  sorted name; a document with no ``.ann`` file has no attributions;
* every ``E`` record is one attribution; an argument's role is its name with
  trailing digits removed, lower-cased (``Content2`` joins ``content``);
  arguments of other roles (the ``Attribution`` trigger) are skipped;
* events without content are dropped, and so are exact duplicates;
* ``Discuss``/``Discard`` entities, notes and relations play no part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..model import Attribution, Fragment

ROLES = ("source", "cue", "content")

# A BRAT record starts with an id (T12, E3, #1, *, A4, ...) and a tab; any
# other line belongs to the previous record, because BRAT copies the covered
# text verbatim and that text may contain a newline.
_RECORD_START = re.compile(r"(?:[TERAMN]\d+|#\d*|\*)\t")

RoleFragments = dict[str, set[Fragment]]


@dataclass
class GoldDocument:
    """One article with the attributions of its chosen annotator."""

    doc_id: str
    text: str
    annotator: str = ""
    attributions: list[Attribution] = field(default_factory=list)


def read_text(path: Path) -> str:
    """The file's text with line ends untouched, as the offsets count them."""
    return _read(path, newline="")


def _read(path: Path, newline: str | None) -> str:
    try:
        with open(path, encoding="utf-8", newline=newline) as handle:
            return handle.read()
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None


def split_records(raw: str) -> list[str]:
    """BRAT records of a file, continuation lines joined back with newlines."""
    records: list[str] = []
    for line in raw.split("\n"):
        if _RECORD_START.match(line):
            records.append(line)
        elif records:
            records[-1] += "\n" + line
    # An empty last line (the file's final newline) is not part of a record.
    return [record.rstrip("\n") for record in records]


def parse_offsets(offsets: str, where: str) -> list[Fragment]:
    """Fragments written as ``"s e;s e"``; a malformed field is an InputError."""
    fragments = []
    for part in offsets.split(";"):
        numbers = part.split()
        try:
            start, end = (int(n) for n in numbers)
        except ValueError:
            raise InputError(f"{where}: bad offsets {offsets!r}") from None
        fragments.append((start, end))
    return fragments


def parse_entity(record: str, where: str) -> tuple[str, list[Fragment]]:
    """The id and sorted distinct fragments of a ``T`` record."""
    fields = record.split("\t", 2)
    head = fields[1].split(" ", 1) if len(fields) == 3 else []
    if len(head) != 2:
        raise InputError(f"{where}: bad entity line {record[:60]!r}")
    return fields[0], sorted(set(parse_offsets(head[1], where)))


def parse_event(record: str) -> tuple[str, list[tuple[str, str]]]:
    """The id of an ``E`` record and its (argument name, target id) pairs.

    The first argument is the trigger (``Attribution:T4``); it is kept, and
    later skipped because its name is not a role.
    """
    event_id, _, body = record.partition("\t")
    arguments = [arg.partition(":") for arg in body.split()]
    return event_id, [(name, target) for name, _, target in arguments]


def role_of(argument_name: str) -> str:
    """``Content2`` -> ``content``: numbered arguments join their role."""
    return argument_name.rstrip("0123456789").lower()


def collect_roles(event_id: str, arguments: list[tuple[str, str]],
                  entities: dict[str, list[Fragment]], where: str) -> RoleFragments:
    """The union of fragments per role over an event's arguments."""
    roles: RoleFragments = {role: set() for role in ROLES}
    for name, target in arguments[1:]:  # arguments[0] is the trigger
        if target not in entities:
            raise InputError(f"{where}: {event_id} refers to missing {target!r}")
        role = role_of(name)
        if role in roles:
            roles[role].update(entities[target])
    return roles


def parse_ann(raw: str, where: str) -> list[Attribution]:
    """The attributions of one ``.ann`` file, in event order (see module doc)."""
    records = split_records(raw)
    # Events may name entities defined after them, so read all entities first.
    entities = dict(parse_entity(r, where) for r in records if r.startswith("T"))
    attributions, seen = [], set()
    for record in records:
        if not record.startswith("E"):
            continue
        roles = collect_roles(*parse_event(record), entities, where)
        key = tuple(tuple(sorted(roles[role])) for role in ROLES)
        if roles["content"] and key not in seen:
            seen.add(key)
            attributions.append(Attribution(*(list(spans) for spans in key)))
    return attributions


def annotation_files(ann_dir: Path) -> dict[str, list[Path]]:
    """``.ann`` files per doc_id, each list sorted by file name."""
    files: dict[str, list[Path]] = {}
    for path in sorted(ann_dir.glob("*.ann"), key=lambda p: p.name):
        doc_id, underscore, _annotator = path.stem.rpartition("_")
        if underscore:  # a name without "_<annotator>" belongs to no document
            files.setdefault(doc_id, []).append(path)
    return files


def load_document(text_path: Path, ann_paths: list[Path]) -> GoldDocument:
    """One article and the gold of its first annotation file, if any."""
    document = GoldDocument(text_path.stem, read_text(text_path))
    if ann_paths:
        chosen = ann_paths[0]
        document.annotator = chosen.stem.rpartition("_")[2]
        # BRAT files are read with universal newlines, like the reference.
        document.attributions = parse_ann(_read(chosen, newline=None), chosen.name)
    return document


def load_split(root: Path, split: str) -> list[GoldDocument]:
    """All documents of a split, sorted by doc_id, with their gold."""
    text_dir = Path(root) / split / "text"
    ann_dir = Path(root) / split / "attributions"
    for folder, what in ((text_dir, "text"), (ann_dir, "attributions")):
        if not folder.is_dir():
            raise InputError(f"no {what} folder {folder}")
    ann_files = annotation_files(ann_dir)
    documents = [load_document(path, ann_files.get(path.stem, []))
                 for path in sorted(text_dir.glob("*.txt"), key=lambda p: p.name)]
    if not documents:
        raise InputError(f"no documents in {text_dir}")
    return documents


def summarize(documents: list[GoldDocument]) -> dict:
    """Corpus counts comparable with the reference ``stats`` command."""
    attributions = [a for doc in documents for a in doc.attributions]
    return {
        "documents": len(documents),
        "attributions": len(attributions),
        "attributions_no_source": sum(not a.source for a in attributions),
        "attributions_discontinuous_content": sum(len(a.content) > 1 for a in attributions),
    }
