"""Numbers in text, locale-aware, as the values they stand for.

`1 000,5`, `1.000,5` and `1,000.5` are one value; `20 тисяч`, `20 thousand`
and `20,000` are one value; `1.8万` is 18,000 and `3亿` 300 million; full-width
digits are digits; English number words (`two`, `twenty-five`, `a dozen`),
ordinals and month names count as the numbers they say, and so do the simple
number words of German, French, Spanish, Russian and Ukrainian. A mention carries every
value it may mean (`5m` is 5 metres or 5 million), so comparing never accuses a
faithful translation of a reading it did not intend.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import math

import regex

from . import discounts

# Languages whose decimal separator is a comma (and whose thousands are dots or spaces).
_COMMA_DECIMAL = {"de", "fr", "es", "it", "pt", "ru", "uk", "pl", "cs", "nl", "tr", "sv", "da", "nb", "fi", "ro", "bg", "hr", "sr", "sk", "sl"}
_SPACE_THOUSANDS = {"fr", "ru", "uk", "pl", "cs", "sv", "nb", "fi", "sk", "bg", "de", "es"}

# (never the decimals of a figure the look-behind left out: the 9 of M6.9)
_DIGITS = regex.compile(r"(?<![\p{Latin}\p{Cyrillic}\p{Greek}\p{N}_])(?<!\d[.,])(?:[$€£¥₴₽]\s?)?(\d+(?:(?:[.,'\u00a0\u202f\u2009]| (?=\d{3}(?!\d)))\d+)*)")
# The translation's side, leniently: a figure glued to letters still counts (FY2021, 802Bcf, No5).
_DIGITS_LENIENT = regex.compile(_DIGITS.pattern.replace(r"(?<![\p{Latin}\p{Cyrillic}\p{Greek}\p{N}_])", r"(?<![\p{N}_])", 1))
# An hour on the 12-hour clock ("2 pm", "2:30 p.m."): the 14 of a source's 14:30 (the minutes are read on their own).
_CLOCK_12 = regex.compile(r"(?::[0-5]\d)?[ \u00a0]?(?P<half>[ap])\.?m\b\.?", regex.IGNORECASE)
_HOUR = regex.compile(r"\d{1,2}(?:\.[0-5]\d)?")
_YEAR = regex.compile(r"(?:19|20)\d\d")
_MAGNITUDE = regex.compile(r"(?<![\p{Latin}\p{N}])M([1-9](?:\.\d)?)(?![\d.,]\d|\p{Latin})")
_CLOCK_24 = regex.compile(r"([01]?\d|2[0-4])[.:]([0-5]\d)")
_TIME_WORD_AFTER = regex.compile(r"[ \u00a0]?(?:Uhr|h\b|heures?|hrs?\b|horas?|ч\b|час|год\b|годин|GMT\b|UTC\b)", regex.IGNORECASE)
# A wire service's time of day in four digits before its zone ("0847 GMT", "2124 UTC", "1500 local time").
_WIRE_TIME = regex.compile(r"([01]\d|2[0-3])([0-5]\d)")
# Time zones' abbreviations as news writes them after a time (also what a three-capital code after a figure is not: a
# currency).
ZONE_ABBREVIATIONS = r"GMT|UTC|MEZ|MESZ|CES?T|EES?T|WES?T|MSK|BST|JST|KST|HKT|SGT|IST|AES?T|[ECMPA][SD]T|ART|BRT|CLT|COT|PET|VET|ECT|BOT|PYT|UYT"
_ZONE_AFTER = regex.compile(rf"[ \u00a0]?(?:{ZONE_ABBREVIATIONS}|local time|hrs)\b")
# Japanese news writes a decimal point as ・ (１０９・６キロ = 109.6 km); only before a unit, since ２・２６ is a date.
_JA_DECIMAL_DOT = regex.compile(r"(?<=\d)・(?=\d+(?:キロ|km|ｋｍ|メートル|m\b|センチ|ミリ|%|％|パーセント|度|倍|秒|ポイント|"
                                r"万|億|兆|円|ドル|トン|グラム|リットル|ヘクタール|時間|マイル))"
                                # before 人 and 点 only where no range of two small counts is meant (２・３人 is two or
                                # three people): a side of two digits (４２・３点), or one in so many (３・６人に１人)
                                r"|(?<=\d\d)・(?=\d+[人点])|(?<=\d)・(?=\d\d+[人点])|(?<=\d)・(?=\d+人に[1１一]人)")
# A centner (ц, центнер; 100 kg) is how Ukrainian and Russian farm news weighs harvests; English gives tonnes.
# Its figures: one before the unit or a range before it (45–48 ц/га), and a figure later in the sentence that leaves
# the unit understood after a comparison ("дала по 48 центнерів, хоча маємо за 80.", "проти 52"; not "зросла до 50").
_FIGURE = r"(\d{1,3}(?:[ \u00a0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
_CENTNER_FIGURES = regex.compile(rf"(?<![\d.,]){_FIGURE}(?:[ \u00a0]?[-–—][ \u00a0]?{_FIGURE})?[ \u00a0]?(?:ц\b|ц/|центнер)",
                                 regex.IGNORECASE)
_UNDERSTOOD_FIGURE = regex.compile(rf"(?<!\p{{L}})(?:за|проти|против|ніж|чем|замість|вместо)[ \u00a0]{_FIGURE}"
                                   r"(?=\s*(?:[,;:!?)»”\"]|\.(?!\d)|\Z))", regex.IGNORECASE)
_SENTENCE_STOP = regex.compile(r"[.!?](?=\s|\Z)")
# A vulgar fraction after a whole number, and an hour-and-minutes duration (also read as minutes): not a clock time
# (à 4 h 30, в 4 часа 30 минут: the time of day is no length).
# Only the words that say "at" a time count (не "до", "um", "by": до 1 часа 15 минут, um 1 Stunde 15 Minuten and
# by 1 hour 15 minutes are lengths), and French "à 2 h 30 de Paris" is a distance away.
_NOT_A_CLOCK = (r"(?:(?<!(?:^|[^\p{L}])(?i:à|vers|dès|в|во|о|об|к|las)\s)|"
                r"(?=\d{1,2}[ \u00a0]?h[ \u00a0]?\d\d[ \u00a0](?:de|du|d'|des)\b))")
# (AP style writes 7 1/2; Japanese racing １馬身１／４, a length and a quarter)
_VULGAR = regex.compile(r"[ \u00a0]?([½¼¾])|(?:[ \u00a0]|馬身)(1/2|1/4|3/4)(?![\d/])")
_VULGAR_VALUES = {"½": 0.5, "¼": 0.25, "¾": 0.75, "1/2": 0.5, "1/4": 0.25, "3/4": 0.75}
_HOURS_MINUTES = regex.compile(_NOT_A_CLOCK + r"(?<!\d)(\d{1,2})[ \u00a0]?(?:个?小时|時間|hours?|hrs?|Stunden?|Std\.|heures?|horas?|час\w*|годин\w*|h)"
                               r"[ \u00a0]?(?:and |und |et |y |и |і |та )?(\d{1,2})[ \u00a0]?(?:分|minutes?|mins?|Minuten|minutos?|мин\w*|хв\w*)",
                               regex.IGNORECASE)
# ... and metres with centimetres (1 м 78 см: 1.78 metres, 178 centimetres), kilometres with metres (42 км 195 м: 42.195
# km, a marathon): of each compound measure, both numbers
# also stand for the whole in either unit.
_METRES_CENTIMETRES = regex.compile(r"(?<!\d)(\d{1,2})[ \u00a0]?(?:м|m|метр\w*|mètres?|metros?|Meter)(?!\p{L})\.?[ \u00a0]?"
                                    r"(?:and |und |et |y |и |і |та )?(\d{1,2})[ \u00a0]?(?:см|cm|сантиметр\w*|centimètres?|"
                                    r"centímetros?|Zentimeter)(?!\p{L})", regex.IGNORECASE)
_KILOMETRES_METRES = regex.compile(r"(?<!\d)(\d{1,3})[ \u00a0]?(?:км|km|Kilometer\w*|kilomètres?|kilómetros?)(?!\p{L})\.?[ \u00a0]?"
                                   r"(?:and |und |et |y |и |і |та )?(\d{1,3})[ \u00a0]?(?:м|m|метр\w*|Meter|mètres?|metros?)(?!\p{L})",
                                   regex.IGNORECASE)
# (French writes a duration's minutes after "h" with no unit: 4 h 30, four and a half hours; Chinese and Japanese a
# time's hundredths after 秒: 4分32秒15, 32.15 seconds)
_H_MINUTES = regex.compile(_NOT_A_CLOCK + r"(?<!\d)(\d{1,2})[ \u00a0]?h[ \u00a0]?([0-5]\d)(?![\d.,]?\d)")
# Seconds and their decimals after the unit: 10秒2 and 9秒58 (10.2, 9.58 seconds); French sports results' "47 s 3"
# (47.3 s; only French writes them so, and elsewhere an "s" after a number is a plural, 1980s, or a word, Czech s).
_SECONDS_DECIMALS = regex.compile(r"(?<![\d.,])(\d{1,2})秒(\d{1,2})(?![\d秒])")
_FRENCH_SECONDS_DECIMALS = regex.compile(r"(?<![\d.,])(\d{1,2})[ \u00a0]?s[ \u00a0]?(\d{1,3})(?![\d\p{L}])")
# (in decimal hours too, in a source: 1小时15分 as 1.25 hours; an English "2 hours 30 minutes" is no 2.5 of anything)
_COMPOUND_MEASURES = ((_HOURS_MINUTES, lambda big, small: (60 * big + small,)),
                      (_H_MINUTES, lambda big, small: (60 * big + small, big + small / 60)),
                      (_METRES_CENTIMETRES, lambda big, small: (big + small / 100, 100 * big + small)),
                      (_KILOMETRES_METRES, lambda big, small: (big + small / 1000, 1000 * big + small)))
# Where Spanish says a time of day: after "las" (a las, hasta las, entre las), the first of a range whose end has
# the time word, or in brackets or after a slash right after a time.
_SPANISH_HOUR_BEFORE = regex.compile(r"\b(?:las|la)[ \u00a0]\Z", regex.IGNORECASE)
# A live report's entry opening with its time: "8.47 | ..." (a line's first figure, a bullet before it at most, and the
# bar after it: a dash there is a list's, 2.35 — Juan Pérez, a record)
_TIMESTAMP_AFTER = regex.compile(r"[ \u00a0]*\|")
_LINE_OPENS = regex.compile(r"[ \u00a0]*(?:[•·*][ \u00a0]*)?")
_RANGE_END_CLOCK = r"\d{1,2}[.:][0-5]\d[ \u00a0]?(?:horas?|h)\b"
_CLOCK_RANGE_AFTER = regex.compile(rf"[ \u00a0]?(?:a|y|-|–|hasta)[ \u00a0]?(?:las[ \u00a0])?{_RANGE_END_CLOCK}")
# (9.30 a 14.00 horas, 10.30-12.45 h: a range of times whatever opens it; "a las", "hasta las", "y" need de,
# entre or desde before them: 17.25 a las 14.00 horas is a rate and a time)
_CLOCK_RANGE_TIGHT = regex.compile(rf"[ \u00a0]?(?:a|-|–)[ \u00a0]?{_RANGE_END_CLOCK}")
_RANGE_OPENS = regex.compile(r"\b(?:de|entre|desde)[ \u00a0]\Z", regex.IGNORECASE)  # (de 10.30 a 12.45 horas)
_BRACKET_AFTER_CLOCK = regex.compile(r"[ \u00a0]?(?:horas?|h)?[ \u00a0]*[(/][ \u00a0]*")
# Tenths, hundredths and thousandths (of a second, in sports results): 58 centésimas is 0.58 seconds.
_FRACTION_OF_SECOND = regex.compile(r"[ \u00a0](?:(?P<tenths>décimas?|dixièmes?|Zehntel|десят(?:ых|их|ої))|"
                                    r"(?P<hundredths>centésimas?|centièmes?|Hundertstel|сот(?:ых|их|ої))|"
                                    r"(?P<thousandths>milésimas?|millièmes?|Tausendstel|тысячных|тисячних))(?!\p{L})",
                                    regex.IGNORECASE)
_FRACTION_PARTS = {"tenths": 10, "hundredths": 100, "thousandths": 1000}
_CJK_FRACTION = regex.compile(r"(?<![\d.])(\d{1,3})分[の之](\d{1,3})(?![\d.])")
# (a date after a sum is no units figure of it: 5 тис. 20 березня is 5,000 on March 20)
_MONTHS_UK_RU = (r"січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|января|"
                 r"февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря")
_THOUSANDS_AND = regex.compile(r"(?<![\d.,])(\d{1,3})[ \u00a0](?:тисяч[аіу]?|тысяч[аиу]?|тис\.|тыс\.)[ \u00a0](\d{1,3})"
                            r"(?![\d.,]|[ \u00a0]?(?:тис|тыс|млн|млрд|трлн|мільй|мільярд|милли|" + _MONTHS_UK_RU + r"))",
                            regex.IGNORECASE)
# (mil 500: 1,500; not after a number word, dos mil 500 millones, which is not read)
_MIL_MILLONES = regex.compile(r"(?:(?<![\d.,])(\d{1,3})[ \u00a0]|(?<!\b(?:dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|"
                              r"doce|trece|catorce|quince|dieci\w+|veinte|veinti\w+|treinta|cuarenta|cincuenta|sesenta|"
                              r"setenta|ochenta|noventa|cien|ciento|\w+cientos|\w+cientas|y (?:un|uno|dos|tres|cuatro|cinco|"
                              r"seis|siete|ocho|nueve))[ \u00a0]))\b[Mm]il[ \u00a0](\d{1,3})"
                              r"[ \u00a0]millones\b", regex.IGNORECASE)
# Yen and sen (１２０円０３銭, 3万6545円42銭): a share price or an exchange rate, 120.03 yen.
_YEN_SEN = regex.compile(r"円(\d{1,2})銭")
# Two numbers of a range that share the second's scale: "от 200 до 500 тыс.", "between 2 and 3 million".
_RANGE_JOINER = regex.compile(r"\s?(?:-|–|—|/|~|～|至|到|до|bis|à|a|al|to)\s?", regex.IGNORECASE)
# ... or joined by "and" where a word before the first says it is a range ("between 2 and 3 million"), not a list
_RANGE_AND = regex.compile(r"\s?(?:і|и|та|und|et|y|and)\s?", regex.IGNORECASE)
_RANGE_OPENER = regex.compile(r"(?:\b(?:between|from|zwischen|von|entre|de)|(?<!\p{L})(?:между|між|від|от|з))\s+[$€£]?\Z", regex.IGNORECASE)
_BROKEN = regex.compile(r"(?<![\d.,])\d{1,3}(?:, \d{3})+(?![\d])")

_EN_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "quadrillion": 1e15,
              "mn": 1e6, "bn": 1e9, "m": 1e6, "k": 1e3, "tn": 1e12, "lakh": 1e5, "crore": 1e7}
_SCALES = {
    "en": _EN_SCALES,
    # (with their case forms: при 12 тысячах зрителей, з 5 мільйонами)
    "ru": {"тыс": 1e3, **dict.fromkeys(("тысяч", "тысячи", "тысяча", "тысячах", "тысячам", "тысячами", "тысячу", "тысячей"), 1e3),
           "млн": 1e6, **dict.fromkeys(("миллион", "миллиона", "миллионов", "миллионах", "миллионам", "миллионами"), 1e6),
           "млрд": 1e9, **dict.fromkeys(("миллиард", "миллиарда", "миллиардов", "миллиардах", "миллиардам", "миллиардами"), 1e9),
           "трлн": 1e12},
    "uk": {"тис": 1e3, **dict.fromkeys(("тисяч", "тисячі", "тисяча", "тисячах", "тисячам", "тисячами", "тисячу", "тисячею"), 1e3),
           "млн": 1e6, **dict.fromkeys(("мільйон", "мільйона", "мільйонів", "мільйони", "мільйонах", "мільйонам", "мільйонами"), 1e6),
           "млрд": 1e9, **dict.fromkeys(("мільярд", "мільярда", "мільярдів", "мільярди", "мільярдах", "мільярдам", "мільярдами"), 1e9),
           "трлн": 1e12},
    "de": {"tsd": 1e3, "tausend": 1e3, "mio": 1e6, "million": 1e6, "millionen": 1e6, "mrd": 1e9, "milliarde": 1e9,
           "milliarden": 1e9, "billion": 1e12, "billionen": 1e12},
    "fr": {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "md": 1e9, "mds": 1e9},
    "es": {"mil": 1e3, "millón": 1e6, "millones": 1e6, "mil millones": 1e9, "millardo": 1e9, "millardos": 1e9, "billón": 1e12, "billones": 1e12},
}
_SCALE_WORD = regex.compile(r"[ \u00a0-]?(mil millones|[\p{L}]+)\.?", regex.IGNORECASE)  # (a 1.8-million-year-old)
# Chinese and Japanese scale characters (combinations multiply: 百万 = 10^6, 千億 = 10^11).
_CJK_SCALE = {"十": 10, "百": 100, "千": 1e3, "万": 1e4, "萬": 1e4, "億": 1e8, "亿": 1e8, "兆": 1e12}
_CJK_SCALE_RUN = regex.compile(r"[十百千万萬億亿兆]+")
# In Chinese, 千 before a metric unit is its prefix (538千克 is 538 kilograms, 120万千瓦 1.2 million kilowatts),
# and so is 百 before 帕 (950百帕: 950 hectopascals); the figure also stands in the base unit (3千米: 3 km or
# 3,000 m). Not Japanese, which writes キロ for the prefix: 5千米兵 is 5,000 US troops.
_BIG_SCALE = regex.compile(r"[万萬億亿兆]")
# (not 5百帕金森病患者: 500 Parkinson's patients; 兆 before a unit is mega-: 48兆瓦, 48 megawatts, no trillion)
_UNIT_PREFIX = regex.compile(r"千(?=[克米瓦卡帕焦赫伏])|百(?=帕(?!金))|兆(?=瓦|帕|赫|字节|焦|欧(?![元洲盟])|伏|比特|吨)")
# Tenths as the share of a whole: Japanese 割 (３割 = 30%, with 分 for the units: ３割５分 = 35%), Chinese 成.
# Chinese growth by N 倍 (增长3.1倍): up N × 100 per cent, which is N + 1 times as much.
_GROWTH_BEFORE = regex.compile(r"(?:增长|增長|增加|提高|提升|上涨|上漲|上升|扩大|擴大|增)了?(?:约|約|近|超过|超過|逾)?\Z")


def after_growth(text: str, start: int) -> bool:
    """Whether a Chinese verb of growth stands right before text[start] (增长3.1倍, 增长了超过2倍)."""
    return _GROWTH_BEFORE.search(text, max(0, start - 6), start) is not None
_TENTHS = {"ja": "割", "zh": "成"}
_TENTH_PARTS = regex.compile(r"(?:(\d)分)?(?:(\d)厘)?")  # (and thousandths: 打率４割１分７厘 .417, ３割７厘 .307)
# The same in characters, a single digit (no 十 before it: 十成 is "completely"); Chinese 成 not when it begins a
# word of its own (一成员国 "one member state", 三成都 "three Chengdu", 一成不变 "unchanging").
_HAN_TENTHS = {
    "ja": regex.compile(r"(?<![零〇一二三四五六七八九十百千万億])([一二三四五六七八九])割(?:([一二三四五六七八九])分)?"),
    "zh": regex.compile(r"(?<![零〇一二两三四五六七八九十百千万亿])([一二两三四五六七八九])成"
                        r"([一二三四五六七八九](?![十百千万亿\p{Han}])|[一二三四五六七八九](?=的|左右|以[上下]|多|至|到))?"),  # (not 三成五岁)
}
# 成 is a share only where one is meant: after 占 ("accounts for"), 超过 ("over"), 约 ("about") ... or before 以上
# ("or more"), 左右 ("or so"), 的, or a stop. Elsewhere 八成 is "probably", 这一成就 "this achievement", 一成不变
# "unchanging", 统一成 "unified into".
_SHARE_BEFORE = "占超过约近逾达有到仅只至高接"
_SHARE_AFTER = regex.compile(r"以上|左右|多|以下|的|[，。、；）)]|\Z")


def _chinese_share(norm: str, start: int, end: int) -> bool:
    return (start > 0 and norm[start - 1] in _SHARE_BEFORE) or bool(_SHARE_AFTER.match(norm, end))


# Chinese percentages in characters: 百分之五点二 is 5.2%, 百分之三十 30%.
_HAN_PERCENT = regex.compile(r"百分之([零〇一二两三四五六七八九十]+)(?:点([零〇一二三四五六七八九]+))?(?![零〇一二两三四五六七八九十百千万亿])")

_ONES = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
         "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19, "dozen": 12, "a": 1, "an": 1, "single": 1, "both": 2,
         "twice": 2, "thrice": 3, "half": 0.5, "couple": 2, "pair": 2, "once": 1, "double": 2, "triple": 3}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20, "thirtieth": 30, "hundredth": 100,
             "quarter": 4, "quarters": 4}
_MONTHS = {
    "de": ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    # (with their case endings spelled out: a stem alone is also травми "injuries", жовтий "yellow", Червоного "Red")
    "ru": ["январ(?:ь|я|е|ём|ем)", "феврал(?:ь|я|е|ём|ем)", "март(?:а|е|ом)?", "апрел(?:ь|я|е|ем)", "ма(?:й|я|е|ем)",
           "июн(?:ь|я|е|ем)", "июл(?:ь|я|е|ем)", "август(?:а|е|ом)?", "сентябр(?:ь|я|е|ём)", "октябр(?:ь|я|е|ём)",
           "ноябр(?:ь|я|е|ём)", "декабр(?:ь|я|е|ём)"],
    "uk": ["січ(?:ень|ня|ні|нем)", "лют(?:ий|ого|ому|им)", "берез(?:ень|ня|ні|нем)", "квіт(?:ень|ня|ні|нем)",
           "трав(?:ень|ня|ні|нем)", "черв(?:ень|ня|ні|нем)", "лип(?:ень|ня|ні|нем)", "серп(?:ень|ня|ні|нем)",
           "верес(?:ень|ня|ні|нем)", "жовт(?:ень|ня|ні|нем)", "листопад(?:а|і|ом)?", "груд(?:ень|ня|ні|нем)"],
}
_NOT_FOLD = {"dozen", "both", "twice", "thrice", "couple", "pair", "double", "triple"}
_FOLD = {**{w: v for w, v in _ONES.items() if 2 <= v <= 19 and w.isalpha() and w not in _NOT_FOLD}, **_TENS,
         "hundred": 100, "thousand": 1000}  # twofold ... thirteenfold, twentyfold, a hundredfold
# (twenty-fivefold, two hundredfold, a thousandfold: tens and units, or a count of hundreds or thousands)
_FOLD_WORD = regex.compile(r"\b(?:(?P<tens>" + "|".join(_TENS) + r")[- ](?P<unit>" + "|".join(w for w in _FOLD if _FOLD[w] < 10) +
                           r")|(?P<count>" + "|".join(w for w in _FOLD if _FOLD[w] < 10) + r")[- ](?P<scale>hundred|thousand)|"
                           r"(?P<word>" + "|".join(_FOLD) + r"))-?fold\b", regex.IGNORECASE)


def _fold_value(m) -> float:
    """The factor a _FOLD_WORD match says (twenty-fivefold: 25)."""
    if m.group("tens"):
        return float(_FOLD[m.group("tens").lower()] + _FOLD[m.group("unit").lower()])
    if m.group("count"):
        return float(_FOLD[m.group("count").lower()] * _FOLD[m.group("scale").lower()])
    return float(_FOLD[m.group("word").lower()])
_FRACTION_SCALE = regex.compile(r"\b(a quarter|half|a half|three quarters|a third|two thirds)(?: of)? an? (thousand|million|billion)\b",
                                regex.IGNORECASE)
_AND_A_HALF = regex.compile(r"\b(" + "|".join(k for k in _ONES if len(k) > 2) + "|" + "|".join(_TENS) +
                           r")(?:-and-a-half| and a half)(?: (thousand|million|billion))?\b", regex.IGNORECASE)
_AN_HOUR_AND = regex.compile(r"\b(?:an|one)[ -]hour[ -]and[ -](?:(a[ -]half)|(a[ -]quarter)|(\d{1,2}) minutes?)\b", regex.IGNORECASE)
# "per million", "millions of": a scale word without a figure stands for the scale itself.
_BARE_SCALE = regex.compile(r"(?<!\d[ \u00a0]?|\b(?:" + "|".join(list(_ONES) + list(_TENS)) + r")[ -])\b(?:hundred|thousand|million|billion)s?\b",
                            regex.IGNORECASE)
_BARE = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_FRACTIONS = {"a quarter": 0.25, "half": 0.5, "a half": 0.5, "three quarters": 0.75, "a third": 1 / 3, "two thirds": 2 / 3}
# Numbers in Chinese characters with a scale (两百五十万, 三十亿, 一百万); 千万 alone is "by all means", 万一 "in case".
_HAN_NUMBER = regex.compile(r"(?<![零〇一二两三四五六七八九十百千万萬亿億])[零〇一二两三四五六七八九十百千万萬亿億]{2,}"
                            r"(?![零〇一二两三四五六七八九十百千万萬亿億])")
_NUMERAL = regex.compile(r"[\d零〇一二两三四五六七八九十百千万萬亿億]")
_HAN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_HAN_SMALL = {"十": 10, "百": 100, "千": 1000}
_HAN_BIG = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8}
_HAN_WORDS = {"千万", "万万", "万一", "一一", "十十"}


def han_value(text: str) -> float | None:
    """The value of a numeral in Chinese characters that has a scale of a hundred or more, else None."""
    if text in _HAN_WORDS or not any(c in "百千万萬亿億" for c in text):
        return None
    return _han_numeral(text)


def _small_han(text: str) -> float | None:
    """The value of a numeral in Chinese characters below a hundred (五, 十二, 三十五), else None."""
    if not 0 < len(text) <= 3 or text.count("十") > 1 or (len(text) > 1 and "十" not in text) or \
            any(c not in _HAN_DIGITS and c != "十" for c in text):
        return None
    return _han_numeral(text)


def _han_numeral(text: str) -> float:
    """Digits, 十 百 千 and the big scales 万 亿 read as one number (一百二十 = 120, 两百五十万 = 2,500,000)."""
    total = section = number = 0.0
    for ch in text:
        if ch in _HAN_DIGITS:
            number = _HAN_DIGITS[ch]
        elif ch in _HAN_SMALL:
            section += (number or 1) * _HAN_SMALL[ch]
            number = 0
        else:
            section += number
            number = 0
            if _HAN_BIG[ch] == 1e8:
                total = (total + section) * 1e8
            else:
                total += (section or 1) * 1e4
            section = 0
    return total + section + number


# Japanese era years: 令和3年 is 2021.
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925, "大正": 1911, "明治": 1867}
_ERA = regex.compile(r"(令和|平成|昭和|大正|明治)(\d{1,3}|元)年")


class Number(NamedTuple):
    """A number mentioned in a text (a named tuple: an article has hundreds, and a tuple is built fastest)."""

    start: int
    end: int
    text: str
    values: frozenset  # every value the mention may stand for (rounded floats)

    @property
    def written(self) -> bool:
        """Written with digits (a word such as 'three' is a rendering, not a figure to compare digit by digit)."""
        return any(c.isdigit() for c in normalise(self.text))


def _r(x: float) -> float:
    """Nine significant digits, so that 1.8 * 1e4 and 18000 meet (a whole number below 1e9 is itself already)."""
    if x.is_integer() and -1e9 < x < 1e9:
        return x
    return float(f"{x:.9g}")


# Full-width ASCII (ＣＯＴＴＯＲＩ, １２３, ％) and the ideographic space, one character for one.
_SEPARATORS = regex.compile(r"([.,'\u00a0\u202f\u2009 ])")
_CJK_REST = regex.compile(r"(\d{1,3}(?:,\d{3})++|\d++)([千百万萬億亿]*)")  # (1万3,636: the rest may group its thousands)
# A tail in characters after a figure's big scale: 1亿两千万 is 120 million.
_HAN_TAIL = regex.compile(r"[零〇一二两三四五六七八九十百千万萬]+")
_WORD_GAP = re.compile(r"[- ]")
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_HAS_FULLWIDTH = regex.compile("[\uff01-\uff5e\u3000]")
# A digit the regex module knows (\d) but this Python's float() does not: Unicode 15 and later, all outside the
# Basic Multilingual Plane (Kawi, Nag Mundari).
_UNREADABLE_DIGIT = regex.compile(r"(?V1)[\d&&[\U00010000-\U0010FFFF]]")
# The letters that case-insensitive patterns take for ASCII ones but whose lower case is no ASCII key of the English
# word tables (ſ long s, İ dotted capital I, ı dotless i, the Kelvin sign K): read as those, for English words only
# (an address or a hashtag keeps its own letters).
_CASE_LOOKALIKES = {0x17F: "s", 0x130: "I", 0x131: "i", 0x212A: "K"}
_HAS_CASE_LOOKALIKE = regex.compile("[\u017f\u0130\u0131\u212a]")


def _english_word_text(text: str) -> str:
    """normalise(text), with the case lookalikes as the ASCII letters they match (one character for one)."""
    text = normalise(text)
    return text.translate(_CASE_LOOKALIKES) if not text.isascii() and _HAS_CASE_LOOKALIKE.search(text) else text


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Full-width digits, letters and signs as ASCII, one character for one (offsets kept).

    Other scripts' digits need nothing: the patterns' \\d and float() read them as they are (but for digits newer
    than this Python's Unicode, which are no digits here).
    """
    if text.isascii():
        return text  # most text has none: a search is far cheaper than translating every character
    if _HAS_FULLWIDTH.search(text):
        text = text.translate(_FULLWIDTH)
    if max(text) > "\uffff" and _UNREADABLE_DIGIT.search(text):  # (one for one: a digit float() cannot read is none)
        text = _UNREADABLE_DIGIT.sub(lambda m: m.group() if m.group().isdecimal() else "\ufffd", text)
    return text


def _readings(digits: str, lang: str) -> set[float]:
    """The values a written numeral can have in `lang` (and, leniently, in the other convention)."""
    parts = _SEPARATORS.split(digits)
    groups, seps = parts[0::2], parts[1::2]
    if not seps:
        return {float(digits)}
    out = set()
    comma_decimal = lang in _COMMA_DECIMAL
    for decimal in ((",", ".") if comma_decimal else (".", ",")):
        if seps.count(decimal) > 1 or (decimal in seps and seps[-1] != decimal):
            continue
        if seps[-1] == decimal and groups[-1] == "000" and len(seps) == 1 and len(groups[0]) <= 3:
            continue  # "5.000 millones", "20,000": nobody writes three zero decimals, so a thousands separator
        int_groups = groups[:-1] if seps[-1] == decimal else groups
        thousands_seps = seps[:-1] if seps[-1] == decimal else seps
        if any(len(g) != 3 for g in int_groups[1:]) or (len(int_groups) > 1 and len(int_groups[0]) > 3):
            continue
        if thousands_seps and len(set(thousands_seps)) > 1:
            continue
        whole = "".join(int_groups)
        value = float(whole) + (float("0." + groups[-1]) if seps[-1] == decimal else 0.0)
        out.add(value)
    if not out:  # "1.2.3", a version or a list: each group on its own
        out.update(float(g) for g in groups if g)
    return out


def extract(text: str, lang: str, lenient: bool = False, words: bool = True) -> list[Number]:
    """Every number mentioned in `text` (written in `lang`), in order.

    `lenient` (for the translation): a scaled number also stands for its bare
    figure ('802 billion' for a source's '802Bcf'), so no faithful rendering is missed.
    `words=False`: figures only, no number words or month names (cheaper; enough for anchors).
    """
    if words:
        return list(_extract(text, lang, lenient)) + list(_word_numbers(text, lang, lenient))
    return list(_extract(text, lang, lenient))


@lru_cache(maxsize=8192)
def _word_numbers(text: str, lang: str, lenient: bool) -> tuple[Number, ...]:
    """Numbers written as words (English; the simple ones of de, fr, es, ru, uk) and month names, in order."""
    base = (lang or "en").split("-")[0].lower()
    norm = _english_word_text(text) if base == "en" else normalise(text)
    found = list(_words(norm, lenient)) if base == "en" else list(_foreign_words(text, base))
    found.extend(_month_names(norm, text, base))
    found.sort(key=lambda n: n.start)
    return tuple(found)


@lru_cache(maxsize=8192)
def _extract(text: str, lang: str, lenient: bool = False) -> tuple[Number, ...]:
    norm = normalise(text)
    base = (lang or "en").split("-")[0].lower()
    if base == "ja" and "・" in norm:
        norm = _JA_DECIMAL_DOT.sub(".", norm)  # (one character for one: offsets stay those of the text)
    scales: dict[int, float] = {}  # a found number's index -> the scale word that multiplied it (for ranges)
    centners = _centner_figures(norm) if base in ("ru", "uk") and ("ц" in norm or "Ц" in norm) else ()
    found: list[Number] = []
    eras = {m.start(2): m for m in _ERA.finditer(norm)}
    last_end = 0
    clock_end = None  # where the last figure read as a time of day ends
    for m in (_DIGITS_LENIENT if lenient else _DIGITS).finditer(norm):
        if m.start() < last_end:  # the tail of 1万2000, already read
            continue
        digits = m.group(1)
        values = _readings(digits, base)
        end = m.end()
        clock = _CLOCK_24.fullmatch(digits)
        # 22.30 Uhr, в 14.30: an hour and its minutes (as 10:30 p.m.), where a time word follows or the language's
        # decimals take a comma (a point there is a clock's); never 3.45% in Chinese
        # (Spanish, whose Latin American decimals take a point, only where the words say a time: after "las", in
        # a range that ends with its time word, or in brackets right after a time: "hasta las 12.45", "de 10.30 a
        # 12.45 horas", "a las 11.30 horas (12.30 en la España peninsular)"; not "a 12.50 pesos")
        if clock and (_TIME_WORD_AFTER.match(norm, end) or (base in _COMMA_DECIMAL and "." in digits and (
                base != "es" or _SPANISH_HOUR_BEFORE.search(norm, max(0, m.start() - 12), m.start())
                or (_LINE_OPENS.fullmatch(norm, norm.rfind("\n", 0, m.start()) + 1, m.start()) and _TIMESTAMP_AFTER.match(norm, end))
                or _CLOCK_RANGE_TIGHT.match(norm, end)
                or (_CLOCK_RANGE_AFTER.match(norm, end) and _RANGE_OPENS.search(norm, max(0, m.start() - 12), m.start()))
                or (clock_end is not None and _BRACKET_AFTER_CLOCK.fullmatch(norm, clock_end, m.start()))))):
            values = values | {float(clock.group(1)), float(clock.group(2))}
            clock_end = end
        elif len(digits) == 4 and (wire := _WIRE_TIME.fullmatch(digits)) and _ZONE_AFTER.match(norm, end):
            values = values | {float(wire.group(1)), float(wire.group(2))}  # 0847 GMT: 8:47
        if m.start(1) in centners:
            values = values | {v / 10 for v in values}  # 57,6 ц/га: 5.76 tonnes a hectare; "48 ц, ... за 80": 8
        if m.start(1) in eras:
            era = eras[m.start(1)]
            values = values | {float(_ERAS[era.group(1)] + int(digits))}
        if base in ("zh", "ja") and len(digits) == 2 and norm[end:end + 1] == "年":
            values = values | {2000.0 + int(digits), 1900.0 + int(digits)}  # 22年度: fiscal 2022
        if base in ("zh", "ja", "ko"):
            if norm[end:end + 1] in ("余", "多") and (_BIG_SCALE.match(norm, end + 1) or _UNIT_PREFIX.match(norm, end + 1)):
                end += 1  # 3600余万, 10多万: "more than" 36 million, 100,000 (the scale follows the 余; not 1000多百姓)
            scale = _CJK_SCALE_RUN.match(norm, end)
            if scale:
                prefix = base == "zh" and _UNIT_PREFIX.match(norm, scale.end() - 1) is not None
                factor = 1.0
                for ch in scale.group()[:-1] if prefix else scale.group():
                    factor *= _CJK_SCALE[ch]
                in_base_unit = factor * (1e6 if prefix and scale.group()[-1] == "兆" else _CJK_SCALE[scale.group()[-1]])  # (兆瓦: mega-)
                values = {v * factor for v in values} | ({v * in_base_unit for v in values} if prefix else set())
                if prefix and norm.startswith("瓦", scale.end()):  # 30万千瓦: 300 megawatts, 3139万千瓦 31.39 gigawatts
                    values = values | {_r(v / 1000) for v in values if v >= 1000} | {_r(v / 1e6) for v in values if v >= 1e6}
                end = scale.end()
                scales[len(found)] = factor
                while factor >= 1e4:  # 1万2000 = 12,000; 4億5000万 = 450 million; 1亿2千万 = 120 million
                    rest = _CJK_REST.match(norm[end:end + 12])
                    if not rest:
                        tail = _HAN_TAIL.match(norm, end)
                        small = han_value(tail.group()) if tail and len(tail.group()) >= 2 else None
                        if small and small < factor:
                            values = {v + small for v in values}
                            end = tail.end()
                        break
                    small = 1.0
                    for ch in rest.group(2):
                        small *= _CJK_SCALE[ch]
                    if small >= factor:
                        break
                    values = {v + float(rest.group(1).replace(",", "")) * small for v in values}
                    end += rest.end()
                    factor = small
            elif base == "zh" and norm.startswith("倍", end) and after_growth(norm, m.start()):
                values = values | {_r(v * 100) for v in values if v >= 2}  # 增长3.1倍: up 310% (增长1倍 is "doubled")
            elif norm[end:end + 1] == _TENTHS.get(base) and (base != "zh" or _chinese_share(norm, m.start(), end + 1)):
                # ３割 (ja), 3成 (zh): three tenths, 30 per cent
                tenths = _TENTH_PARTS.match(norm, end + 1)  # ３割５分: 35 per cent
                tenths = tenths if tenths and tenths.end() > tenths.start() else None
                extra = float(tenths.group(1)) if tenths and tenths.group(1) else 0.0
                rin = float(tenths.group(2)) if tenths and tenths.group(2) else 0.0
                whole = values
                values = values | {_r(v * 10 + extra + rin / 10) for v in whole}
                if base == "ja":  # 打率3割2分: a batting average of .320
                    values = values | {v * 100 + extra * 10 + rin for v in whole if v < 10}
                end = tenths.end() if tenths else end + 1
            if scale and norm.startswith(("画素", "像素"), end):  # ２億画素: 200 megapixels (a camera's sensor)
                values = values | {v / 1e6 for v in values}
            if base == "ja" and norm.startswith("円", end) and (sen := _YEN_SEN.match(norm, end)):
                exact = {v + int(sen.group(1)) / 100 for v in values}  # (the sen are part of it: 150 is no 150.92)
                values = exact | {float(math.floor(v + 0.5)) for v in exact}  # (half up: 100.50 is 101)
                end = sen.end()
        else:
            table = _SCALES.get(base, _EN_SCALES)
            w = _SCALE_WORD.match(norm, end)
            if w and w.group(1).lower() in table:
                word = w.group(1).lower()
                scaled = {v * table[word] for v in values}
                if word not in ("m", "k"):
                    scales[len(found)] = table[word]
                # "5m" and "5 k" may be a unit (metres); the target side also keeps the bare number
                values = (values | scaled) if word in ("m", "k") or lenient else scaled
                end = w.end() if not w.group().endswith(".") or word in ("tsd", "mio", "mrd", "тыс", "тис", "md") else w.end() - 1
            elif _HOUR.fullmatch(digits) and (clock := _CLOCK_12.match(norm, end)) is not None:
                hour, _, minutes = digits.partition(".")  # (9.30pm: British English writes the minutes after a point)
                hour = int(hour)
                values = values | ({float(hour), float(minutes)} if minutes else set())  # 8.45 a.m.: 8 and 45
                if 1 <= hour <= 11 and clock.group("half") in "pP":
                    values = values | {hour + 12.0}  # 2 pm is 14:00
                elif hour == 12 and clock.group("half") in "aA":
                    values = values | {0.0}  # 12 am is 00:00
        if (part := _FRACTION_OF_SECOND.match(norm, end)) is not None:  # 58 centésimas: 0.58 seconds
            values = values | {v / _FRACTION_PARTS[part.lastgroup] for v in values}
        if base == "en" and len(digits) == 4 and digits[3] == "0" and norm.startswith("s", end) and \
                not _is_letter(norm[end + 1:end + 2]):
            values = values | {decade(float(digits))}  # the 1980s (and 1980 itself, as before)
        if len(digits) == 2 and digits[1] == "0" and base != "en":
            values = values | _decade_years(float(digits), norm, m.start(), end)  # los años 80, 80er Jahre: the 1980s
        if len(digits) == 2 and m.start() >= 5 and norm[m.start() - 1] in "-–/" and _YEAR.fullmatch(norm, m.start() - 5, m.start() - 1):
            values = values | {float(norm[m.start() - 5:m.start() - 3] + digits)}  # 2024-25: 2025
        last_end = end
        found.append(Number(m.start(), end, text[m.start():end], frozenset(_r(v) for v in values)))
    fractions = []  # where an ASCII fraction after a whole is written (its 1 and 2 are no figures of their own)
    if "½" in norm or "¼" in norm or "¾" in norm or "/" in norm:  # 22 ½ hours, 2¾, 7 1/2: a whole and a fraction
        for k, n in enumerate(found):
            fraction = _VULGAR.match(norm, n.end)
            if fraction:
                part = _VULGAR_VALUES[fraction.group(1) or fraction.group(2)]
                whole = n.values if not fraction.group().startswith("馬身") else frozenset()  # (１馬身１／４ is 1.25
                # lengths, not also 1: a changed quarter is a changed figure)
                found[k] = n._replace(values=whole | frozenset(_r(v + part) for v in n.values))
                if fraction.group(2):
                    fractions.append(fraction.span(2))
    _join_figures(norm, base, found)  # 1 hour 15 minutes, ３分の２, 11 тисяч 350, 32 mil 956 millones
    for k in scales:  # "от 200 до 500 тыс.": the 200 is thousands too (and still itself, should it not be)
        if k > 0 and k - 1 not in scales and (_RANGE_JOINER.fullmatch(norm, found[k - 1].end, found[k].start) or (
                _RANGE_AND.fullmatch(norm, found[k - 1].end, found[k].start) and
                _RANGE_OPENER.search(norm, max(0, found[k - 1].start - 12), found[k - 1].start))):
            first = found[k - 1]
            found[k - 1] = first._replace(values=first.values | frozenset(_r(v * scales[k]) for v in first.values))
    for m in () if lenient else _MAGNITUDE.finditer(norm):  # M6.9: an earthquake's magnitude (the lenient
        found.append(Number(m.start(1), m.end(1), text[m.start(1):m.end(1)], frozenset({float(m.group(1))})))  # reads it)
    if base in ("zh", "ja"):
        figures = [(n.start, n.end) for n in found]
        for m in _HAN_NUMBER.finditer(norm):
            if m.start() and norm[m.start() - 1] in "数几幾上成":
                continue  # 数千亿, 几百万: "hundreds of billions", "millions", no figure to keep
            if (norm[m.start() - 1:m.start()] == "・" and not _NUMERAL.match(norm, max(0, m.start() - 2))) or (
                    norm.startswith("・", m.end()) and not _NUMERAL.match(norm, m.end() + 1)):
                continue  # a name beside another, ・ between them (特急「草津・四万」: Kusatsu-Shima; not 四万・五万人)
            if any(a < m.start() < b for a, b in figures) or (m.start() and norm[m.start() - 1].isdigit()):
                continue  # a figure's own scale or tail (1万亿, 1亿两千万), read with it above
            value = han_value(m.group())
            if value:
                pixels = {_r(value / 1e6)} if value >= 1e6 and norm.startswith(("画素", "像素"), m.end()) else set()
                found.append(Number(m.start(), m.end(), m.group(), frozenset({_r(value)} | pixels)))  # (两亿像素)
        if base == "zh" and "折" in norm:  # 享受九折优惠: a price in tenths of itself, where a discount is meant
            found.extend(Number(start, end, figure, frozenset({value}))
                         for start, end, figure, value in discounts.han_figures(norm))
        for m in _HAN_TENTHS[base].finditer(norm):  # 三割, 七成: tenths in characters
            if base == "zh" and not _chinese_share(norm, m.start(), m.end()):
                continue
            value = float(_HAN_DIGITS[m.group(1)])
            units = float(_HAN_DIGITS[m.group(2)]) if m.group(2) else 0.0  # 三割五分, 三成五: 35%
            found.append(Number(m.start(), m.end(), m.group(), frozenset({value, value * 10 + units})))
        for m in _HAN_PERCENT.finditer(norm):  # (百分之 itself is no hundred: han_value needs two characters)
            whole = _small_han(m.group(1))
            if whole is not None:
                decimals = "".join(str(_HAN_DIGITS[c]) for c in m.group(2) or "")
                value = whole + (float("0." + decimals) if decimals else 0.0)
                found.append(Number(m.start(1), m.end(), m.group()[3:], frozenset({_r(value)})))
    if fractions:  # (only now: the ranges' scales above are kept by index into `found`)
        found = [n for n in found if not any(a <= n.start < b for a, b in fractions)]
    found.sort(key=lambda n: n.start)
    return tuple(found)


# Shares in words: a fifth is 20%, three in ten 30%, two out of three 67% (what ３割, 七成 or 两成 say).
_FRACTION_WORDS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
                   "tenth": 10, "tenths": 10}
# ("a fifth" only as a share: before "of" or at the end of a phrase, not "a fifth consecutive year")
_SHARE = regex.compile(r"\b(?:(a|one|two|three|four|seven|nine)[ -](half|halves|thirds?|quarters?|fifths?|tenths?)(?=\s+of\b|\s*[.,;:!?)]|\s*\Z)|"
                       r"(one|two|three|four|five|six|seven|eight|nine|\d) (?:in|out of) (three|four|five|ten|10)\b)",
                       regex.IGNORECASE)


def _share_value(m) -> float | None:
    """The percentage a share in words stands for ('a fifth' 20, 'three in ten' 30), None if it is more than all."""
    if m.group(1):
        part, whole = _ONES[m.group(1).lower()], _FRACTION_WORDS[m.group(2).lower()]
    else:
        first = m.group(3).lower()
        part = int(first) if first.isdigit() else _ONES[first]
        whole = 10 if m.group(4) == "10" else _ONES[m.group(4).lower()]
    return 100 * part / whole if part <= whole else None


def _words(text: str, lenient: bool = False):
    """English number words and ordinals: 'two', 'twenty-five', 'three hundred', 'first', 'a dozen'."""
    lower = text.lower()
    scaled = any(w in lower for w in ("hundred", "thousand", "million", "billion"))
    if "fold" in lower:
        for m in _FOLD_WORD.finditer(text):
            yield Number(m.start(), m.end(), m.group(), frozenset({_fold_value(m)}))
    if "half" in lower:
        for m in _AND_A_HALF.finditer(text):
            whole = _ONES.get(m.group(1).lower(), _TENS.get(m.group(1).lower(), 0))
            scale = {"thousand": 1e3, "million": 1e6, "billion": 1e9}.get((m.group(2) or "").lower(), 1)
            yield Number(m.start(), m.end(), m.group(), frozenset({_r((whole + 0.5) * scale)}))
    if "hour and" in lower or "hour-and" in lower:  # an hour and a half, an hour and 10 minutes: 90, 70 minutes
        for m in _AN_HOUR_AND.finditer(text):
            minutes = 30 if m.group(1) else 15 if m.group(2) else int(m.group(3))
            yield Number(m.start(), m.end(), m.group(), frozenset({float(60 + minutes), _r(1 + minutes / 60)}))
    if scaled and lenient:
        for m in _BARE_SCALE.finditer(text):
            yield Number(m.start(), m.end(), m.group(), frozenset({_BARE[m.group().lower().rstrip("s")]}))
    for m in _SHARE.finditer(text):
        whole = _share_value(m)
        if whole is not None:
            yield Number(m.start(), m.end(), m.group(), frozenset({_r(whole), float(round(whole))}))
    if scaled:
        for m in _FRACTION_SCALE.finditer(text):
            value = _FRACTIONS[m.group(1).lower()] * {"thousand": 1e3, "million": 1e6, "billion": 1e9}[m.group(2).lower()]
            yield Number(m.start(), m.end(), m.group(), frozenset({_r(value)}))
    for m in _number_word_runs(text, lower):
        tokens = _WORD_GAP.split(m.group().lower())
        if tokens[0] in ("a", "an") and (len(tokens) == 1 or tokens[1] not in ("hundred", "thousand", "million", "billion", "dozen")):
            tokens = tokens[1:]  # "a third" is a third, not four
        if not tokens:
            continue
        if tokens[0] in ("hundreds", "thousands", "millions"):
            continue
        total, current = 0.0, 0.0
        for t in tokens:
            if t in _ONES:
                current += _ONES[t]
            elif t in _TENS:
                current += _TENS[t]
            elif t in _ORDINALS:
                current += _ORDINALS[t]
            elif t == "hundred":
                current = (current or 1) * 100
            elif t in ("thousand", "million", "billion"):
                total += (current or 1) * {"thousand": 1e3, "million": 1e6, "billion": 1e9}[t]
                current = 0
        value = total + current
        parts = {float(_ONES.get(t, _TENS.get(t, _ORDINALS.get(t, 0)))) for t in tokens}
        yield Number(m.start(), m.end(), m.group(), frozenset({_r(value)} | {p for p in parts if p}))


_LETTERS = re.compile(r"[A-Za-z]+")
_FIRST_WORDS = frozenset(_ONES) | frozenset(_TENS) | frozenset(_ORDINALS)
_NEXT_WORDS = frozenset(_ONES) | frozenset(_ORDINALS) | {"hundred", "thousand", "million", "billion"}


class _Run:
    """A run of number words, answering like the match of a regex (start, end, group)."""

    __slots__ = ("_text", "_start", "_end")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self) -> str:
        return self._text[self._start:self._end]


def _number_word_runs(text: str, lower: str):
    """Runs of English number words ('twenty-five', 'three hundred', 'a dozen'): the number words are found by
    one Aho-Corasick pass (fifteen times faster than reading every word), 'a' and 'an' where they touch one; then
    runs are read over these words alone, as over all of them (any other word between breaks a run anyway).
    Runs of nothing but 'a' and 'an' are not numbers and are not returned."""
    if len(lower) != len(text):  # a character whose lower case is longer: offsets would shift, read every word
        words = [(m.start(), m.end(), m.group().lower()) for m in _LETTERS.finditer(text)]
    else:
        words = _number_words(text, lower)
    i, n = 0, len(words)
    while i < n:
        start, end, word = words[i]
        if word not in _FIRST_WORDS or (start and (text[start - 1].isalnum() or text[start - 1] == "_")) or \
                (end < len(text) and (text[end].isdigit() or text[end] == "_")):
            i += 1
            continue
        j = i
        while j + 1 < n:
            s2, e2, w2 = words[j + 1]
            if s2 != words[j][1] + 1 or text[words[j][1]] not in "- " or w2 not in _NEXT_WORDS or \
                    (e2 < len(text) and (text[e2].isdigit() or text[e2] == "_")):
                break
            j += 1
        if any(words[k][2] not in ("a", "an") for k in range(i, j + 1)):
            yield _Run(text, start, words[j][1])
        i = j + 1


_ARTICLES = ("a", "an")
_NUMBER_WORD_LIST = tuple(sorted((_FIRST_WORDS | _NEXT_WORDS) - set(_ARTICLES)))  # found by automaton; articles by hand


@lru_cache(maxsize=8)
def _automaton(words: tuple[str, ...], longest: bool = False):
    """An Aho-Corasick automaton of `words` (leftmost-longest matches with `longest`), built on first use."""
    import ahocorasick_rs

    kind = ahocorasick_rs.MatchKind.LeftmostLongest if longest else ahocorasick_rs.MatchKind.Standard
    return ahocorasick_rs.AhoCorasick(list(words), matchkind=kind)


def _number_words(text: str, lower: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of each whole word ([A-Za-z]+, as _LETTERS reads words) that is a number word, and of
    each 'a' or 'an' next to one (across one space or hyphen), in order."""
    size = len(text)
    found: dict[int, tuple[int, int, str]] = {}
    words = _automaton(_NUMBER_WORD_LIST, longest=True)
    for _, start, end in words.find_matches_as_indexes(lower):
        if (start and _is_letter(text[start - 1])) or (end < size and _is_letter(text[end])) or not text[start:end].isascii():
            continue  # inside a longer word
        found[start] = (start, end, lower[start:end])
        at = start  # articles before it: "a hundred", "a a hundred"
        while at >= 2 and text[at - 1] in "- ":
            first = at - 1
            while first > 0 and at - 1 - first < 3 and _is_letter(text[first - 1]):
                first -= 1  # back over the word before the separator (an article has at most two letters)
            if (first and _is_letter(text[first - 1])) or lower[first:at - 1] not in _ARTICLES:
                break
            found.setdefault(first, (first, at - 1, lower[first:at - 1]))
            at = first
        at = end  # and after it: "one a day" reads as a run, as it always has
        while at < size - 1 and text[at] in "- ":
            word = _LETTERS.match(text, at + 1)
            if word is None or lower[word.start():word.end()] not in _ARTICLES:
                break
            found.setdefault(word.start(), (word.start(), word.end(), lower[word.start():word.end()]))
            at = word.end()
    return [found[k] for k in sorted(found)]


def _is_letter(ch: str) -> bool:
    return "a" <= ch <= "z" or "A" <= ch <= "Z"


@lru_cache(maxsize=16)
def _month_pattern(lang: str):
    """The month names of a source language other than English, as one pattern (group m<N>_<i> is month N)."""
    names = _MONTHS.get(lang)
    if not names:
        return None
    parts = [f"(?P<m{i + 1}_{i}>{name})" for i, name in enumerate(names)]
    return regex.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", regex.IGNORECASE)


def month_pattern(lang: str):
    """A month's name in `lang` as one pattern, any of its case forms (agosto; марта, березня), or None."""
    return _month_pattern(lang)


def _month_of(m) -> int:
    """The month a _month_pattern match names (its group m<N>_<i> is month N)."""
    return int(next(k for k, v in m.groupdict().items() if v)[1:].split("_")[0])


def month_names(lang: str) -> list[str]:
    """The month names of a source language other than English (patterns, with their case endings), January first."""
    return _MONTHS.get(lang, [])


def day_months(text: str, lang: str) -> list[tuple[str, int]]:
    """(day, month) of each date of the month written with its month name in `text` (13 марта, 13. März, 13 de
    marzo: ('13', 3))."""
    pattern = _month_pattern(lang)
    if pattern is None:
        return []
    out = []
    for m in _DAY_BEFORE_MONTH.finditer(text):
        month = pattern.match(text, m.end())
        if month:
            out.append((m.group(1), _month_of(month)))
    return out


_DAY_BEFORE_MONTH = regex.compile(r"(?<!\d)(\d{1,2})\.?\s(?:de\s)?(?=\p{L})")


# English month names and abbreviations: one pattern, read at the places where a three-letter stem begins.
_EN_MONTH = regex.compile(r"(?<!\w)(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
                          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?!\w)", regex.IGNORECASE)
_EN_MONTH_NUMBER = {stem: i + 1 for i, stem in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}
_EN_MONTH_STEMS = tuple(_EN_MONTH_NUMBER)


def _join_figures(norm: str, base: str, found: list) -> None:
    """Two figures that write one quantity together (1小时15分, ３分の２, 11 тисяч 350, 32 mil 956 millones): each of
    them also stands for the whole, as a translation gives it (75 minutes, two-thirds, 11,350, $32.96 billion)."""
    by_start = None  # (a figure's start does not change as values are added)
    for applies, pattern, whole in _JOINED_FIGURES:
        if not applies(base, norm):
            continue
        for m in pattern.finditer(norm):
            values = whole(m)
            if not values:
                continue
            if by_start is None:
                by_start = {n.start: k for k, n in enumerate(found)}
            for group in (1, 2):
                k = by_start.get(m.start(group)) if m.group(group) else None
                if k is not None:
                    found[k] = found[k]._replace(values=found[k].values | values)


def _fraction_share(m) -> set[float]:
    """３分の２, 2分之1: the share in per cent (67, 50); nothing for a zero denominator."""
    share = 100 * float(m.group(2)) / float(m.group(1)) if float(m.group(1)) else 0.0
    return {_r(share), float(round(share))} if share else set()


def _pair_whole(combine):
    """A reader of a two-figure pattern's whole values from `combine(first, second)`."""
    return lambda m: {_r(v) for v in combine(float(m.group(1) or 1), float(m.group(2)))}


def _seconds_with_decimals(m) -> set[float]:
    """10秒2, 47 s 3: the seconds with the decimals as written (their digits count: 47 s 03 is 47.03)."""
    return {_r(float(m.group(1)) + float("0." + m.group(2)))}


def _every_text(base: str, norm: str) -> bool:
    return True


# Each: (whether the text can hold it, the pattern of its two figures, the whole values of a match).
_JOINED_FIGURES = tuple((_every_text, pattern, _pair_whole(combine)) for pattern, combine in _COMPOUND_MEASURES) + (
    (lambda base, norm: "秒" in norm, _SECONDS_DECIMALS, _seconds_with_decimals),
    (lambda base, norm: base == "fr" and "s" in norm, _FRENCH_SECONDS_DECIMALS, _seconds_with_decimals),
    (lambda base, norm: base != "en", _HOURS_MINUTES, _pair_whole(lambda hours, minutes: (hours + minutes / 60,))),
    (lambda base, norm: base in ("ja", "zh") and ("分の" in norm or "分之" in norm), _CJK_FRACTION, _fraction_share),
    (lambda base, norm: base in ("uk", "ru") and ("тис" in (low := norm.lower()) or (base == "ru" and "тыс" in low)),
     _THOUSANDS_AND, _pair_whole(lambda thousands, units: (thousands * 1000 + units,))),
    (lambda base, norm: base == "es" and "il " in norm,  # (mil 500 millones: one thousand)
     _MIL_MILLONES, _pair_whole(lambda thousands, millions: ((thousands * 1000 + millions) * 1e6,))),
)


def _centner_figures(norm: str) -> set[int]:
    """Where the figures weighed in centners begin (a tenth of each is the tonnes an English translation gives)."""
    starts: set[int] = set()
    for c in _CENTNER_FIGURES.finditer(norm):
        starts.update(c.start(k) for k in (1, 2) if c.group(k))
        stop = _SENTENCE_STOP.search(norm, c.end())
        starts.update(u.start(1) for u in _UNDERSTOOD_FIGURE.finditer(norm, c.end(), stop.start() + 1 if stop else len(norm)))
    return starts


def month_number(name: str) -> int:
    """The number of an English month's name or abbreviation (Sept. is 9)."""
    return _EN_MONTH_NUMBER[name[:3].lower()]


def _english_months(norm: str):
    """(match, month) of each English month name: an Aho-Corasick pass finds where a stem begins and the pattern
    is tried only there (a regex of every name and abbreviation scans eight times slower)."""
    lower = norm.lower()
    if len(lower) != len(norm):  # a character whose lower case is longer: positions would shift
        found = _EN_MONTH.finditer(norm)
    else:
        stems = _automaton(_EN_MONTH_STEMS)
        found = (m for _, start, _ in stems.find_matches_as_indexes(lower) for m in (_EN_MONTH.match(norm, start),) if m)
    for m in found:
        yield m, month_number(m.group())


# Number words of the other source languages, two to nineteen and the tens, with their common case forms (двоє
# дітей, trois morts, zwei Kinder, dos heridos): a translation that drops "two" is as wrong as one that drops "2".
# A run of number words is read whole or not at all: a ten and a unit as the language joins them (двадцять два,
# vingt-deux, treinta y dos, soixante-dix, quatre-vingts) stand for their sum (and each word for itself); a run with
# any other number word in it (vingt et un, dos mil, пять тысяч, doscientos cincuenta) is not read, as a
# wrong value would accuse a faithful translation. Never one (un, ein, один are also articles and pronouns), nor a
# word that is mostly something else (French neuf "new", Russian семью "family"), nor a capitalised word
# mid-sentence or a compound's part (dos Santos, Deux-Sèvres, Trois-Rivières, die Elf, außer Acht), nor an idiom.
_FOREIGN_WORDS = {
    "de": {"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
           "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17,
           "achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60,
           "siebzig": 70, "achtzig": 80, "neunzig": 90},
    "fr": {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "dix": 10, "onze": 11,
           "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60},
    "es": {"dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
           "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciséis": 16, "diecisiete": 17,
           "dieciocho": 18, "diecinueve": 19, "veintidós": 22, "veintitrés": 23, "veinticuatro": 24, "veinticinco": 25,
           "veintiséis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60,
           "setenta": 70, "ochenta": 80, "noventa": 90},
    "ru": {**dict.fromkeys(("два", "две", "двое", "двух", "двум", "двумя", "двоих"), 2),
           **dict.fromkeys(("три", "трое", "трёх", "трех", "трём", "трем", "тремя", "троих"), 3),
           **dict.fromkeys(("четыре", "четверо", "четырёх", "четырех", "четырём", "четырем", "четырьмя"), 4),
           **dict.fromkeys(("пять", "пятеро", "пяти", "пятью"), 5), **dict.fromkeys(("шесть", "шестеро", "шести"), 6),
           **dict.fromkeys(("семь", "семеро"), 7), **dict.fromkeys(("восемь", "восьми"), 8),
           **dict.fromkeys(("девять", "девяти"), 9), **dict.fromkeys(("десять", "десяти"), 10),
           "одиннадцать": 11, "двенадцать": 12, **dict.fromkeys(("тринадцать", "тринадцати"), 13),
           **dict.fromkeys(("четырнадцать", "четырнадцати"), 14), **dict.fromkeys(("пятнадцать", "пятнадцати"), 15),
           **dict.fromkeys(("шестнадцать", "шестнадцати"), 16), **dict.fromkeys(("семнадцать", "семнадцати"), 17),
           **dict.fromkeys(("восемнадцать", "восемнадцати"), 18), **dict.fromkeys(("девятнадцать", "девятнадцати"), 19), **dict.fromkeys(("двадцать", "двадцати"), 20),
           **dict.fromkeys(("тридцать", "тридцати"), 30), "сорок": 40, "пятьдесят": 50, "шестьдесят": 60,
           "семьдесят": 70, "восемьдесят": 80, "девяносто": 90},
    "uk": {**dict.fromkeys(("два", "дві", "двоє", "двох", "двом", "двома"), 2),
           **dict.fromkeys(("три", "троє", "трьох", "трьом", "трьома"), 3),
           **dict.fromkeys(("чотири", "четверо", "чотирьох", "чотирма"), 4),
           **dict.fromkeys(("п'ять", "п'ятеро", "п'яти", "п'ятьох"), 5), **dict.fromkeys(("шість", "шестеро", "шести"), 6),
           **dict.fromkeys(("сім", "семеро"), 7), **dict.fromkeys(("вісім", "восьми"), 8),
           **dict.fromkeys(("дев'ять", "дев'яти"), 9), **dict.fromkeys(("десять", "десяти"), 10),
           "одинадцять": 11, "дванадцять": 12, **dict.fromkeys(("тринадцять", "тринадцяти"), 13),
           **dict.fromkeys(("чотирнадцять", "чотирнадцяти"), 14), **dict.fromkeys(("п'ятнадцять", "п'ятнадцяти"), 15),
           **dict.fromkeys(("шістнадцять", "шістнадцяти"), 16), **dict.fromkeys(("сімнадцять", "сімнадцяти"), 17),
           **dict.fromkeys(("вісімнадцять", "вісімнадцяти"), 18), **dict.fromkeys(("дев'ятнадцять", "дев'ятнадцяти"), 19), **dict.fromkeys(("двадцять", "двадцяти"), 20),
           **dict.fromkeys(("тридцять", "тридцяти"), 30), "сорок": 40, "п'ятдесят": 50, "шістдесят": 60,
           "сімдесят": 70, "вісімдесят": 80, "дев'яносто": 90},
}
# Every number word (and scale word) of each language, also those the table does not read: a run holding one is
# a larger number than the table can tell.
_NUMBERISH = {
    "de": regex.compile(r"ein|eine[mnrs]?|eins|null|beide[mnrs]?|halb|viertel|(?:drei|vier|fünf|sech|sieb|acht|neun)zehn|"
                        r"(?:\w+und)?(?:zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)|"
                        r"(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)?hundert(?:und\w+|e|en)?|"
                        r"(?:\w+)?tausend(?:e|en)?|million(?:en)?|milliarde[n]?|billion(?:en)?|" + "|".join(_FOREIGN_WORDS["de"])),
    "fr": regex.compile(r"un|une|zéro|onze|treize|quatorze|quinze|seize|neuf|cents?|mille|millions?|milliards?|"
                        r"septante|huitante|nonante|" + "|".join(_FOREIGN_WORDS["fr"])),
    "es": regex.compile(r"un|uno|una|cero|trece|catorce|quince|dieci\w+|veinti\w+|cien|ciento|\w*cient[oa]s|"
                        r"quinient[oa]s|mil|millón|millones|millardos?|billón|billones|" + "|".join(_FOREIGN_WORDS["es"])),
    "ru": regex.compile(r"од(?:ин|на|но|ного|ной|ному|ним|ну|них)|ноль|\w+надцат\w*|\w+дцат\w*|сорок\w*|\w+десят\w*|"
                        r"девяност\w*|сто|ста|двест\w*|трист\w*|(?:пят|шест|сем|восем|девят|двух|трёх|трех|четырёх|"
                        r"четырех|пяти|шести|семи|восьми|девяти)сот\w*|четырест\w*|тысяч\w*|тыс|миллион\w*|млн|миллиард\w*|"
                        r"млрд|полтор\w*|" + "|".join(_FOREIGN_WORDS["ru"])),
    "uk": regex.compile(r"од(?:ин|на|не|ного|ній|ному|ним|ну|них)|нуль|\w+надцят\w*|\w+дцят\w*|сорок\w*|\w+десят\w*|"
                        r"дев'яност\w*|сто|ста|двіст\w*|трист\w*|(?:п'ят|шіст|сім|вісім|дев'ят|двох|трьох|чотирьох|"
                        r"п'яти|шести|семи|восьми|дев'яти)сот\w*|чотириста|тисяч\w*|тис|мільйон\w*|млн|мільярд\w*|"
                        r"млрд|півтор\w*|" + "|".join(_FOREIGN_WORDS["uk"])),
}
_FOREIGN_JOINERS = {"de": "und", "fr": "et", "es": "y"}
# Idioms with a number word that no translation keeps as a number.
_NUMBER_IDIOMS = {
    "fr": regex.compile(r"\b(?:à deux pas|deux temps trois mouvements|entre quatre yeux|en quatre|quatre vérités|trois fois rien|"
                        r"deux poids,? deux mesures|à deux doigts|de deux choses l'une)\b", regex.IGNORECASE),
    "de": regex.compile(r"\b(?:unter vier Augen|auf allen vieren|in drei Teufels Namen|fünf gerade sein lassen)\b", regex.IGNORECASE),
    "es": regex.compile(r"\b(?:cada dos por tres|en dos palabras|de tres al cuarto)\b", regex.IGNORECASE),
    "ru": regex.compile(r"в (?:двух|двух-трёх) (?:шагах|словах)|раз-два|как дважды два", regex.IGNORECASE),
    "uk": regex.compile(r"у двох (?:кроках|словах)|за два кроки|як двічі два", regex.IGNORECASE),
}
_SENTENCE_OPENING = regex.compile(r"(?:\A|[.!?:]\s+)[\"'„“‚«»(¡¿—–\-\s]*\Z")
_FOREIGN_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}'’ʼ`‘])\p{L}+(?:['’ʼ`‘]\p{L}+)?(?![\p{L}\p{M}\p{N}'’ʼ`‘])")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'"})


def _foreign_words(text: str, lang: str):
    table = _FOREIGN_WORDS.get(lang)
    if table is None:
        return
    numberish, joiner = _NUMBERISH[lang], _FOREIGN_JOINERS.get(lang)
    norm = normalise(text)
    words = [(m.start(), m.end(), m.group().lower().translate(_APOSTROPHES)) for m in _FOREIGN_WORD.finditer(norm)]
    idioms = [(m.start(), m.end()) for m in _NUMBER_IDIOMS[lang].finditer(norm)] if lang in _NUMBER_IDIOMS else []
    i = 0
    while i < len(words):
        start, word = words[i][0], words[i][2]
        if not numberish.fullmatch(word):
            i += 1
            continue
        j = i  # the run: number words joined by a space, a hyphen or the language's "and"
        while j + 1 < len(words):
            gap = norm[words[j][1]:words[j + 1][0]]
            if gap in (" ", "-") and numberish.fullmatch(words[j + 1][2]):
                j += 1
            elif gap == " " and words[j + 1][2] == joiner and j + 2 < len(words) and \
                    norm[words[j + 1][1]:words[j + 2][0]] == " " and numberish.fullmatch(words[j + 2][2]):
                j += 2
            else:
                break
        first, run_end = i, words[j][1]
        i = j + 1
        tokens = [w for _, _, w in words[first:j + 1]]
        value = _run_value(tokens, lang, table)
        if value is None:
            if all(t in table or t == joiner for t in tokens) and not _no_number_here(norm, words, first, j, lang):
                for k in range(first, j + 1):  # deux et trois, два-три: each a number of its own
                    if words[k][2] in table and not any(a <= words[k][0] < b for a, b in idioms):
                        yield Number(words[k][0], words[k][1], text[words[k][0]:words[k][1]],
                                     frozenset({float(table[words[k][2]])}))
            continue  # (a run with a word the table cannot read, vingt et un, dos mil, is not read at all)
        if _no_number_here(norm, words, first, j, lang) or any(a <= start < b for a, b in idioms):
            continue
        total, parts = value
        values = {total} | parts | _decade_years(total, norm, start, run_end)
        if (part := _FRACTION_OF_SECOND.match(norm, run_end)) is not None:  # dos décimas: 0.2 (of a point, a second;
            values |= {_r(v / _FRACTION_PARTS[part.lastgroup]) for v in values}  # and 2: "nine hundredths" reads as 9)
        yield Number(start, run_end, text[start:run_end], frozenset(values))


def _decade_years(value: float, norm: str, start: int, end: int) -> set[float]:
    """A decade named by its tens (los años ochenta, les années 80, die 80er Jahre, 80-е годы): its first year, as
    English writes the 1980s (last century's, but for the twenties and thirties, which may be this one's)."""
    if value not in _DECADE_TENS or not ((_DECADE_BEFORE.search(norm, max(0, start - 16), start) and
                                           not _NO_DECADE_AFTER.match(norm, end)) or _DECADE_AFTER.match(norm, end)):
        return set()
    return {decade(1900 + value)} | ({decade(2000 + value)} if value <= 30 else set())


def decade(year: float) -> float:
    """The value that stands for a decade (the 1980s), apart from its first year (1980): a translation that gives
    "los años 80" as "in 1980" changed it."""
    return year + 0.5


_DECADE_TENS = {20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0}
_DECADE_BEFORE = regex.compile(r"(?i:\b(?:(?:los|las|de los) años|(?:les|des|aux) années|década de(?: los)?|décennie)[ \u00a0]\Z)")
_NO_DECADE_AFTER = regex.compile(r"[ \u00a0]?%|[ \u00a0](?:por ciento|pour cent)")  # (des années 80 % des gens)
_DECADE_AFTER = regex.compile(r"er(?:[ \u00a0]Jahre|-Jahre|n\b)|-(?:е|х|ые|ых|ті|их|м)[ \u00a0]+(?:год|рок|рр?\.)")


def _no_number_here(norm: str, words: list, first: int, last: int, lang: str) -> bool:
    """Whether the run of number words words[first..last] is part of a name, a compound, an abbreviation or a
    German time rather than a number."""
    start, run_end = words[first][0], words[last][1]
    if (start and norm[start - 1] == "-") or norm[run_end:run_end + 1] == "-":
        return True  # part of a compound name or word: Deux-Sèvres, Trois-Rivières, Saint-Sept
    if norm[start].isupper() and not _SENTENCE_OPENING.search(norm, 0, start):
        return True  # a capitalised number word mid-sentence is a name or a noun: die Elf, außer Acht, les Vingt-Sept
    after = _FOREIGN_WORD.match(norm, run_end + 1) if norm[run_end:run_end + 1] == " " else None
    if after is not None and lang != "de" and after.group()[:1].isupper() and first > 0 and \
            norm[words[first - 1][0]].isupper() and norm[words[first - 1][1]:start] == " ":
        return True  # José Eduardo dos Santos: a particle between two parts of a name (not "quatre Palestiniens")
    if lang == "fr" and words[last][2] == "sept" and norm[run_end:run_end + 1] == ".":
        return True  # sept., septembre
    return lang == "de" and first > 0 and words[first - 1][2] in ("halb", "viertel", "dreiviertel")  # halb drei: 2.30


def _run_value(tokens: list[str], lang: str, table: dict) -> tuple[float, set[float]] | None:
    """(sum, each word's value) of a run of number words the table reads wholly, else None."""
    tokens = [t for t in tokens if t != _FOREIGN_JOINERS.get(lang)]
    if any(t not in table for t in tokens):
        return None
    values = [table[t] for t in tokens]
    if lang == "fr" and tokens[:2] in (["quatre", "vingt"], ["quatre", "vingts"]):
        values = [80] + values[2:]  # quatre-vingts, quatre-vingt-deux, quatre-vingt-dix
    if len(values) == 1:
        return float(values[0]), {float(values[0])}
    if len(values) == 2:
        tens, unit = values
        if tens >= 20 and tens % 10 == 0 and tens < 100 and (unit < 10 or (lang == "fr" and tens in (60, 80) and unit < 20)):
            return float(tens + unit), {float(tens), float(unit)}
        if lang == "fr" and tens == 10 and 7 <= unit <= 9:
            return float(tens + unit), {float(tens), float(unit)}  # dix-sept, dix-huit, dix-neuf
    return None


_CAPITALISED_MONTHS = {"en", "de", "nl"}  # (the languages whose month names are capitalised: elsewhere they are not)
# Where a capital is no sentence's: after a word, a figure, a comma or an opening quotation mark inside a sentence
_INSIDE_A_SENTENCE = regex.compile(r"[\p{L}\d,;:«„“\"(]\s*\Z")


def _month_names(norm: str, text: str, lang: str):
    if lang == "en":
        found = _english_months(norm)
    else:
        pattern = _month_pattern(lang)
        if pattern is None:
            return
        found = ((m, _month_of(m)) for m in pattern.finditer(norm))
    for m, month in found:
        word = m.group()
        if lang == "en" and word.lower().rstrip(".") in ("may", "mar", "march", "jan", "sept", "sep") and not word[0].isupper():
            continue  # "may" the verb, "march" the walk
        if lang not in _CAPITALISED_MONTHS and word[0].isupper() and not word.isupper() and \
                _INSIDE_A_SENTENCE.search(norm, max(0, m.start() - 3), m.start()):
            continue  # a month these languages write in lower case, capitalised inside a sentence: a name (кінотеатр
            # «Жовтень», Красный Октябрь, la Revolución de Octubre)
        yield Number(m.start(), m.end(), text[m.start():m.end()], frozenset({float(month)}))


def broken(text: str) -> list[tuple[int, int, float]]:
    """Numbers split by a space after the thousands comma ('3, 162'): (start, end, the value meant)."""
    return [(m.start(), m.end(), float(m.group().replace(", ", ""))) for m in _BROKEN.finditer(normalise(text))]


def equivalent(a: frozenset, b: frozenset) -> bool:
    return not a.isdisjoint(b)
