"""Russian articles read by natasha's NER: people, organizations and places with evidence, joined
to the same people in English articles."""

from newstrace.extract.russian import russian_entities
from helpers import make_article

TEXT = (
    "Россия передала ХАМАС список из восьми имён. Рони Кривой был освобождён в воскресенье. "
    "Мать Елены Труфановой рассказала, что Кривого держали в Газе. Елена Труфанова вернулась домой."
)


def test_people_places_and_organizations_in_the_nominative_with_every_mention():
    article = make_article(TEXT)
    found = {(e.kind, e.name): [TEXT[m.start : m.end] for m in e.mentions] for e in russian_entities(article)}
    assert found == {
        ("place", "Россия"): ["Россия"],
        ("organization", "ХАМАС"): ["ХАМАС"],
        ("person", "Рони Кривой"): ["Рони Кривой", "Кривого"],
        ("person", "Елена Труфанова"): ["Елены Труфановой", "Елена Труфанова"],
        ("place", "Газа"): ["Газе"],
    }


def test_mentions_carry_their_sentence():
    (krivoi,) = [e for e in russian_entities(make_article(TEXT)) if e.name == "Рони Кривой"]
    assert [m.sentence for m in krivoi.mentions] == [1, 2]


def test_a_name_ends_with_its_line():
    # A contest page: each entrant's name on a line of its own, the account handle on the next.
    text = "Голосуйте за участников!\n\nАндрей Рудьков\n\nАккаунт: @darkzip\n\nАндрей Рудьков любит готовить."
    people = {e.name: [text[m.start : m.end] for m in e.mentions]
              for e in russian_entities(make_article(text)) if e.kind == "person"}
    assert people == {"Андрей Рудьков": ["Андрей Рудьков", "Андрей Рудьков"]}


def test_a_russian_report_read_first_joins_the_english_profile_of_its_people(tmp_path):
    from newstrace import pipeline
    from newstrace.link.people import find_profiles
    from newstrace.store import Store

    russian = tmp_path / "ru.txt"
    russian.write_text(
        "Полиция в понедельник допросила Омара Хаддада в городе Сарн. Свидетельница Дана Орлова "
        "дала показания суду округа Велмар, а вечером Хаддада отпустили.\n",
        encoding="utf-8",
    )
    english = tmp_path / "en.txt"
    english.write_text(
        "Police questioned Omar Haddad on Monday in Sarn. Dana Orlova, a witness, gave a statement to the "
        "Velmar district court, and Haddad was released in the evening, officials said.\n",
        encoding="utf-8",
    )
    store = Store(tmp_path / "news.db")
    report = pipeline.ingest([russian, english], store)
    assert not report.problems
    stored = store.get(str(russian.resolve().as_uri()))
    assert {e.name for e in stored.entities if e.kind == "person"} == {"Омар Хаддада", "Дана Орлова"}
    profile = find_profiles(store, "Dana Orlova")[0]
    assert len(profile.articles) == 2
