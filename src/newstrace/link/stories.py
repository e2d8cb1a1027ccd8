"""Stories: articles about the same events over time, copies and independent reports alike.

    assign_story(store, analysis) -> story id     after link_article and resolve_article
    story_of(store, article_id) -> story id | None
    stories(store) -> [Story]                     most articles first

A copy rewords its source and a follow-up weeks later shares few sentences
with the first report, so a story is not judged on wording. It is judged on
evidence that survives rewording, each piece read by an indexed lookup from
what the earlier stages stored for the new article:

1. **links** (``links``, written by ``copies.link_article``): an article the
   linker verified as a copy of an article of the story, or as a same_story
   report of a good share of its articles, published within days of them;
2. **people** (``profile_members``, written by ``people.resolve_article``): a
   person profile the article shares with the story's articles (``profile_stories``,
   counted as articles join stories and people join profiles). Profiles, not
   names: the resolver keeps namesakes and relatives apart, so a namesake in
   an unrelated story is not a shared person;
3. **names**: places and organizations of the analysis and the dateline's
   place names, folded (``story_terms``).

People and names count for less the more stories they appear in (a capital
city or a head of state appears in many): each weighs ``weight / stories
that have it``; one in more than ``max_evidence_stories`` stories is no
evidence, so each lookup reads a bounded number of rows. The new article joins
the story with the highest score when it reaches ``join_score`` (ties: the
larger story, from ``story_sizes``), else it starts a story of its own. An
article in a language our English model cannot read has only the known people
spotted in it by name (``link.spotting``): it joins on them alone when the story
holds most of them (``joins_across_languages``). Nothing
is ever regrouped: adding an article writes one ``story_articles`` row and the
counts of its size, people and names, and assigning an article again returns
its story unchanged.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from ..model import COPY_VERDICTS, Analysis, Story, StoryArticle, StoryPerson
from ..store import Store
from ..store.links import ArticleInfo
from ..store.stories import UNDATED_STORY, StorySession
from .published import SAME_STORY_WINDOW_DAYS, days_apart, published_day, time_key
from .settings import DEFAULT_SETTINGS, LinkSettings
from ..text import name_key

# One verified copy link (verbatim ... translated) to an article of a story is enough on its own:
# the linker compared the two texts and found the same facts.
LINK_WEIGHT = 3.0
# A same_story link says only that two reports share three or more names (compare.py, step 5), and
# on real pages of one country's politics or of one maker's phones, most pairs do: of the 415
# same_story links on real-copies (bench/real_copies.py), 298 join pages of different labelled
# stories, through "Modi", "Congress", "BJP", "New Delhi", "Apple". Counted LINK_WEIGHT each, they
# chained 66 of its 120 pages into one story, and the more articles a story had, the more links
# each new report found into it. So they count by the share of the story's articles they reach
# (up to ``candidate_limit``, the most articles a new one is verified against):
# LINK_WEIGHT x linked / min(story size, candidate_limit): a same_story report of the one
# article of a story still weighs LINK_WEIGHT, and a report linked to 3 of a 12-article story 0.75.
SAME_STORY_LINK_WEIGHT = LINK_WEIGHT
# A person profile shared with a story: a captive named in both is good evidence, but one
# shared person alone (a minister, a namesake the resolver merged) is not enough to join.
PERSON_WEIGHT = 1.0
# A place or organization shared with a story is weaker than a person: towns and groups
# host several stories (a capital, a country named in every dateline).
NAME_WEIGHT = 0.5
# An article in another language joins on its people alone when the story holds at least one
# whole person of it (a person named in that story only, or two shared with one other story).
# Set on the Hindi pages of real-copies' dev half (bench/people.py --split real): each names one
# or two people of its English story, who are also in one to three other stories.
CROSS_LANGUAGE_JOIN_SCORE = PERSON_WEIGHT
# Languages the English model reads (None: undetected, read as English; pipeline.needs_english_nlp).
ENGLISH_OR_UNKNOWN = (None, "en")
# Main people of a story: named in at least this share of its articles (and in two of
# them once the story has two), most covered first, at most MAIN_PEOPLE of them.
MAIN_PERSON_SHARE = 1 / 3
MAIN_PEOPLE = 8

_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+")
_SPACES = re.compile(r"[\s\-\u2010-\u2015]+")  # "Notre-Dame" and "Notre Dame" are one name


# -- assigning one article --------------------------------------------------------


def article_terms(analysis: Analysis) -> set[str]:
    """The folded names of the article's places and organizations, and of its dateline's places."""
    names: list[str] = []
    for entity in analysis.entities:
        if entity.kind in ("place", "organization"):
            names += [entity.name, *entity.aliases]
    if analysis.article.dateline:
        names += analysis.article.dateline.split(",")
    return {key for key in map(_term, names) if key}


def _term(name: str) -> str:
    folded = _SPACES.sub(" ", name_key(name)).strip()
    return _LEADING_ARTICLE.sub("", folded)


def assign_story(store: Store, analysis: Analysis, settings: LinkSettings = DEFAULT_SETTINGS) -> str:
    """Put a stored article in the story it shares most with, or start a story; returns the story id.

    Idempotent: an article that has a story keeps it.
    """
    article_id = analysis.article.id
    terms = article_terms(analysis)
    with store.story_session() as session:
        known = session.story_of(article_id)
        if known:
            return known
        scores = story_scores(session, article_id, terms, settings, analysis.article.published)
        sizes = session.story_sizes(scores)
        best = max(scores.items(), key=lambda item: (item[1], sizes.get(item[0], 0)), default=None)
        people = PERSON_WEIGHT * len(session.profiles_of(article_id))
        own = people + NAME_WEIGHT * len(terms)
        joined = best and (
            joins(best[1], own, settings) or joins_across_languages(analysis.article.language, best[1], people, settings)
        )
        story_id = best[0] if joined else _new_story_id(article_id)
        session.join(article_id, story_id, terms, published_day(analysis.article.published))
    return story_id


def joins(score: float, own: float, settings: LinkSettings = DEFAULT_SETTINGS) -> bool:
    """Whether a story's score is enough to join it; ``own`` = the article's people and names at full weight."""
    if score >= settings.join_score:
        return True
    return score >= settings.short_join_score and own > 0 and score / own >= settings.short_join_share


def joins_across_languages(
    language: str | None, score: float, people: float, settings: LinkSettings = DEFAULT_SETTINGS
) -> bool:
    """Whether an article our English model cannot read joins a story on its people alone.

    Such an article's people are the known people spotted in it by name (``link.spotting``), and
    its own places and words never match an English story's; so it joins the story that accounts
    for ``short_join_share`` of its people (``people`` = its people at full weight), when that is
    at least ``CROSS_LANGUAGE_JOIN_SCORE``."""
    if language in ENGLISH_OR_UNKNOWN or people <= 0:
        return False
    return score >= CROSS_LANGUAGE_JOIN_SCORE and score / people >= settings.short_join_share


def story_scores(
    session: StorySession,
    article_id: str,
    terms: Iterable[str],
    settings: LinkSettings = DEFAULT_SETTINGS,
    published: str | None = None,
) -> dict[str, float]:
    """Story id -> how much evidence ties the article to it (links, shared people, shared names).

    ``published``: the article's date, which same_story links must be close to
    (``SAME_STORY_WINDOW_DAYS``). People and names in more than ``settings.max_evidence_stories``
    stories are left out."""
    most = settings.max_evidence_stories
    scores: dict[str, float] = defaultdict(float)
    same_story: Counter[str] = Counter()
    for linked in session.linked_stories(article_id):
        if linked.verdict in COPY_VERDICTS:
            scores[linked.story_id] += LINK_WEIGHT
        elif _within_window(published, linked.published):
            same_story[linked.story_id] += 1
    sizes = session.story_sizes(same_story)
    for story_id, count in same_story.items():
        reachable = min(sizes.get(story_id, count), settings.candidate_limit) or 1
        scores[story_id] += SAME_STORY_LINK_WEIGHT * min(count / reachable, 1.0)
    by_profile = session.profile_stories(session.profiles_of(article_id), most)
    by_term = session.term_stories(terms, most)
    for weight, story_sets in ((PERSON_WEIGHT, by_profile), (NAME_WEIGHT, by_term)):
        for found in story_sets.values():
            for story_id in found:
                scores[story_id] += weight / len(found)
    return dict(scores)


def _within_window(first: str | None, second: str | None) -> bool:
    """Whether two reports were published within ``SAME_STORY_WINDOW_DAYS`` (True when either is
    undated). Outside it ``compare`` calls only a follow-up same_story (``SAME_STORY_APART_*``), and a
    follow-up joins its story on the people and names it shares, not on its links."""
    apart = days_apart(first, second)
    return apart is None or apart <= SAME_STORY_WINDOW_DAYS


def _new_story_id(article_id: str) -> str:
    """A story is named after the article that started it: stable across runs and databases."""
    return f"s{article_id}"


def story_of(store: Store, article_id: str) -> str | None:
    """The story id of a stored article, or None when it has not been assigned one."""
    return store.story_of(article_id)


# -- reading stories --------------------------------------------------------------


def stories(store: Store, offset: int = 0, limit: int | None = None) -> list[Story]:
    """Every story with its articles in time order and its main people; most articles first, then
    the earliest first day (undated last), then the id.

    With ``limit``: that many stories from ``offset`` in the same order, read from the database's
    index of that order (``story_sizes``), so that one page costs the same however many stories
    there are."""
    ids = store.story_ids(offset, limit) if limit is not None else None
    rows, people = store.story_members(ids)
    members: dict[str, list[ArticleInfo]] = defaultdict(list)
    for row in rows:
        members[row.story_id].append(row.article)
    named: dict[str, dict[tuple[str, str], set[str]]] = defaultdict(lambda: defaultdict(set))
    for mention in people:
        named[mention.story_id][(mention.profile_id, mention.name)].add(mention.article_id)
    found = [_story_value(story_id, found, named[story_id]) for story_id, found in members.items()]
    return sorted(found, key=lambda s: (-len(s.articles), s.first or UNDATED_STORY, s.id))


def _story_value(story_id: str, rows: list[ArticleInfo], named: dict[tuple[str, str], set[str]]) -> Story:
    ordered = sorted(rows, key=lambda r: time_key(r.published, r.ingested_at, r.id))
    items = tuple(StoryArticle(r.id, r.url, r.title, r.published) for r in ordered)
    dates = [d for d in (published_day(r.published) for r in ordered) if d]
    return Story(
        id=story_id,
        title=items[0].title,
        articles=items,
        people=_main_people(named, len(items)),
        first=min(dates) if dates else None,
        last=max(dates) if dates else None,
    )


def _main_people(named: dict[tuple[str, str], set[str]], size: int) -> tuple[StoryPerson, ...]:
    least = max(size * MAIN_PERSON_SHARE, min(size, 2))
    main = [StoryPerson(pid, name, len(ids)) for (pid, name), ids in named.items() if len(ids) >= least]
    main.sort(key=lambda p: (-p.articles, p.name.casefold(), p.id))
    return tuple(main[:MAIN_PEOPLE])
