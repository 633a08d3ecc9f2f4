"""Shared fixtures: isolated user folders, a pinned language, fresh department files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from selfassess import i18n
from selfassess.checklist import Checklist, checklist_from_mapping, checklist_mapping, load_builtin
from selfassess.store import AssessmentFile

if TYPE_CHECKING:
    from hostile import Case

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


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Case], Path, Path]:
    """The hostile corpus (tests/hostile.py), built once per test run and never modified by the
    tests that use it (they check that by hash). Built with its own SELFASSESS_HOME: a session
    fixture is set up before the per-test one."""
    from hostile import build_corpus

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SELFASSESS_HOME", str(tmp_path_factory.mktemp("corpus-home")))
        return build_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture
def quarters(checklist: Checklist) -> Checklist:
    """The built-in checklist with item 1.1 scored in quarter points (totals like 87.25)."""
    mapping = checklist_mapping(checklist)
    mapping["sections"][0]["items"][0]["step"] = "0.25"
    return checklist_from_mapping(mapping, "quarters")
