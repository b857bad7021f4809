"""The repetition kind (MTArtefacts.DoubledWord): message, fix and a doubling across a line break.
Which doublings are English (had had, that that, Duran Duran) are the rule's own pass examples."""
from __future__ import annotations

from conftest import assert_spans_match, lint

PACK = ("MTArtefacts",)



def test_doubled_word_with_fix_and_across_a_line_break():
    text = "Headline\n\nThe the talks will resume in in Geneva, and the\nthe army is ready.\n"
    findings = lint(text, packs=PACK)
    assert [(f.rule, f.line, f.column, f.match, f.fix.replacement) for f in findings] == [
        ("MTArtefacts.DoubledWord", 3, 1, "The the", "The"),
        ("MTArtefacts.DoubledWord", 3, 27, "in in", "in"),
        ("MTArtefacts.DoubledWord", 3, 45, "the\nthe", "the"),
    ]
    assert findings[0].message == "'The' is written twice in a row ('The the'): delete one."
    assert_spans_match(text, findings)
