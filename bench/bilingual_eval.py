"""Bilingual evaluation: the Source pack on dev/ (ja→en) and dev-mqm/ (zh→en).

- dev/human: findings per 1000 words, per rule (every finding is a false alarm).
- dev/mt: findings per 1000 words, per rule (for scale).
- dev-mqm: share of findings landing on a rater-marked span (labels.jsonl), per rule,
  on the MT systems (not ref/refB); and per 1000 words on ref/refB.
- numbers recall: numbers that the source and the human translation agree on but the
  MT output lacks, and how many of them a Source.Numbers finding covers.

Run: .venv/bin/python bench/bilingual_eval.py [--corpus ../shared/corpus]
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from lint.bilingual import numbers  # noqa: E402
from lint.bilingual.context import BilingualContext, source_text_paragraphs  # noqa: E402
from lint.config import Config, Selection, active_rules  # noqa: E402
from lint.engine import lint_text  # noqa: E402

LEVELS = ("error", "warning")


PACKS = ("Source",)


def rules():
    return active_rules(Config(root="."), Selection(packs=PACKS))


def check(target_path, source_path, src_lang, segmented=False):
    with open(target_path, encoding="utf-8") as h:
        text = h.read()
    with open(source_path, encoding="utf-8") as h:
        src = h.read()
    paras = source_text_paragraphs(source_path, src)

    def attach(doc):
        BilingualContext(paras, source_path, src_lang, "en", [], segmented).attach(doc)

    return text, lint_text(target_path, text, rules(), target_path, None, attach).findings


def words(text):
    return len(text.split())


def dev(corpus):
    base = os.path.join(corpus, "dev")
    per_rule_h, per_rule_mt, suggestions_h = collections.Counter(), collections.Counter(), collections.Counter()
    wh = wmt = 0
    recall_total = recall_hit = 0
    examples = []
    for name in sorted(os.listdir(os.path.join(base, "source"))):
        doc_id = name[: -len(".ja.txt")]
        src_path = os.path.join(base, "source", name)
        human = os.path.join(base, "human", doc_id + ".txt")
        if not os.path.exists(human):
            continue
        htext, hf = check(human, src_path, "ja")
        wh += words(htext)
        for f in hf:
            if f.level in LEVELS:
                per_rule_h[f.rule] += 1
                examples.append(("human", doc_id, f))
            else:
                suggestions_h[f.rule] += 1
        with open(src_path, encoding="utf-8") as h:
            src_text = h.read()
        src_vals = [n for n in numbers.extract(src_text, "ja")]
        human_vals = {v for n in numbers.extract(htext, "en") for v in n.values}
        agreed = [n for n in src_vals if n.values & human_vals and max(n.values) >= 2]
        for mt in sorted(os.listdir(os.path.join(base, "mt"))):
            if not mt.startswith(doc_id + "."):
                continue
            path = os.path.join(base, "mt", mt)
            mtext, mf = check(path, src_path, "ja")
            wmt += words(mtext)
            for f in mf:
                if f.level in LEVELS:
                    per_rule_mt[f.rule] += 1
            mt_vals = {v for n in numbers.extract(mtext, "en") for v in n.values}
            lost = [n for n in agreed if not n.values & mt_vals]
            flagged = {f.message for f in mf if f.rule == "Source.Numbers"}
            for n in lost:
                recall_total += 1
                if any(f"'{n.text}'" in m for m in flagged):
                    recall_hit += 1
    print(f"dev/human ja→en: {wh} words, {sum(per_rule_h.values())} warnings/errors = {1000 * sum(per_rule_h.values()) / max(wh, 1):.3f}/1000 words")
    for rule, n in per_rule_h.most_common():
        print(f"  {rule:<24} {n:4d}  {1000 * n / wh:.3f}/1000")
    print(f"  suggestions (not counted): {dict(suggestions_h)}")
    print(f"dev/mt ja→en: {wmt} words, {sum(per_rule_mt.values())} warnings/errors = {1000 * sum(per_rule_mt.values()) / max(wmt, 1):.3f}/1000 words")
    for rule, n in per_rule_mt.most_common():
        print(f"  {rule:<24} {n:4d}  {1000 * n / wmt:.3f}/1000")
    print(f"numbers the source and the human agree on, lost by MT: {recall_total}; flagged {recall_hit} "
          f"({100 * recall_hit / max(recall_total, 1):.1f}%)")
    return examples


def mqm(corpus):
    base = os.path.join(corpus, "dev-mqm")
    spans = collections.defaultdict(list)
    with open(os.path.join(base, "labels.jsonl"), encoding="utf-8") as h:
        for line in h:
            row = json.loads(line)
            spans[row["file"]].append((row["offset"], row["offset"] + max(row["length"], 1)))
    on, total = collections.Counter(), collections.Counter()
    ref_count, ref_marked, ref_words = collections.Counter(), collections.Counter(), 0
    ref_sugg, ref_sugg_marked = collections.Counter(), collections.Counter()
    examples = []
    for system in sorted(os.listdir(base)):
        folder = os.path.join(base, system)
        if not os.path.isdir(folder) or system == "source":
            continue
        for name in sorted(os.listdir(folder)):
            talk = name[: -len(".txt")]
            path = os.path.join(folder, name)
            text, found = check(path, os.path.join(base, "source", talk + ".zh.txt"), "zh", segmented=True)
            rel = f"{system}/{name}"
            if system in ("ref", "refB"):
                ref_words += words(text)
                for f in found:
                    counts, marks = (ref_count, ref_marked) if f.level in LEVELS else (ref_sugg, ref_sugg_marked)
                    counts[f.rule] += 1
                    marks[f.rule] += any(s < f.offset + max(f.length, 1) and f.offset < e for s, e in spans.get(rel, []))
                continue
            for f in found:
                total[f.rule] += 1
                hit = any(s < f.offset + max(f.length, 1) and f.offset < e for s, e in spans.get(rel, []))
                on[f.rule] += hit
                if not hit:
                    examples.append(("mqm-miss", rel, f))
    t, o = sum(total.values()), sum(on.values())
    print(f"dev-mqm zh→en MT: {t} findings, {o} on a marked span ({100 * o / max(t, 1):.1f}%)")
    for rule in sorted(total, key=lambda r: -total[r]):
        print(f"  {rule:<24} {total[rule]:4d}  on marked span {100 * on[rule] / total[rule]:.1f}%")
    r = sum(ref_count.values())
    print(f"dev-mqm human refs: {ref_words} words, {r} warnings/errors = {1000 * r / max(ref_words, 1):.3f}/1000 words")
    for rule, n in ref_count.most_common():
        print(f"  {rule:<24} {n:4d}  (of them on a span the raters marked as the translator's error: {ref_marked[rule]})")
    for rule, n in ref_sugg.most_common():
        print(f"  suggestions {rule:<24} {n:4d}  (on a span the raters marked: {ref_sugg_marked[rule]})")
    return examples


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus"))
    parser.add_argument("--show", type=int, default=0, help="print this many false alarms")
    parser.add_argument("--all-packs", action="store_true", help="run every default pack beside Source (as `mtlint check --source` does)")
    args = parser.parse_args()
    if args.all_packs:
        global PACKS
        PACKS = ()
    examples = dev(args.corpus) + mqm(args.corpus)
    for kind, where, f in examples[: args.show]:
        print(f"{kind} {where} {f.rule} {f.match[:100]!r} :: {f.message[:200]}")


if __name__ == "__main__":
    main()
