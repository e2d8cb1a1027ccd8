"""Article extraction quality on the Zyte benchmark, with its own metric.

    .venv/bin/python bench/zyte.py [--data DIR]

Metric (as the benchmark defines it, ``evaluate.py`` of
scrapinghub/article-extraction-benchmark): lower-case ``\\w+`` tokens,
multisets of word 4-grams; per page, precision and recall of the extracted text
against the gold ``articleBody``; F1 of the mean precision and the mean recall
over pages. Edge cases follow that script: a page where both texts are empty
scores 1 and 1; an empty extraction (a page we refuse) is left out of the
precision mean and scores recall 0, so refusing costs recall, not precision.

Our side reads each ``html/*.html.gz`` through ``read_documents`` (with the
page's gold URL) and ``to_article``; the score is on ``article.text`` (the title
is kept apart, and the gold has no title either). The baseline is bare
``trafilatura.extract(html, include_comments=False)``, the call the benchmark's
own trafilatura runner makes (trafilatura's defaults otherwise), on the same
pages in the same run. Prints JSON lines:
    {"benchmark": "zyte-article-extraction", "metric": "f1", "value": ...}
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

from newstrace.errors import InputError
from newstrace.ingest import read_documents, to_article
from newstrace.model import Problem

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "zyte-article-extraction"
BENCHMARK = "zyte-article-extraction"
TOKEN = re.compile(r"\w+")
NGRAM = 4


def ngrams(text: str) -> Counter:
    tokens = TOKEN.findall(text.lower())
    return Counter(tuple(tokens[i : i + NGRAM]) for i in range(len(tokens) - NGRAM + 1))


def precision_recall(predicted: str, gold: str) -> tuple[float | None, float | None]:
    """Per-page precision and recall; None where the benchmark leaves the page out of that mean."""
    pred, true = ngrams(predicted), ngrams(gold)
    overlap = sum((pred & true).values())
    if not pred and not true:
        return 1.0, 1.0
    precision = overlap / sum(pred.values()) if pred else None
    recall = overlap / sum(true.values()) if true else None
    return precision, recall


def ours(path: Path, url: str) -> str:
    (item,) = read_documents([path], url=url)
    if isinstance(item, Problem):
        return ""
    try:
        return to_article(item).text
    except InputError:
        return ""


def baseline(path: Path, url: str) -> str:
    return trafilatura.extract(gzip.decompress(path.read_bytes()), include_comments=False) or ""


def score(pages: list[tuple[Path, str, str]], extractor: Callable[[Path, str], str], label: str) -> dict[str, float]:
    precisions, recalls, empty = [], [], 0
    for number, (path, url, gold) in enumerate(pages, start=1):
        if sys.stderr.isatty():
            print(f"\r{label}: {number}/{len(pages)}", end="", file=sys.stderr, flush=True)
        predicted = extractor(path, url)
        empty += not predicted.strip()
        precision, recall = precision_recall(predicted, gold)
        if precision is not None:
            precisions.append(precision)
        if recall is not None:
            recalls.append(recall)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    precision = sum(precisions) / len(precisions)
    recall = sum(recalls) / len(recalls)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall, "empty_pages": empty}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with ground-truth.json and html/")
    args = parser.parse_args()
    truth_file = args.data / "ground-truth.json"
    if not truth_file.exists():
        print(f"error: Zyte benchmark data not found ({truth_file} is missing); pass --data DIR.", file=sys.stderr)
        return 2
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    pages = [
        (args.data / "html" / f"{page_id}.html.gz", gold.get("url") or page_id, gold.get("articleBody") or "")
        for page_id, gold in sorted(truth.items())
    ]
    for suffix, extractor in (("", ours), ("_trafilatura_baseline", baseline)):
        for metric, value in score(pages, extractor, suffix.strip("_") or "newstrace").items():
            value = value if isinstance(value, int) else round(value, 4)
            print(json.dumps({"benchmark": BENCHMARK, "metric": metric + suffix, "value": value, "pages": len(pages)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
