"""The linker's settings, declared once, as data: every bound and cache size it trades cost against.

Every setting is a field of ``LinkSettings`` with its default and what it trades (the
README's table is generated from ``describe``). ``DEFAULT_SETTINGS`` is what the CLI and
the pipeline use unless a caller passes its own
(``Linker(store, LinkSettings(candidate_limit=40))``); tests pass settings, never patch
module globals. The comments say how each default was set. Thresholds that decide a
verdict (``compare.py``, ``same_person.py``, ``stories.py``'s weights) are not settings:
they are named constants tuned on data, each with its comment.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields


def _setting(default, trades: str):
    """A field of ``LinkSettings``: its default and the one line the docs show (what it trades)."""
    return field(default=default, metadata={"trades": trades})


@dataclass(frozen=True)
class LinkSettings:
    # Verification (sentence alignment) is the costly step; candidates come ranked by shared LSH
    # bands and, on a tie, earliest published first, so a copy's source ranks first, and a story
    # with more than this many earlier articles still gets its closest ones.
    candidate_limit: int = _setting(
        20, "candidates verified per new article: more finds more pairs in big stories, each costs a comparison"
    )
    # Of the candidates, those sharing no word-shingle band (no run of words copied: in a big story,
    # its other reports) are verified only this many, most shared bands first; a copy shares a
    # shingle band with its source (P = 0.99 at a Jaccard of 0.5) and is verified whatever its rank.
    # Such pairs come out same_story, and a story's reports fill the candidate list as it grows
    # (bench/scale.py: verifications rise to about 17 per article). Left at candidate_limit, where it
    # binds nothing: on bench/scale.py --articles 800 (max_profiles_per_key 30), 8, 12 and 16 found
    # the same 114 copy pairs but 1,000, 1,186 and 1,346 same_story pairs instead of 1,463, and
    # people merge precision fell from 0.8379 to 0.8248, 0.8285 and 0.8279 (the stories the missing
    # links would have kept apart join, and their people with them).
    max_story_verifications: int = _setting(
        20, "candidates sharing no copied text (another report of the story) verified per new article: same_story pairs vs cost"
    )
    # A candidate whose only evidence is one names-and-numbers band (no shingle band, no second
    # band) shares a name or number with the new article that happened to be the least under two
    # permutations. Two reports of one story share many; two articles of one topic share that one
    # name, and the more articles there are, the more of them are candidates only this way
    # (bench/scale.py, 1,500 articles: 15,096 of 20,521 verifications, 11 per article in the last
    # 250, of which 30 in all were related, same_story, each in a bucket of at most 15 articles).
    # A bucket holding more articles than a new one is verified against (candidate_limit) says
    # only the topic; those candidates are not verified. On real-copies (bench/real_copies.py)
    # such buckets hold 1 to 21 articles, the related pairs' at most 19 (all its figures the same
    # at 20); on bench/scale.py, 2.5 of the last 250 articles' 11 are skipped, none related. The
    # share skipped grows with the corpus, as topic buckets fill.
    single_band_max_articles: int = _setting(
        20, "a candidate whose only evidence is one names-and-numbers bucket fuller than this is not verified: topic names vs cost"
    )
    # ... and one published further apart than this from the new article is not verified either.
    # Further apart than published.SAME_STORY_WINDOW_DAYS (7), reports are one story only as a
    # follow-up sharing many names (compare.SAME_STORY_APART_*), which share more than one band
    # but not always: real-copies (bench/real_copies.py) links one same_story follow-up 162 days
    # apart through a single band, lost at 7 days (same_story links 499, precision 0.4329 instead
    # of 500 and 0.434); at 365 all its figures are the same. Topic matches spread over every day a
    # corpus spans, so this bounds them by a year of articles however old the archive grows.
    single_band_max_days: int = _setting(
        365, "a candidate whose only evidence is one names-and-numbers band, published further apart than this, is not verified"
    )
    # The copies and sources (by stored copy verdicts) of the articles a new one was found to copy
    # or be copied by, earliest published first. Without it, a story's original that arrives after
    # more than candidate_limit of its verbatim copies (they all tie in the index) is never
    # compared with the others, and they trace to a reprint. Twice the candidate limit: an
    # original arriving after 3 x candidate_limit of its copies is verified against every one
    # (test_an_original_ingested_after_its_reprints_...), and a new article costs at most 60
    # verifications.
    expansion_limit: int = _setting(
        40, "further articles verified through the pairs found: an original arriving late meets its copies"
    )
    # Walking the stored pairs out from the asked article (once for the story's copies, once for
    # the reports beside it).
    trace_limit: int = _setting(10_000, "articles `trace` reads at most: bounds one provenance tree's cost")
    # On the documents of `bench/provenance.py --scale` the skeleton lookup matched 122 indexed
    # articles per query at 10,000 documents and 553 at 40,000; skipping buckets over 100
    # articles, 69 and 170, candidate recall unchanged (1.0 and 0.999). 100 leaves room for a
    # big story's own buckets: its first 100 reports are linked through them as they arrive.
    # Word-shingle buckets are never skipped (only copies fill them; see link/index.py).
    skeleton_bucket_max_articles: int = _setting(
        100, "a names-and-numbers index bucket fuller than this is skipped: flat lookup cost, common names no evidence"
    )
    # Enough to meet every spelling of a story, bounded for people named in thousands of articles.
    # Lowered with max_candidate_profiles from 50 and 40 to 20 and 10 (2026-12-07): bench/people.py
    # --split real and --split all print identical figures at both; bench/scale.py --articles 2500
    # found the same 1,629 links, people merge 0.7515 / 0.1168 against 0.750 / 0.119 (55 more
    # profiles of 8,264), and the last slice's CPU 144 against 173 ms per article (people verdicts
    # per article grew from 18 to 113 towards the old bound of 40 x 50).
    max_members_compared: int = _setting(
        20, "latest members of a candidate profile compared with a new mention: recall of old spellings vs cost"
    )
    # The per-key and per-spelling bounds hold per key: a full name has two or three surname keys
    # and its spelling as written, so up to 290 profiles' spellings were ranked by closeness to each
    # new mention, and more as keys filled (bench/scale.py --articles 2500, profiled: 13 per mention
    # in the first 250 articles, 53 in the ninth 250; at 2,500 articles the most common pool name
    # was a spelling of 101 profiles, its bare surname of 228). At most this many in all, spellings
    # as written first (the profiles with most articles first), then the keys' latest active: four
    # times max_candidate_profiles, so the ten compared are the best of a choice four times their size.
    max_profiles_ranked: int = _setting(
        40, "profiles whose spellings are ranked per new mention, in all keys: flat cost vs old namesakes' variant spellings"
    )
    # A profile keeps every spelling its members and their aliases gave (a copy's misspelling too), so
    # a person named in many articles gathers more of them than ranking each against every new mention
    # is worth (bench/scale.py: at 3,726 articles the fullest held 24 spellings for 16 articles; on the
    # 300 articles after 8,235, the profiles ranked per mention held 7.3 each). Past this many, the
    # most used (then the latest taken up) are ranked; a profile's article count and latest spelling,
    # which order the fits, still count them all. At 10, on the 300 articles after the first 3,726 of a
    # 100,000-article run (a snapshot of its database), 2 of 1,345
    # assignments change (a mention stops joining another person's profile through an alias it
    # gathered), people merge precision 0.6941 -> 0.6960, recall 0.1079 -> 0.1081; at 30 none change.
    max_spellings_ranked: int = _setting(
        10, "spellings of a candidate profile ranked per new mention, most used first: old rare spellings vs cost"
    )
    # A common name (a Novak in every other story) gathers a profile per namesake; past this many
    # the oldest single-article namesakes are not compared, so a mention costs the same at 100k
    # articles as at 1k. Far above the profiles one name meets in examples/ (three Hollis); a
    # mention compares with at most 10 x 20 members (see max_members_compared for how both were set).
    max_candidate_profiles: int = _setting(
        10, "profiles compared with a new mention (best-fitting spellings first): namesakes vs cost"
    )
    # A blocking key is three letters of a surname or a given name's group: one key is shared by more
    # profiles the more articles there are (bench/scale.py, 638 articles: 2,643 profiles, the fullest
    # key "s:bas" 186 of them, growing with the corpus), and ranking the spellings of them all by
    # closeness to the new name made each mention cost more as the corpus grew (200 per key:
    # bench/scale.py's people resolution 34 -> 75 ms per article from the first 100 articles to the
    # tenth). The profiles that last gained a member come first; one past this many is still found by
    # a spelling as written (max_exact_spelling_profiles). Lowered from 200 to 30: bench/people.py
    # --split all prints the same figures at 200, 30 and 5 (its corpora never fill a key);
    # bench/scale.py --articles 800, where keys fill, gave people merge precision 0.8379 and recall
    # 0.1595 at 30 against 0.8331 and 0.1595 at 200, and the same links.
    max_profiles_per_key: int = _setting(
        30, "profiles scored per blocking key, the latest active first: flat cost vs old namesakes' variant spellings"
    )
    # A name as written finds every profile holding that spelling (up to this many, a common bare
    # surname's namesakes), however many other profiles fill its blocking keys: a person no key
    # reaches any more is still found by the spelling it had. Past this many, those using the spelling
    # most (then the latest to take it up) are read, from an index in that order: sorting them all
    # by article count cost more with each namesake (bench/scale.py, 3,726 articles: "Baski" a
    # spelling of 347 profiles; on the next 300 articles 3 of 1,345 assignments change, merge
    # precision 0.6942 -> 0.6941, recall 0.1079 both).
    max_exact_spelling_profiles: int = _setting(
        200, "profiles found by a spelling as written, past the per-key bound: recall of old people vs cost"
    )
    # A person or name in more stories than this would add at most 1 / 21 (0.05) to a story that
    # needs join_score 3.0, and reading every story of a capital or a head of state would make
    # each new article cost more as the corpus grows. Each lookup reads at most this many plus one.
    max_evidence_stories: int = _setting(
        20, "a person or name in more stories than this is no story evidence: bounds each lookup"
    )
    # A new article's lists are compared with the recorded lists of its story. A story grows without
    # end (bench/scale.py, 2,500 articles: one story of 446 articles), and reading all its lists made
    # each new article cost more; the latest this many (by ingest) are read. The lists of
    # tests/fixtures and examples/ are a handful per story, far below it: they record as before. A
    # list matching only an older record than these starts a new record of the story.
    max_story_lists: int = _setting(
        200, "a story's latest recorded lists a new article's lists are compared with: bounds each lookup"
    )
    # One link, or three people, or two people and two names... Set on tests/fixtures/story (the
    # Lindvale namesake article shares the person profile the resolver may merge, the capital and
    # the country with the Kalvik story: 2.0 with one story in the store; every Kalvik article
    # without its links still scores 5.5 or more) and examples/ (06, the unrelated budget story,
    # shares nothing).
    join_score: float = _setting(3.0, "evidence an article needs to join a story (copy link 3; same_story link 3 x share of the story linked; person 1; name 0.5)")
    # A short article names too little to reach join_score without a link; it joins when the
    # story accounts for most of what it names (its people and names at full weight). Set on the
    # same corpus with its links deleted: the Lindvale follow-ups share 71% and 75% with their
    # story, the first Lindvale article 44% with the Kalvik story.
    short_join_score: float = _setting(2.0, "evidence a short article needs to join, when it also reaches short_join_share")
    short_join_share: float = _setting(
        0.6, "share of a short article's own people and names the story must account for"
    )
    # A new article is verified against some twenty candidates, and the articles of one topic are
    # candidates of one another again and again; loading one from the database is ten queries.
    # Safe to keep: an article's id fixes its url and text, and a stored analysis is never rewritten.
    analysis_cache_size: int = _setting(1024, "stored analyses a Linker keeps in memory: memory vs queries")
    # The latest members of a common name's profiles are compared with every new mention of it (up to
    # max_candidate_profiles x max_members_compared claims); a member's stored claim is never
    # rewritten, so the claim built from it stays right. 4,096 articles' claims before members were
    # summarised; a member is about a fifth of an article's people.
    claims_cache_size: int = _setting(16_384, "profile members' claims a Linker keeps built: memory vs rebuilding")
    # The linker compares one new article with many candidates: each is read once, not once per pair.
    reading_cache_size: int = _setting(4096, "articles read for comparison a Linker keeps: memory vs re-reading")

    def bucket_max_articles(self) -> dict[str, int]:
        """Per index kind, the most articles a bucket holds and is still read (``index.candidates``)."""
        from .fingerprint import SKELETON  # on use: the CLI reads settings without loading datasketch

        return {SKELETON: self.skeleton_bucket_max_articles}


DEFAULT_SETTINGS = LinkSettings()


def describe() -> list[tuple[str, object, str]]:
    """(name, default, what it trades) of every setting, in declaration order (the README's table)."""
    return [(item.name, item.default, item.metadata["trades"]) for item in fields(LinkSettings)]
