#!/usr/bin/env python3
"""Measure the grammar pack per checker rule: precision on dev-mqm, false alarms on human news.

- precision: of a rule's findings on dev-mqm (machine translation with expert-marked error
  spans, labels.jsonl), the share that overlaps a marked span of the same file;
- rate: a rule's findings per 1000 words on dev/human (clean human-written news).

    python bench/grammar_eval.py --url http://127.0.0.1:8081              # the pack as shipped
    python bench/grammar_eval.py --url http://127.0.0.1:8081 --defaults   # LanguageTool's defaults
    python bench/grammar_eval.py --backend harper                         # harper-py's defaults (pip install harper-py)

The corpus is read in place (../shared/corpus), never copied. No cache is used, so the
LanguageTool throughput printed (words/s) is the checker's own.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lint import formats, grammar  # noqa: E402
from lint.grammar.session import RuleParams  # noqa: E402
from lint.kinds.grammar import Grammar  # noqa: E402
from lint.packs import load_pack  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def load_labels(mqm: Path) -> dict[str, list[tuple[int, int]]]:
    spans = defaultdict(list)
    with open(mqm / "labels.jsonl", encoding="utf-8") as handle:
        for line in handle:
            label = json.loads(line)
            spans[label["file"]].append((label["offset"], label["offset"] + label["length"]))
    return spans


def articles(folder: Path):
    for path in sorted(folder.rglob("*.txt")):
        if "source" in path.relative_to(folder).parts:  # dev-mqm's Chinese sources
            continue
        yield path, path.read_text(encoding="utf-8")


class LanguageToolBackend:
    """LanguageTool with nothing turned off (so one cached pass serves every tuning), judged by the pack."""

    def __init__(self, rule: Grammar) -> None:
        self.rule = rule
        self.session = grammar.session_for(RuleParams())
        self.dump = []

    def __call__(self, path: Path, text: str):
        doc = formats.parse(str(path), text)
        units = [(b, s, e) for b, s, e in doc.units(self.rule.scope) if b.text[s:e].strip()]
        results = self.session.check([b.text[s:e] for b, s, e in units])
        out = []
        for (block, offset, stop), matches in zip(units, results):
            for m in matches:
                level = self.rule.judge(m, block.text[offset:stop])
                s = block.textmap.orig_start(offset + m.start)
                e = max(block.textmap.orig_end(offset + m.end), s)
                self.dump.append({"path": str(path), "rule": m.rule, "category": m.category, "issue_type": m.issue_type,
                                  "level": level, "offset": s, "end": e, "match": text[s:e],
                                  "context": block.text[max(offset, offset + m.start - 50):offset + m.end + 50]})
                if level is not None:
                    out.append((f"grammar.{m.rule}", level, s, e, text[s:e]))
        return out


class HarperBackend:
    def __init__(self) -> None:
        import harper

        self.linter = harper.Linter(harper.Dialect.AMERICAN)

    def __call__(self, path: Path, text: str):
        doc = formats.parse(str(path), text)
        out = []
        for block, start, end in doc.units("any"):
            plain = block.text[start:end]
            for name, lints in self.linter.organized_lints(plain, language="plaintext").items():
                for lint in lints:
                    s = block.textmap.orig_start(start + lint.span.start)
                    e = block.textmap.orig_end(start + lint.span.end)
                    out.append((f"harper.{name}", "warning", s, e, text[s:e]))
        return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="LanguageTool server (default: MTLINT_LANGUAGETOOL_URL or a local one)")
    parser.add_argument("--backend", choices=("languagetool", "harper"), default="languagetool")
    parser.add_argument("--defaults", action="store_true", help="LanguageTool's defaults: no rule off, every match a warning")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--show", metavar="RULE", help="print this rule's findings (file, match, on a marked span?)")
    parser.add_argument("--min", type=int, default=2, help="list rules with at least this many findings")
    parser.add_argument("--cache", action="store_true", help="use the grammar cache (fast re-runs while tuning; "
                        "the words/s figure is then not LanguageTool's)")
    parser.add_argument("--dump", type=Path, help="write every LanguageTool match as JSON lines (for analysis)")
    args = parser.parse_args()
    mqm, human = args.corpus / "dev-mqm", args.corpus / "dev" / "human"
    labels = load_labels(mqm)

    if args.backend == "harper":
        check = HarperBackend()
    else:
        grammar.start_run({"languagetool": {} if args.cache else {"cache_dir": False}}, args.url)
        if args.defaults:
            rule = Grammar("grammar.LanguageTool", {"kind": "grammar", "levels": {"default": "warning"}}, str(ROOT))
        else:
            rule = next(r for r in load_pack(str(ROOT / "rules" / "grammar")).rules if r.kind == "grammar")
        check = LanguageToolBackend(rule)

    on_span, on_mqm, on_human, levels = Counter(), Counter(), Counter(), {}
    shown = []
    words = {"mqm": 0, "human": 0}
    started = time.perf_counter()
    for name, folder, counter in (("mqm", mqm, on_mqm), ("human", human, on_human)):
        for path, text in articles(folder):
            words[name] += len(text.split())
            spans = labels.get(path.relative_to(folder).as_posix(), []) if name == "mqm" else []
            for rule_id, level, s, e, match in check(path, text):
                counter[rule_id] += 1
                levels[rule_id] = level
                hit = any(a < e and s < b for a, b in spans)
                if name == "mqm" and hit:
                    on_span[rule_id] += 1
                if args.show == rule_id:
                    shown.append(f"{name} {path.relative_to(folder)} {'MARKED ' if hit else ''}{match!r} :: {text[max(0, s - 40):e + 40]!r}")
    seconds = time.perf_counter() - started

    total_words = words["mqm"] + words["human"]
    print(f"{args.backend}{' defaults' if args.defaults else ''}: {words['mqm']:,} words of dev-mqm, "
          f"{words['human']:,} of dev/human, {seconds:.0f} s ({total_words / seconds:,.0f} words/s)")
    for label, chosen in (("all findings", None), ("warnings+errors", ("warning", "error"))):
        rules = [r for r in levels if chosen is None or levels[r] in chosen]
        n_mqm, n_span, n_human = (sum(c[r] for r in rules) for c in (on_mqm, on_span, on_human))
        precision = n_span / n_mqm if n_mqm else 0.0
        print(f"  {label}: {n_mqm} on dev-mqm, {precision:.1%} on a marked span ({n_mqm * 1000 / words['mqm']:.2f}/1000 words); "
              f"{n_human} on dev/human ({n_human * 1000 / words['human']:.3f}/1000 words)")
    print(f"\n  {'rule':<44} {'level':<10} {'mqm':>5} {'marked':>7} {'prec':>6} {'human':>6} {'/1000w':>7}")
    for rule_id in sorted(levels, key=lambda r: -(on_mqm[r] + on_human[r])):
        if on_mqm[rule_id] + on_human[rule_id] < args.min:
            continue
        precision = on_span[rule_id] / on_mqm[rule_id] if on_mqm[rule_id] else 0.0
        print(f"  {rule_id:<44} {levels[rule_id]:<10} {on_mqm[rule_id]:>5} {on_span[rule_id]:>7} {precision:>6.0%} "
              f"{on_human[rule_id]:>6} {on_human[rule_id] * 1000 / words['human']:>7.3f}")
    for line in shown:
        print(line)
    if args.dump and args.backend == "languagetool":
        with open(args.dump, "w", encoding="utf-8") as handle:
            for row in check.dump:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
