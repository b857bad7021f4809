"""The mojibake kind (MTArtefacts.Mojibake): narrowed to the broken characters, each with ftfy's repair;
real accents and another rule's quotation marks are not mojibake."""
from __future__ import annotations

from conftest import found, lint

PACK = ("MTArtefacts",)



def test_mojibake_is_narrowed_to_the_broken_characters_with_ftfy_fix():
    text = "Headline\n\nThe minister said he donâ€™t know; talks were held at a cafÃ© in SÃ£o Paulo.\n"
    findings = lint(text, packs=PACK)
    assert [(f.rule, f.column, f.match, f.fix.replacement) for f in findings] == [
        ("MTArtefacts.Mojibake", 25, "â€™", "’"),
        ("MTArtefacts.Mojibake", 60, "Ã©", "é"),
        ("MTArtefacts.Mojibake", 67, "Ã£", "ã"),
    ]
    # accented letters and typographic marks are not mojibake (the German quotation marks are another rule's)
    assert found("Headline\n\nThe bear in Bärenfels said „Nein“ – naïve, in São Paulo’s café.\n", packs=PACK) == [
        ("MTArtefacts.ForeignQuotes", 3, 28, "„Nein“")
    ]


SUSPECT_BUT_CLEAN = ["Lukáš Neuheisl orders from Střížkov", "Tomáš Roček and Dobříš", "Çavuşoğlu met Erdoğan",
                     "The café’s menu — crème brûlée", "Ağrı, Iğdır and Şırnak"]
BROKEN = ["he donâ€™t know", "voilÃ le travail", "cafÃ© in SÃ£o Paulo", "EskiÅŸehir", "Ã³", "â€œquotedâ€\x9d",
          "sÃ³ that", "Ã¢â‚¬Å“doubleÃ¢â‚¬Â\x9d"]


def test_ftfy_is_asked_first_whether_a_text_is_bad_and_repairs_as_its_fix_encoding_does():
    import ftfy

    from lint.kinds import mojibake

    for text in SUSPECT_BUT_CLEAN + BROKEN:
        assert mojibake._fix_encoding(text) == ftfy.fix_encoding(text), text
    assert all(not mojibake._ftfy_is_bad()(text) for text in SUSPECT_BUT_CLEAN)


def test_an_article_whose_suspect_letters_ftfy_finds_clean_never_imports_ftfy(tmp_path):
    import os
    import subprocess
    import sys

    probe = ("import sys\nfrom conftest import lint\n"
             "print([f.match for f in lint(open(sys.argv[1], encoding='utf-8').read(), packs=('MTArtefacts',))],"
             " 'ftfy' in sys.modules)")
    tests = os.path.dirname(os.path.abspath(__file__))

    def run(text: str) -> list[str]:
        """The matches of a fresh process's lint of `text`, and whether it imported the ftfy package."""
        (tmp_path / "a.txt").write_text(text, encoding="utf-8")
        return subprocess.run([sys.executable, "-c", probe, str(tmp_path / "a.txt")], cwd=tests, capture_output=True,
                              text=True, check=True, env={**os.environ, "PYTHONPATH": tests}).stdout.split()

    assert run("Headline\n\n" + ". ".join(SUSPECT_BUT_CLEAN) + ".\n") == ["[]", "False"]
    assert run("Headline\n\nThe minister said he donâ€™t know.\n") == ["['â€™']", "True"]
