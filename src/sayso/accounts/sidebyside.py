"""An event's accounts as rows of columns, one column per side.

Claims matched across sides (directly or through a third side) share a
row; a claim only one side makes has a row of its own with the other
columns empty. Rows come in the order their first statement was published.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Row:
    relation: str                 # "agreement", "contradiction" or "only"
    cells: list[list[dict]]       # per side (in ``sides`` order), its statements


def side_by_side(event: dict) -> tuple[list[str], list[Row]]:
    """(side names, rows) for an ``event_detail`` dict."""
    sides = [s["side"] for s in event["sides"]]
    column = {st["id"]: k for k, s in enumerate(event["sides"]) for st in s["statements"]}
    by_id = {st["id"]: st for s in event["sides"] for st in s["statements"]}
    parent = {i: i for i in by_id}

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    contradicted = set()
    for claim in event["claims"]:
        if claim["right_id"] is None:
            continue
        a, b = find(claim["left_id"]), find(claim["right_id"])
        parent[a] = b
        if claim["relation"] == "contradiction":
            contradicted |= {claim["left_id"], claim["right_id"]}
    groups: dict[int, list[int]] = {}
    for i in by_id:
        groups.setdefault(find(i), []).append(i)
    rows = []
    for members in groups.values():
        cells: list[list[dict]] = [[] for _ in sides]
        for i in members:
            cells[column[i]].append(by_id[i])
        filled = sum(1 for c in cells if c)
        relation = ("only" if filled < 2 else
                    "contradiction" if contradicted & set(members) else "agreement")
        rows.append(Row(relation, cells))
    rows.sort(key=lambda r: (r.relation == "only", min(_when(st) for c in r.cells for st in c)))
    return sides, rows


def _when(statement: dict):
    return (statement["published"] or "", statement["document_id"], statement["position"])
