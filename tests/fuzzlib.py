"""Article-like inputs for property-based fuzzing, and the properties every run must keep.

Shared by tests/test_fuzz.py (a bounded number of cases in CI) and scripts/fuzz (as many as
asked, failing examples saved). A generated article is a list of pieces; a *protected* piece
(code, a comment, <script>, <style>, front matter) holds artefacts mtlint must never report.
"""
from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import regex
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import run_cli  # noqa: E402  (the real CLI, in-process)

MTLINT = str(Path(sys.executable).parent / "mtlint")

# What mtlint looks for, and words around it.
ARTEFACTS = [
    "Kiev", "Kiev's", "Kharkov", "Odessa", "Stephane Sejourne", "Sejourne", "Recep Tayyip Erdogan",
    "the the", "in in the", "Leave a Reply", "See also:", "«Kiev»", "„quoted“", "1,5 million", "25 000",
    "5 %", "Why ?", "Kyіv", "donâ€™t", "&amp;", "&nbsp;", "&#8217;", "&#x4B;iev", "&lt;b&gt;", "{{name}}",
    "Bombay", "Peking", "the Ukraine", "Stéphane Séjourné", "Kyiv",
]
WORDS = ["talks", "in", "the", "minister", "said", "on", "Monday", "city", "war", "aid", "and", "a", "of",
         "President", "France", "visited", "news", "today", "2024", "5", "it's", "—", "(", ")", ",", ".", "!", "?"]
MD_INLINE = ["*", "**", "_", "`", "\\*", "\\", "[", "]", "(", ")", "<", ">", "&", "#", "|", "~~", "<br>",
             "<span>", "</span>", "![img](x.png)", "[Kiev](https://example.org/Kiev)", "<https://kiev.example/Kiev>",
             "<!-- mtlint-disable -->", "<!-- mtlint-enable -->", "<!-- mtlint-disable-next-line -->",
             "<!-- mtlint-disable Terminology -->"]
HTML_INLINE = ["<b>", "</b>", "<i>", "</i>", "<a href='Kiev'>", "</a>", "<br>", "<br/>", "&", "<", ">", "&#",
               "<!-- mtlint-disable -->", "<!-- mtlint-enable -->", "<!-- mtlint-disable-next-line -->",
               "<![ ", "<![CDATA[x]]>", "</ >", "<?x?>", "<!x>", "<img alt='Kiev'>", "&#x4B;iev"]
SENTENCE_WIDE = {"MTArtefacts.Untranslated", "MTArtefacts.GarbledQuote"}  # their match is a sentence or a quotation
PROTECTED_WORDS = st.lists(st.sampled_from(["Kiev", "Sejourne", "the the", "Leave a Reply", "Kharkov", "Bombay", "x"]),
                           min_size=1, max_size=4).map(" ".join)


@dataclass
class Article:
    """A generated file: its pieces (text, protected?) and how it is written to disk."""

    ext: str
    pieces: list[tuple[str, bool]] = field(default_factory=list)
    newline: str = "\n"
    encoding: str = "utf-8"
    bom: bool = False

    @property
    def text(self) -> str:
        return "".join(p for p, _ in self._converted())

    def _converted(self):
        return [(p.replace("\n", self.newline), prot) for p, prot in self.pieces]

    def protected(self) -> list[tuple[int, int]]:
        spans, pos = [], 0
        for piece, prot in self._converted():
            if prot:
                spans.append((pos, pos + len(piece)))
            pos += len(piece)
        return spans

    @property
    def bom_bytes(self) -> bytes:
        """UTF-16 always has its BOM (mtlint reads UTF-16 only by it); UTF-8 when asked."""
        if self.encoding == "utf-8":
            return codecs.BOM_UTF8 if self.bom else b""
        return codecs.BOM_UTF16_LE if self.encoding == "utf-16-le" else codecs.BOM_UTF16_BE

    def data(self) -> bytes:
        return self.bom_bytes + self.text.encode(self.encoding)

    def to_json(self) -> str:
        return json.dumps({"ext": self.ext, "pieces": self.pieces, "newline": self.newline,
                           "encoding": self.encoding, "bom": self.bom}, ensure_ascii=False)


def _sentence(extra=("",), no_code=False, no_tags=False):
    """A line of words, artefacts, format-specific markup (`extra`) and random markup-ish noise.

    `no_code`: no backtick, so a generated code span beside it stays one; `no_tags`: no noise "<"
    that opens a tag (a tag left open would swallow a generated <code> or <script>).
    """
    noise = st.text(alphabet="aeiouKkyv &;#<>*_`\\[]()!-.\t", max_size=4)
    if no_code:
        noise = noise.map(lambda t: t.replace("`", "'"))
        extra = [e for e in extra if "`" not in e] or [""]
    if no_tags:
        noise = noise.map(lambda t: regex.sub(r"<(?=[A-Za-z/!?])", "< ", t))
    return st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(ARTEFACTS), st.sampled_from(extra), noise),
                    min_size=1, max_size=14).map(" ".join)


@st.composite
def text_article(draw) -> Article:
    art = Article(".txt")
    for _ in range(draw(st.integers(1, 6))):
        art.pieces.append((draw(_sentence(["<!-- mtlint-disable-next-line -->", "<!-- mtlint-disable -->"])), False))
        art.pieces.append((draw(st.sampled_from(["\n", "\n\n", " ", "\n\n\n", "\n  "])), False))
    return art


@st.composite
def markdown_article(draw) -> Article:
    art = Article(draw(st.sampled_from([".md", ".markdown"])))
    if draw(st.booleans()):
        art.pieces += [("---\n", False), ("title: " + draw(PROTECTED_WORDS) + "\n", True), ("---\n\n", False)]
    for _ in range(draw(st.integers(1, 7))):
        kind = draw(st.sampled_from(["para", "heading", "quote", "list", "olist", "table", "fence", "comment", "nested"]))
        line = lambda: draw(_sentence(MD_INLINE))  # noqa: E731
        if kind == "fence":
            art.pieces += [("```\n", False), (draw(PROTECTED_WORDS) + "\n", True), ("```\n\n", False)]
            continue
        if kind == "comment":
            art.pieces += [("<!-- ", False), (draw(PROTECTED_WORDS), True), (" -->\n\n", False)]
            continue
        prefix = {"para": "", "heading": draw(st.sampled_from(["# ", "## ", "###### "])), "quote": "> ",
                  "list": draw(st.sampled_from(["- ", "* ", "+ "])), "olist": "1. ", "table": "| ",
                  "nested": draw(st.sampled_from(["> > ", "- - ", "> - ", "  - ", "> 1. ", ">" * draw(st.integers(2, 30)) + " "])),
                  }[kind]
        code = draw(st.booleans())  # a code span with protected text, in a paragraph of its own without other backticks
        if code:
            line = lambda: draw(_sentence(MD_INLINE, no_code=True))  # noqa: E731
            art.pieces.append(("\n\n", False))
        art.pieces.append((prefix, False))
        art.pieces.append((line(), False))
        if code:
            art.pieces += [(" `", False), (draw(PROTECTED_WORDS), True), ("` ", False)]
            art.pieces.append((line(), False))
        if kind == "table":
            art.pieces.append((" | " + line().replace("|", " ") + " |\n|---|---|\n| a | " + line().replace("|", " ") + " |", False))
        elif kind == "nested":
            for depth in range(draw(st.integers(1, 12))):
                art.pieces.append(("\n" + "  " * (depth + 1) + "- " + line(), False))
        art.pieces.append((draw(st.sampled_from(["\n\n", "\n\n\n"] if code else ["\n\n", "\n", "\n\n\n"])), False))
    return art


@st.composite
def html_article(draw) -> Article:
    art = Article(draw(st.sampled_from([".html", ".htm"])))
    if draw(st.booleans()):
        art.pieces.append(("<!DOCTYPE html>\n<html><head><title>" + draw(_sentence()).replace("<", " ") + "</title></head><body>\n", False))
    for _ in range(draw(st.integers(1, 7))):
        kind = draw(st.sampled_from(["p", "h1", "h2", "li", "blockquote", "div", "script", "style", "code", "pre", "comment", "td", "nested"]))
        if kind in ("script", "style", "code", "pre"):  # the ">" ends a "<![ " bogus comment left open before
            art.pieces += [(f"> <{kind}>", False), (draw(PROTECTED_WORDS), True), (f"</{kind}>\n", False)]
            continue
        if kind == "comment":
            art.pieces += [("> <!-- ", False), (draw(PROTECTED_WORDS), True), (" -->\n", False)]
            continue
        if kind == "nested":
            depth = draw(st.integers(1, 40))
            art.pieces.append(("<div>" * depth + draw(_sentence(HTML_INLINE, no_tags=True)) + "</div>" * draw(st.integers(0, depth)) + "\n", False))
            continue
        open_, close = {"li": ("<ul><li>", "</li></ul>"), "td": ("<table><tr><td>", "</td></tr></table>")}.get(kind, (f"<{kind}>", f"</{kind}>"))
        art.pieces.append((open_ + draw(_sentence(HTML_INLINE, no_tags=True)), False))
        if draw(st.booleans()):
            art.pieces += [(" > <code>", False), (draw(PROTECTED_WORDS), True), ("</code> ", False)]
        art.pieces.append((draw(_sentence(HTML_INLINE, no_tags=True)) + draw(st.sampled_from([close, ""])) + "\n", False))
    if draw(st.integers(0, 5)) == 0:  # a file that ends inside a comment: the rest is the comment
        art.pieces += [("> <!-- ", False), (draw(PROTECTED_WORDS), True)]
    return art


@st.composite
def articles(draw) -> Article:
    art = draw(st.one_of(text_article(), markdown_article(), html_article()))
    art.newline = draw(st.sampled_from(["\n", "\n", "\r\n", "\r"]))
    art.encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-16-le", "utf-16-be"]))
    art.bom = draw(st.booleans())
    return art


# -- the properties -------------------------------------------------------------------------------------
def _check(folder: Path, name: str, *args: str):
    result = run_cli("check", "--format", "json", "--enable", "MTArtefacts", *args, name, cwd=folder)
    if result.exit_code == 2:  # a file mtlint refuses: one clear line, never a traceback
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and name in lines[0] and "Traceback" not in result.stderr, result.stderr
        return None
    assert result.exit_code in (0, 1), (result.exit_code, result.stderr)
    assert not result.stderr.strip(), result.stderr
    return result.json()


def _decode(data: bytes, encoding: str) -> str:
    text = data.decode(encoding)
    return text[1:] if text.startswith("\ufeff") else text


def _apply(text: str, findings) -> str:
    """The reported safe fixes (what plain --fix applies) by hand: in order of position, one of two overlapping ones."""
    fixes = sorted({(f["fix"]["offset"], f["fix"]["length"], f["fix"]["replacement"]) for f in findings
                    if "fix" in f and f["fix"]["applicability"] == "safe"})
    out, pos, last = [], 0, None
    for offset, length, replacement in fixes:
        if text[offset:offset + length] == replacement:
            continue
        if last is not None and (offset < last[0] + last[1] or offset == last[0]):
            continue
        out += [text[pos:offset], replacement]
        pos, last = offset + length, (offset, length)
    return "".join(out) + text[pos:]


def check_article(art: Article, folder: Path) -> None:
    """Every property of one generated article (raises AssertionError on the first broken one)."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    name = "article" + art.ext
    (folder / name).write_bytes(art.data())
    text = art.text
    findings = _check(folder, name)
    if findings is None:
        return
    protected = art.protected()
    for f in findings:
        start, end = f["offset"], f["offset"] + f["length"]
        assert text[start:end] == f["match"], f
        for offset, (line, column) in ((start, (f["line"], f["column"])), (end, (f["end_line"], f["end_column"]))):
            assert (line, column) == (text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1), f
        if f["rule"] != "mtlint.UnusedDisable":
            # A rule that reports a whole sentence may enclose code in it; nothing may start or end inside.
            # (page furniture is reported as the whole line it fills, code inside it included)
            encloses = f["rule"] in SENTENCE_WIDE or f["rule"].startswith("Boilerplate.")
            hidden = [(s, e) for s, e in protected if s < end and start < e and not (encloses and start < s and e < end)]
            assert not hidden, (f, [text[s:e] for s, e in hidden])
    # --fix: the reported fixes applied (round after round, as the fixer relints), nothing else, idempotent.
    expected, current = text, findings
    for _ in range(10):
        new = _apply(expected, current)
        if new == expected:
            break
        (folder / ("expected" + art.ext)).write_bytes(Article(art.ext, [(new, False)], "\n", art.encoding, art.bom).data())
        expected, current = new, _check(folder, "expected" + art.ext) or []
    fixed = run_cli("check", "--enable", "MTArtefacts", "--fix", "-q", name, cwd=folder)
    assert fixed.exit_code in (0, 1), fixed.stderr
    data = (folder / name).read_bytes()
    assert data.startswith(art.bom_bytes), "the BOM was lost"
    assert art.encoding != "utf-8" or art.bom or not data.startswith(codecs.BOM_UTF8), "a BOM was added"
    assert _decode(data, art.encoding) == expected
    again = run_cli("check", "--enable", "MTArtefacts", "--fix", "-q", name, cwd=folder)
    assert (folder / name).read_bytes() == data, "--fix is not idempotent"
    assert again.exit_code in (0, 1)
    leftovers = [p.name for p in folder.iterdir() if p.name.endswith(".mtlint-tmp")]
    assert not leftovers, leftovers


def check_jobs(arts: list[Article], folder: Path) -> None:
    """`--jobs 1` and `--jobs 2` report the same (more than 8 files, so workers really run)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, art in enumerate(arts):
        (folder / f"a{i:02d}{art.ext}").write_bytes(art.data())
    outputs = []
    for jobs in ("1", "2"):
        run = subprocess.run([MTLINT, "check", "--format", "json", "--enable", "MTArtefacts", "--jobs", jobs, "."],
                             cwd=folder, capture_output=True, text=True, timeout=300)
        assert run.returncode in (0, 1, 2) and "Traceback" not in run.stderr, run.stderr
        outputs.append((run.returncode, run.stdout, run.stderr))
    assert outputs[0] == outputs[1]


def save_failure(folder: Path, art: Article, error: BaseException) -> Path:
    """Keep a failing example: the file as written, its recipe and what broke."""
    import hashlib
    import traceback

    key = hashlib.sha1(art.to_json().encode()).hexdigest()[:12]
    target = folder / key
    target.mkdir(parents=True, exist_ok=True)
    (target / ("article" + art.ext)).write_bytes(art.data())
    (target / "recipe.json").write_text(art.to_json(), encoding="utf-8")
    (target / "error.txt").write_text("".join(traceback.format_exception(error)), encoding="utf-8")
    return target


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))
