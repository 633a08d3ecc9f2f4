"""Running the CLI inside a test: exit code, standard output and standard error."""

from __future__ import annotations

import pytest

from selfassess.cli import main

Capture = pytest.CaptureFixture[str]


def run(capsys: Capture, *argv: str) -> tuple[int, str, str]:
    """``selfassess ARGV…`` in-process."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
