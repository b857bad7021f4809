"""Rule examples that pin the span and the fix, as LanguageTool's do; `mtlint rules test` says how they differ."""
from __future__ import annotations

from conftest import make_pack, run_cli
from lint.config import Config, resolve
from lint.packs import builtin_packs_dir

RULE = """\
kind: substitution
fix: safe
swap: {{Peking: Beijing}}
examples:
  flag:
    - {example}
"""


def _pack(tmp_path, example: str) -> None:
    make_pack(tmp_path, {"Towns.yml": RULE.format(example=example)}, name="House", run_only=False)


def test_a_pinned_example_that_matches_passes(tmp_path):
    _pack(tmp_path, '{text: "Two of [[Peking]]\'s allies", fix: Beijing}')
    result = run_cli("rules", "test", "House", cwd=tmp_path)
    assert (result.exit_code, result.stdout) == (0, "1 rules checked, 0 examples failed.\n")


def test_a_span_off_by_one_character_fails_and_says_how(tmp_path):
    _pack(tmp_path, '{text: "Two of [[Peking\']]s allies", fix: Beijing}')
    result = run_cli("rules", "test", "House", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "FAIL House.Towns: expected \"Peking'\" at 7-14; got 'Peking' at 7-13 in: \"Two of [[Peking']]s allies\"",
        "1 rules checked, 1 example failed.",
    ]


def test_a_wrong_fix_fails_and_says_how(tmp_path):
    _pack(tmp_path, '{text: "Two of [[Peking]]\'s allies", fix: Bejing}')
    result = run_cli("rules", "test", "House", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        "FAIL House.Towns: 'Peking' should have fix 'Bejing', has 'Beijing' in: \"Two of [[Peking]]'s allies\"")


def test_an_unmarked_extra_finding_fails(tmp_path):
    _pack(tmp_path, '"[[Peking]] and Peking"')
    result = run_cli("rules", "test", "House", cwd=tmp_path)
    assert result.exit_code == 1
    assert "expected 'Peking' at 0-6; got 'Peking' at 0-6, 'Peking' at 11-17" in result.stdout


def test_every_built_in_rule_pins_at_least_one_example():
    registry = resolve(Config(root=builtin_packs_dir())).registry
    unpinned = [rule.id for rule in registry.rules.values() if not any(e.pinned for e in rule.examples.get("flag", []))]
    assert unpinned == []
    fixable = [r for r in registry.rules.values() if r.fix != "none"]
    assert fixable and all(any(e.fix is not None for e in r.examples["flag"]) for r in fixable), \
        [r.id for r in fixable if not any(e.fix is not None for e in r.examples["flag"])]


def test_examples_given_as_one_string_are_one_example(tmp_path):
    make_pack(tmp_path, {"R.yml": "kind: existence\ntokens: [Kiev]\nexamples: {flag: Kiev is here., pass: Kyiv}\n"})
    result = run_cli("rules", "test", "Custom", cwd=tmp_path)
    assert result.stdout == "1 rules checked, 0 examples failed.\n"  # was: each character an example
