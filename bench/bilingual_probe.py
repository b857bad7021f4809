"""False alarms of the Source pack on faithful translations from seven source languages.

bench/bilingual-probe/ holds 923 news articles written for this measurement (not
taken from any corpus): in German, French, Spanish, Russian, Ukrainian, Chinese
and Japanese, each with the English translation a wire service would publish
(faithful, idiomatic, AP style: weekdays for dates, rounded amounts, Kyiv).
Thirty-six sets (p1 to p36), written by separate sessions; p2 to p36 were written
blind (without reading mtlint's code), each after the fixes the sets before it
led to, so the first run on the newest set is the cleanest measure of unseen
text. Every warning or error on them is a false alarm (the issue's bar on human
translations: under 0.3 per 1000 words).

Run: .venv/bin/python bench/bilingual_probe.py [--show]
"""
from __future__ import annotations

import argparse
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bilingual_eval import LEVELS, check  # noqa: E402 - the Source pack on one pair, as the corpus evaluation runs it

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bilingual-probe")


def pairs():
    """(set, language, source path, target path) of every pair, in name order: p1-de-01.src.txt + p1-de-01.en.txt."""
    for name in sorted(os.listdir(HERE)):
        if name.endswith(".src.txt"):
            stem = name[: -len(".src.txt")]
            probe, lang, _ = stem.split("-", 2)
            yield probe, lang, os.path.join(HERE, name), os.path.join(HERE, stem + ".en.txt")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true", help="print every warning and error")
    args = parser.parse_args()
    words, alarms = collections.Counter(), collections.Counter()
    per_rule, suggestions = collections.Counter(), collections.Counter()
    for probe, lang, source, target in pairs():
        text, found = check(target, source, lang)
        for key in (probe, lang, "all"):
            words[key] += len(text.split())
        for f in found:
            if f.level not in LEVELS:
                suggestions[f.rule] += 1
                continue
            per_rule[f.rule] += 1
            for key in (probe, lang, "all"):
                alarms[key] += 1
            if args.show:
                print(f"{os.path.basename(target)}:{f.line}:{f.column}: {f.level} {f.rule} {f.match[:60]!r} :: {f.message[:160]}")
    for key in sorted(words, key=lambda k: (k == "all", k[1:].isdigit(), k)):  # languages, then sets, then all
        print(f"{key:>4}: {words[key]:6,} words, {alarms[key]:3} warnings/errors = {1000 * alarms[key] / words[key]:.2f} per 1000 words")
    print("by rule:", dict(per_rule.most_common()) or "none")
    print("suggestions (not counted):", dict(suggestions.most_common()))


if __name__ == "__main__":
    main()
