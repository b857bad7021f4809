"""User packs: the generic kinds (existence, substitution, consistency, pattern), templated messages,
exceptions and scopes; rule and pack files that fail loudly (file:line), regex time limits, `rules list/show/test`;
and the built-in packs' YAML holding no bare booleans."""
from __future__ import annotations

import time

import pytest
import yaml

from conftest import EXAMPLES, PLACES, ROOT, make_pack, run_cli
from lint.config import Config, Selection, active_rules
from lint.engine import lint_text


def check(root, text: str, name: str = "a.txt", *extra):
    (root / name).write_text(text, encoding="utf-8")
    result = run_cli("check", "--format", "json", *extra, str(root / name))
    return result, (result.json() if result.stdout.startswith("[") else None)


def test_existence_tokens_patterns_and_message_template(tmp_path):
    make_pack(tmp_path, {"Vague.yml": """
        kind: existence
        level: error
        ignorecase: true
        message: "'{match}' is vague"
        tokens: [reportedly, sources say]
        patterns: ['\\b(?P<n>\\d+) (?:odd|strange) things']
        """})
    result, found = check(tmp_path, "Intro.\n\nIt REPORTEDLY fell; sources  say no.\nWe saw 12 odd things.\n")
    assert result.exit_code == 1
    assert [(f["rule"], f["level"], f["line"], f["column"], f["match"], f["message"]) for f in found] == [
        ("Custom.Vague", "error", 3, 4, "REPORTEDLY", "'REPORTEDLY' is vague"),
        ("Custom.Vague", "error", 3, 21, "sources  say", "'sources  say' is vague"),  # any white space
        ("Custom.Vague", "error", 4, 8, "12 odd things", "'12 odd things' is vague"),
    ]


def test_substitution_swap_exceptions_case_and_fix(tmp_path):
    make_pack(tmp_path, {"Towns.yml": """
        kind: substitution
        fixable: true
        ignorecase: true
        swap: {Peking: Beijing}
        exceptions: ['Peking [Dd]uck']
        """})
    _, found = check(tmp_path, "Intro.\n\nIn PEKING and Peking we ate Peking duck.\n")
    assert [(f["column"], f["match"], f["suggestions"], f["fix"]["replacement"]) for f in found] == [
        (4, "PEKING", ["BEIJING"], "BEIJING"),
        (15, "Peking", ["Beijing"], "Beijing"),
    ]
    assert found[1]["message"] == "Use 'Beijing' instead of 'Peking'."


def test_substitution_names_match_stripped_and_partly_stripped_forms(tmp_path):
    make_pack(tmp_path, {"People.yml": """
        kind: substitution
        names: ["Recep Tayyip Erdoğan", "Radosław Sikorski", "Jonas Gahr Støre"]
        message: "{match} -> {suggestion} ({name})"
        """})
    text = "Intro.\n\nRecep Tayyip Erdogan met Radoslaw Sikorski and Jonas Gahr Store.\nLater Erdogan left; Støre stayed.\n"
    _, found = check(tmp_path, text)
    assert [(f["line"], f["column"], f["match"], f["suggestions"][0]) for f in found] == [
        (3, 1, "Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"),
        (3, 26, "Radoslaw Sikorski", "Radosław Sikorski"),
        (3, 48, "Jonas Gahr Store", "Jonas Gahr Støre"),
        (4, 7, "Erdogan", "Erdoğan"),
    ]
    assert found[3]["message"] == "Erdogan -> Erdoğan (Recep Tayyip Erdoğan)"


def test_substitution_surname_alone_needs_the_full_name_in_the_article(tmp_path):
    make_pack(tmp_path, {"People.yml": 'kind: substitution\nnames: ["Pedro Sánchez"]\n'})
    _, found = check(tmp_path, "Intro.\n\nSanchez scored twice for the club.\n")
    assert found == []


def test_consistency_either_reports_the_rarer_variant(tmp_path):
    make_pack(tmp_path, {"Spelling.yml": """
        kind: consistency
        either: {organisation: organization}
        """})
    _, found = check(tmp_path, "Intro.\n\nThe organisation grew.\n\nThe organization and the organization shrank.\n")
    assert [(f["line"], f["column"], f["match"], f["suggestions"]) for f in found] == [(3, 5, "organisation", ["organization"])]


def test_consistency_diacritics_needs_no_list(tmp_path):
    make_pack(tmp_path, {"Accents.yml": "kind: consistency\ndiacritics: true\n"})
    _, found = check(tmp_path, "Intro.\n\nPetra Srncová was seen.\n\nSrncova worked in Lambeth; Srncová lived nearby.\n")
    assert [(f["line"], f["column"], f["match"], f["suggestions"]) for f in found] == [(5, 1, "Srncova", ["Srncová"])]


def test_pattern_named_groups_replace_and_scope(tmp_path):
    make_pack(tmp_path, {"Suffix.yml": r"""
        kind: pattern
        scope: headline
        fixable: true
        pattern: '\s+\|\s+(?P<site>[^|]+)$'
        replace: ''
        message: "suffix {site}"
        """})
    _, found = check(tmp_path, "Big news today | Daily Planet\n\nBody text | not a headline.\n")
    assert [(f["line"], f["column"], f["match"], f["message"], f["suggestions"]) for f in found] == [
        (1, 15, " | Daily Planet", "suffix Daily Planet", [""]),
    ]


def test_sentence_and_quotation_scopes(tmp_path):
    make_pack(tmp_path, {
        "InQuote.yml": "kind: existence\nscope: quotation\ntokens: [war]\n",
        "Start.yml": "kind: pattern\nscope: sentence\npattern: '^And\\b'\n",
    })
    _, found = check(tmp_path, "Intro.\n\nThe war went on. And he said “the war is over” today.\n")
    assert [(f["rule"], f["column"], f["match"]) for f in found] == [
        ("Custom.Start", 18, "And"),
        ("Custom.InQuote", 35, "war"),
    ]


BROKEN = {
    "bad yaml": ("Bad.yml", "kind: existence\ntokens: [a, b\nlevel: warning\n", "Bad.yml:3"),
    "unknown kind": ("Bad.yml", "level: warning\nkind: spellcheck\ntokens: [a]\n", "Bad.yml:2: rule Custom.Bad" if False else "Bad.yml:2"),
    "unknown field": ("Bad.yml", "kind: existence\ntokens: [a]\nlevle: warning\n", "Bad.yml:3"),
    "bad regex": ("Bad.yml", "kind: pattern\n\npattern: '(unclosed'\n", "Bad.yml:3"),
    "bad level": ("Bad.yml", "kind: existence\ntokens: [a]\nlevel: fatal\n", "Bad.yml:3"),
    "missing tokens": ("Bad.yml", "kind: existence\nlevel: warning\n", "Bad.yml:1"),
}


def test_broken_packs_fail_with_exit_2_and_file_line(tmp_path):
    for label, (filename, body, where) in BROKEN.items():
        root = tmp_path / label.replace(" ", "_")
        root.mkdir()
        make_pack(root, {filename: body})
        result, _ = check(root, "Some text.\n")
        assert result.exit_code == 2, label
        assert result.stdout == "", label
        [line] = result.stderr.strip().splitlines()
        assert line.startswith("mtlint: error: ") and where in line.replace("\\", "/"), (label, line)
        assert "Traceback" not in result.stderr


def test_unknown_kind_message_lists_known_kinds(tmp_path):
    make_pack(tmp_path, {"Bad.yml": "kind: spellcheck\n"})
    result, _ = check(tmp_path, "x\n")
    assert "unknown kind 'spellcheck' (known: consistency, existence" in result.stderr


def test_catastrophic_regex_is_stopped_and_reported(tmp_path):
    make_pack(tmp_path, {
        "Slow.yml": "kind: pattern\npattern: '(a|aa)+$'\n",
        "Fine.yml": "kind: existence\ntokens: [Kiev]\n",
    })
    start = time.monotonic()
    result, found = check(tmp_path, "Intro.\n\nKiev " + "a" * 60 + "b\n")
    assert time.monotonic() - start < 10
    assert result.exit_code == 2
    assert "Custom.Slow: regex '(a|aa)+$' took over 2s and was stopped" in result.stderr
    assert [(f["rule"], f["match"]) for f in found] == [("Custom.Fine", "Kiev")]  # the rest still ran


def test_rules_list_show_and_test():
    listing = run_cli("rules", "list").stdout
    assert "Terminology.UkrainePlaces" in listing and "Terminology.UkrainianGivenNames" in listing
    line = next(l for l in listing.splitlines() if "UkrainianGivenNames" in l)
    assert " off " in line
    shown = run_cli("rules", "show", "Names.People").stdout
    assert "kind: substitution   level: suggestion" in shown and "Stephane Sejourne" in shown
    tested = run_cli("rules", "test")
    assert tested.exit_code == 0, tested.stdout
    assert tested.stdout.strip().endswith("0 examples failed.")
    missing = run_cli("rules", "show", "No.Such")
    assert missing.exit_code == 2 and "unknown rule 'No.Such'" in missing.stderr


def test_rules_test_reports_a_failing_example(tmp_path):
    make_pack(tmp_path, {"Towns.yml": """
        kind: substitution
        swap: {Peking: Beijing}
        examples:
          flag: ["In Beijing."]
          pass: ["In Peking."]
        """})
    result = run_cli("rules", "test", "Custom", "--config", str(tmp_path / ".mtlint.yaml"))
    assert result.exit_code == 1
    assert "FAIL Custom.Towns: not flagged: 'In Beijing.'" in result.stdout
    assert "FAIL Custom.Towns: flagged 'Peking' in: 'In Peking.'" in result.stdout


def test_example_house_pack_runs_through_the_examples_config():
    result = run_cli("rules", "test", "HouseStyle", "--config", str(EXAMPLES / ".mtlint.yaml"))
    assert result.exit_code == 0 and "4 rules checked, 0 examples failed." in result.stdout


def test_a_bare_yaml_boolean_in_a_word_list_is_an_error(tmp_path):
    make_pack(tmp_path, {"Words.yml": "kind: existence\n\ntokens: [yes, maybe]\n"})
    result, _ = check(tmp_path, "Some text.\n")
    assert result.exit_code == 2
    assert "Words.yml:3: rule Custom.Words: 'tokens' holds true: YAML reads bare no, yes, on and off as booleans" in result.stderr.replace("\\", "/")


# -- Bad packs -----------------------------------------------------------------------------------
def _check_rule(root, rule: str, files: dict[str, bytes] | None = None, meta: str | None = None, filename: str = "R.yml"):
    """`mtlint check` of a small article with the one rule `rule` (`filename` in pack Custom)."""
    make_pack(root, {filename: rule, **(files or {})}, meta=meta)
    (root / "a.txt").write_text("Intro.\n\nKiev is here.\n", encoding="utf-8")
    return run_cli("check", str(root / "a.txt"))


TSV = b"# comment\nwrong\tright\tkind\nKiev\tKyiv\tcity\n"


@pytest.mark.parametrize("rule, files, message", [
    ("kind: substitution\nswap_file: {path: s.tsv, where: [1]}\n", {"s.tsv": TSV},
     "R.yml:2: rule Custom.R: 'swap_file' 'where' must map a column name to the value (or values) a row needs"),
    ("kind: substitution\nswap_file: {path: s.tsv}\n", {"s.tsv": b"wrong\tright\n\xff\tKyiv\n"},
     "R.yml:2: rule Custom.R: 'swap_file' s.tsv is not valid UTF-8"),
    ("kind: substitution\nswap_file: {path: s.tsv}\n", {"s.tsv": TSV + b"# two\nLvov\n"},
     "R.yml:2: rule Custom.R: 'swap_file' s.tsv line 5: no 'wrong' or no 'right' value"),
    ("kind: substitution\nnames_file: n.txt\n", {"n.txt": b"S\xe9journ\xe9\n"},
     "R.yml:2: rule Custom.R: 'names_file' file n.txt is not valid UTF-8"),
    ("kind: substitution\nfixable: true\nswap: {Kiev: null}\n", None,
     "R.yml:3: rule Custom.R: 'swap' must map text to text, not 'Kiev': None"),
    ("kind: consistency\neither: {Kyiv: [Kiev]}\n", None,
     "R.yml:2: rule Custom.R: 'either' must map text to text, not 'Kyiv': ['Kiev']"),
    ("kind: existence\ntokens: [Kiev]\nenabled: 'false'\n", None,
     "R.yml:3: rule Custom.R: 'enabled' must be true or false, not 'false'"),
    ("kind: existence\npatterns: ['(?:Kiev)?']\n", None,
     "R.yml:2: rule Custom.R: 'patterns' can match the empty string"),
    ("kind: existence\ntokens: [Kiev, '']\n", None,
     "R.yml:2: rule Custom.R: 'tokens' can match the empty string"),
    ("kind: existence\ntokens: [Kiev]\nexceptions: ['x|']\n", None,
     "R.yml:3: rule Custom.R: 'exceptions' can match the empty string"),
    ("kind: existence\ntokens: [Kiev]\nmessage: [x]\n", None,
     "R.yml:3: rule Custom.R: 'message' must be text, not ['x']"),
    ("kind: existence\ntokens: [Kiev]\nexamples: {flag: [[Kiev]]}\n", None,
     "R.yml:3: rule Custom.R: examples: an example must be text, not ['Kiev']"),
])
def test_bad_rule_files_fail_loudly_with_file_and_line(tmp_path, rule, files, message):
    result = _check_rule(tmp_path, rule, files)
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_pack_default_must_be_true_or_false(tmp_path):
    result = _check_rule(tmp_path, "kind: existence\ntokens: [Kiev]\n", meta="name: Custom\ndefault: 'no'\n")
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("pack.yaml:2: 'default' must be true or false")


def test_rules_test_reports_a_regex_timeout_as_such(tmp_path, monkeypatch):
    from lint.kinds import base

    monkeypatch.setattr(base, "REGEX_TIMEOUT", 0.1)
    _check_rule(tmp_path, "kind: existence\ntokens: [foo]\nexceptions: ['(?:a|aa)+$']\n"
                    f"examples: {{flag: ['foo {'a' * 60}b']}}\n")
    result = run_cli("rules", "test", "Custom", cwd=tmp_path)
    assert result.exit_code == 1
    assert "took over 0.1s and was stopped" in result.stdout and "not flagged" not in result.stdout


def test_regex_timeout_counts_the_regex_not_the_work_on_its_matches(monkeypatch):
    # A long paragraph with many hits was reported as "catastrophic backtracking" of a built-in rule.
    from lint.kinds import base

    monkeypatch.setattr(base, "REGEX_TIMEOUT", 0.5)
    text = "Intro.\n\n" + "Kiev and Kharkov said. " * 20000 + "\n"
    rules = active_rules(Config(root=str(ROOT)), Selection(packs=("Terminology",)))
    result = lint_text("a.txt", text, rules)
    assert result.errors == []
    assert len([f for f in result.findings if f.rule == PLACES]) == 40000


@pytest.mark.parametrize(
    "body, line, words",
    [
        ("kind: quotation\nscope: paragraph\nfunction_words: [the]\n", 2, "scope: quotation"),
        ("kind: quotation\nfunction_words: [the]\nmin_weak: many\n", 3, "'min_weak'"),
        ("kind: quotation\nlevel: warning\n", 1, "needs 'function_words'"),
        ("kind: repetition\nnames: maybe\n", 2, "'names' must be true or false"),
        ("kind: repetition\nallow: {a: b}\n", 2, "'allow' must be a string or a list"),
        ("kind: script\nhomoglyphs: {a: б}\n", 2, "must map one Cyrillic or Greek letter"),
        ("kind: script\nlevel: warning\n", 1, "needs 'homoglyphs'"),
        ("kind: language\nlanguages: [de]\n", 2, "'languages' must be a mapping of text to text"),
        ("kind: language\nlanguages: {German: German}\nfunction_words: {en: [the]}\n", 2, "ISO 639"),
        ("kind: language\nlanguages: {de: German}\nfunction_words: {de: [der]}\n", 3, "including 'en'"),
        ("kind: language\nlanguages: {de: German}\nfunction_words: {en: [the]}\nconfidence: 2\n", 4, "'confidence'"),
        ("kind: language\nlanguages: {de: German}\nfunction_words: {en: [the]}\nmin_words: {title: 3}\n", 4, "'min_words'"),
        ("kind: mojibake\ncharset: cp1252\n", 2, "unknown field 'charset'"),
    ],
)
def test_bad_fields_of_the_new_kinds_fail_with_file_and_line(tmp_path, body, line, words):
    result = _check_rule(tmp_path, body, filename="Rule.yml")
    assert result.exit_code == 2
    assert f"Rule.yml:{line}:" in result.stderr
    assert words in result.stderr


def test_function_word_lists_hold_no_yaml_booleans():
    """`no`, `on`, `yes` and `off` unquoted are read by YAML as true and false, and silently lost as words."""

    def booleans(value, path=()):
        if isinstance(value, bool):
            yield path
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in ("fixable", "enabled", "multiline", "names", "ignorecase", "diacritics"):
                    yield from booleans(item, path + (key,))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                yield from booleans(item, path + (i,))

    for path in sorted((ROOT / "rules").glob("*/*.yml")):
        assert list(booleans(yaml.safe_load(path.read_text(encoding="utf-8")))) == [], path
