"""Named lists: a list of people handed from one actor to another, its claimed size and named members."""

from newstrace.extract.entities import extract_entities
from newstrace.extract.lists import extract_lists
from helpers import make_article


def _lists(nlp, article):
    doc = nlp(article.text)
    entities = extract_entities(doc, article)
    names = {e.id: e.name for e in entities}
    return [
        (named.claimed_size, names.get(named.owner), named.owner_name, names.get(named.recipient),
         [names[m] for m in named.members], article.text[named.evidence.start : named.evidence.end])
        for named in extract_lists(doc, article, entities)
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
    # The seed names no one as on the list: the releases are "among" captives, not list members.
    assert found == (8, "Russia", "Russian officials", "Hamas", [], "a list of eight Russian-Israeli individuals")
