"""The stages wired together: order, language skipping, one bad article in a batch."""

from newstrace import nlp, pipeline
from newstrace.model import Analysis, Article, Problem, article_id
from newstrace.store import Store


def article(text: str, language: str | None = "en", url: str | None = None) -> Article:
    url = url or f"https://example.org/{abs(hash(text))}"
    return Article(id=article_id(url, text), url=url, text=text, language=language, source=url)


ENGLISH = article("Mayor Hanna Lindqvist, 52, opened the new bridge in Marlow Bay on Monday.")
SPANISH = article("La alcaldesa Hanna Lindqvist inauguró el puente nuevo el lunes.", language="es")
OTHER = article("Councillor Mirela Dobos, 61, voted against the plan.")


def test_analyses_come_back_in_input_order_across_memory_zones():
    results = list(pipeline.analyze_articles([ENGLISH, SPANISH, OTHER] * 3, nlp=None))
    assert [r.article.id for r in results] == [a.id for a in [ENGLISH, SPANISH, OTHER] * 3]


def test_zones_smaller_than_the_input_keep_every_item():
    items = list(range(10))
    out = list(nlp.process(items, str, lambda item, doc: (item, doc.text), zone_size=3, batch_size=2))
    assert out == [(i, str(i)) for i in items]


def test_non_english_articles_skip_the_english_nlp_with_a_note():
    (spanish,) = pipeline.analyze_articles([SPANISH])
    assert spanish.entities == () and spanish.quotes == ()
    assert "not English" in spanish.notes[0]


def test_one_failing_article_is_a_problem_and_the_batch_goes_on(monkeypatch):
    real = pipeline.analyze

    def fragile(item, doc, limits):
        if item.id == OTHER.id:
            raise ValueError("boom")
        return real(item, doc, limits)

    monkeypatch.setattr(pipeline, "analyze", fragile)
    results = list(pipeline.analyze_articles([ENGLISH, OTHER, SPANISH]))
    assert [type(r) for r in results] == [Analysis, Problem, Analysis]
    assert results[1].reason == "internal error (ValueError: boom)"
    assert results[1].is_internal and "Traceback" in results[1].traceback


def test_ingest_skips_what_the_database_already_has(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Bridge opens\n\nMayor Hanna Lindqvist, 52, opened the new bridge on Monday.\n")
    store = Store(tmp_path / "t.db")
    seen = []
    first = pipeline.ingest([path, path], store, on_progress=seen.append)
    assert (len(first.ingested), len(first.duplicates), first.problems) == (1, 1, [])
    (stored,) = first.ingested
    # Reported as they happen: the second read is a duplicate before the first is parsed and stored.
    assert [(event.kind, event.source, event.detail) for event in seen] == [
        ("duplicate", str(path), f"same article as an earlier input ({stored})"),
        ("stored", str(path), stored),
    ]
    seen.clear()
    second = pipeline.ingest([path], store, on_progress=seen.append)
    assert (second.ingested, len(second.duplicates)) == ([], 1)
    assert [(event.kind, event.detail) for event in seen] == [("duplicate", f"already stored as {stored}")]
