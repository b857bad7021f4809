"""Termbases: a source term, the target term it requires, and forbidden variants.

Read from TBX (TBX-Basic and TBX v3, with lxml), CSV or YAML. The built-in one
turns `rules/terminology/ukraine-spellings.tsv` round: the Ukrainian original
(Київ) requires the current spelling (Kyiv) and forbids the Russian-derived ones.
"""
from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..errors import ConfigError

_FORBIDDEN_STATUS = ("deprecatedterm", "supersededterm", "notrecommended", "forbidden", "deprecated", "superseded")


@dataclass
class Entry:
    sources: tuple[str, ...]  # source-language terms (any of them)
    target: str  # the required target term
    forbidden: tuple[str, ...] = ()
    source_lang: str | None = None  # None: any source language
    _pattern: object = field(default=None, repr=False, compare=False)

    def source_pattern(self):
        if self._pattern is None:
            alts = "|".join(_term_regex(t) for t in sorted(self.sources, key=len, reverse=True))
            self._pattern = regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alts})", regex.IGNORECASE)
        return self._pattern


_VOWELS = "іїєоеиаяуюыэ"
# The vowel of a Ukrainian word's last syllable alternates as it is inflected (Київ, Києва; Львів, Львова;
# Харків, Харкові); the others stay as they are (Суми, Сумах: no "сім", "самому").
_ALTERNATING = {"і": "іое", "о": "оі", "е": "еі", "ї": "їє", "є": "єї"}
# The case endings of a masculine noun in Ukrainian and Russian (Києва, Києві, Києвом, Киеве, Харкову): for a
# name, the singular's only, as a town's name has no plural (Гірникам is "to the miners", not to the town
# Гірник); for a common noun of a user's termbase, the plural's too (беспилотников).
_NOUN_ENDINGS = r"(?:а|у|і|ом|ові|еві|ем|ю|я|ою|и|е|ы|ой)?"
_COMMON_NOUN_ENDINGS = r"(?:а|у|і|ом|ові|еві|ем|ю|я|ою|и|ах|ам|ами|ів|ей|е|ы|ов|ой)?"
_ADJECTIVE_CONSONANTS = "нвкрлт"  # before a neuter adjective's -е: -не, -ве, -ське, -ре, -ле (not the noun поле: Гуляйполе)
# ... of a feminine noun (Україна, України, Україні, Україну, Україною; Russian Украины, Украине, Украиной;
# Вінниця, Вінниці, Вінницею) ...
_FEMININE_ENDINGS = (r"(?:а|и|і|у|ою|о|ах|ам|ами|ы|е|ой|я|ю|ею|ей|ям|ями|ях|є|ї|єю|ої|ій"  # (Лозової, Боровій)
                     r"|с?ьк(?:а|у|і|ої|ій|ий|е|ого|ому|им|их|ими)"  # Ukrainian adjectives: Одеська, Вінницької
                     r"|с?к(?:ая|ой|ую|ие|ий|ое|ого|ом|ому|им|их|ими))")  # Russian: Одесской, Полтавская
# ... and of a plural noun (Суми, Сумах; Чернівці, Чернівців; Russian Сумы, Сумах).
_PLURAL_ENDINGS = r"(?:и|і|ы|ам|ами|ах|ям|ями|ях|ів|ов)?"  # (none: the genitive, до Сум)


def _term_regex(term: str) -> str:
    """A source term, allowing the case endings of an inflected language (Київ, Києва, Києві).

    A capitalised term (a name) matches only capitalised: the place Рівне is not the word рівні ("level"),
    Гірник not гірників ("miners"), Українськ not українська."""
    if regex.search(r"\p{Han}|\p{Hiragana}|\p{Katakana}", term):
        return regex.escape(term)
    head = f"(?-i:{regex.escape(term[0])})" if term[:1].isupper() else ""
    rest = term[1:] if head else term
    if regex.search(r"\p{Cyrillic}", term) and len(term) >= 4:
        if " " not in rest and rest[-1] == "е" and rest[-2].lower() in _ADJECTIVE_CONSONANTS and not rest.endswith("поле"):
            # a name shaped as a neuter adjective (Рівне, Південне, Дніпровське) takes that adjective's endings:
            # Рівного, Рівному; not the masculine Дніпровський ("of Dnipro") nor the plural рівні
            # (a compass point's, not before a capitalised noun it qualifies: Південному Бузі, the Southern Bug)
            compass = regex.search(r"(?:івденн|івнічн|хідн)\Z", rest[:-1].lower()) is not None
            return head + regex.escape(rest[:-1]) + r"(?:е|ого|ому|им|ім)(?!\p{L})" + (r"(?-i:(?![ \u00a0]+\p{Lu}))" if compass else "")
        if " " not in rest and rest[-1] in "иіы" and rest[-2].lower() not in _VOWELS + "ьй":
            # a plural-only name (Суми, Черкаси, Чернівці) takes the plural's endings: Сумах, Черкасам, Чернівців,
            # not any three letters (Сума "the sum", Сумою)
            return head + regex.escape(rest[:-1]) + _PLURAL_ENDINGS + r"(?!\p{L})"
        stem = rest.rstrip(_VOWELS + _VOWELS.upper() + "ьйЬЙ")  # (Маріуполь, Маріуполя; Хмельницький, -ого)
        last = max((i for i, ch in enumerate(stem) if ch.lower() in _VOWELS), default=-1)
        body = "".join(f"[{_ALTERNATING[ch.lower()]}]" if i == last and ch.lower() in _ALTERNATING else regex.escape(ch)
                       for i, ch in enumerate(stem))
        if stem == rest:  # a masculine noun ending in a consonant (Київ, Українськ): a noun's endings only,
            return head + body + (_NOUN_ENDINGS if head else _COMMON_NOUN_ENDINGS) + r"(?!\p{L})"  # so Український,
            # Української are the adjective
        if rest[-1] in "ая" and stem == rest[:-1]:  # a feminine noun (Україна, Одеса, Вінниця, Лозова): its endings
            # and its adjective's (Одеська область, Одесской области) only, so Леся Українка is the poet, not the country
            return head + body + _FEMININE_ENDINGS + r"(?!\p{L})"
        return head + body + r"\p{L}{0,3}(?!\p{L})"
    return head + regex.escape(rest) + r"(?![\p{L}\p{N}])"


@dataclass
class Glossary:
    entries: list[Entry]
    path: str = ""

    def for_language(self, lang: str) -> list[Entry]:
        return [e for e in self.entries if e.source_lang is None or e.source_lang.split("-")[0] == lang]


def load(path: str) -> Glossary:
    ext = os.path.splitext(path)[1].lower()
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise ConfigError(f"cannot read the glossary: {exc.strerror}", path) from None
    if ext in (".tbx", ".xml"):
        return Glossary(_tbx(path, data), path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError("glossary is not valid UTF-8", path) from None
    if ext in (".csv", ".tsv"):
        return Glossary(_csv(path, text, "\t" if ext == ".tsv" else ","), path)
    if ext in (".yaml", ".yml"):
        return Glossary(_yaml(path, text), path)
    raise ConfigError("unknown glossary format (use .tbx, .csv, .tsv, .yaml or .yml)", path)


def _tbx(path: str, data: bytes) -> list[Entry]:
    from lxml import etree

    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        raise ConfigError(f"not a valid TBX file: {exc.msg}", path, exc.lineno) from None
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"

    def local(el) -> str:
        return etree.QName(el).localname if isinstance(el.tag, str) else ""

    entries = []
    concepts = [el for el in root.iter() if local(el) in ("termEntry", "conceptEntry")]
    if not concepts:
        raise ConfigError("not a TBX termbase: no termEntry or conceptEntry", path, 1)
    langs_seen = []
    for concept in concepts:
        by_lang: dict[str, list[tuple[str, bool]]] = {}
        for lang_set in (el for el in concept if local(el) in ("langSet", "langSec")):
            lang = (lang_set.get(xml_lang) or lang_set.get("lang") or "").lower()
            for term_el in (el for el in lang_set.iter() if local(el) == "term"):
                group = term_el.getparent()
                status = " ".join(
                    (n.text or "").lower().replace("-admn-sts", "").replace(" ", "")
                    for n in group.iter() if local(n) in ("termNote", "descrip") and "status" in (n.get("type") or "").lower())
                forbidden = any(s in status for s in _FORBIDDEN_STATUS)
                text = "".join(term_el.itertext()).strip()
                if text:
                    by_lang.setdefault(lang, []).append((text, forbidden))
        langs_seen.append(list(by_lang))
        target_lang = next((l for l in by_lang if l.split("-")[0] == "en"), None)
        if target_lang is None:
            continue
        allowed = [t for t, bad in by_lang[target_lang] if not bad]
        if not allowed:
            continue
        forbidden = tuple(t for t, bad in by_lang[target_lang] if bad)
        for lang, terms in by_lang.items():
            if lang == target_lang:
                continue
            sources = tuple(t for t, bad in terms if not bad)
            if sources:
                entries.append(Entry(sources, allowed[0], forbidden, lang.split("-")[0]))
    return entries


def _csv(path: str, text: str, delimiter: str) -> list[Entry]:
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    fields = [f.strip().lower() for f in (reader.fieldnames or [])]
    if "source" not in fields or "target" not in fields:
        raise ConfigError("a CSV glossary needs a header with 'source' and 'target' (and optionally 'forbidden', 'source_lang')", path, 1)
    entries = []
    for row in reader:
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if k}
        if not row.get("source") or not row.get("target"):
            raise ConfigError("a glossary row needs a source and a target term", path, reader.line_num)
        entries.append(Entry(tuple(_split(row["source"])), row["target"], tuple(_split(row.get("forbidden", ""))),
                             row.get("source_lang") or None))
    return entries


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _yaml(path: str, text: str) -> list[Entry]:
    from ..yamlio import load_yaml_file

    data = load_yaml_file(path, ConfigError)
    items = data.get("terms") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ConfigError("a YAML glossary is a list of {source, target, forbidden} (or a mapping with 'terms:')", path, 1)
    entries = []
    for item in items:
        line = getattr(item, "line", None)
        if not isinstance(item, dict) or not item.get("source") or not item.get("target"):
            raise ConfigError("each glossary term needs 'source' and 'target'", path, line)
        sources = item["source"] if isinstance(item["source"], list) else [item["source"]]
        forbidden = item.get("forbidden") or []
        forbidden = forbidden if isinstance(forbidden, list) else [forbidden]
        entries.append(Entry(tuple(str(s) for s in sources), str(item["target"]), tuple(str(f) for f in forbidden),
                             item.get("source_lang")))
    return entries


_PLACE_CATEGORIES = {"City", "Country", "Region", "Settlement", "Town", "Village"}


@lru_cache(maxsize=1)
def builtin() -> Glossary:
    """Ukrainian places: Київ requires Kyiv (for Ukrainian sources). People's names are left out: English
    news spells them in more than one accepted way (Zelensky, Zelenskyy)."""
    from ..packs import builtin_packs_dir

    path = os.path.join(builtin_packs_dir(), "terminology", "ukraine-spellings.tsv")
    by_original: dict[tuple[str, str], list[str]] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or line.startswith("incorrect\t"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 4 and parts[3] and parts[2] in _PLACE_CATEGORIES:
                by_original.setdefault((parts[3], parts[1]), []).append(parts[0])
    entries = [Entry((orig,), correct, tuple(bad), "uk") for (orig, correct), bad in by_original.items()]
    return Glossary(entries, path)
