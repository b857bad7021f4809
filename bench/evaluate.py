#!/usr/bin/env python3
"""Findings per 1000 words, by rule and level, on a folder of articles.

Used to measure false alarms on clean human-written news and to see what fires
on real machine translation (the shared dev corpus is read in place, never copied):

    python bench/evaluate.py ../shared/corpus/dev/human
    python bench/evaluate.py ../shared/corpus/dev/mt --show 20
    python bench/evaluate.py ../shared/corpus/dev/human -- --pack Names   # extra mtlint options after --
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--show", type=int, default=0, help="print up to N findings (path:line rule match)")
    parser.add_argument("--mtlint", default=shutil.which("mtlint") or "mtlint")
    argv = sys.argv[1:]
    split = argv.index("--") if "--" in argv else len(argv)  # (argparse would take mtlint's options for its own)
    args = parser.parse_args(argv[:split])
    args.extra = argv[split + 1:]
    words = sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in args.folder.rglob("*.txt"))
    proc = subprocess.run([args.mtlint, "check", "--format", "json", "--fail-on", "never", *args.extra, str(args.folder)],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        print(proc.stderr, file=sys.stderr)
        return 1
    findings = json.loads(proc.stdout)
    by_rule = Counter((f["rule"], f["level"]) for f in findings)
    serious = sum(n for (_, level), n in by_rule.items() if level != "suggestion")
    print(f"{words:,} words, {len(findings)} findings: {serious * 1000 / words:.3f} warnings+errors and "
          f"{(len(findings) - serious) * 1000 / words:.3f} suggestions per 1000 words")
    for (rule, level), n in sorted(by_rule.items(), key=lambda kv: -kv[1]):
        print(f"  {rule:<36} {level:<10} {n:>5}  {n * 1000 / words:.3f}/1000 words")
    for f in findings[: args.show]:
        print(f"  {Path(f['path']).name}:{f['line']}:{f['column']} {f['rule']} {f['match'][:70]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
