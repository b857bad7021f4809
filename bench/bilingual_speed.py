"""Speed of bilingual checking: a pair must cost at most twice the target alone.

Checks every dev/ MT output (ja→en) with the default packs, alone and with its
Japanese source, each in a fresh process (mtlint's caches key on text, so a
second pass in one process would be free), after a warm-up on other texts. The
two modes alternate `--rounds` times and each keeps its best CPU time: the
machine's other load is not mtlint's cost.

Then the same as a user pays it: whole `mtlint check` processes over the pairs as two
folders, and over the seed article with its source, medians of `--rounds`.

Run: .venv/bin/python bench/bilingual_speed.py [--corpus ../shared/corpus] [--limit N] [--rounds 3]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import INSTALLED_ENV  # noqa: E402 - bench/bench.py (a pair imports more modules: bytecode matters more)


def pairs(corpus: str, limit: int) -> list[tuple[str, str]]:
    base = os.path.join(corpus, "dev")
    found = [(os.path.join(base, "mt", n), os.path.join(base, "source", n.rsplit(".", 2)[0] + ".ja.txt"))
             for n in sorted(os.listdir(os.path.join(base, "mt")))]
    return found[:limit] if limit else found


def timed(mode: str, corpus: str, limit: int) -> float:
    """Seconds to check the pairs in `mode` ('alone' or 'pair'), in this process."""
    from lint.bilingual.context import Setup, attacher
    from lint.config import Config, Selection, active_rules
    from lint.engine import lint_text

    todo = pairs(corpus, limit)
    texts = {t: open(t, encoding="utf-8").read() for t, _ in todo}
    config = Config(root=".")
    rules = active_rules(config, Selection() if mode == "alone" else Selection(enable=("Source",)))
    # Warm-up on texts of its own: each mode's one-time loads (models, dictionaries, compiled patterns) are done
    # before the clock starts, and no corpus text is cached.
    warm = "Junko Ishida said 633 people came to Kiev.\n\nA second paragraph with 20 thousand words."
    warm_source = "石田純子さんは、６３３人がキエフに来たと話した。\n\n２万語の段落。"
    from lint.bilingual.context import BilingualContext

    lint_text("warm.txt", warm, rules, "warm.txt", None,
              (lambda doc: BilingualContext(warm_source.split("\n\n"), "w", "ja").attach(doc)) if mode == "pair" else None)
    start = time.process_time()  # CPU time: other processes on the machine do not count
    for target, source in todo:
        attach = attacher(Setup(source, (), "ja"), target, config) if mode == "pair" else None
        lint_text(target, texts[target], rules, target, None, attach)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--mode", choices=("alone", "pair"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        print(timed(args.mode, args.corpus, args.limit))
        return
    runs = {"alone": [], "pair": []}
    for _ in range(args.rounds):
        for mode in runs:
            out = subprocess.run([sys.executable, __file__, "--mode", mode, "--corpus", args.corpus, "--limit", str(args.limit)],
                                 capture_output=True, text=True, check=True, env=INSTALLED_ENV).stdout
            runs[mode].append(float(out.strip().splitlines()[-1]))
    alone, paired = min(runs["alone"]), min(runs["pair"])
    words = sum(len(open(t, encoding="utf-8").read().split()) for t, _ in pairs(args.corpus, args.limit))
    print(f"{len(pairs(args.corpus, args.limit))} translations, {words} words; best of {args.rounds} fresh processes each")
    print(f"in process, CPU time of the checks, target alone: {alone:.2f}s; with source: {paired:.2f}s; "
          f"ratio {paired / alone:.2f} (must be <= 2)")
    whole(args.corpus, args.limit, args.rounds)


def _cpu(cmd: list[str]) -> float:
    """CPU time (user + system) of a whole child process."""
    before = os.times()
    subprocess.run(cmd, capture_output=True, check=False, env=INSTALLED_ENV)
    after = os.times()
    return (after.children_user - before.children_user) + (after.children_system - before.children_system)


def whole(corpus: str, limit: int, rounds: int) -> None:
    """What a user pays: whole `mtlint check` processes (start-up, imports, loads), without and with --source.

    The pairs go in as two folders (the translations, and their sources under the same names), so one process
    checks them all, as `mtlint check --source SRC_DIR TARGET_DIR` does; and one short article alone, as an editor's
    save does."""
    import shutil
    import tempfile

    mtlint = shutil.which("mtlint", path=os.path.dirname(sys.executable)) or "mtlint"
    common = [mtlint, "check", "--no-cache", "--jobs", "1", "-q", "--fail-on", "never"]
    with tempfile.TemporaryDirectory() as tmp:
        tgt, src = os.path.join(tmp, "mt"), os.path.join(tmp, "source")
        os.makedirs(tgt)
        os.makedirs(src)
        for target, source in pairs(corpus, limit):
            name = os.path.basename(target)
            os.symlink(os.path.abspath(target), os.path.join(tgt, name))
            os.symlink(os.path.abspath(source), os.path.join(src, name))
        seed = os.path.join(ROOT, "examples", "seed-article.txt")
        seed_source = os.path.join(ROOT, "examples", "bilingual", "seed-article.source.txt")
        cases = {
            "all pairs, one process": (common + [tgt], common + ["--source", src, "--source-lang", "ja", tgt]),
            "the seed article": (common + [seed], common + ["--source", seed_source, seed]),
        }
        for name, (alone_cmd, pair_cmd) in cases.items():
            alone = [_cpu(alone_cmd) for _ in range(rounds)]
            paired = [_cpu(pair_cmd) for _ in range(rounds)]
            a, p = statistics.median(alone), statistics.median(paired)
            print(f"whole process, {name}: CPU time alone {a:.2f}s; with source {p:.2f}s; ratio {p / a:.2f} "
                  f"(median of {rounds})")


if __name__ == "__main__":
    main()
