"""``selfassess gui FILE --screenshot``: the size, the font scale of one run, the places of a
bureau file (what tools/screenshots.py renders for docs/screenshots)."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

import pytest
from files import scored_bureau
from PySide6.QtGui import QImage

from selfassess.checklist import Checklist
from selfassess.cli import main
from selfassess.store import AssessmentFile
from selfassess.ui.settings import Settings


def test_a_screenshot_at_150_percent_in_english(tmp_path: Path, isolated_home: Path,
                                                dept_file: AssessmentFile) -> None:
    """A separate process, as tools/screenshots.py runs it: the PNG has the size asked for, and
    ``--scale`` does not change the font-size setting."""
    dept_file.close()
    settings = Settings()
    settings.font_scale = 125
    settings.sync()
    target = tmp_path / "shot.png"
    env = {**os.environ, "SELFASSESS_HOME": str(isolated_home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "selfassess", "--lang", "en", "gui", str(dept_file.path),
         "--screenshot", str(target), "--size", "1366x768", "--scale", "150", "--item", "3.2"],
        env=env, capture_output=True, text=True, encoding="utf-8", timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert "screenshot written" in done.stdout
    image = QImage(str(target))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1366, 768)
    assert Settings().font_scale == 125  # the setting is as it was


def test_bureau_places(tmp_path: Path, checklist: Checklist, capsys: pytest.CaptureFixture[str]
                       ) -> None:
    """A department's review page and review summary, the statistics tab; a wrong or missing
    department is refused before anything is written."""
    bureau = scored_bureau(tmp_path, checklist, [("办公室", D(95), False), ("宣传处", D(88), False)])
    for args in (["--page", "review", "--department", "宣传处"],
                 ["--page", "summary", "--department", "办公室"],
                 ["--page", "statistics"]):
        target = tmp_path / f"{args[1]}.png"
        assert main(["gui", str(bureau), "--screenshot", str(target), *args]) == 0, args
        assert target.stat().st_size > 10_000
    refused = tmp_path / "refused.png"
    assert main(["gui", str(bureau), "--screenshot", str(refused), "--page", "review",
                 "--department", "财务处"]) == 1
    assert main(["gui", str(bureau), "--screenshot", str(refused), "--page", "review"]) == 2
    assert main(["gui", str(bureau), "--screenshot", str(refused), "--size", "big"]) == 2
    assert not refused.exists()
    errors = capsys.readouterr().err
    assert "财务处" in errors and "--department" in errors and "--size" in errors
