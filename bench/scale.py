"""Linking at scale on a corpus whose people recur as in real news.

    .venv/bin/python bench/scale.py [--articles 100000] [--seed 0] [--data DIR] [--set SETTING=N ...]
                                    [--db URL [--resume] | --postgres | --postgres-dir DIR [--resume]]
    .venv/bin/python bench/scale.py --db FILE --next 300   (the next 300 articles into a copy of FILE)

The corpus: the 2,225 BBC News articles of ``../shared/data/bbc-news`` are analysed once (the
analyses are cached under ``~/.cache/newstrace-bench``) and re-issued as ``--articles``
synthetic articles, each made from one BBC analysis by a pure function of its number:

* its people renamed to people drawn from a pool of recurring names by a Zipf law (a few people
  in many articles, most in a handful), consistently in the text, the names and every span;
* 60% of its other lowercase words swapped for words of the same length drawn from the BBC
  articles' own (as often as they write them, so words recur as in real news), so two
  re-issues of one BBC article are not copies of each other; they keep their places,
  organisations and numbers, so the linker sees them as reports of one story (at 100,000
  articles about 45 per BBC article, like a big running story). Of 240 pairs of re-issues of
  40 BBC articles, 234 are verified same_story and 6 spun, and 15 go through the paraphrase
  step. Until 2026-12-07 only words of four letters or more were swapped, for random letters:
  the short ones kept the sentences' shape (74 of the 240 pairs came out spun, 200 paraphrased)
  and every swapped word was new to the linker's per-word caches and word-keyed index;
* a site drawn by a Zipf law, and a date: articles are linked in date order, as a crawler would;
* one in ten is instead a copy of an earlier synthetic article (verbatim or with a few words
  changed) on another site, a day or more later.

Each article is stored and then linked (copies, people, stories) exactly as ``ingest`` does;
only the linking is timed. Prints JSON lines: per 10% slice ``linking_ms_per_article`` (mean
wall time), ``linking_ms_p95``, ``linking_cpu_ms_per_article`` (this process's CPU time: steadier
than wall time on a shared machine, but blind to the database server's own work on PostgreSQL)
and ``statements_per_article`` (SQL statements the linking ran: a proxy for
rows read, which the database drivers do not report), then ``people_merge_precision`` (with
``merge_recall``: the profiles' merges over pairs of person mentions, each pool name being one
person), ``peak_rss_mb``, ``growth`` (the last slice's mean over the first one's: flat cost per
article is 1.0; ``cpu_growth`` the same on CPU
time) and ``articles``.
"""

from __future__ import annotations

import argparse
import bisect
import dataclasses
import hashlib
import json
import pickle
import random
import re
import resource
import string
import sys
import tempfile
import time
from pathlib import Path

from report import emitter, note

import newstrace
from newstrace import pipeline
from newstrace.collector import fewer_collections
from newstrace.model import Analysis, Article, Entity, Evidence, Paragraph, article_id

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "bbc-news" / "bbc"
CACHE = Path.home() / ".cache" / "newstrace-bench"
# Distinct recurring people and sites, and the Zipf exponents of how often each appears. With
# 0.8 over 100,000 people the most named one is 1 draw in 45 (in about one article in ten, as
# a head of government in a national paper); 1.1 made one person 1 draw in 8, which no news has.
PEOPLE_POOL, PEOPLE_ZIPF = 100_000, 0.8
SITES_POOL, SITES_ZIPF = 500, 1.0
# Share of lowercase words swapped in a re-issue, and share of articles that copy an earlier one.
SWAP_SHARE, COPY_SHARE = 0.6, 0.10
# Changes whenever Corpus.article makes other articles: a resumed run never mixes two corpora.
# 2 (2026-12-07): every lowercase word may be swapped, for a word of the BBC articles' own.
CORPUS_VERSION = 2
# Days the corpus spans (dates drawn uniformly).
DAYS = 3 * 365
SLICES = 10

emit = emitter("scale")

_GIVEN = "Ana Boris Chen Dana Elif Farid Gita Hugo Ines Jonas Kofi Lena Marek Nadia Omar Priya Quinn Rosa Sami Tomas Uma Viktor Wen Xavier Yara Zoltan".split()
_SYLLABLES = "ba ke lo mi nu ra so ti va ze dor fen gal hin jor kas lun mar nev pol rek sim tor vel".split()


def recurring_name(k: int) -> tuple[str, str]:
    """Person ``k`` of the pool: a given name and a surname, distinct for each k."""
    given = _GIVEN[k % len(_GIVEN)]
    rest, parts = k // len(_GIVEN), []
    while True:
        parts.append(_SYLLABLES[rest % len(_SYLLABLES)])
        rest //= len(_SYLLABLES)
        if not rest:
            break
    return given, ("".join(parts) + "ski").capitalize()


class Zipf:
    """Draws 0..n-1 with P(k) proportional to 1/(k+1)^s."""

    def __init__(self, n: int, s: float) -> None:
        weights = [1 / (k + 1) ** s for k in range(n)]
        total, running, self.cumulative = sum(weights), 0.0, []
        for weight in weights:
            running += weight / total
            self.cumulative.append(running)

    def draw(self, rng: random.Random) -> int:
        return min(bisect.bisect_left(self.cumulative, rng.random()), len(self.cumulative) - 1)


def base_analyses(data: Path) -> list[Analysis]:
    """The BBC articles analysed once by this version of newstrace (cached)."""
    paths = sorted(data.glob("*/*.txt"))
    # Keyed by the source that analysis runs: an analysis made by other extraction code is stale,
    # while a change to linking or storage (which this benchmark measures) keeps the cache.
    code = hashlib.sha1(b"".join(p.read_bytes() for p in analysis_sources(Path(newstrace.__file__).parent)))
    key = hashlib.sha1(f"{code.hexdigest()}\n{len(paths)}\n{data.resolve()}".encode()).hexdigest()[:12]
    cached = CACHE / f"bbc-analyses-{key}.pickle"
    if cached.exists():
        return pickle.loads(cached.read_bytes())
    note(f"analysing {len(paths)} BBC articles once (cached in {cached})...")
    analyses = [a for a in pipeline.analyze_paths(paths) if isinstance(a, Analysis) and a.article.text]
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(pickle.dumps(analyses))
    return analyses


# Parts of the package that analysing an article never runs; of link/, analysis runs only the
# modules that read names and sentences (extract/ imports them).
NOT_ANALYSIS = ("store", "web", "spark")
ANALYSIS_LINK_MODULES = ("names.py", "name_parts.py", "text.py")


def analysis_sources(package: Path) -> list[Path]:
    """The package's source files that analysing an article can run, sorted."""
    found = []
    for path in sorted(package.rglob("*.py")):
        top = path.relative_to(package).parts[0]
        if top in NOT_ANALYSIS or (top == "link" and path.name not in ANALYSIS_LINK_MODULES):
            continue
        found.append(path)
    return found


def is_copy(corpus_seed: int, k: int) -> bool:
    """Whether synthetic article ``k`` is planted as a copy of an earlier one (as Corpus.article draws it)."""
    return k > 0 and random.Random(corpus_seed * 1_000_003 + k).random() < COPY_SHARE


class Corpus:
    """Synthetic article ``k`` as a pure function of (seed, k): a copy can rebuild its original."""

    def __init__(self, bases: list[Analysis], size: int, seed: int) -> None:
        self.bases, self.size, self.seed = bases, size, seed
        self.vocabulary = _vocabulary(bases)
        self.people, self.sites = Zipf(PEOPLE_POOL, PEOPLE_ZIPF), Zipf(SITES_POOL, SITES_ZIPF)
        days = random.Random(seed).choices(range(DAYS), k=size)
        self.days = sorted(days)  # article k is the k-th in date order

    def article(self, k: int) -> Analysis:
        rng = random.Random(self.seed * 1_000_003 + k)
        if rng.random() < COPY_SHARE and k > 0:
            earlier = rng.randrange(max(0, k - 2000), k)
            original = self.article(earlier)
            changes = 0 if rng.random() < 0.5 else rng.randint(1, 5)
            return self._reissue(original, rng, k, names={}, swap_share=None, swaps=changes)
        base = self.bases[rng.randrange(len(self.bases))]
        names: dict[str, tuple[str, str]] = {}
        for person in base.people:
            names[person.id] = recurring_name(self.people.draw(rng))
        return self._reissue(base, rng, k, names=names, swap_share=SWAP_SHARE, swaps=0)

    def _swapped(self, word: str, rng: random.Random, share: float) -> str:
        """Another word of the same length (offsets stay where they were), ``share`` of the time:
        drawn from the bases' words as often as they write them, so the corpus's vocabulary
        grows as real news's does; random letters made every swapped word new, and every
        per-word cache and word-keyed index posting of the linker grew with the corpus."""
        if rng.random() >= share:
            return word
        same_length = self.vocabulary.get(len(word))
        if not same_length:
            return "".join(rng.choice(string.ascii_lowercase) for _ in word)
        return same_length[rng.randrange(len(same_length))]

    def _reissue(self, analysis: Analysis, rng: random.Random, k: int, names, swap_share, swaps) -> Analysis:
        text = analysis.article.text
        edits: list[tuple[int, int, str]] = []  # (start, end, new text), sorted, not overlapping
        renamed: dict[str, str] = {}
        taken: set[int] = set()
        for person in analysis.people:
            if person.id not in names:
                continue
            given, surname = names[person.id]
            old = person.name.split()
            renamed[person.name] = f"{given} {surname}"
            if old:
                renamed.setdefault(old[-1], surname)
            for mention in person.mentions:
                written = text[mention.start : mention.end]
                new = surname if len(written.split()) == 1 and len(old) > 1 else f"{given} {surname}"
                if not taken.intersection(range(mention.start, mention.end)):
                    edits.append((mention.start, mention.end, new))
                    taken.update(range(mention.start, mention.end))
        words = [(m.start(), m.end()) for m in _LOWER_WORD.finditer(text)]
        if swap_share:
            chosen = [w for w in words if rng.random() < swap_share]
        else:
            chosen = rng.sample(words, min(swaps, len(words)))
        for start, end in chosen:
            if not taken.intersection(range(start, end)):
                edits.append((start, end, self._swapped(text[start:end], rng, 1.0)))
        edits.sort()
        pieces, starts, spans, cursor, shift = [], [], [], 0, 0
        for start, end, new in edits:
            pieces += [text[cursor:start], new]
            starts.append(start)
            shift_after = shift + len(new) - (end - start)
            spans.append((start, end, start + shift, len(new), shift_after))
            shift, cursor = shift_after, end
        pieces.append(text[cursor:])
        new_text = "".join(pieces)

        def moved(position: int) -> int:
            """Where a character offset of the old text lands in the new one."""
            i = bisect.bisect_right(starts, position) - 1
            if i < 0:
                return position
            start, end, new_start, new_length, shift_after = spans[i]
            if position < end:  # inside an edit: as far into the new words
                return new_start + min(position - start, new_length)
            return position + shift_after

        site = f"site{self.sites.draw(rng)}.example"
        url = f"https://{site}/scale/{self.seed}/{k}"
        published = _date(self.days[k])
        new_id = article_id(url, new_text)
        article = dataclasses.replace(
            analysis.article, id=new_id, url=url, site=site, text=new_text, published=published, source=url,
            title=analysis.article.title and _LOWER_WORD.sub(lambda m: self._swapped(m.group(), rng, swap_share or 0), analysis.article.title),
            paragraphs=tuple(Paragraph(moved(p.start), moved(p.end)) for p in analysis.article.paragraphs),
        )
        return _rebuilt(analysis, article, moved, renamed)


_LOWER_WORD = re.compile(r"\b[a-z]+\b")


def _vocabulary(bases: list[Analysis]) -> dict[int, list[str]]:
    """The bases' lowercase words by length, each as often as it is written."""
    by_length: dict[int, list[str]] = {}
    for base in bases:
        for word in _LOWER_WORD.findall(base.article.text):
            by_length.setdefault(len(word), []).append(word)
    return by_length


def _date(day: int) -> str:
    return time.strftime("%Y-%m-%d", time.gmtime(1_600_000_000 + day * 86_400))


def _renamed(value, renamed: dict[str, str]):
    if not isinstance(value, str):
        return value
    return renamed.get(value, value)


def _rebuilt(analysis: Analysis, article: Article, moved, renamed):
    """The analysis with every span moved into the new text, every id and name renewed."""

    def walk(value):
        if isinstance(value, Evidence):
            return Evidence(article.id, value.sentence, moved(value.start), moved(value.end))
        if isinstance(value, Entity):
            return dataclasses.replace(
                value,
                name=renamed.get(value.name, value.name),
                aliases=tuple(dict.fromkeys(renamed.get(a, a) for a in value.aliases)),
                mentions=tuple(walk(m) for m in value.mentions),
                attributes=tuple(walk(a) for a in value.attributes),
            )
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {f.name: walk(getattr(value, f.name)) for f in dataclasses.fields(value)}
            return dataclasses.replace(value, **changes)
        if isinstance(value, tuple):
            return tuple(walk(v) for v in value)
        return _renamed(value, renamed)

    return Analysis(
        article=article,
        **{f.name: walk(getattr(analysis, f.name)) for f in dataclasses.fields(analysis) if f.name != "article"},
    )


class Progress:
    """The run's timings so far, kept in a small JSON file after every article when the database
    is one you named (``--db``), so a run of 100,000 articles can stop (a session's end, a
    reboot) and go on with ``--resume``: the corpus is a pure function of (seed, k), so article k
    is the same in every process. A slice's p95 covers the articles timed in its last process."""

    def __init__(self, path: Path | None, corpus: Corpus) -> None:
        self.path, self.key = path, {"seed": corpus.seed, "articles": corpus.size, "corpus": CORPUS_VERSION}
        self.slices: list[dict] = []  # per finished slice: mean wall and CPU ms
        self.current = _empty_slice()  # sums over the unfinished slice
        if path is not None and path.exists():
            saved = json.loads(path.read_text())
            if saved["key"] != self.key:
                raise SystemExit(f"{path} belongs to a run of {saved['key']}, not {self.key}: use another --db")
            self.slices, self.current = saved["slices"], saved["current"]

    def add(self, ms: float, cpu_ms: float, statements: int) -> None:
        for name, value in (("ms", ms), ("cpu", cpu_ms), ("statements", statements), ("n", 1)):
            self.current[name] += value

    def close_slice(self) -> dict:
        n = self.current["n"] or 1
        done = {"ms": self.current["ms"] / n, "cpu": self.current["cpu"] / n, "statements": self.current["statements"] / n}
        self.slices.append(done)
        self.current = _empty_slice()
        return done

    def save(self) -> None:
        if self.path is not None:
            self.path.write_text(json.dumps({"key": self.key, "slices": self.slices, "current": self.current}))


def _empty_slice() -> dict:
    return {"ms": 0.0, "cpu": 0.0, "statements": 0, "n": 0}


def _ready_linker(corpus: Corpus, db: str, settings=None):
    """(store, linker) on ``db``, its pending articles linked and linking's start-up paid."""
    from newstrace.link import DEFAULT_SETTINGS, Linker
    from newstrace.store import Store

    store = Store(db)
    linker = Linker(store, settings or DEFAULT_SETTINGS)
    # A resumed run: the article stored when the last process stopped may not be linked yet.
    linker.link_pending()
    # Load what linking loads once per process (the verifier, WordNet) before timing, so that the
    # first articles timed measure linking, not start-up.
    linker.compare(corpus.article(0), corpus.article(min(1, corpus.size - 1)))
    return store, linker


@fewer_collections()  # as ``ingest`` links
def run(corpus: Corpus, db: str, settings=None, progress_file: Path | None = None) -> None:
    from sqlalchemy import event

    store, linker = _ready_linker(corpus, db, settings)
    progress = Progress(progress_file, corpus)
    start = store.count()
    if start and not progress.slices and not progress.current["n"]:
        raise SystemExit(f"the database holds {start} articles and no run's timings: "
                         "link into an empty one, or --resume the run that filled it")
    if start:
        note(f"resuming after {start} articles")
    statements = [0]
    event.listen(store.engine, "before_cursor_execute", lambda *args: statements.__setitem__(0, statements[0] + 1))
    slice_size = max(1, corpus.size // SLICES)
    times: list[float] = []  # this process's wall times in the current slice, for its p95
    for k in range(start, corpus.size):
        analysis = corpus.article(k)
        store.add(analysis)
        before, started, started_cpu = statements[0], time.perf_counter(), time.process_time()
        problem = linker.link_one(analysis)
        times.append((time.perf_counter() - started) * 1000)
        progress.add(times[-1], (time.process_time() - started_cpu) * 1000, statements[0] - before)
        if problem is not None:
            note(f"article {k}: {problem.reason}")
        if (k + 1) % slice_size == 0 or k == corpus.size - 1:
            done = progress.close_slice()
            emit("linking_ms_per_article", round(done["ms"], 2), slice=len(progress.slices), articles_so_far=k + 1,
                 linking_ms_p95=round(sorted(times)[int(0.95 * (len(times) - 1))], 2),
                 linking_cpu_ms_per_article=round(done["cpu"], 2),
                 statements_per_article=round(done["statements"], 1))
            times = []
        progress.save()
    firsts = [s["ms"] for s in progress.slices]
    firsts_cpu = [s["cpu"] for s in progress.slices]
    from collections import Counter

    found = Counter(link.verdict for link in linker.copies())
    planted = sum(is_copy(corpus.seed, k) for k in range(corpus.size))
    emit("copies_planted", planted)
    emit("links_found", sum(found.values()), by_verdict=dict(found))
    merges = people_merges(store)
    emit("people_merge_precision", merges.pop("merge_precision"), **merges)
    emit("peak_rss_mb", round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1))
    emit("growth", round(firsts[-1] / firsts[0], 3) if firsts and firsts[0] else None,
         cpu_growth=round(firsts_cpu[-1] / firsts_cpu[0], 3) if firsts_cpu and firsts_cpu[0] else None)
    emit("articles", corpus.size, backend=store.engine.dialect.name)


@fewer_collections()  # as ``ingest`` links
def link_next(corpus: Corpus, database: Path, n: int, settings=None) -> None:
    """Link the next ``n`` corpus articles into a copy of the SQLite run database ``database``
    (made with SQLite's backup, so a run may still be writing to it) and print their CPU ms per
    article: two versions of the code compared on the same grown database, one right after the
    other, in minutes instead of the hours a run to that size takes. The copy is deleted after."""
    import gc
    import sqlite3

    with tempfile.TemporaryDirectory(dir=database.parent) as folder:
        copy = Path(folder) / "copy.db"
        source, target = sqlite3.connect(f"file:{database}?mode=ro", uri=True), sqlite3.connect(copy)
        with source, target:
            source.backup(target)
        source.close()
        target.close()
        store, linker = _ready_linker(corpus, str(copy), settings)
        start = store.count()
        collecting, started = [0.0], [0.0]

        def timed(phase: str, _info: dict) -> None:
            if phase == "start":
                started[0] = time.process_time()
            else:
                collecting[0] += time.process_time() - started[0]

        stop = min(start + n, corpus.size)
        if stop <= start:
            note(f"{database} holds all {corpus.size} articles of the corpus: nothing comes next")
            return
        cpu = 0.0
        gc.callbacks.append(timed)
        try:
            for k in range(start, stop):
                analysis = corpus.article(k)
                store.add(analysis)
                before = time.process_time()
                linker.link_one(analysis)
                cpu += time.process_time() - before
        finally:
            gc.callbacks.remove(timed)
        linked = stop - start
        emit("next_linking_cpu_ms_per_article", round(cpu * 1000 / linked, 1), after=start, articles=linked,
             collection_cpu_ms_per_article=round(collecting[0] * 1000 / linked, 1))
        store.engine.dispose()


def people_merges(store) -> dict:
    """Merge precision and recall of the stored profiles over pairs of person mentions, against
    the corpus's own people: every person is renamed to a pool name, and each pool name is one
    person (a copy keeps its original's names). Resolution may still split a pool person whose
    articles (re-issues of unrelated BBC stories) give other ages or roles: recall is a relative
    figure, for comparing linker versions on one corpus."""
    from collections import Counter

    from sqlalchemy import select

    from newstrace.store.schema import entities, profile_members

    members = profile_members.c
    query = select(members.profile_id, entities.c.name).join(
        entities, (entities.c.article_id == members.article_id) & (entities.c.entity_id == members.entity_id)
    )
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    pairs = lambda counts: sum(n * (n - 1) // 2 for n in counts.values())  # noqa: E731
    together = pairs(Counter(profile for profile, _name in rows))
    same = pairs(Counter(name for _profile, name in rows))
    both = pairs(Counter(rows))
    return {
        "merge_precision": round(both / together, 4) if together else None,
        "merge_recall": round(both / same, 4) if same else None,
        "mentions": len(rows),
        "profiles": len({profile for profile, _name in rows}),
    }


def link_settings(assignments: list[str]):
    """The default linker settings with ``name=value`` assignments (numbers) applied."""
    from newstrace.link import DEFAULT_SETTINGS

    changes = {}
    for assignment in assignments:
        name, _, value = assignment.partition("=")
        default = getattr(DEFAULT_SETTINGS, name)  # AttributeError: no such setting
        changes[name] = type(default)(value)
    if changes:
        emit("settings", None, **changes)
    return dataclasses.replace(DEFAULT_SETTINGS, **changes)


def start_postgres(folder: Path | None = None):
    """A PostgreSQL server of its own (tests/postgres_server.py: a cluster on a local socket) in a
    temporary folder, which ``.stop()`` deletes, or kept in ``folder`` across runs (``--resume``).
    RuntimeError when it cannot start."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    import postgres_server

    return postgres_server.start(folder)


def progress_path(db: str | None, postgres_dir: Path | None) -> Path | None:
    """Where a run that can be resumed keeps its timings: beside its SQLite file or in its kept
    cluster's folder (both outlive a cache folder), else in the cache by the database URL's hash."""
    if postgres_dir is not None:
        return postgres_dir / "scale-progress.json"
    if db is None:
        return None  # a temporary database: nothing to resume
    if "://" not in db:
        return Path(db + ".progress.json")
    return CACHE / f"scale-run-{hashlib.sha1(db.encode()).hexdigest()[:12]}.json"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", default=None, help="Database URL or SQLite file (default: a new temporary SQLite file); "
                                                  "it should be empty.")
    where.add_argument("--postgres", action="store_true",
                       help="Start a throwaway PostgreSQL server (Debian's postgresql package) and link into it.")
    where.add_argument("--postgres-dir", type=Path, default=None, metavar="DIR",
                       help="Link into a PostgreSQL cluster kept in DIR (made there the first time), so that "
                            "--resume can go on with the run later.")
    parser.add_argument("--resume", action="store_true",
                        help="Go on with the run stored in --db or --postgres-dir (same --articles and --seed) "
                             "where it stopped.")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--next", type=int, default=None, metavar="N",
                        help="With --db FILE (an SQLite run's database): link the next N articles into a copy "
                             "of it and print their CPU ms per article; FILE is not changed.")
    parser.add_argument("--set", action="append", default=[], metavar="SETTING=N",
                        help="a linker setting other than its default (link/settings.py), to compare; repeatable")
    args = parser.parse_args()
    settings = link_settings(args.set)
    if args.next is not None:
        if not args.db or "://" in args.db or not Path(args.db).is_file():
            parser.error("--next needs --db FILE, the SQLite database of a run")
        link_next(Corpus(base_analyses(args.data), args.articles, args.seed), Path(args.db), args.next, settings)
        return 0
    progress_file = progress_path(args.db, args.postgres_dir)
    if progress_file is None and args.resume:
        parser.error("--resume needs the --db or --postgres-dir of the run to go on with")
    if progress_file is not None:
        if progress_file.exists() and not args.resume:
            progress_file.unlink()  # a new run into this database: it should be empty (see --db)
        progress_file.parent.mkdir(parents=True, exist_ok=True)
    if not args.data.is_dir():
        note(f"bbc-news data not found at {args.data}; pass --data DIR.")
        return 2
    corpus = Corpus(base_analyses(args.data), args.articles, args.seed)
    if args.postgres or args.postgres_dir:
        try:
            server = start_postgres(args.postgres_dir)
        except RuntimeError as error:  # no PostgreSQL here: say why, measure nothing
            note(f"could not start PostgreSQL: {error}")
            return 2
        try:
            run(corpus, server.url, settings, progress_file)
        finally:
            server.stop()
        return 0
    with tempfile.TemporaryDirectory() as folder:
        run(corpus, args.db or str(Path(folder) / "scale.db"), settings, progress_file)
    return 0


if __name__ == "__main__":
    sys.exit(main())
