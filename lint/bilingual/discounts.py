"""Chinese discounts: a price in tenths of itself (8折 is 80% of the price, "20% off").

A translation says a discount one of two ways round: what is taken off ("20% off", "a 20% discount", "a fifth
off") or what is paid ("80% of the fare"). Machine translation often turns it over ("80% off", the opposite
price), which a comparison of bare figures cannot see: the 8 of 8折 may be matched by any 8 of the paragraph
("eight stores", "Aug. 1"). So the Numbers check asks here how each discount was said: the way round it is
meant, or turned over.
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import regex

# 8折, 8.5折, 85折 (8.5折), 3-5折, 3折至5折; not 折叠 "folding" (but 8折叠加优惠券: stacked), 折合 "equal to" (but 打8折合计
# "in all"), 折算 "converted", 折旧 "depreciation", 折返, 折射, 折痕, 折线, 折腾, 折戟, 折屏 (三折屏, a phone folding in three)
_NOT_A_DISCOUNT = r"(?![叠疊](?!加)|合(?!计|計)|[算旧舊返射痕线線腾騰戟扣屏])"
_DIGITS = regex.compile(r"(?<![\d.])(?:(\d(?:\.\d)?)折?\s?[-~～至到]\s?)?(\d{1,2}(?:\.\d)?)折" + _NOT_A_DISCOUNT)
_HAN = "一二三四五六七八九"
# In characters (九折, 八五折 8.5, 五六折 "50 to 60%"), only where the words say a discount is meant: after 打 (打了, 打个),
# 享 (享受, 可享), 低至, 最低, 全场, 一律, 统一, 给予, 实行, 按 (not 以: 可以三折 "can fold in three"), or before 优惠, 起,
# 销售, 出售, 票价, 价, 左右, 促销. 一波三折 "setbacks", 七折八扣 "deductions", 三折屏 "tri-fold" are none.
HAN_DISCOUNT = regex.compile(
    r"(?:(?<=打|打了|打个|打個|享|享受|可享|可享受|低至|最低|全场|全場|一律|统一|統一|给予|給予|实行|實行|按)|"
    rf"(?=[{_HAN}]{{1,2}}折(?:优惠|優惠|起|销售|銷售|出售|票价|票價|价|價|左右|促销|促銷)))"
    rf"([{_HAN}])([{_HAN}])?折" + _NOT_A_DISCOUNT)
_PERCENT = r"(?:\s?%|[\s-]percent|\sper\scent)"
_OFF_WORDS = r"(?:off|cheaper)"
_OFF_NOUNS = r"(?:discounts?|reductions?|cuts?|savings?|markdowns?)"
_OFF_VERBS = (r"(?:discount(?:ed|s)?|cut|reduced|lowered|slashed|marked\sdown|save[sd]?|saving|discounts?|reductions?|"
              r"cuts?|savings?)")
_PAID_NOUNS = r"(?:price|fare|cost|rate|value|ticket\sprice|list\sprice)"
# a percentage of a source that is no discount's (地铁票价下调20%)
_SOURCE_PERCENT = regex.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s?[%％]")
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


def read(found: list[Discount], source: str, text: str, start: int = 0, end: int | None = None) -> list[Reading]:
    """How `text[start:end]` (the translation) gives each discount of a (normalised) source sentence.

    8折 is said as "20% off", "a 20% fare discount", "discounted by 20%", "80% of the original price", "a fifth off";
    3-5折 as "50% to 70% off"; it is turned over as "80% off" or "an 80% discount". Each discount, in the source's
    order, takes a phrase that says it the right way round, else one that turns it over, and no phrase serves two
    discounts (打8折 twice, once given as "80% off", is one error, at its own phrase). A phrase whose figure is also
    another percentage of the source (地铁票价下调20% beside 8折: "fares cut by 20%") may be that one's, and counts
    for neither."""
    end = len(text) if end is None else end
    others = {float(m.group(1)) for m in _SOURCE_PERCENT.finditer(source)
              if not any(d.start <= m.start() < d.end for d in found)}
    used: set[tuple[int, int]] = set()
    readings = []
    for discount in found:
        if len(discount.pays) == 2:
            readings.append(Reading(discount, _range_said(discount, text, start, end), None))
            continue
        pay = discount.pays[0]
        right = _take(used, [_as_taken_off(100 - pay, loose=True)] if 100 - pay not in others else [], text, start, end) \
            or _take(used, [_as_paid(pay)] if pay not in others else [], text, start, end)
        if right is None and pay in _SHARE_WORDS_OFF:
            right = _take(used, [_share_off(pay)], text, start, end)
        wrong = None
        if right is None and pay != 50 and pay not in others:  # (5折 is "50% off" either way round)
            wrong = _take(used, [_as_taken_off(pay)], text, start, end)
        readings.append(Reading(discount, right is not None, wrong))
    return readings


def _take(used: set, patterns: list, text: str, start: int, end: int):
    """The first match of `patterns` in text[start:end] that no other discount has taken (now taken), else None."""
    for pattern in patterns:
        for m in pattern.finditer(text, start, end):
            if m.span() not in used:
                used.add(m.span())
                return m
    return None


def _range_said(discount: Discount, text: str, start: int, end: int) -> bool:
    """3-5折 as "50% to 70% off" (either end first)."""
    a, b = (_said(100 - pay) for pay in discount.pays)
    return regex.compile(rf"(?<![\d.])(?:{a}%?\s?(?:to|-|–|and)\s?{b}|{b}%?\s?(?:to|-|–|and)\s?{a}){_PERCENT}"
                         rf"[- ](?:off|discounts?)\b", regex.IGNORECASE).search(text, start, end) is not None


def _said(value: float) -> str:
    return regex.escape(f"{value:g}")


@lru_cache(maxsize=128)
def _as_taken_off(share: float, loose: bool = False):
    """`share` per cent said as what is taken off: "20% off", "a 20% fare discount", "discounted by 20%" (and,
    `loose`, "20% less" or "20% lower": words that may say a discount but, read as one turned over, may also say
    anything else that fell: "foot traffic was 80% lower")."""
    n = _said(share)
    off = rf"(?:{_OFF_WORDS}|less|lower)" if loose else _OFF_WORDS
    return regex.compile(rf"(?<![\d.]){n}{_PERCENT}[- ]{off}\b|"
                         rf"(?<![\d.]){n}{_PERCENT}(?:\s[\p{{L}}-]+){{0,2}}[- ]{_OFF_NOUNS}\b|"
                         rf"\b{_OFF_VERBS}\s(?:of\s|by\s)?(?:up\sto\s|about\s|around\s|nearly\s|as\smuch\sas\s)?{n}{_PERCENT}",
                         regex.IGNORECASE)


@lru_cache(maxsize=64)
def _as_paid(pay: float):
    """`pay` per cent said as what is paid: "80% of the original price", "pay only 80%"."""
    n = _said(pay)
    return regex.compile(rf"(?<![\d.]){n}{_PERCENT}\sof\s(?:the\s|their\s|its\s)?"
                         rf"(?:full\s|normal\s|regular\s|usual\s|original\s|standard\s|retail\s)?{_PAID_NOUNS}|"
                         rf"\bpay(?:s|ing)?\s(?:only\s|just\s)?{n}{_PERCENT}", regex.IGNORECASE)


@lru_cache(maxsize=8)
def _share_off(pay: float):
    """A discount said as a share in words: "half price", "a fifth off"."""
    return regex.compile(rf"\b(?:{_SHARE_WORDS_OFF[pay]})\b", regex.IGNORECASE)
