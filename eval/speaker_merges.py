"""Speakers across articles on PolNeAR train: how many canonical speakers the
main candidates became, and a reproducible sample of merges to check by hand.

    sayso ingest ../shared/data/polnear/train/text --db train.db
    python eval/speaker_merges.py --db train.db [--n 50] [--seed 3]

A *merge* is a (speaker, article) pair where the article's speaker was
joined to a speaker first stored from another article. For each sampled
merge it prints the canonical name and how the article itself names that
speaker (its mentions, and the sources of its statements), so a person can
judge whether they are the same real person or body. Verdicts go to
``eval/speaker_merge_judgements.jsonl``; no article text is stored there.

Judged (session 3, store built at commit e7456fd, seed 4): 49 of 50 merges
join the same real person or body; the miss joined an anonymous "one
well-connected Democrat" to another article's "Democrat" (fixed after:
a singular party member is no one across articles). An earlier draw (seed
3), before speakers said which names are proper, gave 41 of 50: common
nouns ("Analysts", "Voters", "Poll") were merged across articles.
"""

from __future__ import annotations

import argparse
import random

from sqlalchemy import func, select

from sayso.store import Store, schema

CANDIDATES = ("Donald Trump", "Hillary Clinton")


def canonical_counts(conn, full_name: str) -> dict:
    """Stored speakers that stand for ``full_name`` alone: the person key, a
    bare surname, or the name under another type ("name:donald trump"), and
    apart from them how many groups and things carry the name ("Donald
    Trump and Paul Ryan", "Donald Trump's campaign"), which are other speakers."""
    first, last = full_name.lower().split()
    alone = {f"person:{first} {last}", f"person:{last}", f"name:{first} {last}", f"name:{last}"}
    s, a = schema.speakers, schema.attributions
    rows = conn.execute(select(s.c.id, s.c.key, s.c.name, func.count(a.c.id))
                        .outerjoin(a, a.c.speaker_id == s.c.id)
                        .where(s.c.key.like(f"%{last}%"), ~s.c.key.startswith("local:"))
                        .group_by(s.c.id, s.c.key, s.c.name)).all()
    named = [(r[1], r[2], r[3]) for r in rows if r[1] in alone
             or r[1].replace(" j ", " ").replace(" rodham ", " ") in alone]
    return {"speakers": len(named), "rows": named,
            "others": sum(1 for r in rows if first in r[1]) - len(named)}


def merges(conn) -> list[tuple[int, str, str]]:
    """(speaker id, canonical name, document id) for every article whose
    statements went to a speaker first stored from another article."""
    s, a = schema.speakers, schema.attributions
    first_doc = (select(a.c.speaker_id, func.min(a.c.id).label("first_id"))
                 .group_by(a.c.speaker_id).subquery())
    first_docs = dict(conn.execute(select(a.c.speaker_id, a.c.document_id)
                                   .join(first_doc, a.c.id == first_doc.c.first_id)).all())
    pairs = conn.execute(select(a.c.speaker_id, s.c.name, a.c.document_id).distinct()
                         .join(s, s.c.id == a.c.speaker_id)
                         .where(~s.c.key.startswith("local:"))
                         .order_by(a.c.speaker_id, a.c.document_id)).all()
    return [(sid, name, doc) for sid, name, doc in pairs if first_docs.get(sid) != doc]


def how_the_article_names(conn, speaker_id: int, doc_id: str) -> list[str]:
    a, m = schema.attributions, schema.mentions
    sources = conn.execute(select(a.c.source_text).where(a.c.speaker_id == speaker_id,
                                                         a.c.document_id == doc_id)).scalars()
    mentions = conn.execute(select(m.c.text).where(m.c.speaker_id == speaker_id,
                                                   m.c.document_id == doc_id)).scalars()
    return sorted({" ".join(t.split()) for t in [*sources, *mentions] if t.strip()})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    with Store(args.db) as store, store.connect() as conn:
        for name in CANDIDATES:
            found = canonical_counts(conn, name)
            print(f"{name}: {found['speakers']} canonical speaker(s) for the person: {found['rows']}; "
                  f"{found['others']} other speakers carry the name (groups, campaigns, ...)")
        pool = merges(conn)
        print(f"{len(pool)} merges in all; a sample of {min(args.n, len(pool))} (seed {args.seed}):")
        names = {d: t for d, t in conn.execute(select(schema.documents.c.id, schema.documents.c.name))}
        for k, (sid, canonical, doc) in enumerate(random.Random(args.seed).sample(pool, min(args.n, len(pool)))):
            print(f"[{k}] speaker {sid} {canonical!r} <- {names[doc]}: "
                  f"{how_the_article_names(conn, sid, doc)[:6]}")


if __name__ == "__main__":
    main()
