"""The zh_CN catalog is complete, consistent and compiled; Chinese is the default language."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import polib
import pytest

from selfassess import i18n
from selfassess.cli import main

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import catalog  # noqa: E402  (tools/ is not a package)

PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def test_every_message_has_a_chinese_translation() -> None:
    po = {entry.msgid: entry.msgstr for entry in polib.pofile(str(catalog.PO_PATH))}
    missing = [msgid for msgid in catalog.extract() if not po.get(msgid)]
    assert missing == [], "run `python tools/catalog.py update`, translate, then `compile`"


def test_translations_keep_their_placeholders() -> None:
    for entry in polib.pofile(str(catalog.PO_PATH)):
        if entry.msgstr:
            assert sorted(PLACEHOLDER.findall(entry.msgid)) == sorted(
                PLACEHOLDER.findall(entry.msgstr)), entry.msgid


def test_compiled_catalog_matches_the_po() -> None:
    from selfassess.catalog_zh_cn import MESSAGES

    po = {entry.msgid: entry.msgstr for entry in polib.pofile(str(catalog.PO_PATH))
          if entry.msgid and entry.msgstr and not entry.obsolete}
    assert po == MESSAGES, "run `python tools/catalog.py compile`"
    assert catalog.COMPILED.read_text(encoding="utf-8") == catalog.compiled_text()
    i18n.setup("zh_CN")
    try:
        for msgid, msgstr in po.items():
            assert i18n._(msgid) == msgstr == i18n.translate_to("zh", msgid)
        assert i18n._("not a message") == "not a message"  # untranslated: as written
    finally:
        i18n.setup("en")
    assert i18n._(next(iter(po))) == next(iter(po))


def test_chinese_is_the_default(monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("SELFASSESS_LANG")
    assert main(["checklists"]) == 0
    assert "满分 100 分，29 个指标" in capsys.readouterr().out
    assert i18n.current_language() == "zh_CN"


def test_language_option_and_refusals_in_chinese(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "x.selfassess"
    bad.write_text("不是数据库", encoding="utf-8")
    assert main(["--lang", "zh_CN", "summary", str(bad)]) == 1
    assert "不是 selfassess 文件" in capsys.readouterr().err
    assert main(["--lang", "en", "summary", str(bad)]) == 1
    assert "not a selfassess file" in capsys.readouterr().err


@pytest.mark.parametrize(("spelling", "expected"), [
    ("zh", "zh_CN"), ("zh-CN", "zh_CN"), ("zh_CN.UTF-8", "zh_CN"), ("en_US", "en"), ("en", "en"),
    ("fr", "zh_CN"), (None, "zh_CN")])
def test_language_spellings(spelling: str | None, expected: str) -> None:
    assert i18n.normalize_language(spelling) == expected


def test_chinese_text_takes_full_width_punctuation() -> None:
    """，：；（）！？ in Chinese prose (placeholders, numbers, flags, file filters and menu
    accelerators keep theirs); ``tools/catalog.py punctuate`` fixes what this finds."""
    found = [(entry.msgid, marks) for entry in polib.pofile(str(catalog.PO_PATH))
             if (marks := catalog.half_width_marks(entry.msgstr))]
    assert found == []
    assert catalog.full_width("平均分 {mean},最高分 {high}(共 {n} 个)") == \
        "平均分 {mean}，最高分 {high}（共 {n} 个）"
    assert catalog.full_width("文件(&F)") == "文件(&F)"
    assert catalog.full_width("时间 12:30, 共 1,000 项") == "时间 12:30，共 1,000 项"


def test_document_kinds_in_words() -> None:
    from selfassess.kinds import document_kind

    i18n.setup("zh_CN")
    try:
        assert document_kind("application/pdf") == "PDF 文档"
        assert document_kind("text/plain") == "文本"  # not the field label 内容
        assert document_kind("image/jpeg") == "图片"
        assert document_kind("application/octet-stream", "纪要.wps") == "WPS 文档"
        assert document_kind("application/x-foo") == "其他（application/x-foo）"
    finally:
        i18n.setup("en")
