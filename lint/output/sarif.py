"""SARIF 2.1.0 (the OASIS standard GitHub code scanning and other tools read).

One run; the rules that produced results are described in `tool.driver.rules`
(id, short and full description, help link, default level). Regions count
columns in Unicode code points (`columnKind: unicodeCodePoints`), `endColumn`
is exclusive. A safe fix becomes a SARIF `fix`. `partialFingerprints` carry the
content fingerprint of the baseline (rule, match, surrounding words, repeat
number), so a result keeps its identity when lines above it move.
"""
from __future__ import annotations

import json
import os
import urllib.parse
from pathlib import Path

import regex

from ..baseline import fingerprints
from .paths import repo_path

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "suggestion": "note"}
FINGERPRINT_KEY = "mtlintContent/v1"
_SENTENCE = regex.compile(r"^.+?[.!?](?=\s|$)", regex.DOTALL)


def _version() -> str:
    from importlib import metadata  # slow to import: only when a SARIF report is written

    try:
        return metadata.version("mtlint")
    except metadata.PackageNotFoundError:
        return "0"


def _location(path: str) -> dict:
    path = repo_path(path)
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": urllib.parse.quote(path), "uriBaseId": "%SRCROOT%"}


def _descriptor(rule_id: str, rule) -> dict:
    if rule is None:
        return {"id": rule_id, "shortDescription": {"text": rule_id}}
    full = " ".join(rule.description.split()) or " ".join(rule.message.split())
    short = _SENTENCE.match(full)
    descriptor = {
        "id": rule_id,
        "name": rule_id.split(".", 1)[-1],
        "shortDescription": {"text": short.group() if short else full},
        "fullDescription": {"text": full},
        "defaultConfiguration": {"level": LEVELS[rule.level]},
        "help": {"text": full + (f"\n\nMore: {rule.link}" if rule.link else "")},
        "properties": {"kind": rule.kind, "fixable": bool(rule.fixable)},
    }
    if urllib.parse.urlparse(rule.link).scheme in ("http", "https"):
        descriptor["helpUri"] = rule.link
    return descriptor


def _region(f, offset: int, length: int) -> dict:
    return {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column,
            "charOffset": offset, "charLength": length}


def _fix(f, location: dict) -> dict:
    fix = f.fix
    replacement = fix.replacement
    what = f"Replace '{f.match}' with '{replacement}'" if replacement else f"Remove '{f.match}'"
    return {
        "description": {"text": what},
        "artifactChanges": [{
            "artifactLocation": location,
            "replacements": [{
                "deletedRegion": _region(f, fix.offset, fix.length) if (fix.offset, fix.length) == (f.offset, f.length)
                else {"charOffset": fix.offset, "charLength": fix.length},
                "insertedContent": {"text": replacement},
            }],
        }],
    }


def render(results, context) -> str:
    rule_index: dict[str, int] = {}
    descriptors = []
    artifacts = []
    sarif_results = []
    notifications = []
    for result in results:
        location = _location(result.path)
        artifacts.append({"location": location})
        text = context.texts.get(result.path, "")
        for f, (fp, occurrence) in zip(result.findings, fingerprints(result.findings, text)):
            if f.rule not in rule_index:
                rule_index[f.rule] = len(descriptors)
                descriptors.append(_descriptor(f.rule, context.rules.get(f.rule)))
            item = {
                "ruleId": f.rule,
                "ruleIndex": rule_index[f.rule],
                "level": LEVELS[f.level],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {**location, "index": len(artifacts) - 1},
                    "region": {**_region(f, f.offset, f.length),
                               "snippet": {"text": f.match}},
                }}],
                "partialFingerprints": {FINGERPRINT_KEY: f"{fp}:{occurrence}"},
            }
            if f.suggestions:
                item["properties"] = {"suggestions": list(f.suggestions)}
            if f.fix is not None:
                item["fixes"] = [_fix(f, location)]
            sarif_results.append(item)
        notifications.extend({"level": "error", "message": {"text": e}} for e in result.errors)
    run = {
        "tool": {"driver": {
            "name": "mtlint",
            "version": _version(),
            "rules": descriptors,
        }},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": sarif_results,
        "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
