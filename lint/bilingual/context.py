"""The source beside a target Document, aligned: paragraphs, then sentences.

`BilingualContext` is what `Document.source` holds. Its source is plain text
per paragraph (findings quote it; they never point into it). Aligned pairs hold
the target side as (block, start, end) in the block's plain-text coordinates, so
rules report spans as every other rule does.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Callable

import regex

from . import align, numbers, segment
from .entities import latin_words

_LATIN = regex.compile(r"\p{Latin}")
_WORD = regex.compile(r"\p{L}+")
_WORD_CHAR = regex.compile(r"\p{L}")
# English characters per source character in news translation (measured on dev/ for ja, WMT data for zh).
_PRIOR_RATIO = {"ja": 2.6, "zh": 3.2, "ko": 2.3, "ru": 1.05, "uk": 1.05, "de": 0.9, "fr": 0.9, "es": 0.92}


@dataclass
class Pair:
    """Aligned source sentences and target sentences (either side may be empty)."""

    source: str  # the source sentence(s), joined
    block: object | None  # the target Block (None when the paragraph has no target)
    start: int  # target span in block plain text
    end: int
    para: int  # index of the paragraph pair
    src_count: int = 1
    tgt_count: int = 1
    prev_end: int = 0  # where the target sentence before this one ends (for a missing sentence)


@dataclass
class ParaPair:
    sources: list[str]  # source paragraphs (0, 1 or more)
    blocks: list  # target blocks (0, 1 or more)


@dataclass
class BilingualContext:
    source_paragraphs: list[str]
    source_path: str = ""
    source_lang: str | None = None  # None: detect
    target_lang: str = "en"
    glossaries: list = field(default_factory=list)
    segmented: bool = False  # paragraphs are already paired one to one (XLIFF, TSV, JSONL)
    inline_tags: list | None = None  # XLIFF: per segment, (source tags, target tags) as sorted 'name#id' labels
    doc: object = None
    cache: dict = field(default_factory=dict, repr=False)  # per-check memo

    def attach(self, doc) -> None:
        self.doc = doc
        doc.source = self

    @cached_property
    def lang(self) -> str:
        if self.source_lang:
            return self.source_lang.split("-")[0].lower()
        return detect_language("\n".join(self.source_paragraphs)[:4000])

    @cached_property
    def ratio(self) -> float:
        """Expected target characters per source character: the language's prior, nudged by this article."""
        prior = _PRIOR_RATIO.get(self.lang, 1.0) if self.target_lang.startswith("en") else 1.0
        src = sum(len(s) for s in self.source_paragraphs) or 1
        actual = (sum(len(b.text) for b in self.doc.blocks) or 1) / src
        return min(max(actual, prior / 1.5), prior * 1.5)

    @cached_property
    def paragraphs(self) -> list[ParaPair]:
        blocks = list(self.doc.blocks)
        src = self.source_paragraphs
        if self.segmented or len(src) == len(blocks):
            pairs = [ParaPair([s], [b]) for s, b in zip(src, blocks)]
            pairs += [ParaPair([s], []) for s in src[len(blocks):]]
            pairs += [ParaPair([], [b]) for b in blocks[len(src):]]
            return pairs
        groups = align.align([len(s) for s in src], [len(b.text) for b in blocks],
                             lambda: self._anchors(src, [b.text for b in blocks]), self.ratio)
        return [ParaPair([src[i] for i in si], [blocks[j] for j in tj]) for si, tj in groups]

    def target_numbers(self, text: str, block=None, start: int = 0, end: int | None = None, words: bool = True) -> list:
        """Numbers of the translation (read leniently), found once per block and cut to [start, end).

        `words=False`: figures only (the anchors of alignment need no number words)."""
        if block is None:
            return numbers.extract(text, self.target_lang, lenient=True, words=words)
        end = len(block.text) if end is None else end
        return [n for n in numbers.extract(block.text, self.target_lang, lenient=True, words=words)
                if start <= n.start and n.end <= end]

    def _span_values(self, spans) -> list[set]:
        """The figures (above 1) within each (block, start, end) span: each block's numbers read once and dealt
        out to its spans in one walk (a block's spans come in order and do not overlap; its numbers come by start,
        and a Chinese or Japanese one may lie inside another)."""
        out: list[set] = [set() for _ in spans]
        by_block: dict[int, list[int]] = {}
        for k, (blk, _, _) in enumerate(spans):
            by_block.setdefault(id(blk), []).append(k)
        for ks in by_block.values():
            blk = spans[ks[0]][0]
            found = numbers.extract(blk.text, self.target_lang, lenient=True, words=False)
            i = 0
            for k in ks:
                _, a, b = spans[k]
                while i < len(found) and found[i].start < a:
                    i += 1
                j = i
                while j < len(found) and found[j].start < b:
                    if found[j].end <= b:
                        out[k].update(v for v in found[j].values if v > 1)
                    j += 1
        return out

    def _anchors(self, src_units: list[str], tgt_units: list[str], tgt_spans=None):
        """anchors(si, sj, ti, tj): numbers and Latin names the source units share with the target units.

        The unit-by-unit table is built once; a group's count is the sum over its cells.
        """
        lang = self.lang
        src_nums = [{v for n in numbers.extract(s, lang, words=False) for v in n.values if v > 1} for s in src_units]
        if tgt_spans is None:
            tgt_nums = [{v for n in self.target_numbers(t, words=False) for v in n.values if v > 1} for t in tgt_units]
        else:
            tgt_nums = self._span_values(tgt_spans)
        src_lat = [{w.lower() for _, _, w in latin_words(s)} if lang not in _LATIN_LANGS else set() for s in src_units]
        tgt_lower = [t.lower() for t in tgt_units]
        n, m = len(src_units), len(tgt_units)
        # Count shared anchors cell by cell through inverted indexes (only the cells that share one are touched),
        # then 2-D prefix sums, so that any group's count takes constant time. Plain lists: a paragraph's table is
        # small, and numpy's import alone (0.1 s) would cost more than every table of an article.
        by_value: dict[float, list[int]] = {}
        for j, tn in enumerate(tgt_nums):
            for v in tn:
                by_value.setdefault(v, []).append(j)
        table = [[0] * (m + 1) for _ in range(n + 1)]
        found_in: dict[str, list[int]] = {}
        any_shared = False
        for i, (sn, sl) in enumerate(zip(src_nums, src_lat)):
            row = table[i + 1]
            for v in sn:
                for j in by_value.get(v, ()):
                    row[j + 1] += 1
                    any_shared = True
            for w in sl:
                hits = found_in.get(w)
                if hits is None:
                    hits = found_in[w] = [j for j, tl in enumerate(tgt_lower) if w in tl]
                for j in hits:
                    row[j + 1] += 1
                    any_shared = True
        if not any_shared:
            return None  # no anchor at all: plain Gale-Church
        pre = table
        for i in range(1, n + 1):
            above, row, running = pre[i - 1], pre[i], 0
            for j in range(1, m + 1):
                running += row[j]
                row[j] = above[j] + running

        def anchors(si, sj, ti, tj):
            return pre[sj][tj] - pre[si][tj] - pre[sj][ti] + pre[si][ti]

        anchors.is_anchors = True
        anchors.table = pre  # the prefix sums themselves, for align's inner loop (a call per move costs more)
        return anchors

    @cached_property
    def pairs(self) -> list[Pair]:
        """Sentence pairs of every paragraph pair, in target order."""
        out: list[Pair] = []
        lang = self.lang
        for p_index, para in enumerate(self.paragraphs):
            src_spans = [(k, a, b) for k, s in enumerate(para.sources) for a, b in segment.sentences(s, lang)]
            src_sents = [para.sources[k][a:b] for k, a, b in src_spans]
            tgt_sents = [(blk, a, b) for blk in para.blocks for a, b in self._target_sentences(blk)]
            if not tgt_sents:
                for s in src_sents:
                    out.append(Pair(s, None, 0, 0, p_index, 1, 0))
                continue
            if len(src_sents) == 1 and len(tgt_sents) == 1:
                groups = [(range(0, 1), range(0, 1))]
            else:
                groups = align.align([len(s) for s in src_sents], [b - a for _, a, b in tgt_sents],
                                     lambda: self._anchors(src_sents, [blk.text[a:b] for blk, a, b in tgt_sents], tgt_sents),
                                     self.ratio)
            prev = (tgt_sents[0][0], 0)
            for si, tj in groups:
                source = _source_text(para.sources, [src_spans[i] for i in si])
                if not len(tj):
                    blk, _ = prev
                    out.append(Pair(source, blk, prev[1], prev[1], p_index, len(si), 0, prev[1]))
                    continue
                first, last = tgt_sents[tj[0]], tgt_sents[tj[-1]]
                blk = first[0]
                end = last[2] if last[0] is blk else len(blk.text)
                out.append(Pair(source, blk, first[1], end, p_index, len(si), len(tj), prev[1]))
                prev = (last[0], last[2])
        return out

    def _target_sentences(self, block):
        """An English target's sentences are the document's own (tuned for English news, and already split for the
        sentence-scoped rules); another target language's come from sentencex."""
        if self.target_lang.split("-")[0] == "en":
            return block.sentences()
        return segment.sentences(block.text, self.target_lang)

    def pairs_in(self, block) -> list[Pair]:
        by_block = self.cache.get("by_block")
        if by_block is None:
            by_block = self.cache["by_block"] = {}
            for p in self.pairs:
                by_block.setdefault(id(p.block), []).append(p)
        return by_block.get(id(block), [])

    def index(self, pair: Pair) -> int:
        positions = self.cache.get("positions")
        if positions is None:
            positions = self.cache["positions"] = {id(p): i for i, p in enumerate(self.pairs)}
        return positions[id(pair)]


def _source_text(sources: list[str], spans: list[tuple[int, int, int]]) -> str:
    """The source of a group of sentences as written (J.M.G. Le Clézio, not a segmenter's "J. M.G."): each source
    paragraph's run from its first sentence to its last, the paragraphs joined by a space."""
    runs: dict[int, list[int]] = {}
    for k, a, b in spans:
        run = runs.setdefault(k, [a, b])
        run[0], run[1] = min(run[0], a), max(run[1], b)
    return " ".join(sources[k][a:b] for k, (a, b) in runs.items())


_LATIN_LANGS = {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sv", "da", "nb", "nn", "no", "fi", "ro", "hr", "bs", "sk", "sl",
                "tr", "hu", "lt", "lv", "et", "ca", "gl", "eu", "is", "ga", "cy", "mt", "sq", "af", "vi", "id", "ms", "tl",
                "sw", "az", "uz", "tk", "ku", "lb", "fo", "oc", "br", "eo", "la", "so", "ha", "yo", "zu", "xh"}


def is_latin(lang: str) -> bool:
    return lang in _LATIN_LANGS


def detect_language(text: str) -> str:
    """The source language, identified offline: by its script when the script tells it (kana is Japanese, Hangul
    Korean, Han alone Chinese), by English's function words when they are a fifth of the words, else by py3langid's
    model (memory-mapped as the Language rules use it; loading it and numpy costs more than checking an article)."""
    if not text.strip():
        return "en"
    told = _told_by_script(text) or _told_by_function_words(text)
    if told:
        return told
    from ..kinds.language import model

    lang, _ = model().classify(text)
    return lang


_KANA = regex.compile(r"[\p{Hiragana}\p{Katakana}]")
_HAN = regex.compile(r"\p{Han}")
_HANGUL = regex.compile(r"\p{Hangul}")
_ENGLISH_FUNCTION_WORDS = frozenset("the a an and of to in is are was were that for with on by as it at from this be "
                                    "has have had not or but".split())


def _told_by_script(text: str) -> str | None:
    """ja, ko or zh when that script's characters are at least a third of the letters (an English text quoting
    one Japanese word is not Japanese)."""
    head = text[:2000]
    letters = len(_WORD_CHAR.findall(head)) or 1
    kana, hangul, han = len(_KANA.findall(head)), len(_HANGUL.findall(head)), len(_HAN.findall(head))
    if kana and (kana + han) * 3 >= letters:
        return "ja"
    if hangul * 3 >= letters and hangul:
        return "ko"
    if han * 3 >= letters and han and not kana:
        return "zh"
    return None


def _told_by_function_words(text: str) -> str | None:
    """English when at least a fifth of the first 500 words are its function words (other languages' text
    has almost none of them; a short or mixed text is left to the model)."""
    words = [w.lower() for w in _WORD.findall(text[:6000])][:500]
    if len(words) >= 20 and sum(w in _ENGLISH_FUNCTION_WORDS for w in words) >= len(words) / 5:
        return "en"
    return None


def source_text_paragraphs(path: str, text: str) -> list[str]:
    """The paragraphs of a source file, parsed by its format as a target would be."""
    from .. import formats

    return [b.text for b in formats.parse(path, text).blocks]


@dataclass(frozen=True)
class Setup:
    """What the command line says about sources: where they are, languages, glossaries (picklable)."""

    source: str | None = None  # a file, or a folder paired with the target folders by relative path
    target_roots: tuple[str, ...] = ()
    source_lang: str | None = None
    target_lang: str = "en"
    glossary: str | None = None

    def validate(self) -> None:
        """Read the glossary now, so a broken one fails once, before any article (exit code 2)."""
        if self.glossary:
            _glossary(os.path.abspath(self.glossary))

    def source_for(self, target: str) -> str | None:
        """The source file paired with `target`, or None when no source was given."""
        if self.source is None:
            return None
        if not os.path.isdir(self.source):
            return self.source
        for root in self.target_roots:
            if os.path.isdir(root):
                rel = os.path.relpath(os.path.abspath(target), os.path.abspath(root))
                if not rel.startswith(".."):
                    return os.path.join(self.source, rel)
        return os.path.join(self.source, os.path.basename(target))


@lru_cache(maxsize=64)
def _glossary(path: str):
    from . import glossary

    return glossary.load(path)


def attacher(setup: Setup | None, target: str, config) -> "Callable | None":
    """A function giving a parsed target Document its source, or None when it has none.

    Raises InputError when a source was asked for and cannot be read (one line).
    """
    from ..inputs import read_file as read_source
    from ..errors import InputError

    glossary_path = (setup.glossary if setup else None) or _config_glossary(config)
    glossaries = [_glossary(os.path.abspath(glossary_path))] if glossary_path else []
    target_lang = (setup.target_lang if setup and setup.target_lang else None) or getattr(config, "language", "en") or "en"
    source_lang = setup.source_lang if setup else None
    source_path = setup.source_for(target) if setup else None
    paragraphs = None
    if source_path is not None:
        if not os.path.isfile(source_path):
            raise InputError(f"no source for this translation (looked for {source_path})", target)
        source = read_source(source_path)
        paragraphs = source_text_paragraphs(source_path, source.text)

    def attach(doc) -> None:
        if doc.source is not None:  # a bilingual format (XLIFF, TSV, JSONL) brought its own source
            doc.source.glossaries = glossaries
            doc.source.target_lang = (setup.target_lang if setup and setup.target_lang else None) or doc.source.target_lang
            doc.source.source_lang = source_lang or doc.source.source_lang
            doc.source.attach(doc)
        elif paragraphs is not None:
            BilingualContext(paragraphs, source_path, source_lang, target_lang, glossaries).attach(doc)

    return attach


def _config_glossary(config) -> str | None:
    value = getattr(config, "extra", {}).get("glossary") if config is not None else None
    if isinstance(value, str) and value:
        return value if os.path.isabs(value) else os.path.join(config.root, value)
    return None


def orphan_sources(setup: Setup, targets: list[str]) -> list[str]:
    """One line for each source file in the source folder that no target was paired with."""
    if not setup.source or not os.path.isdir(setup.source):
        return []
    from .. import formats

    paired = {os.path.abspath(setup.source_for(t)) for t in targets if t != "-"}
    lines = []
    for root, dirs, names in os.walk(setup.source):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            full = os.path.join(root, name)
            if formats.format_for(name) and os.path.abspath(full) not in paired:
                lines.append(f"{full}: source without a translation (no target at the same relative path)")
    return lines
