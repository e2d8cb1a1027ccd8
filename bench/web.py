"""Latency of the web pages on a large database: synthetic rows, real queries and templates.

    .venv/bin/python bench/web.py [--articles 100000] [--db PATH] [--samples 200]

Fills an SQLite file (kept at --db, reused when it already holds the articles) with
synthetic rows shaped like an ingest's: stories of STORY_SIZE articles (an original, its
verbatim, edited and spun copies, and same-story reports), PEOPLE_PER_ARTICLE people per
article (mentions, ages, roles, quotes, states), person profiles spanning their story. The
text is made-up words; the pages' queries and templates are what is measured. Then it asks
the app (in process, through the ASGI test client: routing, queries, templates, no network)
for --samples random pages of each kind and prints p50 / p95 / max milliseconds per kind,
one JSON line each. The first request of each kind is a warm-up and is not counted (for
the sites page its time is printed as sites_first_ms: it reads the counters of each site,
``site_counts``, as every request does; it once was an aggregate over every article).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

from sqlalchemy import func, insert, select

from newstrace.store import Store
from newstrace.store import schema
from newstrace.store.search import ensure_search_index

STORY_SIZE = 10  # articles per story
PEOPLE_PER_ARTICLE = 3
# Of a story's articles: 0 is the original, then these link to it as copies; the rest are same-story reports.
COPY_VERDICTS = ("verbatim", "edited", "spun", "verbatim", "translated")
STATES = ("captive", "released", "hospitalized")
SITES = 400
WORDS_PER_SENTENCE = 14
SENTENCES = 10
BATCH = 5_000  # rows per executemany
SEED = 7


def made_up_words(rng: random.Random, count: int) -> list[str]:
    syllables = "ka lo mi re sa tu ven dor pel qui zan bro fen gal hur iss jor lek mun nop".split()
    return sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(count)})


class Filler:
    """Synthetic rows, written table by table in batches."""

    def __init__(self, store: Store, articles: int) -> None:
        self.store = store
        self.total = articles
        self.rng = random.Random(SEED)
        self.words = made_up_words(self.rng, 6_000)
        self.given = [w.capitalize() for w in self.words[:300]]
        self.surnames = [w.capitalize() + "son" for w in self.words[300:1300]]
        self.rows: dict[str, list[dict]] = {}

    def add(self, table, row: dict) -> None:
        batch = self.rows.setdefault(table.name, [])
        batch.append(row)
        if len(batch) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Write every pending row, parents first (the foreign keys are checked)."""
        with self.store.engine.begin() as conn:
            for table in schema.metadata.sorted_tables:
                rows = self.rows.pop(table.name, [])
                if rows:
                    conn.execute(insert(table), rows)

    def sentence(self, person: str | None = None) -> str:
        words = [self.rng.choice(self.words) for _ in range(WORDS_PER_SENTENCE)]
        if person:
            words[2:2] = [person, "said"]
        words[0] = words[0].capitalize()
        return " ".join(words) + "."

    def fill(self) -> None:
        stories = self.total // STORY_SIZE
        for story in range(stories):
            self.story(story)
        self.flush()

    def story(self, number: int) -> None:
        rng = self.rng
        story_id = f"s{number:08d}"
        cast = [(f"pr{number:07d}{k}", f"{rng.choice(self.given)} {rng.choice(self.surnames)}") for k in range(PEOPLE_PER_ARTICLE + 1)]
        for profile_id, name in cast:
            self.add(schema.profiles, {"id": profile_id, "name": name})
            self.add(schema.profile_names, {"profile_id": profile_id, "name": name, "articles": STORY_SIZE, "first_seen": "2024"})
            self.add(schema.profile_keys, {"key": name.split()[-1].lower(), "profile_id": profile_id})
        day = 1 + number % 28
        self.add(schema.story_sizes, {"story_id": story_id, "articles": STORY_SIZE,
                                      "first_day": f"2024-{1 + number % 12:02d}-{day:02d}"})
        for index in range(STORY_SIZE):
            article_id = f"a{number:08d}{index:02d}"
            published = f"2024-{1 + number % 12:02d}-{day:02d}T{8 + index:02d}:00:00+00:00"
            people = cast[:PEOPLE_PER_ARTICLE] if index % 2 == 0 else cast[1:]
            self.article(article_id, story_id, published, index, people)
            if 0 < index <= len(COPY_VERDICTS):
                verdict = COPY_VERDICTS[index - 1]
                self.add(schema.links, {"copy_id": article_id, "source_id": f"a{number:08d}00", "verdict": verdict,
                                        "score": 0.9, "direction": "published"})
            elif index > len(COPY_VERDICTS):
                self.add(schema.links, {"copy_id": article_id, "source_id": f"a{number:08d}00", "verdict": "same_story",
                                        "score": 0.7, "direction": "published"})

    def article(self, article_id: str, story_id: str, published: str, index: int, people) -> None:
        rng = self.rng
        parts, spans = [], {}
        offset = 0
        for k in range(SENTENCES):
            person = people[k % len(people)] if k < 2 * len(people) else None
            sentence = self.sentence(person[1] if person else None)
            if person:
                start = offset + sentence.index(person[1])
                spans.setdefault(person[0], []).append((k, start, start + len(person[1])))
            parts.append(sentence)
            offset += len(sentence) + 1
        text = " ".join(parts)
        self.add(schema.articles, {
            "id": article_id, "url": f"https://site{index}.example/{article_id}", "site": f"Site {rng.randrange(SITES)}",
            "title": " ".join(rng.choice(self.words) for _ in range(8)).capitalize(), "published": published,
            "dateline": None, "language": "en", "author": None, "text": text, "removed": [], "paragraphs": [[0, len(text)]],
            "notes": [], "source": None, "ingested_at": published,
        })
        self.add(schema.story_articles, {"article_id": article_id, "story_id": story_id})
        for position, (profile_id, name) in enumerate(people):
            entity_id = f"p{position + 1}"
            found = spans[profile_id]
            self.add(schema.entities, {"article_id": article_id, "entity_id": entity_id, "kind": "person", "name": name,
                                       "aliases": [name.split()[-1]], "position": position})
            self.add(schema.profile_members, {"article_id": article_id, "entity_id": entity_id, "profile_id": profile_id})
            for sentence, start, end in found:
                self.add(schema.mentions, {"article_id": article_id, "entity_id": entity_id, "sentence": sentence,
                                           "char_start": start, "char_end": end})
            sentence, start, end = found[0]
            span = {"sentence": sentence, "char_start": start, "char_end": end}
            self.add(schema.attributes, {"article_id": article_id, "entity_id": entity_id, "field": "age",
                                         "value": str(20 + int(profile_id[-1]) * 7), "of_id": None, "position": 0, **span})
            self.add(schema.quotes, {"article_id": article_id, "position": position, "speaker_id": entity_id,
                                     "speaker_name": name, "text": text[end + 6 : end + 60], "kind": "indirect",
                                     "cue": "said", **span})
            self.add(schema.statuses, {"article_id": article_id, "position": position, "person_id": entity_id,
                                       "state": STATES[(index + position) % len(STATES)],
                                       "time": {"text": "on Monday", "value": published[:10], "granularity": "day",
                                                "approximate": False}, **span})


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "newstrace-bench-web.db")
    parser.add_argument("--samples", type=int, default=200)
    options = parser.parse_args()

    store = Store(options.db, create=True)
    with store.engine.connect() as conn:
        have = conn.execute(select(func.count()).select_from(schema.articles)).scalar_one()
    if have < options.articles:
        if have:
            sys.exit(f"{options.db} holds {have} articles, fewer than {options.articles}: delete it first.")
        started = time.perf_counter()
        Filler(store, options.articles).fill()
        ensure_search_index(store)
        print(json.dumps({"benchmark": "web", "metric": "fill_seconds", "value": round(time.perf_counter() - started, 1)}))
    with store.engine.connect() as conn:
        articles = conn.execute(select(func.count()).select_from(schema.articles)).scalar_one()
        profiles = conn.execute(select(schema.profiles.c.id)).scalars().all()
        stories = conn.execute(select(schema.story_articles.c.story_id).distinct()).scalars().all()
        ids = conn.execute(select(schema.articles.c.id)).scalars().all()
        names = conn.execute(select(schema.profiles.c.name).limit(5_000)).scalars().all()

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from newstrace.web import create_app

    client = TestClient(create_app(str(options.db)))
    rng = random.Random(SEED)
    kinds = {
        "article": lambda: f"/articles/{rng.choice(ids)}",
        "person": lambda: f"/people/{rng.choice(profiles)}",
        "story": lambda: f"/stories/{rng.choice(stories)}",
        "search_name": lambda: "/search?q=" + rng.choice(names).replace(" ", "+"),
        "search_word": lambda: "/search?q=" + rng.choice(names).split()[0],  # a given name: ~1,500 articles
        "search_common": lambda: "/search?q=said",  # a word of every article
        "home": lambda: "/",
        "sites": lambda: "/sites?sort=" + rng.choice(("articles", "copy_share", "spun")),  # one row per site
    }
    for kind, path in kinds.items():
        started = time.perf_counter()
        assert client.get(path()).status_code == 200  # warm-up
        if kind == "sites":
            first = round((time.perf_counter() - started) * 1000, 1)
            print(json.dumps({"benchmark": "web", "metric": "sites_first_ms", "value": first}), flush=True)
        timings = []
        for _ in range(options.samples):
            url = path()
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        print(json.dumps({
            "benchmark": "web", "page": kind, "articles": articles, "samples": len(timings),
            "p50_ms": round(statistics.median(timings), 1), "p95_ms": round(percentile(timings, 0.95), 1),
            "max_ms": round(max(timings), 1),
        }), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
