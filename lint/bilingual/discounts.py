"""Chinese discounts: a price in tenths of itself (8折 is 80% of the price, "20% off").

A translation says a discount one of two ways round: what is taken off ("20% off", "a 20% discount", "a fifth
off") or what is paid ("80% of the fare"). Machine translation often turns it over ("80% off", the opposite
price), which a comparison of bare figures cannot see: the 8 of 8折 may be matched by any 8 of the paragraph
("eight stores", "Aug. 1"). So the Numbers check asks here how each discount was said: the way round it is
meant, or turned over.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import NamedTuple

import regex

# 8折, 8.5折, 85折 (8.5折), 3-5折, 3折至5折; not 折叠 "folding" (but 8折叠加优惠券: stacked), 折合 "equal to" (but 打8折合计
# "in all"), 折算 "converted", 折旧 "depreciation", 折返, 折射, 折痕, 折线, 折腾, 折戟, 折屏 (三折屏, a phone folding in three)
_NOT_A_DISCOUNT = r"(?![叠疊](?!加)|合(?!计|計)|[算旧舊返射痕线線腾騰戟扣屏])"
_DIGITS = regex.compile(r"(?<![\d.])(?:(\d(?:\.\d)?)折?\s?[-~～至到]\s?)?(\d{1,2}(?:\.\d)?)折" + _NOT_A_DISCOUNT)
_HAN = "一二三四五六七八九"
# In characters (九折, 八五折 8.5, 五六折 "50 to 60%"), only where the words say a discount is meant: after 打 (打了, 打个),
# 享 (享受, 可享), 低至, 最低, 全场, 一律, 统一, 给予, 实行, 按, 以 (以八折的价格; not 可以: 可以三折 "can fold in three"), or
# before 优惠, 起, 销售, 出售, 购买, 购票, 票价, 价, 左右, 促销. 一波三折 "setbacks", 七折八扣 "deductions", 三折屏 "tri-fold"
# are none.
HAN_DISCOUNT = regex.compile(
    r"(?:(?<=打|打了|打个|打個|享|享受|可享|可享受|低至|最低|全场|全場|一律|统一|統一|给予|給予|实行|實行|按|(?<!可)以)|"
    rf"(?=[{_HAN}]{{1,2}}折(?:优惠|優惠|起|销售|銷售|出售|购买|購買|购票|購票|票价|票價|价|價|左右|促销|促銷)))"
    rf"([{_HAN}])([{_HAN}])?折" + _NOT_A_DISCOUNT)
_PERCENT = r"(?:\s?%|[\s-]percent|\sper\scent)"
_OFF_WORDS = r"(?:off|cheaper)"
_OFF_NOUNS = r"(?:discounts?|reductions?|cuts?|savings?|markdowns?)"
_OFF_VERBS = (r"(?:discount(?:ed|s)?|cut|reduced|lowered|slashed|marked\sdown|save[sd]?|saving|discounts?|reductions?|"
              r"cuts?|savings?)")
_PAID_NOUNS = r"(?:price|fare|cost|rate|value|ticket\sprice|list\sprice)"
_PAID_WORDS = r"(?:full\s|normal\s|regular\s|usual\s|original\s|standard\s|retail\s)"
_SHARE_WORDS_OFF = {50.0: r"half[- ](?:price|off)|half\sthe\s(?:price|fare|cost)", 80.0: r"a\sfifth\soff",
                    90.0: r"a\stenth\soff", 75.0: r"a\squarter\soff"}


class Discount(NamedTuple):
    """A discount of a source: where it stands, as written, and the share of the price paid (one, or a range's two)."""

    start: int
    end: int
    text: str
    pays: tuple[float, ...]

    def covers(self, number) -> bool:
        """Whether a number read from the source is this discount's figure (or one end of its range)."""
        return self.start <= number.start < self.end


def han_figures(text: str):
    """(start, end, text, value) of the figures of discounts written in characters: 九折 9, 八五折 8.5, and the two
    ends of 五六折 (5 and 6: "50 to 60% of the price")."""
    for m in HAN_DISCOUNT.finditer(text):
        first = _HAN.index(m.group(1)) + 1
        if not m.group(2):
            yield m.start(1), m.end(1), m.group(1), float(first)
            continue
        second = _HAN.index(m.group(2)) + 1
        if second == first + 1:  # 五六折, 七八折: a range
            yield m.start(1), m.end(1), m.group(1), float(first)
            yield m.start(2), m.end(2), m.group(2), float(second)
        else:
            yield m.start(1), m.end(2), m.group(1) + m.group(2), first + second / 10


def in_source(source: str) -> list[Discount]:
    """The discounts of a (normalised) Chinese source sentence."""
    found = []
    for m in _DIGITS.finditer(source):
        values = [float(v) for v in m.groups() if v]
        pays = tuple(v * 10 if v <= 10 else v for v in values)  # (85折 is 8.5折; 10折 the full price)
        found.append(Discount(m.start(), m.end(), m.group(), pays))
    for m in HAN_DISCOUNT.finditer(source):
        first = _HAN.index(m.group(1)) + 1
        second = _HAN.index(m.group(2)) + 1 if m.group(2) else None
        pays = (first * 10.0,) if second is None else (first * 10.0, second * 10.0) if second == first + 1 else \
            (first * 10.0 + second,)
        found.append(Discount(m.start(), m.end(), m.group(), pays))
    return [d for d in found if all(10 <= pay < 100 for pay in d.pays)]


class Reading(NamedTuple):
    """How a translation gives one discount: the way round it is meant (`said`), or turned over (`wrong`, the
    phrase that gives its opposite), or neither."""

    discount: Discount
    said: bool
    wrong: regex.Match | None


def read(found: list[Discount], source_values, target_values, text: str, start: int = 0,
         end: int | None = None) -> list[Reading]:
    """How `text[start:end]` (the translation) gives each discount of a (normalised) source sentence.

    8折 is said as "20% off", "a 20% fare discount", "discounted by 20%", "80% of the original price", "a fifth off";
    3-5折 as "50% to 70% off" or "50% to 70% of the price"; it is turned over as "80% off" or "an 80% discount"
    (3-5折 as "30% to 50% off"). Every discount first takes a phrase that says it the right way round (one that is
    no other discount's opposite first: "80% of the list price" for 8折 beside 2折's "20% off"), then those left
    take a phrase that turns them over; no phrase serves two discounts (打8折 twice, once given as "80% off", is one
    error, at its own phrase), except where the translation merges equal discounts ("both get 20% off") and gives
    no other discount. A phrase's figure may also be one of the source's other percentages (`source_values`: 增长20%
    beside 8折): the translation's numbers of that value (`target_values`) serve those first, and only the rest can
    be a discount's."""
    end = len(text) if end is None else end
    spare = Counter(target_values)
    spare.subtract(Counter(source_values))
    others = set(source_values)
    used: set[tuple[int, int]] = set()
    singles = [d for d in found if len(d.pays) == 1]

    @lru_cache(maxsize=None)
    def phrases(pattern) -> tuple:
        return tuple(pattern.finditer(text, start, end))

    def usable(m, figure: float | None) -> bool:
        """Whether the phrase is free, and its figure is not needed for a number of the source's own."""
        return m.span() not in used and (figure is None or figure not in others or spare[figure] > 0)

    def take(m, figure: float | None):
        used.add(m.span())
        if figure is not None and figure in others:
            spare[figure] -= 1
        return m

    opposite_of: dict[tuple[int, int], set[float]] = {}  # a phrase's span: the discounts (pays) it turns over
    for pay in {d.pays[0] for d in singles}:
        for m in phrases(_as_taken_off(pay)):
            opposite_of.setdefault(m.span(), set()).add(pay)
    right: dict[Discount, regex.Match] = {}
    for d in singles:
        pay = d.pays[0]
        candidates = [(m, 100 - pay) for m in phrases(_as_taken_off(100 - pay, loose=True))]
        candidates += [(m, pay) for m in phrases(_as_paid(pay))]
        if pay in _SHARE_WORDS_OFF:
            candidates += [(m, None) for m in phrases(_share_off(pay))]
        free = [(m, figure) for m, figure in candidates if usable(m, figure)]
        if free:
            m, figure = min(free, key=lambda p: (bool(opposite_of.get(p[0].span(), set()) - {pay}), p[0].start()))
            right[d] = take(m, figure)
    wrong: dict[Discount, regex.Match] = {}
    for d in singles:
        pay = d.pays[0]
        if d in right or pay == 50:  # (5折 is "50% off" either way round)
            continue
        m = next((m for m in phrases(_as_taken_off(pay)) if usable(m, pay)), None)
        if m is not None:
            wrong[d] = take(m, pay)
    merged = _MERGED.search(text, start, end) is not None and \
        not any(m.span() not in used for m in _ANY_DISCOUNT.finditer(text, start, end))
    readings = []
    for d in found:
        if len(d.pays) == 2:
            said = _range(tuple(100 - pay for pay in d.pays), "off").search(text, start, end) is not None or \
                _range(d.pays, "paid").search(text, start, end) is not None
            symmetric = {100 - pay for pay in d.pays} == set(d.pays)  # (4-6折 is 40% to 60% off either way round)
            turned = None if said or symmetric else _range(d.pays, "off").search(text, start, end)
            readings.append(Reading(d, said, turned))
            continue
        shared = merged and d not in wrong and any(o.pays == d.pays and o in right for o in singles)
        readings.append(Reading(d, d in right or shared, wrong.get(d)))
    return readings


# Words that give two equal discounts once ("students and seniors both get 20% off")
_MERGED = regex.compile(r"\b(?:both|all|each|alike|too|also|as\swell|either|equally|the\ssame)\b", regex.IGNORECASE)


@lru_cache(maxsize=64)
def _range(shares: tuple[float, float], way: str):
    """A range of `shares` per cent, either end first, taken off ("50% to 70% off", "50-70% discounts", "discounts
    of 50% to 70%") or, `way` "paid", paid ("30% to 50% of the original price")."""
    a, b = (_said(share) for share in shares)
    both = rf"(?<![\d.])(?:{a}%?\s?(?:to|-|–|and)\s?{b}|{b}%?\s?(?:to|-|–|and)\s?{a}){_PERCENT}"
    if way == "paid":
        return regex.compile(rf"{both}\sof\s(?:the\s|their\s|its\s)?{_PAID_WORDS}?{_PAID_NOUNS}", regex.IGNORECASE)
    return regex.compile(rf"{both}[- ](?:off|discounts?)\b|\b{_OFF_NOUNS}\s(?:of\s)?(?:between\s)?{both}",
                         regex.IGNORECASE)


def _said(value: float) -> str:
    return regex.escape(f"{value:g}")


@lru_cache(maxsize=128)
def _as_taken_off(share: float, loose: bool = False):
    """`share` per cent said as what is taken off: "20% off", "a 20% fare discount", "discounted by 20%" (and,
    `loose`, "20% less" or "20% lower": words that may say a discount but, read as one turned over, may also say
    anything else that fell: "foot traffic was 80% lower")."""
    return regex.compile(_taken_off(_said(share), loose), regex.IGNORECASE)


def _taken_off(n: str, loose: bool = False) -> str:
    """The pattern of _as_taken_off, for a figure's pattern `n`."""
    off = rf"(?:{_OFF_WORDS}|less|lower)" if loose else _OFF_WORDS
    return (rf"(?<![\d.]){n}{_PERCENT}[- ]{off}\b|"
            rf"(?<![\d.]){n}{_PERCENT}(?:\s[\p{{L}}-]+){{0,2}}[- ]{_OFF_NOUNS}\b|"
            rf"\b{_OFF_VERBS}\s(?:of\s|by\s)?(?:up\sto\s|about\s|around\s|nearly\s|as\smuch\sas\s)?{n}{_PERCENT}")


@lru_cache(maxsize=64)
def _as_paid(pay: float):
    """`pay` per cent said as what is paid: "80% of the original price", "pay only 80%"."""
    return regex.compile(_paid(_said(pay)), regex.IGNORECASE)


def _paid(n: str) -> str:
    """The pattern of _as_paid, for a figure's pattern `n`."""
    return (rf"(?<![\d.]){n}{_PERCENT}\sof\s(?:the\s|their\s|its\s)?{_PAID_WORDS}?{_PAID_NOUNS}|"
            rf"\bpay(?:s|ing)?\s(?:only\s|just\s)?{n}{_PERCENT}")


# Any discount of the translation, whatever its figure (as the phrases above match it, span for span)
_ANY_FIGURE = r"\d+(?:\.\d+)?"
_ANY_DISCOUNT = regex.compile(_taken_off(_ANY_FIGURE) + "|" + _paid(_ANY_FIGURE), regex.IGNORECASE)


@lru_cache(maxsize=8)
def _share_off(pay: float):
    """A discount said as a share in words: "half price", "a fifth off"."""
    return regex.compile(rf"\b(?:{_SHARE_WORDS_OFF[pay]})\b", regex.IGNORECASE)
