"""Named lists: a list of people handed from one actor to another, its claimed size and named members."""

from newstrace.pipeline import analyze
from helpers import make_article


def _analysis(nlp, article):
    """The article's facts as ingest finds them: lists read the people's states."""
    return analyze(article, nlp(article.text))


def _lists(nlp, article):
    found = _analysis(nlp, article)
    names = {e.id: e.name for e in found.entities}
    return [
        (named.claimed_size, names.get(named.owner), named.owner_name, names.get(named.recipient),
         [names[m] for m in named.members], article.text[named.evidence.start : named.evidence.end])
        for named in found.lists
    ]


def test_a_list_handed_over_with_its_size_and_the_members_placed_on_it(nlp):
    article = make_article(
        "Qatar handed Israel a list of 13 hostages on Friday. Tal Amir and Noa Levi were on the list."
    )
    assert _lists(nlp, article) == [(13, "Qatar", "Qatar", "Israel", ["Tal Amir", "Noa Levi"], "a list of 13 hostages")]


def test_a_list_of_things_is_no_list_of_people(nlp):
    article = make_article("The union sent the ministry a list of demands on Monday.")
    assert _lists(nlp, article) == []


def test_the_seed_list_of_eight_handed_by_russia_to_hamas(nlp, seed_clean):
    (found,) = _lists(nlp, seed_clean)
    # "the other captives on Russia's list": the three released before were on it.
    assert found == (8, "Russia", "Russian officials", "Hamas", ["Roni Krivoi", "Elena Trufanova", "Irina Tati"],
                     "a list of eight Russian-Israeli individuals")


def test_the_seed_members_carry_the_words_that_put_them_on_the_list(nlp, seed_clean):
    (named,) = _analysis(nlp, seed_clean).lists
    said = [seed_clean.text[e.start : e.end] for e in named.member_evidence]
    assert said == ["the other captives on Russia's list", "other people on Russia's list",
                    "other people on Russia's list"]


def test_the_other_captives_on_the_list_are_those_released_before(nlp):
    article = make_article(
        "Egypt gave Hamas a list of five hostages. Hamas freed Tal Amir on Monday. "
        "The other hostages on Egypt's list are still held."
    )
    found = _analysis(nlp, article)
    (named,) = found.lists
    names = {e.id: e.name for e in found.entities}
    assert [names[m] for m in named.members] == ["Tal Amir"]
    assert article.text[named.member_evidence[0].start : named.member_evidence[0].end] == "The other hostages on Egypt's list"


def test_a_list_without_other_names_no_released_member(nlp):
    article = make_article("Egypt gave Hamas a list of five hostages. Hamas freed Tal Amir on Monday.")
    (named,) = _analysis(nlp, article).lists
    assert named.members == ()
