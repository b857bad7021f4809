"""The Boilerplate pack: what the examples cannot pin (the headline-suffix message, every known outlet)."""
from __future__ import annotations

from conftest import found, lint

PACK = ("Boilerplate",)



def test_headline_suffix_of_a_french_headline_with_guillemets_and_agency_names():
    text = "Macron : « nous ne pouvons pas exclure » l’envoi de troupes – Le Monde\n\nThe talks ended.\n"
    findings = lint(text, packs=PACK)
    assert [(f.rule, f.line, f.column, f.match, f.fix.replacement) for f in findings] == [
        ("Boilerplate.HeadlineSuffix", 1, 60, " – Le Monde", "")
    ]
    assert findings[0].message == "The headline ends with the site or section name 'Le Monde'; remove it."
    for outlet in ("UNIAN", "TASS", "Ukrinform", "Kyiv Independent", "Meduza", "Interfax-Ukraine", "RIA Novosti",
                   "Xinhua", "Kyodo", "NHK", "Yonhap"):
        assert found(f"Russian strikes hit the port - {outlet}\n\nThe talks ended.\n", packs=PACK) == [
            ("Boilerplate.HeadlineSuffix", 1, 29, f" - {outlet}")
        ], outlet
    # no outlet: a dash is headline punctuation
    assert found("Inflation - and why it matters now\n\nThe talks ended.\n", packs=PACK) == []
