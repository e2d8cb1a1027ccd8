"""Rich renderings of results for the terminal (``--json`` prints ``to_dict()`` instead).

Each renderer takes the library's value (an Analysis, a Profile, a ProvenanceTree...) and
returns something the console prints; nothing here reads a database.

Every stored string reaches the terminal through ``safe`` (no control characters, so no
escape sequences) inside a ``Text`` (never parsed as Rich markup, so ``[/b]`` in a title
prints as written); only http(s) URLs become terminal links (``url_text``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from rich.console import Group
from rich.style import Style
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from .model import Analysis, Comparison, Link, Profile

if TYPE_CHECKING:
    from .link.copies import ProvenanceTree

DISTORTION_STYLE = "bold red"

# An escape sequence (CSI "ESC [ ... final", OSC "ESC ] ... BEL or ESC \\", or a two-character
# one) and the characters a terminal acts on: C0 and C1 controls but tab and newline, DEL,
# and the bidirectional overrides that make a line read differently from what it holds.
ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])|\x9b[0-?]*[ -/]*[@-~]")
TERMINAL_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
REPLACEMENT = "\ufffd"
LINK_SCHEMES = ("http", "https")


def safe(value: object, keep_length: bool = False) -> str:
    """``value`` as text a terminal only displays: escape sequences and control characters removed.

    With ``keep_length`` each control character becomes U+FFFD instead, so character offsets
    into the text (highlighted spans) stay valid.
    """
    text = str(value)
    if keep_length:
        return TERMINAL_CONTROL.sub(REPLACEMENT, text)
    return TERMINAL_CONTROL.sub("", ESCAPE_SEQUENCE.sub("", text))


def plain(value: object, style: str = "") -> Text:
    """A table cell or line from a stored value: safe, and never read as markup."""
    return Text("" if value is None else safe(value), style=style)


def url_text(url: str, style: str = "") -> Text:
    """A URL as text, a clickable terminal link only when it is http(s)."""
    text = plain(url, style)
    if text.plain == url and urlsplit(url).scheme.lower() in LINK_SCHEMES:
        text.stylize(Style(link=url))
    return text


def links_table(links: list[Link], articles: dict[str, dict[str, Any]]) -> Table:
    """Each pair as outlet, date and id prefix (``--json`` has the URLs)."""
    table = Table("copy", "source", "verdict", "score", title="Related articles")
    undecided = False
    for link in links:
        verdict = link.verdict
        if link.direction == "undecided":  # no dates, no junk: the later ingested is called the copy
            verdict, undecided = verdict + " ?", True
        table.add_row(plain(_article_label(articles, link.copy)), plain(_article_label(articles, link.source)),
                      verdict, f"{link.score:.2f}")
    if undecided:
        table.caption = "?: which one is the copy is undecided (no publication dates, no junk): the later ingested is listed as the copy"
    return table


def _article_label(articles: dict[str, dict[str, Any]], article_id: str) -> str:
    article = articles.get(article_id, {})
    date = (article.get("published") or "")[:10]
    return " ".join(part for part in (article.get("site") or article.get("url"), date, article_id[:8]) if part)


def comparison(result: Comparison, copy_name: str, source_name: str) -> Group:
    """The verdict, then every distortion with both sides, then how many sentences aligned."""
    header = Text.assemble(
        ("verdict: ", "bold"), (result.verdict, "bold green" if result.verdict != "unrelated" else "bold"),
        f"  score {result.score:.2f}  ({len(result.pairs)} aligned sentence pairs)",
    )
    parts: list[Any] = [header, plain(f"copy:   {copy_name}\nsource: {source_name}", style="dim")]
    if result.covered is not None and result.verdict in ("verbatim", "edited"):
        # A partial reprint: which part of the source it repeats word for word.
        covered = result.covered
        opening = " ".join(covered.text.split()[:8])
        parts.append(plain(f"word for word: source characters {covered.start}-{covered.end} ({opening} ...)", style="dim"))
    if result.distortions:
        table = Table("type", "source", "copy", "detail", title="Distortions", show_lines=True)
        for column in table.columns[1:3]:
            column.overflow = "fold"
            column.ratio = 2
        for distortion in result.distortions:
            table.add_row(
                Text(distortion.type, style=DISTORTION_STYLE),
                plain(distortion.source.text if distortion.source else "—"),
                plain(distortion.copy.text if distortion.copy else "—"),
                plain(distortion.detail),
            )
        parts.append(table)
    else:
        parts.append(Text("No distortions found.", style="dim"))
    return Group(*parts)


def profiles_table(profiles: list) -> Table:
    table = Table("name", "articles", "ages", "roles", "aliases", "latest state", title="People")
    for column in table.columns:
        column.overflow = "fold"
    for profile in profiles:
        data = profile.to_dict()
        latest = data.get("latest")
        table.add_row(
            plain(data["name"]),
            str(len(data["articles"])),
            plain(", ".join(str(age["value"]) for age in data["ages"])),
            plain("; ".join(data["roles"])),
            plain(", ".join(data["aliases"])),
            plain(_state(latest) if latest else ""),
        )
    return table


def profile(person: Profile) -> Group:
    """One person: names, claims with their sources, conflicts side by side, the timeline."""
    data = person.to_dict()
    parts: list[Any] = [plain(data["name"], style="bold cyan")]
    if data["aliases"]:
        parts.append(plain("also: " + ", ".join(data["aliases"]), style="dim"))
    if data["copy_spellings"]:
        parts.append(plain("spelled so only by copies: " + ", ".join(data["copy_spellings"]), style="dim"))
    if data["ages"]:
        parts.append(plain("age: " + "; ".join(f"{a['value']} ({len(a['articles'])} art.)" for a in data["ages"])))
    if data["roles"]:
        parts.append(plain("roles: " + "; ".join(data["roles"])))
    for conflict in data["conflicts"]:
        table = Table("value", "articles", title=plain(f"Sources disagree on {conflict['field']}"))
        for value in conflict["values"]:
            table.add_row(plain(value["value"]), plain("\n".join(value["articles"])))
        parts.append(table)
    if data["timeline"]:
        table = Table("time", "state", "as reported", "articles", title="Timeline (by event time)")
        table.columns[3].overflow = "fold"
        for entry in data["timeline"]:
            time = entry.get("time") or {}
            table.add_row(
                plain(time.get("value") or "?"),
                plain(entry["state"]),
                plain(time.get("text") or f"(published {(entry.get('published') or '?')[:10]})"),
                plain("\n".join(entry.get("articles") or [entry.get("article") or entry["evidence"]["article"]])),
            )
        parts.append(table)
    for named in data.get("lists", ()):
        parts.append(_list_record(named))
    parts.append(plain(f"{len(data['articles'])} articles: " + ", ".join(data["articles"]), style="dim"))
    return Group(*parts)


def _list_record(named: dict[str, Any]) -> Table:
    """A named list the person is on: sizes, owner and recipient as the articles claim them, every
    named member with their latest state."""

    def claims(values: list[dict[str, Any]]) -> str:
        return " / ".join(f"{c['value']} ({len(c['articles'])} art.)" for c in values) or "?"

    title = (f"On a list: {claims(named['owners'])} -> {claims(named['recipients'])}, claimed size "
             f"{claims(named['claimed_sizes'])}, {len(named['members'])} named"
             + (f", {named['unnamed']} unnamed" if named["unnamed"] else ""))
    table = Table("member", "latest state", "named in", title=plain(title))
    table.columns[2].overflow = "fold"
    for member in named["members"]:
        time = (member.get("time") or {}).get("value")
        state = f"{member['state']} {time}" if member["state"] and time else member["state"] or "?"
        table.add_row(plain(member["name"] or member["profile"]), plain(state), plain("\n".join(member["articles"])))
    return table


def _state(entry: dict[str, Any]) -> str:
    """'released 2024-11-12', or when the text gives no date, 'captive (reported 2024-11-15)'."""
    value = (entry.get("time") or {}).get("value")
    return f"{entry['state']} {value}" if value else f"{entry['state']} (reported {(entry.get('published') or '?')[:10]})"


def provenance(found: ProvenanceTree) -> Tree:
    """A provenance tree: each node an article, its children the copies traced to it."""
    data = found.to_dict()

    def label(node: dict[str, Any]) -> Text:
        text = url_text(node.get("url") or node.get("article", "?"))
        text.overflow = "fold"
        if node.get("verdict"):
            text.append(f"  {node['verdict']}", style="green")
        if node.get("published"):
            text.append(safe(f"  {node['published'][:10]}"), style="dim")
        if node.get("asked"):
            text.append("  ◀", style="bold yellow")
        return text

    def grow(branch: Tree, node: dict[str, Any]) -> None:
        for child in node.get("children", []):
            grow(branch.add(label(child)), child)

    root = data.get("root", data)
    tree = Tree(label(root))
    grow(tree, root)
    same = data.get("same_story") or []
    if same:
        branch = tree.add(Text("same story, reported independently", style="dim"))
        for node in same:
            branch.add(label(node))
    return tree


def stories_table(stories: list) -> Table:
    table = Table("story", "dates", "articles", "main people", title="Stories")
    for column in table.columns:
        column.overflow = "fold"
    for story in stories:
        data = story.to_dict()
        dates = " – ".join(dict.fromkeys(d[:10] for d in (data["first"], data["last"]) if d))
        table.add_row(
            plain(data["title"] or data["id"]),
            plain(dates),
            str(data["article_count"]),
            plain(", ".join(p["name"] for p in data["people"][:5])),
        )
    return table


def articles_table(rows: list[dict[str, Any]]) -> Table:
    """The stored articles (``Store.articles`` rows); ids at 8 characters: any unique prefix works
    for `show`, and --json has the full id."""
    table = Table("id", "published", "site", "lang", "title")
    table.columns[0].no_wrap = table.columns[1].no_wrap = True
    for row in rows:
        table.add_row(
            plain(row["id"][:8]), plain((row["published"] or "")[:10]), plain(row["site"]), plain(row["language"]),
            plain(row["title"]),
        )
    return table


KIND_STYLES = {"person": "bold cyan", "organization": "bold magenta", "place": "bold green"}


def analysis(found: Analysis) -> Group:
    """One article with its facts highlighted in the text, then its people, quotes and events."""
    article = found.article
    parts: list[Any] = [plain(article.title or "(no title)", style="bold")]
    details = [article.site, article.published, article.dateline, article.language]
    parts.append(Text(" | ", style="dim").join([url_text(article.url), *(plain(d) for d in details if d)]))
    parts += [plain(f"note: {note}", style="yellow") for note in found.notes]
    text = Text(safe(article.text, keep_length=True))  # offsets of the highlights stay valid
    for quote in found.quotes:
        text.stylize("italic", quote.evidence.start, quote.evidence.end)
    for flag in found.flags:
        text.stylize("red", flag.evidence.start, flag.evidence.end)
    for entity in found.entities:
        for mention in entity.mentions:
            text.stylize(KIND_STYLES.get(entity.kind, "bold"), mention.start, mention.end)
    parts.append(text)
    parts.append(Text.from_markup(
        "Highlighted: [bold cyan]people[/] [bold magenta]organizations[/] [bold green]places[/] "
        "[italic]quotes[/] [red]flagged sentences[/]",
        style="dim",
    ))
    names = {e.id: e.name for e in found.entities}
    if found.people:
        table = Table("person", "age", "roles", "nationalities", "relations", "status", title="People")
        for person in found.people:
            relations = [f"{a.value} of {names.get(a.of, a.of)}" for a in person.attributes if a.field == "relation"]
            table.add_row(
                plain(person.name),
                str(person.age or ""),
                plain("; ".join(person.values("role"))),
                plain(", ".join(person.values("nationality"))),
                plain(", ".join(dict.fromkeys(relations))),
                plain(", ".join(
                    s.state + (f" {s.time.value or s.time.text}" if s.time else "")
                    for s in found.statuses
                    if s.person == person.id
                )),
            )
        parts.append(table)
    if found.quotes:
        table = Table("speaker", "quote", "cue", "kind", "medium", title="Quotes")
        for quote in found.quotes:
            speaker = names.get(quote.speaker) or (f"({quote.speaker_name}?)" if quote.speaker_name else "?")
            table.add_row(plain(speaker), plain(quote.text), plain(quote.cue), quote.kind, plain(quote.medium or ""))
        parts.append(table)
    if found.events:
        table = Table("type", "trigger", "agent", "target", "time", "modality", "channel", title="Events")
        for column in table.columns:
            column.overflow = "fold"
        for event in found.events:
            table.add_row(
                f"{event.type}/{event.mode}" if event.mode else event.type,
                plain(event.trigger),
                plain(_participants(event, "agent", names)),
                plain(_participants(event, "target", names)),
                plain((event.time.value or event.time.text) if event.time else ""),
                event.modality,
                plain(_channel(event, names)),
            )
        parts.append(table)
    if found.lists:
        table = Table("list", "claimed size", "owner", "recipient", "named members", title="Lists")
        for named in found.lists:
            table.add_row(
                plain(article.text[named.evidence.start : named.evidence.end]),
                str(named.claimed_size or ""),
                plain(names.get(named.owner) or named.owner_name or ""),
                plain(names.get(named.recipient) or named.recipient_name or ""),
                plain(", ".join(names.get(m, m) for m in named.members)),
            )
        parts.append(table)
    parts += [plain(f"flag {flag.kind}: {flag.text!r} ({flag.reason})", style="red") for flag in found.flags]
    for kind, title in (("organization", "Organizations"), ("place", "Places")):
        listed = [e.name for e in found.of_kind(kind)]
        if listed:
            parts.append(plain(f"{title}: " + ", ".join(listed)))
    return Group(*parts)


def _participants(event, role: str, names: dict[str, str]) -> str:
    """An event's agents or targets: its typed actors ("Russian officials (government)"), else entity names."""
    actors = [a for a in event.actors if a.role == role]
    if actors:
        return ", ".join(f"{a.name} ({a.type})" if a.type else a.name for a in actors)
    return ", ".join(names.get(i, i) for i in (event.agent if role == "agent" else event.target))


def _channel(event, names: dict[str, str]) -> str:
    """How a release came about: "mediated by Qatar; not part_of the agreement; during the truce"."""
    parts = []
    if event.channel:
        via = ", ".join(names.get(m, m) for m in event.mediators)
        parts.append(f"{event.channel} by {via}" if via else event.channel)
    parts += [f"{'not ' if f.negated else ''}{f.relation} {f.text}" for f in event.frameworks]
    return "; ".join(parts)
