"""Score sayso on the pattern bank (eval/patterns/*.jsonl), family by family.

    python eval/patterns_score.py                  # both modes, a table per mode
    python eval/patterns_score.py --model default --family said_after --details
    python eval/patterns_score.py --check          # validate the bank only

An item is **fully right** when its predicted records are exactly its gold
records: each gold record is matched by one prediction whose content,
cue, speaker, role, channel, relay chain and parent are all right, and no
prediction is left over. The conventions are in eval/patterns/README.md.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path

BANK = Path(__file__).parent / "patterns"
FIELDS = ("content", "cue", "speaker", "role", "channel", "cited", "parent")
_WORD = re.compile(r"\w+")
_ARTICLES = {"the", "a", "an"}
_ROLE_STOP = _ARTICLES | {"of", "for", "s"}
_CHANNEL_STOP = _ARTICLES | {
    "in", "on", "at", "to", "with", "of", "its", "his", "her", "their", "by", "from",
    "during", "via", "before", "told", "tell", "tells", "telling", "speaking", "spoke",
    "said", "says", "wrote", "posted", "s"}


# -- the bank ------------------------------------------------------------------

@dataclass
class Item:
    family: str
    id: str
    text: str
    records: list[dict]
    date: Date | None = None

    @property
    def negative(self) -> bool:
        return self.family.startswith("neg_")


def load_bank(root: Path = BANK, families: list[str] | None = None) -> list[Item]:
    items = []
    for path in sorted(root.glob("*.jsonl")):
        if families and path.stem not in families:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            raw = json.loads(line)
            items.append(Item(path.stem, raw["id"], raw["text"], raw["records"],
                              Date.fromisoformat(raw["date"]) if raw.get("date") else None))
    return items


def check_bank(items: list[Item]) -> list[str]:
    """Problems with the bank itself: duplicate ids, strings not in the text."""
    problems, seen = [], set()
    for item in items:
        if item.id in seen:
            problems.append(f"{item.id}: duplicate id")
        seen.add(item.id)
        for k, record in enumerate(item.records):
            where = f"{item.id} record {k}"
            for fragment in _fragments(record.get("content")):
                if fragment not in item.text:
                    problems.append(f"{where}: content {fragment!r} not in text")
            for key in ("cue", "channel"):
                value = record.get(key)
                if value and value.lower() not in item.text.lower():
                    problems.append(f"{where}: {key} {value!r} not in text")
            parent = record.get("parent")
            if parent is not None and not (0 <= parent < len(item.records) and parent != k):
                problems.append(f"{where}: parent {parent} is no other record")
            if not record.get("speaker"):
                problems.append(f"{where}: no speaker")
    return problems


def _fragments(content) -> list[str]:
    if content is None:
        return []
    return [content] if isinstance(content, str) else list(content)


# -- normal forms ----------------------------------------------------------------

def words(text: str | None) -> list[str]:
    return _WORD.findall((text or "").lower())


def content_form(text: str) -> list[str]:
    tokens = words(text)
    return tokens[1:] if tokens[:1] == ["that"] else tokens


def name_form(name: str | None) -> list[str]:
    tokens = words(name)
    while tokens and tokens[0] in _ARTICLES:
        tokens = tokens[1:]
    return tokens


def role_form(role: str | None) -> frozenset[str]:
    return frozenset(w for w in words(role) if w not in _ROLE_STOP)


def channel_form(channel: str | None) -> frozenset[str]:
    return frozenset(w for w in words(channel) if w not in _CHANNEL_STOP)


def cue_matches(gold: str, predicted: str) -> bool:
    """One cue's words contain the other's; a cue of punctuation alone (the
    colon of a transcript line) must be that punctuation."""
    g, p = set(words(gold)), set(words(predicted))
    if not g:
        return bool(gold.strip()) and gold.strip() == (predicted or "").strip()
    return bool(p) and (g <= p or p <= g)


# -- predictions -------------------------------------------------------------------

@dataclass
class Prediction:
    content: str
    cue: str
    speaker: str
    named: bool | None
    role: str | None
    channel: str | None
    cited: list[str]
    parent: int | None
    resolved_by: str | None = None


def to_prediction(attribution) -> Prediction:
    speaker = attribution.speaker
    return Prediction(
        content=attribution.content_text, cue=attribution.cue_text,
        speaker=speaker.name if speaker else attribution.source_text,
        named=speaker.named if speaker else None,
        role=speaker.role if speaker else None, channel=attribution.channel,
        cited=[c.name for c in attribution.cited], parent=attribution.parent,
        resolved_by=speaker.resolved_by if speaker else None)


# -- scoring one item ------------------------------------------------------------

@dataclass
class ItemResult:
    item: Item
    predictions: list[Prediction]
    pairs: dict[int, int]  # gold index -> prediction index
    field_right: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    wrong: list[str] = field(default_factory=list)

    @property
    def missed(self) -> int:
        return len(self.item.records) - len(self.pairs)

    @property
    def extra(self) -> int:
        return len(self.predictions) - len(self.pairs)

    @property
    def fully_right(self) -> bool:
        return not self.missed and not self.extra and not self.wrong


def _overlap(gold: list[str], predicted: list[str]) -> float:
    """Token F1 between two contents (bags of words)."""
    if not gold or not predicted:
        return 0.0
    remaining, common = list(predicted), 0
    for token in gold:
        if token in remaining:
            remaining.remove(token)
            common += 1
    if not common:
        return 0.0
    p, r = common / len(predicted), common / len(gold)
    return 2 * p * r / (p + r)


def match_records(gold: list[dict], predictions: list[Prediction]) -> dict[int, int]:
    """One to one, most overlapping contents first; a pair needs half the words."""
    scored = []
    for g, record in enumerate(gold):
        gold_form = content_form(" ".join(_fragments(record["content"])))
        for p, prediction in enumerate(predictions):
            overlap = _overlap(gold_form, content_form(prediction.content))
            if overlap >= 0.5:
                bonus = 0.01 if cue_matches(record.get("cue", ""), prediction.cue) else 0.0
                scored.append((overlap + bonus, g, p))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, g, p in sorted(scored, reverse=True):
        if g not in pairs and p not in used:
            pairs[g] = p
            used.add(p)
    return pairs


def score_item(item: Item, predictions: list[Prediction]) -> ItemResult:
    result = ItemResult(item, predictions, match_records(item.records, predictions))
    for g, p in sorted(result.pairs.items()):
        for name, right in _field_checks(item.records[g], predictions[p], result.pairs).items():
            result.field_right[name].append(right)
            if not right:
                result.wrong.append(f"record {g} {name}")
    return result


def _field_checks(gold: dict, predicted: Prediction, pairs: dict[int, int]) -> dict[str, bool]:
    gold_content = content_form(" ".join(_fragments(gold["content"])))
    checks = {
        "content": gold_content == content_form(predicted.content),
        "cue": cue_matches(gold.get("cue", ""), predicted.cue),
        # "named" is scored for people (the records that carry a role): whether a
        # body's description is its name ("regional emergency service") is moot
        "speaker": (name_form(gold["speaker"]) == name_form(predicted.speaker)
                    and ("named" not in gold or "role" not in gold
                         or bool(gold["named"]) == bool(predicted.named))),
        "channel": channel_form(gold.get("channel")) == channel_form(predicted.channel),
        "cited": ([name_form(c) for c in gold.get("cited", [])]
                  == [name_form(c) for c in predicted.cited]),
        "parent": _parent_right(gold.get("parent"), predicted.parent, pairs),
    }
    if "role" in gold:
        checks["role"] = role_form(gold["role"]) == role_form(predicted.role)
    return checks


def _parent_right(gold_parent: int | None, predicted_parent: int | None,
                  pairs: dict[int, int]) -> bool:
    if gold_parent is None:
        return predicted_parent is None
    return pairs.get(gold_parent, -1) == predicted_parent


# -- running and reporting -------------------------------------------------------

def run_bank(items: list[Item], model: str) -> list[ItemResult]:
    from sayso.extraction import Extractor
    from sayso.model import Document

    extractor = Extractor(model=model)
    documents = [Document(item.id, item.text, item.date) for item in items]
    results = []
    for item, extraction in zip(items, extractor.extract_all(documents)):
        results.append(score_item(item, [to_prediction(a) for a in extraction.attributions]))
    return results


def summarize(results: list[ItemResult]) -> dict:
    by_family: dict[str, list[ItemResult]] = defaultdict(list)
    for result in results:
        by_family[result.item.family].append(result)
    families = {name: _family_row(rows) for name, rows in sorted(by_family.items())}
    total = _family_row(results)
    negatives = [r for r in results if r.item.negative]
    total["negative_records"] = sum(len(r.predictions) for r in negatives)
    return {"families": families, "total": total}


def _family_row(results: list[ItemResult]) -> dict:
    row = {"items": len(results),
           "fully_right": sum(r.fully_right for r in results),
           "gold": sum(len(r.item.records) for r in results),
           "missed": sum(r.missed for r in results),
           "extra": sum(r.extra for r in results)}
    row["share"] = row["fully_right"] / row["items"] if row["items"] else 0.0
    for name in FIELDS:
        checks = [ok for r in results for ok in r.field_right.get(name, [])]
        row[name] = sum(checks) / len(checks) if checks else None
    return row


def format_table(summary: dict, model: str) -> str:
    head = (f"{'family':28} {'items':>5} {'right':>6} {'share':>6} {'miss':>5} {'extra':>5}  "
            + " ".join(f"{name[:7]:>7}" for name in FIELDS))
    lines = [f"pattern bank, {model} mode", head, "-" * len(head)]
    for name, row in [*summary["families"].items(), ("TOTAL", summary["total"])]:
        if name == "TOTAL":
            lines.append("-" * len(head))
        cells = " ".join(f"{row[f]:7.2f}" if row[f] is not None else f"{'-':>7}" for f in FIELDS)
        lines.append(f"{name:28} {row['items']:5d} {row['fully_right']:6d} {row['share']:6.1%} "
                     f"{row['missed']:5d} {row['extra']:5d}  {cells}")
    below = [n for n, row in summary["families"].items() if row["share"] < 0.9]
    lines.append(f"records on negative families: {summary['total']['negative_records']}; "
                 f"families under 90%: {len(below)}")
    return "\n".join(lines)


def format_details(results: list[ItemResult]) -> str:
    out = []
    for result in results:
        if result.fully_right:
            continue
        out.append(f"== {result.item.id}: missed {result.missed}, extra {result.extra}; "
                   + ", ".join(result.wrong))
        out.append("   " + result.item.text.replace("\n", " / ")[:400])
        inverse = {p: g for g, p in result.pairs.items()}
        for p, prediction in enumerate(result.predictions):
            tag = f"gold {inverse[p]}" if p in inverse else "EXTRA"
            out.append(f"   [{tag}] {prediction.speaker!r} ({prediction.role}) {prediction.cue!r} "
                       f"ch={prediction.channel!r} cited={prediction.cited} parent="
                       f"{prediction.parent} :: {prediction.content[:100]!r}")
        for g, record in enumerate(result.item.records):
            if g not in result.pairs:
                out.append(f"   [MISSED {g}] {record['speaker']!r} {record.get('cue')!r} :: "
                           f"{' '.join(_fragments(record['content']))[:100]!r}")
            elif any(w.startswith(f"record {g} ") for w in result.wrong):
                out.append(f"   [gold {g}] {record['speaker']!r} ({record.get('role')}) "
                           f"{record.get('cue')!r} ch={record.get('channel')!r} "
                           f"cited={record.get('cited', [])} parent={record.get('parent')}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", choices=("default", "accurate", "both"), default="both")
    parser.add_argument("--family", action="append", help="only these families")
    parser.add_argument("--bank", type=Path, default=BANK)
    parser.add_argument("--check", action="store_true", help="only validate the bank")
    parser.add_argument("--details", action="store_true", help="print every item not fully right")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    items = load_bank(args.bank, args.family)
    problems = check_bank(items)
    for problem in problems:
        print(problem, file=sys.stderr)
    if args.check or problems:
        print(f"{len(items)} items in {len({i.family for i in items})} families; "
              f"{len(problems)} problems")
        return 1 if problems else 0
    models = ("default", "accurate") if args.model == "both" else (args.model,)
    report = {}
    for model in models:
        results = run_bank(items, model)
        summary = report[model] = summarize(results)
        if not args.json:
            print(format_table(summary, model))
            if args.details:
                print(format_details(results))
            print()
    if args.json:
        print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
