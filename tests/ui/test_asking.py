"""The boxes the app asks with (selfassess.ui.asking): what each hands to Qt and gives back."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from selfassess.ui import asking


def test_confirm_is_yes_only_for_yes_and_can_default_to_no(monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    asked: list[tuple[Any, ...]] = []
    answer = [QMessageBox.StandardButton.Yes]

    def question(*args: Any) -> QMessageBox.StandardButton:
        asked.append(args)
        return answer[0]

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    assert asking.confirm(None, "标题", "确定吗？") is True
    answer[0] = QMessageBox.StandardButton.No
    assert asking.confirm(None, "标题", "确定吗？", default_no=True) is False
    answer[0] = QMessageBox.StandardButton.Escape  # closed with Esc
    assert asking.confirm(None, "标题", "确定吗？") is False
    yes_no = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    assert asked[0][1:] == ("标题", "确定吗？", yes_no, QMessageBox.StandardButton.NoButton)
    assert asked[1][4] == QMessageBox.StandardButton.No


def test_a_line_of_text_is_stripped_and_none_when_cancelled_or_blank(
        monkeypatch: pytest.MonkeyPatch) -> None:
    typed: list[tuple[str, bool]] = [(" 2027 ", True), ("   ", True), ("2027", False)]
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *args: typed.pop(0)))
    assert asking.line_of_text(None, "新建", "考核年度") == "2027"
    assert asking.line_of_text(None, "新建", "考核年度") is None
    assert asking.line_of_text(None, "新建", "考核年度") is None


def test_file_choosers_give_names_and_nothing_when_cancelled(monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    given: list[tuple[Any, ...]] = []

    def chooser(result: Any) -> Any:
        return staticmethod(lambda *args: given.append(args) or result)

    monkeypatch.setattr(QFileDialog, "getOpenFileName", chooser(("/a/组织人事处.selfassess", "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", chooser(([], "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", chooser(("", "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", chooser("/b"))
    assert asking.file_to_open(None, "打开", "/a", "Excel (*.xlsx)") == "/a/组织人事处.selfassess"
    assert asking.files_to_open(None, "添加") == []
    assert asking.file_to_save(None, "另存为", "/a/副本.selfassess") == ""
    assert asking.folder_to_use(None, "文件夹", "/") == "/b"
    assert given == [(None, "打开", "/a", "Excel (*.xlsx)"), (None, "添加", "", ""),
                     (None, "另存为", "/a/副本.selfassess", ""), (None, "文件夹", "/")]
