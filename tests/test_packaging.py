"""Packaging files: the Linux desktop entry, MIME type and per-user install, the Windows
installer script, and portable mode's folder choice. (The bundle itself is built and smoke-tested
by .ci/run after the tests: packaging/build.py, packaging/smoke.py.)"""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from selfassess import portable
from selfassess.paths import user_data_dir
from selfassess.store.schema import APPLICATION_ID

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"


def test_desktop_entry() -> None:
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(LINUX / "selfassess.desktop.in", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Terminal"] == "false"
    assert desktop["Name[zh_CN]"] == "意识形态工作责任制自查自评"
    assert "非涉密" in desktop["Comment[zh_CN]"]
    assert desktop["Exec"] == "@BUNDLE@/selfassess gui %f"
    assert "application/x-selfassess;" in desktop["MimeType"]
    assert desktop["Icon"] == "selfassess"


def test_mime_type_matches_our_files() -> None:
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(LINUX / "selfassess-mime.xml").getroot().find("m:mime-type", ns)
    assert mime is not None and mime.get("type") == "application/x-selfassess"
    assert mime.find("m:glob", ns).get("pattern") == "*.selfassess"  # type: ignore[union-attr]
    outer = mime.find("m:magic/m:match", ns)
    inner = outer.find("m:match", ns) if outer is not None else None
    assert outer is not None and outer.get("value") == "SQLite format 3"
    assert inner is not None and inner.get("offset") == "68"
    assert inner.get("value", "").encode() == APPLICATION_ID.to_bytes(4, "big")  # "SASS"


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script")
def test_per_user_install_and_uninstall(tmp_path: Path) -> None:
    bundle = tmp_path / "selfassess"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    (bundle / "_internal" / "resources" / "icons").symlink_to(ROOT / "resources" / "icons")
    program = bundle / "selfassess"
    program.write_text("#!/bin/sh\necho selfassess 9.9\n", encoding="utf-8")
    program.chmod(0o755)
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    result = subprocess.run(["sh", str(LINUX / "install.sh"), str(bundle)], env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    share = home / ".local" / "share"
    desktop = (share / "applications" / "selfassess.desktop").read_text(encoding="utf-8")
    assert f"Exec={share}/selfassess/app/selfassess gui %f" in desktop
    assert (share / "mime" / "packages" / "selfassess.xml").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "selfassess.svg").is_file()
    linked = home / ".local" / "bin" / "selfassess"
    assert subprocess.run([str(linked)], capture_output=True, text=True,
                          check=True).stdout.strip() == "selfassess 9.9"
    result = subprocess.run(["sh", str(LINUX / "install.sh"), "--uninstall"], env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert not linked.exists() and not (share / "selfassess" / "app").exists()
    assert not (share / "applications" / "selfassess.desktop").exists()


def test_windows_installer_script() -> None:
    script = (ROOT / "packaging" / "windows" / "selfassess.iss").read_text(encoding="utf-8-sig")
    for required in ("PrivilegesRequired=lowest", "compiler:Languages\\ChineseSimplified.isl",
                     "compiler:Default.isl", "Software\\Classes\\.selfassess",
                     "selfassess.file\\DefaultIcon", "{autoprograms}", "ChangesAssociations=yes"):
        assert required in script, required
    icon = next(line.split("=", 1)[1] for line in script.splitlines()
                if line.startswith("SetupIconFile="))
    assert (ROOT / "packaging" / "windows" / icon.replace("\\", "/")).resolve().is_file()


def test_portable_mode_keeps_user_data_beside_the_program(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    program = tmp_path / "bundle" / "selfassess"
    program.parent.mkdir()
    program.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    monkeypatch.delenv("SELFASSESS_HOME")
    assert portable.apply_portable_mode() is None  # no marker: the usual folders
    (program.parent / portable.MARKER).write_text("", encoding="utf-8")
    for variable in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(variable, "unchanged")  # monkeypatch restores them afterwards
    root = portable.apply_portable_mode()
    assert root == program.parent / "userdata"
    assert user_data_dir() == root / "data"
    assert os.environ["XDG_CACHE_HOME"].startswith(str(root))


def test_the_bundle_finds_its_qt_plugins_without_importing_qt_at_start(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PyInstaller's PySide6 start-up hook imported QtCore at every start (60 ms of each
    command); the spec leaves it out and the entry points set its plugin path instead."""
    monkeypatch.setenv("QT_PLUGIN_PATH", "/usr/lib/other-qt/plugins")
    portable.bundle_qt_paths()  # not frozen: a checkout's PySide6 finds its own plugins
    assert os.environ["QT_PLUGIN_PATH"] == "/usr/lib/other-qt/plugins"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    portable.bundle_qt_paths()  # another Qt's plugins do not fit the bundle's Qt
    expected = (tmp_path / "_internal" / "PySide6" / "plugins" if sys.platform == "win32"
                else tmp_path / "_internal" / "PySide6" / "Qt" / "plugins")
    assert os.environ["QT_PLUGIN_PATH"] == str(expected)
    spec = (ROOT / "packaging" / "selfassess.spec").read_text(encoding="utf-8")
    assert '"pyi_rth_pyside6"' in spec and "part.scripts = [s for s in part.scripts" in spec
    for entry in ("entry_cli.py", "entry_gui.py"):
        text = (ROOT / "packaging" / entry).read_text(encoding="utf-8")
        assert text.index("bundle_qt_paths()") < text.index("from selfassess.cli import")
