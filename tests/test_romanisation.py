"""Indic romanisation variants: one person's name spelt two ways joins, other names do not."""

from newstrace.link import names
from newstrace.link.romanisation import indic_variant


def test_indic_spellings_of_one_name_are_variants():
    assert indic_variant("bhupender", "bhupendra")
    assert indic_variant("rajinder", "rajindra")
    assert indic_variant("deb", "dev")
    assert indic_variant("biplab", "biplav")


def test_other_names_are_no_indic_variants():
    assert not indic_variant("alexander", "alexandra")  # -ander: a masculine and a feminine name
    assert not indic_variant("deb", "deb")  # one spelling is no variant
    assert not indic_variant("bo", "vo")  # too short to tell
    assert not indic_variant("narendra", "surendra")


def test_given_names_and_surnames_match_across_indic_spellings():
    assert names.given_match("bhupender", "bhupendra")
    assert names.surname_match("deb", "dev")
    assert not names.given_match("alexander", "alexandra")
