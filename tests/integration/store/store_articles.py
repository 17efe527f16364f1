"""Short news articles written for the store tests, generated from a few
templates with invented names, so a test can ask for as many as it needs."""

from __future__ import annotations

import json
from pathlib import Path

PEOPLE = [("Marta Okafor", "union leader"), ("Ivo Brandt", "mayor"), ("Lena Weber", "port director"),
          ("Tom Ruiz", "spokesman for the port authority"), ("Ana Lindqvist", "finance minister")]
TOPICS = ["the harbour strike", "the new bridge", "the ferry timetable", "the water tariff",
          "the school budget", "the rail link", "the fishing quota"]


def article(k: int) -> str:
    name, role = PEOPLE[k % len(PEOPLE)]
    other, other_role = PEOPLE[(k + 2) % len(PEOPLE)]
    topic = TOPICS[k % len(TOPICS)]
    surname = name.split()[-1]
    return (f"Talks on {topic} resume (report {k})\n\n"
            f"{name}, the {role}, said on Monday that {topic} would be settled within "
            f"{k % 9 + 2} weeks.\n\n"
            f"\"We are not leaving the table until there is a deal,\" {surname} told reporters "
            f"outside the council building.\n\n"
            f"{other}, the {other_role}, warned that the cost could reach {k + 10} million "
            f"crowns, according to the Valley Post.\n")


def write_text_corpus(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(count):
        path = folder / f"report_{k:03d}.txt"
        path.write_text(article(k), encoding="utf-8")
        paths.append(path)
    return paths


def write_jsonl_feed(path: Path, ks: range, bad_lines: bool = False) -> Path:
    lines = [json.dumps({"text": article(k), "url": f"https://valley.example/{k}",
                         "title": f"Report {k}", "published": f"2026-03-{k % 28 + 1:02d}",
                         "publisher": "Valley Post"}) for k in ks]
    if bad_lines:
        lines[1:1] = ["{this is not json", json.dumps({"title": "no text"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
