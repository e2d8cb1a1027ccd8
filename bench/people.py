"""People benchmarks: name variants (does ``same_person`` merge only the pairs that are one person?) and real pages.

    .venv/bin/python bench/people.py [--split tune|report|real|all] [--errors]

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

Real split (``--split real``): people on real web pages, scored against our own gold
``bench/data/people_real_gold.jsonl`` (format and annotation rules in ``bench/data/README.md``) over
the texts in ``../shared/data`` (``real-copies/pages.jsonl`` and the gold bodies of
``zyte-article-extraction/ground-truth.json``; skipped with a message when absent). Each source set is
ingested into a temporary SQLite database with the ``newstrace`` CLI; per article people come from
``export`` (the ``facts --json`` shape), profiles from ``people --json``; an article's person belongs
to the profile that lists the article and bears the person's name (as its name, else among its
aliases). Gold spans index the page's raw text; each is carried to the article's clean text through
the matching blocks of the two texts, else to the nearest occurrence of the mention string outside
those blocks (a mention that cleaning removed is counted apart). Prints, per source set and half
(``dev`` to tune, ``test`` to report)::

    {"benchmark": "people-real", "set": "zyte", "half": "test", "metric": "mention_recall", "value": 0.9}

with metrics ``mention_precision`` (predicted person mentions overlapping a gold person mention /
predicted person mentions; those on a gold ``aside`` mention are left out), ``mention_recall`` (gold
person mentions overlapped by a predicted one / gold person mentions kept in the clean text: the
contract's spans index the clean text, and a headline moved to ``article.title`` cannot be evidenced),
``mention_exact`` (of those found, the share with a predicted span equal to the gold span),
``non_english_mention_recall`` over the pages the source set marks as not English (``non_english_pages``),
``non_english_linked_to_story`` (real-copies only: of the non-English pages labelled against an
English page, a translation's source or a same_story report, in ``labels.jsonl``, the share the
linker joined to it, by a link between the two or by putting both in one story;
``non_english_linked_by_link`` the share joined by a link alone; ``non_english_story_pages`` counts
them), ``removed_by_cleaning`` (gold person mentions not in the
clean text), ``junk_per_50_pages``
(predicted people none of whose mentions overlaps a gold person or aside mention, per 50 pages; a
gold ``credit`` reported as a person is junk), ``ages_found`` (stated ages the matching predicted
person carries / ages stated; ``ages_stated`` counts them), ``merge_precision`` and ``merge_recall``
(pairs of gold person mentions in different articles of one source set and half: same gold person
vs same profile; ``merge_gold_pairs`` counts the gold pairs), ``merge_precision_with_titles`` and
``merge_recall_with_titles`` (the same, with each mention the cleaning removed, a headline or a caption,
put in the profile its person's found mentions on that page went to), and the counts ``pages``, ``gold_mentions``,
``gold_page_people`` (a person counted once per page) and ``gold_people`` (distinct persons).
``--errors`` lists, for the dev half only (the test half stays unseen), junk people, missed mentions
and ages, and split or wrongly merged people.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import json
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from newstrace.link.people import same_person

sys.path.insert(0, str(Path(__file__).resolve().parent))
from real_copies import same_page  # noqa: E402  (one rule for one page under two URLs)
from newstrace.model import PersonClaim

DATA = Path(__file__).resolve().parent / "data"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
REAL_GOLD = DATA / "people_real_gold.jsonl"
REAL_SOURCES = {
    "real-copies": SHARED / "real-copies" / "pages.jsonl",
    "zyte": SHARED / "zyte-article-extraction" / "ground-truth.json",
}
PAGES_PER_JUNK_RATE = 50  # the unit: junk people per 50 pages
# A gold mention whose raw position falls outside the texts' matching blocks is looked for this many
# characters either side of where the nearest block puts it (the clean text drops whole lines, and
# an excerpt's line is rarely longer than this).
MENTION_SEARCH_WINDOW = 400
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

# ---- real split: people on real web pages against our own gold ----


def read_source_pages(source: str) -> dict[str, dict]:
    """The pages of one source set as ingest rows (``url``, ``text`` and what else the set gives), by page id."""
    path = REAL_SOURCES[source]
    if source == "real-copies":
        rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
        return {row["id"]: row for row in rows}
    gold = json.loads(path.read_text(encoding="utf-8"))
    return {page_id: {"url": page["url"], "text": page["articleBody"]} for page_id, page in gold.items()}


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def newstrace_cli(*args: str) -> str:
    """Run the ``newstrace`` command installed beside this interpreter and return its stdout."""
    command = Path(sys.executable).with_name("newstrace")
    done = subprocess.run([str(command), *args], capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"newstrace {args[0]} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return done.stdout


def run_newstrace(rows: list[dict], workdir: Path) -> tuple[dict[str, dict], list[dict], "Joined"]:
    """Ingest the pages into a fresh database: (stored article with its facts by url, profiles,
    the stories and links the linker made)."""
    source = workdir / "pages.jsonl"
    source.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    db = str(workdir / "people.db")
    newstrace_cli("ingest", str(source), "--db", db)

    def rows_of(*command: str) -> list[dict]:
        return [json.loads(line) for line in newstrace_cli(*command, "--db", db).splitlines() if line.strip()]

    stored = rows_of("export")
    story_of = {article["url"]: story["id"] for story in rows_of("stories", "--json") for article in story["articles"]}
    links = {frozenset((link["copy"], link["source"])): link["verdict"] for link in rows_of("copies", "--json")}
    return {facts["article"]["url"]: facts for facts in stored}, rows_of("people", "--json"), Joined(story_of, links)


@dataclass(frozen=True)
class Joined:
    """What ties articles together after ingest: each url's story, and the linked pairs' verdicts."""

    story_of: dict[str, str]
    links: dict[frozenset[str], str]

    def together(self, url: str, other: str) -> str | None:
        """How two articles were joined: the verdict of their link, else "same story", else None."""
        verdict = self.links.get(frozenset((url, other)))
        if verdict:
            return verdict
        story = self.story_of.get(url)
        return "same story" if story is not None and story == self.story_of.get(other) else None


def matching_blocks(raw: str, clean: str) -> list:
    """The (raw start, clean start, size) blocks the raw page text and its clean text share."""
    return [block for block in difflib.SequenceMatcher(None, raw, clean, autojunk=False).get_matching_blocks()
            if block.size]


def clean_span(raw: str, clean: str, blocks: list, start: int, end: int) -> tuple[int, int] | None:
    """Where the raw text's span [start, end) is in the clean text, or None if cleaning removed it."""
    mention = raw[start:end]
    expected = None
    for a, b, size in blocks:
        if a <= start and end <= a + size:
            return b + start - a, b + end - a
        if expected is None or abs(a - start) < abs(expected[0] - start):
            expected = (a, b)
    if expected is None:
        return None
    guess = expected[1] + start - expected[0]
    hits, at = [], clean.find(mention)
    while at >= 0:
        hits.append(at)
        at = clean.find(mention, at + 1)
    # an occurrence lying whole inside a matching block is the image of another raw occurrence
    near = [hit for hit in hits if abs(hit - guess) <= MENTION_SEARCH_WINDOW
            and not any(b <= hit and hit + len(mention) <= b + size for _a, b, size in blocks)]
    if not near:
        return None
    best = min(near, key=lambda hit: abs(hit - guess))
    return best, best + len(mention)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def profile_of(person: dict, url: str, profiles: list[dict]) -> str | None:
    """The profile an article's person belongs to: one listing the article and the person's name
    (as its name first, else among its aliases)."""
    names = {person["name"], *person.get("aliases", ())}
    listing = [profile for profile in profiles if url in profile.get("articles", ())]
    for profile in listing:
        if profile["name"] == person["name"]:
            return profile["id"]
    for profile in listing:
        if names & {profile["name"], *profile.get("aliases", ())}:
            return profile["id"]
    return None


def score_page(gold: dict, raw: str, facts: dict, profiles: list[dict], language: str | None = None) -> dict:
    """One page's gold mentions carried to the clean text and matched against the predicted people."""
    clean = facts["article"]["text"]
    blocks = matching_blocks(raw, clean)
    mentions = []
    for mention in gold["mentions"]:
        mentions.append({**mention, "clean": clean_span(raw, clean, blocks, mention["start"], mention["end"])})
    predicted = []  # (span, person)
    for person in facts["people"]:
        for evidence in person["mentions"]:
            predicted.append(((evidence["start"], evidence["end"]), person))
    page = {"mentions": mentions, "predicted": predicted, "clean": clean, "language": language,
            "profile": {person["id"]: profile_of(person, facts["article"]["url"], profiles)
                        for person in facts["people"]}}
    # the predicted person each gold mention landed on (largest overlap)
    for mention in mentions:
        best, best_overlap = None, 0
        for span, person in predicted:
            if mention["clean"] and overlaps(span, mention["clean"]):
                shared = min(span[1], mention["clean"][1]) - max(span[0], mention["clean"][0])
                if shared > best_overlap:
                    best, best_overlap = person, shared
        mention["predicted"] = best
        mention["exact"] = bool(mention["clean"]) and any(span == mention["clean"] for span, _ in predicted)
    return page


def ratio(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


def score_real_half(pages: list[tuple[dict, dict]], show_errors: bool, say) -> dict:
    """Figures over the (gold, scored page) pairs of one source set and half."""
    tally = Counter()
    gold_people = set()
    merge_mentions = []  # (page id, gold person, predicted profile or None)
    merge_texts = []  # the mention's text, beside merge_mentions, for --errors
    removed_mentions = set()  # indexes into merge_mentions of mentions the cleaning removed
    for gold, page in pages:
        people_kind = {person["person"]: person["kind"] for person in gold["people"]}
        story = [m for m in page["mentions"] if m["kind"] == "person"]
        tally["gold_mentions"] += len(story)
        tally["gold_page_people"] += len({m["person"] for m in story})
        gold_people.update(m["person"] for m in story)
        foreign = page["language"] not in (None, "en")
        tally["non_english_pages"] += foreign
        for m in story:
            tally["non_english_kept"] += foreign and m["clean"] is not None
            tally["non_english_found"] += foreign and m["predicted"] is not None
            if m["clean"] is None:
                tally["removed"] += 1
                if show_errors:
                    say(f"removed by cleaning: {gold['id']} {m['text']!r}")
            elif m["predicted"] is not None:
                tally["found"] += 1
                tally["exact"] += m["exact"]
            elif show_errors:
                s, e = m["clean"]
                say(f"missed mention: {gold['id']} {m['text']!r} in {page['clean'][max(0, s - 40):e + 20]!r}")
            merge_mentions.append((gold["id"], m["person"],
                                   page["profile"].get(m["predicted"]["id"]) if m["predicted"] else None))
            merge_texts.append(m["text"])
            if m["clean"] is None:
                removed_mentions.add(len(merge_mentions) - 1)
        kept = [(m["clean"], m["kind"]) for m in page["mentions"] if m["clean"]]
        for span, _person in page["predicted"]:
            kinds = {kind for gold_span, kind in kept if overlaps(span, gold_span)}
            if "aside" in kinds and "person" not in kinds:
                continue
            tally["predicted"] += 1
            tally["correct"] += "person" in kinds
        junk_ids = set()
        for _span, person in page["predicted"]:
            spans = [(e["start"], e["end"]) for e in person["mentions"]]
            kinds = {kind for gold_span, kind in kept for span in spans if overlaps(span, gold_span)}
            if person["id"] not in junk_ids and not kinds & {"person", "aside"}:
                junk_ids.add(person["id"])
                if show_errors:
                    why = " (a credit)" if "credit" in kinds else ""
                    say(f"junk person: {gold['id']} {person['name']!r}{why}")
        tally["junk"] += len(junk_ids)
        for person in gold["people"]:
            if person.get("age") is None or people_kind.get(person["person"]) != "person":
                continue
            tally["ages_stated"] += 1
            found = {m["predicted"]["age"] for m in story if m["person"] == person["person"] and m["predicted"]}
            if person["age"]["value"] in found:
                tally["ages_found"] += 1
            elif show_errors:
                say(f"missed age: {gold['id']} {person['name']!r} {person['age']['phrase']!r} "
                    f"(found {sorted(found, key=str)})")
    merge = pair_counts(merge_mentions)
    with_titles = pair_counts(removed_take_page_profile(merge_mentions, removed_mentions))
    if show_errors:
        profiles_of = defaultdict(Counter)
        people_of = defaultdict(Counter)
        seen_as = defaultdict(set)  # (person, profile) -> "page:text" of its mentions
        for (page_id, person, profile), text in zip(merge_mentions, merge_texts):
            if profile is not None:
                profiles_of[person][profile] += 1
                people_of[profile][person] += 1
                seen_as[person, profile].add(f"{page_id}:{text}")
        for person, counts in sorted(profiles_of.items()):
            if len(counts) > 1:
                say(f"split person: {person} over {len(counts)} profiles {dict(counts)}")
                for profile, count in counts.most_common()[1:]:
                    say(f"  profile {profile}: {sorted(seen_as[person, profile])}")
        for profile, counts in sorted(people_of.items()):
            if len(counts) > 1:
                say(f"merged people: profile {profile} holds {dict(counts)}")
    return {
        "mention_precision": ratio(tally["correct"], tally["predicted"]),
        "mention_recall": ratio(tally["found"], tally["gold_mentions"] - tally["removed"]),
        "mention_exact": ratio(tally["exact"], tally["found"]),
        "non_english_mention_recall": ratio(tally["non_english_found"], tally["non_english_kept"]),
        "non_english_pages": tally["non_english_pages"],
        "removed_by_cleaning": tally["removed"],
        "junk_per_50_pages": round(tally["junk"] * PAGES_PER_JUNK_RATE / len(pages), 2) if pages else None,
        "ages_found": ratio(tally["ages_found"], tally["ages_stated"]),
        "ages_stated": tally["ages_stated"],
        "merge_precision": ratio(merge["correct"], merge["predicted"]),
        "merge_recall": ratio(merge["correct"], merge["gold"]),
        "merge_gold_pairs": merge["gold"],
        "merge_precision_with_titles": ratio(with_titles["correct"], with_titles["predicted"]),
        "merge_recall_with_titles": ratio(with_titles["correct"], with_titles["gold"]),
        "pages": len(pages),
        "gold_mentions": tally["gold_mentions"],
        "gold_page_people": tally["gold_page_people"],
        "gold_people": len(gold_people),
    }


def pair_counts(merge_mentions: list[tuple[str, str, str | None]]) -> Counter:
    """Pairs of mentions in different articles: ``gold`` (one gold person), ``predicted`` (one
    profile) and ``correct`` (both)."""
    counts = Counter()
    for (page_a, gold_a, profile_a), (page_b, gold_b, profile_b) in combinations(merge_mentions, 2):
        if page_a == page_b:
            continue
        same_gold = gold_a == gold_b
        same_profile = profile_a is not None and profile_a == profile_b
        counts["gold"] += same_gold
        counts["predicted"] += same_profile
        counts["correct"] += same_gold and same_profile
    return counts


def removed_take_page_profile(merge_mentions: list[tuple[str, str, str | None]],
                              removed: set[int]) -> list[tuple[str, str, str | None]]:
    """The mentions with each one the cleaning removed (a headline, a caption: the contract's spans
    cannot point there) put in the profile its person's found mentions on that page went to (the
    commonest; none if the page names the person nowhere else)."""
    found = defaultdict(Counter)
    for k, (page, person, profile) in enumerate(merge_mentions):
        if k not in removed and profile is not None:
            found[page, person][profile] += 1
    return [
        (page, person, found[page, person].most_common(1)[0][0] if k in removed and found[page, person] else profile)
        for k, (page, person, profile) in enumerate(merge_mentions)
    ]


def non_english_joins(half: list[dict], pages: dict[str, dict], stored: dict[str, dict], joined: Joined,
                      show_errors: bool, say) -> dict:
    """Non-English pages of the half with a labelled English counterpart (the source of a
    translation, or the report a same_story page is labelled against): how many the linker
    joined to it, by a link or by putting both in one story."""
    labels_path = REAL_SOURCES["real-copies"].with_name("labels.jsonl")
    labels = [json.loads(line) for line in labels_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_page = {same_page(page["url"]): page for page in pages.values()}
    english = {}  # non-English page url -> its English counterpart's url
    for label in labels:
        copy, counterpart = by_page.get(same_page(label["copy"])), by_page.get(same_page(label["source"]))
        if copy and counterpart and copy["language"] != "en" and counterpart["language"] == "en":
            english[copy["url"]] = counterpart["url"]
    foreign = [page for page in half if page["url"] in english]
    joins = by_link = 0
    for page in foreign:
        how = joined.together(page["url"], english[page["url"]])
        joins += how is not None
        by_link += how not in (None, "same story")
        if show_errors:
            people = [person["name"] for person in stored.get(page["url"], {}).get("people", ())]
            counterpart = by_page[same_page(english[page["url"]])]["id"]
            say(f"non-English page {page['id']} ({page['language']}): people {people}; "
                f"{'joined to ' + counterpart + ' by ' + how if how else 'not joined to ' + counterpart}")
    return {"non_english_linked_to_story": ratio(joins, len(foreign)),
            "non_english_linked_by_link": ratio(by_link, len(foreign)), "non_english_story_pages": len(foreign)}


def score_real(show_errors: bool) -> list[dict]:
    """Run newstrace on the annotated pages of each source set and score every half."""
    gold_rows = [json.loads(line) for line in REAL_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = []
    for source in REAL_SOURCES:
        golds = [row for row in gold_rows if row["set"] == source]
        if not golds:
            continue
        pages = read_source_pages(source)
        drifted = [row["id"] for row in golds
                   if row["id"] not in pages or text_sha1(pages[row["id"]]["text"]) != row["text_sha1"]]
        if drifted:
            print(f"# {source}: {len(drifted)} annotated pages changed or missing, left out: {drifted[:5]}",
                  file=sys.stderr)
        golds = [row for row in golds if row["id"] not in drifted]
        with tempfile.TemporaryDirectory() as workdir:
            stored, profiles, joined = run_newstrace([pages[row["id"]] for row in golds], Path(workdir))
        for half in ("dev", "test"):
            scored = []
            for row in golds:
                if row["split"] != half:
                    continue
                if row["url"] not in stored:
                    print(f"# {source} {row['id']}: newstrace stored no article for {row['url']}", file=sys.stderr)
                    continue
                source_row = pages[row["id"]]
                scored.append((row, score_page(row, source_row["text"], stored[row["url"]], profiles,
                                               source_row.get("language"))))
            if not scored:
                continue
            def say(message: str, source=source, half=half) -> None:
                print(f"# {source} {half}: {message}", file=sys.stderr)
            figures = score_real_half(scored, show_errors and half == "dev", say)
            if source == "real-copies":
                half_pages = [pages[row["id"]] for row, _page in scored]
                figures.update(non_english_joins(half_pages, pages, stored, joined, show_errors and half == "dev", say))
            lines += [{"benchmark": "people-real", "set": source, "half": half, "metric": metric, "value": value}
                      for metric, value in figures.items()]
    return lines



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "report", "real", "all"), default="all")
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
    if args.split in ("real", "all"):
        missing = [str(path) for path in (REAL_GOLD, *REAL_SOURCES.values()) if not path.exists()]
        if missing:
            print(f"# {', '.join(missing)} absent: split 'real' skipped", file=sys.stderr)
        else:
            for line in score_real(args.errors):
                print(json.dumps(line))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
