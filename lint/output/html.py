"""HTML: one self-contained page an editor opens, each article with its findings highlighted.

Safety and exactness come from one decision: every article is shown as its
ORIGINAL text, escaped, with whitespace kept (`white-space: pre-wrap`). Nothing
of the article is ever interpreted as markup, so its scripts, event attributes
and `javascript:` links are inert text, and every highlight sits at the exact
code-point offsets of its finding (a rendering of Markdown or HTML would move
or drop the markup the offsets count). Plain-text news, the usual case, reads
exactly as published.

Each finding is one `<mark class="f">` carrying `data-i` (its number in the
report), `data-rule`, `data-level`, `data-offset` and `data-length`, whose text
is the finding's `match`. Overlaps: highlights that nest are nested elements; a
highlight that crosses another's end is split there, and its later pieces carry
`data-part` (1, 2, ...) with the same `data-i`: the text of the pieces of one
finding, joined in document order, is its `match`. The first piece (no
`data-part`) has the id `f<i>` that the findings table links to.

Details (the rule's explanation, the fix as before/after) are in a static table
under each article (so the page prints and works without scripts) and, on
selection, in a side panel the inline script fills lazily from one JSON block.
A Content-Security-Policy allows only this page's own script and style (by
hash), so nothing is fetched and nothing injected runs.

A finding may carry bilingual context later: `finding.source` (or
`finding.extra["source"]`) is shown beside the target line.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import urllib.parse
from collections import Counter

from ..finding import LEVEL_RANK

LEVELS = ("error", "warning", "suggestion")
_PARAGRAPH_BREAK = re.compile(r"(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)(?:[ \t]*(?:\r\n|\n|\r))*")
# Level by symbol as well as by colour (readable in grey print and by colour-blind readers).
SYMBOLS = {"error": "✖", "warning": "▲", "suggestion": "●"}
APPLICABILITY = {
    "safe": "safe fix: mtlint check --fix applies it",
    "unsafe": "unsafe fix: applied only with --fix --unsafe-fixes; check it first",
    "display-only": "suggested change: shown only, never applied automatically",
}


def _esc(text: str) -> str:
    """Escape text for an element's content; CR survives as a character reference (the parser would drop it)."""
    return html.escape(text, quote=False).replace("\r", "&#13;")


def _attr(text: str) -> str:
    return html.escape(text, quote=True).replace("\r", "&#13;").replace("\n", "&#10;")


def _safe_link(link: str) -> str | None:
    """Only web links become links: a pack could name a `javascript:` one."""
    return link if urllib.parse.urlparse(link or "").scheme in ("http", "https") else None


def _extra(finding) -> dict:
    extra = dict(getattr(finding, "extra", None) or {})
    if getattr(finding, "source", None):
        extra.setdefault("source", finding.source)
    return extra


# -- the article text with its highlights ---------------------------------------------
def highlighted(text: str, spans: list[tuple[int, int, int, str]]) -> str:
    """`text` escaped, with a <mark> per span (start, end, number, opening-tag attributes).

    One pass over the sorted boundaries: O(n log n) plus the pieces that crossing
    overlaps split (each crossing reopens the highlights it cuts through). The
    text is cut into one block per paragraph (after each blank line), so the
    browser lays out and skips paragraphs one by one (a long article with
    thousands of highlights stays fast); a highlight across paragraphs is split.
    """
    order = sorted(spans, key=lambda s: (s[0], -s[1], s[2]))
    breaks = {m.end() for m in _PARAGRAPH_BREAK.finditer(text)} - {len(text)}
    ends = Counter()
    out: list[str] = []
    stack: list[list] = []  # [start, end, number, attrs, pieces so far]
    pos = 0
    starts_at: dict[int, list] = {}
    for span in order:
        starts_at.setdefault(span[0], []).append(span)
    boundaries = sorted({s[0] for s in order} | {s[1] for s in order} | breaks)
    for point in boundaries:
        if point > pos:
            out.append(_esc(text[pos:point]))
            pos = point
        if ends[point]:
            reopen = []
            while ends[point]:
                top = stack.pop()
                out.append("</mark>")
                if top[1] == point:
                    ends[point] -= 1
                else:
                    reopen.append(top)
            for item in reversed(reopen):  # the highlights cut through continue as new pieces
                item[4] += 1
                out.append(f'<mark {item[3]} data-part="{item[4]}">')
                stack.append(item)
        if point in breaks:
            for _ in stack:
                out.append("</mark>")
            out.append('</div><div class="p">')
            for item in stack:
                item[4] += 1
                out.append(f'<mark {item[3]} data-part="{item[4]}">')
        for start, end, number, attrs in starts_at.get(point, ()):
            if end == start:  # an empty span (a missing word): an empty element marks the place
                out.append(f'<mark id="f{number}" {attrs}></mark>')
                continue
            out.append(f'<mark id="f{number}" {attrs}>')
            stack.append([start, end, number, attrs, 0])
            ends[end] += 1
    out.append(_esc(text[pos:]))
    return '<div class="p">' + "".join(out) + "</div>"


# -- the page -------------------------------------------------------------------------
def _counts(findings) -> Counter:
    return Counter(f.level for f in findings)


def _count_cells(counts: Counter) -> str:
    return "".join(f'<td class="num lv-{lvl}">{counts.get(lvl, 0) or ""}</td>' for lvl in LEVELS)


def _fix_html(before: str, fix) -> str:
    after = fix.replacement
    return (f'<span class="fix fix-{_attr(fix.applicability)}"><del>{_esc(before) or "(nothing)"}</del> → '
            f'<ins>{_esc(after) if after else "(removed)"}</ins> <small>{_esc(fix.applicability)}</small></span>')


def render(results, context) -> str:
    rules = context.rules or {}
    data_findings: list[dict] = []
    used_rules: dict[str, Counter] = {}
    files_per_rule: dict[str, set] = {}
    articles: list[str] = []
    index_rows: list[str] = []
    number = 0
    for k, result in enumerate(results):
        text = context.texts.get(result.path, "")
        findings = sorted(result.findings, key=lambda f: (f.offset, -f.rank, f.rule))
        spans, rows = [], []
        for f in findings:
            i = number
            number += 1
            used_rules.setdefault(f.rule, Counter())[f.level] += 1
            files_per_rule.setdefault(f.rule, set()).add(k)
            attrs = (f'class="f lv-{f.level}" data-i="{i}" data-rule="{_attr(f.rule)}" data-level="{f.level}" '
                     f'data-offset="{f.offset}" data-length="{f.length}" title="{_attr(SYMBOLS[f.level] + " " + f.level + ": " + f.message)}"')
            spans.append((f.offset, f.offset + f.length, i, attrs))
            record = {"r": f.rule, "l": f.level, "m": f.message, "o": f.offset, "n": f.length, "ln": f.line,
                      "c": f.column, "t": f.match, "s": list(f.suggestions)}
            fix_cell = ""
            if f.fix is not None:
                before = text[f.fix.offset:f.fix.offset + f.fix.length] if text else f.match
                record["fx"] = {"b": before, "a": f.fix.replacement, "ap": f.fix.applicability}
                fix_cell = _fix_html(before, f.fix)
            elif f.suggestions:
                fix_cell = "suggested: " + " / ".join(_esc(s) or "(remove it)" for s in f.suggestions[:3])
            extra = _extra(f)
            source_html = ""
            if extra:
                record["x"] = {key: str(value) for key, value in extra.items()}
                if "source" in extra:
                    source_html = f'<div class="source"><b>Source:</b> {_esc(str(extra["source"]))}</div>'
            data_findings.append(record)
            rows.append(
                f'<div class="row lv-{f.level}" role="row" data-i="{i}" data-rule="{_attr(f.rule)}" data-level="{f.level}">'
                f'<span role="cell" class="lvl"><span class="sym" aria-hidden="true">{SYMBOLS[f.level]}</span> {f.level}</span>'
                f'<span role="cell"><a href="#f{i}" class="goto">{f.line}:{f.column}</a></span>'
                f'<span role="cell"><a href="#rule-{_attr(f.rule)}">{_esc(f.rule)}</a></span>'
                f'<span role="cell">{_esc(f.message)}{source_html}</span><span role="cell">{fix_cell}</span></div>')
        counts = _counts(findings)
        anchor = f"a{k}"
        name = _esc(result.path)
        index_rows.append(f'<tr><td><a href="#{anchor}">{name}</a></td>{_count_cells(counts)}'
                          f'<td class="num">{len(findings)}</td></tr>')
        summary = ", ".join(f"{counts[lvl]} {lvl}{'s' if counts[lvl] != 1 else ''}" for lvl in LEVELS if counts[lvl])
        errors = "".join(f'<p class="input-error">{_esc(e)}</p>' for e in result.errors)
        if findings:
            head = f'<p class="counts">{len(findings)} finding{"s" if len(findings) != 1 else ""}: {summary}</p>'
            # a list of independent rows, not a <table>: the browser lays out (and skips, off screen)
            # each row alone, where a 10,000-row table is laid out whole on every filter change
            table = ('<div class="findings" role="table"><div class="row head" role="row"><span role="columnheader">level</span>'
                     '<span role="columnheader">line:col</span><span role="columnheader">rule</span>'
                     '<span role="columnheader">message</span><span role="columnheader">fix</span></div>'
                     + "".join(rows) + "</div>")
        else:
            head = '<p class="counts clean">No findings in this article.</p>'
            table = ""
        body = f'<div class="text">{highlighted(text, spans)}</div>' if text else ""
        articles.append(f'<section class="article" id="{anchor}"><h2>{name}</h2>{head}{errors}{body}{table}</section>')

    totals = Counter()
    for counter in used_rules.values():
        totals.update(counter)
    rule_rows = []
    for rule_id in sorted(used_rules, key=lambda r: (-max(LEVEL_RANK[lvl] for lvl in used_rules[r]), r)):
        rule = rules.get(rule_id)
        description = (rule.description if rule is not None else "") or (rule.message if rule is not None else "")
        link = _safe_link(getattr(rule, "link", "") if rule is not None else "")
        more = f' <a href="{_attr(link)}" rel="noopener noreferrer">more</a>' if link else ""
        rule_rows.append(f'<tr id="rule-{_attr(rule_id)}"><td><code>{_esc(rule_id)}</code></td>{_count_cells(used_rules[rule_id])}'
                         f'<td class="num">{len(files_per_rule[rule_id])}</td><td>{_esc(description)}{more}</td></tr>')
    rules_data = {}
    for rule_id in used_rules:
        rule = rules.get(rule_id)
        rules_data[rule_id] = {"d": (rule.description or rule.message) if rule is not None else "",
                               "u": _safe_link(rule.link) if rule is not None else None}

    level_filters = "".join(
        f'<label class="lv-{lvl}"><input type="checkbox" checked data-filter-level="{lvl}"> '
        f'<span class="sym" aria-hidden="true">{SYMBOLS[lvl]}</span> {lvl} ({totals.get(lvl, 0)})</label>' for lvl in LEVELS)
    rule_filters = "".join(
        f'<label><input type="checkbox" checked data-filter-rule="{_attr(r)}"> {_esc(r)} ({sum(used_rules[r].values())})</label>'
        for r in sorted(used_rules))
    total = sum(totals.values())
    overview = ", ".join(f"{totals[lvl]} {lvl}{'s' if totals[lvl] != 1 else ''}" for lvl in LEVELS if totals[lvl]) or "no findings"
    files_table = ""
    if len(results) > 1:
        files_table = ('<table class="index"><thead><tr><th>article</th>' + "".join(f'<th class="lv-{lvl}">{SYMBOLS[lvl]} {lvl}s</th>' for lvl in LEVELS)
                       + '<th>total</th></tr></thead><tbody>' + "".join(index_rows) + "</tbody></table>")
    rules_table = ""
    if rule_rows:
        rules_table = ('<section class="article rules-section" id="rules"><h2>The rules in this report: why they matter</h2><table class="rules"><thead><tr><th>rule</th>' + "".join(f'<th class="lv-{lvl}">{SYMBOLS[lvl]}</th>' for lvl in LEVELS)
                       + '<th>articles</th><th>why it matters</th></tr></thead><tbody>' + "".join(rule_rows) + "</tbody></table></section>")
    payload = json.dumps({"findings": data_findings, "rules": rules_data}, ensure_ascii=False)
    payload = payload.replace("<", "\\u003c")  # no "</script>" or "<!--" can end the data block early
    script, style = _SCRIPT, _STYLE
    csp = (f"default-src 'none'; script-src '{_hash(script)}'; style-src '{_hash(style)}'; img-src 'none'; "
           "base-uri 'none'; form-action 'none'")
    title = _esc(results[0].path if len(results) == 1 else f"{len(results)} articles")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mtlint report: {title}</title>
<style>{style}</style></head>
<body>
<header><h1>mtlint report</h1>
<p class="overview">{len(results)} article{'s' if len(results) != 1 else ''}, {total} finding{'s' if total != 1 else ''} ({overview}).
<span class="keys">Keys: <kbd>j</kbd>/<kbd>n</kbd> next, <kbd>k</kbd>/<kbd>p</kbd> previous, <kbd>Esc</kbd> close.</span></p>
{files_table}</header>
<nav class="toolbar" aria-label="filters">{level_filters}
<details class="rule-filter"><summary>rules ({len(used_rules)})</summary><div>{rule_filters}</div></details>
<button type="button" id="prev" title="previous finding (k)">◀ previous</button><button type="button" id="next" title="next finding (j)">next ▶</button>
<span id="status" aria-live="polite"></span></nav>
<main>{''.join(articles)}{rules_table}</main>
<aside id="panel" hidden aria-live="polite"></aside>
<script type="application/json" id="mtlint-data">{payload}</script>
<script>{script}</script>
</body></html>
"""


def _hash(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


_STYLE = """
:root{--err:#b71c1c;--err-bg:#ffd9d6;--warn:#8a5300;--warn-bg:#ffe8a3;--sug:#0d47a1;--sug-bg:#d6e8ff;color-scheme:light}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 "DejaVu Sans","Liberation Sans",system-ui,sans-serif;color:#1b1b1b;background:#fafafa}
header{padding:12px 24px 4px;background:#fff}
h1{font-size:20px;margin:0 0 4px}h2{font-size:17px;margin:0 0 4px;word-break:break-all}
.overview{margin:0 0 8px}.keys{color:#555;margin-left:1em}
kbd{border:1px solid #aaa;border-radius:3px;padding:0 4px;font-size:12px;background:#f4f4f4}
.toolbar{position:sticky;top:0;z-index:3;display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center;padding:8px 24px;background:#fff;border-bottom:1px solid #ddd}
.toolbar label{cursor:pointer;white-space:nowrap}
.rule-filter{position:relative}.rule-filter>div{position:absolute;background:#fff;border:1px solid #bbb;padding:6px 10px;max-height:60vh;overflow:auto;z-index:4;min-width:22em}
.rule-filter label{display:block}
button{font:inherit;padding:2px 10px;cursor:pointer}
#status{color:#333;font-weight:bold}
table{border-collapse:collapse;margin:6px 0 12px;font-size:14px}
th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f0f0f0}.num{text-align:right}
main{padding:0 24px 40vh;max-width:1100px}
body.has-panel main{margin-right:380px}
.article{background:#fff;border:1px solid #ddd;border-radius:6px;padding:14px 20px;margin:16px 0}
.counts{margin:0 0 10px;font-weight:bold}.clean{color:#1b5e20}
.input-error{color:var(--err);font-weight:bold}
.text .p{content-visibility:auto;contain-intrinsic-size:auto 3em}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font:16px/1.65 "DejaVu Serif","Liberation Serif",Georgia,serif;max-width:75ch;margin-bottom:14px}
mark.f{background:none;color:inherit;border-bottom:3px solid;padding:1px 0;cursor:pointer;border-radius:2px}
mark.f:not([data-part])::before{font:bold 11px/1 "DejaVu Sans",sans-serif;vertical-align:super;margin-right:1px}
mark.lv-error{background:var(--err-bg);border-color:var(--err)}mark.lv-error:not([data-part])::before{content:"✖";color:var(--err)}
mark.lv-warning{background:var(--warn-bg);border-color:var(--warn)}mark.lv-warning:not([data-part])::before{content:"▲";color:var(--warn)}
mark.lv-suggestion{background:var(--sug-bg);border-color:var(--sug);border-bottom-style:dashed}mark.lv-suggestion:not([data-part])::before{content:"●";color:var(--sug)}
mark.f mark.f{border-bottom-width:5px}
mark.f:empty{padding:0 2px}
mark.f.off{background:none;border-bottom:0;cursor:auto}mark.f.off::before{content:none!important}
mark.f.current{outline:3px solid #222;outline-offset:1px}
.findings{font-size:14px;margin:6px 0 12px;border-top:1px solid #ddd}
.findings .row{display:grid;grid-template-columns:8.5em 5.5em 15em minmax(12em,1fr) 16em;border-bottom:1px solid #ddd;content-visibility:auto;contain-intrinsic-size:auto 2.2em}
.findings .row>span{padding:3px 8px;overflow-wrap:anywhere}.findings .head{background:#f0f0f0;font-weight:bold}
.row.off{display:none}
.lv-error .sym,th.lv-error,td.lv-error{color:var(--err)}.lv-warning .sym,th.lv-warning,td.lv-warning{color:var(--warn)}.lv-suggestion .sym,th.lv-suggestion,td.lv-suggestion{color:var(--sug)}
.row.current{background:#fff6d0}
.fix del{background:#ffe0e0;text-decoration:line-through}.fix ins{background:#dff5df;text-decoration:none}
.fix small{color:#555}.source{color:#444;margin-top:3px}
#panel{position:fixed;top:58px;right:12px;width:360px;max-height:calc(100vh - 70px);overflow:auto;background:#fff;border:2px solid #333;border-radius:6px;padding:12px 14px;z-index:5;box-shadow:0 2px 10px rgba(0,0,0,.2)}
#panel h3{margin:0 0 6px;font-size:16px}#panel .rule{font-family:"DejaVu Sans Mono",monospace;font-size:13px}
#panel .why{color:#333}#panel .box{border:1px solid #ccc;border-radius:4px;padding:6px 8px;margin:8px 0}
#panel .pair{display:grid;grid-template-columns:1fr 1fr;gap:8px}
#panel .close{float:right}
@media print{
 .toolbar,#panel,.keys,button{display:none!important}
 body{background:#fff}body.has-panel main{margin-right:0}main{padding:0;max-width:none}
 header{border:0}.article{border:0;padding:0;break-before:page}.article:first-child{break-before:auto}
 mark.f,.sym,th,td{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 .text .p{content-visibility:visible} .findings .row{content-visibility:visible;break-inside:avoid}mark.f.current{outline:none}tr{break-inside:avoid}a{color:inherit;text-decoration:none}
}
"""

_SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("mtlint-data").textContent);
  var F = data.findings, R = data.rules, SYM = {error: "✖", warning: "▲", suggestion: "●"};
  var APPLY = {safe: "safe fix: mtlint check --fix applies it",
               unsafe: "unsafe fix: applied only with --fix --unsafe-fixes; check it first",
               "display-only": "suggested change: shown only, never applied automatically"};
  var all = document.querySelectorAll("mark.f"), rows = document.querySelectorAll("div.row[data-i]");
  var marks = Array.prototype.filter.call(all, function (m) { return !m.hasAttribute("data-part"); });
  var pos = {}, rowOf = {};
  marks.forEach(function (m, k) { pos[m.getAttribute("data-i")] = k; });
  Array.prototype.forEach.call(rows, function (r) { rowOf[r.getAttribute("data-i")] = r; });
  var current = -1, panel = document.getElementById("panel"), status = document.getElementById("status");

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function visibleCount() {
    var n = 0;
    for (var k = 0; k < marks.length; k++) if (!marks[k].classList.contains("off")) n++;
    return n;
  }
  function showStatus() {
    var shown = visibleCount();
    status.textContent = (current >= 0 ? "finding " + (current + 1) + " of " + marks.length + " · " : "") +
      shown + " of " + marks.length + " shown";
  }
  function applyFilters() {
    var hideLevel = {}, hideRule = {};
    document.querySelectorAll("input[data-filter-level]").forEach(function (c) { if (!c.checked) hideLevel[c.getAttribute("data-filter-level")] = 1; });
    document.querySelectorAll("input[data-filter-rule]").forEach(function (c) { if (!c.checked) hideRule[c.getAttribute("data-filter-rule")] = 1; });
    function hidden(e) { return hideLevel[e.getAttribute("data-level")] === 1 || hideRule[e.getAttribute("data-rule")] === 1; }
    Array.prototype.forEach.call(all, function (m) { m.classList.toggle("off", hidden(m)); });
    Array.prototype.forEach.call(rows, function (r) { r.classList.toggle("off", hidden(r)); });
    if (current >= 0 && marks[current].classList.contains("off")) deselect();
    showStatus();
  }
  function fill(i) {
    var f = F[i], rule = R[f.r] || {};
    panel.textContent = "";
    var close = el("button", "close", "✕"); close.type = "button"; close.title = "close (Esc)";
    close.addEventListener("click", deselect);
    panel.appendChild(close);
    var h = el("h3", "lv-" + f.l);
    var sym = el("span", "sym", SYM[f.l] + " "); sym.setAttribute("aria-hidden", "true");
    h.appendChild(sym); h.appendChild(document.createTextNode(f.l + " at line " + f.ln + ", column " + f.c));
    panel.appendChild(h);
    panel.appendChild(el("div", "rule", f.r));
    panel.appendChild(el("p", "msg", f.m));
    if (rule.d) panel.appendChild(el("p", "why", rule.d));
    if (rule.u) {
      var a = el("a", "", "More about " + f.r); a.href = rule.u; a.rel = "noopener noreferrer";
      panel.appendChild(a);
    }
    if (f.fx) {
      var box = el("div", "box fix fix-" + f.fx.ap);
      box.appendChild(el("div", "", "Before: ")).appendChild(el("del", "", f.fx.b || "(nothing)"));
      box.appendChild(el("div", "", "After: ")).appendChild(el("ins", "", f.fx.a || "(removed)"));
      box.appendChild(el("small", "", APPLY[f.fx.ap] || f.fx.ap));
      panel.appendChild(box);
    } else if (f.s && f.s.length) {
      panel.appendChild(el("div", "box", "Suggested: " + f.s.map(function (s) { return s || "(remove it)"; }).join(" / ")));
    }
    if (f.x && f.x.source) {
      var pair = el("div", "box pair");
      var src = el("div"); src.appendChild(el("b", "", "Source")); src.appendChild(el("div", "", f.x.source));
      var tgt = el("div"); tgt.appendChild(el("b", "", "Target")); tgt.appendChild(el("div", "", f.x.target || f.t));
      pair.appendChild(src); pair.appendChild(tgt); panel.appendChild(pair);
    }
    panel.hidden = false;
    document.body.classList.add("has-panel");
  }
  function deselect() {
    if (current >= 0) {
      marks[current].classList.remove("current");
      var r = rowOf[marks[current].getAttribute("data-i")]; if (r) r.classList.remove("current");
    }
    current = -1; panel.hidden = true; document.body.classList.remove("has-panel"); showStatus();
  }
  function select(k) {
    if (current >= 0) deselect();
    current = k;
    var m = marks[k], i = m.getAttribute("data-i");
    m.classList.add("current");
    if (rowOf[i]) rowOf[i].classList.add("current");
    fill(+i);
    m.scrollIntoView({block: "center"});
    showStatus();
  }
  function step(d) {
    var n = marks.length, k = current < 0 ? (d > 0 ? -1 : n) : current;
    for (var t = 0; t < n; t++) {
      k = ((k + d) % n + n) % n;
      if (!marks[k].classList.contains("off")) { select(k); return; }
    }
  }
  document.addEventListener("change", function (e) {
    if (e.target.matches("input[data-filter-level],input[data-filter-rule]")) applyFilters();
  });
  document.addEventListener("click", function (e) {
    var m = e.target.closest("mark.f");
    if (m && !m.classList.contains("off")) { select(pos[m.getAttribute("data-i")]); return; }
    var g = e.target.closest("a.goto");
    if (g) { e.preventDefault(); var i = g.closest(".row").getAttribute("data-i"); if (pos[i] !== undefined) select(pos[i]); }
  });
  document.getElementById("next").addEventListener("click", function () { step(1); });
  document.getElementById("prev").addEventListener("click", function () { step(-1); });
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || (e.target.matches && e.target.matches("input[type=text],input[type=search],select,textarea"))) return;
    if (e.key === "j" || e.key === "n") { step(1); e.preventDefault(); }
    else if (e.key === "k" || e.key === "p") { step(-1); e.preventDefault(); }
    else if (e.key === "Escape") { deselect(); }
  });
  showStatus();
})();
"""
