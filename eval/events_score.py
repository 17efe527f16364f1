"""Score dates, origins, event grouping and claim alignment on the event gold set.

    python eval/events_score.py --data ../shared/data/polnear            # build + score
    python eval/events_score.py --db /tmp/events_eval.db --tune           # grid on the tuning half

Builds a SQLite store from PolNeAR's train articles (all of them by
default, so the gold articles sit among ~840 others of the same months, as
in real use; ``--gold-only`` for the gold articles alone) and our readout
articles (``eval/events/readouts.jsonl``), groups it into events, and
scores it against ``eval/events/*_gold.jsonl`` (see ``eval/events/GOLD.md``).

A gold statement is matched to the stored attribution of its article whose
content overlaps its content most (at least a third of the gold span);
unmatched ones are extraction misses, counted in ``coverage`` and left out
of the other figures, except ``date accuracy (all stated)``, which counts
them wrong. Grouping is scored on the matched statements: pairwise
precision/recall/F1 (two statements in one gold event should share a
system event; a statement about no gold event is a singleton) and B-cubed.
The gold events are split in two halves by a hash of their id: the grouping
settings were chosen on the ``tune`` half; ``test`` is the held-out half.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections import defaultdict
from dataclasses import replace
from datetime import date
from itertools import combinations, product
from pathlib import Path

from sqlalchemy import select

from sayso.accounts.build import rebuild_events
from sayso.accounts.grouping import SETTINGS
from sayso.accounts.statements import side_key
from sayso.batch.ingest import ingest
from sayso.model import Document
from sayso.store import Store, document_id, schema

HERE = Path(__file__).resolve().parent / "events"


# -- the store ---------------------------------------------------------------

def polnear_documents(data: Path, stems: set[str] | None) -> list[Document]:
    meta = {}
    with open(data / "metadata.tsv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            meta[row["filename"]] = row
    docs = []
    for path in sorted((data / "train" / "text").glob("*.txt")):
        if stems is not None and path.stem not in stems:
            continue
        with open(path, encoding="utf-8", newline="") as handle:
            text = handle.read()
        row = meta.get(path.stem, {})
        published = _iso(row.get("publication_date")) or _iso(path.stem.split("_")[1])
        docs.append(Document(path.stem, text, published, str(path), title=row.get("title"),
                             publisher=row.get("publisher")))
    return docs


def readout_documents() -> list[Document]:
    docs = []
    for line in open(HERE / "readouts.jsonl", encoding="utf-8"):
        record = json.loads(line)
        docs.append(Document(record["id"], record["text"], _iso(record["published"]),
                             f"readouts.jsonl:{record['id']}", title=record.get("title"),
                             publisher=record.get("publisher")))
    return docs


def _iso(value):
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def build_store(db: str, data: Path, gold_only: bool, workers: int) -> None:
    stems = {g["doc"] for g in load_gold() if g["set"] == "polnear"} if gold_only else None
    docs = polnear_documents(data, stems) + readout_documents()
    with Store(db) as store:
        summary = ingest(docs, store, workers=workers)
    print(f"stored {summary.ingested} articles ({summary.attributions} attributions) "
          f"in {summary.seconds:.0f} s", file=sys.stderr)


# -- gold and matching -------------------------------------------------------

def load_gold() -> list[dict]:
    items = []
    for name, kind in (("polnear_gold.jsonl", "polnear"), ("readouts_gold.jsonl", "readouts")):
        path = HERE / name
        if not path.exists():
            continue
        for line in open(path, encoding="utf-8"):
            if line.strip():
                items.append({**json.loads(line), "set": kind})
    return items


def texts_by_doc(data: Path) -> dict[str, str]:
    stems = {g["doc"] for g in load_gold() if g["set"] == "polnear"}
    return {d.doc_id: d.text for d in polnear_documents(data, stems) + readout_documents()}


def stored_attributions(store: Store) -> dict[str, list[dict]]:
    a, m = schema.attributions, schema.event_statements
    by_doc = defaultdict(list)
    with store.connect() as conn:
        rows = conn.execute(select(a.c.id, a.c.document_id, a.c.content, a.c.event_date,
                                   a.c.origin, m.c.event_id, m.c.side)
                            .outerjoin(m, m.c.attribution_id == a.c.id))
        for row in rows:
            out = dict(row._mapping)
            out["content"] = json.loads(out["content"])
            by_doc[out["document_id"]].append(out)
    return by_doc


def match(gold: list[dict], texts: dict[str, str], stored: dict[str, list[dict]]) -> list[tuple]:
    """(gold item, stored attribution or None) for every gold item."""
    pairs = []
    for item in gold:
        doc = document_id(texts[item["doc"]])
        start, end = item["content"]
        best, best_overlap = None, (end - start) / 3
        for candidate in stored.get(doc, []):
            overlap = sum(max(0, min(end, e) - max(start, s)) for s, e in candidate["content"])
            if overlap > best_overlap:
                best, best_overlap = candidate, overlap
        pairs.append((item, best))
    return pairs


# -- metrics -----------------------------------------------------------------

def half_of(item: dict) -> str:
    key = item["event"] or f"{item['doc']}:{item['content'][0]}"
    return "tune" if hashlib.sha1(key.encode()).digest()[0] % 2 == 0 else "test"


def date_scores(pairs) -> dict:
    stated = [(g, s) for g, s in pairs if g["date"]]
    matched = [(g, s) for g, s in stated if s is not None]
    right = sum(1 for g, s in matched if s["event_date"] and s["event_date"].isoformat() == g["date"])
    unstated = [(g, s) for g, s in pairs if s is not None and not g["date"]]
    invented = sum(1 for g, s in unstated if s["event_date"] is not None)
    return {"stated": len(stated), "matched": len(matched),
            "accuracy_matched": _ratio(right, len(matched)),
            "accuracy_all_stated": _ratio(right, len(stated)),
            "no_date_stated": len(unstated), "date_given_anyway": invented}


def origin_scores(pairs) -> dict:
    """``accuracy``: the origin each article gives (``sayso extract``);
    ``store_sides``: the side the store's events give the statement, after
    a speaker's other articles settled vague origins (accounts/sides.py)."""
    judged = [(g, s) for g, s in pairs if s is not None and g["origin"]]
    right = sum(1 for g, s in judged if _same_origin(g, s["origin"]))
    sides = sum(1 for g, s in judged if _same_origin(g, s["side"]))
    return {"judged": len(judged), "accuracy": _ratio(right, len(judged)),
            "store_sides": _ratio(sides, len(judged))}


def _same_origin(gold: dict, origin: str | None) -> bool:
    if not origin:
        return False
    accepted = {side_key(n) for n in [gold["origin"], *gold.get("origin_aliases", [])]}
    return side_key(origin) in accepted


def grouping_scores(pairs) -> dict:
    seen, items = set(), []
    for g, s in pairs:
        if s is not None and s["id"] not in seen:
            seen.add(s["id"])
            gold_cluster = g["event"] or f"none:{g['doc']}:{g['content'][0]}"
            items.append((gold_cluster, s["event_id"] or f"none:{s['id']}"))
    same_gold = same_system = both = 0
    for (g1, s1), (g2, s2) in combinations(items, 2):
        same_gold += g1 == g2
        same_system += s1 == s2
        both += g1 == g2 and s1 == s2
    precision, recall = _ratio(both, same_system), _ratio(both, same_gold)
    b_precision, b_recall = _bcubed(items)
    return {"statements": len(items), "pairwise_precision": precision, "pairwise_recall": recall,
            "pairwise_f1": _f1(precision, recall), "bcubed_precision": b_precision,
            "bcubed_recall": b_recall, "bcubed_f1": _f1(b_precision, b_recall)}


def _bcubed(items) -> tuple[float, float]:
    by_gold, by_system = defaultdict(list), defaultdict(list)
    for k, (g, s) in enumerate(items):
        by_gold[g].append(k)
        by_system[s].append(k)
    precision = recall = 0.0
    for g, s in items:
        shared = len(set(by_gold[g]) & set(by_system[s]))
        precision += shared / len(by_system[s])
        recall += shared / len(by_gold[g])
    n = len(items) or 1
    return round(precision / n, 4), round(recall / n, 4)


def _ratio(a, b):
    return round(a / b, 4) if b else None


def _f1(p, r):
    return round(2 * p * r / (p + r), 4) if p and r else 0.0


def score(store: Store, data: Path) -> dict:
    gold = load_gold()
    pairs = match(gold, texts_by_doc(data), stored_attributions(store))
    out = {"gold_statements": len(gold), "gold_events": len({g["event"] for g in gold if g["event"]}),
           "coverage": _ratio(sum(1 for _, s in pairs if s is not None), len(gold)),
           "dates": date_scores(pairs), "origins": origin_scores(pairs),
           "grouping": {}}
    for name, subset in (("all", pairs), ("tune", [p for p in pairs if half_of(p[0]) == "tune"]),
                         ("test", [p for p in pairs if half_of(p[0]) == "test"])):
        out["grouping"][name] = grouping_scores(subset)
    out["claims"] = claim_precision(store)
    for kind in ("polnear", "readouts"):
        subset = [p for p in pairs if p[0]["set"] == kind]
        out[kind] = {"dates": date_scores(subset), "origins": origin_scores(subset),
                     "grouping": grouping_scores(subset)}
    return out


def tune(store: Store, data: Path, backend: str) -> None:
    """Grid over the grouping settings, in memory (vectors encoded once);
    chosen by pairwise F1 on the tuning half, reported on both halves and
    on the whole set (whose pairs across the halves the halves cannot see)."""
    from sayso.accounts.build import _statement, _vectors
    from sayso.accounts.grouping import group_statements
    from sayso.accounts.vectors import make_vectorizer
    from sayso.store.events import cached_vectors, statement_rows

    gold = load_gold()
    texts = texts_by_doc(data)
    vectorizer = make_vectorizer(backend)
    with store.connect() as conn:
        rows = statement_rows(conn)
        cached = cached_vectors(conn, vectorizer.name)
    statements = [_statement(r) for r in rows]
    vectors = _vectors(store, vectorizer, statements, cached)
    stored = stored_attributions(store)
    pairs = match(gold, texts, stored)
    base = SETTINGS[backend]
    thresholds = ((0.4, 0.45, 0.5, 0.55, 0.6) if backend == "minilm"
                  else (0.1, 0.15, 0.2, 0.25, 0.3, 0.35))
    merges = (None, 0.6, 0.65, 0.7, 0.75) if backend == "minilm" else (None,)
    results = []
    for threshold, pw, dw, window, k, merge in product(thresholds, (0.0, 0.1), (0.2, 0.3, 0.4, 0.5),
                                                       (2, 3, 5), (1,), merges):
        settings = replace(base, threshold=threshold, participant_weight=pw,
                           same_document_weight=dw, window_days=window, neighbours=k,
                           merge_threshold=merge)
        events = group_statements(statements, vectors, settings)
        event_of = {statements[i].id: e.id for e in events for i in e.members}
        scored = [(g, dict(s, event_id=event_of[s["id"]]) if s else None) for g, s in pairs]
        tune_f1 = grouping_scores([p for p in scored if half_of(p[0]) == "tune"])["pairwise_f1"]
        test_f1 = grouping_scores([p for p in scored if half_of(p[0]) == "test"])["pairwise_f1"]
        all_f1 = grouping_scores(scored)["pairwise_f1"]
        results.append((tune_f1, test_f1, all_f1, settings))
        print(f"{threshold:.2f} pw={pw:.2f} dw={dw:.2f} w={window} k={k} merge={merge}: tune {tune_f1:.4f} "
              f"test {test_f1:.4f} all {all_f1:.4f}", file=sys.stderr, flush=True)
    for tune_f1, test_f1, all_f1, settings in sorted(results, key=lambda r: -r[0])[:5]:
        print(f"tune {tune_f1:.4f} test {test_f1:.4f} all {all_f1:.4f}  {settings}")


# -- claim alignment: a sample for judging by hand ----------------------------

JUDGEMENTS = HERE / "claim_judgements.jsonl"


def claim_sample(store: Store, n: int, seed: int) -> list[dict]:
    """Aligned claim pairs (agreement or contradiction) from events that hold
    gold statements, for a person to judge. Identified by article and
    position only: no corpus text is written."""
    import random

    a, d, c, m = schema.attributions, schema.documents, schema.event_claims, schema.event_statements
    gold_docs = {g["doc"] for g in load_gold()}
    with store.connect() as conn:
        names = {row.id: Path(row.name.split(":")[0]).stem if row.name.endswith(".txt") else
                 row.name.split(":", 1)[1] for row in conn.execute(select(d.c.id, d.c.name))}
        where = {row.id: (names[row.document_id], row.position, row.content_text, row.side)
                 for row in conn.execute(select(a.c.id, a.c.document_id, a.c.position,
                                                a.c.content_text, m.c.side)
                                         .join(m, m.c.attribution_id == a.c.id))}
        claims = [dict(r._mapping) for r in conn.execute(
            select(c.c.event_id, c.c.left_id, c.c.right_id, c.c.relation, c.c.similarity)
            .where(c.c.right_id.is_not(None)))]
    claims = [x for x in claims if where[x["left_id"]][0] in gold_docs
              or where[x["right_id"]][0] in gold_docs]
    picked = random.Random(seed).sample(claims, min(n, len(claims)))
    return [{"event": x["event_id"], "relation": x["relation"], "similarity": x["similarity"],
             "left": {"doc": where[x["left_id"]][0], "position": where[x["left_id"]][1],
                      "side": where[x["left_id"]][3], "content": where[x["left_id"]][2]},
             "right": {"doc": where[x["right_id"]][0], "position": where[x["right_id"]][1],
                       "side": where[x["right_id"]][3], "content": where[x["right_id"]][2]}}
            for x in picked]


def claim_precision(store: Store) -> dict | None:
    """From the judged sample, on the pairs the aligner makes now: pairs
    that are one claim, of those the ones whose agreement/contradiction
    label is right, and the ones that are one claim told by two sources."""
    if not JUDGEMENTS.exists():
        return None
    current = {(c["left"]["doc"], c["left"]["position"], c["right"]["doc"], c["right"]["position"])
               for c in claim_sample(store, 10**9, seed=0)}
    judged = [json.loads(line) for line in open(JUDGEMENTS, encoding="utf-8") if line.strip()]
    rows = [r for r in judged if (r["left_doc"], r["left_position"], r["right_doc"],
                                  r["right_position"]) in current]
    same = [r for r in rows if r["same_claim"]]
    out = {"aligned_pairs": len(current), "judged": len(rows),
           "precision": _ratio(len(same), len(rows)),
           "relation_right": _ratio(sum(1 for r in same if r["relation_right"]), len(same))}
    if all("two_sides" in r for r in rows):
        out["same_claim_and_two_sides"] = _ratio(sum(1 for r in same if r["two_sides"]), len(rows))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--db", default="/tmp/sayso_events_eval.db")
    parser.add_argument("--rebuild-store", action="store_true", help="ingest again from scratch")
    parser.add_argument("--gold-only", action="store_true")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--vectors", choices=("minilm", "lexical"), default="minilm")
    parser.add_argument("--tune", action="store_true")
    parser.add_argument("--sample-claims", type=int, metavar="N",
                        help="print N aligned claim pairs for judging (JSON lines) and stop")
    args = parser.parse_args()
    db_path = Path(args.db)
    if args.rebuild_store and db_path.exists():
        db_path.unlink()
    if not db_path.exists():
        build_store(args.db, args.data, args.gold_only, args.workers)
    with Store(args.db) as store:
        if args.tune:
            tune(store, args.data, args.vectors)
            return
        built = rebuild_events(store, args.vectors)
        if args.sample_claims:
            for row in claim_sample(store, args.sample_claims, seed=4):
                print(json.dumps(row, ensure_ascii=False))
            return
        print(f"grouped {built.statements} statements into {built.events} events with "
              f"{built.backend} vectors in {built.seconds:.1f} s", file=sys.stderr)
        print(json.dumps(score(store, args.data), indent=1))


if __name__ == "__main__":
    main()
