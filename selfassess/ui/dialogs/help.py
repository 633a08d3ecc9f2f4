"""帮助: the keyboard shortcuts, where files and backups are kept, and what this program is."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from selfassess import __version__
from selfassess.i18n import N_, _
from selfassess.notice import NOT_CLASSIFIED
from selfassess.paths import user_config_dir, user_data_dir, user_log_dir

SHORTCUTS = (
    ("Ctrl+N", N_("New self-assessment")),
    ("Ctrl+O", N_("Open a file")),
    ("Ctrl+P", N_("Print preview")),
    ("Ctrl+W", N_("Close the file")),
    ("", N_("Undo / redo: in a text field its typing, elsewhere the last "
                                 "evidence, list, 不适用, bonus or veto change")),
    ("Alt+→ / Alt+←", N_("Next / previous item")),
    ("Ctrl+PgDown / Ctrl+PgUp", N_("Next / previous item")),
    ("Ctrl+F", N_("Find an item by code or words")),
    ("Tab / Shift+Tab", N_("Next / previous field on the page")),
    (N_("Alt + underlined letter"), N_("The button or menu with that letter")),
)


def _show(parent: QWidget, title: str, html: str) -> None:
    """A plain dialog wide enough for a table of paths or shortcuts (a message box is
    narrow and wraps every line); its text can be selected and copied."""
    dialog = QDialog(parent)
    dialog.setObjectName("help_box")
    dialog.setWindowTitle(title)
    label = QLabel(html)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    label.setMinimumWidth(label.fontMetrics().horizontalAdvance("字") * 36)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(label)
    layout.addWidget(buttons)
    dialog.exec()


def shortcuts_html() -> str:
    def native(key: QKeySequence.StandardKey) -> str:
        return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)

    undo_keys = f"{native(QKeySequence.StandardKey.Undo)} / {native(QKeySequence.StandardKey.Redo)}"
    rows = "".join(f"<tr><td><b>{escape(_(keys) if keys else undo_keys)}</b>"
                   f"&nbsp;&nbsp;</td><td>{escape(_(what))}</td></tr>"
                   for keys, what in SHORTCUTS)
    return f"<table cellspacing='4'>{rows}</table>"


def folders_html(current: Path | None) -> str:
    lines = [
        (_("Backups (made before every seal and merge)"), user_data_dir() / "backups"),
        (_("Log of errors"), user_log_dir()),
        (_("Settings"), user_config_dir()),
    ]
    if current is not None:
        lines.insert(0, (_("The open file"), current))
    rows = "".join(f"<tr><td>{escape(label)}：&nbsp;</td><td><code>{escape(str(path))}</code>"
                   f"</td></tr>" for label, path in lines)
    return (f"<table cellspacing='4'>{rows}</table><p>"
            + escape(_("Backups are listed and restored with “selfassess backups FILE” and "
                       "“selfassess restore FILE BACKUP”.")) + "</p>")


def about_html() -> str:
    return (f"<h3>selfassess {escape(__version__)}</h3><p>"
            + escape(_("Self-assessment of the ideological work responsibility system "
                       "(意识形态工作责任制): departments fill in and seal their files, the "
                       "bureau merges, reviews and prints them."))
            + f"</p><p><b>{escape(_(NOT_CLASSIFIED))}</b></p><p>"
            + escape(_("Printed with the fonts of the system or the bundled WenQuanYi Micro Hei "
                       "(Apache License 2.0 / GPL v3 with font exception)."))
            + "</p>")


def show_shortcuts(parent: QWidget) -> None:
    _show(parent, _("Keyboard shortcuts"), shortcuts_html())


def show_folders(parent: QWidget, current: Path | None) -> None:
    _show(parent, _("Where files are kept"), folders_html(current))


def show_about(parent: QWidget) -> None:
    _show(parent, _("About selfassess"), about_html())
