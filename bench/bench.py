#!/usr/bin/env python3
"""Words per second of `mtlint check` as a whole process, with the default packs.

Generates a corpus of article-sized files (about 600 words each, news-like
sentences built from the seed article's sentences and a news vocabulary, with
an artefact now and then) or reads an existing folder (`--corpus DIR`), then
times one `mtlint check` process over it, start-up and pack loading included.

    python bench/bench.py --words 1000000            # one core, plain text
    python bench/bench.py --words 1000000 --format md --jobs 2
    python bench/bench.py --corpus ../shared/corpus/dev/human
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The benchmarks run tools as installed tools run, with their bytecode cached: a shell that sets
# PYTHONDONTWRITEBYTECODE (this machine's does) would make every process compile its modules again.
INSTALLED_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
VOCABULARY = (
    "government minister officials said on Tuesday that the country would continue to support its allies "
    "in the region despite growing pressure from opposition parties and rising prices for energy and food "
    "the president told reporters after a meeting with European leaders in the capital where talks focused "
    "on security trade and migration analysts expect the central bank to raise interest rates again next month "
    "as inflation remains well above its target of two percent according to figures published by the statistics office"
).split()
ARTEFACTS = [
    "Two of Kiev's strongest supporters met in Kharkov.",
    "French Foreign Minister Stephane Sejourne spoke to lawmakers.",
    "Leave a Reply",
    "See also\u00a0 Markets rally as inflation cools in the euro zone - Daily News",
]


def _sentences() -> list[str]:
    seed = (ROOT / "examples" / "seed-article.repaired.txt").read_text(encoding="utf-8")
    return [s.strip() for s in seed.replace("\n", " ").split(". ") if len(s.split()) > 6]


def make_article(rng: random.Random, words: int, seeds: list[str]) -> list[str]:
    """Paragraphs of about `words` words: real sentences, shuffled vocabulary, rare artefacts."""
    paragraphs, count = [], 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            if rng.random() < 0.5:
                sentence = rng.choice(seeds).rstrip(".") + "."
            else:
                length = rng.randint(12, 28)
                chosen = [rng.choice(VOCABULARY)]
                while len(chosen) < length:
                    word = rng.choice(VOCABULARY)
                    if word != chosen[-1]:  # no accidental doubled words
                        chosen.append(word)
                body = " ".join(chosen)
                sentence = body[0].upper() + body[1:] + "."
            sentences.append(sentence)
        if rng.random() < 0.03:
            sentences = [rng.choice(ARTEFACTS)]
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return paragraphs


def render(title: str, paragraphs: list[str], fmt: str) -> str:
    if fmt == "md":
        return f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n"
    if fmt == "html":
        body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
        return f"<!DOCTYPE html><html><head><title>{title}</title></head><body><h1>{title}</h1>\n{body}\n</body></html>\n"
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def generate(folder: Path, total_words: int, fmt: str, per_file: int, seed: int = 1) -> int:
    rng = random.Random(seed)
    seeds = _sentences()
    written, i = 0, 0
    while written < total_words:
        paragraphs = make_article(rng, per_file, seeds)
        text = render(f"Leaders meet as talks continue {i}", paragraphs, fmt)
        (folder / f"article-{i:05}.{fmt}").write_text(text, encoding="utf-8")
        written += len(text.split())
        i += 1
    return written


def count_words(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in folder.rglob("*") if p.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=1_000_000, help="words to generate (default 1,000,000)")
    parser.add_argument("--format", choices=("txt", "md", "html"), default="txt")
    parser.add_argument("--per-file", type=int, default=600, help="words per generated article")
    parser.add_argument("--jobs", type=int, default=1, help="mtlint --jobs (default 1: one core)")
    parser.add_argument("--corpus", type=Path, help="time this folder instead of generating one")
    parser.add_argument("--runs", type=int, default=3, help="timed runs; the best is reported")
    parser.add_argument("--mtlint", default=shutil.which("mtlint") or "mtlint", help="the mtlint executable")
    args = parser.parse_args()

    tmp = None
    if args.corpus:
        folder = args.corpus
        words = count_words(folder)
    else:
        tmp = tempfile.mkdtemp(prefix="mtlint-bench-")
        folder = Path(tmp)
        words = generate(folder, args.words, args.format, args.per_file)
    command = [args.mtlint, "check", "--jobs", str(args.jobs), "--format", "json", "--fail-on", "never", str(folder)]
    best = None
    try:
        for _ in range(args.runs):
            start = time.perf_counter()
            proc = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=INSTALLED_ENV)
            elapsed = time.perf_counter() - start
            if proc.returncode not in (0, 1):
                print(f"mtlint failed ({proc.returncode}): {proc.stderr.strip()}", file=sys.stderr)
                return 1
            best = elapsed if best is None else min(best, elapsed)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    files = "corpus" if args.corpus else f"{args.format}, {args.per_file} words/file"
    print(f"{words:,} words ({files}), --jobs {args.jobs}: {best:.2f} s, {words / best:,.0f} words/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
