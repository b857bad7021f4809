"""The bilingual checks the `source` rule kind runs, one function per check.

Each check reads the aligned pairs of a Document's `source` and yields
(block, start, end, values, suggestions): a span in the target block's plain
text, the values the rule's message template is filled with (always `source`,
the source sentence quoted), and the suggestions (a fix when the rule allows).
"""
from __future__ import annotations

import math
from functools import lru_cache

import regex

from ..candidates import narrow
from . import CHECK_NAMES, discounts, entities, numbers, segment
from .context import BilingualContext, Pair, is_latin
from .glossary import builtin

_SOURCE_QUOTE_MAX = 160
_LATIN_RUN = regex.compile(r"\p{Latin}+")
_ASCII_WORD3 = regex.compile(r"[a-z]{3,}")
_CYRILLIC = regex.compile(r"\p{Cyrillic}")
_NOT_CONSONANT = regex.compile(r"[^a-z]|[aeiouy]")
_LETTER_RUN = regex.compile(r"\p{L}+")


@lru_cache(maxsize=64)
def _compiled(pattern: str):
    return regex.compile(pattern, regex.IGNORECASE)


@lru_cache(maxsize=32)
def _script_run(script: str):
    """A run of a script's characters, spaces and Japanese long-vowel/middle-dot marks between them allowed."""
    return regex.compile(rf"{script}+(?:[\s・ー]*{script}+)*")


def quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SOURCE_QUOTE_MAX else text[: _SOURCE_QUOTE_MAX - 1] + "…"


def _window(ctx: BilingualContext, pair: Pair, reach: int = 1) -> str:
    """The target text of a pair and its neighbours (alignment is never perfect)."""
    pairs = ctx.pairs
    i = ctx.index(pair)
    parts = [p.block.text[p.start:p.end] for p in pairs[max(0, i - reach): i + reach + 1] if p.block is not None]
    return " ".join(parts)


def span_of(ctx: BilingualContext, pair: Pair) -> tuple[int, int]:
    """Where a finding about `pair` points: its target sentences, or for a source sentence left without
    translation the target sentence before the gap (else after it, else the whole block)."""
    if pair.end > pair.start:
        return pair.start, pair.end
    same = [p for p in ctx.pairs_in(pair.block) if p.end > p.start]
    before = [p for p in same if p.end <= pair.start]
    after = [p for p in same if p.start >= pair.start]
    if before:
        return before[-1].start, before[-1].end
    if after:
        return after[0].start, after[0].end
    return 0, len(pair.block.text)


def _para_target(ctx: BilingualContext, para: int) -> str:
    return " ".join(b.text for b in ctx.paragraphs[para].blocks)


def _para_source(ctx: BilingualContext, para: int) -> str:
    return " ".join(ctx.paragraphs[para].sources)


# -- terminology ------------------------------------------------------------------------
def terminology(ctx: BilingualContext, rule):
    """Outdated names (the Terminology pack's finds) that the source does not use itself: certain, so errors.

    Only a source in the target's language, or in another script (where a Latin-script word is a quoted name),
    excuses the old form by using it: in French, Spanish or German text "Kiev", "Bombay" and "Peking" are those
    languages' own names for the places, which say nothing about the English one."""
    excusing_source = None  # the lower-cased source when it can excuse, read at the first hit (most articles have none)
    raised = rule.raised_rules()
    for other, target in zip(raised, narrow(ctx.doc, raised)):  # as the engine runs them: only where they can fire
        if target is None:
            continue
        for hit in other.hits(target):
            if excusing_source is None:
                source_all = "\n".join(ctx.source_paragraphs)
                excusing = ctx.lang == ctx.target_lang.split("-")[0].lower() or not _mostly_latin(source_all)
                excusing_source = source_all.lower() if excusing else ""
            word = hit.block.text[hit.start:hit.end]
            if excusing_source and regex.search(rf"(?<!\w){regex.escape(word.lower())}(?!\w)", excusing_source):
                continue  # the source itself says Kiev (a quotation, a dish, a same-language rewrite keeping it)
            src = _source_of(ctx, hit.block, hit.start)
            yield hit.block, hit.start, hit.end, {"source": quote(src), "suggestion": hit.suggestions[0] if hit.suggestions else ""}, hit.suggestions


def _mostly_latin(text: str) -> bool:
    """Whether most letters of `text` are Latin (Vietnamese, Indonesian and Polish are; Ukrainian and Japanese
    are not), read from the text itself rather than from a list of languages."""
    sample = text[:4000]
    latin = len(_LATIN_LETTER.findall(sample))
    return latin * 2 > len(_LETTER.findall(sample))


_LATIN_LETTER = regex.compile(r"\p{Latin}")
_LETTER = regex.compile(r"\p{L}")


def _source_of(ctx: BilingualContext, block, offset: int) -> str:
    for p in ctx.pairs_in(block):
        if p.start <= offset < max(p.end, p.start + 1):
            return p.source
    para = next((i for i, pp in enumerate(ctx.paragraphs) if block in pp.blocks), None)
    return _para_source(ctx, para) if para is not None else ""


def glossary(ctx: BilingualContext, rule):
    """A forbidden variant in the translation of a sentence holding the source term (fix: the required term)."""
    for kind, hit in _glossary_hits(ctx, rule):
        if kind == "forbidden":
            yield hit


def glossary_missing(ctx: BilingualContext, rule):
    """A source term whose translation (and its neighbours) lacks the required target term."""
    for kind, hit in _glossary_hits(ctx, rule):
        if kind == "missing":
            yield hit


def _glossary_hits(ctx: BilingualContext, rule):
    entries = [e for g in ctx.glossaries or rule.example_glossaries() for e in g.for_language(ctx.lang)]
    own = len(entries)
    if ctx.lang == "uk" and rule.builtin_termbase:
        entries += builtin().for_language("uk")  # its forbidden forms are Source.Terminology's: only the missing term here
    if not entries:
        return
    for pair in ctx.pairs:
        if pair.block is None or pair.end <= pair.start:
            continue
        text = pair.block.text[pair.start:pair.end]
        for index, entry in enumerate(entries):
            found = _source_term(entry, pair.source)
            if found is None:
                continue
            for bad in entry.forbidden if index < own else ():
                for m in regex.finditer(rf"(?<![\p{{L}}\p{{N}}]){regex.escape(bad)}(?![\p{{L}}\p{{N}}])", text, regex.IGNORECASE):
                    s, e = pair.start + m.start(), pair.start + m.end()
                    yield "forbidden", (pair.block, s, e, {"source": quote(pair.source), "term": entry.target, "suggestion": entry.target}, [entry.target])
            # (a place of the built-in termbase, named once in the paragraph: "In Kharkiv ... the deputy mayor")
            window = _window(ctx, pair)
            if index >= own and not any(_required_pattern(e.target).search(text) for e in entries[own:] if e is not entry):
                window += " " + _para_target(ctx, pair.para)  # (but not where another place stands: Kherson for Харків)
            if not _required_pattern(entry.target).search(window) and not any(
                    regex.search(rf"(?<![\p{{L}}\p{{N}}]){regex.escape(b)}(?![\p{{L}}\p{{N}}])", text, regex.IGNORECASE) for b in entry.forbidden):
                term = found.group()
                yield "missing", (pair.block, pair.start, pair.end, {"source": quote(pair.source), "term": entry.target,
                                                                     "source_term": term, "suggestion": entry.target}, [])


def _source_term(entry, source: str):
    """The first occurrence of the entry's source term in `source`, or None. Not a capitalised adjective that opens
    a sentence (Український фільм: "Ukrainian", not the town Українськ): a name's capital says nothing there."""
    for m in entry.source_pattern().finditer(source):
        if _ADJECTIVE_ENDING.search(m.group()) and _SENTENCE_START.search(source, 0, m.start()) and \
                not any(_ADJECTIVE_ENDING.search(t) for t in entry.sources):  # (Хмельницький is a city)
            continue
        if _STREET_BEFORE.search(source, max(0, m.start() - 40), m.start()):
            continue  # part of a street's name (вулиця Незалежної України), which translations transliterate
        return m
    return None


# A street, avenue or square before a name (and an adjective of it): the name is the street's, not the place.
_STREET_BEFORE = regex.compile(r"(?i:\b(?:вул(?:иц\w*|\.)|просп(?:ект\w*|\.)|площ\w*|бульвар\w*|пров(?:улк\w*|\.)|"
                               r"улиц\w*|ул\.|переул\w*))\s+(?:\p{Lu}\p{Ll}+\s+)?\Z")


_ADJECTIVE_ENDING = regex.compile(r"(?:ий|ій|ого|ому|им|их|ими|ська|ське|ські|ый|ая|ое|ие)\Z")
_SENTENCE_START = regex.compile(rf"(?:\A|(?<!{segment.ERA_BEFORE_ITS_STOP})[.!?…]\s+)[\"'«„“(]?\Z")  # (no end: av. J.-C.)


@lru_cache(maxsize=1024)
def _required_pattern(term: str):
    """The required target term as a word's beginning, so that its derivatives count (Kyiv, Kyivan; Kharkiv,
    Kharkivska); a term of five letters or more ending in a vowel also as its demonym (Ukraine, Ukrainian)."""
    whole = rf"(?<![\p{{L}}\p{{N}}]){regex.escape(term)}"
    if len(term) >= 5 and term[-1].lower() in "aeiouy":  # Ukrainian, Crimean; not Ukrainka, Shakhtarsk, crime
        whole += rf"|(?<![\p{{L}}\p{{N}}]){regex.escape(term[:-1])}(?:ian|ean|an|ese)s?(?![\p{{L}}\p{{N}}])"
    adjective = regex.match(r"(?i)(.{3,}(?:sk|ts|[^aeiouy]n|[^aeiouy]v|ch))(?:e|a|yi|yy|iy|ii)\Z", term)
    if adjective:  # a Ukrainian adjective-shaped name in its other genders: Dniprovske, Dniprovskyi, Dniprovska;
        # Pivdenne, the port Pivdennyi
        whole += rf"|(?<![\p{{L}}\p{{N}}]){regex.escape(adjective.group(1))}(?:e|a|yi|yy|iy|i|oho|omu)(?![\p{{L}}\p{{N}}])"
    return regex.compile(whole, regex.IGNORECASE)


# -- numbers ----------------------------------------------------------------------------
def number_checks(ctx: BilingualContext, rule):
    """Numbers of the source missing (dropped), altered (633 → 63) or broken (3, 162) in the translation."""
    lang = ctx.lang
    lost: dict = {}  # target span -> what was dropped there (several source sentences may share one gap)
    for p_index, para in enumerate(ctx.paragraphs):
        if not para.blocks or not para.sources:
            continue
        target_values = set()
        for blk in para.blocks:
            for n in ctx.target_numbers("", blk, words=False):
                target_values |= n.values
        with_words = False  # number words are read only when a figure is missing: most translations keep them all
        src_values = set()
        for s in para.sources:
            for n in numbers.extract(s, lang):
                src_values |= n.values
        pairs = [p for p in ctx.pairs if p.para == p_index]
        for pair in pairs:
            missing = [n for n in numbers.extract(pair.source, lang)
                       if not n.values & target_values and rule.min_value <= max(n.values)]
            if missing and not with_words:
                with_words = True
                for blk in para.blocks:
                    for n in ctx.target_numbers("", blk):
                        target_values |= n.values
                missing = [n for n in missing if not n.values & target_values]
            if missing:  # 1015036亿 as 101.5 trillion, 1949.85亿 as 194.99 billion: rounded, not changed
                large = [t for t in target_values if t >= 1e5 and t not in src_values]  # (not another figure's own)
                missing = [n for n in missing if not any(_rounds_to(v, t) for v in n.values if v >= 1e5 for t in large)]
            if lang == "zh" and pair.block is not None and "折" in pair.source:
                yield from _turned_over(pair, missing)  # 8折 as "80% off", its figure matched elsewhere ("Aug. 8")
            if missing and pair.block is not None:
                missing = _unexcused(ctx, pair, missing)
                if missing and _left_untranslated(ctx, pair):
                    continue  # Source.Untranslated reports the sentence; its numbers are not "changed" one by one
            if not missing or pair.block is None:
                continue
            text = pair.block.text
            window_nums = ctx.target_numbers("", pair.block, pair.start, pair.end)
            dropped, used, reported = [], set(), set()
            for n in missing:
                if n.start in reported:
                    continue  # (a part of a joint figure reported changed with its other part)
                # broken: 3, 162 where the source has 3162
                broken = [(bs, be, meant) for bs, be, meant in numbers.broken(text[pair.start:pair.end]) if meant in n.values]
                changed = [t for t in window_nums if (t.written or max(t.values) >= 100) and t.start not in used and not t.values & src_values
                           and _similar(n.values, t.values)]
                if broken:
                    bs, be, meant = broken[0]
                    yield pair.block, pair.start + bs, pair.start + be, {"source": quote(pair.source), "number": n.text,
                                                                       "problem": "broken"}, [f"{meant:,.0f}"]
                elif changed:
                    t = changed[0]
                    used.add(t.start)
                    # 47 s 3 as 47.8 s, 32 mil 956 millones as $23.96 billion: one figure changed, named whole (the
                    # parts share the whole's value; a figure repeated, 340 and 340, is two)
                    parts = [m for m in missing if m is n or (m.values != n.values and m.values & n.values)]
                    reported.update(m.start for m in parts)
                    yield pair.block, t.start, t.end, {"source": quote(pair.source), "number": "', '".join(m.text for m in parts),
                                                       "problem": "changed"}, []
                else:
                    dropped.append(n.text)
            if dropped:  # one finding per target sentence, naming every number lost there
                start, end = span_of(ctx, pair)
                key = (id(pair.block), start, end)
                if key not in lost:
                    lost[key] = (pair.block, start, end, pair.source, [])
                lost[key][4].extend(dropped)
    for block, start, end, source, dropped in lost.values():
        yield block, start, end, {"source": quote(source), "number": "', '".join(dropped), "problem": "dropped"}, []


def _turned_over(pair: Pair, missing: list):
    """A Chinese discount given as its opposite ("80% off" for 8折: the price paid said as the price taken off),
    where the discount's figure is not missing (a missing one is reported as dropped or changed already)."""
    found, source_values = _discounts_of(pair.source)
    target_values = [v for n in numbers.extract(pair.block.text[pair.start:pair.end], "en") for v in n.values]
    for reading in discounts.read(found, source_values, target_values, pair.block.text, pair.start, pair.end):
        wrong = reading.wrong
        if wrong is not None and not any(reading.discount.covers(n) for n in missing):
            yield pair.block, wrong.start(), wrong.end(), {"source": quote(pair.source), "number": reading.discount.text,
                                                           "problem": "changed"}, []


def _discounts_of(source: str) -> tuple[list, list[float]]:
    """The discounts of a Chinese source sentence, and the values of its other shares (20%, 百分之二十, 两成, 2个百分点:
    each one's values, once), which a translation's "20%" may be instead."""
    found = discounts.in_source(numbers.normalise(source))
    return found, [v for n in numbers.extract(source, "zh") if not any(d.covers(n) for d in found)
                   and (n.text.endswith("成") or _SHARE_AFTER.match(source, n.end) or source.endswith("百分之", 0, n.start))
                   for v in n.values]


_SHARE_AFTER = regex.compile(r"\s?(?:[%％]|成|个百分点|個百分點)")


def _rounds_to(value: float, shown: float) -> bool:
    """Whether `shown` is `value` rounded to `shown`'s own significant digits (at least three, and fewer than
    `value` has; two for a figure of four or more: 2.528 billion as 2.5 billion): a faithful rounding of a large
    amount."""
    digits = _significant(shown)
    if digits < (2 if _significant(value) >= 4 else 3) or digits >= _significant(value) or not 0.9 < shown / value < 1.1:
        return False  # (14.3 million → 14: changed)
    unit = 10 ** (math.floor(math.log10(abs(shown))) - digits + 1)  # (half up or half even: 194.985 is 194.99)
    return abs(value - shown) <= unit / 2 * (1 + 1e-9)


def _significant(value: float) -> int:
    """How many significant digits `value` is written with (101500000000000 has 4)."""
    return len(f"{value:.12g}".split("e")[0].replace(".", "").replace("-", "").strip("0"))


def _unexcused(ctx: BilingualContext, pair: Pair, missing: list) -> list:
    """The missing numbers a newsroom's translation would not have left out on purpose.

    - a date of the month (24日, 10月20日) given as a weekday ("on Friday") in a sentence that names no month,
      as English news dates the past week;
    - a time or a length of time said in words: 12時 as noon, 24時 as midnight, zehn Jahre as a decade, zwölf
      Monate as a year, huit jours as a week, sechs Monate as the half of "seven and a half years"; "in his
      79th year" (на 79-му році життя) as aged 78;
    - in the headline, a number the rest of the translation gives, or a year left out with no number in its place
      (a headline is rewritten, not translated word for word)."""
    window = _window(ctx, pair, 0)
    source = numbers.normalise(pair.source)
    if ctx.lang in ("ja", "zh") and _WEEKDAY.search(window):
        # a date as a weekday, unless an English date of the window may be its own translation: a bare day (19日)
        # where an English date names a day the source does not (the dateline's Sept. 3 is the source's 9月3日, not
        # its 4日); a month and day (3月15日) where an English date is none of the source's month-and-day dates
        # (April 19 for 3月19日: a month changed; the 7月1日 given as July 1 beside 6月27日's "on Friday" is not)
        english = _english_dates(window)
        source_days = {int(m.group(1) or m.group(2)) for m in _CJK_DAY.finditer(source)}
        other_dates = all(day in source_days for _, day in english)
        dates = list((_ZH_DATE if ctx.lang == "zh" else _CJK_DATE).finditer(source))
        translated = all(date in {(int(m.group(1)), int(m.group(2))) for m in dates if m.group(1)} for date in english)
        days = {m.start(k) for m in dates for k in (1, 2) if m.group(k)
                if (translated if m.group(1) else not english if _DAY_RANGE_END.search(source, 0, m.start())
                    else other_dates)}
        missing = [n for n in missing if n.start not in days]
    if missing and ctx.lang in _SOURCE_WEEKDAYS and _DATELINE_EN.match(pair.block.text):
        # МОСКВА, 15 октября. as "MOSCOW —": a wire dateline, which English gives without its date (an English
        # date of the sentence must be another of the source's: Oct. 7 for с 7 по 13 октября)
        line = _dateline(ctx.lang).match(source)
        if line and not _WEEKDAY_WITH_DATE.search(window):  # ("on the 16th": a day of the month, compared)
            given = _source_dates(source[line.end():], ctx.lang)  # (с 7 по 13 октября: the 7th too)
            if all(date in given for date in _english_dates(window)):
                missing = _outside(missing, [_with_year(source, line.span("date"), window, _latest_year(ctx))])
    if missing and ctx.lang == "zh" and _DATELINE_EN.match(pair.block.text) and (line := _ZH_DATELINE.match(source)) \
            and not _says_relative_day(source, line.end()):
        # 本报成都8月15日讯, 新华社北京3月5日电 as "CHENGDU, China —": a paper's or agency's dateline, which English gives
        # without its date (an English date of the sentence must be another of the source's; and where the story
        # says 今天, the dateline's date is the event's, which the English must give)
        given = {(int(m.group(1)), int(m.group(2))) for m in _ZH_DATE.finditer(source, line.end()) if m.group(1)}
        if all(date in given for date in _english_dates(window)):
            missing = _outside(missing, [line.span("date")])
    if missing and ctx.lang in _SOURCE_WEEKDAYS:  # в четверг, 13 марта / am Donnerstag, 13. März: "on Thursday"
        excused = _weekday_dates(source, ctx.lang, window, _latest_year(ctx))
        missing = _outside(missing, excused)
    if missing and ctx.lang == "ja":  # 東大と京大の２校: the count of the names just listed; （４年）: "a senior"
        missing = [n for n in missing
                   if not _counts_the_list(source, n, window) and not _school_year_said(n, source, window)]
    if missing:
        missing = [n for n in missing if not _said_in_words(n, source, window) and not _between_two(n, source, window)
                   and not _as_a_rate(n, window)]
    if missing and ctx.lang == "zh" and "折" in source:  # 8折: "20% off" or "80% of the fare", whichever is meant
        found, source_values = _discounts_of(pair.source)
        target_values = [v for n in numbers.extract(window, "en") for v in n.values]
        said = [r.discount for r in discounts.read(found, source_values, target_values, window) if r.said]
        missing = [n for n in missing if not any(d.covers(n) for d in said)]
    if missing and _ROUND_THE_CLOCK_EN.search(window):  # 24時間態勢, 24 heures sur 24, 24/7: "around the clock"
        spans = [m.span() for m in _ROUND_THE_CLOCK.finditer(source)]
        missing = _outside(missing, spans)
    if missing and ctx.lang in _ZONE_OFFSETS:  # 23h24 à Paris as 2124 GMT: moved by the zone's hours, minutes kept
        zoned = {(_hour24(m), m.group(2)) for m in _ZONED_TIME.finditer(window)}
        missing = [n for n in missing if not _moved_to_gmt(n, source, zoned, ctx.lang)]
    if missing and ctx.lang == "zh" and "双" in source:  # 双11: Singles Day (named once, then "the festival")
        spans = [m.span() for m in _SINGLES_DAY.finditer(source)
                 if _SINGLES_DAY_EN[0 if m.group(1) else 1].search(_whole_target(ctx))]
        missing = _outside(missing, spans)
    if missing and _SIX_ON_FIVE.search(source) and _EXTRA_ATTACKER.search(window) and \
            not _SKATERS_EN.search(window):  # шесть на пять: "an extra attacker" (not "six-on-four", said otherwise)
        spans = [m.span() for m in _SIX_ON_FIVE.finditer(source)]
        missing = _outside(missing, spans)
    if missing and ctx.lang == "fr" and "ferme" in source:  # six ans, dont quatre ferme: "two of them suspended"
        missing = [n for n in missing if not _suspended_part(n, source, window, ctx.lang)]
    if missing and ctx.lang in _SOURCE_WEEKDAYS and _QUOTED.search(source):  # «Luz de agosto»: a title in quotation
        # marks the translation keeps as it is, a month's name in it (not a date beside it: el 15 de agosto)
        kept = [m.span() for m in _QUOTED.finditer(source)
                if regex.search(rf"(?<!\w){regex.escape(m.group(1).strip())}(?!\w)", window)]  # (« Un dimanche d'août »)
        months = numbers.month_pattern(ctx.lang)  # (a month's name only: Spanish "once" is eleven, not English once)
        missing = [n for n in missing if not (months is not None and months.fullmatch(n.text) and
                                              any(a <= n.start < b for a, b in kept))]
    if missing and ctx.lang == "fr":  # le 14-Juillet: Bastille Day
        spans = [m.span() for m in _FRENCH_NAMED_DAY.finditer(source)
                 if (name := _FRENCH_NAMED_DAYS.get((int(m.group(1)), m.group(2).lower()))) and regex.search(name, window)]
        missing = _outside(missing, spans)
    if missing and ctx.lang == "zh" and ("合" in source or "相当于" in source):  # 870公顷（约合1.3万亩）: a conversion
        spans = [m.span() for m in _CONVERSION.finditer(source)]  # the translation may give in its own units (acres)
        if spans:  # (or leave out; a figure like it in the translation's own brackets is the same unit's, changed:
            # still compared)
            text = pair.block.text
            brackets = [m.span() for m in _BRACKETED_WORDS.finditer(text, pair.start, pair.end)]
            shown = [t for t in ctx.target_numbers("", pair.block, pair.start, pair.end)
                     if any(a <= t.start < b for a, b in brackets)]
            missing = [n for n in missing if not any(a <= n.start < b for a, b in spans)
                       or any(_similar(n.values, t.values, scale=False) for t in shown)]
    if missing and _LIFE_DATES.search(source):  # Rosa Bonheur (1822-1899): "the 19th-century painter"
        missing = [n for n in missing if not _life_as_century(n, source, window)]
    if missing and ctx.lang in ("uk", "ru"):  # на 79-му році життя, "in his 79th year": aged 78 (He was 78., a
        # sentence of its own: anywhere in the paragraph)
        target = _para_target(ctx, pair.para)
        own = _source_values(ctx, pair.para)
        missing = [n for n in missing if not (_YEAR_OF_LIFE.match(source, n.end) and max(n.values) - 1 not in own and
                                              _age_said(int(max(n.values)) - 1).search(target))]
    if missing and (pair.para or ctx.lang in _THIS_YEAR) and _nothing_in_its_place(ctx, pair):
        if ctx.lang in _THIS_YEAR and _THIS_YEAR_EN.search(_para_target(ctx, pair.para)):
            missing = [n for n in missing if not _current_year(ctx, pair.para, n, source)]
        if pair.para:
            missing = [n for n in missing if not _said_before(ctx, pair, n, source)]
    if missing and pair.block.headline:
        from_source = set().union(*(n.values for n in numbers.extract(pair.source, ctx.lang)))
        values = set()  # (a headline figure that renders another source number says nothing of this one: M6.9)
        shown = [t for t in ctx.target_numbers("", pair.block, pair.start, pair.end) if t.written and not t.values & from_source]
        for block in ctx.doc.blocks:
            if block is not pair.block:
                for n in ctx.target_numbers("", block):
                    values |= n.values
        missing = [n for n in missing if any(_similar(n.values, t.values) for t in shown)  # changed, not left out
                   or not (n.values & values or (len(n.values) == 1 and 1900 <= max(n.values) <= 2100))]
        if missing and shown:  # 逾42万 as the body's exact "more than 426,000" (42.6万 further down the source)
            body = _body_source_values(ctx, pair.para)
            exact = [t.values & body for t in shown]
            missing = [n for n in missing if not any(_cut_from(v, tv) for found in exact for tv in found for v in n.values)]
    return missing


@lru_cache(maxsize=64)
def _age_said(age: int):
    """An age as English news gives it: "He was 86", "aged 86", "died at 86.", "an 86-year-old", "Gromov, 86,"
    (not "peaked at 86 degrees": an age ends its clause)."""
    return regex.compile(rf"\b(?:was|aged|age of|at)\s{age}(?=[.,;)]|\s(?:and|after|in|on|of|from|with|when|while|following)\b|\s*\Z)|"
                         rf"(?<!\d){age}-year-old|,\s{age}(?:,|\.(?!\d))")
# "This year" in Chinese and Japanese with the noun after it (今年高考, 今年の売上), and in English.
_THIS_YEAR = {"ja": regex.compile(r"今年(?:の|度)?(\p{Han}{2})"), "zh": regex.compile(r"今年(?:的|度)?(\p{Han}{2})")}
_THIS_YEAR_EN = regex.compile(r"\b[Tt]his\syear(?:'s|’s)?\b")


def _source_values(ctx: BilingualContext, para: int) -> set:
    return {v for s in ctx.paragraphs[para].sources for n in numbers.extract(s, ctx.lang) for v in n.values}


def _nothing_in_its_place(ctx: BilingualContext, pair: Pair) -> bool:
    """Whether every figure of the pair's translation is one of its source paragraph's, each its own (counted: a
    second 10 for the source's one 10 stands in a figure's place): a figure left out, not changed (９号機 as
    "No. 70" or "No. 10" is no repeated mention)."""
    left = [n.values for s in ctx.paragraphs[pair.para].sources for n in numbers.extract(s, ctx.lang)]
    for t in ctx.target_numbers("", pair.block, pair.start, pair.end):
        match = next((k for k, values in enumerate(left) if t.values & values), None)
        if match is None:
            return False
        del left[match]
    return True


def _current_year(ctx: BilingualContext, para: int, n, source: str) -> bool:
    """Whether `n` is a year whose noun the paragraph names again after 今年 ("this year": 2026年全国高考 ...
    今年高考), the latest year the source gives, which the translation gives once, as "this year's exam", and no
    year instead (2023年GDP ... 今年预计: last year's figure beside this year's forecast, is no such year)."""
    year = max(n.values)
    if not (len(n.values) == 1 and 1900 <= year <= 2100 and n.text.isdigit() and len(n.text) == 4):
        return False
    if year < _latest_year(ctx):
        return False  # (今年 ... 2021年: an earlier year, not this one)
    after = regex.split(r"今年|[。，；,;]", source[n.end:n.end + 40], maxsplit=1)[0]  # (the year's own clause)
    return any(m.group(1) in after for s in ctx.paragraphs[para].sources for m in _THIS_YEAR[ctx.lang].finditer(s)) and \
        _YEAR_IN.search(_para_target(ctx, para)) is None


def _said_before(ctx: BilingualContext, pair: Pair, n, source: str) -> bool:
    """Whether `n` is a figure the source repeats with the same word after it, given where the source first
    did (Ｈ３ロケット９号機 ... ９号機は当初: "the ninth H3 rocket", then "the launch"): English does not say it twice."""
    label = _LABEL.match(source, n.end)
    if label is None:
        return False
    window = pair.block.text[pair.start:pair.end]
    if any(float(m.group(1)) not in n.values for m in _DESIGNATION_EN.finditer(window)):
        return False  # ("Rocket No. 10": the designation changed, whatever else the sentence leaves out)
    figure = numbers.normalise(n.text)
    index = _labelled_figures(ctx)
    for k in range(2, len(label.group()) + 1):  # (９号機は: 9号機 said before)
        first = index.get(figure + label.group()[:k])
        if first is not None and first < pair.para and n.values & _target_values(ctx, first):
            return True
    return False


def _labelled_figures(ctx: BilingualContext) -> dict[str, int]:
    """The first body paragraph where each figure with its counter (9号機, 9号, 7号线) stands, built once per
    context (a headline is no mention)."""
    index = ctx.cache.get("labelled figures")
    if index is None:
        index = ctx.cache["labelled figures"] = {}
        for para, p in enumerate(ctx.paragraphs):
            if any(b.headline for b in p.blocks):
                continue
            for text in map(numbers.normalise, p.sources):
                for m in _LABELLED.finditer(text):
                    for k in range(2, len(m.group(2)) + 1):
                        index.setdefault(m.group(1) + m.group(2)[:k], para)
    return index


def _target_values(ctx: BilingualContext, para: int) -> set:
    key = ("target values", para)
    if key not in ctx.cache:
        ctx.cache[key] = {v for block in ctx.paragraphs[para].blocks for t in ctx.target_numbers("", block) for v in t.values}
    return ctx.cache[key]


# The counter or noun right after a figure, no space between: Han or katakana (号機, 号线), never kana particles
# (3人が, 10日に: the same count of other things).
_LABEL = regex.compile(r"[\p{Han}\p{Katakana}]{2,3}")
_DESIGNATION_EN = regex.compile(r"\b(?:No|Nos|Number|Unit|Flight|Line|Reactor|Route|Train|Gate|Block)\.?\s(\d+)\b")
_LABELLED = regex.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)([\p{Han}\p{Katakana}]{2,3})")


def _outside(missing: list, spans) -> list:
    """The missing numbers that start in none of `spans` (the source's excused stretches)."""
    return [n for n in missing if not any(a <= n.start < b for a, b in spans)]


def _cut_from(short: float, exact: float) -> bool:
    """Whether `short` is `exact` with fewer significant digits, rounded or cut (42万 from 426,000: a headline's
    round figure); not another count (12 for 13, 2024 for 2025)."""
    digits = _significant(short)
    if short <= 0 or exact <= 0 or digits >= _significant(exact):
        return False
    unit = 10 ** (math.floor(math.log10(exact)) - digits + 1)
    return short in (math.floor(exact / unit) * unit, round(exact / unit) * unit)


def _body_source_values(ctx: BilingualContext, headline_para: int) -> set[float]:
    """The values of every number in the source's paragraphs other than the headline's."""
    return set().union(*(_source_values(ctx, k) for k in range(len(ctx.paragraphs)) if k != headline_para))


# A conversion in brackets after a figure (870公顷（约合1.3万亩）, 5公里（合3.1英里）), which a translation gives in its own
# units or leaves out, as its own "(about 2,150 acres)" cannot be checked against the source either.
_CONVERSION = regex.compile(r"(?<=\d[^\s（()）]{0,8})[（(](?:约合|約合|折合|合(?![计計同作资資格肥并併理法算])|相当于|相當於)"
                            r"(?=[^（()）]{0,30}\d)[^（()）倍的]{1,40}[）)]")  # (a figure in it; no comparison, 的3倍)
# French days named by their date (le 14-Juillet, le 14 juillet, le 11-Novembre, le 8-Mai, le 1er-Mai), each with
# its English name: the date of that day is given by the name.
_FRENCH_NAMED_DAYS = {(14, "juillet"): r"\bBastille Day\b", (11, "novembre"): r"\b(?:Armistice|Remembrance|Veterans) Day\b",
                      (8, "mai"): r"\bV-?E Day\b|\bVictory in Europe Day\b", (1, "mai"): r"\bMay Day\b|\bLabou?r Day\b"}


# Ice hockey's six skaters against five, the goalkeeper pulled: "with an extra attacker", "into an empty net".
_SIX_ON_FIVE = regex.compile(r"(?i:\b(?:шесть|шестеро|шестером|вшестером|шість|шістьох|вшістьох|шести|6)\s"
                             r"(?:на|против|проти)\s(?:пять|пятерых|п['’ʼ]?ять|п['’ʼ]?ятьох|5)\b|"
                             r"\b(?:six|6)\scontre\s(?:cinq|5)\b|\b(?:sechs|6)\sgegen\s(?:fünf|5)\b)")
# (an empty-net goal is no sixth skater: the net is empty in the last minute whatever the numbers)
_EXTRA_ATTACKER = regex.compile(r"(?i:\b(?:extra|sixth) (?:attacker|skater)\b|"
                                r"\bpulled (?:the |their |his )?(?:goalie|goalkeeper|goaltender|netminder)\b|"
                                r"\b(?:goalie|goalkeeper|goaltender|netminder) pulled\b)")
# skaters counted in the English after all ("six-on-four", "5 on 3"): compared as numbers, never excused
_SKATERS_EN = regex.compile(r"(?i:\b(?:[3-6]|three|four|five|six)[- ](?:on|vs\.?|against)[- ](?:[3-6]|three|four|five|six)\b)")


_QUOTED = regex.compile(r"[«“„\"]([^«»“”„\"]{2,80})[»”“\"]")
# 双11 and 双12 by their English names (Singles Day, Double 11; Double 12)
_SINGLES_DAY = regex.compile(r"双(?:(11|十一)|(12|十二))(?!\d)")
_SINGLES_DAY_EN = (regex.compile(r"\b(?:Singles(?:'|’)? Day|Double (?:11|Eleven))\b", regex.IGNORECASE),
                   regex.compile(r"\bDouble (?:12|Twelve)\b", regex.IGNORECASE))


def _suspended_part(number, source: str, window: str, lang: str) -> bool:
    """Whether a missing figure is the part of a French sentence served (six ans, dont quatre ferme) that the
    translation gives as the rest, suspended ("a six-year sentence, two of them suspended")."""
    m = _SENTENCE_PART.search(source, max(0, number.start - 40), number.end + 16)
    if m is None or not m.start("part") <= number.start < m.end("part") or (m.group("unit") or m.group("of")) != m.group("of"):
        return False  # (dont quatre mois ferme of six ans is no four years)
    whole = {v for n in numbers.extract(m.group("whole"), lang) for v in n.values}
    # the rest, said with "suspended" right after it (two years of it suspended; not "a six-year suspended
    # sentence against the two defendants")
    rest = {v for s in _SUSPENDED.finditer(window) for n in numbers.extract(s.group(1), "en", lenient=True) for v in n.values}
    return any(w - p in rest for w in whole for p in number.values if w > p)


_SENTENCE_PART = regex.compile(r"(?P<whole>\S+)\s(?P<of>ans|mois)(?:\s(?:de\s|d['’])\p{L}+)?,?\s?dont\s(?P<part>\S+)\s"
                            r"(?:(?P<unit>ans|mois|an)\s)?ferme")
_SUSPENDED = regex.compile(r"(\S+)(?:\s(?:years?|months?))?(?:\s(?:of\s(?:it|them|which)))?\s(?:were\s|was\s|are\s)?suspended", regex.IGNORECASE)


_FRENCH_NAMED_DAY = regex.compile(r"(?<!\d)(14|11|8|1)(?:er)?[- \u00a0]((?i:juillet|novembre|mai))\b")


# A clause that opens with its time (１９日午後、 / 今回、): its 、 separates no list, unless the list is of times
# itself (１９日、２０日、２１日の３日間)
_CLAUSE_OPENING = regex.compile(r"\A(?:[\d０-９]+(?:年|月|日)(?:[\d０-９]+(?:月|日))*(?:午前|午後|朝|夜|未明|夕方)?|"
                                r"[\d０-９]+時(?:[\d０-９]+分)?|今回|一方|また|昨年|今年|同日|この日)、"
                                r"(?![\d０-９]+(?:年|月|日|時))")
# after the number, a counter of things listed (３県, ２社, ３日間, ３カ月), not a date, a time or a rank (３日の発表, ２位)
_NOT_A_COUNT = regex.compile(r"(?:日|時|分|月|年)(?!間|連続|ぶり)|位|番|着|度|号|歳|回目|[%％割倍円]|ドル")


def _counts_the_list(source: str, number, window: str) -> bool:
    """Whether a Japanese number counts the names listed just before it (東大と京大の２校: "Tokyo and Kyoto"), and the
    translation gives it by listing as many."""
    before = source[max(0, number.start - 40):number.start]
    if not before.endswith("の") or len(number.values) != 1 or _NOT_A_COUNT.match(source, number.end):
        return False
    listed = regex.split(r"[はがを。「」]", before)[-1]
    listed = _CLAUSE_OPENING.sub("", listed)  # (１９日午後、鹿児島、宮崎、熊本の３県: the time's 、 opens the clause)
    # と joins names, 、 lists three or more, ・ between katakana is the space of one name (ジョー・バイデン), and a
    # lone 、 ends a clause's opening (昨年、トヨタの２工場: "last year, Toyota's two plants")
    joins, commas = len(_LIST_JOIN.findall(listed)), listed.count("、")
    separators = len(_LIST_DOT.findall(listed)) + joins + (commas if joins or commas >= 2 else 0)
    count = max(number.values)
    return separators > 0 and separators + 1 == count and count in _english_list_lengths(window)


_LIST_AND = regex.compile(r",? (?:and|&) (?=(?:the )?[\p{Lu}\d])")
_ITEM_START = regex.compile(r"(?:the )?[\p{Lu}\d]")


def _english_list_lengths(window: str) -> set[int]:
    """How many items each list of names in `window` gives ("Oita, Miyazaki and Kagoshima prefectures": 3; "on the
    19th, 20th and 21st": 3): the item after "and" and, before it, the comma-separated short items that start with a
    capital or a digit, the first of them a longer stretch that ends with one ("warnings for Oita")."""
    lengths = set()
    for m in _LIST_AND.finditer(window):
        count = 1
        for part in reversed(regex.split(r"[.;:!?]\s", window[:m.start()])[-1].split(", ")):
            words = part.split()
            if words and len(words) <= 4 and _ITEM_START.match(part):
                count += 1
                continue
            if words and _ITEM_START.match(words[-1]):
                count += 1
            break
        lengths.add(count)
    return lengths


# と joining two names: after a name's own characters or an honorific (東大と京大, 田中さんと佐藤さん), not inside a word
# or a phrase (によると "according to", ところ, として "as", という, と同数 "as many as")
_LIST_JOIN = regex.compile(r"(?:(?<=[\p{Han}\p{Katakana}ー）)])|(?<=さん|氏|君|ちゃん))と(?!こ|し|い[うっ]|な[りるっ]|共|とも|同(?:じ|様|時|数|水準|額|程度|率|期|日|月|年|点|等|量|規模))")
_LIST_DOT = regex.compile(r"(?<![\p{Katakana}ー])・|・(?![\p{Katakana}ー])")


def _between_two(number, source: str, window: str) -> bool:
    """Whether the number is the two of "between two" (entre deux rotations, zwischen zwei Spielen), which English
    says "between rotations"."""
    return number.values == {2.0} and _BETWEEN_BEFORE.search(source, max(0, number.start - 12), number.start) is not None \
        and not _RANGE_ON.match(source, number.end) and _BETWEEN_NOUN.search(window) is not None \
        and _BETWEEN_FIGURE.search(window) is None


_BETWEEN_BEFORE = regex.compile(r"(?i:\b(?:entre|zwischen|между|між|поміж)\s)\Z")
# (entre 2 et 4, entre 2 % et 4 %: a range's first figure)
_RANGE_ON = regex.compile(r"(?i:\s?(?:%|\p{L}+)?\s(?:et|und|и|і|та|y|e|a|à|bis|до)\s|\s?[-–])")
_BETWEEN_FIGURE = regex.compile(r"(?i:\bbetween\s(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten)\b))")
_BETWEEN_NOUN = regex.compile(r"(?i:\bbetween\s(?!\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|a|an|the)\b)\p{L})")


def _as_a_rate(number, window: str) -> bool:
    """Whether a percentage is given as a sports rate of three decimals (93,4 отражённых бросков: a .934 save
    percentage; a .300 batting average)."""
    return ("," in number.text or "." in number.text) and \
        any(round(int(m.group(1)) / 10, 6) in number.values for m in _RATE.finditer(window))  # (93,4; not 30 homers)


_RATE = regex.compile(r"(?<![\d.,])\.(\d{3})(?!\d)")


def _said_in_words(number, source: str, window: str) -> bool:
    """Whether a missing number of hours, days, months or years (or a batter's place) is the English word of the window
    (12 hours noon, 10 years a decade ...): the unit must follow the number in the source."""
    if _CLOCK_MINUTES.match(source, number.end) or _on_the_hour(number, source):
        kind = "clock"  # 12:00, 12h00, and 12.00 read as one time (entre las 12.00 y las 18.00 horas; not 12.00 Euro)
    elif source.endswith(("百分之", "百分之約", "百分之约"), 0, number.start):
        kind = "percent"  # 百分之五十: Chinese says the per cent first (more than half)
    else:
        unit = _UNIT_AFTER.match(source, number.end)
        if unit is None:  # the first number of a range: "с 12 до 17 часов", "von 12 bis 17 Uhr"
            span = _RANGE_REST.match(source, number.end)
            unit = _UNIT_AFTER.match(source, span.end()) if span else None
        if unit is None:
            return False
        kind = unit.lastgroup
        if kind == "times":
            return _multiple_in_words(number, unit, source, window)
    return any(value in number.values and regex.search(words, window, regex.IGNORECASE)
               for value, words in _TIME_IN_WORDS[kind])


def _multiple_in_words(number, unit, source: str, window: str) -> bool:
    """Whether a missing multiple (2倍, das 3-Fache, выросли в 2 раза) is the window's word for it (doubled, tripled):
    only one that grew (в N раз after a verb of growth: упали в 2 раза is halved, 2 раза в неделю twice), Chinese
    增长N倍 as N + 1 times (增长2倍, up 200%: tripled), and, when several multiples of the sentence are said in words,
    the words in the source's order (Revenue tripled and profit doubled for 2-fache, 3-fache is a swap)."""
    start = max(0, number.start - 80)
    if unit.group().strip().lower().startswith("раз"):
        grew = _GREW_BY.search(source, start, number.start)
        if grew is None or _FELL.search(grew.group()):
            return False
    growth = 1.0 if numbers.after_growth(source, number.start) else 0.0
    said = _multiple_words(window)
    # (a multiple the translation keeps as a figure: "rose 1.5 times", "a 150% rise"; not any figure, 3 years)
    shown = {v for n in numbers.extract(window, "en", lenient=True) if _MULTIPLE_EN.match(window, n.end) for v in n.values}
    multiples = [(float(m.group(1).replace(",", ".")), m.start()) for m in _MULTIPLE.finditer(source)]
    missing = [value + (1.0 if numbers.after_growth(source, at) else 0.0) for value, at in multiples if value not in shown]
    if len(missing) > 1 and missing != said[:len(missing)]:
        return False
    return any(v + growth in said for v in number.values)


_MULTIPLE_EN = regex.compile(r"[ \u00a0-]?(?:times\b|fold\b|x\b|%|percent\b|per cent\b)", regex.IGNORECASE)


def _multiple_words(window: str) -> list[float]:
    """The multiples the window says in words (doubled 2, tripled 3, quadrupled 4), in order."""
    found = sorted((m.start(), value) for value, words in _TIME_IN_WORDS["times"] for m in regex.finditer(words, window, regex.IGNORECASE))
    return [value for _, value in found]


# A multiple's unit (2倍, das 3-Fache, в 2 раза), after its figure: _UNIT_AFTER's "times".
_MULTIPLE_UNIT = r"倍(?![率数])|-?fach(?:e[nrs]?)?\b|раз[аи]?\b"
_MULTIPLE = regex.compile(rf"(\d+(?:[.,]\d+)?)[ \u00a0]?(?:{_MULTIPLE_UNIT})", regex.IGNORECASE)
# A verb (or noun) of growth before "в N раз": up to seven words between (увеличила выручку в 3 раза, вырос в прошлом
# году в 3 раза, выросли примерно в 2 раза; выросли в 2 раза, а зарплаты — в 3 раза), none of them a verb of falling;
# Ukrainian writes у as often as в.
_GREW_BY = regex.compile(r"(?<!\w)(?:вырос|выросл|возрос|увелич|нараст|нарощ|подорожа|повыс|подскоч|рост|зрос|зріс|збільш|наро[сщ]т|"
                         r"подорожча|підвищ|підскоч)\w*(?:\s+[\w,—–()«»\"-]+){0,12}?\s+[ву]\s\Z", regex.IGNORECASE)
# (a word of falling or slowing anywhere in that span: Рост ВВП замедлился в 2 раза, выросли, а в этом рухнули в 3 раза)
_FELL = regex.compile(r"(?<!\w)(?:упа|паден|снизи|сниж|сократи|сокращ|уменьш|подешев|обвал|впа|падін|знизи|зниж|скороти|скороч|зменш|"
                      r"подешевша|замедл|рухну|просе|просі|опусти|ухудш|ослаб|обесцен|сповільн|уповільн|погірш|послаб|знеціни)\w*",
                      regex.IGNORECASE)


def _on_the_hour(number, source: str) -> bool:
    """Whether a number written 12.00 is a clock time: after a time's word and before no currency or unit, or before
    a clock's own unit (12.00 Uhr; not 12.00 %)."""
    if not _ON_THE_HOUR.fullmatch(numbers.normalise(number.text)):
        return False
    if _TIME_BEFORE.search(source, max(0, number.start - 12), number.start) and not _NO_TIME_AFTER.match(source, number.end):
        return True
    unit = _UNIT_AFTER.match(source, number.end)
    return unit is not None and unit.lastgroup in ("clock", "hours")


# A share's unit in words, in the source languages (pour cent, por ciento, Prozent, процент, відсоток).
_PERCENT_WORDS = r"pour\s?cent|por\s?(?:ciento|cien|100)|[Pp]rozent\w*|процент\w*|відсот\w*"


# The unit after a number in the source languages (hours, days, months, years; a batting order's place; a decade of
# age, 60代; a football match's stoppage time, 90+2; a share, 20 %; a division, deux fois moins; a multiple, 2倍; riders,
# 2人乗り), with
# Chinese and Japanese "more than" between (一百多年: "more than a century") ...
_UNIT_AFTER = regex.compile(
    rf"\s?[多余]?(?:(?P<ride>人乗り)|(?P<place>着(?=[にのはでが、])|位(?=[のはでが、]))|(?P<bet>連[単複])|(?P<duration>時間|小时|小時|钟头|Stunden?|hours?)|(?P<clock>Uhr|h\b|時|时|点)|(?P<hours>heures?|horas?|час\w*|годин\w*)|(?P<batting>番(?![目地号線线]))|(?P<ages>代(?![目表理わ金替]))|(?P<stoppage>(?:e|\.)?\+\d{{1,2}}(?!\d))|(?P<percent>-?(?:%|％|{_PERCENT_WORDS}))|(?P<times_less>(?:fois|mal|veces|раз[аи]?)\s(?:moins|weniger|menos|меньше|менше|дешевле|дешевше|реже|ниже|короче|хуже|медленнее|рідше|нижче|коротше|гірше|повільніше))|(?P<times>{_MULTIPLE_UNIT})|(?P<days>Tag\w*|jours?|días?|дн\w*|день|"
    r"діб|дні\w*|days?|日(?!本)|天)|(?P<months>Monat\w*|mois|mes(?:es)?|месяц\w*|місяц\w*|か月|ヶ月|カ月|个月|months?)|"
    r"(?P<years>Jahr\w*|ans?\b|années?|años?|лет|год\w*|рок\w*|рік|years?|年))", regex.IGNORECASE)
# An hour whose minutes follow it (23h24, 23:24, 23.24, 23時24分, 23时24分, 23点24分), a translation's time in GMT or
# UTC (hour, minutes, a.m. or p.m.), and the hours the source languages' zones are ahead of GMT: a source time is
# read in the zone it names beside it (GMT has no offset to move by: such a time must be there as it is), else in
# its language's (Russian news times are Moscow's unless they say otherwise).
_HOUR_MINUTES = regex.compile(r"(?:h|:|\.|時|时|点)\s?([0-5]\d)(?!\d)")
_ZONED_TIME = regex.compile(r"(?<!\d)([01]?\d|2[0-3])[:.]?([0-5]\d)(?:\s?([ap])\.?m\.?)?[ \u00a0]?(?:GMT|UTC)\b", regex.IGNORECASE)
_ZONE_OFFSETS = {"de": (1, 2), "fr": (1, 2), "es": (1, 2), "it": (1, 2), "uk": (2, 3), "ru": (3,), "ja": (9,), "zh": (8,)}
_NAMED_ZONES = (
    (regex.compile(r"GMT|UTC|\bWEZ\b|協定世界時|世界標準時|グリニッジ|协调世界时|世界时(?![装代尚刻间])|格林尼治|格林威治|по Гринвичу|за Гринвічем|"
                   r"всемирно\w* координированно\w*|всесвітн\w* координован\w*", regex.IGNORECASE), ()),
    (regex.compile(r"\bMESZ\b|\bCEST\b"), (2,)),
    (regex.compile(r"\bMEZ\b|\bCET\b"), (1,)),
    (regex.compile(r"мск|\bMSK\b|московск\w* времени|за московським часом|за Москвою", regex.IGNORECASE), (3,)),
    (regex.compile(r"за київським часом|киевск\w* времени|за Києвом", regex.IGNORECASE), (2, 3)),
    (regex.compile(r"北京时间|北京時間"), (8,)),
    (regex.compile(r"日本時間|日本时间|\bJST\b"), (9,)),
)
_ZONE_NEAR = 24  # characters after a time's minutes, and before its hour, where its zone is written


def _source_zone(source: str, start: int, end: int, lang: str) -> tuple:
    """The hours ahead of GMT of the source's time at [start, end): its zone's, named after it (23.24 Uhr GMT,
    23h24 (GMT)) or before it (北京时间23时24分), else its language's."""
    for lo, hi in ((end, end + _ZONE_NEAR), (max(0, start - _ZONE_NEAR), start)):
        near = [(m.start(), offsets) for pattern, offsets in _NAMED_ZONES for m in (pattern.search(source, lo, hi),) if m]
        if near:
            return min(near)[1] if lo == end else max(near)[1]  # the zone nearest the time
    return _ZONE_OFFSETS[lang]


# A student's school year in brackets after the name in Japanese news (（４年）), and the English for each year.
_SCHOOL_YEAR = regex.compile(r"年[）)]")
_SCHOOL_YEAR_EN = {1: r"freshman|first-year", 2: r"sophomore|second-year", 3: r"junior|senior|third-year",
                   4: r"senior|fourth-year", 5: r"fifth-year|fifth-grader", 6: r"sixth-year|sixth-grader"}


def _hour24(m) -> int:
    """The hour of a _ZONED_TIME match on the 24-hour clock (2:24 p.m. GMT is 14)."""
    hour, half = int(m.group(1)), (m.group(3) or "").lower()
    return hour % 12 + (12 if half == "p" else 0) if half else hour


def _moved_to_gmt(number, source: str, zoned: set, lang: str) -> bool:
    """Whether a source hour with its minutes (23h24) is the translation's GMT time at one of the source zone's
    offsets (2124 GMT for Paris in summer)."""
    after = _HOUR_MINUTES.match(source, number.end)
    figure = numbers.normalise(number.text)  # (２３時２４分: Japanese news writes full-width digits)
    if after is None or not figure.isascii() or not figure.isdigit():
        return False
    hour = int(figure)
    offsets = _source_zone(source, number.start, after.end(), lang)
    return any(minutes == after.group(1) and (hour - got) % 24 in offsets for got, minutes in zoned)


def _school_year_said(number, source: str, window: str) -> bool:
    """Whether a bracketed school year (佐藤悠真（４年）) is the grade word of the translation for that year."""
    if not (number.start and source[number.start - 1] in "（(" and _SCHOOL_YEAR.match(source, number.end)):
        return False
    words = _SCHOOL_YEAR_EN.get(int(max(number.values))) if len(number.values) == 1 else None
    return words is not None and regex.search(rf"\b(?:{words})\b", window, regex.IGNORECASE) is not None
def _life_as_century(number, source: str, window: str) -> bool:
    """Whether a missing year is one of a person's life dates (1822-1899) that the translation gives as the
    century ("the 19th-century painter"), writing no year of that century the source does not give elsewhere
    (Rosa Bonheur (1832-1899) has a life date changed; Anna Klumpke's own dates beside hers are hers)."""
    life = next((m.span() for m in _LIFE_DATES.finditer(source) if m.start() <= number.start < m.end()), None)
    if life is None:
        return False
    century = int(max(number.values)) // 100 + 1
    others = {y.group() for y in _YEAR_IN.finditer(source) if not life[0] <= y.start() < life[1]}
    return century in {int(c) for c in _CENTURY.findall(window)} and not any(
        int(y) // 100 + 1 == century for y in _YEAR_IN.findall(window) if y not in others)


# A person's years of birth and death in brackets, and a century as English news says it ("19th-century").
_LIFE_DATES = regex.compile(r"\((?:1\d|20)\d\d\s?[-–—]\s?(?:1\d|20)\d\d\)")
_YEAR_IN = regex.compile(r"(?<!\d)(1\d\d\d|20\d\d)(?!\d)")
_CENTURY = regex.compile(r"\b(\d{1,2})(?:st|nd|rd|th)[- ]century\b", regex.IGNORECASE)
_YEAR_OF_LIFE = regex.compile(r"-?(?:му|м|ом|ому)?\s+(?:році|году)\s+(?:життя|жизни)")
_CLOCK_MINUTES = regex.compile(r"(?:[:：]|\s?h\s?)00(?!\d)")
_ON_THE_HOUR = regex.compile(r"(?:[01]?\d|2[0-4])[.:]00")
# The words before a clock time (a las 12.00, um 12.00, à 12.00, в 12.00, к 12.00, entre las, von, bis ...), and
# what cannot follow one: a currency or a unit (a 12.00 pesos is a price, en 12.00 segundos a race's time).
_TIME_BEFORE = regex.compile(r"(?<!\w)(?:las|la|um|gegen|ab|bis|von|nach|à|vers|dès|depuis|de|a|entre|desde|hasta|hacia|y|und|et|"
                             r"в|во|до|к|с|со|о|об|около|после|з|із|від|по|після|близько)\s\Z", regex.IGNORECASE)
_NO_TIME_AFTER = regex.compile(
    r"\s?(?:\p{Sc}|%|(?-i:(?!" + numbers.ZONE_ABBREVIATIONS + r"|HRS)[A-Z]{3})\b|(?:Fr|fr)\.|(?:soles|reales|bolívares|pesos?|euros?|dólares?|dollars?|libras?|francs?|Franken|Dollar|рубл\w*|руб|гривн\w*|грн|"
    r"долл\w*|евро|юан\w*|yuan|yen|km|kg|m|cm|mm|segundos?|Sekunden|secondes?|секунд\w*|минут\w*|minutos?|Minuten|"
    r"metros?|Meter|mètres?|метр\w*|" + _PERCENT_WORDS + r"|puntos?|Punkte|points?|очк\w*|бал\w*)\b)",
    regex.IGNORECASE)
# Round the clock in the source languages (24時間態勢, 24小时值守, 24 Stunden am Tag, 24 heures sur 24, 24h/24 et
# 7j/7, las 24 horas, 24 часа в сутки, 24/7; not "binnen 24 Stunden", a length) and in English.
_ROUND_THE_CLOCK = regex.compile(
    r"(?<!\d)(?:24\s?時間(?:の)?(?:態勢|体制|営業|対応|稼働|監視|365日)|"
    r"24\s?(?:小时|小時)(?:轮班|轮流|值守|值班|营业|不间断|运转|运行|在线|服务|监测|监控|待命|巡逻|巡查|巡视|值勤|守候|开放|接诊|不打烊)|"
    r"(?<=全天候?\s?)24\s?(?:小时|小時)|(?<=(?:täglich|rund um die Uhr)\s)24\s?Stunden|"
    r"24\s?(?:Stunden?|hours?)\s(?:am Tag|pro Tag|täglich|a day|geöffnet|erreichbar)|(?<=las\s)24\s?horas|24\s?horas\s(?:al|del|por)\s?día|"
    r"24\s?(?:h|heures?)?\s?(?:sur|/)\s?24(?:\s?(?:et\s)?7\s?(?:j|jours?)?\s?(?:sur|/)\s?7)?|"
    r"24\s?(?:часа|години|годин)\s(?:в\sсутки|на\sдобу|на\sдень)|24/7|7\s?(?:j|jours?|días?|Tage)?\s?(?:/|sur)\s?7)(?!\d)",
    regex.IGNORECASE)
_ROUND_THE_CLOCK_EN = regex.compile(r"\b(?:a)?round[- ]the[- ]clock\b|(?<!\d)24/7(?!\d)", regex.IGNORECASE)
_RANGE_REST = regex.compile(r"\s?(?:до|по|bis|à|a|al|au|-|–|—|~|～|到|至)\s?\d+(?:[.:]\d+)?")
# ... and the English words that say such a number.
# (half as a share: not a match's half or half-time)
_HALF = r"(?<!first |second |\d(?:st|nd) )\bhalf\b(?![- ](?:time|way)\b)"
_CLOCK_IN_WORDS = ((12.0, r"\b(?:noon|midday)\b"), (0.0, r"\bmidnight\b"), (24.0, r"\bmidnight\b"))
_TIME_IN_WORDS = {
    "clock": _CLOCK_IN_WORDS,  # (a length of time in hours is none of them: 12時間 is no noon)
    "hours": _CLOCK_IN_WORDS,  # heures, horas, часов: a time of day or a length of time
    "duration": (),  # 24時間 as "around the clock": _ROUND_THE_CLOCK
    "batting": ((4.0, r"\bclean-?up\b"),),  # ４番: the cleanup hitter
    # 90+2: stoppage time; 20 %: a fifth, 100 %: fully; deux fois moins: half as much
    "stoppage": tuple((minute, r"\b(?:stoppage|added|injury)[- ]time\b") for minute in (45.0, 90.0, 105.0, 120.0)),
    "percent": ((100.0, r"\bfully\b|\bin full\b|\bentirely\b|\bcompletely\b"), (50.0, _HALF),
                (25.0, r"\b(?:a|one)[- ]quarter\b"), (20.0, r"\b(?:a|one)[- ]fifth\b"), (10.0, r"\b(?:a|one)[- ]tenth\b"),
                (75.0, r"\bthree[- ]quarters\b")),
    "times_less": ((2.0, _HALF), (3.0, r"\b(?:a|one)[- ]third\b"), (4.0, r"\b(?:a|one)[- ]quarter\b")),
    # 10代, 60代: a person's teens and sixties
    "ages": ((10.0, r"\bteens?\b|\bteenage"),) + tuple(
        (float(10 * k), rf"\b{tens}\b|\b{10 * k}s\b|\b{aged}") for k, (tens, aged) in enumerate(
            (("twenties", "twentysomething"), ("thirties", "thirtysomething"), ("forties", "fortysomething"),
             ("fifties", "quinquagenarian"), ("sixties", "sexagenarian"), ("seventies", "septuagenarian"),
             ("eighties", "octogenarian"), ("nineties", "nonagenarian")), start=2)),
    "days": ((7.0, r"\bweek\b"), (8.0, r"\bweek\b"), (14.0, r"\b(?:fortnight|two weeks)\b"),
             (15.0, r"\b(?:fortnight|two weeks)\b")),
    "months": ((12.0, r"\b(?:a|one)[ -]year\b|\b12-month\b"), (6.0, r"\b(?:half a year|six months|and a half years|-and-a-half-years?)\b"),
               (18.0, r"\ba year and a half\b")),
    # (a century: not half a century, the 20th century)
    "years": ((10.0, r"\bdecade\b"), (20.0, r"\btwo decades\b"), (100.0, r"(?<!\bhalf )\b(?:a|one) century\b"),
              (50.0, r"\bhalf a century\b")),
    # 2倍, 3倍 (ja; zh 是…的2倍), das 3-Fache: doubled, tripled (the figure itself is read when the translation writes
    # "two times"; not fois, Mal, veces, which count occasions as often, nor zh 增长2倍, "up 200%": _said_in_words)
    "times": ((2.0, r"\bdoubl\w*|\btwice\b"), (3.0, r"\btripl\w*|\btrebl\w*"), (4.0, r"\bquadrupl\w*")),
    "ride": ((2.0, r"\bcarry(?:ing)? a passenger\b|\briding double\b|\btandem\b"),),  # 2人乗り: two on one bicycle
    "place": ((2.0, r"\brunners?-up\b"),),  # ２着, ２位: the runner-up
    "bet": ((3.0, r"\btrifecta\b|\btrio\b"), (2.0, r"\bexacta\b|\bquinella\b")),  # ３連単, ２連複: the bet's name
}
# A date in English (March 5, 5 March): a date translated as a date, whose day must then be there.
_MONTHS_EN = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)"
# (a date, with its ordinal or not: March 18th, Mar 18, 18 March; not the Long March rocket)
_MONTH_NAME = regex.compile(rf"(?<!Long )\b(?P<month>{_MONTHS_EN})\s(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b|"
                            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?(?P<month>{_MONTHS_EN})")
# A day that ends a range of days after a month and day (５月５～11日): a date of that month, not a bare day.
_DAY_RANGE_END = regex.compile(r"\d{1,2}月\d{1,2}日?\s?[～~〜\-－–]\s?\Z")


def _english_dates(window: str) -> set[tuple[int, int]]:
    """(month, day) of the English dates in `window` (March 18th is (3, 18); the modal "may" is none)."""
    return {(numbers.month_number(m.group("month")), int(m.group("day"))) for m in _MONTH_NAME.finditer(window)}


# (the nouns an ordinal counts when it is no day of the month: on the 5th floor, on the 25th anniversary)
_NOT_A_DAY = (r"century|centuries|anniversary|time|round|place|floor|storey|story|day|edition|season|minute|hole|stage|seed|"
              r"lap|leg|straight|consecutive|year|birthday|attempt|try|pick|army|brigade|division|district|circuit|grade|"
              r"green|ballot|vote|seeds|player|team|largest|biggest|most")
# A weekday with its date in English (Thursday, March 14; Thursday (the 14th); Thursday 14; Thu., 3/14), or a day
# of the month by itself (on the 14th): the date translated, whose day must then be the source's.
_WEEKDAY_WITH_DATE = regex.compile(
    rf"\b(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s\(?(?:{_MONTHS_EN}\s\d|(?:the\s)?\d{{1,2}}"
    rf"(?:st|nd|rd|th)\b(?![\s-]+(?:{_NOT_A_DAY})\b)|\d{{1,2}}(?:/\d)?(?![\d.,:]\d|\d)(?!\s?(?:%|percent|per|[ap]\.?m\b|o'clock|hours?|minutes?|people|\p{{L}}))|"
    rf"\d{{1,2}}\s{_MONTHS_EN})|(?:\bon\s|\()the\s\d{{1,2}}(?:st|nd|rd|th)\b(?![\s-]+(?:{_NOT_A_DAY})\b)|"
    rf"\bthe\s\d{{1,2}}(?:st|nd|rd|th)(?=\s?[,.;)]|\Z)", regex.IGNORECASE)
# (on the 14th, (the 14th), the 14th,: a day; the 5th Army, the 3rd Brigade are none)


# A date of the month in Chinese or Japanese (10月20日, 20日, 4日前后; not 10日間 "ten days", 10日前 "ten days ago").
_CJK_DAY = regex.compile(r"月(\d{1,2})(?!\d)|(?<!\d)(\d{1,2})日")  # every day a date names (５月５～11日: 5 and 11)
_DAY_NOT_BEFORE = "間间後后目ぶ以連连"
_CJK_DATE = regex.compile(rf"(?|(?:(\d{{1,2}})月)?(\d{{1,2}})日(?![前{_DAY_NOT_BEFORE}])|()(\d{{1,2}})(?=[、・]\d{{1,2}}日?の両日)|"
                          rf"(?<=\d[、・])()(\d{{1,2}})(?=日?の両日))")  # (ja 10日前後 is "about ten days"; １８、１９の両日: two dates)
_ZH_DATE = regex.compile(rf"(?|(?:(\d{{1,2}})月)?(\d{{1,2}})日(?!前(?![后後往])|[{_DAY_NOT_BEFORE}])|"
                         rf"(?<=[在于於到])(?:(\d{{1,2}})月)?(\d{{1,2}})日(?=前))")
# (4日前后: around the 4th; 4日前往: went on the 4th; 在15日前: by the 15th)


# The weekdays of the European source languages, in the forms news gives them (в четверг, с четверга, у
# п'ятницю, am Donnerstag, jeudi, el jueves), each with its English name.
_SOURCE_WEEKDAYS = {
    "ru": ("понедельник[аеу]?", "вторник[аеу]?", "сред[аеуы]", "четверг[аеу]?", "пятниц[аеуы]", "суббот[аеуы]", "воскресень[еяю]"),
    "uk": ("понеділ(?:ок|ка|ку)", "вівтор(?:ок|ка|ку)", "серед[аиу]", "четвер(?:га|гу)?", "п['’ʼ]ятниц[яіюи]",
           "субот[аиіу]", "неділ[яіюи]"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "(?:Samstag|Sonnabend)", "Sonntag"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}
_ENGLISH_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@lru_cache(maxsize=8)
def _weekday_date_pattern(lang: str):
    """A weekday of `lang` next to a date of the month with its month name, either order, or one in brackets
    after the other (в четверг, 13 марта; am Donnerstag, dem 13. März; jeudi 1er mai; el jueves día 13 de marzo;
    13 марта 2025 года, в четверг; am 13. März, einem Donnerstag; 13 марта (четверг)): group d<N> is the
    weekday, 'date' the day and month (its year, when the translation gives none: _with_year)."""
    date = rf"(?P<date>{_date_of_month(lang)})"
    # (el jueves 13, ce jeudi 13, Donnerstag, den 13.: the day alone, where the month is the news's own)
    bare = r"(?P<date>(?<!\d)\d{1,2}(?:er|º)?(?=\s?[,;)]|\.(?:\s|\Z)))"  # (not a score or a time: am Samstag 3:1, 15:30 Uhr)
    year = r"(?:\s(?:de\s)?(?:19|20)\d\d(?:\s(?:года|року|г\.|р\.))?)?"
    days = "|".join(f"(?P<d{i}>{w})" for i, w in enumerate(_SOURCE_WEEKDAYS[lang]))
    # a weekday with its time of day (в четверг вечером, Donnerstagabend, jeudi soir, el jueves por la tarde)
    part = _DAY_PARTS.get(lang, "")
    # (lower case, as these languages write weekdays, or capitalised to open a sentence: Plácido Domingo is no
    # Sunday; German capitalises every noun)
    if lang == "de":
        day = dated = rf"(?<!\w)(?i:{days})(?:{part})?(?!\w)"
    else:
        opening = r"(?<=^|[.!?»\"”]\s|[-–—]\s|\A)"
        day = rf"(?<!\w)(?:{days}|{opening}(?i:{days}))(?:{part})?(?!\w)"
        # (with its month, also after an opening quotation mark or bracket, and in capitals: МОСКВА, СРЕДА, 12
        # марта; MADRID (EFE), MIÉRCOLES 12 DE MARZO; not so a surname beside a bare figure: (Середа, 23),
        # PLÁCIDO DOMINGO, 81)
        dated = rf"(?<!\w)(?:{days}|(?:{opening}|(?<=[«„“\"(\[])|(?=\p{{Lu}}{{3}}))(?i:{days}))(?:{part})?(?!\w)"
    return regex.compile(rf"{dated},?\s(?:(?i:den|dem|le|el)\s)?(?:(?i:día)\s)?{date}|{day},?\s(?:(?i:den|dem|le|el)\s)?{bare}|"
                         rf"{dated}\s?\({date}\)|{date}{year},?\s(?:(?i:в|во|у|am|le|el|einem|un)\s)?{dated}|{date}{year}\s?\({dated}\)")


_DAY_PARTS = {
    "ru": r"\s(?:утром|днём|днем|вечером|ночью)", "uk": r"\s(?:вранці|зранку|вдень|удень|увечері|ввечері|вночі|уночі)",
    "de": r"(?:morgen|vormittag|mittag|nachmittag|abend|nacht)", "fr": r"\s(?:matin|midi|après-midi|soir)",
    "es": r"\s(?:por\sla\s(?:mañana|tarde|noche)|a\smediodía)",
}


# An English wire dateline: the place in capitals, maybe its country, maybe the agency, then a dash (MOSCOW —,
# KHARKIV, Ukraine —, PARIS (AFP) —).
_DATELINE_EN = regex.compile(r"\s*\p{Lu}[\p{Lu}\s.'’-]+(?:,\s\p{Lu}[\p{L}.\s]*?)?\s?(?:\([\p{L}\s.]+\)\s?)?[—–-]\s")


# A day named from the dateline's (今天 "today", 昨晚 "last night"), not a name that starts with one (今日头条 Toutiao,
# 今日俄罗斯 RT, 今日美国 USA Today, 今日说法, 明日之星 "rising star": a story that says 今日美国股市 for "US stocks
# today" is taken for one about the paper), nor one inside a title's 《》 (《明日方舟》 Arknights)
_RELATIVE_DAY = regex.compile(r"今天|昨天|明天|今晨|昨晚|今晚|昨夜|今夜|昨日|明日(?!之星)|"
                              r"今日(?!头条|頭條|俄罗斯|俄羅斯|美国|美國|说法|說法)")
# 当天 "that day", unless a holiday's or a date's day (除夕当天, 元旦当天, 国庆节当天, 14日当天)
_THAT_DAY = regex.compile(r"(?<!节|節|除夕|元旦|[日号號])(?:当天|當天|当日|當日)")
_TITLE = regex.compile(r"《[^《》]*》")


def _says_relative_day(source: str, pos: int) -> bool:
    """Whether the story after its dateline names its day from the dateline's: 今天, 昨晚, or 当天 ("that day") where
    no other date comes before it, which it would then mean (8月14日凌晨……当天下午: the 14th)."""
    titles = [m.span() for m in _TITLE.finditer(source, pos)]
    for m in _RELATIVE_DAY.finditer(source, pos):
        if not any(a <= m.start() < b for a, b in titles):
            return True
    return any(_ZH_DATE.search(source, pos, m.start()) is None for m in _THAT_DAY.finditer(source, pos))
# A Chinese paper's or agency's dateline: who reports (本报, 新华社, 中新网), from where, on which day, 电 or 讯
_ZH_DATELINE = regex.compile(r"\s*(?:据|據)?(?:本报|本報|新华社|新華社|中新社|中新网|中新網|人民网|人民網|央视网|央視網|央视新闻|"
                             r"\p{Han}{2,6}(?:日报|日報|晚报|晚報|早报|早報|商报|商報|新闻网|新聞網))"
                             r"(?:记者|記者)?\p{Han}{0,6}?(?P<date>(?:\d{4}年)?\d{1,2}月\d{1,2}日)(?:电|電|讯|訊)")


@lru_cache(maxsize=8)
def _dateline(lang: str):
    """A source's dateline: the place in capitals, then its date (МОСКВА, 15 октября. ХАРКІВ, 8 листопада.)."""
    return regex.compile(rf"\s*\p{{Lu}}[\p{{Lu}}\s-]+,\s(?P<date>{_date_of_month(lang)})(?:,?\s(?:19|20)\d\d(?:\s(?:года|року|г\.|р\.))?)?\s?[.—–-]")


def _source_dates(text: str, lang: str) -> set[tuple[int, int]]:
    """(month, day) of the dates `text` gives with their month's name, and of a range's first day before one
    (с 7 по 13 октября: 7 and 13 October)."""
    dates = set()
    for m in _month_date_pattern(lang).finditer(text):
        for day, month in numbers.day_months(m.group(), lang):
            dates.add((month, int(day)))
            first = _RANGE_FIRST_DAY.search(text, 0, m.start())
            if first:
                dates.add((month, int(first.group(1))))
    return dates


_RANGE_FIRST_DAY = regex.compile(r"(?<!\d)(\d{1,2})\.?\s?(?:по|до|-|–|bis|au|al|à|a|y|и|і|та|und|et)\s?\Z")


def _date_of_month(lang: str) -> str:
    """A date of the month with its month's name in `lang` (13 марта, 13. März, 1er mai, 13 de marzo)."""
    months = "|".join(numbers.month_names(lang))
    return rf"(?<!\d)\d{{1,2}}\.?(?:er|º|°|-?го)?\.?\s(?:(?i:de)\s)?(?i:{months})(?!\w)"


@lru_cache(maxsize=8)
def _month_date_pattern(lang: str):
    return regex.compile(_date_of_month(lang))


@lru_cache(maxsize=8)
def _source_weekday(lang: str):
    return regex.compile(rf"(?<!\w)(?i:{'|'.join(_SOURCE_WEEKDAYS[lang])})(?:{_DAY_PARTS.get(lang, '')}|s)?(?!\w)")  # (Sonntagabend)


def _latest_year(ctx: BilingualContext) -> int:
    """The latest year the source gives (the news's own, as a rule), read once per context."""
    if "latest year" not in ctx.cache:
        ctx.cache["latest year"] = max((int(y) for s in ctx.source_paragraphs for y in _YEAR_IN.findall(numbers.normalise(s))),
                                       default=0)
    return ctx.cache["latest year"]


def _weekday_dates(source: str, lang: str, window: str, latest: int = 0) -> list[tuple[int, int]]:
    """Spans of the source's dates that stand beside their weekday, where the translation gives that weekday and
    no date the source does not give (AP style dates this week's events by the day; "on
    Thursday, April 13" or "Thursday the 14th" is the date translated, and its day and month must be there); in
    a sentence that names no weekday, its one date of the month, where the translation gives one weekday (22 липня
    as "on Tuesday": a weekday the translator worked out; not the Sunday Times, Black Friday)."""
    if _WEEKDAY_WITH_DATE.search(window):
        return []
    given = {(month, int(day)) for day, month in numbers.day_months(source, lang)}  # every date the source gives
    if any(date not in given for date in _english_dates(window)):
        return []  # an English date the source does not give may be a weekday's date, changed
    spans = []
    for m in _weekday_date_pattern(lang).finditer(source):
        weekday = _ENGLISH_WEEKDAYS[int(next(k for k, v in m.groupdict().items() if v and k[0] == "d" and k != "date")[1:])]
        if _english_weekday(weekday).search(window):
            spans.append(_with_year(source, m.span("date"), window, latest))
    if not spans and not _source_weekday(lang).search(source):
        dates = list(_month_date_pattern(lang).finditer(source))
        weekdays = [m for m in _ENGLISH_WEEKDAY_NAME.finditer(window) if not _IN_A_NAME.search(window, m.start(), m.end() + 2)
                    and not _DAY_NAMED.search(window, max(0, m.start() - 12), m.start()) and m.group() not in source]
        if len(dates) == 1 and len(weekdays) == 1 and _on_that_day(dates[0], source, lang, weekdays[0].group()):
            spans = [_with_year(source, dates[0].span(), window, latest)]
    return spans


def _on_that_day(date, source: str, lang: str, weekday: str) -> bool:
    """Whether the English weekday is the date's, where the source gives its year (22 липня 2025 року: a Tuesday,
    not "on Friday"); without a year, any."""
    year = _YEAR_AFTER_DATE.match(source, date.end())
    given = numbers.day_months(date.group(), lang)
    if year is None or not given:
        return True
    import datetime

    try:
        day = datetime.date(int(_YEAR_IN.search(year.group()).group()), given[0][1], int(given[0][0]))
    except ValueError:
        return False  # (no such day: 31 червня)
    return _ENGLISH_WEEKDAYS[day.weekday()][:3] == weekday[:3]


_IN_A_NAME = regex.compile(r"\w+\s\p{Lu}")  # Sunday Times, Monday Night Football
_DAY_NAMED = regex.compile(r"\b(?:Black|Good|Holy|Super|Cyber|Ash|Palm|Easter|Maundy|Bloody|Blue)\s\Z")


def _with_year(source: str, span: tuple[int, int], window: str, latest: int) -> tuple[int, int]:
    """The date's span with the year written after it (am Sonntag, dem 12. Oktober 2025: "Sunday", this
    week's), where that is the source's latest year (the news's own: not a past 1997) and the translation gives
    no year instead (a changed year is still compared)."""
    year = _YEAR_AFTER_DATE.match(source, span[1])
    if year is None or _YEAR_IN.search(window) or int(_YEAR_IN.search(year.group()).group()) < latest:
        return span
    return span[0], year.end()


# (a year closed by a comma or a full stop, or by its noun: not the count of 13 mars 2000 personnes)
_YEAR_AFTER_DATE = regex.compile(r",?\s(?:de\s)?(?:19|20)\d\d(?:\s(?:года|року|г\.|р\.)|(?=[,.;:)]|\s*\Z))")
_ENGLISH_WEEKDAY_NAME = regex.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)\.")


@lru_cache(maxsize=8)
def _english_weekday(weekday: str):
    """An English weekday as news writes it: Thursday, THURSDAY, Thu., Thurs. (AP)."""
    return regex.compile(rf"\b(?i:{weekday})\b|\b{weekday[:3]}\.|\b{weekday[:4]}\.|\b{weekday[:5]}\.")


_WEEKDAY = regex.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?\b|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.|"
                         r"\b(?i:yesterday|today|tomorrow|tonight|last night|this (?:morning|afternoon|evening))\b")


# A figure of five or more digits with no thousands separator, standing alone (not part of a code, an address,
# a decimal or a grouped number). Leading zeros mark codes and identifiers, never quantities.
_UNGROUPED = regex.compile(r"(?<![\p{L}\p{N}_.,/:#@\\-])[1-9]\d{4,8}(?![\p{L}\p{N}_/@]|[.,]\d|-\d)")
# Words before a figure that make it an identifier (a phone number, a postcode, a case or model number).
_IDENTIFIER_CUE = regex.compile(r"(?:\b(?:no|nos|number|code|id|tel|phone|call|dial|hotline|mobile|cell|fax|wechat|qq|"
                                r"whatsapp|zip|postcode|postal code|ref|case|model|serial|account|flight|order|ticket|"
                                r"isbn|issn|room|box|version)\.?|[#№])\s*:?\s*$",
                                regex.IGNORECASE)


def number_format(ctx: BilingualContext, rule):
    """A quantity of the source written in an English translation without thousands separators (40000 for
    4万): English news groups figures of five digits and more (40,000); the source's value shows it is a
    quantity, not a code."""
    if not ctx.target_lang.startswith("en"):
        return
    lang = ctx.lang
    source_values: dict[int, set] = {}
    for pair in ctx.pairs:
        if pair.block is None or pair.end <= pair.start:
            continue
        if pair.para not in source_values:
            source_values[pair.para] = {v for s in ctx.paragraphs[pair.para].sources for n in numbers.extract(s, lang, words=False)
                                        for v in n.values}
        text = pair.block.text
        for m in _UNGROUPED.finditer(text, pair.start, pair.end):
            value = float(m.group())
            if value not in source_values[pair.para] or _IDENTIFIER_CUE.search(text[max(0, m.start() - 24):m.start()]):
                continue
            if entities.URL.search(text[max(0, m.start() - 80):m.end() + 1]):
                continue  # part of an address the URL pattern spans
            yield pair.block, m.start(), m.end(), {"source": quote(pair.source), "suggestion": f"{int(value):,}"}, \
                [f"{int(value):,}"]


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if v == int(v) else f"{v:,}"


def _similar(a: frozenset, b: frozenset, scale: bool = True) -> bool:
    """A changed number rather than another one: digits kept in part (633 → 63), one digit changed
    (155 → 115) or two neighbours swapped (62 → 26), or (with `scale`) the scale wrong (十万 → ten thousand, 十亿 → two
    billion)."""
    for x in a:
        for y in b:
            sx, sy = _digits(x), _digits(y)
            if not sx or not sy or x == y:
                continue
            if sx != sy and (sx.startswith(sy) or sy.startswith(sx) or sx in sy or sy in sx):
                return True
            if len(sx) == len(sy) >= 2:
                differ = [i for i, (c, d) in enumerate(zip(sx, sy)) if c != d]
                if len(differ) == 1:
                    return True
                if len(differ) == 2 and differ[1] == differ[0] + 1 and sx[differ[0]] == sy[differ[1]] \
                        and sx[differ[1]] == sy[differ[0]]:
                    return True  # two neighbouring digits swapped (62 → 26, 1.35 → 1.53)
            if scale and x >= 1000 and y >= 1000 and 0.1 <= y / x <= 10:
                return True
    return False


def _digits(v: float) -> str:
    return f"{v:f}".rstrip("0").rstrip(".").replace(".", "").lstrip("0")


# -- names and entities -----------------------------------------------------------------
def names(ctx: BilingualContext, rule):
    """Latin-script names and brands of a non-Latin source missing from the translation; the names of a
    Latin-script source misspelt in it."""
    if is_latin(ctx.lang):
        yield from _latin_source_names(ctx, rule)
        return
    for pair in ctx.pairs:
        if pair.block is None or pair.end <= pair.start:
            continue
        if not entities.latin_words(pair.source):
            continue  # no Latin word at all (blanking addresses cannot add one)
        words = entities.latin_words(entities.without_addresses(pair.source))
        if not words:
            continue
        para_target, para_target_folded = _folded_target(ctx, pair.para)
        for start, end, word in words:
            w = word.lower()
            if any(c.isdigit() for c in word) or (word.isupper() and len(word) < 4) or _ROMAN.fullmatch(word):
                continue  # M5.0, FG1, short acronyms: translations spell them out; XVIII is a number (18th)
            if word.isupper() and _spelled_out(word, pair.block.text[pair.start:pair.end]):
                continue  # ＩＵＣＮ as the International Union for Conservation of Nature
            if word.isupper() and _GLOSSED_ACRONYM.search(pair.source, 0, start) and _GLOSS_CLOSES.match(pair.source, end) \
                    and _abbreviates(word, pair.block.text[pair.start:pair.end]):
                continue  # 宇宙航空研究開発機構（ＪＡＸＡ）: the source's own gloss of the name before it, which English
                # gives in full (the Japan Aerospace eXploration Agency)
            if w in para_target or entities.fold_letters(w).replace(" ", "").replace("-", "") in para_target_folded:
                continue
            if len(word) < rule.min_length or (word.islower() and len(word) < 8):
                continue  # a short lower-case word in a gloss ("matter") is a word, not a name
            variant = _near_spelling(word, pair.block.text, pair.start, pair.end)
            if variant is not None:  # Kekertsuatsiak written Kekerattsusiak: point at it, the source's spelling is the fix
                yield pair.block, variant[0], variant[1], {"source": quote(pair.source), "name": word,
                                                           "problem": "spelled differently here"}, [word]
                continue
            if pair.block.headline and regex.search(rf"(?<!\w){regex.escape(w)}(?!\w)", _whole_target(ctx)):
                continue  # a headline is rewritten: the name the article gives further down is not lost
            yield pair.block, pair.start, pair.end, {"source": quote(pair.source), "name": word,
                                                     "problem": "missing from the translation"}, []


# An acronym in brackets right after the non-Latin name it abbreviates (宇宙航空研究開発機構（ＪＡＸＡ）, Міністерство
# оборони (МО)... : a Latin one after Cyrillic or CJK).
_GLOSSED_ACRONYM = regex.compile(r"[^\p{Latin}\d\s\p{P}]\s?[（(]\Z")
_GLOSS_CLOSES = regex.compile(r"[）)]")


def _abbreviates(acronym: str, text: str) -> bool:
    """Whether words of `text` in a row (small words between) give the acronym's letters in order: each word its
    initial (or an X inside it) and maybe the letter after, an acronym all its letters, so that no fewer letters'
    worth of words than the acronym's letters but one take part (Japan Aerospace Exploration Agency: JAXA; North
    Atlantic Treaty Organization: NATO; finals MVP: FMVP; not National alone, nor National Security Council)."""
    want = acronym.upper()
    if len(want) > 12:
        return False  # (no name's acronym: the search need not try)
    found = [w for w in _WORD.findall(text) if any(c.isupper() for c in w) or w.lower() not in _SMALL_WORDS]
    words = [w.upper() for w in found]
    acronyms = [len(w) >= 2 and w.isupper() for w in found]

    @lru_cache(maxsize=None)
    def spells(got: int, i: int, used: int) -> bool:
        if got == len(want):
            return used >= len(want) - 1
        if i >= len(words):
            return False
        word = words[i]
        if acronyms[i] and want.startswith(word, got) and spells(got + len(word), i + 1, used + len(word)):
            return True
        first = 0 if word[0] == want[got] else word.find("X", 1) if got and want[got] == "X" else -1  # (eXploration,
        # eXpress: the one letter acronyms take from inside a word)
        if first < 0:
            return False
        if spells(got + 1, i + 1, used + 1):
            return True
        # (the letter right after it, as a word's second letter: JApan; not any later letter: IAEA is no International
        # Energy Agency)
        return got + 1 < len(want) and word[first + 1:first + 2] == want[got + 1] and spells(got + 2, i + 1, used + 1)

    return any(spells(0, i, 0) for i in range(len(words)))


def _spelled_out(acronym: str, text: str) -> bool:
    """Whether `text` names the acronym's words: capitalised words whose initials spell it, with small words
    (of, for, and, the) between them."""
    words = _WORD.findall(text)
    want = acronym.upper()
    for i, first in enumerate(words):
        if first[0] != want[0]:
            continue
        got = ""
        for w in words[i:]:
            if w[0].isupper():
                got += w[0]
                if not want.startswith(got):
                    break
                if got == want:
                    return True
            elif w.lower() not in _SMALL_WORDS:
                break
    return False


_WORD = regex.compile(r"\p{L}[\p{L}'’-]*")
_ROMAN = regex.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_SMALL_WORDS = {"of", "for", "and", "the", "on", "in", "de", "du", "des", "la", "le", "del", "y", "et", "und", "für", "der"}
_NAME_TOKEN = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{M}'’-]*\p{L}")


def _latin_source_names(ctx: BilingualContext, rule):
    """A capitalised word of a Latin-script source that the translation writes with two letters swapped or one
    letter inside left out or added (Madrid as Mardid, Albertinum as Alebrtinum). Only such slips: the English
    name of a place differs from the source's in other ways (Brasil, Brazil; Sevilla, Seville; Europa, Europe),
    and a name left out is no error a newsroom's translation avoids (it may be said once)."""
    if not ctx.target_lang.startswith("en"):
        return
    for pair in ctx.pairs:
        if pair.block is None or pair.end <= pair.start:
            continue
        text = pair.block.text
        candidates = None
        source_folded = entities.fold_letters(pair.source).lower()
        target_folded = None  # the paragraph's translation without accents, read at the first candidate word
        tokens = None
        for k, m in enumerate(_NAME_TOKEN.finditer(pair.source)):
            word = m.group()
            if len(word) < max(rule.min_length, 5) or word.isupper() or _SENTENCE_START.search(pair.source, 0, m.start()):
                continue  # (a sentence's first word, and German's every noun there, may be no name)
            want = entities.fold_letters(word).lower()
            if target_folded is None:
                target_folded = entities.fold_letters(_folded_target(ctx, pair.para)[0])
            if want in target_folded:
                continue  # written as in the source (or without its accents: Source.Diacritics' matter)
            if candidates is None:
                candidates = _name_tokens(text, pair.start, pair.end)
                tokens = _name_tokens(pair.source, 0, len(pair.source))
            respelt = _respelt(word.lower())
            cognate = _tional(word)
            noun = _noun_before(pair.source, m.start()) if cognate else None
            kept = _kept_neighbours(tokens, k, pair.source)
            for i, (start, end, got) in enumerate(candidates):
                if got in source_folded or got in respelt or (got == cognate and not _kept_before(candidates, i, noun)):
                    continue
                if ctx.lang == "de" and 1 in kept and -1 not in kept and _case_form(want, got) and \
                        _beside(candidates, i, {1: kept[1]}, text):
                    continue  # an adjective before its noun, kept beside it (am Pirnaischen Platz: Pirnaischer Platz)
                # a consonant wrong inside a person's name whose other part the translation keeps beside it
                # (José Antonio as José Antosio); any name: only a slip no language's spelling makes (Madrid as
                # Mardid)
                if _slip(want, got) or (_beside(candidates, i, kept, text) and _one_edit(want, got)):
                    yield pair.block, start, end, {"source": quote(pair.source), "name": word,
                                                   "problem": "spelled differently here"}, [word]
                    break


def _case_form(want: str, got: str) -> bool:
    """Whether two German words are one adjective in two cases (am Pirnaischen Platz: Pirnaischer Platz): the same
    stem of four letters or more, a case ending apart. (A surname's ending is its spelling: Müller, Mülles.)"""
    stem = _GERMAN_CASE_ENDING.sub("", want)
    return want != got and len(stem) >= 4 and stem == _GERMAN_CASE_ENDING.sub("", got)


_GERMAN_CASE_ENDING = regex.compile(r"(?:e[nmrs]?|s)\Z")


def _name_tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, folded) of the capitalised words of text[start:end], without accents and lower-cased."""
    return [(t.start(), t.end(), entities.fold_letters(t.group()).lower()) for t in _NAME_TOKEN.finditer(text, start, end)]


def _kept_neighbours(tokens: list, k: int, source: str) -> dict[int, tuple[str, bool]]:
    """The capitalised words right before (-1) and after (+1) the source's k-th, one space away: a full name's
    other part, with whether it opens the source's sentence."""
    out = {}
    for side in (-1, 1):
        j = k + side
        if 0 <= j < len(tokens):
            first, second = sorted((tokens[k], tokens[j]))
            if second[0] - first[1] == 1:
                out[side] = (tokens[j][2], _opens_sentence(source, tokens[j][0]))
    return out


def _beside(candidates: list, i: int, kept: dict, text: str) -> bool:
    """Whether the translation's i-th capitalised word has one of `kept` on the same side, one space away, and
    capitalised mid-sentence in one of the two texts at least (In Europa, In Europe: a sentence's first word)."""
    for side, (word, opens_source) in kept.items():
        j = i + side
        if 0 <= j < len(candidates) and candidates[j][2] == word:
            a, b = sorted((candidates[i], candidates[j]))
            if b[0] - a[1] == 1 and not (opens_source and _opens_sentence(text, candidates[j][0])):
                return True
    return False


def _opens_sentence(text: str, start: int) -> bool:
    return start == 0 or _SENTENCE_START.search(text, 0, start) is not None


# Letters that languages' spellings of one name trade (Wladimir, Vladimir; Andrij, Andriy; Sergej, Sergei).
_TRADED = {frozenset(p) for p in ("jy", "ji", "iy", "wv", "sz", "ck", "cz", "ks")}


def _one_edit(want: str, got: str) -> bool:
    """Whether `got` is `want` with one consonant changed into another or two neighbours swapped, not the first
    letter: a slip in a person's name. Not a vowel, an h, a letter added, dropped or doubled, nor a pair of
    consonants transliterations trade: that is how languages spell the same transliterated name (Mahmud, Mahmoud;
    Rohani, Rouhani; Gaddafi, Gadhafi; Mohamed, Mohammed; Serguéi, Sergei; Alexandr, Alexander; Präsident,
    President)."""
    if len(want) != len(got) or want == got or got[0] != want[0] or len(want) < 4:
        return False
    differ = [i for i, (a, b) in enumerate(zip(want, got)) if a != b]
    if len(differ) == 1:
        a, b = want[differ[0]], got[differ[0]]
        return a.isalpha() and b.isalpha() and a not in _NOT_CONSONANTS and b not in _NOT_CONSONANTS and \
            frozenset((a, b)) not in _TRADED
    return len(differ) == 2 and differ[1] == differ[0] + 1 and want[differ[0]] == got[differ[1]] and \
        want[differ[1]] == got[differ[0]]


_NOT_CONSONANTS = "aeiouyh"


def _respelt(word: str) -> set[str]:
    """English spellings of a name that drop its letters for digraphs: Düsseldorf as Duesseldorf, and the German
    transliterations of Slavic names as the English ones (Schmyhal as Shmyhal, Tschernihiw as Chernihiw)."""
    folded = word.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    # (and Đoković as Djokovic: English writes đ as dj; a name's Spanish noun that English spells -tion: Operación
    # Calíope, Operation Calíope)
    plain = entities.fold_letters(word)
    return {folded, folded.replace("tsch", "ch").replace("sch", "sh"), entities.fold_letters(folded.replace("đ", "dj"))} | \
        ({plain[:-4] + "tion"} if plain in _SPANISH_TION_NOUNS else set())


def _tional(word: str) -> str | None:
    """The English cognate in -tional of a Spanish adjective in -cional (Nacional: national), which a name
    translated whole uses (Instituto Nacional Electoral: the National Electoral Institute), else None."""
    plain = entities.fold_letters(word).lower()
    if not plain.endswith("cional") or plain[:-6] + "cion" not in _SPANISH_TION_NOUNS:
        return None
    return plain[:-6] + "tional"


def _noun_before(source: str, start: int) -> str | None:
    """The capitalised word right before source[start:] (the noun a Spanish adjective qualifies), folded."""
    before = _WORD_BEFORE.search(source, 0, start)
    return entities.fold_letters(before.group(1)).lower() if before else None


def _kept_before(candidates: list, i: int, noun: str | None) -> bool:
    """Whether the translation's i-th capitalised word comes right after the source's noun kept as written: a
    name kept whole, whose adjective is then kept too (Atlético Nacional, not Atlético National; José Cuervo
    Tradicional)."""
    return noun is not None and i > 0 and candidates[i - 1][2] == noun and candidates[i][0] - candidates[i - 1][1] == 1


# Spanish nouns in -ción whose English is the same word in -tion, as names of operations and bodies use them (not
# Asociación, Fundación, English Association, Foundation; never a given name: Purificación, Consolación), and their
# adjectives in -cional, English -tional (Instituto Nacional Electoral: the National Electoral Institute).
_SPANISH_TION_NOUNS = frozenset(w + "cion" for w in (
    "opera", "federa", "coali", "corpora", "na", "administra", "constitu", "revolu", "educa", "organiza", "genera",
    "comunica", "investiga", "resolu", "conserva", "innova", "explora", "navega", "informa", "civiliza", "integra",
    "coordina", "coopera", "evalua", "conven", "institu", "transi", "reconcilia", "libera", "restaura", "interna",
    "tradi", "propor", "excep"))


def _slip(want: str, got: str) -> bool:
    """Whether `got` (the translation's) is `want` (the source's) with two neighbouring letters swapped (neither
    the first nor the last two: Centre and Center are two spellings), or with one consonant left out or added away
    from both ends that does not double its neighbour (Odessa and Odesa, Guernesey and Guernsey are two languages'
    names) and is no h that English adds (Spanish, French and Italian write Bagdad, Bucarest, Etiopía for Baghdad,
    Bucharest, Ethiopia; Johnson as Jonson is a slip): a slip."""
    if len(want) == len(got):
        differ = [i for i, (a, b) in enumerate(zip(want, got)) if a != b]
        return len(differ) == 2 and differ[1] == differ[0] + 1 and 0 < differ[0] and differ[1] < len(want) - 2 and \
            want[differ[0]] == got[differ[1]] and want[differ[1]] == got[differ[0]]
    if abs(len(want) - len(got)) != 1:
        return False
    longer, shorter = (want, got) if len(want) > len(got) else (got, want)
    spared = "aeiouyh" if len(got) > len(want) else "aeiouy"
    return any(longer[:k] + longer[k + 1:] == shorter and longer[k] not in spared and longer[k] not in (longer[k - 1], longer[k + 1])
               for k in range(1, len(longer) - 2))


def _near_spelling(name: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    """The capitalised word of text[start:end] that is the name misspelt: as long within a quarter, and at
    least 80% alike (difflib's ratio), so that a different name ("Greenland" for "Grenada") is not taken for it."""
    from difflib import SequenceMatcher

    if len(name) < 6:
        return None  # short names differ in a letter or two from ordinary words
    want = entities.fold_letters(name).lower()
    best, best_ratio = None, 0.8
    for m in _NAME_TOKEN.finditer(text, start, end):
        got = entities.fold_letters(m.group()).lower()
        if abs(len(got) - len(want)) > len(want) / 4 or got == want:
            continue
        ratio = SequenceMatcher(None, want, got, autojunk=False).ratio()
        if ratio >= best_ratio:
            best, best_ratio = (m.start(), m.end()), ratio
    return best


def chinese_names(ctx: BilingualContext, rule):
    """A Chinese name in pinyin in the translation that is the romanisation of no name in its source sentence but
    is close to one (Li Keqing for 李克强): misspelt, and pypinyin's reading of the source is the fix. A name whose
    surname the source sentence does not hold is left alone (a place, a foreign name, another romanisation)."""
    if ctx.lang != "zh" or not ctx.target_lang.startswith("en"):
        return
    for pair in ctx.pairs:
        if pair.block is None or pair.end <= pair.start or not pair.source:
            continue
        text = pair.block.text
        readings = None
        for start, end, surname, given in entities.pinyin_names(text, pair.start, pair.end):
            if readings is None:
                readings = entities.han_readings(pair.source)
            closest = _closest_han_name(readings, surname, given)
            if closest is None:
                continue
            written, romanised = pair.source[closest[0]:closest[1]], closest[2]
            yield pair.block, start, end, {"source": quote(pair.source), "name": written,
                                                   "romanised": romanised}, [romanised]


def _closest_han_name(readings, surname: str, given: str):
    """(start, end, romanised) of the source name the target's name misspells, or None when the source holds it
    exactly or holds nothing close: a run of 2-3 Han characters whose first reads as the surname and whose given
    name is at least 75% alike."""
    from difflib import SequenceMatcher
    from itertools import product

    best, best_ratio = None, 0.75
    for start, first in enumerate(readings):
        if surname not in first:
            continue
        for length in (1, 2):
            rest = readings[start + 1:start + 1 + length]
            if len(rest) < length or not all(rest):
                break
            for combo in product(*rest):
                candidate = "".join(combo)
                if candidate == given:
                    return None  # the source holds this very name
                ratio = SequenceMatcher(None, given, candidate, autojunk=False).ratio()
                if ratio > best_ratio:
                    best, best_ratio = (start, start + 1 + length, f"{surname.capitalize()} {candidate.capitalize()}"), ratio
    return best


def japanese_names(ctx: BilingualContext, rule):
    """A Japanese person's full name (tagged by MeCab/UniDic, romanised by cutlet) neither of whose parts is in
    the translation: dropped or mis-read beyond recognition."""
    if ctx.lang != "ja":
        return
    for pair in ctx.pairs:
        if pair.block is None or pair.end <= pair.start:
            continue
        # tag each source paragraph once (the sentences a pair groups differ from one alignment to another)
        found = ctx.cache.get(("ja_names", pair.para))
        if found is None:
            found = ctx.cache[("ja_names", pair.para)] = [
                name for src in ctx.paragraphs[pair.para].sources for name in entities.japanese_person_names(src)]
        for written, parts, surname_before in found:
            if written not in pair.source or _named(ctx, pair.para, parts):
                continue
            if _short_name(written, pair.source):
                continue  # (全国さんま棒受網漁業協同組合（全さんま）: the body's short name, no person's)
            if _part_of_a_word(written, pair.source):
                continue  # (北勝嶺 tagged 北勝 + 嶺, a sumo wrestler's ring name: Hokushorei, no Kita Masaru)
            # the reading the source gives in brackets (佐々木蒼真（ささき・そうま）: Soma, where the tagger read 蒼真 as
            # Aoi Makoto)
            readings = [r for at, m in _readings_after(written, pair.source) for r in _reading_of(at, m, pair.source)]
            if readings and _named(ctx, pair.para, tuple(map(entities.kana_romaji, readings))):
                continue
            if not readings and surname_before and _named(ctx, pair.para, (surname_before,)):
                continue  # 石黒蒼真 tagged 石黒 + 蒼真 (Aoi Makoto) and given as Soma Ishiguro: the surname is there
            s, e = span_of(ctx, pair)
            yield pair.block, s, e, {"source": quote(pair.source), "name": written, "romanised": " ".join(parts)}, []


# A name's reading in brackets, after the name or its honorific or title (佐々木蒼真（ささき・そうま）, 佐々木蒼真さん
# （ささき・そうま）, 投手（…）).
# In hiragana, as news gives a person's reading: katakana in brackets after a name is an affiliation (鈴木健吾（トヨタ）,
# （バイエルン・ミュンヘン）).
_KANA_READING = regex.compile(r"(?:さん|氏|君|くん|ちゃん|選手|投手|捕手|監督|容疑者|被告|社長|会長|代表|議員|知事|市長)?\s?[（(]"
                              r"([\p{Hiragana}ー]+)(?:[・･\s　]([\p{Hiragana}ー]+))?[）)]")


def _part_of_a_word(written: str, source: str) -> bool:
    """Whether every time the source writes the tagged name, one more kanji ends the word, and no one-kanji
    honorific (北勝嶺が, 琴乃峰は: a sumo wrestler's ring name cut short; not 佐藤花子氏, nor 甘利明税調会長, a title
    after the name, nor 沢口仁探検シリーズ)."""
    if written.startswith(_SUMO_RANKS):
        written = written[2:]  # (大関琴乃峰: the rank tagged as a surname)
    if len(written) != 2:
        return False  # (a ring name cut short is a one-kanji "surname" and a one-kanji "given name": 北勝, 琴乃)
    ats = [m.end() for m in regex.finditer(regex.escape(written), source)]
    return bool(ats) and all(_ONE_KANJI_MORE.match(source, at) and source[at] not in _NAME_SUFFIXES for at in ats)


_SUMO_RANKS = ("横綱", "大関", "関脇", "小結", "前頭", "十両")
_NAME_SUFFIXES = "氏君様殿元ら等副宅邸派訳著作家側像展館"  # (山田太郎宅, 村上春樹訳, 岸田文雄派: a person's)


_ONE_KANJI_MORE = regex.compile(r"\p{Han}(?!\p{Han})")


def _named(ctx: BilingualContext, para: int, parts) -> bool:
    """Whether a part of a romanised name begins a capitalised word of the paragraph's translation (else any word)."""
    wanted = [k for k in map(entities.name_key, parts) if k]
    return any(k in _name_keys(ctx, para, False) for k in wanted) or any(k in _name_keys(ctx, para, True) for k in wanted)


def _readings_after(written: str, source: str):
    """(where the name starts, its reading) for each bracketed reading right after `written` in `source`."""
    at = source.find(written)
    while at >= 0:
        m = _KANA_READING.match(source, at + len(written))
        if m:
            yield at, m
        at = source.find(written, at + 1)


def _reading_of(at: int, m, source: str) -> list[str]:
    """The parts of a bracketed reading that say the tagged name: all of them, or only the last where the name
    is the end of a longer one the tagger split (佐々木 + 蒼真: そうま alone; Sasaki is the surname's)."""
    parts = [r for r in m.groups() if r]
    inside_longer = at > 0 and regex.match(r"[\p{Han}々\p{Katakana}]", source[at - 1])
    return parts[-1:] if inside_longer and len(parts) > 1 else parts


def _short_name(written: str, source: str) -> bool:
    """Whether a tagged name is the short name of the words beside it, in brackets after them or they in brackets
    after it (全国さんま棒受網漁業協同組合（全さんま）, 「全さんま」, （以下「全さんま」）, （略称・全さんま）; 全さんま（全国…組合）): its characters,
    in order, are in that full name. A person's name in brackets (広報部（田中太郎）) is not in the words before it."""
    for m in _BRACKETED.finditer(source):
        inner, outer = (m.group("short"), m.group("full")) if m.group("short") else (m.group("short2"), m.group("full2"))
        if inner == written and _in_order(written, outer):
            return True
    return False


def _in_order(short: str, full: str) -> bool:
    rest = iter(full)
    return len(full) > len(short) and all(ch in rest for ch in short)


_JA_WORD = r"[\p{Han}\p{Hiragana}\p{Katakana}ー・\p{Latin}\d]"
_BRACKETED = regex.compile(rf"(?P<full>{_JA_WORD}{{2,40}})\s?[（(「](?:(?:以下|略称|通称|略)[、,・：:]?\s?|[＝=])?[「『]?"
                           rf"(?P<short>{_JA_WORD}{{2,12}})[」』]?[）)」]|"
                           rf"(?P<short2>{_JA_WORD}{{2,12}})\s?[（(](?P<full2>{_JA_WORD}{{3,40}})[）)]")


def _name_keys(ctx: BilingualContext, para: int, every: bool) -> set:
    """The consonant keys of a paragraph's capitalised Latin words (where a romanised name is), or with `every`
    of all its Latin words (computed once each, the second only if a name is not among the capitalised ones)."""
    key = ("name_keys", para, every)
    found = ctx.cache.get(key)
    if found is None:
        words = ctx.cache.get(("latin_words", para))
        if words is None:  # the paragraph's words are read once for both sets
            words = ctx.cache[("latin_words", para)] = set(_LATIN_RUN.findall(_para_target(ctx, para)))
        found = ctx.cache[key] = {entities.name_key(w) for w in words if every or w[0].isupper()}
    return found


def cyrillic_names(ctx: BilingualContext, rule):
    """A Cyrillic name of the source (not a sentence's first word) none of whose romanisations begins a word of
    the translation: dropped, or spelled beyond recognition."""
    if ctx.lang not in ("uk", "ru", "bg", "be"):
        return
    for pair in ctx.pairs:
        if pair.block is None or pair.end <= pair.start:
            continue
        target = entities.strip_accents(_window(ctx, pair)).lower()
        skeletons = {_skeleton(w) for w in _ASCII_WORD3.findall(target)}
        prefixes = {k[:n] for k in skeletons for n in (2, 3) if len(k) >= n}
        for m in entities.CYRILLIC_NAME.finditer(pair.source):
            if m.start() == 0 or not _CYRILLIC.search(m.group()) or _QUOTE_OPENING.search(pair.source, 0, m.start()):
                continue  # a sentence's first word, also inside a quotation ("«Кожна...»")
            if _INSTITUTION_ADJECTIVE.search(m.group()) and not _PLACE_ADJECTIVE.search(m.group()) and \
                    _INSTITUTION_AFTER.match(pair.source, m.end()):
                continue  # Всесвітня організація, Октябрьской железной дороги: an institution's name, translated
            word = m.group().lower()
            known = next((words for stem, words in rule.english if word.startswith(stem)), None)
            if known is not None and any(w in target for w in known):
                continue  # Москве: Moscow, Німеччини: Germany, Госдума: Duma
            forms = entities.romanisations(m.group(), ctx.lang)
            if ctx.lang == "uk" and word[-2:] in _LOCATIVE_ALTERNATION:  # Кривому Розі: Кривий Ріг, Kryvyi Rih
                forms = forms | entities.romanisations(m.group()[:-2] + _LOCATIVE_ALTERNATION[word[-2:]], ctx.lang)
            names = [_skeleton(entities.strip_accents(f).lower()) for f in forms]
            # Olafom ~ Olaf, Kyieva ~ Kyiv: one skeleton begins the other
            if any(k in prefixes or k[:2] in skeletons or k[:3] in skeletons for k in names if len(k) >= 2) or any(len(k) < 2 for k in names):
                continue
            shown = entities.romanise_uk(m.group()) if ctx.lang == "uk" else sorted(forms)[0]
            yield pair.block, pair.start, pair.end, {"source": quote(pair.source), "name": m.group(), "romanised": shown}, []


_QUOTE_OPENING = regex.compile(r"(?:[«„“\"'‘—–-]|[.!?…:])\s*\Z")  # a sentence's first word, in a quote or after a stop
# A capitalised adjective that opens an institution's name (Всесвітня організація, Національним календарем,
# Независимого топливного союза: the noun after at most two more adjectives) is translated, not romanised; not a
# region's (Харківської області), a surname (Зеленський особисто) or a place's.
_INSTITUTION_ADJECTIVE = regex.compile(r"\p{L}{3}(?:ого|его|ього|ому|ему|ьому|ой|ей|ый|ая|ое|ые|ых|ым|ыми|ую|ої|ою|ий|ій|их|им|"
                                       r"ими|ня|[вжлнрст]на|[вжлнрст]не|[вжлнрст]ні|[вжлнрст]ну)\Z")
_INSTITUTION_AFTER = regex.compile(
    r"(?:\s+\p{Ll}+(?:ої|ой|ей|ого|ому|ий|ій|ый|ая|а|ні|ных|них|ним|ным|ної))?(?:\s+[\p{Ll}-]+(?:ої|ой|ого|ий|ый|ая|а|ні|ной|ної))?\s+"
    r"(?:організаці|организаци|союз|спілк|дорог|календар|банк|суд|рад(?:а|и|і|у|ою|ой|е|ы)(?!\p{L})|комітет|комитет|служб|агентств|міністерств|"
    r"министерств|фонд|інститут|институт|університет|университет|академі|академи|парті|парти|компані|компани|бірж|бирж|"
    r"комісі|комисси|асоціаці|ассоциаци|федераці|федераци|палат|конгрес|асамбле|ассамбле|бюро|театр|музе|оркестр|"
    r"корпораці|корпораци|прокуратур|поліці|полици|гварді|гварди|управлінн|управлени|департамент|центр|завод|концерн)"
    r"(?!\p{L}*(?:ий|ій|ый|ого|ої|ому|им|ими|их|ая|ое|ые|ьно|но)(?!\p{L}))")  # (not дорогий, центральний, судно)
# A Ukrainian place's adjective (Київської міської ради, Харківського університету): the place is romanised in the
# name's translation (Kyiv City Council). Russian's -ск- is not read so: Октябрьской железной дороги is the October
# Railway, Санкт-Петербургской биржи the St. Petersburg exchange.
_PLACE_ADJECTIVE = regex.compile(r"(?:ськ|цьк|зьк)\p{L}{1,3}\Z")
# Ukrainian locatives and datives change a stem's last г, к, х into з, ц, с (Ріг: у Розі; Прага: у Празі).
_LOCATIVE_ALTERNATION = {"зі": "г", "ці": "к", "сі": "х"}


def _skeleton(word: str) -> str:
    """The first three consonants: what survives case endings and vowel alternation (Львові, Lviv → lvv)."""
    # (German spellings: Klitschko ~ Кличко, Scholz ~ Шольц, Wolodymyr ~ Volodymyr)
    word = word.lower().replace("tsch", "ch").replace("sch", "sh").replace("ck", "k").replace("w", "v").replace("x", "ks").replace("z", "ts")
    word = word.replace("h", "g")  # Russian г is Ukrainian г = h: Igor ~ Ihor, Oleg ~ Oleh
    return _NOT_CONSONANT.sub("", word)[:3]  # German and English spellings of names: Scholz ~ Шольц


def _whole_target(ctx: BilingualContext) -> str:
    """The whole translation lower-cased (computed once)."""
    found = ctx.cache.get("whole")
    if found is None:
        found = ctx.cache["whole"] = "\n".join(b.text for b in ctx.doc.blocks).lower()
    return found


def _folded_target(ctx: BilingualContext, para: int) -> tuple[str, str]:
    """A paragraph's target text lower-cased, and also without accents, spaces and hyphens (computed once)."""
    key = ("folded", para)
    found = ctx.cache.get(key)
    if found is None:
        lower = _para_target(ctx, para).lower()
        found = ctx.cache[key] = (lower, entities.fold_letters(lower).replace(" ", "").replace("-", ""))
    return found


def diacritics(ctx: BilingualContext, rule):
    """A name written with diacritics in the source and without them in the translation."""
    if not is_latin(ctx.lang) and ctx.lang not in ("vi",):
        return
    for pair in ctx.pairs:
        if pair.block is None or pair.end <= pair.start:
            continue
        accented, translated = {}, {}
        text = pair.block.text
        for start, end, w in entities.accented_words(pair.source):
            if not _accents_not_kept(ctx.lang, pair.source, start, end, w):
                accented[entities.strip_accents(w)] = w
                if _TRANSLATED_NOUN.search(w):
                    translated[entities.strip_accents(w)] = _neighbours(pair.source, start, end)
        if not accented:
            continue
        for m in entities.CAPITALISED.finditer(text, pair.start, pair.end):
            word = m.group()
            if word in accented and accented[word] != word and word not in rule.allowed and \
                    not (word.isupper() and word.title() in rule.allowed) and \
                    not (word in translated and _cognate_beside(translated[word], _neighbours(text, m.start(), m.end()))):
                # (an AP dateline: MEXICO, BOGOTA; la Unión Europea as the European Union: a noun, translated)
                yield pair.block, m.start(), m.end(), {"source": quote(pair.source), "name": accented[word],
                                                       "suggestion": accented[word]}, [accented[word]]


def _neighbours(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(side, word) of the capitalised words right before (-1) and after (1) text[start:end], one space away,
    folded."""
    return [(side, _POSSESSIVE.sub("", entities.fold_letters(m.group(1)).lower()))
            for side, m in ((-1, _WORD_BEFORE.search(text, 0, start)), (1, _WORD_AFTER.match(text, end)))
            if m is not None and m.group(1) not in _ENGLISH_ARTICLES]


_POSSESSIVE = regex.compile(r"(?:['’]s|-\p{L}+)\Z")  # (Gomez's, Martinez-led: the name itself, no cognate)


def _cognate_beside(source: list, target: list) -> bool:
    """Whether a word after a Spanish noun in -ión was translated into its English cognate before the English
    noun (Unión Europea: European Union; Europea, european): the name's words trade places as a noun and its
    adjective do, so the noun is English too. A person's other name or title keeps its side (Profesor Carrión:
    Professor Carrion; Luis Carrión: Mayor Carrion)."""
    return any(a != b and a_side != b_side and len(a) >= 5 and b.startswith(a[:5])
               for a_side, a in source for b_side, b in target)


_TRANSLATED_NOUN = regex.compile(r"\p{L}{2}ión\Z")


_WORD_BEFORE = regex.compile(r"(?<!\S)(\p{Lu}[\p{L}'’-]*)\s\Z")
_WORD_AFTER = regex.compile(r"\s(\p{Lu}[\p{L}'’-]*)(?![\p{L}])")
_ENGLISH_ARTICLES = {"The", "A", "An"}


def _accents_not_kept(lang: str, source: str, start: int, end: int, word: str) -> bool:
    """Whether an accented capitalised source word is one English writes without its accents: a common noun or an
    institution's after an article (l’Éducation nationale, La Fédération, Der Däne), a ministry's portfolio
    (Ministerio de Inclusión), or a Slavic name a Spanish source stresses (Vladímir Putin)."""
    if _ARTICLE_BEFORE.search(source, 0, start):
        return True
    if _QUOTE_OPENS.search(source, max(0, start - 3), start) and _QUOTE_CLOSES.match(source, end) and \
            (_WORK_BEFORE.search(source, max(0, start - 60), start) or _AUTHOR_AFTER.match(source, end)):
        return True  # a work's one-word title, which translations give in English (une adaptation des « Métamorphoses »
        # d'Apulée); not a name chanted or quoted alone
    if lang == "de" and _GERMAN_AER.search(word):
        return True  # Regulär, Populär, Millionär, Funktionär: a German adjective or noun of Latin or French -aris and
        # -aire (regular, popular), never a person's name
    institution = _INSTITUTION_NOUN.match(word) is not None
    if (lang == "de" or institution) and _OPENING_ARTICLE.search(source, 0, start):
        return True
    if institution and _NAME_OF_BEFORE.search(source, 0, start):
        return True
    return lang == "es" and _transliterated(source, start, end, word)


_GERMAN_AER = regex.compile(r"\p{L}{4}är\Z")
_QUOTE_OPENS = regex.compile(r"[«“„\"»‹‘]\s*\Z")
_QUOTE_CLOSES = regex.compile(r"\s*[»”“\"«›’]")
# A work's noun before its title, or its author after it (« Métamorphoses » d'Apulée, »Metamorphosen« von Ovid).
_WORK_BEFORE = regex.compile(r"(?i:\b(?:adaptation|roman|pièce|opéra|film|livre|album|chanson|série|spectacle|exposition|tableau|"
                             r"poème|œuvre|titre|intitulée?|Buch|Romans?|Films?|Stück|Oper|Albums?|Lied|Ausstellung|Gedicht|"
                             r"novela|obra|película|libro|canción|serie|exposición|cuadro|poema|titulad[oa]|adaptación)s?\b)")
_AUTHOR_AFTER = regex.compile(r"\s*[»”“\"«›’]\s*(?:d['’]|de\s|du\s|von\s|del?\s)\p{Lu}")
# An article right before a capitalised word makes it an institution or a common noun (l’Éducation nationale,
# el Atlético, der Österreichische Rundfunk), not a person's name, whose diacritics matter.
# (Lower-case articles only, and not after a capitalised word: Fernando de la Rúa, Jean Le Fèvre are people.)
# (l' after an institution's de is no particle of a person's name: the Orchestre de l'Opéra, le ministre de
# l'Éducation; Guillaume de l'Hôpital and the marquis de l'Hôpital are people)
_ARTICLE_BEFORE = regex.compile(r"(?:(?<!\p{Lu}\p{L}*\s(?:(?:de|del|von|van)\s)?)\b(?:(?<!\b(?:marquis|marquise|duc|duchesse|comte|comtesse|baron|baronne|vicomte|chevalier|sieur|abbé|prince|princesse)\sde\s)l['’]|les?|la|el|los|las|der|die|das|dem|"
                                r"den|des|une?|una|al|del|aux?|du)|(?<=\b(?:Orchestre|Musée|Théâtre|Institut|Palais|Maison|Centre|"
                                r"Conservatoire|Académie|École|Ecole|Université|Hôtel|Office|Agence|Observatoire|Ministère|"
                                r"Chœur|Ballet|Opéra)\sde\s)l['’])\s*\Z")
# A capitalised article where a sentence or quotation opens (not after an initial: J.M.G. Le Clézio), before a
# noun an institution's name opens with (La Fédération française, La Universidad) or any German noun (Der Däne,
# "the Dane"): the name a surname's particle opens (Le Clézio, La Bruyère) keeps its accents.
_OPENING_ARTICLE = regex.compile(r"(?:\A|(?<=(?<!\b\p{Lu})[.!?…]\s+)|(?<=[:«„“\"(]\s*))(?:L['’]|Les?|La|El|Los|Las|Der|Die|Das)\s*\Z")
# A government portfolio's name after its ministry (Ministerio de Inclusión, Consejería de Educación): a common
# noun, translated; not a person or a place after any other word (Gobierno de García Page, Universidad de
# Concepción, Junta de Andalucía).
_NAME_OF_BEFORE = regex.compile(r"\b(?:Ministerio|Secretaría|Consejería|Conselleria|Departamento|Ministère|Ministerium|"
                                r"Ministero|Minist[eé]rio)\s(?:de|del|de la|des|du|de l['’]|di|für|der)\s\Z")
# A Slavic name's shape, as Spanish transliterates it with its own stress marks (Vladímir Putin, Serguéi Lavrov,
# Antón Chéjov, Liubov Andréyevna Ranévskaya), which English does not write: by the name's own ending, or by its
# neighbour's (never Spanish endings such as Eva, Molina, Casanova, Martin).
_SLAVIC_NAME = regex.compile(r"(?:ov|(?<!rd)ova|ev|eva|yeva|ina|sky|ski|skaya|skaia|enko|chuk|vich|vna|yev|iy|ij|ei|ai|imir|slav)\Z")  # (not Córdova)
_SLAVIC_NEIGHBOUR = regex.compile(r"(?:ov|ev|sky|ski|skaya|skaia|enko|chuk|vich|vna|yev)\Z")


def _transliterated(source: str, start: int, end: int, word: str) -> bool:
    """Whether a Spanish source's accented name is a Slavic one its transliteration stresses: by its own shape
    (an accent on a name ending -ova or -ina is a transliteration's: Sharápova, Rybákina; Spanish writes Molina
    and Casanova without one), or by a neighbour's, whose own accent counts the same way (María Sharápova) and
    whose plain ending only when no Spanish name ends so (not Eva, Molina, Casanova, Martin)."""
    if _SLAVIC_NAME.search(entities.strip_accents(word).lower()):
        return True
    for m in (_NAME_BEFORE.search(source, 0, start), _NAME_AFTER.match(source, end)):
        if m is not None:
            other = m.group("name")
            plain = entities.strip_accents(other)
            if (_SLAVIC_NAME if plain != other else _SLAVIC_NEIGHBOUR).search(plain.lower()):
                return True
    return False


_NAME_BEFORE = regex.compile(r"(?<![\p{L}])(?P<name>\p{Lu}\p{L}+)\s\Z")
_NAME_AFTER = regex.compile(r"\s(?P<name>\p{Lu}\p{L}+)(?!\p{L})")
_INSTITUTION_NOUN = regex.compile(r"\p{L}+(?:ation|ition|ution|ión|ité|idad|ée|ique|ía|ät|ère)\Z")  # (La Unión de ...)


# What every match of each kind's pattern contains (entities.URL, EMAIL ...): a text without it holds none.
_MAY_HOLD = {"url": lambda t: "://" in t or "www." in t.lower(), "email": lambda t: "@" in t, "handle": lambda t: "@" in t,
             "hashtag": lambda t: "#" in t, "placeholder": lambda t: "{" in t or "%" in t or "$" in t,
             "tag": lambda t: "<" in t}
_ENTITY_KINDS = {"url": entities.URL, "email": entities.EMAIL, "handle": entities.HANDLE, "hashtag": entities.HASHTAG,
                 "placeholder": entities.PLACEHOLDER, "tag": entities.TAG}


def carried(ctx: BilingualContext, rule):
    """Links, e-mail addresses, @handles, hashtags, placeholders and tags must survive translation unchanged."""
    if ctx.inline_tags is not None and "tag" in rule.entity_kinds:  # XLIFF inline elements, segment by segment
        for para, (src_tags, tgt_tags) in zip(ctx.paragraphs, ctx.inline_tags):
            lost = [t for t in src_tags if t not in tgt_tags]
            if lost and para.blocks:
                blk = para.blocks[0]
                yield blk, 0, len(blk.text), {"source": quote(" ".join(para.sources)), "item": "<" + lost[0].replace("#", " id=") + ">",
                                              "what": "inline tag"}, []
    for pair in ctx.pairs:
        if pair.block is None or pair.end <= pair.start:
            continue
        norm_source = numbers.normalise(pair.source)
        window = None
        for kind in rule.entity_kinds:
            if not _MAY_HOLD[kind](norm_source):
                continue  # the character every such item has is not there: no pattern search
            for _, _, item in entities.find(_ENTITY_KINDS[kind], norm_source):
                if window is None:
                    window = _window(ctx, pair)
                if item in window or (kind == "url" and item.rstrip("/") in window):
                    continue
                if kind == "hashtag" and _romanised_hashtag(item, window, ctx.lang):
                    continue  # #ЗоринНаш as #ZorinNash: a Cyrillic hashtag given in the Latin alphabet
                start, end = pair.start, pair.end
                text = pair.block.text[pair.start:pair.end]
                # a changed one (a link cut short, a handle respelt): point at it
                for m in _ENTITY_KINDS[kind].finditer(text):
                    if m.group()[:6] == item[:6]:
                        start, end = pair.start + m.start(), pair.start + m.end()
                        break
                yield pair.block, start, end, {"source": quote(pair.source), "item": item, "what": kind}, []


def _romanised_hashtag(item: str, window: str, lang: str) -> bool:
    """Whether a Cyrillic hashtag of the source is in the window romanised (by any of the language's schemes, any case)."""
    if not regex.search(r"\p{Cyrillic}", item):
        return False
    return any(regex.search(rf"(?<![\p{{L}}\p{{N}}_])#{regex.escape(form)}(?![\p{{L}}\p{{N}}_])", window, regex.IGNORECASE)
               for form in entities.romanisations(item[1:], lang))  # (the whole hashtag: not #Moskva in #MoskvaSila)


# -- structure --------------------------------------------------------------------------
def omission(ctx: BilingualContext, rule):
    """A source sentence with no translation, or one translated far shorter than its length predicts."""
    ratio = ctx.ratio
    for pair in ctx.pairs:
        if pair.block is None:
            continue
        if pair.tgt_count == 0:
            if len(pair.source) * ratio < rule.min_chars or not (_lost_anchors(ctx, pair) or _lost_length(ctx, pair)):
                continue
            s, e = span_of(ctx, pair)
            yield pair.block, s, e, {"source": quote(pair.source), "problem": "missing"}, []
            continue
        expected = len(pair.source) * ratio
        actual = pair.end - pair.start
        # several source sentences the aligner gave one target sentence: at half their length, one was dropped
        # (a translator who joins two sentences keeps most of both)
        limit = max(rule.max_ratio, rule.max_group_ratio) if pair.src_count > 1 else rule.max_ratio
        if expected >= rule.min_chars and actual < expected * limit:
            yield pair.block, pair.start, pair.end, {"source": quote(pair.source), "problem": "short",
                                                   "percent": f"{100 * actual / expected:.0f}"}, []


def _lost_length(ctx: BilingualContext, pair: Pair) -> bool:
    """Whether the target paragraph falls short of its expected length by most of the unpaired sentence: it was
    dropped (a sentence merged into its neighbours would have made them longer instead)."""
    para = ctx.paragraphs[pair.para]
    expected = sum(_translated_length(s) for s in para.sources) * ctx.ratio
    actual = sum(len(b.text) for b in para.blocks)
    return expected - actual >= 0.6 * _translated_length(pair.source) * ctx.ratio


def _translated_length(source: str) -> int:
    """A source's length without the Latin-script names it gives in brackets after their transliteration
    (奥勒·马丁·斯特兰德（Ole Martin Strand）): a translation writes such a name once."""
    if "(" not in source and "（" not in source:
        return len(source)
    return len(source) - sum(len(m.group()) for m in _BRACKETED_LATIN.finditer(source))


# (after a transliterated name: parts joined by a middle dot, 奥勒·马丁·斯特兰德, or katakana; not a body's translated
# name, 世界卫生组织（World Health Organization）, which the translation gives in full)
_BRACKETED_LATIN = regex.compile(r"(?<=[·・]\p{Han}{1,8}|\p{Katakana}ー?)[（(][\p{Latin}\s.'’&-]+[）)]")


def _lost_anchors(ctx: BilingualContext, pair: Pair) -> bool:
    """Whether the source sentence has anchors (numbers, Latin names) and the target paragraph has none of them:
    evidence that a sentence the aligner left alone was dropped, not merged into its neighbours."""
    values = [n.values for n in numbers.extract(pair.source, ctx.lang) if max(n.values) >= 2]
    if is_latin(ctx.lang):  # names: capitalised words after the first
        words = [m.group().lower() for m in entities.CAPITALISED.finditer(pair.source) if m.start() > 0]
    else:
        words = [w.lower() for _, _, w in entities.latin_words(pair.source)]
    if not values and not words:
        return False
    target = _para_target(ctx, pair.para)
    target_values = set().union(*(n.values for n in numbers.extract(target, ctx.target_lang, lenient=True))) if target else set()
    lower = target.lower()
    return not any(v & target_values for v in values) and not any(w in lower for w in words)


def paragraphs(ctx: BilingualContext, rule):
    """A source paragraph with no target paragraph, or a target paragraph with no source."""
    if ctx.segmented:
        for para in ctx.paragraphs:
            for blk in para.blocks:
                if not "".join(para.sources).strip() and blk.text.strip():
                    yield blk, 0, len(blk.text), {"source": "", "problem": "extra"}, []
        return
    previous = None
    for para in ctx.paragraphs:
        if not para.blocks and para.sources and previous is not None:
            yield previous, 0, len(previous.text), {"source": quote(" ".join(para.sources)), "problem": "missing"}, []
        if para.blocks:
            previous = para.blocks[-1]


_SCRIPTS = {"zh": r"\p{Han}", "ja": r"[\p{Han}\p{Hiragana}\p{Katakana}]", "ko": r"[\p{Hangul}\p{Han}]",
            "ru": r"\p{Cyrillic}", "uk": r"\p{Cyrillic}", "bg": r"\p{Cyrillic}", "sr": r"\p{Cyrillic}",
            "ar": r"\p{Arabic}", "he": r"\p{Hebrew}", "el": r"\p{Greek}", "th": r"\p{Thai}", "hi": r"\p{Devanagari}"}


def untranslated(ctx: BilingualContext, rule):
    """A target sentence identical to its source, or source-language script left in the translation."""
    script = _SCRIPTS.get(ctx.lang)
    run = _script_run(script) if script else None
    target_base = ctx.target_lang.split("-")[0]
    for pair in ctx.pairs:
        if pair.block is None or pair.end <= pair.start:
            continue
        text = pair.block.text[pair.start:pair.end]
        if ctx.lang != target_base and _same(text, pair.source) and len(_LETTER_RUN.findall(text)) >= rule.min_words \
                and not _names_and_figures(text, _translated_text(ctx)):
            yield pair.block, pair.start, pair.end, {"source": quote(pair.source), "problem": "identical"}, []
            continue
        if run is None and ctx.lang != target_base and _in_source_language(ctx, text, rule):
            yield pair.block, pair.start, pair.end, {"source": quote(pair.source), "problem": "still in the source language"}, []
            continue
        if run is not None and _has_script(ctx, pair.block, run):
            # runs with nothing Latin between them (a sentence left in the source's script, broken by its figures)
            # are one finding; a run counts from min_chars
            groups: list[list[int]] = []
            # a hashtag (#西湖星光音乐节#) is a name people search for, kept as written: only its own span is left out
            searched = _HASHTAG.sub(lambda h: " " * len(h.group()), text) if "#" in text or "＃" in text else text
            if "." in searched or "@" in searched:  # an address in the source's script (екатеринбург.рф) is kept as written
                searched = _ADDRESS.sub(lambda a: " " * len(a.group()), searched)
            if ctx.lang == "zh" and "@" in searched:  # and a Weibo handle the source gives as it is (@成都大熊猫繁育研究基地)
                searched = _SCRIPT_HANDLE.sub(lambda h: " " * len(h.group()) if _handle_in(h.group(), pair.source) else h.group(),
                                              searched)
            for m in run.finditer(searched):
                if groups and not _LATIN_RUN.search(text, groups[-1][1], m.start()):
                    groups[-1][1:] = [m.end(), max(groups[-1][2], len(m.group()))]
                else:
                    groups.append([m.start(), m.end(), len(m.group())])
            for start, end, longest in groups:
                if longest >= rule.min_chars:
                    yield pair.block, pair.start + start, pair.start + end, {"source": quote(pair.source), "problem": "script"}, []


# A hashtag kept in the source's script: Weibo's closed #话题# (which may hold any character), or an open one of
# letters, digits and _ (ended by the first punctuation: CJK text has no space to end it). entities.HASHTAG is
# the Latin-script tag that must survive translation as it is, and has neither form.
_HASHTAG = regex.compile(r"[#＃][^\s#＃]{1,40}[#＃]|[#＃][\p{L}\p{N}_]+")
_SCRIPT_HANDLE = regex.compile(r"(?<![\p{L}\p{N}._-])@[\p{L}\p{N}_-]{1,30}")
_HAN = regex.compile(r"\p{Han}")


def _handle_in(handle: str, source: str) -> bool:
    """Whether the source gives the handle, @ and all, ended as the translation ends it (a space, punctuation;
    Chinese writes it right after a word: 官方微博@成都大熊猫繁育研究基地 查看)."""
    if len(handle) - 1 + len(_HAN.findall(handle)) > 30:
        return False  # (Weibo's names are 30 bytes at most, a Han character two: the rest is text run on)
    return regex.search(rf"{regex.escape(handle)}(?![\p{{L}}\p{{N}}_-])", source.replace("＠", "@")) is not None
# A web or e-mail address, which may be written in the source's script (an internationalised domain: екатеринбург.рф,
# Екатеринбург.РФ, мэр.москва, 例子.中国, お名前.com): a CJK label is short and starts where the CJK text does (so
# the clause before an address with no space, 官方网站www.bj.gov.cn, is no part of it).
_ADDRESS = regex.compile(
    r"(?:https?://)?(?:[\p{Latin}\p{Cyrillic}\p{N}._%+-]+@)?(?:(?:[\p{Latin}\p{Cyrillic}\p{N}-]+\.)+(?:(?i:рф|укр|рус|бел|срб|мкд|қаз|"
    r"онлайн|сайт|дети|орг|ком|[a-z]{2,6})|москва)|(?<![\p{Han}\p{Hiragana}\p{Katakana}])(?:[\p{Han}\p{Hiragana}\p{Katakana}\p{N}-]{1,12}\.)+"
    r"(?:中国|中國|公司|网络|[a-z]{2,6}))(?![\p{L}\p{N}])(?:/[\p{Latin}\p{Cyrillic}\p{N}/_.%?=&#~+-]*)?")


def _has_script(ctx: BilingualContext, block, run) -> bool:
    """Whether a target block holds a run of the source's script (`run`: _script_run's pattern; searched once
    per block)."""
    key = ("script", id(block))
    found = ctx.cache.get(key)
    if found is None:
        found = ctx.cache[key] = run.search(block.text) is not None
    return found


_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]*")


def _names_and_figures(text: str, translated: str) -> bool:
    """Whether a sentence is names and figures alone, as a results list's "Nguyễn Thành Đạt (Vietnam) 5", which
    every language writes alike: figures, and capitalised words that stand in a full name, in brackets, or before a
    figure as a name a translated sentence gives too (Real Madrid 2, Barcelona 1: a score line), or in short
    capitals (PSG, FC); no lower-case word. Not a headline in capitals, nor capitalised nouns and labels that the
    English says otherwise everywhere else ("Wetter: Sonne, 25 Grad"; "Spiele 30, Siege 20")."""
    if _LOWER_WORD.search(text) or not any(ch.isdigit() for ch in text):
        return False
    bare = _BRACKETED_WORDS.sub(" ", text)  # (a country in brackets after a name)
    runs = list(_CAPITALISED_RUN.finditer(bare))

    def named(m) -> bool:
        words = m.group().split()
        if any(w.isupper() and len(w) > 3 for w in words):
            return False  # (a headline in capitals)
        if len(words) >= 2 or (words[0].isupper() and len(words[0]) <= 3):
            return True
        return bool(_FIGURE_NEXT.match(bare, m.end())) and \
            regex.search(rf"(?<![\p{{L}}\p{{M}}]){regex.escape(words[0])}(?![\p{{L}}\p{{M}}])", translated) is not None

    return bool(runs) and all(named(m) for m in runs)


def _translated_text(ctx: BilingualContext) -> str:
    """The translation's sentences that differ from their source, joined once per check (where a name of an
    identical line must stand too: two untranslated lines do not vouch for each other)."""
    text = ctx.cache.get("translated_text")
    if text is None:
        text = ctx.cache["translated_text"] = "\n".join(
            p.block.text[p.start:p.end] for p in ctx.pairs
            if p.block is not None and p.end > p.start and not _same(p.block.text[p.start:p.end], p.source))
    return text


_BRACKETED_WORDS = regex.compile(r"\([^()]*\)")
_FIGURE_NEXT = regex.compile(r"\s?\d")
_CAPITALISED_RUN = regex.compile(r"\p{Lu}[\p{L}\p{M}'’-]*(?:\s\p{Lu}[\p{L}\p{M}'’-]*)*")
_ENGLISH_WORDS = regex.compile(r"\b(?:the|and|of|to|is|are|was|were|in|for|that|with|has|have|it|on|by|this|from|at|as|an|its|his|"
                            r"her|their|will|after|into|over|says|said|not|but|which|be|been|wins|won)\b", regex.IGNORECASE)
# ... the ones the source language writes too, which say nothing (sagte die 58-Jährige in einer Telefonkonferenz;
# l'an prochain; on dit)
_SHARED_WORDS = {"de": frozenset({"in", "was", "an", "will", "her", "not"}), "fr": frozenset({"on", "as", "but", "an"}),
                 "es": frozenset({"as"}), "pt": frozenset({"as"}), "it": frozenset({"in"}),
                 "nl": frozenset({"in", "is", "was", "an", "over", "won"}), "da": frozenset({"at", "her", "over"}),
                 "no": frozenset({"at", "her", "over"}), "sv": frozenset({"at", "her", "over"})}


def _in_source_language(ctx: BilingualContext, text: str, rule) -> bool:
    """A target sentence of enough words, with no English function word, that the offline identifier reads as
    the source language (a Latin-script source: a script check cannot see it)."""
    if not ctx.target_lang.startswith("en") or not is_latin(ctx.lang):
        return False
    shared = _SHARED_WORDS.get(ctx.lang, frozenset())  # (words both write say nothing: the identifier decides)
    if len(text.split()) < max(rule.min_words, 5) or any(m.group().lower() not in shared for m in _ENGLISH_WORDS.finditer(text)):
        return False
    if len(_LOWER_WORD.findall(text)) < max(rule.min_words, 4):
        return False  # mostly names ("José Eduardo dos Santos spoke."): no sentence of the source language
    from ..kinds.language import identifier

    # (read without its names, which would speak for the source: "Olympique de Marseille drew twice on tour")
    # (German capitalises its nouns: read whole; and whole where too little would be left)
    unnamed = text if ctx.lang == "de" else _NAME_WORD.sub(" ", text)
    lang, prob = identifier((ctx.lang, "en")).classify(unnamed if len(unnamed.split()) >= 4 else text)
    return lang == ctx.lang and prob >= 0.95


_NAME_WORD = regex.compile(r"(?<=\S\s+)\p{Lu}[\p{L}'’-]*")  # a capitalised word, but the text's first


def _left_untranslated(ctx: BilingualContext, pair: Pair) -> bool:
    """Whether a target sentence is its source left as it was: the same text, or mostly the source's script."""
    text = pair.block.text[pair.start:pair.end]
    if _same(text, pair.source):
        return True
    script = _SCRIPTS.get(ctx.lang)
    if script is None or script == _SCRIPTS.get(ctx.target_lang.split("-")[0]):  # (ru → uk share a script)
        return False
    letters = len(_LETTER.findall(text))
    return letters > 0 and len(_compiled(script).findall(text)) * 2 > letters


def _same(a: str, b: str) -> bool:
    """Equal but for case and white space (the first characters tell most pairs apart without normalising)."""
    a0, b0 = a.lstrip()[:1], b.lstrip()[:1]
    if a0 != b0 and a0.casefold()[:1] != b0.casefold()[:1]:  # casefold is per character: ß → ss, like the whole
        return False
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


_QUOTES = regex.compile(r"[«„“”\"「『]([^«»„“”\"「」『』]{12,}?)[»“”\"」』]")
_TARGET_QUOTE = regex.compile(r"[\"“”‘’«»]|(?<!\w)'|'(?!\w)")


def quotations(ctx: BilingualContext, rule):
    """A quotation in the source whose translation carries no quotation marks at all.

    Not for Chinese and Japanese sources: 「」 marks names, titles and emphasis as
    often as speech, and translators turn quoted speech into reported speech.
    """
    if ctx.lang in ("zh", "ja", "ko"):
        return
    for pair in ctx.pairs:
        if pair.block is None or pair.end <= pair.start:
            continue
        if not any(len(m.group(1).split()) >= rule.min_words for m in _QUOTES.finditer(pair.source)):
            continue
        if _TARGET_QUOTE.search(_window(ctx, pair, 1)):
            continue
        yield pair.block, pair.start, pair.end, {"source": quote(pair.source)}, []


_NEGATION = {
    "en": r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without|cannot)\b|n['’]t\b",
    "de": r"\b(?:nicht|kein\w*|nie|niemals|nichts|niemand|ohne|weder)\b",
    "fr": r"\b(?:ne|n'|pas|jamais|aucun\w*|sans|personne|rien|ni)\b",
    "es": r"\b(?:no(?! obstante| s[oó]lo| es firme)|nunca|jamás|ningun\w*|sin(?! embargo)|nadie|nada|ni)\b",  # (sin embargo: "however")
    # (не менее "at least", не более "up to", не только "not only", не может не "can only": no negated meaning)
    "ru": r"(?<!\w)(?:(?<!может\s)не(?!\s+(?:менее|более|только|раз|может\s+не)(?!\w))|нет|ни|никогда|никто|ничего|без)(?!\w)",
    "uk": r"(?<!\w)(?:(?<!може\s)не(?!\s+(?:менше|більше|лише|тільки|раз|може\s+не)(?!\w))|ні|немає|нема|ніколи|ніхто|нічого|без)(?!\w)",
}


def negation(ctx: BilingualContext, rule):
    """A negation in the source sentence and none in its translation (a meaning reversed?)."""
    pattern = _NEGATION.get(ctx.lang)
    if not pattern:
        return
    src_neg = _compiled(pattern)
    tgt_neg = _compiled(_NEGATION["en"] + r"|\b(?:un|in|im|dis|non)\w+|\b(?:lack\w*|fail\w*|refus\w*|den(?:y|ied|ies)|absen\w*|free|less|reject\w*|prevent\w*|avoid\w*|taboo|rul\w* out)\b|\w+less\b",
                            )
    for pair in ctx.pairs:
        if pair.block is None or pair.end <= pair.start or pair.src_count != 1 or pair.tgt_count != 1:
            continue
        if src_neg.search(pair.source) and not tgt_neg.search(pair.block.text[pair.start:pair.end]):
            yield pair.block, pair.start, pair.end, {"source": quote(pair.source)}, []


CHECKS = {
    "terminology": terminology, "glossary": glossary, "glossary_missing": glossary_missing, "numbers": number_checks, "number_format": number_format, "names": names,
    "diacritics": diacritics, "cyrillic_names": cyrillic_names, "chinese_names": chinese_names, "japanese_names": japanese_names, "entities": carried, "omission": omission, "paragraphs": paragraphs,
    "untranslated": untranslated, "quotations": quotations, "negation": negation,
}
assert tuple(CHECKS) == CHECK_NAMES, "lint.bilingual.CHECK_NAMES must name every check, in order"
