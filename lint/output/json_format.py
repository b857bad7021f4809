"""JSON: one array of findings with exactly the fields SPEC.md lists."""
from __future__ import annotations

import json


def render(results, context) -> str:
    findings = [f.as_dict() for r in results for f in r.findings]
    return json.dumps(findings, ensure_ascii=False, indent=2) + "\n"
