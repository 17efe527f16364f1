"""One side per speaker across the store: what one article says of a
speaker settles what another leaves vague.

An article sees only itself. The Valdoran presidency's own readout says
its spokesperson speaks for the "Valdor presidency"; a news agency's
report calls her office "the presidency", or gives her name alone. Across
the store, a speaker's statements take:

* for an origin of generic words alone ("presidency", "Foreign
  Ministry"), the qualified origin the same speaker has elsewhere that
  holds those words ("Valdor presidency"), else, for one generic word
  ("presidency"), the one body the speaker speaks for elsewhere by their
  own role ("Tarn Palace");
* for the speaker as their own origin, the body they speak for elsewhere,
  by their own role (not through a relay they cited): a spokesperson
  always speaks for her office.

The stored attributions keep what their article said; the settled origin
is what grouping (a statement's participants) and the events' sides read.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from ..speakers.origin import is_generic_body
from .statements import Statement, side_key


def settle_origins(statements: list[Statement]) -> None:
    """Replace vague origins in place (``origin``), speaker by speaker."""
    by_speaker: dict[int, list[Statement]] = defaultdict(list)
    for statement in statements:
        if statement.speaker_id is not None and statement.origin:
            by_speaker[statement.speaker_id].append(statement)
    for said in by_speaker.values():
        _settle_generic(said)
        _settle_self(said)


def _settle_generic(said: list[Statement]) -> None:
    qualified = Counter(s.origin for s in said if not _is_generic(s.origin))
    bodies = _own_bodies(said)
    only_body = next(iter(bodies)) if len({side_key(b) for b in bodies}) == 1 else None
    for statement in said:
        if not _is_generic(statement.origin):
            continue
        wanted = set(side_key(statement.origin).split())
        fuller = [(n, name) for name, n in qualified.items()
                  if wanted <= set(side_key(name).split())]
        if fuller:
            statement.origin = max(fuller)[1]
        elif only_body and not statement.cited and len(wanted) == 1:
            # "presidential spokesman Pavel Dorin" here, "Tarn Palace
            # spokesman Pavel Dorin" elsewhere: the one body he speaks for.
            # A one-word body only: "State Department" is one of its own.
            statement.origin = only_body


def _settle_self(said: list[Statement]) -> None:
    bodies = _own_bodies(said)
    if not bodies:
        return
    body = bodies.most_common(1)[0][0]
    for statement in said:
        if _is_self(statement):
            statement.origin = body


def _own_bodies(said: list[Statement]) -> Counter:
    """The bodies a speaker speaks for by their own role, in the order met:
    not through a relay they cited, not themselves, not generic words."""
    return Counter(s.origin for s in said
                   if not s.cited and not _is_self(s) and not _is_generic(s.origin))


def _is_self(statement: Statement) -> bool:
    """Origin is the speaker's name or a part of it ("Marrow" of "Ilse Marrow")."""
    origin, speaker = side_key(statement.origin or ""), side_key(statement.speaker or "")
    return bool(origin) and (origin == speaker or origin in speaker.split())


def _is_generic(origin: str | None) -> bool:
    return bool(origin) and is_generic_body(origin)
