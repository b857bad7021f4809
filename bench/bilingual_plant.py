"""Recall of the Source pack: typical MT errors planted into the faithful probe translations.

Each planted copy of a pair in bench/bilingual-probe/ carries one error in one paragraph of its
English side, of one of these kinds:

  number        a figure changed (a digit dropped or altered: 633 -> 63, 1.8 -> 1.3)
  place         Kyiv, Kharkiv, Odesa, Mykolaiv, Zaporizhzhia ... written the old way
  omission      a sentence of a paragraph left out (not its first: the lead stays)
  untranslated  a paragraph left in the source language
  diacritics    a name's accents stripped (Sánchez -> Sanchez) where the source has them
  name          a Latin-script name of the source misspelt: two neighbouring letters swapped, a letter
                dropped, doubled or changed, anywhere after the first (not only the slips Source.Names
                is built to find, so the figure is no measure of the detector's own shape)

A plant is found when a warning or error of the Source pack lands on the planted paragraph's
line that the unplanted pair does not have (same rule, line and match). The kinds are planted wherever the text allows
(a place only where the translation names one, diacritics only where a name has them), so the
counts differ by kind. Nothing here is tuned to the probes: they are faithful translations
written by other sessions, and the plants are mechanical.

Run: .venv/bin/python bench/bilingual_plant.py [--seed S] [--show]
"""
from __future__ import annotations

import argparse
import collections
import os
import random
import sys
import tempfile
import unicodedata

import regex

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bilingual_eval import LEVELS, check  # noqa: E402 - the Source pack on one pair, as the corpus evaluation runs it
from bilingual_probe import pairs  # noqa: E402 - the probe pairs, in name order

OLD_PLACES = {"Kyiv": "Kiev", "Kharkiv": "Kharkov", "Odesa": "Odessa", "Mykolaiv": "Nikolaev", "Zaporizhzhia": "Zaporozhye",
              "Lviv": "Lvov", "Dnipro": "Dnepr", "Chernihiv": "Chernigov", "Luhansk": "Lugansk", "Rivne": "Rovno"}
FIGURE = regex.compile(r"(?<![\d.,])\d+(?:[.,]\d+)*(?![\d])")
SENTENCE_END = regex.compile(r"(?<=[.!?][\"”’]?)\s+(?=[A-Z\"“])")
NAME = regex.compile(r"\b\p{Lu}\p{Ll}{4,}\b")
ACCENTED_NAME = regex.compile(r"\b\p{Lu}?\p{L}*[À-ÖØ-öø-ÿĀ-ž]\p{L}*\b")


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def plants(source: str, target: str, rng: random.Random):
    """(kind, paragraph index, planted target text) for every plant this pair allows, one of each kind at most."""
    src_paras, tgt_paras = paragraphs(source), paragraphs(target)
    body = [i for i in range(1, len(tgt_paras)) if tgt_paras[i].strip()]  # not the headline
    rng.shuffle(body)

    def replaced(i, new):
        out = list(tgt_paras)
        out[i] = new
        return "\n\n".join(out)

    for i in body:  # number: a figure of two digits or more, one digit dropped or changed
        figures = [m for m in FIGURE.finditer(tgt_paras[i]) if len(regex.sub(r"\D", "", m.group())) >= 2]
        if figures:
            m = rng.choice(figures)
            digits = [k for k, c in enumerate(m.group()) if c.isdigit()]
            k = rng.choice(digits)
            new_digit = str((int(m.group()[k]) + rng.randint(1, 8)) % 10)
            changed = m.group()[:k] + new_digit + m.group()[k + 1:] if rng.random() < 0.5 else m.group()[:k] + m.group()[k + 1:]
            if changed and changed != m.group() and changed[0] != "0":
                yield "number", i, replaced(i, tgt_paras[i][:m.start()] + changed + tgt_paras[i][m.end():])
                break
    for i in body:  # place
        found = [p for p in OLD_PLACES if regex.search(rf"\b{p}\b", tgt_paras[i])]
        if found:
            p = rng.choice(found)
            yield "place", i, replaced(i, regex.sub(rf"\b{p}\b", OLD_PLACES[p], tgt_paras[i], count=1))
            break
    for i in body:  # omission: a later sentence of a paragraph of three or more
        sentences = SENTENCE_END.split(tgt_paras[i])
        if len(sentences) >= 3:
            k = rng.randrange(1, len(sentences))
            yield "omission", i, replaced(i, " ".join(s for j, s in enumerate(sentences) if j != k))
            break
    if len(src_paras) == len(tgt_paras):
        for i in body:  # untranslated: the source's paragraph in place of its translation
            if len(src_paras[i].split()) >= 8 or len(src_paras[i]) >= 40:
                yield "untranslated", i, replaced(i, src_paras[i])
                break
    for i in body:  # diacritics: an accented name the source writes the same way
        names = [m for m in ACCENTED_NAME.finditer(tgt_paras[i]) if m.group()[0].isupper() and m.group() in source
                 and strip_accents(m.group()) != m.group()]
        if names:
            m = rng.choice(names)
            yield "diacritics", i, replaced(i, tgt_paras[i][:m.start()] + strip_accents(m.group()) + tgt_paras[i][m.end():])
            break
    for i in body:  # name: a Latin name of the source, misspelt in one of four ways at a random place
        names = [m for m in NAME.finditer(tgt_paras[i]) if regex.search(rf"\b{m.group()}\b", source) and m.start() > 0]
        if names:
            m = rng.choice(names)
            w = m.group()
            k = rng.randrange(1, len(w) - 1)
            how = rng.choice(("swap", "drop", "double", "change"))
            if how == "swap" and w[k] != w[k + 1]:
                wrong = w[:k] + w[k + 1] + w[k] + w[k + 2:]
            elif how == "drop":
                wrong = w[:k] + w[k + 1:]
            elif how == "double":
                wrong = w[:k] + w[k] + w[k:]
            else:
                wrong = w[:k] + rng.choice([c for c in "aeioulnrst" if c != w[k]]) + w[k + 1:]
            yield "name", i, replaced(i, tgt_paras[i][:m.start()] + wrong + tgt_paras[i][m.end():])
            break


def line_of(text: str, para: int) -> int:
    """The 1-based line a paragraph (split on blank lines) starts on."""
    return sum(p.count("\n") + 2 for p in paragraphs(text)[:para]) + 1


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", action="store_true", help="print every plant that was missed")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    planted, found = collections.Counter(), collections.Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for probe, lang, source_path, target_path in pairs():
            source = open(source_path, encoding="utf-8").read()
            target = open(target_path, encoding="utf-8").read()
            _, clean = check(target_path, source_path, lang)
            clean_found = {(f.rule, f.line, f.match) for f in clean}
            for n, (kind, para, text) in enumerate(plants(source, target, rng)):
                path = os.path.join(tmp, f"{n}-{os.path.basename(target_path)}")
                with open(path, "w", encoding="utf-8") as h:
                    h.write(text)
                line = line_of(text, para)
                _, result = check(path, source_path, lang)
                hit = any(f.level in LEVELS and f.line == line and (f.rule, f.line, f.match) not in clean_found for f in result)
                planted[kind] += 1
                found[kind] += hit
                if args.show and not hit:
                    print(f"missed {kind} in {os.path.basename(target_path)}:{line}: {paragraphs(text)[para][:140]!r}")
    for kind in planted:
        print(f"{kind:>13}: {found[kind]:3} of {planted[kind]:3} found ({100 * found[kind] / planted[kind]:.0f}%)")
    total, hits = sum(planted.values()), sum(found.values())
    print(f"{'all':>13}: {hits:3} of {total:3} found ({100 * hits / total:.0f}%)")


if __name__ == "__main__":
    main()
