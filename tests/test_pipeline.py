"""The stages wired together: order, language skipping, one bad article in a batch."""

import gc

import pytest

from newstrace import nlp, pipeline
from newstrace.collector import LINKING_GC_THRESHOLDS
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


def test_ingest_links_with_fewer_garbage_collections_and_restores_them_after(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Bridge opens\n\nMayor Hanna Lindqvist, 52, opened the new bridge on Monday.\n")
    before = gc.get_threshold()
    during = []
    pipeline.ingest([path], Store(tmp_path / "t.db"), on_progress=lambda _event: during.append(gc.get_threshold()))
    assert during == [LINKING_GC_THRESHOLDS] != [before]
    assert gc.get_threshold() == before


@pytest.mark.filterwarnings("ignore:.*W108")  # the lemmatizer without POS (attribute_ruler left out)
def test_every_component_the_model_runs_changes_the_facts_when_left_out(seed_clean):
    # Nothing can be switched off for speed: each component of en_core_web_sm feeds some fact
    # (lemmas: speech and event verbs; attribute_ruler: POS; parser: sentences, dependencies).
    model = nlp.load()
    assert model.pipe_names == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
    full = pipeline.analyze(seed_clean, model(seed_clean.text)).to_dict()
    for component in ("tagger", "parser", "attribute_ruler", "lemmatizer", "ner"):
        with model.select_pipes(disable=[component]):
            doc = model(seed_clean.text)
            without = pipeline.guarded("seed", lambda: pipeline.analyze(seed_clean, doc).to_dict())
        assert without != full, component  # other facts, or no facts at all (the parser: no sentences)


def test_the_doc_context_is_computed_once_per_doc_and_matches_the_doc():
    from helpers import blank_nlp

    from newstrace.extract import doc_context

    text = 'Lindqvist said: "We open the bridge today." Then she left.\nDobos said "no".'
    doc = blank_nlp()(text)
    context = doc_context.of(doc)
    assert doc_context.of(doc) is context and doc_context.of(blank_nlp()(text)) is not context
    assert context.text == text
    assert context.token_starts == [token.idx for token in doc]
    assert context.sentence_starts == [sentence.start for sentence in doc.sents]
    spans = context.quote_spans(article(text))
    assert [text[s.start : s.end] for s in spans] == ["We open the bridge today.", "no"]
    assert context.quote_spans(article(text)) is spans


def test_the_doc_context_tokens_and_children_are_the_docs_own():
    from newstrace.extract import doc_context

    doc = nlp.load()('Minister Aino Varga told reporters on Monday that the talks in Tartu "went well", and left.')
    context = doc_context.of(doc)
    assert context.tokens == list(doc) and context.tokens[3] is context.tokens[3]
    assert context.words == [token.text for token in doc]
    assert context.lowers == [token.lower_ for token in doc]
    assert [[child.i for child in children] for children in context.children] == [
        [child.i for child in token.children] for token in doc
    ]
    told = next(token for token in doc if token.text == "told")
    assert [child.text for child in doc_context.children(told)] == [child.text for child in told.children]
    assert len(doc_context.children(told)) >= 3  # the subject, the object, the clause at least
