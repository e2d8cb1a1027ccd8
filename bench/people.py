"""Name-variant benchmark: does ``same_person`` merge the pairs that are one person, and only those?

    .venv/bin/python bench/people.py [--split tune|report|all] [--errors]

Tune split: ``bench/data/name_variants_tune.jsonl`` (written by the matcher's author) and
``name_variants_tune_b.jsonl`` (written independently as a first report set, then used for
tuning once its errors had been read). Report split: ``name_variants_report.jsonl``, written by
someone who saw neither the matcher nor the other sets, and never tuned on. One pair per line::

    {"id": "r001", "a": {"name": "Roni Krivoi", "age": 25, "roles": [...], "nationalities": [...],
     "with": ["Yelena Trufanova"], "story": "gaza-captives", "published": "2023-11-27"},
     "b": {...}, "same": true, "kind": "transliteration"}

Prints one JSON line per figure: ``{"benchmark": "name-variants", "split", "metric", "value"}``
with metric ``merge_precision`` (correct merges / predicted merges), ``merge_recall``
(correct merges / gold merges) and ``pairs``. ``--errors`` also prints each wrong decision.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from newstrace.link.people import same_person
from newstrace.model import PersonClaim

DATA = Path(__file__).resolve().parent / "data"
SPLITS = {
    "tune": [DATA / "name_variants_tune.jsonl", DATA / "name_variants_tune_b.jsonl"],
    "report": [DATA / "name_variants_report.jsonl"],
}


def claim(data: dict) -> PersonClaim:
    age = data.get("age")
    return PersonClaim(
        name=data["name"],
        aliases=tuple(data.get("aliases", ())),
        age=int(age) if age is not None else None,
        roles=tuple(data.get("roles", ())),
        nationalities=tuple(data.get("nationalities", ())),
        with_=tuple(data.get("with", ())),
        story=data.get("story"),
        published=data.get("published"),
    )


def score(paths: list[Path], split: str, show_errors: bool) -> list[dict]:
    pairs = [
        json.loads(line) for path in paths for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    predicted = gold = correct = 0
    for pair in pairs:
        merged = same_person(claim(pair["a"]), claim(pair["b"]))
        predicted += merged
        gold += bool(pair["same"])
        correct += merged and bool(pair["same"])
        if show_errors and merged != bool(pair["same"]):
            print(f"# wrong: {pair['id']} {pair.get('kind')} gold={pair['same']}: "
                  f"{pair['a']['name']!r} vs {pair['b']['name']!r}", file=sys.stderr)
    figures = {
        "merge_precision": round(correct / predicted, 4) if predicted else None,
        "merge_recall": round(correct / gold, 4) if gold else None,
        "pairs": len(pairs),
    }
    return [{"benchmark": "name-variants", "split": split, "metric": m, "value": v} for m, v in figures.items()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "report", "all"), default="all")
    parser.add_argument("--errors", action="store_true", help="print each wrong decision to stderr")
    args = parser.parse_args(argv)
    for split, paths in SPLITS.items():
        if args.split not in (split, "all"):
            continue
        missing = [path.name for path in paths if not path.exists()]
        if missing:
            print(f"# {', '.join(missing)} absent: split {split!r} skipped", file=sys.stderr)
            continue
        for line in score(paths, split, args.errors):
            print(json.dumps(line))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
