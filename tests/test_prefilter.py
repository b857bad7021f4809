"""The fast path finds exactly what the exact rules find: the prefilter only ever skips blocks that cannot match."""
from __future__ import annotations

import os
import unicodedata

import pytest

from conftest import SEED, ROOT
from lint import formats
from lint.candidates import SWITCH
from lint.config import ActiveRule, Config, resolve
from lint.engine import lint_document
from lint.kinds.substitution import Substitution
from lint.textutil import fold


class _Everything:
    """Admits every block: the exact rule alone, as before the prefilter."""

    def admits(self, block) -> bool:
        return True

    def found(self, block):
        return None  # every phrase


def _articles(rule: Substitution) -> list[str]:
    """Every wrong form and name of `rule`, as written, folded, upper-cased, decomposed, with a line break inside."""
    forms = list(rule.lookup) + [canonical for canonical, _ in rule.names.values()]
    paragraphs = []
    for form in forms:
        half = form[: len(form) // 2] + fold(form[len(form) // 2:])  # diacritics kept on one half only
        paragraphs.append(f"Talks in {form}, {fold(form)}, {form.upper()} and {half}; "
                          f"{unicodedata.normalize('NFD', form)} and {form.replace(' ', chr(10), 1)} too.")
    chunk = 40
    return ["Headline\n\n" + "\n\n".join(paragraphs[i:i + chunk]) for i in range(0, len(paragraphs), chunk)]


def _findings(text: str, active, exact: bool):
    doc = formats.parse("a.txt", text)
    if exact:
        saved = active.rule.prefilter
        active.rule.prefilter = _Everything()
        os.environ[SWITCH] = "1"  # and no candidate pass either (lint.candidates)
    try:
        return [f.as_dict() for f in lint_document(doc, (active,)).findings]
    finally:
        if exact:
            active.rule.prefilter = saved
            del os.environ[SWITCH]


RULES = [ActiveRule(rule, rule.level) for rule in resolve(Config(root=str(ROOT))).registry.rules.values()
         if isinstance(rule, Substitution)]  # the built-in ones, those shipped off too


@pytest.mark.parametrize("active", RULES, ids=[a.rule.id for a in RULES])
def test_prefilter_and_exact_rule_agree(active):
    texts = _articles(active.rule) + [SEED.read_text(encoding="utf-8")]
    total = 0
    for text in texts:
        fast, exact = _findings(text, active, False), _findings(text, active, True)
        assert fast == exact
        total += len(fast)
    assert total > 0  # the texts do exercise the rule
