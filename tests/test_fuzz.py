"""Property-based fuzzing (hypothesis) of positions, suppression of protected text, --fix and --jobs.

CI runs a bounded number of cases (MTLINT_FUZZ_CASES, default 40 articles and one --jobs comparison);
scripts/fuzz runs as many as asked and saves the failing examples.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from fuzzlib import articles, check_article, check_jobs, env_int

CASES = env_int("MTLINT_FUZZ_CASES", 40)
SETTINGS = dict(deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None,
                phases=[Phase.explicit, Phase.generate])  # no shrinking in CI: a failure is printed as generated, in seconds


@settings(max_examples=CASES, **SETTINGS)
@given(art=articles())
def test_positions_protected_text_and_fix(tmp_path_factory, art):
    # One folder for every case: the configuration found for it is loaded once.
    check_article(art, tmp_path_factory.getbasetemp() / "fuzz")


@settings(max_examples=max(1, CASES // 60), **SETTINGS)
@given(st.lists(articles(), min_size=9, max_size=12))
def test_jobs_agree(arts):
    with tempfile.TemporaryDirectory() as folder:
        check_jobs(arts, Path(folder))
