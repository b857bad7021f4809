"""GitLab code quality report (Code Climate JSON subset) for `artifacts:reports:codequality`."""
from __future__ import annotations

import hashlib
import json

from ..baseline import fingerprints
from .paths import repo_path

SEVERITIES = {"error": "major", "warning": "minor", "suggestion": "info"}


def render(results, context) -> str:
    issues = []
    for result in results:
        text = context.texts.get(result.path, "")
        path = repo_path(result.path)
        for f, (fp, occurrence) in zip(result.findings, fingerprints(result.findings, text)):
            # Unique in the report and stable when lines move: path + content fingerprint + repeat number.
            unique = hashlib.sha256(f"{path}\0{fp}\0{occurrence}".encode()).hexdigest()[:32]
            issues.append({
                "type": "issue",
                "check_name": f.rule,
                "description": f"{f.rule}: {f.message}",
                "categories": ["Style"],
                "severity": SEVERITIES[f.level],
                "fingerprint": unique,
                "location": {
                    "path": path,
                    "lines": {"begin": f.line, "end": f.end_line},
                },
            })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
