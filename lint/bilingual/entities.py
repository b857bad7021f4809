"""Things a translation must carry over unchanged: links, addresses, handles, tags, names.

Each finder returns (start, end, text) spans; comparison is the caller's. Latin
script names in a non-Latin source (brands, acronyms: COTTORI, NHK) must
reappear as written; names with diacritics in a Latin-script source must keep
them. Cyrillic names are romanised with Ukraine's 2010 national system (no
maintained library implements it; iuliia's schemes are Russian ones).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from .numbers import normalise

URL = regex.compile(r"\b(?:https?://|www\.)[^\s<>\"'「」（）()]+[^\s<>\"'「」（）().,;:!?。、]", regex.IGNORECASE)
# (of letters of alphabetic scripts and digits, its top-level domain of letters: a Chinese or Japanese text runs its
# words and figures into an address, 发送邮件至a@b.cn参与, a@b.cn2024年; a footnote's ¹ or ① is no part of it)
_EMAIL_LETTER = r"\p{Latin}\p{Cyrillic}\p{Greek}"
EMAIL = regex.compile(rf"(?<![{_EMAIL_LETTER}\p{{Nd}}_.+-])[{_EMAIL_LETTER}\p{{Nd}}_.+-]+@(?:[{_EMAIL_LETTER}\p{{Nd}}_-]+\.)+"
                      rf"(?:[{_EMAIL_LETTER}]{{2,}}|(?i:xn--[a-z\d-]+))(?![{_EMAIL_LETTER}-])")  # (punycode: .xn--p1ai is .рф)
HANDLE = regex.compile(r"(?<![\w@./])@[A-Za-z0-9_]{2,30}\b")
HASHTAG = regex.compile(r"(?<![\w&#])#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*")
PLACEHOLDER = regex.compile(r"\{\{\s*[\w.]+\s*\}\}|\{\d+\}|\{[A-Za-z_]\w*\}|%(?:\([\w]+\))?[sdif]|%\d+\$[sd]|\$\{\w+\}")
TAG = regex.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
# A Latin-script word of two or more letters (a brand, an acronym, a name) in a non-Latin text. (Not an acronym
# in the text's own script: НАТО, США, ЗСУ are translated, never carried over.)
LATIN_WORD = regex.compile(r"(?<![\p{Latin}\p{N}])\p{Latin}[\p{Latin}\p{N}'&.-]*[\p{Latin}\p{N}]")
# Units and abbreviations that translations spell out or convert.
_UNITS = {"km", "kg", "cm", "mm", "mg", "ml", "kw", "kwh", "mw", "gb", "mb", "tb", "ha", "db", "ppm", "no", "vs", "am", "pm",
          "a.m", "p.m", "mhz", "ghz", "cc", "km/h", "sq", "ft", "lb", "oz", "mph", "co", "inc", "ltd", "jr", "sr", "st", "dr", "mr", "mrs", "ms"}
CAPITALISED = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{M}'’-]*\p{L}")


def find(pattern, text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def without_addresses(text: str) -> str:
    """The text with links, e-mail addresses, handles and hashtags blanked (their words are not names)."""
    for pattern in (URL, EMAIL, HANDLE, HASHTAG):
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text


@lru_cache(maxsize=8192)
def latin_words(text: str) -> tuple[tuple[int, int, str], ...]:
    """Latin-script words of a non-Latin text, full-width forms normalised (ＣＯＴＴＯＲＩ → COTTORI)."""
    norm = normalise(text)
    out = []
    for m in LATIN_WORD.finditer(norm):
        word = m.group().strip(".-'&")
        if len(word) < 2 or word.lower() in _UNITS or not any(c.isalpha() for c in word):
            continue
        out.append((m.start(), m.end(), word))
    return tuple(out)


_COMBINING = regex.compile(r"\p{Mn}+")


def strip_accents(word: str) -> str:
    """The text without its diacritics (Séjourné → Sejourne); one regex pass, as paragraphs go through it too."""
    if word.isascii():
        return word
    return _COMBINING.sub("", unicodedata.normalize("NFD", word))


def fold_letters(word: str) -> str:
    """strip_accents, and letters with a stroke, which Unicode does not decompose, as their plain letter (Wałęsa,
    Løkke, Đoković): for comparing two spellings of a name, where Walesa for Wałęsa is Source.Diacritics' matter
    (which reads only what decomposes: English news writes Bodø and Diyarbakır plain)."""
    plain = strip_accents(word)
    return plain if plain.isascii() else plain.translate(_STROKED)


_STROKED = str.maketrans("łŁøØđĐðħıŀ", "lLoOdDdhil")


def accented_words(text: str) -> list[tuple[int, int, str]]:
    """Capitalised words carrying diacritics (Séjourné, Łódź): names whose accents must survive."""
    return [(m.start(), m.end(), m.group()) for m in CAPITALISED.finditer(text)
            if strip_accents(m.group()) != m.group() and strip_accents(m.group()).isascii()]


# Ukraine's national romanisation (Cabinet of Ministers resolution 55, 2010): initial forms first.
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_UK = {"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z", "и": "y",
       "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
       "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
       "я": "ia", "'": "", "’": "", "ʼ": ""}


def romanise_uk(word: str) -> str:
    """A Ukrainian word in the 2010 national system (Київ → Kyiv, Зеленський → Zelenskyi)."""
    out = []
    lower = word.lower()
    for i, ch in enumerate(lower):
        initial = i == 0 or not lower[i - 1].isalpha()
        if ch == "г" and i and lower[i - 1] == "з":
            out.append("gh")  # зг is zgh, so that it is not read as zh
        else:
            out.append(_UK_INITIAL[ch] if initial and ch in _UK_INITIAL else _UK.get(ch, ch))
    text = "".join(out)
    return text[:1].upper() + text[1:] if word[:1].isupper() else text


def romanise_ru(word: str) -> set[str]:
    """A Russian word as English news writes it (iuliia's Wikipedia and BGN/PCGN schemes)."""
    import iuliia

    return {iuliia.WIKIPEDIA.translate(word), iuliia.BGN_PCGN.translate(word)}


def romanisations(word: str, lang: str) -> set[str]:
    """The Latin forms a Cyrillic name may take in English: Ukraine's national system, the Russian schemes."""
    forms = {romanise_uk(word)} if lang == "uk" else set()
    if lang in ("ru", "uk", "bg", "be"):
        forms |= romanise_ru(word)
    return forms


CYRILLIC_NAME = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}\p{Ll}{3,}(?:-\p{Lu}\p{Ll}+)?")


_CUTLET = None


def _cutlet():
    """cutlet (Hepburn romaji) with its fugashi tagger (MeCab + UniDic-lite, which tags person names), loaded once."""
    global _CUTLET
    if _CUTLET is None:
        import cutlet

        _CUTLET = cutlet.Cutlet()
    return _CUTLET


@lru_cache(maxsize=4096)
def japanese_person_names(text: str) -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """Full names (a surname followed by a given name) in Japanese text: (written, (romanised parts), the romanised
    surname tagged right before it, else "").

    One tagging pass: the romaji come from the same nodes (cutlet.romaji_word), not from tagging each part again.
    """
    katsu = _cutlet()
    words = katsu.tagger(text)
    out = []
    named = ["人名" in w.feature_raw for w in words]  # the raw CSV first, once a node: building the feature tuple of
    # every node costs three times the tagging
    for k, (a, b) in enumerate(zip(words, words[1:])):
        if not (named[k] and named[k + 1]):
            continue
        fa, fb = a.feature, b.feature
        if fa.pos3 == "人名" and fa.pos4 == "姓" and fb.pos3 == "人名" and fb.pos4 == "名":
            before = words[k - 1] if k else None
            # a surname right before the "full name": the tagger may have split a given name as surname + name
            # (石黒 + 蒼 + 真 for 石黒蒼真, Soma Ishiguro), so the name's surname may be that one
            surname_before = katsu.romaji_word(before).capitalize() if before is not None and \
                named[k - 1] and before.feature.pos4 == "姓" and \
                before.surface + a.surface + b.surface in text else ""  # (written as one: 佐藤 鈴木花子 is two people)
            out.append((a.surface + b.surface, (katsu.romaji_word(a).capitalize(), katsu.romaji_word(b).capitalize()),
                        surname_before))
    return tuple(out)


@lru_cache(maxsize=4096)
def kana_romaji(kana: str) -> str:
    """A name's reading in kana as one Hepburn word (そうま, ソウマ: Souma), as Japanese news gives it in brackets.
    Katakana is read as hiragana: cutlet spells katakana words as the English loanword they may be (ソウ: Soviet)."""
    hiragana = "".join(chr(ord(ch) - 0x60) if "ァ" <= ch <= "ヶ" else ch for ch in kana)
    return _cutlet().romaji(hiragana).replace(" ", "").capitalize()


def name_key(word: str) -> str:
    """Consonants only, so that the romanisations of one reading meet (Ōno, Ohno, Ono; Junko, Junnko)."""
    return _name_key(word)


_DOUBLED = regex.compile(r"(.)\1+")
_NOT_CONSONANT = regex.compile(r"[^a-z]|[aeiouyh]")


@lru_cache(maxsize=65536)
def _name_key(word: str) -> str:
    return _NOT_CONSONANT.sub("", _DOUBLED.sub(r"\1", strip_accents(word).lower()))


# -- Chinese names in pinyin ------------------------------------------------------------
# A capitalised word, as English writes each part of a Chinese name (Xi Jinping, Li Keqiang, Ouyang Xiu).
_NAME_PART = regex.compile(r"(?<![\p{L}\p{N}'’-])\p{Lu}\p{Ll}+(?![\p{L}\p{N}'’-])")


def pinyin_names(text: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """(start, end, surname, given name) of each pinyin-shaped name in text[start:end]: a capitalised pinyin
    word followed by one or two more ("Premier Li Keqiang" gives Li Keqiang; Hong Kong is one too)."""
    parts = [m for m in _NAME_PART.finditer(text, start, end) if is_pinyin(m.group().lower())]
    out = []
    i = 0
    while i < len(parts) - 1:
        run = [parts[i]]
        while len(run) < 3 and i + len(run) < len(parts) and text[run[-1].end():parts[i + len(run)].start()] == " ":
            run.append(parts[i + len(run)])
        if len(run) >= 2:
            out.append((run[0].start(), run[-1].end(), run[0].group().lower(), "".join(p.group().lower() for p in run[1:])))
        i += len(run)
    return out


@lru_cache(maxsize=1)
def pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable pypinyin knows (about 420): what a romanised Chinese name is made of.
    Not the interjections without a vowel (n, ng, m, hm): with them "Since" would split as si-n-ce."""
    from pypinyin.pinyin_dict import pinyin_dict

    found = {strip_accents(r) for v in pinyin_dict.values() for r in v.split(",")}
    return frozenset(r for r in found if any(v in r for v in "aeiouv"))


@lru_cache(maxsize=65536)
def is_pinyin(word: str) -> bool:
    """Whether `word` (lower case, no spaces) splits wholly into pinyin syllables (jinping = jin + ping)."""
    syllables = pinyin_syllables()
    ends = {0}
    for end in range(1, len(word) + 1):
        if any(start in ends and word[start:end] in syllables for start in range(max(0, end - 6), end)):
            ends.add(end)
    return len(word) in ends


_HAN = regex.compile(r"\p{Han}")


@lru_cache(maxsize=4096)
def han_readings(text: str) -> tuple[tuple[str, ...], ...]:
    """Each character's toneless pinyin readings (every reading of a heteronym: 单 is dan, shan and chan);
    an empty tuple for a character that is not Han."""
    from pypinyin import Style, pinyin

    out = []
    for ch in text:
        if _HAN.match(ch):
            readings = pinyin(ch, style=Style.NORMAL, heteronym=True)[0]
            out.append(tuple(dict.fromkeys(strip_accents(r) for r in readings)))
        else:
            out.append(())
    return tuple(out)
