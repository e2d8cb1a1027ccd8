"""The stages wired together: sources -> Article -> Analysis -> Store.

Each stage stays a plain function; this module only connects them, so the CLI
(and any Python caller) runs the same path.
"""

from __future__ import annotations

import json
import traceback
from functools import cache, partial
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from . import nlp as nlp_module
from .budget import OverBudget, within
from .collector import fewer_collections
from .errors import InputError
from .extract.counts import extract_counts
from .extract.dates import extract_times
from .extract.entities import extract_entities
from .extract.events import extract_events
from .extract.integrity import extract_flags
from .extract import russian
from .extract.lists import extract_lists
from .extract.quotes import extract_quotes
from .extract.status import extract_statuses
from .ingest import read_documents, to_article
from .limits import DEFAULT_LIMITS, Limits
from .link import Linker
from .model import Analysis, Article, Comparison, Document, Problem
from .store import Store
from .workers import in_order

if TYPE_CHECKING:
    from .link.fingerprint import Fingerprint

# Articles in other languages are stored and marked; the English NLP is skipped.
NLP_LANGUAGES = ("en",)
# The facts of an analysis, in the order they are extracted (each may use the ones before).
FACT_ORDER = ("entities", "times", "events", "quotes", "counts", "statuses", "flags", "lists")


def needs_english_nlp(article: Article) -> bool:
    # An undetected language is treated as English rather than losing its facts.
    return article.language is None or article.language in NLP_LANGUAGES


def skip_note(article: Article) -> str:
    if article.language == "ru" and russian.available():
        found = "people, organizations and places by natasha's Russian NER"
    else:
        found = "people only where they are known by name"
    return (
        f"language is {article.language!r}, not English: quotes and events were not extracted "
        f"(English NLP skipped), {found}; the article was cleaned and stored"
    )


def other_language_analysis(article: Article) -> Analysis:
    """What we can read in an article our English model cannot: for Russian, natasha's entities."""
    entities = russian.russian_entities(article) if article.language == "ru" and russian.available() else ()
    return Analysis(article=article, entities=entities, notes=(skip_note(article), *article.notes))


def with_known_people(analysis: Analysis, store: Store) -> Analysis:
    """An article our English model cannot read, with the people the database already knows
    that it names (``link.spotting``: any script, Russian case endings undone), and a note.

    A known person that a model found too (natasha, for Russian) is that entity under the known
    name, with the name as written in the article among its aliases and both sets of mentions.
    """
    from .link.spotting import known_people

    spotted = known_people(analysis.article, store.known_people())
    if not spotted:
        return analysis
    entities = list(analysis.entities)
    added = []
    for person in spotted:
        found = [k for k, e in enumerate(entities) if e.kind == "person" and _overlap(e, person)]
        if len(found) > 1:
            continue  # the spotted name spans two of the model's people: trust neither guess
        if not found:
            added.append(person)
            continue
        entity = entities[found[0]]
        mentions = {(m.start, m.end): m for m in (*entity.mentions, *person.mentions)}
        entities[found[0]] = replace(
            entity,
            name=person.name,
            aliases=tuple(dict.fromkeys(a for a in (entity.name, *entity.aliases) if a != person.name)),
            mentions=tuple(mentions[key] for key in sorted(mentions)),
        )
    first = sum(e.kind == "person" for e in entities)
    entities += [replace(p, id=f"p{first + number}") for number, p in enumerate(added, start=1)]
    note = f"{len(spotted)} known people found by name: {', '.join(p.name for p in spotted)}"
    return replace(analysis, entities=tuple(entities), notes=(*analysis.notes, note))


def _overlap(first, second) -> bool:
    return any(a.start < b.end and b.start < a.end for a in first.mentions for b in second.mentions)


def analyze(article: Article, doc, limits: Limits = DEFAULT_LIMITS) -> Analysis:
    """All facts of one article from its parse.

    After ``limits.extraction_seconds`` the extraction stops: the analysis holds the facts that
    finished and a note naming the ones that did not.
    """
    found: dict = {}
    notes = article.notes
    try:
        with within(limits.extraction_seconds):
            found["entities"] = extract_entities(doc, article)
            found["times"] = extract_times(doc, article)  # found once; events and statuses attach them
            found["events"] = extract_events(
                doc, article, found["entities"], found["times"], max_sentence_chars=limits.max_sentence_chars
            )
            found["quotes"] = extract_quotes(doc, article, found["entities"], found["times"])
            found["counts"] = extract_counts(doc, article)
            found["statuses"] = extract_statuses(
                doc, article, found["entities"], found["events"], found["times"],
                max_sentence_chars=limits.max_sentence_chars,
            )
            found["flags"] = extract_flags(doc, article, max_sentence_chars=limits.max_sentence_chars)
            found["lists"] = extract_lists(doc, article, found["entities"], found["statuses"])
    except OverBudget:
        missing = ", ".join(name for name in FACT_ORDER if name not in found)
        notes += (
            f"fact extraction stopped after {limits.extraction_seconds:g} s (extraction_seconds): "
            f"{missing} not extracted",
        )
    return Analysis(article=article, notes=notes, **found)


def read_articles(
    paths: Iterable[str | Path], limits: Limits = DEFAULT_LIMITS, **read_options
) -> Iterator[Article | Problem]:
    """Clean articles from files, directories, JSONL or stdin; a Problem for each input that fails."""
    for item in read_documents(paths, limits=limits, **read_options):
        if not isinstance(item, Problem):
            item = guarded(item.source, lambda document=item: to_article(document, limits))
        yield item


def guarded(source: str, work: Callable[[], object]):
    """``work()``, or the Problem it raised: an InputError says why, anything else is an internal error."""
    try:
        return work()
    except InputError as error:
        return Problem(source, str(error))
    except Exception as error:  # one input's bug must not sink a batch of thousands
        return Problem.internal(source, error, traceback.format_exc())


def analyze_articles(
    articles: Iterable[Article], nlp=None, limits: Limits = DEFAULT_LIMITS
) -> Iterator[Analysis | Problem]:
    """Analyses in input order, parsed in batches; a Problem if one article's analysis fails.
    Anything else than an Article among ``articles`` (a Problem) comes back as it is, in its place."""

    def text_of(article: Article) -> str:
        # Non-English articles (and what is not an article) pass an empty text so order is
        # kept at no parsing cost.
        return article.text if isinstance(article, Article) and needs_english_nlp(article) else ""

    def convert(article: Article, doc) -> Analysis | Problem:
        if not isinstance(article, Article):
            return article
        if not needs_english_nlp(article):
            return guarded(article.source or article.url, lambda: other_language_analysis(article))
        return guarded(article.source or article.url, lambda: analyze(article, doc, limits))

    yield from nlp_module.process(articles, text_of, convert, nlp=nlp, on_error=failed_analysis)


def failed_analysis(article: Article, error: BaseException) -> Problem:
    """The Problem of an article whose parse or analysis raised (called where it is caught)."""
    return Problem.internal(article.source or article.url, error, traceback.format_exc())


@dataclass(frozen=True)
class Known:
    """An article left unanalysed: an earlier input was the same article, or the database holds it."""

    article: Article
    earlier: bool  # an earlier input (else the database)


def first_sight(
    document: Document, limits: Limits, is_stored: Callable[[str], bool] | None, seen: set[str]
) -> Article | Problem | Known:
    """The clean article of ``document`` when it is new: not among the ids in ``seen`` (met
    before; it is added to them) and not one ``is_stored(id)`` says the database holds.
    A Problem when cleaning or the database check fails."""
    article = guarded(document.source, lambda: to_article(document, limits))
    if isinstance(article, Problem):
        return article
    if article.id in seen:
        return Known(article, earlier=True)
    stored = guarded(document.source, lambda: is_stored(article.id)) if is_stored else False
    if isinstance(stored, Problem):
        return stored
    if stored:
        return Known(article, earlier=False)
    seen.add(article.id)
    return article


def analyze_documents(
    documents: Iterable[Document],
    limits: Limits = DEFAULT_LIMITS,
    nlp=None,
    is_stored: Callable[[str], bool] | None = None,
) -> Iterator[Analysis | Problem | Known]:
    """Clean each document and analyse its article if it is new (``first_sight``): one result
    per document, in input order."""
    seen: set[str] = set()
    articles = (first_sight(document, limits, is_stored, seen) for document in documents)
    yield from analyze_articles(articles, nlp=nlp, limits=limits)


@dataclass(frozen=True)
class Sketched:
    """An analysis with its article's fingerprint, made by the worker that analysed it: linking
    reads it from the article alone (``link.fingerprint``), so the writer need not make it."""

    analysis: Analysis
    fingerprint: Fingerprint | None  # None: making it failed (the writer tries again and reports it)


def analyze_chunk(documents: list[Document], limits: Limits = DEFAULT_LIMITS, db: str | None = None) -> list:
    """``analyze_documents`` of a few documents in a worker process (whose model ``nlp.load``
    keeps), leaving out the articles database ``db`` holds (opened once per process); each
    analysis comes ``Sketched``."""
    is_stored = _worker_store(db).has if db else None
    return [
        with_fingerprint(result) if isinstance(result, Analysis) else result
        for result in analyze_documents(documents, limits, is_stored=is_stored)
    ]


def with_fingerprint(analysis: Analysis) -> Sketched:
    """``analysis`` with its article's fingerprint (None if making it failed)."""
    from .link.fingerprint import fingerprint  # datasketch: loaded only where it is used

    try:
        return Sketched(analysis, fingerprint(analysis.article))
    except Exception:  # linking makes it again in the writer, where a failure is noted as always
        return Sketched(analysis, None)


@cache
def _worker_store(db: str) -> Store:
    return Store(db, create=False)


def analyze_in_workers(
    documents: Iterable[Document],
    workers: int,
    limits: Limits = DEFAULT_LIMITS,
    store: Store | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> Iterator[Sketched | Problem | Known]:
    """``analyze_documents`` spread over ``workers`` processes, each loading the default model
    once and opening ``store``'s database to leave out the articles it holds; the same
    results in the same order (each analysis ``Sketched``), but for an article repeated in the
    input, which is analysed again when the two fall in different chunks. ``meanwhile()`` runs
    in this process while the workers start on the first documents (``workers.in_order``)."""
    work = partial(analyze_chunk, limits=limits, db=store.shared_url if store is not None else None)
    yield from in_order(
        work, documents, workers, on_error=failed_analysis, initializer=nlp_module.load, meanwhile=meanwhile
    )


def analyze_paths(
    paths: Iterable[str | Path], nlp=None, limits: Limits = DEFAULT_LIMITS, **read_options
) -> Iterator[Analysis | Problem]:
    """Read, clean and analyse, without a database (``newstrace facts``)."""
    problems: list[Problem] = []

    def good_articles() -> Iterator[Article]:
        for item in read_articles(paths, limits, **read_options):
            if isinstance(item, Problem):
                problems.append(item)
            else:
                yield item

    for result in analyze_articles(good_articles(), nlp=nlp, limits=limits):
        yield from problems
        problems.clear()
        yield result
    yield from problems


@dataclass
class IngestReport:
    """What one ingest run did."""

    ingested: list[str] = field(default_factory=list)  # article ids
    duplicates: list[str] = field(default_factory=list)  # sources already in the database
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)  # stored, but a stage was skipped or cut short

    @property
    def failed(self) -> bool:
        return bool(self.problems)

    @property
    def internal_errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.is_internal]


@dataclass(frozen=True)
class IngestEvent:
    """One outcome, reported as it happens: ``kind`` is stored, duplicate, skipped or note."""

    kind: str
    source: str
    detail: str = ""
    problem: Problem | None = None


@fewer_collections()
def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    nlp=None,
    on_progress: Callable[[IngestEvent], None] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    linker: Linker | None = None,
    workers: int = 1,
    **read_options,
) -> IngestReport:
    """Read, clean, analyse and store; one transaction per article; link each article stored.

    ``linker``: the store's Linker (its settings and caches); a new one with the default
    settings when none is given. ``workers`` > 1: cleaning, parsing and extraction run in that
    many processes (``analyze_in_workers``, each with the default model; ``nlp`` is then
    unused) while this process stores and links in input order, so the database is the same
    as with one process.

    Each input is handled inside its own guard: whatever fails becomes a Problem and the batch
    goes on. ``on_progress(event)`` is called as each outcome happens (an input stored, a
    duplicate, a skip, a note), so skips can be shown at once.
    """
    report = IngestReport()
    tell = on_progress or (lambda _event: None)

    def skip(problem: Problem) -> None:
        report.problems.append(problem)
        tell(IngestEvent("skipped", problem.source, problem.reason, problem))

    def duplicate(source: str, article_id: str, earlier: bool = False) -> None:
        report.duplicates.append(source)
        detail = f"same article as an earlier input ({article_id})" if earlier else f"already stored as {article_id}"
        tell(IngestEvent("duplicate", source, detail))

    def note(problem: Problem) -> None:
        report.notes.append(problem)
        tell(IngestEvent("note", problem.source, problem.reason, problem))

    linker = linker or Linker(store)

    def prepare_linking() -> None:
        # Articles stored before linking existed (or by an interrupted run) are linked first,
        # so the new ones can find their sources among them.
        linker.link_pending(seconds=limits.linking_seconds, on_note=note)
        linker.warm_up()

    def documents() -> Iterator[Document]:
        for item in read_documents(paths, limits=limits, **read_options):
            if isinstance(item, Problem):
                skip(item)
            else:
                yield item

    seen: set[str] = set()  # ids of the new articles met so far

    def new_articles() -> Iterator[Article]:
        # One process: a duplicate is reported as soon as it is read, and never analysed.
        for document in documents():
            item = first_sight(document, limits, store.has, seen)
            if isinstance(item, Problem):
                skip(item)
            elif isinstance(item, Known):
                duplicate(item.article.source or item.article.url, item.article.id, earlier=item.earlier)
            else:
                yield item

    sketches: dict[str, Fingerprint] = {}  # article id -> the fingerprint a worker made

    def new_analyses(results: Iterable[Sketched | Problem | Known]) -> Iterator[Analysis | Problem]:
        # Workers: each checked the database and its own chunks; an article repeated across
        # chunks is found here, where every chunk's results arrive in input order.
        for result in results:
            if isinstance(result, Problem):
                yield result
                continue
            sketch = result.fingerprint if isinstance(result, Sketched) else None
            result = result.analysis if isinstance(result, Sketched) else result
            article = result.article
            if isinstance(result, Known) or article.id in seen:
                earlier = article.id in seen or isinstance(result, Known) and result.earlier
                duplicate(article.source or article.url, article.id, earlier=earlier)
                continue
            seen.add(article.id)
            if sketch is not None:
                sketches[article.id] = sketch
            yield result

    if workers > 1:  # the workers start on the first documents while this process prepares linking
        analyses = new_analyses(analyze_in_workers(documents(), workers, limits, store, meanwhile=prepare_linking))
    else:
        prepare_linking()
        analyses = analyze_articles(new_articles(), nlp=nlp, limits=limits)
    for result in analyses:
        if isinstance(result, Problem):
            skip(result)
            continue
        sketch = sketches.pop(result.article.id, None)
        source = result.article.source or result.article.url
        if not needs_english_nlp(result.article):
            spotted = guarded(source, lambda analysis=result: with_known_people(analysis, store))
            result = result if isinstance(spotted, Problem) else spotted
        added = guarded(source, lambda analysis=result: store.add(analysis))
        if isinstance(added, Problem):
            skip(added)
            continue
        if not added:  # stored by a concurrent run between our check and our write
            duplicate(source, result.article.id)
            continue
        report.ingested.append(result.article.id)
        tell(IngestEvent("stored", source, result.article.id))
        for text in result.notes:
            note(Problem(source, text))
        # link_one turns linking's own failures into a note; guarded catches one in noting it.
        linking = guarded(
            source, lambda analysis=result: linker.link_one(analysis, limits.linking_seconds, sketched=sketch)
        )
        if linking:
            note(linking)
    return report


def load(ref: str, store: Store | None) -> Analysis:
    """One analysis: a file analysed now if ``ref`` names a file, else a stored article (by id,
    id prefix or URL)."""
    if Path(ref).is_file():
        results = list(analyze_paths([ref]))
        analyses = [r for r in results if isinstance(r, Analysis)]
        if len(results) != 1 or not analyses:
            reason = results[0].reason if results and not analyses else "it holds several articles"
            raise InputError(f"Cannot compare {ref}: {reason}.")
        return analyses[0]
    if store is None:
        raise InputError(f"{ref} is not a file, and no database was given to find it in.")
    return store.get(ref)


@dataclass(frozen=True)
class Diff:
    """A copy compared with its source, and where each came from."""

    comparison: Comparison
    copy_url: str
    source_url: str


def diff(copy: str, source: str, db: str | Path) -> Diff:
    """Compare a copy with its source, each a file (analysed now) or an article stored in ``db``;
    the database is opened only when one of them is not a file."""
    store = None if Path(copy).is_file() and Path(source).is_file() else Store(db, create=False)
    copy_analysis, source_analysis = load(copy, store), load(source, store)
    from .link.compare import compare  # the verifier is the heavy half of linking: loaded on use

    return Diff(compare(copy_analysis, source_analysis), copy_analysis.article.url, source_analysis.article.url)


def export_jsonl(store: Store, stream: TextIO) -> int:
    """Write every stored article with its facts to ``stream``, one JSON object per line; how many."""
    count = 0
    for analysis in store.analyses():
        stream.write(json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count
