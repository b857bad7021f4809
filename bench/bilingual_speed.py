"""Speed of bilingual checking: a pair must cost at most twice the target alone.

Checks every dev/ MT output (ja→en) with the default packs twice, alone and with
its Japanese source (adding the Source pack), in one process, after a warm-up,
and prints both times and their ratio.

Run: .venv/bin/python bench/bilingual_speed.py [--corpus ../shared/corpus] [--limit N]
"""
from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from lint.bilingual.context import Setup, attacher  # noqa: E402
from lint.config import Config, Selection, active_rules  # noqa: E402
from lint.engine import lint_text  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus"))
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    base = os.path.join(args.corpus, "dev")
    pairs = []
    for name in sorted(os.listdir(os.path.join(base, "mt"))):
        doc_id = name.rsplit(".", 2)[0]
        pairs.append((os.path.join(base, "mt", name), os.path.join(base, "source", doc_id + ".ja.txt")))
    if args.limit:
        pairs = pairs[: args.limit]
    texts = {t: open(t, encoding="utf-8").read() for t, _ in pairs}
    config = Config(root=".")
    alone_rules = active_rules(config, Selection())
    pair_rules = active_rules(config, Selection(enable=("Source",)))
    for target, source in pairs[:3]:  # warm-up: models, caches of the rule packs
        lint_text(target, texts[target], pair_rules, target, False, attacher(Setup(source, (), "ja"), target, config))
    start = time.perf_counter()
    for target, _ in pairs:
        lint_text(target, texts[target], alone_rules)
    alone = time.perf_counter() - start
    start = time.perf_counter()
    for target, source in pairs:
        lint_text(target, texts[target], pair_rules, target, False, attacher(Setup(source, (), "ja"), target, config))
    paired = time.perf_counter() - start
    words = sum(len(t.split()) for t in texts.values())
    print(f"{len(pairs)} translations, {words} words")
    print(f"target alone: {alone:.2f}s; with source: {paired:.2f}s; ratio {paired / alone:.2f} (must be <= 2)")


if __name__ == "__main__":
    main()
