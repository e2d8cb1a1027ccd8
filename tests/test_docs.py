"""The README shows real commands with their real output: fail when it drifts."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_readme_opens_with_the_two_commands():
    first_screen = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:20]
    commands = [line for line in first_screen if line.startswith("./dev ")]
    assert [c.split("#")[0].strip() for c in commands] == ["./dev example", "./dev test"]


@pytest.mark.skipif(shutil.which("cog", path=str(Path(sys.executable).parent)) is None, reason="cogapp not installed")
def test_readme_generated_sections_are_current():
    cog = str(Path(sys.executable).parent / "cog")
    result = subprocess.run([cog, "--check", "README.md"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, "README is out of date: run .venv/bin/cog -r README.md\n" + result.stdout + result.stderr
