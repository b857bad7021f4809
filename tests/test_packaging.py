"""The built-in packs ship inside the wheel and are found there (not only in a checkout)."""
from __future__ import annotations

import subprocess
import sys
import zipfile

from conftest import EXAMPLES, ROOT


def test_wheel_contains_packs_and_runs_from_the_unpacked_wheel(tmp_path):
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True,
    )
    assert build.returncode == 0, build.stderr
    [wheel] = tmp_path.glob("mtlint-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    for expected in (
        "lint/builtin_packs/terminology/pack.yaml",
        "lint/builtin_packs/terminology/UkrainePlaces.yml",
        "lint/builtin_packs/terminology/ukraine-spellings.tsv",
        "lint/builtin_packs/terminology/ukraine-spellings.LICENSE",
        "lint/builtin_packs/names/people.txt",
        "lint/builtin_packs/boilerplate/CommentForm.yml",
    ):
        assert expected in names
    # Run from the unpacked wheel only (no checkout on the path): packs must come from inside it.
    proc = subprocess.run(
        [sys.executable, "-c", "import lint.packs as p, sys; print(p.builtin_packs_dir()); sys.argv=['mtlint','check','--no-color',sys.argv[1]]; from lint.cli import main; main()",
         str(EXAMPLES / "seed-article.txt")],
        capture_output=True, text=True, cwd=tmp_path, env={"PYTHONPATH": str(tmp_path / "site"), "PATH": ""},
    )
    first, *report = proc.stdout.splitlines()
    assert first.replace("\\", "/").endswith("site/lint/builtin_packs")
    assert proc.returncode == 1, proc.stderr
    assert any(":13:80: warning Terminology.UkrainePlaces" in line for line in report)
