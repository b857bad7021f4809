"""The language kind (MTArtefacts.Untranslated): the language named in the message, names and titles
that are not fragments, and the identifier's model (offline, loaded only when needed, bad codes)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from conftest import REPAIRED, found, lint, make_pack, one, run_cli

PACK = ("MTArtefacts",)



UNTRANSLATED = [
    ("Ukrainian", "Ми не будемо відправляти війська в Україну."),
    ("Russian", "Мы не будем отправлять войска на Украину."),
    ("German", "Wir werden keine Bodentruppen in die Ukraine schicken."),
    ("French", "Nous n'enverrons pas de troupes en Ukraine, a dit le ministre."),
    ("Spanish", "El gobierno no enviará tropas a Ucrania en ningún caso."),
]


@pytest.mark.parametrize("language, sentence", UNTRANSLATED)
def test_untranslated_sentence_in_each_source_language(language, sentence):
    text = f"Headline\n\nThe ministry did not comment on Tuesday. {sentence} Talks continue next week.\n"
    f = one(text, packs=PACK)
    assert (f.rule, f.level, f.line, f.column, f.match) == ("MTArtefacts.Untranslated", "warning", 3, 42, sentence)
    assert f.message.startswith(f"Untranslated {language} text in an English article: '{sentence}'.")


def test_russian_sentence_whose_probability_is_split_with_bulgarian_and_ukrainian():
    sentence = "По словам губернатора, в результате атаки никто не пострадал."
    text = f"Headline\n\nThe governor spoke on Monday. {sentence} Talks continue.\n"
    findings = lint(text, packs=("MTArtefacts",))
    assert [(f.rule, f.line, f.column, f.match) for f in findings] == [("MTArtefacts.Untranslated", 3, 31, sentence)]
    assert findings[0].message.startswith("Untranslated Russian text")


def test_names_titles_slogans_and_single_words_pass():
    text = (
        "Headline\n\n"
        "The speaker of the Verkhovna Rada (Верховна Рада) met Ursula von der Leyen and Charles de Gaulle's heirs.\n\n"
        "Merkel's slogan “Wir schaffen das” (We can do it) was quoted by Le Monde and the Frankfurter Allgemeine Zeitung.\n\n"
        "He watched the film “La vita è bella” and called the plan a “провокація”, as Hume et al. wrote.\n"
    )
    assert found(text, packs=PACK) == []


def test_language_identification_needs_no_network(monkeypatch):
    from lint.kinds import language

    def no_network(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(language, "_IDENTIFIERS", {})
    ident = language.identifier(("de", "en", "uk"))
    assert ident.classify("Wir werden keine Bodentruppen in die Ukraine schicken.")[0] == "de"
    assert ident.classify("Ми не будемо відправляти війська в Україну.")[0] == "uk"


def test_plain_english_never_loads_the_identifier(monkeypatch):
    from lint.kinds import language

    def fail(*args):
        raise AssertionError("the identifier ran on plain English")

    monkeypatch.setattr(language, "identifier", fail)
    text = REPAIRED.read_text(encoding="utf-8")
    assert lint(text, packs=PACK) == []


def test_unknown_language_code_is_a_pack_error_not_a_crash(tmp_path):
    make_pack(tmp_path, {"Rule.yml": """\
        kind: language
        languages: {xx: Martian, de: German}
        function_words: {en: [the], de: [der, die, das, und]}
        """}, name="Bad")
    (tmp_path / "a.txt").write_text("Headline\n\nText.\n", encoding="utf-8")
    result = run_cli("check", str(tmp_path / "a.txt"))
    assert result.exit_code == 0  # the model is not loaded for text with no candidate
    (tmp_path / "a.txt").write_text("Headline\n\nDie Regierung und der Kanzler haben das gestern beschlossen.\n", encoding="utf-8")
    result = run_cli("check", str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert "Rule.yml:2:" in result.stderr and "xx" in result.stderr


def test_the_memory_mapped_model_identifies_as_py3langid_does(tmp_path, monkeypatch):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from lint import langid_model

    monkeypatch.setenv("MTLINT_CACHE_DIR", str(tmp_path / "cache"))
    first = langid_model.load_identifier()  # unpacks the model into the cache folder
    mapped = langid_model.load_identifier()  # maps it
    assert sorted(p.name for p in next((tmp_path / "cache").iterdir()).iterdir()) == [
        "classes.npy", "nextmove.npy", "nextmove_row.npy", "out_feat.npy", "pc.npy", "ptc.npy"]
    shipped = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    for text in ("Мы не будем отправлять войска на Украину.", "Wir werden keine Bodentruppen schicken.",
                 "El gobierno no enviará tropas a Ucrania.", "The talks resume on Monday in Geneva.",
                 "THE TALKS RESUME IN GENEVA", "", "1234 !!", "Caf\u0065\u0301 au lait, s'il vous plaît."):
        assert first.rank(text) == mapped.rank(text)
        _same_ranking(mapped, shipped, text)


def _same_ranking(mine, theirs, text):
    """The same languages, the same likeliest one, probabilities within 1e-5 (float64 sums here, numpy's float32
    there) and in the same order wherever two differ by more than that."""
    ours, shipped = mine.rank(text), theirs.rank(text)
    assert [code for code, _ in ours][:1] == [code for code, _ in shipped][:1], text
    assert mine.classify(text)[0] == theirs.classify(text)[0], text
    assert abs(mine.classify(text)[1] - theirs.classify(text)[1]) < 1e-5, text
    assert dict(ours).keys() == dict(shipped).keys()
    expected = dict(shipped)
    for code, probability in ours:
        assert abs(probability - expected[code]) < 1e-5, (text, code)
    for (a, pa), (b, pb) in zip(ours, ours[1:]):
        assert expected[a] >= expected[b] or pa - pb < 1e-5, (text, a, b)


def test_identifying_with_the_mapped_model_imports_neither_numpy_nor_py3langid(tmp_path):
    env = {**os.environ, "MTLINT_CACHE_DIR": str(tmp_path / "cache")}
    probe = ("import sys\nfrom lint import langid_model\n"
             "print(langid_model.load_identifier(('de', 'en')).classify('Wir werden keine Bodentruppen schicken.')[0],"
             " langid_model.load_identifier().classify('Мы не будем отправлять войска.')[0],"
             " 'numpy' in sys.modules, 'py3langid' in sys.modules)")
    run = lambda: subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True,  # noqa: E731
                                 check=True).stdout.split()
    assert run()[:2] == ["de", "ru"]  # the first use unpacks the model (with numpy) and writes the de-en table
    assert run() == ["de", "ru", "False", "False"]  # every later one only maps them


def test_the_model_restricted_to_some_languages_ranks_as_py3langid_restricted_does(tmp_path, monkeypatch):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from lint import langid_model

    monkeypatch.setenv("MTLINT_CACHE_DIR", str(tmp_path / "cache"))
    languages = ("uk", "ru", "de", "fr", "en")
    restricted = [langid_model.load_identifier(languages) for _ in range(2)]  # writes its table, then maps it
    assert any(p.name.startswith("ptc-") for p in next((tmp_path / "cache").iterdir()).iterdir())
    shipped = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    shipped.set_languages(list(languages))
    for text in ("Мы не будем отправлять войска на Украину.", "Ми не будемо відправляти війська.",
                 "Wir werden keine Bodentruppen schicken.", "The talks resume on Monday in Geneva."):
        assert restricted[0].rank(text) == restricted[1].rank(text)
        _same_ranking(restricted[1], shipped, text)
    with pytest.raises(ValueError, match="Unknown language"):
        langid_model.load_identifier(("xx", "en"))


def test_an_unwritable_cache_falls_back_to_py3langid_s_own_loading(tmp_path, monkeypatch):
    from lint import langid_model

    (tmp_path / "blocked").write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("MTLINT_CACHE_DIR", str(tmp_path / "blocked"))
    assert langid_model.load_identifier().classify("Wir werden keine Bodentruppen schicken.")[0] == "de"


@pytest.mark.parametrize("name, cut", [("nextmove.npy", 3), ("out_feat.npy", 400_000), ("ptc.npy", 27_000_000),
                                       ("pc.npy", 4), ("classes.npy", 12)])
def test_a_model_file_cut_short_falls_back_to_py3langid_s_own_loading(tmp_path, monkeypatch, name, cut):
    """A cached array shorter than its header says (a disk that filled up) is never read past its end: the
    identifier is py3langid's own, and identifies as it does."""
    from py3langid.langid import LanguageIdentifier

    from lint import langid_model

    monkeypatch.setenv("MTLINT_CACHE_DIR", str(tmp_path / "cache"))
    langid_model.load_identifier()  # unpacks the model into the cache folder
    (folder,) = (tmp_path / "cache").iterdir()
    data = (folder / name).read_bytes()
    (folder / name).write_bytes(data[: len(data) - cut])
    damaged = langid_model.load_identifier()
    assert isinstance(damaged, LanguageIdentifier)
    assert damaged.classify("Wir werden keine Bodentruppen schicken.")[0] == "de"
