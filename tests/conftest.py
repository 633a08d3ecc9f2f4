"""Shared fixtures: isolated user folders, a pinned language, fresh department files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from selfassess import i18n
from selfassess.checklist import Checklist, load_builtin
from selfassess.store import AssessmentFile

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
                  ) -> Path:
    """Every test gets its own SELFASSESS_HOME, so no test touches real user folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("SELFASSESS_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests assert on English messages unless they switch language themselves (the CLI reads
    SELFASSESS_LANG at each start, the core the language set up last)."""
    monkeypatch.setenv("SELFASSESS_LANG", "en")
    i18n.setup("en")
    yield
    i18n.setup("en")


@pytest.fixture
def checklist() -> Checklist:
    """The built-in checklist."""
    return load_builtin("ideology-responsibility")


@pytest.fixture
def dept_file(tmp_path: Path, checklist: Checklist) -> Iterator[AssessmentFile]:
    """A fresh, empty department file, closed after the test."""
    af = AssessmentFile.create(tmp_path / "office.selfassess", checklist,
                               department_name="办公室", period="2026", filled_by="张三")
    yield af
    af.close()
