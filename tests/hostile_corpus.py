"""A folder of hostile inputs, built in a temporary folder by the tests (nothing binary is committed).

``build(folder)`` writes every input and returns what each must become: ``STORED``
(an article in the database) or ``SKIPPED`` (named in a skip line), keyed by the name
that line or the stored ``source`` shows. Each input is one of the causes that once
crashed a batch, hung it, or was dropped without a word (issue 15).
"""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

STORED, SKIPPED = "stored", "skipped"

PROSE = (
    "Harbour workers in Marlow Bay ended their strike on Tuesday after the port authority agreed to raise "
    "wages by four percent, union leader Mirela Dobos said.\n\n"
    "The strike had closed the container terminal for nine days.\n"
)


def run_on(clauses: int) -> str:
    """One sentence with no end (500 clauses: 42 KB), the shape whose cost grew fastest."""
    return "Police said " + ", and ".join(
        f"officers from unit {n} detained a man who had given the guards a list of names" for n in range(clauses)
    ) + ".\n"


def freed(sentences: int) -> str:
    """"X, 45, and Y, 32, were freed." many times over: two new people per sentence."""
    return "Hostages freed\n\n" + " ".join(
        f"Anat Levi{n}, 45, and Roni Katz{n}, 32, were freed by the militants in Gaza." for n in range(sentences)
    ) + "\n"

ESCAPES = "[/b] Fire at the [link=file:///etc/passwd]depot[/link] \x1b]0;pwned\x07\x1b[2J\x9b31m closes road"
DEEP_JSON = "[" * 100_000 + "]" * 100_000


def json_line(**record) -> str:
    # ensure_ascii keeps "\ud800" as an escape, the way hostile feeds carry lone surrogates.
    return json.dumps(record, ensure_ascii=True)


def html_page(head: str = "", body: str = PROSE) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    return f"<!doctype html><html><head>{head}<title>Strike ends</title></head><body><article>{paragraphs}</article></body></html>"


def json_ld(value: str) -> str:
    return f'<script type="application/ld+json">{value}</script>'


def build(folder: Path, *, clauses: int = 500, sentences: int = 400) -> dict[str, str]:
    """Write the hostile inputs below ``folder``; {name shown in output: expected outcome}.

    ``clauses`` sizes the run-on sentence and ``sentences`` the many-people article (the
    defaults are the sizes the probe of issue 15 used; tests use smaller ones to stay fast).
    """
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, str] = {}

    def put(name: str | bytes, content: str | bytes, outcome: str, shown: str | None = None) -> Path:
        path = Path(os.fsdecode(os.path.join(os.fsencode(folder), os.fsencode(name))))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content)
        expected[shown or str(path)] = outcome
        return path

    put("good.txt", "Strike ends\n\n" + PROSE, STORED)
    # Clean text over spaCy's 1,000,000-character limit.
    put("huge.txt", "Long report\n\n" + PROSE * (1_000_000 // len(PROSE) + 1), SKIPPED)
    # A file name with bytes that are not UTF-8; the output shows them as \xNN.
    put(b"caf\xe9-\xff.txt", "Strike ends\n\n" + PROSE, STORED, shown=str(folder / "caf\\xe9-\\xff.txt"))
    # Lone surrogates in JSONL fields and in a sidecar.
    lines = folder / "surrogates.jsonl"
    put(lines.name, json_line(url="https://x.example/\ud800", title="Strike \udfff", text=PROSE + "\ud800") + "\n",
        STORED, shown=f"{lines}:1")
    put("sidecar-surrogate.txt", PROSE, STORED)
    put("sidecar-surrogate.txt.meta.json", json_line(title="Strike \ud800", site="\udc80"), "sidecar")
    # JSON-LD whose @graph is one node or a string, and one nested 100,000 levels (it only loses its date).
    put("graph-node.html", html_page(json_ld('{"@graph": {"datePublished": "2024-03-05T10:00:00Z"}}')), STORED)
    put("graph-string.html", html_page(json_ld('{"@graph": "none", "datePublished": "2024-03-05"}')), STORED)
    put("deep-ld.html", html_page(json_ld(DEEP_JSON)), STORED)
    # JSON nested 100,000 levels in a JSONL line and in a sidecar.
    deep = folder / "deep.jsonl"
    put(deep.name, DEEP_JSON + "\n", SKIPPED, shown=f"{deep}:1")
    put("deep-sidecar.txt", PROSE, SKIPPED)
    put("deep-sidecar.txt.meta.json", DEEP_JSON, "sidecar")
    # Charsets that are codecs but not page encodings.
    for charset in ("undefined", "punycode", "x-nonsense"):
        put(f"charset-{charset}.html", html_page(f'<meta charset="{charset}">').encode("cp1252"), STORED)
    # Time-zone offsets of 24 h or more, in JSONL and in a sidecar.
    offset = folder / "offset.jsonl"
    put(offset.name, json_line(text=PROSE, published="2024-03-05T10:00:00+24:00") + "\n", SKIPPED,
        shown=f"{offset}:1")
    put("offset-sidecar.txt", PROSE, SKIPPED)
    put("offset-sidecar.txt.meta.json", json_line(published="2024-03-05T10:00:00-25:00"), "sidecar")
    # A file name of 254 bytes: its sidecar's name would be over the 255-byte limit.
    put("n" * 250 + ".txt", PROSE, STORED)
    # A tree deeper than max_folder_depth, and one whose paths exceed the system's 4,096 bytes.
    put("tree/" + "/".join(["d"] * 70) + "/deep.txt", PROSE, "folder")
    expected[str(folder / "tree" / "/".join(["d"] * 64))] = SKIPPED
    long_dir = _deep_path(folder / "long", "x" * 250, levels=17)
    expected[long_dir] = SKIPPED
    # Files that are not regular files, and links.
    os.mkfifo(folder / "fifo.txt")
    expected[str(folder / "fifo.txt")] = SKIPPED
    for name, target, outcome in (
        ("passwd.txt", "/etc/passwd", SKIPPED),
        ("status.txt", "/proc/self/status", SKIPPED),
        ("zero.txt", "/dev/zero", SKIPPED),
        ("loop.txt", "loop.txt", SKIPPED),
        ("dangling.txt", "nowhere.txt", SKIPPED),
        ("inside-link.txt", "good.txt", "duplicate"),  # the same file: the same URL and text
        ("outside-folder", "/etc", SKIPPED),
    ):
        (folder / name).symlink_to(target)
        expected[str(folder / name)] = outcome
    put("zero-sidecar.txt", PROSE, SKIPPED)
    (folder / "zero-sidecar.txt.meta.json").symlink_to("/dev/zero")
    put("fifo-sidecar.txt", PROSE, SKIPPED)
    os.mkfifo(folder / "fifo-sidecar.txt.meta.json")
    put("bom-sidecar.txt", PROSE, STORED)
    put("bom-sidecar.txt.meta.json", "\ufeff" + json_line(site="Ledger"), "sidecar")
    # Line separators inside JSON strings: one record, not three.
    separators = folder / "separators.jsonl"
    put(separators.name, '{"text": "' + PROSE.replace("\n", " ") + '\u2028 and \u2029 and \u0085 end"}\n',
        STORED, shown=f"{separators}:1")
    # Empty and BOM-only JSONL files, NUL characters, duplicates, markup and escapes in a title.
    put("empty.jsonl", b"", SKIPPED)
    put("bom-only.jsonl", b"\xef\xbb\xbf", SKIPPED)
    nul = folder / "nul.jsonl"
    put(nul.name, json_line(text="Strike\u0000 ends\n\n" + PROSE) + "\n", STORED, shown=f"{nul}:1")
    twins = folder / "twins.jsonl"
    record = json_line(url="https://x.example/twin", text=PROSE)
    put(twins.name, record + "\n" + record + "\n", STORED, shown=f"{twins}:1")
    expected[f"{twins}:2"] = "duplicate"
    put("escapes.txt", ESCAPES + "\n\n" + PROSE, STORED)
    # Costly shapes: a 44 KB run-on sentence, and "X, 45, and Y, 32, were freed." many times.
    put("run-on.txt", "Arrests\n\n" + run_on(clauses), STORED)
    put("freed.txt", freed(sentences), STORED)
    # Classic bad files.
    put("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, SKIPPED)
    put("broken.txt.gz", gzip.compress(PROSE.encode())[:40], SKIPPED)
    with (folder / "sparse.txt").open("wb") as stream:  # 50 MB on paper, nothing on disk
        stream.truncate(50 * 1024 * 1024)
    expected[str(folder / "sparse.txt")] = SKIPPED
    return {name: outcome for name, outcome in expected.items() if outcome in (STORED, SKIPPED, "duplicate")}


def _deep_path(top: Path, name: str, levels: int) -> str:
    """Folders ``name`` nested ``levels`` deep below ``top``, made through folder handles so that
    paths past the system's limit can exist; the first folder whose path is too long to list."""
    top.mkdir()
    handle = os.open(top, os.O_RDONLY)
    path = str(top)
    too_long = None
    try:
        for _ in range(levels):
            os.mkdir(name, dir_fd=handle)
            inner = os.open(name, os.O_RDONLY, dir_fd=handle)
            os.close(handle)
            handle = inner
            path = f"{path}/{name}"
            if too_long is None and len(os.fsencode(path)) >= 4096:
                too_long = path
        with open(os.open("story.txt", os.O_WRONLY | os.O_CREAT, dir_fd=handle), "w") as stream:
            stream.write(PROSE)
    finally:
        os.close(handle)
    return too_long or path


def fuzz(folder: Path, count: int, seed: int = 0) -> list[str]:
    """``count`` generated inputs mixing the hostile shapes above (names, encodings, payloads) in
    ``folder``; the names each must be stored under or named by (a JSONL file: one per line)."""
    import random

    from newstrace.ingest.sources import display_name

    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    pages = [
        html_page(), html_page('<meta charset="punycode">'), html_page('<meta charset="undefined">'),
        html_page(json_ld('{"@graph": {"datePublished": "2024-03-05"}}')), html_page(json_ld(DEEP_JSON[:4000])),
        html_page('<base href="https://cdn.example/">'), html_page(body=ESCAPES + "\n\n" + PROSE),
    ]
    texts = [PROSE, ESCAPES + "\n\n" + PROSE, "Strike\x00 ends\n\n" + PROSE, run_on(50), freed(5), "", "\ufeff",
             "[/b]\n\n" + PROSE, "\u202e" + PROSE, "Title\n\n" + PROSE.replace(" ", "\u2028")]
    records = [
        lambda: json_line(text=rng.choice(texts)),
        lambda: json_line(html=rng.choice(pages)),
        lambda: json_line(url="https://x.example/\ud800", title="T\udfff", text=PROSE),
        lambda: json_line(text=PROSE, published=rng.choice(["2024-03-05T10:00:00+24:00", "2024-13-45", "yesterday"])),
        lambda: json_line(text=PROSE, title=json.loads("[" * 80 + "]" * 80)),
        lambda: DEEP_JSON[: rng.randrange(2, 4000)],
        lambda: json.dumps({"text": PROSE + "\u2028\u2029\u0085"}, ensure_ascii=False),
        lambda: rng.choice(["", "{", "[1, 2]", "null", '"text"', "\x00\x01"]),
    ]

    def payload(suffix: str) -> bytes:
        if suffix == ".jsonl":
            lines = [rng.choice(records)() for _ in range(rng.randrange(0, 4))]
            return "\n".join(lines).encode("utf-8", "surrogatepass")
        base = rng.choice(pages) if suffix in (".html", ".htm") else rng.choice(texts)
        encoding = rng.choice(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "bytes", "gzip-broken"])
        if encoding == "bytes":
            return bytes(rng.randrange(256) for _ in range(rng.randrange(0, 600)))
        data = base.encode("utf-8" if encoding == "gzip-broken" else encoding, "replace")
        return gzip.compress(data)[: rng.randrange(5, 60)] if encoding == "gzip-broken" else data

    names: list[str] = []
    for number in range(count):
        stem = rng.choice([b"story", b"caf\xe9", b"\xff\xfe", b"two\nlines", b"esc\x1b[2J", b"[bold]x[link=y]", b"n" * 200])
        suffix = rng.choice([".txt", ".html", ".htm", ".jsonl"])
        path = Path(os.fsdecode(os.fsencode(folder) + b"/" + str(number).encode() + b"-" + stem + suffix.encode()))
        content = payload(suffix)
        path.write_bytes(content)
        lines = [n for n, line in enumerate(content.split(b"\n"), start=1) if line.strip()] if suffix == ".jsonl" else []
        shown = display_name(path)
        names += [f"{shown}:{n}" for n in lines] if lines else [shown]
    return names
