"""Article extraction quality on the Zyte benchmark, with its own metric.

    .venv/bin/python bench/zyte.py [--data DIR]

Metric (as the benchmark defines it): lower-case ``\\w+`` tokens, multisets of
word 4-grams; per page, precision and recall of the extracted text against the
gold ``articleBody``; F1 of the mean precision and the mean recall over pages.
A page we refuse counts as an empty extraction (precision and recall 0).
Bare ``trafilatura.extract`` with default options runs on the same pages in the
same run as the baseline. Prints JSON lines:
    {"benchmark": "zyte-article-extraction", "metric": "f1", "value": ...}
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

import trafilatura

from newstrace.errors import InputError
from newstrace.ingest import to_article
from newstrace.model import Document

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "zyte-article-extraction"
TOKEN = re.compile(r"\w+")


def ngrams(text: str, n: int = 4) -> Counter:
    tokens = TOKEN.findall(text.lower())
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def precision_recall(predicted: str, gold: str) -> tuple[float, float]:
    pred, true = ngrams(predicted), ngrams(gold)
    overlap = sum((pred & true).values())
    precision = overlap / sum(pred.values()) if pred else (1.0 if not true else 0.0)
    recall = overlap / sum(true.values()) if true else 1.0
    return precision, recall


def ours(html: bytes, url: str) -> str:
    try:
        article = to_article(Document(source=url, kind="html", content=html, url=url))
    except InputError:
        return ""
    # The article's text as a reader gets it: the title is separate (the gold has no title either).
    return article.text


def baseline(html: bytes, url: str) -> str:
    return trafilatura.extract(html, url=url) or ""


def score(pages: list[tuple[bytes, str, str]], extractor) -> dict[str, float]:
    precisions, recalls = [], []
    for html, url, gold in pages:
        p, r = precision_recall(extractor(html, url), gold)
        precisions.append(p)
        recalls.append(r)
    precision = sum(precisions) / len(precisions)
    recall = sum(recalls) / len(recalls)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    truth_file = args.data / "ground-truth.json"
    if not truth_file.exists():
        print(f"Zyte benchmark data not found at {args.data}; pass --data DIR.", file=sys.stderr)
        return 2
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    pages = []
    for page_id, gold in sorted(truth.items()):
        html = gzip.decompress((args.data / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append((html, gold.get("url") or page_id, gold.get("articleBody") or ""))
    for suffix, extractor in (("", ours), ("_trafilatura_baseline", baseline)):
        for metric, value in score(pages, extractor).items():
            print(json.dumps({"benchmark": "zyte-article-extraction", "metric": metric + suffix, "value": round(value, 4),
                              "pages": len(pages)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
