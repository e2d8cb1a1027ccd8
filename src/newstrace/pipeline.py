"""The stages wired together: sources -> Article -> Analysis -> Store.

Each stage stays a plain function; this module only connects them, so the CLI
(and any Python caller) runs the same path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import link as linker
from . import nlp as nlp_module
from .errors import InputError
from .extract.counts import extract_counts
from .extract.dates import extract_times
from .extract.entities import extract_entities
from .extract.events import extract_events
from .extract.integrity import extract_flags
from .extract.quotes import extract_quotes
from .extract.status import extract_statuses
from .ingest import read_documents, to_article
from .model import Analysis, Article, Problem
from .store import Store

# Articles in other languages are stored and marked; the English NLP is skipped.
NLP_LANGUAGES = ("en",)


def needs_english_nlp(article: Article) -> bool:
    # An undetected language is treated as English rather than losing its facts.
    return article.language is None or article.language in NLP_LANGUAGES


def skip_note(article: Article) -> str:
    return (
        f"language is {article.language!r}, not English: people, quotes and events were not "
        "extracted (English NLP skipped); the article was cleaned and stored"
    )


def analyze(article: Article, doc) -> Analysis:
    """All facts of one article from its parse."""
    entities = extract_entities(doc, article)
    times = extract_times(doc, article)  # found once; events and statuses attach them
    events = extract_events(doc, article, entities, times)
    return Analysis(
        article=article,
        entities=entities,
        quotes=extract_quotes(doc, article, entities),
        counts=extract_counts(doc, article),
        times=times,
        events=events,
        statuses=extract_statuses(doc, article, entities, events, times),
        flags=extract_flags(doc, article),
    )


def read_articles(paths: Iterable[str | Path], **read_options) -> Iterator[Article | Problem]:
    """Clean articles from files, directories, JSONL or stdin; a Problem for each input that fails."""
    for item in read_documents(paths, **read_options):
        if isinstance(item, Problem):
            yield item
            continue
        try:
            yield to_article(item)
        except InputError as error:
            yield Problem(item.source, str(error))


def analyze_articles(articles: Iterable[Article], nlp=None) -> Iterator[Analysis | Problem]:
    """Analyses in input order, parsed in batches; a Problem if one article's analysis fails."""

    def text_of(article: Article) -> str:
        # Non-English articles pass an empty text so order is kept at no parsing cost.
        return article.text if needs_english_nlp(article) else ""

    def convert(article: Article, doc) -> Analysis | Problem:
        if not needs_english_nlp(article):
            return Analysis(article=article, notes=(skip_note(article),))
        try:
            return analyze(article, doc)
        except Exception as error:  # one article's bug must not sink a batch of thousands
            return Problem(article.source or article.url, f"analysis failed: {error.__class__.__name__}: {error}")

    yield from nlp_module.process(articles, text_of, convert, nlp=nlp)


def analyze_paths(paths: Iterable[str | Path], nlp=None, **read_options) -> Iterator[Analysis | Problem]:
    """Read, clean and analyse, without a database (``newstrace facts``)."""
    problems: list[Problem] = []

    def good_articles() -> Iterator[Article]:
        for item in read_articles(paths, **read_options):
            if isinstance(item, Problem):
                problems.append(item)
            else:
                yield item

    for result in analyze_articles(good_articles(), nlp=nlp):
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
    notes: list[Problem] = field(default_factory=list)  # stored, but a stage was skipped

    @property
    def failed(self) -> bool:
        return bool(self.problems)


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    nlp=None,
    on_progress: Callable[[str], None] | None = None,
    **read_options,
) -> IngestReport:
    """Read, clean, analyse and store; one transaction per article.

    ``on_progress(source)`` is called once per input handled, whatever its outcome.
    """
    report = IngestReport()
    tick = on_progress or (lambda _source: None)
    # Articles stored before linking existed (or by an interrupted run) are linked first,
    # so the new ones can find their sources among them.
    linker.link_pending(store)

    def new_articles() -> Iterator[Article]:
        seen: set[str] = set()
        for item in read_articles(paths, **read_options):
            if isinstance(item, Problem):
                report.problems.append(item)
                tick(item.source)
            elif item.id in seen or store.has(item.id):
                report.duplicates.append(item.source or item.url)
                tick(item.source or item.url)
            else:
                seen.add(item.id)
                yield item

    for result in analyze_articles(new_articles(), nlp=nlp):
        if isinstance(result, Problem):
            report.problems.append(result)
            tick(result.source)
            continue
        if store.add(result):
            linker.update(store, result)
            report.ingested.append(result.article.id)
            report.notes.extend(Problem(result.article.source or result.article.url, n) for n in result.notes)
        else:  # stored by a concurrent run between our check and our write
            report.duplicates.append(result.article.source or result.article.url)
        tick(result.article.source or result.article.url)
    return report
