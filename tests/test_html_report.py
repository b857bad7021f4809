"""`--format html` in a real browser: Debian's chromium, driven headless by Playwright.

Every test loads the report from a file with every other request aborted and
recorded, and fails on any console error or page error (a CSP violation is one).
"""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT, run_cli
from lint.finding import Finding, Fix
from lint.output import Context
from lint.output.html import render
from lint.engine import Result

CHROMIUM = "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM),
                                reason="needs Debian's chromium at /usr/bin/chromium (.ci/run installs it)")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

# For each finding number (data-i), the text of its pieces joined in document order.
MATCHES_JS = """() => {
  const out = {};
  for (const m of document.querySelectorAll('mark.f')) {
    const i = m.dataset.i;
    if (!out[i]) out[i] = {rule: m.dataset.rule, level: m.dataset.level, offset: +m.dataset.offset, text: ''};
    // a piece's own text, without the text of highlights nested in it (they are counted in their own entry
    // and in this one through the walk below)
  }
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    for (let e = node.parentElement; e && e.tagName !== 'MAIN'; e = e.parentElement) {
      if (e.matches('mark.f')) out[e.dataset.i].text += node.data;
    }
  }
  return Object.values(out);
}"""


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


class Report:
    """A report open in a fresh browser context, with what it requested and logged."""

    def __init__(self, browser, path: Path) -> None:
        self.url = path.resolve().as_uri()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.goto(self.url)

    def _route(self, route) -> None:
        if route.request.url == self.url:
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def close(self) -> None:
        assert self.requests == [], f"the report made requests: {self.requests}"
        assert self.errors == [], f"console errors: {self.errors}"
        self.context.close()


def _report(tmp_path: Path, *paths: str, cwd=None) -> tuple[Path, list[dict]]:
    out = tmp_path / "report.html"
    result = run_cli("check", "--format", "html", "-o", str(out), *paths, cwd=cwd)
    assert result.exit_code in (0, 1), result.stderr
    findings = run_cli("check", "--format", "json", *paths, cwd=cwd).json()
    return out, findings


def _expected(findings: list[dict]) -> list[tuple]:
    return sorted((f["rule"], f["level"], f["offset"], f["match"]) for f in findings)


def _shown(page) -> list[tuple]:
    return sorted((m["rule"], m["level"], m["offset"], m["text"]) for m in page.evaluate(MATCHES_JS))


def test_seed_report_highlights_every_finding_exactly_and_screenshot(browser, tmp_path):
    out, findings = _report(tmp_path, "examples/seed-article.txt", cwd=ROOT)
    assert len(findings) == 8
    report = Report(browser, out)
    page = report.page
    assert _shown(page) == _expected(findings)
    # every highlight is one element whose own text is the match (the seed has no crossing overlaps)
    first = page.locator("mark.f[data-rule='Terminology.UkrainePlaces']")
    assert first.count() == 1 and first.text_content() == "Kiev"
    assert first.get_attribute("data-offset") == "1047"
    assert page.locator("mark.f[data-part]").count() == 0
    # the level is a symbol too, not only a colour
    symbol = page.evaluate("getComputedStyle(document.querySelector('mark.f.lv-warning'), '::before').content")
    assert symbol == '"▲"'
    # j selects the first finding and the panel explains it, with the fix as before/after
    page.keyboard.press("j")
    panel = page.locator("#panel")
    assert panel.is_visible()
    assert "Boilerplate.HeadlineSuffix" in panel.text_content()
    assert "Before:  | Russia-Ukraine War News" in panel.text_content()
    assert "After: (removed)" in panel.text_content()
    assert "safe fix" in panel.text_content()
    page.keyboard.press("j")
    assert page.locator("mark.f.current").text_content() == "Kiev"
    assert "Kyiv" in panel.text_content() and "official romanisation" in panel.text_content()
    assert panel.locator("a").get_attribute("href") == "https://github.com/Tyrrrz/SpellingUkraine"
    page.keyboard.press("k")
    assert page.locator("mark.f.current").get_attribute("data-rule") == "Boilerplate.HeadlineSuffix"
    page.keyboard.press("k")  # wraps round to the last finding
    assert page.locator("mark.f.current").text_content().startswith("Your email address")
    # the unsafe fix says it is unsafe
    page.locator("mark.f[data-rule='Names.People']").first.click()
    assert "unsafe fix" in panel.text_content() and "After: Stéphane Séjourné" in panel.text_content()
    page.locator("mark.f[data-rule='Terminology.UkrainePlaces']").click()
    page.evaluate("window.scrollTo(0, 0)")
    page.set_viewport_size({"width": 1280, "height": 1300})
    page.screenshot(path=str(ROOT / "docs" / "report-seed.png"))
    report.close()


def _visible_marks(page) -> list[str]:
    return page.evaluate("""() => [...document.querySelectorAll('mark.f')]
        .filter(m => getComputedStyle(m).borderBottomWidth !== '0px').map(m => m.dataset.rule)""")


def _visible_rows(page) -> int:
    return page.evaluate("() => [...document.querySelectorAll('div.row[data-i]')].filter(r => r.offsetParent !== null).length")


def test_filters_hide_and_show_findings(browser, tmp_path):
    out, findings = _report(tmp_path, str(EXAMPLES / "seed-article.txt"))
    report = Report(browser, out)
    page = report.page
    assert len(_visible_marks(page)) == 8 and _visible_rows(page) == 8
    page.locator("input[data-filter-level='warning']").uncheck()
    assert sorted(_visible_marks(page)) == ["Names.People", "Names.People"]
    assert _visible_rows(page) == 2
    page.keyboard.press("j")  # navigation skips what is filtered out
    assert page.locator("mark.f.current").text_content() == "Stephane Sejourne"
    page.keyboard.press("j")
    assert page.locator("mark.f.current").text_content() == "Sejourne"
    page.locator("input[data-filter-level='warning']").check()
    assert len(_visible_marks(page)) == 8 and _visible_rows(page) == 8
    page.locator(".rule-filter summary").click()
    page.locator("input[data-filter-rule='Boilerplate.CommentForm']").uncheck()
    shown = _visible_marks(page)
    assert len(shown) == 6 and "Boilerplate.CommentForm" not in shown
    assert _visible_rows(page) == 6
    assert "6 of 8 shown" in page.locator("#status").text_content()
    page.locator("input[data-filter-rule='Boilerplate.CommentForm']").check()
    assert len(_visible_marks(page)) == 8
    # printed: no toolbar or panel, the highlights and the findings table stay
    page.keyboard.press("j")
    page.emulate_media(media="print")
    assert not page.locator(".toolbar").is_visible() and not page.locator("#panel").is_visible()
    assert len(_visible_marks(page)) == 8 and _visible_rows(page) == 8
    report.close()


def test_many_articles_index_nesting_clean_and_crlf(browser, tmp_path):
    (tmp_path / "nested.md").write_text(
        "# Talks\n\nAn aide said: “[This] A may be required [military] Being in Kiev, without crossing the threshold,” "
        "he told *reporters* in `code Kiev`.\n", encoding="utf-8")
    (tmp_path / "crlf.txt").write_bytes("Headline here\r\n\r\nOfficials met in Kiev on Monday.\r\n".encode())
    (tmp_path / "page.html").write_text(
        "<html><head><title>Talks</title></head><body><p>Met in &quot;Kiev&quot; &amp; Odessa.</p></body></html>",
        encoding="utf-8")
    paths = [str(EXAMPLES / "seed-article.repaired.txt"), str(tmp_path / "nested.md"),
             str(tmp_path / "crlf.txt"), str(tmp_path / "page.html")]
    out, findings = _report(tmp_path, *paths)
    report = Report(browser, out)
    page = report.page
    assert _shown(page) == _expected(findings)
    # the garbled quotation holds the Kiev finding: nested elements, each with its exact text
    inner = page.locator("mark.f[data-rule='MTArtefacts.GarbledQuote'] mark.f[data-rule='Terminology.UkrainePlaces']")
    assert inner.count() == 1 and inner.text_content() == "Kiev"
    crlf = [f for f in findings if f["path"].endswith("crlf.txt")]
    assert [(f["rule"], f["line"], f["column"], f["match"]) for f in crlf] == [("Terminology.UkrainePlaces", 3, 18, "Kiev")]
    # the index: one row per article with its counts, each one click away
    rows = page.locator("table.index tbody tr")
    assert rows.count() == 4
    assert rows.nth(0).text_content().endswith("0")
    rows.nth(2).locator("a").click()
    assert page.evaluate("location.hash") == "#a2"
    clean = page.locator("section#a0 .counts")
    assert clean.text_content() == "No findings in this article."
    assert page.locator("section#a0 mark").count() == 0
    # the markup of an HTML article is shown as text, entities as written
    assert "<p>Met in &quot;" in page.locator("section#a3 .text").text_content()
    report.close()


def test_crossing_and_empty_overlaps_split_into_pieces(browser, tmp_path):
    """Synthetic findings (no rule produces crossing ones today): a crossing pair, a nested one, an empty one."""
    text = "alpha beta gamma delta\r\n\r\nepsilon"
    def finding(rule, start, end, level="warning"):
        return Finding("t.txt", rule, level, f"{rule} message", 1, start + 1, 1, end + 1, start, end - start,
                       text[start:end], ["x"], Fix(start, end - start, "x", "unsafe"))
    fs = [finding("A.Cross1", 0, 10), finding("A.Cross2", 6, 16, "error"), finding("A.Inner", 7, 9, "suggestion"),
          finding("A.Empty", 11, 11), finding("A.Newline", 20, 28)]
    html = render([Result("t.txt", fs)], Context(texts={"t.txt": text}))
    out = tmp_path / "cross.html"
    out.write_text(html, encoding="utf-8")
    report = Report(browser, out)
    page = report.page
    assert _shown(page) == sorted((f.rule, f.level, f.offset, f.match) for f in fs)
    # Cross1 [0, 10) holds Cross2's first piece; Cross2 [6, 16) is split where Cross1 ends
    assert page.locator("mark.f[data-rule='A.Cross1']").count() == 1
    assert page.locator("mark.f[data-rule='A.Cross1']").text_content() == "alpha beta"
    assert page.locator("mark.f[data-rule='A.Cross2']").all_text_contents() == ["beta", " gamma"]
    assert page.locator("mark.f[data-rule='A.Cross2'][data-part='1']").count() == 1
    assert page.locator("mark.f[data-rule='A.Cross2'] mark.f[data-rule='A.Inner']").text_content() == "et"
    assert page.locator("#f3").text_content() == ""
    # a highlight across a paragraph break is split there (one block per paragraph), CRLF kept
    assert page.locator("mark.f[data-rule='A.Newline']").all_text_contents() == ["ta\r\n\r\n", "ep"]
    report.close()


HOSTILE = """<html><head><script>window.pwned = 'script';</script>
<meta http-equiv="refresh" content="0;url=javascript:window.pwned='refresh'">
<link rel="stylesheet" href="https://example.com/x.css"></head>
<body onload="window.pwned='onload'"><h1>Officials in Kiev</h1>
<p><img src="x.png" onerror="window.pwned='onerror'"> Talks in Kiev.
<a href="javascript:window.pwned='link'">Read about Kiev</a>
<iframe src="https://example.com/"></iframe><svg onload="window.pwned='svg'"></svg></p>
<style>body{background:url(https://example.com/bg.png)}</style></body></html>
"""


def test_hostile_article_cannot_run_code_or_fetch(browser, tmp_path):
    (tmp_path / "hostile.html").write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "hostile.md").write_text(
        "# Kiev\n\n<script>window.pwned='md'</script>\n\n[Kiev](javascript:window.pwned='mdlink') "
        "<img src=x onerror=\"window.pwned='mdimg'\">\n", encoding="utf-8")
    out, findings = _report(tmp_path, str(tmp_path / "hostile.html"), str(tmp_path / "hostile.md"))
    assert findings, "the hostile articles must have findings to highlight"
    report = Report(browser, out)
    page = report.page
    assert _shown(page) == _expected(findings)
    for mark in page.locator("mark.f").all():
        mark.click()
    page.keyboard.press("j")
    time.sleep(0.3)
    assert page.evaluate("window.pwned") is None
    main = page.locator("main")
    assert main.locator("script, img, iframe, svg, link, meta, style, a[href^='javascript']").count() == 0
    assert page.evaluate("""() => [...document.querySelectorAll('*')].some(
        e => [...e.attributes].some(a => a.name.startsWith('on')))""") is False
    assert "<script>window.pwned = 'script';</script>" in main.text_content()
    report.close()


def test_ten_thousand_findings_stay_usable(browser, tmp_path):
    article = tmp_path / "big.txt"
    article.write_text("Big story\n\n" + "\n\n".join("Talks in Kiev and Kiev again went on." for _ in range(5000)) + "\n",
                       encoding="utf-8")
    start = time.monotonic()
    out, findings = _report(tmp_path, str(article))
    assert len(findings) == 10000
    report = Report(browser, out)
    page = report.page
    assert page.locator("mark.f").count() == 10000
    started = time.monotonic()
    page.locator("input[data-filter-level='warning']").uncheck()
    assert _visible_rows(page) == 0
    page.locator("input[data-filter-level='warning']").check()
    page.keyboard.press("k")
    assert page.locator("mark.f.current").get_attribute("data-i") == "9999"
    assert time.monotonic() - started < 5, "filtering and navigating 10,000 findings took too long"
    assert time.monotonic() - start < 60
    report.close()


def test_a_bilingual_run_shows_the_source_beside_the_target(browser, tmp_path):
    source = "examples/bilingual/seed-article.source.txt"
    out, findings = _report(tmp_path, "--source", source, "examples/seed-article.txt", cwd=ROOT)
    kiev = next(f for f in findings if f["rule"] == "Source.Terminology")
    assert kiev["source"].startswith("Donald Tusk, the Polish prime minister")
    report = Report(browser, out)
    page = report.page
    page.locator("mark.f[data-rule='Source.Terminology']").click()
    panel = page.locator("#panel")
    assert "Source" in panel.text_content() and "Donald Tusk, the Polish prime minister" in panel.text_content()
    assert "Kiev" in panel.text_content()
    report.close()
