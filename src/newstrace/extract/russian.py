"""People, organizations and places in Russian text, from natasha's news NER.

Our spaCy model reads English only. For Russian, natasha (MIT) ships its NER and
morphology models inside the package, so they load offline. Its spans are
grouped into entities the way ``grouping`` joins English names:

* a full name's mentions group by their nominative form ("Елены Труфановой"
  and "Елена Труфанова" are one person, named "Елена Труфанова");
* a surname or given name alone joins the one full name whose surname or given
  name has the same lemma ("Кривого" joins "Рони Кривой"); with two such full
  names it joins neither and stays a person of its own.

Names stay in Cyrillic: linking compares names across scripts
(``link.names.normalise`` transliterates). Spans index ``article.text``;
sentence numbers are those of ``link.text.sentences``, like the names
``link.spotting`` finds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Article, Entity, Evidence
from .voting import ORGANIZATION, PERSON, PLACE

KINDS = {"PER": PERSON, "ORG": ORGANIZATION, "LOC": PLACE}
ID_PREFIXES = {PERSON: "p", ORGANIZATION: "o", PLACE: "l"}


def available() -> bool:
    try:
        import natasha  # noqa: F401
    except ImportError:
        return False
    return True


@lru_cache(maxsize=1)
def _models():
    """natasha's segmenter, NER tagger, morphology tagger and vocabulary (loaded once, ~2 s)."""
    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    embedding = NewsEmbedding()
    return Segmenter(), NewsNERTagger(embedding), NewsMorphTagger(embedding), MorphVocab()


def _cut_at_line_break(span, text: str) -> bool:
    """Keep of a natasha span only its words before a line break: a name ends with its line
    ("Андрей Рудьков" over the next line's "Аккаунт: @..."). False when nothing is left."""
    kept = [span.tokens[0]] if span.tokens else []
    for token in span.tokens[1:]:
        if "\n" in text[kept[-1].stop : token.start]:
            break
        kept.append(token)
    if not kept:
        return False
    if len(kept) < len(span.tokens):
        span.tokens, span.stop = kept, kept[-1].stop
        span.text = text[span.start : span.stop]
    return True


@dataclass
class _Group:
    kind: str
    name: str  # nominative form of the longest mention
    lemmas: tuple[str, ...]  # lemma of each word of that form
    spans: list = field(default_factory=list)  # (start, end, normal)


def russian_entities(article: Article) -> tuple[Entity, ...]:
    """The people, organizations and places natasha finds in ``article.text``."""
    from natasha import Doc

    from ..link.text import sentence_index, sentences

    segmenter, ner, morph, vocabulary = _models()
    doc = Doc(article.text)
    doc.segment(segmenter)
    doc.tag_morph(morph)
    doc.tag_ner(ner)
    for token in doc.tokens:
        token.lemmatize(vocabulary)
    groups: list[_Group] = []
    lone: list[tuple[str, int, int, str, str]] = []  # (kind, start, end, written, lemma) of one-word names
    for span in doc.spans:
        kind = KINDS.get(span.type)
        if kind is None or not _cut_at_line_break(span, article.text):
            continue
        span.normalize(vocabulary)
        normal = span.normal or span.text
        lemmas = tuple((token.lemma or token.text).casefold() for token in span.tokens)
        if kind == PERSON and len(span.tokens) == 1:
            lone.append((kind, span.start, span.stop, span.text, lemmas[0]))
            continue
        group = next((g for g in groups if g.kind == kind and g.name.casefold() == normal.casefold()), None)
        if group is None:
            group = _Group(kind, normal, lemmas)
            groups.append(group)
        group.spans.append((span.start, span.stop, normal))
    for kind, start, end, written, lemma in lone:
        full = [g for g in groups if g.kind == PERSON and lemma in (g.lemmas[0], g.lemmas[-1])]
        if len(full) != 1:
            full = [g for g in groups if g.kind == PERSON and len(g.lemmas) == 1 and g.lemmas[0] == lemma]
        if len(full) == 1:
            full[0].spans.append((start, end, full[0].name))  # an inflected form is no spelling
        else:
            groups.append(_Group(PERSON, written, (lemma,), [(start, end, written)]))
    bounds = sentences(article.text)
    groups.sort(key=lambda g: min(start for start, _, _ in g.spans))
    numbers: dict[str, int] = {}
    entities = []
    for group in groups:
        numbers[group.kind] = numbers.get(group.kind, 0) + 1
        spans = sorted(group.spans)
        aliases = tuple(dict.fromkeys(normal for _, _, normal in spans if normal != group.name))
        mentions = tuple(Evidence(article.id, sentence_index(bounds, start), start, end) for start, end, _ in spans)
        entities.append(
            Entity(f"{ID_PREFIXES[group.kind]}{numbers[group.kind]}", group.kind, group.name, aliases, mentions)
        )
    return tuple(entities)
