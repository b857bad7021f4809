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
