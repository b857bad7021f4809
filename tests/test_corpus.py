"""Measurements on the shared human-written news (read in place, never copied): false alarms stay rare."""
from __future__ import annotations

import json

import pytest

from conftest import HUMAN, lint, run_cli

needs_corpus = pytest.mark.skipif(not HUMAN.is_dir(), reason="the shared dev corpus is not beside the repository")


@needs_corpus
def test_false_alarms_on_human_news_stay_below_one_per_10000_words():
    result = run_cli("check", "--pack", "MTArtefacts", "--format", "json", "--fail-on", "never", str(HUMAN))
    findings = json.loads(result.stdout)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in HUMAN.glob("*.txt"))
    serious = [f for f in findings if f["level"] != "suggestion"]
    assert len(serious) * 1000 / words < 0.1, [(f["rule"], f["match"]) for f in serious]


@needs_corpus
def test_precision_on_the_shared_human_corpus_is_not_made_worse_by_the_new_rules():
    rules = {"MTArtefacts.SpaceThousands", "MTArtefacts.Placeholder", "MTArtefacts.ForeignQuotes",
             "MTArtefacts.Untranslated", "MTArtefacts.Mojibake", "MTArtefacts.GarbledQuote",
             "Boilerplate.Advertisement", "Boilerplate.ShareWidgets", "Boilerplate.CommentForm",
             "Boilerplate.HeadlineSuffix"}
    hits = []
    for path in sorted(HUMAN.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        hits += [(path.name, f.rule, f.match) for f in lint(text, str(path)) if f.rule in rules]
    assert hits == []
