"""A page in a script without capitals (Hindi) and its English source find each other in the candidate
index in either ingest order, and link as a translation through the words and numbers both write,
weighed by how few pages write them: pages that share only the names every report names do not link."""

import math

import pytest

from newstrace.link import index, translation
from newstrace.link.compare import compare
from newstrace.link.copies import link_article
from newstrace.link.fingerprint import CASELESS, LATIN, fingerprint
from newstrace.model import Analysis, Article
from newstrace.store import Store

# The source: a report with names and numbers only its story writes, and names every report writes.
SOURCE = (
    "Opposition leader Ravindra Khatri on Tuesday attacked the Haryana government over the closure of the "
    "Sonipat sugar mill, saying 1,450 workers had lost their jobs.\n"
    "Khatri said the mill owed farmers Rs 3,200 crore and that Chief Minister Devendra Malik had ignored "
    "their letters.\n"
    '"The farmers of Sonipat grew the cane, and the government let the mill die," Khatri wrote on Twitter.\n'
    "The Congress leader said he would lead a march to Kurukshetra on Friday.\n"
    "Prime Minister Narendra Modi has not commented on the closure.\n"
)
# Its Hindi translation, sentence by sentence.
TRANSLATION = (
    "विपक्ष के नेता रवींद्र खत्री ने मंगलवार को सोनीपत चीनी मिल बंद होने पर हरियाणा सरकार पर निशाना साधा और "
    "कहा कि 1,450 मजदूरों की नौकरी चली गई।\n"
    "खत्री ने कहा कि मिल पर किसानों का 3,200 करोड़ रुपये बकाया है और मुख्यमंत्री देवेंद्र मलिक ने उनके पत्रों को "
    "नजरअंदाज किया।\n"
    'खत्री ने ट्विटर पर लिखा, "सोनीपत के किसानों ने गन्ना उगाया और सरकार ने मिल को मरने दिया।"\n'
    "कांग्रेस नेता ने कहा कि वह शुक्रवार को कुरुक्षेत्र तक मार्च निकालेंगे।\n"
    "प्रधानमंत्री नरेंद्र मोदी ने मिल बंद होने पर कोई टिप्पणी नहीं की है।\n"
)
# English reports of other events that name what every Indian political report names.
OTHERS = (
    "Congress leader Rahul Gandhi on Monday accused Prime Minister Narendra Modi of ignoring the rise in "
    "fuel prices. Gandhi wrote on Twitter that families in Lucknow could no longer afford cooking gas.\n",
    "Prime Minister Narendra Modi inaugurated a new airport terminal in Guwahati on Sunday. The Congress "
    "said the project had been delayed by four years, and Rahul Gandhi mocked the ceremony on Twitter.\n",
    "The Congress on Wednesday named Priya Deshmukh its candidate for the Nagpur seat. Rahul Gandhi said "
    "on Twitter that Narendra Modi's government had failed the farmers of Vidarbha.\n",
)
# A Hindi report of another event: Modi, Congress, Rahul Gandhi and Twitter, nothing else the English pages write.
OTHER_HINDI = (
    "कांग्रेस नेता राहुल गांधी ने गुरुवार को ट्विटर पर प्रधानमंत्री नरेंद्र मोदी पर निशाना साधा। उन्होंने कहा कि "
    "देश के युवाओं को रोजगार चाहिए, भाषण नहीं।\n"
)


def analysis(name: str, text: str, language: str, published: str) -> Analysis:
    article = Article(id=name, url=f"https://example.org/{name}", text=text, language=language, published=published)
    return Analysis(article=article)


def corpus() -> dict[str, Analysis]:
    pages = {f"other-{n}": analysis(f"other-{n}", text, "en", f"2026-02-0{n + 1}") for n, text in enumerate(OTHERS)}
    pages["source"] = analysis("source", SOURCE, "en", "2026-03-03")
    pages["translation"] = analysis("translation", TRANSLATION, "hi", "2026-03-04")
    pages["other-hindi"] = analysis("other-hindi", OTHER_HINDI, "hi", "2026-03-05")
    return pages


def ingest(store: Store, pages: dict[str, Analysis], order: list[str]) -> None:
    for name in order:
        store.add(pages[name])
        link_article(store, pages[name])


def cross_script_links(store: Store) -> set[tuple[str, str, str]]:
    hindi = {"translation", "other-hindi"}
    return {
        (link.copy, link.source, link.verdict)
        for link in store.all_links()
        if len({link.copy in hindi, link.source in hindi}) == 2
    }


ENGLISH_FIRST = ["other-0", "other-1", "other-2", "source", "translation", "other-hindi"]
HINDI_FIRST = ["other-0", "other-1", "translation", "other-hindi", "other-2", "source"]


@pytest.mark.parametrize("order", [ENGLISH_FIRST, HINDI_FIRST], ids=["english first", "hindi first"])
def test_a_hindi_translation_links_to_its_english_source_in_either_order(tmp_path, order):
    store = Store(tmp_path / "news.db")
    ingest(store, corpus(), order)
    assert cross_script_links(store) == {("translation", "source", "translated")}


def test_the_translation_and_its_source_are_each_others_first_candidates_across_scripts(tmp_path):
    store = Store(tmp_path / "news.db")
    pages = corpus()
    ingest(store, pages, ["other-0", "other-1", "other-2", "source"])
    hindi = fingerprint(pages["translation"].article)
    assert (hindi.script, fingerprint(pages["source"].article).script) == (CASELESS, LATIN)
    assert index.candidates(store, hindi, limit=3)[0] == "source"
    store.add(pages["translation"])
    index.add(store, "translation", hindi)
    english = fingerprint(pages["source"].article)
    assert [found for found, _ in index.across_scripts(store, english)] == ["translation"]


def test_the_evidence_is_the_shared_words_and_numbers_sentence_by_sentence(tmp_path):
    store = Store(tmp_path / "news.db")
    pages = corpus()
    ingest(store, pages, ENGLISH_FIRST)
    result = compare(
        pages["translation"], pages["source"], frequency_of=lambda items: index.item_frequency(store, items)
    )
    assert result.verdict == "translated"
    # Each Hindi sentence renders the English sentence in the same place.
    lines = [line for line in TRANSLATION.splitlines()]
    sources = [line for line in SOURCE.splitlines()]
    assert [(pair.copy.text, pair.source.text) for pair in result.pairs] == list(zip(lines, sources))
    assert translation.shared_items(TRANSLATION, SOURCE) == {
        "rndr", "snpt", "1450", "3200", "dndr", "nlk", "ttr", "kngrs", "krkstr", "nrk", "nrndr"
    }


def test_a_name_every_page_writes_weighs_little_and_one_no_other_page_writes_weighs_most():
    frequency = translation.Frequency(pages=100, counts={"nrndr": 100, "snpt": 1, "kngrs": 10})
    # log(pages / written) / log(pages), as if 20 more pages were indexed and 2 of them wrote each item
    assert frequency.weight("snpt") == pytest.approx(math.log(120 / 3) / math.log(120))  # 0.77
    assert frequency.weight("kngrs") == pytest.approx(math.log(120 / 12) / math.log(120))  # 0.48
    assert frequency.weight("nrndr") == pytest.approx(math.log(120 / 102) / math.log(120))  # 0.03
    assert frequency.weight("never-written") == frequency.weight("snpt")


def test_before_the_index_holds_many_pages_a_word_of_a_few_of_them_is_not_yet_common():
    # 6 pages indexed, 3 of them the story's own: Gabbar is in those 3 only.
    assert translation.Frequency(pages=6, counts={"kbr": 3}).weight("kbr") == pytest.approx(
        math.log(26 / 5) / math.log(26)
    )


def test_pages_that_share_only_what_every_report_names_are_not_related(tmp_path):
    store = Store(tmp_path / "news.db")
    pages = corpus()
    ingest(store, pages, ENGLISH_FIRST)
    frequency_of = lambda items: index.item_frequency(store, items)  # noqa: E731
    for name in ("other-0", "other-1", "other-2", "source"):
        assert compare(pages["other-hindi"], pages[name], frequency_of=frequency_of).verdict == "unrelated"
        assert compare(pages["translation"], pages[name], frequency_of=frequency_of).verdict == (
            "translated" if name == "source" else "unrelated"
        )


def test_a_script_without_capitals_is_told_from_latin_and_cyrillic():
    assert translation.caseless(TRANSLATION)
    assert not translation.caseless(SOURCE)
    assert not translation.caseless("Рони Кривой был освобождён в воскресенье.")


def test_a_date_is_shared_whichever_way_and_in_whichever_script_it_is_written():
    hindi = "इससे पहले, 2 जुलाई को, खत्री ने उसी तर्ज पर ट्वीट किया था।"
    assert "7-2" in translation.shared_items(hindi, "Earlier, on July 2, Khatri had tweeted along the same lines.")
    assert "7-2" in translation.shared_items(hindi, "On 2 July Khatri tweeted.")
    # "may" is a word before it is a month; a number over 31 is no day
    assert translation.word_forms("They may 5 times, in July 2026.") == {"tns": {"times"}}
