"""Known people spotted in text of other languages and scripts (articles written by us)."""

from newstrace.link.spotting import spot_known_names

KNOWN = ["Dana Orlova", "Pavel Orlov", "Ilya Orlov", "Omar Haddad", "Marek Novak"]


def spotted(text):
    return [(s.name, s.text) for s in spot_known_names(text, KNOWN)]


def test_russian_names_in_any_case_with_their_given_names():
    text = (
        "Полиция допросила Омара Хаддада. Дана Орлова дала показания, а с Ильёй Орловым "
        "поговорили позже. Хаддад ничего не сказал."
    )
    assert spotted(text) == [
        ("Omar Haddad", "Омара Хаддада"),
        ("Dana Orlova", "Дана Орлова"),
        ("Ilya Orlov", "Ильёй Орловым"),
        ("Omar Haddad", "Хаддад"),
    ]


def test_greek_and_german_spellings():
    assert spotted("Η αστυνομία ανέκρινε τον Ομάρ Χαντάντ και τον Μάρεκ Νόβακ.") == [
        ("Omar Haddad", "Ομάρ Χαντάντ"),
        ("Marek Novak", "Μάρεκ Νόβακ"),
    ]
    assert spotted("Die Polizei befragte Marek Nowak.") == [("Marek Novak", "Marek Nowak")]


def test_a_surname_two_people_share_needs_a_given_name_that_decides():
    # "Орлов" alone is Pavel or Ilya: no guess when the text names both (or neither) in full.
    # The feminine "Орлова" as written is Dana.
    assert spotted("Орлов молчал. Павел Орлов ушёл, Илья Орлов остался. Орлова осталась.") == [
        ("Pavel Orlov", "Павел Орлов"),
        ("Ilya Orlov", "Илья Орлов"),
        ("Dana Orlova", "Орлова"),
    ]
    assert spotted("Орлов молчал. Орлова осталась.") == [("Dana Orlova", "Орлова")]


def test_a_shared_surname_alone_is_the_one_person_the_text_or_its_title_names_in_full():
    assert spotted("Орлов молчал. Павел Орлов ушёл.") == [("Pavel Orlov", "Орлов"), ("Pavel Orlov", "Павел Орлов")]
    # Devanagari, the full name only in the headline: "गांधी" alone is Rahul, not Sonia.
    known = ["Rahul Gandhi", "Sonia Gandhi"]
    text = "गांधी ने कहा कि सरकार विफल रही।"
    assert [s.name for s in spot_known_names(text, known)] == []
    assert [(s.name, s.text) for s in spot_known_names(text, known, title="राहुल गांधी का हमला")] == [
        ("Rahul Gandhi", "गांधी")
    ]


def test_a_word_of_a_script_without_capitals_is_a_lone_surname_only_when_spelled_like_it():
    # घरेलू ("domestic", read ghrelu) keeps the k-r-l of Kejriwal; केजरीवाल is Kejriwal.
    known = ["Arvind Kejriwal", "Rahul Gandhi"]
    text = "घरेलू रसोई गैस महंगी हुई। केजरीवाल ने सरकार की आलोचना की।"
    assert [(s.name, s.text) for s in spot_known_names(text, known)] == [("Arvind Kejriwal", "केजरीवाल")]


def test_words_that_are_no_known_name_are_not_spotted():
    assert spotted("Москва и Афины. Die Regierung in Berlin. Nova Scotia.") == []


def test_spans_index_the_text_as_given():
    text = "Утром Дана Орлова вернулась."
    (found,) = spot_known_names(text, KNOWN)
    assert text[found.start : found.end] == "Дана Орлова"


def test_an_article_in_another_language_gets_the_known_people_it_names_with_evidence(tmp_path):
    from newstrace import pipeline
    from newstrace.link.people import find_profiles
    from newstrace.store import Store

    english = tmp_path / "en.txt"
    english.write_text(
        "Police questioned Omar Haddad on Monday. Dana Orlova, a witness, gave a statement to the court "
        "in Sarn, and Haddad was released in the evening, officials said.\n",
        encoding="utf-8",
    )
    russian = tmp_path / "ru.txt"
    russian.write_text(
        "Полиция в понедельник допросила Омара Хаддада в городе Сарн. Дана Орлова дала показания суду, "
        "а вечером Хаддада отпустили, сообщили власти.\n",
        encoding="utf-8",
    )
    store = Store(tmp_path / "news.db")
    report = pipeline.ingest([english, russian], store)
    assert not report.problems
    assert any("2 known people found by name: Omar Haddad, Dana Orlova" in n.reason for n in report.notes)
    stored = store.get(str(russian.resolve().as_uri()))
    assert stored.article.language == "ru"
    people = {e.name: e for e in stored.entities if e.kind == "person"}
    assert set(people) == {"Omar Haddad", "Dana Orlova"}
    # natasha's Russian NER found them too: the known name wins, natasha's nominative ("Омар
    # Хаддада": it knows given names better than surnames) is kept as an alias.
    assert [alias.split()[0] for alias in people["Omar Haddad"].aliases] == ["Омар"]
    assert [e.name for e in stored.entities if e.kind == "place"] == ["Сарн"]
    text = stored.article.text
    assert [text[m.start : m.end] for m in people["Omar Haddad"].mentions] == ["Омара Хаддада", "Хаддада"]
    # The Russian article joins the English one's profile.
    profile = find_profiles(store, "Omar Haddad")[0]
    assert profile.name == "Omar Haddad" and len(profile.articles) == 2


def test_the_store_lists_known_full_names_most_recent_first(tmp_path):
    from newstrace import pipeline
    from newstrace.store import Store

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Police questioned Omar Haddad in Sarn on Monday, officials said.\n", encoding="utf-8")
    second.write_text("Dana Orlova gave a statement in Sarn on Tuesday, the court said.\n", encoding="utf-8")
    store = Store(tmp_path / "news.db")
    pipeline.ingest([first], store)
    pipeline.ingest([second], store)
    assert store.known_people() == ["Dana Orlova", "Omar Haddad"]
    assert store.known_people(limit=1) == ["Dana Orlova"]


def test_hindi_names_by_their_consonants_with_the_given_name_deciding():
    # Devanagari has no capitals and drops written vowels in transliteration (पटेल reads
    # "ptel"): a word is a known surname by its consonants; a surname two known people
    # share ("गांधी" alone) is the one of them the article names in full (Rahul here).
    text = (
        "कांग्रेस नेता राहुल गांधी ने बुधवार को प्रधानमंत्री नरेंद्र मोदी पर निशाना साधा। "
        "गांधी ने कहा कि हार्दिक पटेल ने पार्टी छोड़ दी।"
    )
    known = ["Rahul Gandhi", "Sonia Gandhi", "Narendra Modi", "Hardik Patel"]
    assert [(s.name, s.text) for s in spot_known_names(text, known)] == [
        ("Rahul Gandhi", "राहुल गांधी"),
        ("Narendra Modi", "नरेंद्र मोदी"),
        ("Rahul Gandhi", "गांधी"),
        ("Hardik Patel", "हार्दिक पटेल"),
    ]
